package org.backprop.workbench.hostile;

import org.backprop.workbench.cli.Cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Shared pieces of the hostile-input suites: running the CLI under a time bound, and bait files. */
final class Hostile {
    /**
     * A generous bound for one refusal: refusing is a matter of milliseconds, a hang runs forever. It detects hangs;
     * it measures nothing (performance is measured in benchmarks).
     */
    static final Duration HANG = Duration.ofSeconds(30);

    record Run(int status, String out, String err) {
    }

    private Hostile() {
    }

    /** Runs the CLI, failing if it takes longer than {@link #HANG}. */
    static Run cli(String... args) {
        return assertTimeoutPreemptively(HANG, () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(status, out.toString(), err.toString());
        });
    }

    /**
     * A FIFO: opening it for reading blocks until someone writes, so a run that opened it would hang and fail its
     * time bound. Outside a lesson's folder it is the proof that nothing there was opened.
     */
    static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mkfifo failed for " + path);
        }
        return path;
    }

    /** A lesson with a 1-1 network inline and one step whose prose is {@code body}; the body starts on line 10. */
    static String lesson(String body) {
        return """
                ---
                title: Hostile
                network:
                  layers: [1, {size: 1, activation: sigmoid}]
                  loss: quadratic
                  weights: [[[0.5]]]
                  biases: [[0.1]]
                  inputs: [[1.0]]
                  targets: [[0.0]]
                ---
                ## One step
                """ + body + "\n";
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
