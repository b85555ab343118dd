package org.backprop.workbench.bench;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The check as a user meets it: a fresh JVM running {@code check FILE} on the benchmark network (784-128-64-10, m = 8,
 * written out in full, ~2.5 MB of JSON), timed from process start to exit: JVM start, class loading, reading the
 * file, the check with its JIT warm-up, and the text report.
 */
public final class ColdCheck {
    /** Fresh JVMs per measurement; the median counts, so one run slowed by other work does not. */
    public static final int RUNS = 3;

    /**
     * The JIT flag the app image's launcher gives every command but {@code bench} and the window, and the one
     * docs/INSTALL.md recommends to {@code java -jar} users: C1 only, because C2's compilations cost a run of a few
     * seconds more CPU than they save (docs/NUMERICS.md, "From the user's side").
     */
    public static final String CLI_JIT_FLAG = "-XX:TieredStopAtLevel=1";

    /**
     * The system property in which the launcher names its class-data-sharing archive of the command line, when one
     * has been made (bin/backprop-workbench, src/dist/backprop-workbench).
     */
    public static final String ARCHIVE_PROPERTY = "backprop.cliArchive";

    private ColdCheck() {
    }

    /** The benchmark network (sigmoid, relu, identity with softmax-cross-entropy) and its batch, as a document. */
    public static NetworkDocument document(long seed) {
        Network net = GradientBenchmark.network(Activation.SIGMOID, Activation.RELU, seed);
        Batch batch = GradientBenchmark.batch(net, GradientBenchmark.SAMPLES, seed);
        return new NetworkDocument("784-128-64-10, the benchmark network", net, batch, seed);
    }

    /** Writes {@link #document} to the file, every weight in full. */
    public static void write(long seed, Path file) throws IOException {
        NetworkFile.save(document(seed), file);
    }

    /**
     * The JVM options of a {@code check} as users run it: {@link #CLI_JIT_FLAG}, and the launcher's archive when
     * this JVM was started by the launcher and the archive exists ({@code -Xshare:auto}: used only if it fits).
     */
    public static List<String> userOptions() {
        List<String> options = new ArrayList<>(List.of(CLI_JIT_FLAG));
        String archive = System.getProperty(ARCHIVE_PROPERTY, "");
        if (!archive.isEmpty() && Files.isRegularFile(Path.of(archive))) {
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-Xshare:auto");
        }
        return options;
    }

    /**
     * The median wall time of {@code runs} fresh JVMs running {@code check} on the benchmark network, each started
     * like this one (same java, same class path, the JVM options in {@code jvmOptions}).
     *
     * @throws IllegalStateException if a run exits with status 2 (bad input) or is interrupted
     */
    public static double seconds(long seed, int runs, List<String> jvmOptions) throws IOException {
        Path dir = Files.createTempDirectory("backprop-cold-check");
        Path file = dir.resolve("784-128-64-10.json");
        try {
            write(seed, file);
            double[] times = new double[runs];
            for (int i = 0; i < runs; i++) {
                times[i] = once(file, jvmOptions);
            }
            Arrays.sort(times);
            return times[runs / 2];
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static double once(Path file, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.backprop.workbench.Launcher",
                "check", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            int status = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status > 1) {   // 0: every check passed, 1: some failed; both ran end to end
                throw new IllegalStateException("the cold check exited with status " + status + ": " + command);
            }
            return seconds;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the cold check was interrupted", e);
        }
    }
}
