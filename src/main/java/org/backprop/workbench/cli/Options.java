package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;

/** Parsing of the options shared by the numerical commands, with messages that say what was expected. */
final class Options {
    private Options() {
    }

    static DifferenceMethod method(String value) {
        return DifferenceMethod.fromId(value).orElseThrow(() -> new UsageError(Messages.get("cli.unknownMethod", value,
                DifferenceMethod.ids())));
    }

    static Precision precision(String value) {
        return Precision.fromId(value).orElseThrow(() -> new UsageError(Messages.get("cli.unknownPrecision",
                value, Precision.ids())));
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
            if (WHOLE.matcher(count).matches()) {
                int n = Integer.parseInt(count);
                if (n >= 1) {
                    return new CheckMode.Sample(n, seed);
                }
            }
            throw new UsageError(Messages.get("cli.modeSample", value));
        }
        throw new UsageError(Messages.get("cli.mode", value));
    }

    /** A whole number in ASCII digits (Java would also read Arabic-Indic and other digits), small enough for an int. */
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[0-9]{1,9}");

    /** A decimal number as the note writes it (Java would also read 1e-5f, 1e-5d and hexadecimal 0x1p-3). */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");

    /** Reads a number option such as {@code --epsilon 1e-5}. */
    static Double decimal(String text) {
        if (!DECIMAL.matcher(text).matches() && !text.matches("[-+]?(NaN|Infinity)")) {
            throw new picocli.CommandLine.TypeConversionException(Messages.get("cli.notADecimal",
                    org.backprop.workbench.io.Printable.escape(text)));
        }
        return Double.valueOf(text);
    }

    /** Reads a whole-number option such as {@code --threads 4}. */
    static Integer whole(String text) {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (!WHOLE.matcher(digits).matches()) {
            throw new picocli.CommandLine.TypeConversionException(Messages.get("cli.notWhole",
                    org.backprop.workbench.io.Printable.escape(text)));
        }
        return Integer.valueOf(text.startsWith("-") ? "-" + digits : digits);
    }

    /** Reads a file argument; a NUL byte cannot be part of a file name. */
    static java.nio.file.Path path(String text) {
        return org.backprop.workbench.io.SafeFiles.path(text).orElseThrow(() ->
                new picocli.CommandLine.TypeConversionException(Messages.get("cli.notAPath",
                        org.backprop.workbench.io.Printable.escape(text))));
    }

    static int threads(Integer value) {
        if (value == null) {
            return CheckOptions.allCores();
        }
        if (value < 1 || value > MAX_THREADS) {
            throw new UsageError(Messages.get("cli.threads", String.valueOf(MAX_THREADS), String.valueOf(value)));
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
            throw new UsageError(Messages.get("cli.option", "--epsilon", e.getMessage()));
        }
    }

    static String format(String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new UsageError(Messages.get("cli.format", String.join(", ", allowed), value));
    }
}
