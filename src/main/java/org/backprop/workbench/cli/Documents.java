package org.backprop.workbench.cli;

import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonParser;

import java.nio.file.Path;

/** Loads the document a command works on. */
final class Documents {
    private Documents() {
    }

    /** A network file, or the network of a lesson (.md). */
    static NetworkDocument load(Path file) throws NetworkFileException {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".md")) {
            try {
                return LessonParser.network(file);
            } catch (LessonException e) {
                throw new UsageError(e.getMessage());
            }
        }
        return NetworkFile.load(file);
    }
}
