package org.backprop.workbench.cli;

import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;

import java.nio.file.Path;

/** Loads the document a command works on. */
final class Documents {
    private Documents() {
    }

    static NetworkDocument load(Path file) throws NetworkFileException {
        return NetworkFile.load(file);
    }
}
