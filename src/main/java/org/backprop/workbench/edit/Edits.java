package org.backprop.workbench.edit;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to a network document, as the builder makes them. A refused change says why in the current language
 * ({@link Messages}). Each returns a new document and leaves the old one as
 * it was, so that an edit can be refused (see {@link #problem}) or undone. Structural changes keep every parameter
 * and sample value whose place still exists and draw the new ones from the document's seed.
 */
public final class Edits {
    /** The largest layer the builder grows to; bigger networks come from files (and can shrink from there). */
    public static final int MAX_LAYER_SIZE = 64;

    private Edits() {
    }

    /**
     * Why a document cannot be used, in the engine's own words (the file reader's checks: loss against output
     * activation, targets a distribution for cross-entropy, ...); empty if it can.
     */
    public static Optional<String> problem(NetworkDocument doc) {
        try {
            NetworkFile.parse(NetworkFile.toJson(doc), "network");
            return Optional.empty();
        } catch (NetworkFileException e) {
            return Optional.of((e.location().isEmpty() ? "" : e.location() + ": ") + e.problem());
        }
    }

    /** n_l set to {@code size} (l = 0 is the input). */
    public static NetworkDocument resize(NetworkDocument doc, int l, int size) {
        Network net = doc.network();
        int most = Math.max(MAX_LAYER_SIZE, net.size(l));   // a layer from a file may be larger; it may shrink
        if (size < 1 || size > most) {
            throw new IllegalArgumentException(Messages.get("edit.layerSize", most, size));
        }
        int[] sizes = sizes(net);
        sizes[l] = size;
        List<Activation> activations = activations(net);
        return renamed(doc, rebuild(doc, sizes, activations, net.loss(), identityMap(net.depth())));
    }

    /** The activation of layer l ≥ 1. */
    public static NetworkDocument activation(NetworkDocument doc, int l, Activation activation) {
        Network net = doc.network();
        List<Layer> layers = new ArrayList<>(net.layers());
        layers.set(l - 1, new Layer(net.size(l), activation));
        return renamed(doc, doc.withNetwork(net.withLayers(layers)));
    }

    /** The loss. */
    public static NetworkDocument loss(NetworkDocument doc, Loss loss) {
        return renamed(doc, doc.withNetwork(doc.network().withLoss(loss)));
    }

    /**
     * The name a network gets from its architecture, as the default network's is written: "A 2-3-2 classifier:
     * sigmoid hidden layer, softmax output, cross-entropy".
     */
    public static String describe(Network net) {
        StringBuilder sizes = new StringBuilder();
        for (int l = 0; l <= net.depth(); l++) {
            sizes.append(l == 0 ? "" : "-").append(net.size(l));
        }
        Loss loss = net.loss();
        String kind = loss.id().contains("cross-entropy") ? "classifier" : "network";
        List<String> hidden = new ArrayList<>();
        for (int l = 1; l < net.depth(); l++) {
            hidden.add(net.layers().get(l - 1).activation().id());
        }
        String hiddenPart;
        if (hidden.isEmpty()) {
            hiddenPart = "";
        } else if (hidden.stream().distinct().count() == 1) {
            hiddenPart = hidden.get(0) + (hidden.size() == 1 ? " hidden layer, " : " hidden layers, ");
        } else {
            hiddenPart = String.join(", ", hidden) + " hidden layers, ";
        }
        return "A " + sizes + " " + kind + ": " + hiddenPart
                + net.layers().get(net.depth() - 1).activation().id() + " output, " + loss.id();
    }

    /**
     * The edited document with its name following the architecture when the name was the one the architecture gave
     * (a name the user wrote is kept): the saved file's name then says what the network is after the edit.
     */
    private static NetworkDocument renamed(NetworkDocument before, NetworkDocument after) {
        if (before.name() == null || !before.name().equals(describe(before.network()))) {
            return after;
        }
        return new NetworkDocument(describe(after.network()), after.network(), after.batch(), after.seed());
    }

    /**
     * A new hidden layer inserted before layer {@code l} (1 ≤ l ≤ L), of the size and activation of its neighbour.
     */
    public static NetworkDocument insertLayer(NetworkDocument doc, int l, int size, Activation activation) {
        Network net = doc.network();
        if (l < 1 || l > net.depth()) {
            throw new IllegalArgumentException(Messages.get("edit.insertWhere", net.depth()));
        }
        int[] old = sizes(net);
        int[] sizes = new int[old.length + 1];
        List<Activation> activations = new ArrayList<>(activations(net));
        int[] map = new int[sizes.length];   // new layer index -> old, or -1
        for (int i = 0, j = 0; i < sizes.length; i++) {
            if (i == l) {
                sizes[i] = size;
                map[i] = -1;
            } else {
                sizes[i] = old[j];
                map[i] = j++;
            }
        }
        activations.add(l - 1, activation);
        return renamed(doc, rebuild(doc, sizes, activations, net.loss(), map));
    }

    /** Hidden layer l (1 ≤ l &lt; L) removed. */
    public static NetworkDocument removeLayer(NetworkDocument doc, int l) {
        Network net = doc.network();
        if (l < 1 || l >= net.depth()) {
            throw new IllegalArgumentException(Messages.get("edit.removeWhich", net.depth() - 1));
        }
        int[] old = sizes(net);
        int[] sizes = new int[old.length - 1];
        int[] map = new int[sizes.length];
        List<Activation> activations = new ArrayList<>(activations(net));
        activations.remove(l - 1);
        for (int i = 0, j = 0; j < old.length; j++) {
            if (j == l) {
                continue;
            }
            sizes[i] = old[j];
            map[i++] = j;
        }
        return renamed(doc, rebuild(doc, sizes, activations, net.loss(), map));
    }

    /** Every weight and bias drawn afresh from {@code seed} (same seed, same network). */
    public static NetworkDocument reinitialise(NetworkDocument doc, long seed) {
        Network net = doc.network();
        return new NetworkDocument(doc.name(), Network.initialised(net.size(0), net.layers(), net.loss(), seed),
                doc.batch(), seed);
    }

    /** w^l_kj (the note's indices: k = input, j = output). */
    public static NetworkDocument weight(NetworkDocument doc, int l, int k, int j, double value) {
        return doc.withNetwork(doc.network().withWeight(l, k, j, finite(value, "w")));
    }

    /** b^l_j. */
    public static NetworkDocument bias(NetworkDocument doc, int l, int j, double value) {
        return doc.withNetwork(doc.network().withBias(l, j, finite(value, "b")));
    }

    /** a^0_jx, input j of sample x. */
    public static NetworkDocument input(NetworkDocument doc, int j, int x, double value) {
        Batch b = doc.batch().copy();
        b.inputs().set(j, x, finite(value, Messages.get("edit.input")));
        return doc.withBatch(b);
    }

    /** t_jx, target j of sample x. */
    public static NetworkDocument target(NetworkDocument doc, int j, int x, double value) {
        Batch b = doc.batch().copy();
        b.targets().set(j, x, finite(value, Messages.get("edit.target")));
        return doc.withBatch(b);
    }

    /** A sample appended: a copy of the last one, so that targets stay valid for the loss. */
    public static NetworkDocument addSample(NetworkDocument doc) {
        Batch b = doc.batch();
        int m = b.size();
        return doc.withBatch(new Batch(withColumn(b.inputs(), m - 1), withColumn(b.targets(), m - 1)));
    }

    /** Sample x removed; the last sample stays. */
    public static NetworkDocument removeSample(NetworkDocument doc, int x) {
        Batch b = doc.batch();
        if (b.size() <= 1) {
            throw new IllegalArgumentException(Messages.get("edit.lastSample"));
        }
        return doc.withBatch(new Batch(withoutColumn(b.inputs(), x), withoutColumn(b.targets(), x)));
    }

    private static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(Messages.get("edit.notFinite", what, String.valueOf(value)));
        }
        return value;
    }

    private static int[] sizes(Network net) {
        int[] sizes = new int[net.depth() + 1];
        for (int l = 0; l <= net.depth(); l++) {
            sizes[l] = net.size(l);
        }
        return sizes;
    }

    private static List<Activation> activations(Network net) {
        List<Activation> list = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            list.add(net.activation(l));
        }
        return list;
    }

    private static int[] identityMap(int depth) {
        int[] map = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            map[l] = l;
        }
        return map;
    }

    /**
     * A network of new sizes: fresh parameters from the seed, then every old value copied where layer l of the new
     * network is layer map[l] of the old one and the same w^l / b^l entry still exists. The batch keeps its values
     * where the input and output sizes allow; new target rows are 0, and a sample whose targets no longer sum to 1
     * for a cross-entropy loss becomes one-hot on its old class (clipped to the new outputs).
     */
    private static NetworkDocument rebuild(NetworkDocument doc, int[] sizes, List<Activation> activations, Loss loss,
                                           int[] map) {
        Network old = doc.network();
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            layers.add(new Layer(sizes[l], activations.get(l - 1)));
        }
        Network fresh = Network.initialised(sizes[0], layers, loss, doc.seed());
        List<DMatrixRMaj> weights = fresh.weightList();
        List<DMatrixRMaj> biases = fresh.biasList();
        for (int l = 1; l < sizes.length; l++) {
            int ol = map[l];
            if (ol < 1 || map[l - 1] != ol - 1) {
                continue;   // a new layer, or one whose inputs changed: keep the fresh values
            }
            copyOverlap(old.w(ol), weights.get(l - 1));
            copyOverlap(old.b(ol), biases.get(l - 1));
        }
        Network net = new Network(sizes[0], layers, loss, weights, biases);
        Batch batch = doc.batch();
        int m = batch.size();
        DMatrixRMaj inputs = new DMatrixRMaj(sizes[0], m);
        copyOverlap(batch.inputs(), inputs);
        int nOut = sizes[sizes.length - 1];
        DMatrixRMaj targets = new DMatrixRMaj(nOut, m);
        copyOverlap(batch.targets(), targets);
        if (loss.needsDistributionTargets() && nOut != batch.targets().numRows) {
            for (int x = 0; x < m; x++) {
                int cls = Math.min(argmax(batch.targets(), x), nOut - 1);
                for (int j = 0; j < nOut; j++) {
                    targets.set(j, x, j == cls ? 1.0 : 0.0);
                }
            }
        }
        return new NetworkDocument(doc.name(), net, new Batch(inputs, targets), doc.seed());
    }

    private static int argmax(DMatrixRMaj m, int x) {
        int best = 0;
        for (int j = 1; j < m.numRows; j++) {
            if (m.get(j, x) > m.get(best, x)) {
                best = j;
            }
        }
        return best;
    }

    private static void copyOverlap(DMatrixRMaj from, DMatrixRMaj to) {
        for (int r = 0; r < Math.min(from.numRows, to.numRows); r++) {
            for (int c = 0; c < Math.min(from.numCols, to.numCols); c++) {
                to.set(r, c, from.get(r, c));
            }
        }
    }

    private static DMatrixRMaj withColumn(DMatrixRMaj m, int copyOf) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols + 1);
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                out.set(r, c, m.get(r, c));
            }
            out.set(r, m.numCols, m.get(r, copyOf));
        }
        return out;
    }

    private static DMatrixRMaj withoutColumn(DMatrixRMaj m, int drop) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols - 1);
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0, o = 0; c < m.numCols; c++) {
                if (c != drop) {
                    out.set(r, o++, m.get(r, c));
                }
            }
        }
        return out;
    }
}
