package org.backprop.workbench.app;

import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.lesson.LessonLibrary;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Work of the window's start that needs no JavaFX, begun on another thread while the JavaFX toolkit starts (the FX
 * thread is the start's critical path, and a second core is idle then): the default network read and parsed (with
 * Jackson's and the bundles' set-up), and the bundled lessons' folder opened in the jar (a zip file system, which
 * stays open for the lesson menu). {@link #defaultNetwork} then only waits for the result; without {@link #begin}
 * (the UI tests build windows themselves) it reads the network on the calling thread as before.
 */
final class StartUp {
    private static volatile CompletableFuture<NetworkDocument> network;

    private StartUp() {
    }

    /** Starts the background work; called once, before {@code Application.launch}. */
    static void begin() {
        CompletableFuture<NetworkDocument> f = new CompletableFuture<>();
        network = f;
        Thread t = new Thread(() -> {
            try {
                f.complete(DefaultNetwork.load());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
            try {
                LessonLibrary.find();
            } catch (RuntimeException e) {
                // the lesson menu finds the library itself, and reports what it finds
            }
        }, "start-up");
        t.setDaemon(true);
        t.start();
    }

    /** The default network: the one read by {@link #begin}, or read now. */
    static NetworkDocument defaultNetwork() {
        CompletableFuture<NetworkDocument> f = network;
        network = null;   // one window's; a second window reads its own
        if (f == null) {
            return DefaultNetwork.load();
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DefaultNetwork.load();
        } catch (ExecutionException e) {
            return DefaultNetwork.load();   // the same failure, thrown where it was before
        }
    }
}
