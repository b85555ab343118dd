package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.DirectionalCheck;
import org.backprop.workbench.check.DirectionalResult;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.report.DirectionalReport;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.NotAnalyticException;
import org.backprop.workbench.report.CheckReport;
import org.backprop.workbench.report.MistakeText;
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
            + "1e-8 forward, 1e-5 central, 1e-3 richardson, 1e-20 complex-step), or 'auto': a step chosen per number "
            + "by Ridders' method, reported with its error bound")
    String epsilon;

    @Option(names = "--method", defaultValue = "central", paramLabel = "METHOD",
            description = "forward, central, richardson or complex-step (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--precision", defaultValue = "double", paramLabel = "P",
            description = "double or float: the arithmetic of the numerical forward passes; float shows why checks "
                    + "need double (default: ${DEFAULT-VALUE})")
    String precision;

    @Option(names = "--mode", defaultValue = "all", paramLabel = "MODE",
            description = "all (every number), sample:N (N weights per layer, every bias and delta) or directional "
                    + "(one random direction for the whole network) (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "seed of the sample or of the direction (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--mistake", paramLabel = "NAME",
            description = "replace one formula with a classic wrong version; 'list' lists them")
    String mistake;

    @Option(names = "--against", paramLabel = "VALUES",
            description = "compare your own backprop's values (a .json or NumPy .npz values file, see docs/VALUES.md) "
                    + "with the workbench's, name the first formula that differs and diagnose why")
    Path against;

    @Option(names = "--tolerance", paramLabel = "R",
            description = "with --against: the largest relative error per entry that still matches (default: 1e-6; "
                    + "float32 code needs about 1e-4)")
    Double tolerance;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ("list".equals(mistake)) {
            for (Mistake m : Mistake.values()) {
                if (m != Mistake.NONE) {
                    out.printf("%-20s %-9s %s%n", m.id(), m.formula(), MistakeText.description(m));
                }
            }
            out.flush();
            return 0;
        }
        if (file == null) {
            throw new UsageError(Messages.get("cli.missingFile", "check"));
        }
        Mistake chosen = Mistake.NONE;
        if (mistake != null) {
            chosen = Mistake.fromId(mistake).orElseThrow(() -> new UsageError(Messages.get("cli.unknownMistakeOrList",
                    mistake, Mistake.ids())));
        }
        DifferenceMethod chosenMethod = Options.method(method);
        boolean auto = org.backprop.workbench.numeric.Epsilon.isAutoText(epsilon);
        Double typed = null;
        if (!auto && epsilon != null) {
            try {
                typed = Options.decimal(epsilon.trim());
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        Messages.get("cli.invalidValue", "--epsilon", e.getMessage()));
            }
        }
        double h = auto ? chosenMethod.defaultStep() : Options.epsilon(typed, chosenMethod);
        Precision chosenPrecision = Options.precision(precision);
        CheckMode chosenMode = Options.mode(mode, seed);
        int workers = Options.threads(threads);
        Options.format(format, "text", "json", "markdown");
        NetworkDocument doc = Documents.load(file);
        if (against != null) {
            if (mistake != null) {
                throw new UsageError(Messages.get("cli.against.noMistake"));
            }
            if (chosenMode == null) {
                throw new UsageError(Messages.get("cli.against.noDirectional"));
            }
            return AgainstRun.run(out, doc, against, tolerance, format,
                    new CheckOptions(chosenMethod, h, chosenPrecision, chosenMode, workers));
        }
        if (tolerance != null) {
            throw new UsageError(Messages.get("cli.against.toleranceAlone"));
        }
        Backprop backprop = new Backprop(chosen);
        try {
            if (auto && (chosenMode == null || !(chosenMode instanceof CheckMode.All)
                    || chosenPrecision != Precision.DOUBLE)) {
                throw new UsageError(Messages.get("cli.epsilonAuto"));
            }
            if (auto) {
                return print(out, org.backprop.workbench.check.GradientCheck.analyseAuto(doc.network(), doc.batch(),
                        backprop, chosenMethod, CheckProgress.NONE));
            }
            if (chosenMode == null) {
                return directional(out, doc, backprop, chosenMethod, h, chosenPrecision);
            }
            CheckOptions options = new CheckOptions(chosenMethod, h, chosenPrecision, chosenMode, workers);
            Analysis analysis = FastGradientCheck.analyse(doc.network(), doc.batch(), backprop, options,
                    CheckProgress.NONE);
            return print(out, analysis);
        } catch (NotAnalyticException e) {
            throw new UsageError(Messages.get("cli.notAnalytic", file, e.getMessage()));
        }
    }

    private int directional(PrintWriter out, NetworkDocument doc, Backprop backprop, DifferenceMethod chosenMethod,
                            double h, Precision chosenPrecision) {
        Network net = doc.network();
        ForwardTrace forward = Forward.run(net, doc.batch());
        BackwardTrace backward = backprop.run(net, forward, doc.batch());
        DirectionalCheck.Localisation loc = new DirectionalCheck(net, doc.batch(), forward, backward, chosenMethod, h,
                chosenPrecision, seed).localise();
        DirectionalResult r = loc.whole();
        int m = doc.batch().size();
        out.print(switch (format) {
            case "json" -> DirectionalReport.json(net, m, forward.cost(), chosenPrecision, loc);
            case "markdown" -> DirectionalReport.markdown(net, m, forward.cost(), chosenPrecision, loc);
            default -> DirectionalReport.text(net, m, forward.cost(), chosenPrecision, loc);
        });
        out.flush();
        return loc.verdict() == Verdict.FAIL ? 1 : 0;
    }

    private int print(PrintWriter out, Analysis analysis) throws java.io.IOException {
        if (format.equals("json")) {
            CheckReport.writeJson(analysis, out);   // streamed: big.json's report is 32 MB
        } else {
            out.print(format.equals("markdown") ? CheckReport.markdown(analysis) : CheckReport.text(analysis));
        }
        out.flush();
        return analysis.summary().fail() > 0 ? 1 : 0;
    }
}
