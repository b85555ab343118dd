package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.Network;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number, or a whole matrix, of the forward or backward pass as a lesson names it: {@code w1[0,2]}, {@code b2[1]},
 * {@code z1[0,3]}, {@code a2[1,0]}, {@code delta1[0,0]}, {@code gradA[1,0]}, {@code gradB1[2]},
 * {@code gradW2[0,1]}, {@code cost}. Indices are zero-based and always in the note's convention: {@code [k,j]}
 * (row = input neuron k, column = output neuron j) for w and ∂C/∂w, {@code [j]} for b and ∂C/∂b, {@code [j,x]}
 * (neuron j, sample x) for z, a, δ and ∇_a C; with one sample, {@code [j]} means {@code [j,0]}.
 *
 * @param kind  which quantity
 * @param layer l (0 only for a^0, the input; L for ∇_a C; 0 for the cost)
 * @param index the entry, or null for the whole matrix
 */
public record Quantity(Kind kind, int layer, int[] index) {

    /** The kinds of quantity, with the name a lesson writes and the symbol the app shows. */
    public enum Kind {
        Z("z", "z"), A("a", "a"), W("w", "w"), B("b", "b"), COST("cost", "C"), GRAD_A("gradA", "∇_a C"),
        DELTA("delta", "δ"), GRAD_B("gradB", "∂C/∂b"), GRAD_W("gradW", "∂C/∂w");

        private final String name;
        private final String symbol;

        Kind(String name, String symbol) {
            this.name = name;
            this.symbol = symbol;
        }

        /** As written in a lesson: {@code delta}. */
        public String lessonName() { return name; }

        /** As the note writes it: {@code δ}. */
        public String symbol() { return symbol; }
    }

    private static final Pattern SYNTAX = Pattern.compile(
            "(cost|gradA|gradW|gradB|delta|z|a|w|b)(\\d+)?(?:\\[\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?])?");

    /** What a lesson may write, for messages (in the current language). */
    public static String forms() {
        return Messages.get("quantity.forms");
    }

    /**
     * Reads a quantity and checks it against a network and a batch of m samples.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what was expected
     */
    /** The most digits a layer or index may have; a network has fewer than a billion of anything. */
    private static final int MAX_DIGITS = 9;

