package org.backprop.workbench;

import org.backprop.workbench.cli.Cli;

/**
 * The jar's entry point. It does not extend {@code Application}, so that a plain jar with JavaFX on the class path
 * starts; with arguments it runs the command line headless, without touching JavaFX. {@code app [FILE.json]} starts
 * the app, on that network file if one is given.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.backprop.workbench.app.WorkbenchApp.main(args);
        } else if (args[0].equals("app")) {
            org.backprop.workbench.app.WorkbenchApp.main(java.util.Arrays.copyOfRange(args, 1, args.length));
        } else {
            System.exit(Cli.run(args));
        }
    }
}
