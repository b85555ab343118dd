package org.backprop.workbench;

import org.backprop.workbench.cli.Cli;

/**
 * The jar's entry point (and the app image's {@code bin/backprop-workbench}). It does not extend {@code Application},
 * so that a plain jar with JavaFX on the class path starts; with arguments it runs the command line headless,
 * without touching JavaFX. {@code app [FILE.json]} starts the app, on that network file if one is given.
 * Before the window opens, {@link Platforms} makes the JavaFX natives of this system loadable (the cross-platform
 * jar) and says in one line what is missing if the window cannot open (GTK 3 on Linux).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            startApp(args);
        } else if (args[0].equals("app")) {
            startApp(java.util.Arrays.copyOfRange(args, 1, args.length));
        } else {
            System.exit(Cli.run(args));
        }
    }

    private static void startApp(String[] args) {
        String problem = Platforms.displayProblem(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"));
        if (problem == null) {
            int status = WindowJvm.relaunch(java.util.List.of(args));
            if (status >= 0) {
                System.exit(status);   // the window ran in a JVM with the launcher's flags (WindowJvm)
            }
            problem = Platforms.prepareWindow();
        }
        if (problem != null) {
            say(problem);
            System.exit(1);
        }
        try {
            org.backprop.workbench.app.WorkbenchApp.main(args);
        } catch (RuntimeException e) {
            // a DISPLAY that is set but cannot be opened: JavaFX throws UnsupportedOperationException at start-up
            if (Platforms.isNoDisplay(e)) {
                say(org.backprop.workbench.i18n.Messages.get("launcher.noDisplay"));
                System.exit(1);
            }
            throw e;
        }
    }

    /**
     * The one line on stderr, in UTF-8 as the command line writes ({@link Cli#run(String[])}): the JVM's default
     * follows the C library's locale, ASCII where zh_CN.UTF-8 is set but not installed, and Chinese became "???".
     */
    private static void say(String problem) {
        new java.io.PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8)
                .println("backprop-workbench: " + problem);
    }
}