    /** A layer number or an index written in digits, refused in words if it is too long to be one. */
    static int whole(String digits, String what) {
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(Messages.get(what.equals("layer") ? "quantity.layerTooLong"
                    : "quantity.indexTooLong", digits.substring(0, MAX_DIGITS), digits.length()));
        }
        return Integer.parseInt(digits);
    }

    public static Quantity parse(String text, Network net, int m) {
        Matcher matcher = SYNTAX.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(Messages.get("quantity.notAQuantity", text.trim(), forms()));
        }
        String name = matcher.group(1);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.name.equals(name)).findFirst().orElseThrow();
        String layerText = matcher.group(2);
        int depth = net.depth();
        int layer;
        if (kind == Kind.COST || kind == Kind.GRAD_A) {
            if (layerText != null) {
                throw new IllegalArgumentException(Messages.get("quantity.noLayerNumber", kind.name,
                        kind.name + (kind == Kind.COST ? "" : "[j,x]")));
            }
            layer = kind == Kind.COST ? 0 : depth;
        } else {
            if (layerText == null) {
                throw new IllegalArgumentException(Messages.get("quantity.needsLayer", text.trim(), name + "1"));
            }
            layer = whole(layerText, "layer");
            int lowest = kind == Kind.A ? 0 : 1;
            if (layer < lowest || layer > depth) {
                throw new IllegalArgumentException(Messages.get(lowest == 0 ? "quantity.unknownLayerWithInput"
                        : "quantity.unknownLayer", String.valueOf(layer), text.trim(), String.valueOf(lowest),
                        String.valueOf(depth)));
            }
        }
        if (matcher.group(3) == null) {
            if (kind == Kind.COST) {
                return new Quantity(kind, 0, new int[0]);
            }
            return new Quantity(kind, layer, null);
        }
        if (kind == Kind.COST) {
            throw new IllegalArgumentException(Messages.get("quantity.costIndex"));
        }
        int first = whole(matcher.group(3), "index");
        Integer second = matcher.group(4) == null ? null : whole(matcher.group(4), "index");
        String where = text.trim();
        switch (kind) {
            case W, GRAD_W -> {
                if (second == null) {
                    throw new IllegalArgumentException(Messages.get("quantity.twoIndices", where,
                            String.valueOf(layer - 1), String.valueOf(layer)));
                }
                check(first, net.size(layer - 1), where, "k", "n_" + (layer - 1));
                check(second, net.size(layer), where, "j", "n_" + layer);
                return new Quantity(kind, layer, new int[]{first, second});
            }
            case B, GRAD_B -> {
                if (second != null) {
                    throw new IllegalArgumentException(Messages.get("quantity.oneIndex", where));
                }
                check(first, net.size(layer), where, "j", "n_" + layer);
                return new Quantity(kind, layer, new int[]{first});
            }
            default -> {
                check(first, net.size(layer), where, "j", "n_" + layer);
                int sample;
                if (second == null) {
                    if (m != 1) {
                        throw new IllegalArgumentException(Messages.get("quantity.needsSample", where,
                                String.valueOf(m), name + (layerText == null ? "" : layerText) + "[" + first + ",x]",
                                String.valueOf(m - 1)));
                    }
                    sample = 0;
                } else {
                    sample = second;
                    check(sample, m, where, "x", "m");
                }
                return new Quantity(kind, layer, new int[]{first, sample});
            }
        }
    }

    private static void check(int index, int size, String where, String name, String sizeName) {
        if (index >= size) {
            throw new IllegalArgumentException(Messages.get("quantity.indexOutOfRange", name, String.valueOf(index),
                    where, sizeName, String.valueOf(size), String.valueOf(size - 1)));
        }
    }

    /** True for one number rather than a whole matrix. */
    public boolean isEntry() {
        return index != null;
    }

    /** What a derivation takes, in English, where a constant is needed (the command line's help annotations). */
    public static final String DERIVABLE_FORMS = "z2[j,x], a2[j,x], gradA[j,x], delta1[j,x], gradB1[j] or "
            + "gradW2[k,j] (one entry, zero-based; [j] alone for one sample)";

    /** What a derivation takes, for messages (in the current language). */
    public static String derivableForms() {
        return Messages.get("quantity.derivableForms");
    }

    /** True for one entry of z, a, ∇_a C, δ, ∂C/∂b or ∂C/∂w: what the chain rule derives. */
    public boolean isDerivable() {
        return isEntry() && kind != Kind.W && kind != Kind.B && kind != Kind.COST;
    }

    /** True for the quantities backprop computes and the numerical check estimates: δ, ∂C/∂b, ∂C/∂w. */
    public boolean isChecked() {
        return kind == Kind.DELTA || kind == Kind.GRAD_B || kind == Kind.GRAD_W;
    }

    /** The formula whose checks cover this quantity, if any (δ^L: BP1, hidden δ: BP2, ∂C/∂b: BP3, ∂C/∂w: BP4). */
    public Optional<Formula> formula(int depth) {
        return switch (kind) {
            case DELTA -> Optional.of(layer == depth ? Formula.BP1 : Formula.BP2);
            case GRAD_B -> Optional.of(Formula.BP3);
            case GRAD_W -> Optional.of(Formula.BP4);
            default -> Optional.empty();
        };
    }

    /** The number an analysis computed for this entry (the analytic value, under the analysis's mistake). */
    public double value(Analysis analysis) {
        if (!isEntry()) {
            throw new IllegalStateException(this + " is a whole matrix, not one number");
        }
        return switch (kind) {
            case COST -> analysis.forward().cost();
            case Z -> analysis.forward().z(layer).get(index[0], index[1]);
            case A -> analysis.forward().a(layer).get(index[0], index[1]);
            case W -> analysis.network().w(layer).get(index[0], index[1]);
            case B -> analysis.network().b(layer).get(index[0], 0);
            case GRAD_A -> analysis.backward().gradA().get(index[0], index[1]);
            case DELTA -> analysis.backward().delta(layer).get(index[0], index[1]);
            case GRAD_B -> analysis.backward().gradB(layer).get(index[0], 0);
            case GRAD_W -> analysis.backward().gradW(layer).get(index[0], index[1]);
        };
    }

    /** The numerical check of this entry, if it is a checked quantity. */
    public Optional<CheckResult> check(Analysis analysis) {
        if (!isEntry() || !isChecked()) {
            return Optional.empty();
        }
        Formula formula = formula(analysis.network().depth()).orElseThrow();
        return analysis.checks(formula, layer).stream().filter(c -> Arrays.equals(c.index(), index)).findFirst();
    }

    /** The same entry with its two indices swapped (w_kj against w_jk), if that entry exists in the matrix. */
    public Optional<Quantity> transposed(Network net) {
        if ((kind != Kind.W && kind != Kind.GRAD_W) || !isEntry() || index[0] == index[1]) {
            return Optional.empty();
        }
        if (index[1] >= net.size(layer - 1) || index[0] >= net.size(layer)) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(kind, layer, new int[]{index[1], index[0]}));
    }

    /** As a lesson writes it: {@code delta1[0,2]}. */
    public String id() {
        String base = kind.name + (kind == Kind.COST || kind == Kind.GRAD_A ? "" : String.valueOf(layer));
        if (kind == Kind.COST || index == null) {
            return base;
        }
        return base + Arrays.toString(index).replace(" ", "");
    }

    /** In the note's symbols: {@code δ^1[0, 2]}, {@code ∂C/∂w^2[1, 0]}, {@code C}. */
    public String label() {
        if (kind == Kind.COST) {
            return "C";
        }
        String base = kind == Kind.GRAD_A ? kind.symbol : kind.symbol + "^" + layer;
        return index == null ? base : base + Arrays.toString(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && kind == q.kind && layer == q.layer && Arrays.equals(index, q.index);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + layer) + Arrays.hashCode(index);
    }

    @Override
    public String toString() {
        return id();
    }
}
