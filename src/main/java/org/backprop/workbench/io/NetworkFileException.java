package org.backprop.workbench.io;

/**
 * A network file that cannot be used, with where and why: "net.json: weights[1][0]: expected 2 numbers, found 3".
 */
public class NetworkFileException extends Exception {
    private final String file;
    private final String location;
    private final String problem;

    /**
     * @param file     the file's name as the user gave it
     * @param location a field path ({@code weights[1][0]}) or "line 3, column 7"; may be empty
     * @param problem  what was wrong and what was expected
     */
    public NetworkFileException(String file, String location, String problem) {
        super(file + (location.isEmpty() ? "" : ": " + location) + ": " + problem);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    public String file() { return file; }

    public String location() { return location; }

    public String problem() { return problem; }
}
