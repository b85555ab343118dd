package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.EpsilonSweep;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.report.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sweep FILE}: the relative error of every difference method against the step ε.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Sweeps the step epsilon from 1e-1 to 1e-12 (23 steps) and prints the relative error of each "
                + "difference method (forward, central, richardson, complex-step) for one number (--formula, --layer, "
                + "--index) or the worst over a formula; a formula with more than --sample numbers is swept on a seeded "
                + "sample of them, and the report says so.",
                "Exit status: 0, or 2 for bad input or usage."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a network file (JSON)")
    Path file;

    @Option(names = "--formula", defaultValue = "BP4", paramLabel = "F",
            description = "BP1, BP2, BP3 or BP4 (default: ${DEFAULT-VALUE})")
    String formula;

    @Option(names = "--layer", paramLabel = "L", description = "the layer (default: every layer of the formula)")
    Integer layer;

    @Option(names = "--index", paramLabel = "I", description = "one number: j,x for BP1/BP2, j for BP3, k,j for BP4 "
            + "(zero-based; default: the worst over all)")
    String index;

    @Option(names = "--precision", defaultValue = "double", paramLabel = "P",
            description = "double or float (default: ${DEFAULT-VALUE})")
    String precision;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--sample", defaultValue = "" + DEFAULT_SAMPLE, paramLabel = "N|all",
            description = "sweep at most N numbers, drawn at random (seeded) when the formula has more; 'all' sweeps "
                    + "every one (default: ${DEFAULT-VALUE})")
    String sample;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "seed of the sample (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * The most numbers swept by default: each costs 23 steps times 3-4 methods of 1-4 cost evaluations (~170 in all,
     * against 2 in a check), so the 100,352 weights of 784-128-64-10's first layer would take about a minute on 2
     * cores; 2,000 take about a second, and the worst over a seeded sample of that size shows the same V.
     */
    static final int DEFAULT_SAMPLE = 2000;

    /** Selections this large report progress on stderr (smaller ones end before a line would help). */
    static final int PROGRESS_FROM = 500;

    @Override
    public Integer call() throws Exception {
        if (file == null) {
            throw new UsageError(Messages.get("cli.missingFile", "sweep"));
        }
        Formula chosen;
        try {
            chosen = Formula.valueOf(formula.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.get("cli.sweep.formula", formula));
        }
        int[] chosenIndex = index == null ? null : parseIndex(index, chosen);
        if (layer != null && layer < 1) {
            throw new UsageError(Messages.get("cli.sweep.layer", String.valueOf(layer)));
        }
        Precision chosenPrecision = Options.precision(precision);
        Options.format(format, "text", "json", "csv");
        int workers = Options.threads(threads);
        int most = parseSample(sample);
        NetworkDocument doc = Documents.load(file);
        EpsilonSweep.Result sweep;
        try {
            sweep = EpsilonSweep.sweep(doc.network(), doc.batch(), chosen, layer == null ? 0 : layer, chosenIndex,
                    chosenPrecision, EpsilonSweep.defaultSteps(), workers, most, seed,
                    progress(spec.commandLine().getErr()));
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.get("file.problem", file, e.getMessage()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case "json" -> SweepReport.json(doc.network().describe(), sweep);
            case "csv" -> SweepReport.csv(sweep);
            default -> SweepReport.text(doc.network().describe(), sweep);
        });
        out.flush();
        return 0;
    }

    private static int parseSample(String value) {
        if (value.equalsIgnoreCase("all")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(Messages.get("cli.sweep.sample", value));
    }

    /** "sweep: 40 % (800 of 2,000 numbers)" on stderr at every tenth, for large selections only. */
    private static CheckProgress progress(PrintWriter err) {
        return new CheckProgress() {
            private int printed;

            @Override
            public synchronized void advanced(long done, long total) {
                int tenth = (int) (10 * done / total);
                if (total >= PROGRESS_FROM && tenth > printed) {
                    printed = tenth;
                    err.println(Messages.get("cli.sweep.progress", 10 * tenth, done, total));
                    err.flush();
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    private static int[] parseIndex(String value, Formula formula) {
        int expected = formula == Formula.BP3 ? 1 : 2;
        String form = switch (formula) {
            case BP1, BP2 -> Messages.get("cli.sweep.indexJx");
            case BP3 -> Messages.get("cli.sweep.indexJ");
            case BP4 -> Messages.get("cli.sweep.indexKj");
        };
        String[] parts = value.split(",");
        if (parts.length != expected) {
            throw new UsageError(Messages.get("cli.sweep.indexCount", formula, form, value));
        }
        int[] out = new int[expected];
        for (int i = 0; i < expected; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 0) {
                throw new UsageError(Messages.get("cli.sweep.indexWhole", form, value));
            }
        }
        return out;
    }
}
