package org.backprop.workbench.cli;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.NotAnalyticException;
import org.backprop.workbench.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code check FILE}: runs the network forward and backward and checks every formula numerically.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs a network file forward and backward and checks every backprop formula (BP1-BP4) against "
                + "numerical derivatives of the cost (central differences unless --method says otherwise).",
                "Exit status: 0 when no check fails, 1 when any check fails, 2 for bad input or usage."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a network file (JSON)")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--epsilon", paramLabel = "H", description = "the step h of the numerical method (default: "
            + "1e-8 forward, " + Thresholds.DEFAULT_EPSILON + " central, 1e-3 richardson, 1e-20 complex-step)")
    Double epsilon;

    @Option(names = "--method", defaultValue = "central", paramLabel = "METHOD",
            description = "forward, central, richardson or complex-step (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--mistake", paramLabel = "NAME",
            description = "replace one formula with a classic wrong version; 'list' lists them")
    String mistake;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ("list".equals(mistake)) {
            for (Mistake m : Mistake.values()) {
                if (m != Mistake.NONE) {
                    out.printf("%-20s %-9s %s%n", m.id(), m.formula(), m.description());
                }
            }
            out.flush();
            return 0;
        }
        if (file == null) {
            throw new UsageError("missing FILE: check needs a network file, e.g. check examples/softmax-2-3-2.json");
        }
        Mistake chosen = Mistake.NONE;
        if (mistake != null) {
            chosen = Mistake.fromId(mistake).orElseThrow(() -> new UsageError("--mistake: unknown mistake \""
                    + mistake + "\"; expected one of " + Mistake.ids() + " (or 'list')"));
        }
        DifferenceMethod chosenMethod = Options.method(method);
        double h = epsilon == null ? chosenMethod.defaultStep() : epsilon;
        if (!(h > 0) || !Double.isFinite(h) || h >= 1) {
            throw new UsageError("--epsilon: expected a positive number below 1, such as 1e-5; found " + h);
        }
        if (!format.equals("text") && !format.equals("json") && !format.equals("markdown")) {
            throw new UsageError("--format: expected text, json or markdown; found \"" + format + "\"");
        }
        NetworkDocument doc = Documents.load(file);
        Analysis analysis;
        try {
            analysis = GradientCheck.analyse(doc.network(), doc.batch(), new Backprop(chosen), chosenMethod, h,
                    CheckProgress.NONE);
        } catch (NotAnalyticException e) {
            throw new UsageError(file + ": " + e.getMessage());
        }
        out.print(switch (format) {
            case "json" -> CheckReport.json(analysis);
            case "markdown" -> CheckReport.markdown(analysis);
            default -> CheckReport.text(analysis);
        });
        out.flush();
        return analysis.summary().fail() > 0 ? 1 : 0;
    }
}
