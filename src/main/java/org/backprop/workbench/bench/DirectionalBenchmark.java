package org.backprop.workbench.bench;

import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.DirectionalCheck;
import org.backprop.workbench.check.DirectionalCheck.Localisation;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.util.Columns;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The bisection of the directional check measured ({@code bench --directional}): on the benchmark network
 * 784-128-64-10 (sigmoid, tanh, identity output with softmax-cross-entropy, m = 8, seeded), for every deliberate
 * mistake the blocks the directional check names against the blocks in which the exhaustive incremental check fails
 * a number, and the cost evaluations it took; then single wrong entries planted in backprop's result (one per run,
 * in a seeded random block and entry, wrong by half the block's gradient norm), which must be named exactly.
 */
public final class DirectionalBenchmark {
    private DirectionalBenchmark() {
    }

    /** One run: what was wrong, what the exhaustive check fails, what the bisection named and at what price. */
    public record Row(String what, String exhaustive, String named, boolean exact, long evaluations) {
    }

    /** Every mistake, then {@code planted} planted single entries. */
    public static List<Row> run(long seed, int planted, Consumer<String> log) {
        Network net = GradientBenchmark.network(Activation.SIGMOID, Activation.TANH, seed);
        Batch batch = GradientBenchmark.batch(net, GradientBenchmark.SAMPLES, seed);
        ForwardTrace forward = Forward.run(net, batch);
        List<Row> rows = new java.util.ArrayList<>();
        for (Mistake mistake : Mistake.values()) {
            BackwardTrace backward = new Backprop(mistake).run(net, forward, batch);
            List<CheckResult> all = new FastGradientCheck(CheckOptions.defaults()).run(net, batch, forward, backward,
                    CheckProgress.NONE);
            Set<String> failing = all.stream().filter(r -> r.verdict() == Verdict.FAIL)
                    .filter(r -> r.formula() == Formula.BP3 || r.formula() == Formula.BP4)
                    .map(r -> r.formula() + " " + r.layer()).collect(Collectors.toCollection(TreeSet::new));
            Localisation loc = localise(net, batch, forward, backward, seed);
            Set<String> named = loc.localised().stream().map(x -> x.formula() + " " + x.layer())
                    .collect(Collectors.toCollection(TreeSet::new));
            rows.add(new Row(mistake.id(), String.join(", ", failing), String.join(", ", named),
                    failing.equals(named), loc.evaluations()));
            log.accept(Messages.get("bench.log.localised", mistake.id()));
        }
        Random random = new Random(seed);
        for (int n = 0; n < planted; n++) {
            BackwardTrace backward = new Backprop().run(net, forward, batch);
            int l = 1 + random.nextInt(net.depth());
            boolean bias = random.nextBoolean();
            int k = random.nextInt(net.size(l - 1));
            int j = random.nextInt(net.size(l));
            double[] block = (bias ? backward.gradB(l) : backward.gradW(l)).data;
            double change = 0.5 * Math.max(1e-3, Math.sqrt(Arrays.stream(block).map(x -> x * x).sum()));
            if (bias) {
                backward.gradB(l).add(j, 0, change);
            } else {
                backward.gradW(l).add(k, j, change);
            }
            String wanted = (bias ? "BP3 " + l + " [" + j + "]" : "BP4 " + l + " [" + k + ", " + j + "]");
            Localisation loc = localise(net, batch, forward, backward, seed);
            String named = loc.localised().stream().map(x -> x.formula() + " " + x.layer()
                    + (x.index() == null ? "" : " " + Arrays.toString(x.index()))).collect(Collectors.joining(", "));
            rows.add(new Row("planted", wanted, named, wanted.equals(named), loc.evaluations()));
        }
        log.accept(Messages.get("bench.log.planted"));
        return rows;
    }

    private static Localisation localise(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward,
                                         long seed) {
        return new DirectionalCheck(net, batch, forward, backward, DifferenceMethod.CENTRAL, 1e-5, Precision.DOUBLE,
                seed).localise();
    }

    /** The table, and the worst evaluation count against the exhaustive one. */
    public static String text(List<Row> rows, long parameters) {
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder(Messages.get("bench.dir.heading", String.valueOf(GradientBenchmark.SAMPLES)))
                .append(nl);
        s.append(Columns.left(Messages.get("bench.dir.wrong"), 20)).append(' ')
                .append(Columns.left(Messages.get("bench.dir.exhaustive"), 34)).append(' ')
                .append(Columns.left(Messages.get("bench.dir.directional"), 34)).append(' ')
                .append(Columns.right(Messages.get("bench.dir.same"), 5)).append(' ')
                .append(Columns.right(Messages.get("bench.dir.evals"), 6)).append(nl);
        long worst = 0;
        int exact = 0;
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-20s %-34s %-34s ", r.what(),
                    r.exhaustive().isEmpty() ? "-" : r.exhaustive(), r.named().isEmpty() ? "-" : r.named()))
                    .append(Columns.right(Messages.get(r.exact() ? "bench.dir.yes" : "bench.dir.no"), 5))
                    .append(String.format(Locale.ROOT, " %6d", r.evaluations())).append(nl);
            worst = Math.max(worst, r.evaluations());
            exact += r.exact() ? 1 : 0;
        }
        s.append(Messages.get("bench.dir.summary", String.valueOf(exact), String.valueOf(rows.size()),
                String.valueOf(worst), parameters, 2 * parameters)).append(nl);
        return s.toString();
    }
}
