package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Picocli's own parse errors (an unknown command, an unknown option, a stray argument, an option without its value, an option given
 * twice) worded from the bundles, so that they read in the current language; a value a converter refused already
 * carries the converter's message from the bundles, and any other error keeps picocli's text.
 */
final class ParseErrors {
    private ParseErrors() {
    }

    /** The sentence for {@code e}, without the "error:" before it. */
    static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> unmatched = u.getUnmatched();
            java.util.Set<String> commands = u.getCommandLine().getSubcommands().keySet();
            if (!commands.isEmpty() && !unmatched.get(0).startsWith("-")) {
                // where a command is expected, a word is a command the user mistyped, not an "extra argument"
                String text = Messages.get("cli.parse.unknownCommand", unmatched.get(0), String.join(", ", commands));
                List<String> suggestions = u.getSuggestions().stream().filter(commands::contains).toList();
                return suggestions.isEmpty() ? text
                        : Messages.get("cli.parse.didYouMean", text, String.join(", ", suggestions));
            }
            String listed = unmatched.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
            String text = Messages.get(unmatched.get(0).startsWith("-") ? "cli.parse.unknownOption" : "cli.parse.unmatched",
                    unmatched.size(), listed);
            List<String> suggestions = u.getSuggestions();
            return suggestions.isEmpty() ? text
                    : Messages.get("cli.parse.didYouMean", text, String.join(", ", suggestions));
        }
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
            return Messages.get("cli.parse.once", name(o.getOverwritten()));
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            List<ArgSpec> missing = m.getMissing();
            String message = String.valueOf(m.getMessage());
            if (missing.size() == 1 && missing.get(0).isOption() && message.startsWith("Missing required parameter for")) {
                return Messages.get("cli.parse.missingValue", name(missing.get(0)), missing.get(0).paramLabel());
            }
            return Messages.get("cli.parse.missing",
                    missing.stream().map(s -> "'" + name(s) + "'").collect(Collectors.joining(", ")));
        }
        return String.valueOf(e.getMessage());
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}
