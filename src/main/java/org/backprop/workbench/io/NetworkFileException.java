package org.backprop.workbench.io;

import org.backprop.workbench.i18n.Messages;

/**
 * A network file that cannot be used, with where and why: "net.json: weights[1][0]: expected 2 numbers, found 3". The
 * problem is worded in the current language ({@link Messages}); the file name and the field path are kept as written,
 * and a line and column are numbers without grouping, so that "line 1234" can be found in an editor.
 */
public class NetworkFileException extends Exception {
    private final String file;
    private final String location;
    private final String problem;

    /**
     * @param file     the file's name as the user gave it
     * @param location a field path ({@code weights[1][0]}) or {@link #lineColumn "line 3, column 7"}; may be empty
     * @param problem  what was wrong and what was expected
     */
    public NetworkFileException(String file, String location, String problem) {
        super(location.isEmpty() ? Messages.get("file.problem", file, problem)
                : Messages.get("file.problemAt", file, location, problem));
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    /** "line 3, column 7" in the current language, the numbers as they are (no grouping). */
    public static String lineColumn(long line, long column) {
        return Messages.get("file.lineColumn", String.valueOf(line), String.valueOf(column));
    }

    public String file() { return file; }

    public String location() { return location; }

    public String problem() { return problem; }
}
