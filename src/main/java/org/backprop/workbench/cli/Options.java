package org.backprop.workbench.cli;

import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;

/** Parsing of the options shared by the numerical commands, with messages that say what was expected. */
final class Options {
    private Options() {
    }

    static DifferenceMethod method(String value) {
        return DifferenceMethod.fromId(value).orElseThrow(() -> new UsageError("--method: unknown method \"" + value
                + "\"; expected one of " + DifferenceMethod.ids()));
    }

    static Precision precision(String value) {
        return Precision.fromId(value).orElseThrow(() -> new UsageError("--precision: unknown precision \"" + value
                + "\"; expected one of " + Precision.ids()));
    }
}
