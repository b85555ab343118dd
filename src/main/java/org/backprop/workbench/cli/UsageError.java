package org.backprop.workbench.cli;

/** A command line that cannot be run as given; printed without a stack trace, exit status 2. */
public class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
