package org.backprop.workbench.against;

import org.backprop.workbench.io.NetworkFileException;

/**
 * A values file that cannot be used: "mine.npz: gradW2: must be 3 x 2 (n_1 x n_2, the shape of w^2); found 2 x 3".
 * A kind of {@link NetworkFileException} so that every command treats it as bad input (exit 2).
 */
public class ValuesFileException extends NetworkFileException {
    public ValuesFileException(String file, String location, String problem) {
        super(file, location, problem);
    }
}
