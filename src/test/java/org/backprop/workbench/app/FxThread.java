package org.backprop.workbench.app;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers that run code on the JavaFX thread and wait for it, shared by the UI tests. */
public final class FxThread {
    private FxThread() {
    }

    /** Runs on the FX thread and waits for the result. */
    public static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void fx(Runnable run) {
        fx(() -> {
            run.run();
            return null;
        });
    }

    /** Waits (up to a generous bound, not a timing assertion) until the condition holds on the FX thread. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("condition not reached", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
