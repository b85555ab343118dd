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
            err.println("bench: cold check measured");
            err.flush();
        }
        out.print(text ? text(r, cold, coldOptions) : json(r, cold, coldOptions));
        out.flush();
        return 0;
    }

    static String text(BenchResult r, double coldCheckSeconds, List<String> jvmOptions) {
        String s = text(r);
        return Double.isNaN(coldCheckSeconds) ? s : s + String.format(Locale.ROOT, "cold check      %.2f s  (median of "
                + "fresh JVMs running 'check' on the network end to end: start, read, check, report; JVM options: "
                + "%s)%n", coldCheckSeconds, String.join(" ", jvmOptions));
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

    static String text(BenchResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Exhaustive gradient check of %s, m = %d: %,d numbers (every delta, bias "
                + "and weight), central differences, epsilon = %s%n%n", r.network(), r.samples(), r.numbers(),
                CheckReport.step(Thresholds.DEFAULT_EPSILON)));
        s.append(String.format(Locale.ROOT, "naive        %8.2f s%s%n", r.naiveSeconds(), r.naiveExtrapolated()
                ? String.format(Locale.ROOT, "  (extrapolated: measured %.2f s on a stratified sample of %,d numbers)",
                r.naiveMeasuredSeconds(), r.naiveNumbers()) : ""));
        s.append(String.format(Locale.ROOT, "incremental  %8.2f s  (%d threads)%n", r.incrementalSeconds(), r.threads()));
        s.append(String.format(Locale.ROOT, "speedup      %8.1fx%n%n", r.speedup()));
        s.append(String.format(Locale.ROOT, "1 thread     %8.2f s%n", r.oneThreadSeconds()));
        s.append(String.format(Locale.ROOT, "%d threads    %8.2f s  (the process got %.1f cores on average%s)%n",
                r.threads(), r.allThreadsSeconds(), r.coresObtained(), r.coresObtained() < 0.8 * r.threads()
                        ? ": other work held the rest, so this ratio understates the parallel speedup" : ""));
        s.append(String.format(Locale.ROOT, "parallel     %8.2fx  (CPU time: 1 thread %.2f s, %d threads %.2f s)%n%n",
                r.parallelSpeedup(), r.oneThreadCpuSeconds(), r.threads(), r.allThreadsCpuSeconds()));
        s.append(String.format(Locale.ROOT, "naive vs incremental over the %,d numbers both computed:%n",
                r.naiveNumbers()));
        s.append(String.format(Locale.ROOT, "  max relative difference (normwise) %.1e  = max |difference| %.1e / max "
                + "|value|%n", r.maxRelDifference(), r.maxAbsDifference()));
        s.append(String.format(Locale.ROOT, "  number by number, as checks measure errors: %.1e  (one unit in the last "
                + "place of C moves a central difference by %.1e)%n%n", r.maxElementwiseRelDifference(), r.noise()));
        s.append(String.format(Locale.ROOT, "Methods on %s (incremental, 1 thread, every delta and bias, %,d weights per layer, best of %d):%n",
                r.smoothNetwork(), GradientBenchmark.METHOD_WEIGHTS_PER_LAYER, GradientBenchmark.REPETITIONS));
        s.append(String.format(Locale.ROOT, "central       %6.2f s  median relative error %.1e%n", r.centralSeconds(),
                r.centralMedianRelError()));
        s.append(String.format(Locale.ROOT, "complex step  %6.2f s  median relative error %.1e  (%.2fx the time of "
                + "central)%n%n", r.complexStepSeconds(), r.complexMedianRelError(), r.complexToCentral()));
        s.append(String.format(Locale.ROOT, "whole benchmark %.1f s on %d available cores%n", r.totalSeconds(),
                Runtime.getRuntime().availableProcessors()));
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
