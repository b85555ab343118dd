package org.backprop.workbench.app;

import org.backprop.workbench.i18n.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where the stack traces of failed background work go: {@code workbench.log} in the settings folder, through
 * java.util.logging. The user sees one line in the status bar that ends with the log's path; the trace itself is
 * for a bug report. The file is opened on the first error, so a run without errors leaves no log behind.
 */
public final class ErrorLog {
    /** The log's file name in the settings folder. */
    public static final String FILE = "workbench.log";
    /** Largest log before it is started afresh (one file, no rotation: it is read by hand). */
    static final int LIMIT_BYTES = 1 << 20;

    private final Path file;
    private final Logger logger;
    private FileHandler handler;

    /** @param file the log file ({@code null} not permitted); its folder is created on the first error */
    public ErrorLog(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        // one logger per file, not the root: the tests' logs stay apart and nothing else writes here
        this.logger = Logger.getLogger(ErrorLog.class.getName() + "." + Integer.toHexString(this.file.hashCode()));
        logger.setUseParentHandlers(false);
    }

    /** The log of the user's settings folder. */
    public static ErrorLog standard() {
        return new ErrorLog(AppSettings.standard().folder().resolve(FILE));
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /**
     * Logs {@code error} with its stack trace and returns the line to show: {@code summary} with the log's path, or
     * {@code summary} alone if the log cannot be written (then the trace goes to stderr).
     */
    public synchronized String log(String summary, Throwable error) {
        if (open()) {
            logger.log(Level.SEVERE, summary, error);
            handler.flush();
            return Messages.get("error.logged", summary, file.toString());
        }
        System.err.println(summary);
        error.printStackTrace();
        return summary;
    }

    private boolean open() {
        if (handler != null) {
            return true;
        }
        try {
            Files.createDirectories(file.getParent());
            handler = new FileHandler(file.toString().replace("%", "%%"), LIMIT_BYTES, 1, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setEncoding("UTF-8");
            logger.addHandler(handler);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Closes the file (the app at exit, tests). */
    public synchronized void close() {
        if (handler != null) {
            logger.removeHandler(handler);
            handler.close();
            handler = null;
        }
    }
}
