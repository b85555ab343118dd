package org.backprop.workbench.cli;

import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckOptions;
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

    /** The parsed --mode: a {@link CheckMode}, or null for the directional check. */
    static CheckMode mode(String value, long seed) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (v.equals("all")) {
            return CheckMode.ALL;
        }
        if (v.equals("directional")) {
            return null;
        }
        if (v.startsWith("sample:")) {
            String count = v.substring("sample:".length());
            try {
                int n = Integer.parseInt(count);
                if (n >= 1) {
                    return new CheckMode.Sample(n, seed);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageError("--mode: sample:N needs a whole number N >= 1 of weights per layer, such as "
                    + "sample:100; found \"" + value + "\"");
        }
        throw new UsageError("--mode: expected all, sample:N (N weights per layer, every bias and δ) or directional; "
                + "found \"" + value + "\"");
    }

    static int threads(Integer value) {
        if (value == null) {
            return CheckOptions.allCores();
        }
        if (value < 1 || value > MAX_THREADS) {
            throw new UsageError("--threads: expected a number of threads from 1 to " + MAX_THREADS + "; found "
                    + value);
        }
        return value;
    }

    /** More threads than this is a typo, not a machine. */
    static final int MAX_THREADS = 1024;

    /** The step: the method's default, or a positive number below 1. */
    static double epsilon(Double value, DifferenceMethod method) {
        double h = value == null ? method.defaultStep() : value;
        try {
            return org.backprop.workbench.numeric.Epsilon.check(h);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--epsilon: " + e.getMessage());
        }
    }

    static String format(String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new UsageError("--format: expected " + String.join(", ", allowed) + "; found \"" + value + "\"");
    }
}
