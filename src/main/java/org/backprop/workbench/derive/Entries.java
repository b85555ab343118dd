package org.backprop.workbench.derive;

import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.lesson.Quantity;

import java.util.Set;

/**
 * The entries a derivation takes, in the entry syntax of the JSON report and the lesson quizzes: {@code z2[j,x]},
 * {@code a2[j,x]}, {@code gradA[j,x]}, {@code delta1[j,x]}, {@code gradB1[j]}, {@code gradW2[k,j]}, zero-based.
 */
public final class Entries {
    /** What may be derived, for messages. */
    public static final String FORMS = Quantity.DERIVABLE_FORMS;

    private static final Set<Quantity.Kind> DERIVABLE = Set.of(Quantity.Kind.Z, Quantity.Kind.A,
            Quantity.Kind.GRAD_A, Quantity.Kind.DELTA, Quantity.Kind.GRAD_B, Quantity.Kind.GRAD_W);

    private Entries() {
    }

    /**
     * Reads an entry to derive.
     *
     * @param text   e.g. {@code delta1[0,2]}, or {@code delta1[0]} with the sample given apart
     * @param net    the network the entry must exist in
     * @param m      the batch size
     * @param sample the sample x given apart (the CLI's {@code --sample}), or null
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    public static Quantity parse(String text, Network net, int m, Integer sample) {
        String trimmed = text.trim();
        Quantity q;
        if (sample != null) {
            if (sample < 0 || sample >= m) {
                throw new IllegalArgumentException(Messages.get("derive.entry.sampleRange", sample, m, m - 1));
            }
            // one index and a separate sample: read the index as if m were 1, then add the sample
            Quantity alone = Quantity.parse(trimmed, net, trimmed.contains(",") ? m : 1);
            q = alone;
            if (isPerSample(alone.kind()) && alone.isEntry()) {
                boolean twoIndices = trimmed.contains(",");
                if (twoIndices && alone.index()[1] != sample) {
                    throw new IllegalArgumentException(Messages.get("derive.entry.sampleTwice", trimmed,
                            alone.index()[1], sample));
                }
                q = Quantity.parse(twoIndices ? trimmed : withSample(trimmed, sample), net, m);
            } else if (!isPerSample(alone.kind()) && DERIVABLE.contains(alone.kind())) {
                throw new IllegalArgumentException(Messages.get("derive.entry.sumsSamples", trimmed));
            }
        } else {
            q = Quantity.parse(trimmed, net, m);
        }
        if (!DERIVABLE.contains(q.kind())) {
            throw new IllegalArgumentException(Messages.get(q.kind() == Quantity.Kind.COST
                    ? "derive.entry.cost" : "derive.entry.parameter", trimmed, Quantity.derivableForms()));
        }
        if (!q.isEntry()) {
            throw new IllegalArgumentException(Messages.get("derive.entry.whole", trimmed, Quantity.derivableForms()));
        }
        return q;
    }

    private static boolean isPerSample(Quantity.Kind kind) {
        return kind == Quantity.Kind.Z || kind == Quantity.Kind.A || kind == Quantity.Kind.GRAD_A
                || kind == Quantity.Kind.DELTA;
    }

    private static String withSample(String text, int sample) {
        int close = text.lastIndexOf(']');
        return text.substring(0, close) + "," + sample + text.substring(close);
    }
}
