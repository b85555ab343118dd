package org.backprop.workbench.check;

/**
 * Progress and cancellation of long checks, free of any UI toolkit.
 */
public interface CheckProgress {
    /** Called now and then with the number of checked numbers so far and the total. */
    void advanced(long done, long total);

    /** True once the user asked to stop; the check then ends with a {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();

    /** No progress reports, never cancelled. */
    CheckProgress NONE = new CheckProgress() {
        @Override
        public void advanced(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
