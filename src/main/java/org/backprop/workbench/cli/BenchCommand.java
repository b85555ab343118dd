package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backprop.workbench.bench.BenchResult;
import org.backprop.workbench.bench.ColdCheck;
import org.backprop.workbench.bench.GradientBenchmark;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench}: times the exhaustive check of a 784-128-64-10 network, naive against incremental and one thread
 * against all cores.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the exhaustive gradient check of a seeded 784-128-64-10 network (sigmoid/relu hidden, "
                + "softmax-cross-entropy, m = 8): naive (two full forward passes per number) against incremental, "
                + "one thread against all cores, and the complex step against central differences.",
                "The naive side runs on a stratified sample (every delta and bias, --naive-sample weights per layer) "
                        + "and is extrapolated; --naive-sample 0 runs it whole (minutes)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "threads of the all-cores run (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--naive-sample", defaultValue = "" + GradientBenchmark.NAIVE_WEIGHTS_PER_LAYER,
            paramLabel = "N", description = "weights per layer the naive side checks; 0 = all (default: "
            + "${DEFAULT-VALUE})")
    int naiveSample;

    @Option(names = "--cold-runs", defaultValue = "" + ColdCheck.RUNS, paramLabel = "N",
            description = "fresh JVMs running check on the network end to end, the median reported as "
                    + "coldCheckSeconds; 0 skips them (default: ${DEFAULT-VALUE})")
    int coldRuns;

    @Option(names = "--write-network", paramLabel = "FILE",
            description = "write the benchmark network (784-128-64-10, m = 8, every weight, ~2.5 MB) to FILE and stop")
    Path writeNetwork;

    @Option(names = "--auto-step", paramLabel = "N",
            description = "measure --epsilon auto on N random smooth networks against the complex-step reference "
                    + "(median errors, coverage of the error bound) and stop")
    Integer autoStep;

    @Option(names = "--directional", paramLabel = "N",
            description = "measure the bisection of the directional check on 784-128-64-10: every deliberate mistake "
                    + "against the exhaustive check, then N planted wrong entries (evaluations, blocks named) and stop")
    Integer directional;

    @Override
    public Integer call() throws Exception {
        Options.format(format, "text", "json");
        if (autoStep != null) {
            if (autoStep < 1) {
                throw new UsageError(Messages.get("cli.bench.autoStep", String.valueOf(autoStep)));
            }
            PrintWriter out = spec.commandLine().getOut();
            for (org.backprop.workbench.numeric.DifferenceMethod method : new org.backprop.workbench.numeric
                    .DifferenceMethod[]{org.backprop.workbench.numeric.DifferenceMethod.CENTRAL,
                    org.backprop.workbench.numeric.DifferenceMethod.FORWARD,
                    org.backprop.workbench.numeric.DifferenceMethod.RICHARDSON}) {
                out.print(org.backprop.workbench.bench.AutoStepBenchmark.run(autoStep, seed, method).text());
            }
            out.flush();
            return 0;
        }
        if (directional != null) {
            if (directional < 0) {
                throw new UsageError(Messages.get("cli.bench.directional", String.valueOf(directional)));
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            var rows = org.backprop.workbench.bench.DirectionalBenchmark.run(seed, directional, line -> {
                err.println("bench: " + line);
                err.flush();
            });
            out.print(org.backprop.workbench.bench.DirectionalBenchmark.text(rows,
                    org.backprop.workbench.engine.Network.parameterCount(GradientBenchmark.SIZES[0],
                            java.util.Arrays.copyOfRange(GradientBenchmark.SIZES, 1, GradientBenchmark.SIZES.length))));
            out.flush();
            return 0;
        }
        int workers = Options.threads(threads);
        if (naiveSample < 0) {
            throw new UsageError(Messages.get("cli.bench.naiveSample", String.valueOf(naiveSample)));
        }
        if (coldRuns < 0) {
            throw new UsageError(Messages.get("cli.bench.coldRuns", String.valueOf(coldRuns)));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (writeNetwork != null) {
            try {
                ColdCheck.write(seed, writeNetwork);
            } catch (IOException e) {
                throw new UsageError(Messages.get("cli.cannotWrite", writeNetwork, e.getMessage()));
            }
            out.println(Messages.get("cli.wroteBytes", writeNetwork, String.valueOf(Files.size(writeNetwork))));
            out.flush();
            return 0;
        }
        boolean text = format.equals("text");
        BenchResult r = GradientBenchmark.run(seed, workers, naiveSample, line -> {
            err.println("bench: " + line);
            err.flush();
        });
        double cold = Double.NaN;
        List<String> coldOptions = ColdCheck.userOptions();
        if (coldRuns > 0) {
            cold = ColdCheck.seconds(seed, coldRuns, coldOptions);
            err.println("bench: " + Messages.get("bench.log.cold"));
            err.flush();
        }
        out.print(text ? text(r, cold, coldOptions) : json(r, cold, coldOptions));
        out.flush();
        return 0;
    }

    static String text(BenchResult r, double coldCheckSeconds, List<String> jvmOptions) {
        String s = text(r);
        return Double.isNaN(coldCheckSeconds) ? s : s + Messages.get("bench.text.cold", f("%.2f", coldCheckSeconds),
                String.join(" ", jvmOptions)) + NL;
    }

    static String json(BenchResult r, double coldCheckSeconds, List<String> jvmOptions) throws Exception {
        String json = json(r);
        if (Double.isNaN(coldCheckSeconds)) {
            return json;
        }
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.put("coldCheckSeconds", coldCheckSeconds);
        root.put("coldCheckJvmOptions", String.join(" ", jvmOptions));
        return mapper.writeValueAsString(root) + "\n";
    }

    private static final String NL = System.lineSeparator();

    /** A number as the table writes it, the same in every language (Locale.ROOT: 1.25, not 1,25). */
    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    /** The table in the current language; the numbers keep their widths, so the columns stay in line. */
    static String text(BenchResult r) {
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("bench.text.heading", r.network(), String.valueOf(r.samples()), r.numbers(),
                CheckReport.step(Thresholds.DEFAULT_EPSILON))).append(NL).append(NL);
        s.append(Messages.get("bench.text.naive", f("%8.2f", r.naiveSeconds()))).append(r.naiveExtrapolated()
                ? "  " + Messages.get("bench.text.extrapolated", f("%.2f", r.naiveMeasuredSeconds()), r.naiveNumbers())
                : "").append(NL);
        s.append(Messages.get("bench.text.incremental", f("%8.2f", r.incrementalSeconds()), String.valueOf(r.threads())))
                .append(NL);
        s.append(Messages.get("bench.text.speedup", f("%8.1f", r.speedup()))).append(NL).append(NL);
        s.append(Messages.get("bench.text.oneThread", f("%8.2f", r.oneThreadSeconds()))).append(NL);
        s.append(Messages.get("bench.text.allThreads", String.valueOf(r.threads()), f("%8.2f", r.allThreadsSeconds()),
                f("%.1f", r.coresObtained()), r.coresObtained() < 0.8 * r.threads()
                        ? Messages.get("bench.text.heldRest") : "")).append(NL);
        s.append(Messages.get("bench.text.parallel", f("%8.2f", r.parallelSpeedup()), f("%.2f", r.oneThreadCpuSeconds()),
                String.valueOf(r.threads()), f("%.2f", r.allThreadsCpuSeconds()))).append(NL).append(NL);
        s.append(Messages.get("bench.text.compare", r.naiveNumbers())).append(NL);
        s.append("  ").append(Messages.get("bench.text.maxRel", f("%.1e", r.maxRelDifference()),
                f("%.1e", r.maxAbsDifference()))).append(NL);
        s.append("  ").append(Messages.get("bench.text.byNumber", f("%.1e", r.maxElementwiseRelDifference()),
                f("%.1e", r.noise()))).append(NL).append(NL);
        s.append(Messages.get("bench.text.methods", r.smoothNetwork(), GradientBenchmark.METHOD_WEIGHTS_PER_LAYER,
                String.valueOf(GradientBenchmark.REPETITIONS))).append(NL);
        s.append(Messages.get("bench.text.central", f("%6.2f", r.centralSeconds()), f("%.1e", r.centralMedianRelError())))
                .append(NL);
        s.append(Messages.get("bench.text.complex", f("%6.2f", r.complexStepSeconds()),
                f("%.1e", r.complexMedianRelError()), f("%.2f", r.complexToCentral()))).append(NL).append(NL);
        s.append(Messages.get("bench.text.whole", f("%.1f", r.totalSeconds()),
                String.valueOf(Runtime.getRuntime().availableProcessors()))).append(NL);
        return s.toString();
    }

    static String json(BenchResult r) throws Exception {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        root.put("naiveSeconds", r.naiveSeconds());
        root.put("incrementalSeconds", r.incrementalSeconds());
        root.put("speedup", r.speedup());
        root.put("oneThreadSeconds", r.oneThreadSeconds());
        root.put("allThreadsSeconds", r.allThreadsSeconds());
        root.put("parallelSpeedup", r.parallelSpeedup());
        root.put("maxRelDifference", r.maxRelDifference());
        root.put("coresObtained", r.coresObtained());
        root.put("oneThreadCpuSeconds", r.oneThreadCpuSeconds());
        root.put("allThreadsCpuSeconds", r.allThreadsCpuSeconds());
        root.put("maxElementwiseRelDifference", r.maxElementwiseRelDifference());
        root.put("maxAbsDifference", r.maxAbsDifference());
        root.put("lastPlaceNoise", r.noise());
        root.put("network", r.network());
        root.put("samples", r.samples());
        root.put("numbers", r.numbers());
        root.put("threads", r.threads());
        root.put("naiveExtrapolated", r.naiveExtrapolated());
        root.put("naiveNumbersMeasured", r.naiveNumbers());
        root.put("naiveMeasuredSeconds", r.naiveMeasuredSeconds());
        root.put("smoothNetwork", r.smoothNetwork());
        root.put("centralSeconds", r.centralSeconds());
        root.put("complexStepSeconds", r.complexStepSeconds());
        root.put("complexToCentral", r.complexToCentral());
        root.put("centralMedianRelError", r.centralMedianRelError());
        root.put("complexMedianRelError", r.complexMedianRelError());
        root.put("totalSeconds", r.totalSeconds());
        return mapper.writeValueAsString(root) + "\n";
    }
}
