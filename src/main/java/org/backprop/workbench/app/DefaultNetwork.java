package org.backprop.workbench.app;

import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The network the app opens with: a 2-3-2 sigmoid/softmax network with cross-entropy and four samples. */
public final class DefaultNetwork {
    public static final String RESOURCE = "/org/backprop/workbench/default-network.json";

    private DefaultNetwork() {
    }

    public static NetworkDocument load() {
        try (InputStream in = DefaultNetwork.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return NetworkFile.parse(in.readAllBytes(), "default-network.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NetworkFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
