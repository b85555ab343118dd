package org.backprop.workbench.io;

import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Network;

/**
 * What a network file holds: a title, the network with its parameters, a batch of samples and the seed the
 * parameters were (or can be re-) initialised from.
 */
public record NetworkDocument(String name, Network network, Batch batch, long seed) {
    public NetworkDocument withNetwork(Network newNetwork) {
        return new NetworkDocument(name, newNetwork, batch, seed);
    }

    public NetworkDocument withBatch(Batch newBatch) {
        return new NetworkDocument(name, network, newBatch, seed);
    }
}
