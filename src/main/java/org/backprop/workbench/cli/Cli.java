package org.backprop.workbench.cli;

import org.backprop.workbench.Version;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.io.Printable;
import org.backprop.workbench.util.Columns;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;

/**
 * The command line: {@code backprop-workbench check FILE ...} and friends. Without a command the launcher starts the
 * app instead.
 */
@Command(name = "backprop-workbench", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "Step through backpropagation and check every formula against numerical gradients. "
                + "Without a command, the app starts.",
        subcommands = {CheckCommand.class, SweepCommand.class, BenchCommand.class, LessonCommand.class,
                ExportCommand.class, DeriveCommand.class})
public final class Cli {
    /** Exit status for bad input or usage. */
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    /** {@code --version}: the project version from pom.xml, via the filtered resource {@link Version} reads. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Backprop Workbench " + Version.get()};
        }
    }

    /**
     * Runs the command line and returns its exit status; never throws. Output is UTF-8 whatever the platform's
     * default (Java 17 follows the locale, and under the POSIX locale of many containers δ and σ would print as "?").
     */
    public static int run(String[] args) {
        return run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    /** The help texts in Chinese ({@code help_zh_CN.properties} beside this class); English is in the annotations. */
    static final String HELP_BUNDLE = "org.backprop.workbench.cli.help";

    /**
     * The command tree, its help in the current language ({@link Messages#locale}): the English help is the
     * commands' annotations, the Chinese a picocli resource bundle over them (keys such as {@code
     * backprop-workbench.check.format}, {@code usage.description}), so that the same options read the same way.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        if (!Messages.locale().getLanguage().equals("en")) {
            cl.setResourceBundle(ResourceBundle.getBundle(HELP_BUNDLE, Messages.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            cl.setHelpFactory(WideHeadingHelp::new);
        }
        return cl;
    }

    /**
     * picocli indents the synopsis's wrapped lines by the heading's length in characters; "用法： " takes seven
     * columns in a terminal, not four, so the heading is measured in columns ({@link Columns#width}).
     */
    private static final class WideHeadingHelp extends CommandLine.Help {
        WideHeadingHelp(CommandLine.Model.CommandSpec spec, CommandLine.Help.ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public int synopsisHeadingLength() {
            String[] lines = CommandLine.Help.Ansi.OFF.new Text(commandSpec().usageMessage().synopsisHeading())
                    .toString().split("\\r?\\n|\\r|%n", -1);
            return Columns.width(lines[lines.length - 1]);
        }
    }

    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        // whatever a file holds, no control character reaches the terminal raw (escape sequences, forged lines)
        PrintWriter out = new PrintWriter(new PrintableWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new PrintableWriter(rawErr), true);
        CommandLine cl = commandLine();
        cl.registerConverter(Double.class, Options::decimal);
        cl.registerConverter(double.class, Options::decimal);
        cl.registerConverter(Integer.class, Options::whole);
        cl.registerConverter(int.class, Options::whole);
        cl.registerConverter(java.nio.file.Path.class, Options::path);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, ignoredArgs) -> {
            err.println(Messages.get("cli.error", Printable.escape(ParseErrors.message(e))));
            err.println(Messages.get("cli.seeHelp", e.getCommandLine().getCommandSpec().qualifiedName()));
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof NetworkFileException || e instanceof UsageError) {
                err.println(Messages.get("cli.error", Printable.escape(e.getMessage())));
            } else {
                err.println(Messages.get("cli.error", Printable.escape(String.valueOf(e))));
            }
            err.flush();
            return BAD_INPUT;
        });
        try {
            return cl.execute(args);
        } catch (StackOverflowError e) {
            err.println(Messages.get("cli.error", Messages.get("cli.tooDeep")));
            err.flush();
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println(Messages.get("cli.error", Messages.get("cli.outOfMemory")));
            err.flush();
            return BAD_INPUT;
        }
    }
}
