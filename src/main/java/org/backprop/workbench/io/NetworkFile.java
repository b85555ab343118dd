package org.backprop.workbench.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.util.Names;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes network files (JSON):
 * <pre>
 * {
 *   "name": "optional title",
 *   "layers": [2, {"size": 3, "activation": "sigmoid"}, {"size": 2, "activation": "softmax"}],
 *   "loss": "cross-entropy",
 *   "weights": [ w^1 as n_0 rows of n_1 numbers, ... ],
 *   "biases":  [ b^1 (n_1 numbers), ... ],
 *   "inputs":  [ one row of n_0 numbers per sample ],
 *   "targets": [ one row of n_L numbers per sample ],
 *   "seed": 7
 * }
 * </pre>
 * Every problem is reported as a {@link NetworkFileException} naming the file, the field path and what was expected.
 */
public final class NetworkFile {
    /**
     * The most weights and biases a file may ask for. Ten million doubles are 80 MB, several times the largest network
     * the workbench is meant to show (an MNIST-sized 784-128-64-10 has 109,386) while far below any heap it runs in;
     * larger sizes are refused before anything is allocated.
     */
    public static final long MAX_PARAMETERS = 10_000_000L;

    /**
     * The most numbers z^l (and so a^l, δ^l) may hold over all layers and samples, counting the input: so that what
     * loads can also be checked in the default heap of a student's machine (a quarter of its memory: 2 GB on an 8 GB
     * laptop). Measured: a one-neuron network with 2,500,000 samples (this limit) checks with {@code -Xmx2g}, and
     * 1,000,000 samples with {@code -Xmx1g}; twice the limit needed far more than 2 GB.
     */
    public static final long MAX_ACTIVATIONS = 5_000_000L;

    /** The largest file read: a file of MAX_PARAMETERS numbers written in full precision is about 250 MB. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    /** The most layers after the input; deeper networks are not what the workbench teaches with. */
    public static final int MAX_LAYERS = 64;

    /** How far the targets of one sample may sum from 1 for the cross-entropy losses (rounding of typed decimals). */
    public static final double DISTRIBUTION_TOLERANCE = 1e-9;

    /** Some editors (Notepad among them) begin UTF-8 files with it; JSON does not allow it, so it is skipped. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** The seed used when a file gives neither weights nor a seed. */
    public static final long DEFAULT_SEED = 1;

    /** The top-level fields, in the order a file writes them ("description" is read for lessons and not kept). */
    private static final List<String> FIELDS = List.of(
            "name", "description", "layers", "loss", "weights", "biases", "inputs", "targets", "seed");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)   // so that NaN gets its own clear message
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .nodeFactory(new CompactNumbers())
            .build();

    /**
     * Keeps each number of the tree as a double once it is known to fit one. Numbers are parsed as decimals so that
     * 1e400 can be told from a literal Infinity, but a tree of BigDecimals costs about 150 bytes a number (a file at
     * MAX_PARAMETERS would need some 1.5 GB of heap); a DoubleNode costs about 24.
     */
    private static final class CompactNumbers extends JsonNodeFactory {
        CompactNumbers() {
            super(false);
        }

        @Override
        public ValueNode numberNode(BigDecimal value) {
            if (value == null) {
                return super.numberNode(value);
            }
            double d = value.doubleValue();
            return Double.isInfinite(d) ? super.numberNode(value) : DoubleNode.valueOf(d);
        }
    }

    private NetworkFile() {
    }

    /**
     * The JSON tree of a file, built straight from the token stream: each written number is parsed once, to a double
     * (Jackson's fast, correctly rounded parser), and only a number that overflows it is parsed again as a decimal,
     * so that 1e400 is still told from a literal Infinity and an exponent beyond an int still gives its own message.
     * {@code ObjectMapper.readTree} with decimals parsed every one of the ~111,000 numbers of a 784-128-64-10 file
     * through BigDecimal, which was most of the read of a cold {@code check}.
     */
    private static final class Tree {
        private static final JsonNodeFactory NODES = new CompactNumbers();

        private Tree() {
        }

        /** The one top-level value of the parser's input; more text after it is an error, as in readTree. */
        static JsonNode read(JsonParser parser) throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return NODES.missingNode();
            }
            JsonNode root = value(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value",
                        parser.currentTokenLocation());
            }
            return root;
        }

        private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
            switch (token) {
                case START_OBJECT: {
                    ObjectNode object = NODES.objectNode();
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                        String name = parser.currentName();
                        object.set(name, value(parser, parser.nextToken()));
                    }
                    return object;
                }
                case START_ARRAY: {
                    ArrayNode array = NODES.arrayNode();
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                        array.add(value(parser, t));
                    }
                    return array;
                }
                case VALUE_NUMBER_FLOAT: {
                    double d = parser.getDoubleValue();
                    if (Double.isInfinite(d) && !parser.isNaN()) {
                        return NODES.numberNode(parser.getDecimalValue());   // 1e400: the decimal it is
                    }
                    if (d == 0.0 && hasExponent(parser.getText())) {
                        parser.getDecimalValue();   // 0.1e-2147483648 is no zero: its exponent is refused by name
                    }
                    return DoubleNode.valueOf(d);   // a finite number, or the literal NaN or ±Infinity
                }
                case VALUE_NUMBER_INT:
                    return switch (parser.getNumberType()) {
                        case INT -> NODES.numberNode(parser.getIntValue());
                        case LONG -> NODES.numberNode(parser.getLongValue());
                        default -> NODES.numberNode(parser.getBigIntegerValue());
                    };
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw new JsonParseException(parser, "Unexpected token " + token);
            }
        }

        /** Whether a number's text has an exponent (only then can a zero read from it be an underflow). */
        private static boolean hasExponent(String text) {
            return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
        }
    }

    /**
     * Reads a network file.
     *
     * @throws NetworkFileException for anything that keeps the file from being used, including I/O errors
     */
    public static NetworkDocument load(Path path) throws NetworkFileException {
        String file = path.toString();
        byte[] bytes;
        try {
            bytes = SafeFiles.read(path, MAX_FILE_BYTES, Messages.get("file.what.network"));
        } catch (SafeFiles.Refusal e) {
            throw new NetworkFileException(file, "", e.getMessage());
        }
        return parse(bytes, file);
    }

    /**
     * Parses the bytes of a network file; {@code file} names it in messages. The bytes are checked to be UTF-8 text
     * and parsed as they are, without a decoded copy (for a large file that copy would be the largest object).
     */
    public static NetworkDocument parse(byte[] bytes, String file) throws NetworkFileException {
        requireUtf8Text(bytes, file);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;   // the byte order mark, in UTF-8
        boolean blank = true;
        for (int i = start; i < bytes.length && blank; i++) {
            blank = bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n';
        }
        if (blank) {
            throw empty(file);
        }
        int offset = start;
        return document(() -> MAPPER.createParser(bytes, offset, bytes.length - offset), file);
    }

    /** Parses the text of a network file; {@code file} names it in messages. */
    public static NetworkDocument parse(String text, String file) throws NetworkFileException {
        String json = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        if (json.isBlank()) {
            throw empty(file);
        }
        return document(() -> MAPPER.createParser(json), file);
    }

    private static NetworkFileException empty(String file) {
        return new NetworkFileException(file, "", Messages.get("network.empty"));
    }

    private interface TreeSource {
        JsonParser open() throws IOException;
    }

    private static NetworkDocument document(TreeSource source, String file) throws NetworkFileException {
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = source.open();
            root = Tree.read(parser);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String location = where == null ? "" : NetworkFileException.lineColumn(where.getLineNr(), where.getColumnNr());
            throw new NetworkFileException(file, location, Messages.get("network.malformed",
                    JsonProblems.describe(e.getOriginalMessage())));
        } catch (NumberFormatException e) {
            // BigDecimal cannot hold an exponent beyond the range of an int (1e999999999999, 0.1e-2147483648)
            JsonLocation where = parser == null ? null : parser.currentTokenLocation();
            String location = where == null ? "" : NetworkFileException.lineColumn(where.getLineNr(), where.getColumnNr());
            throw new NetworkFileException(file, location, Messages.get("network.exponentBeyondDouble"));
        } catch (IOException e) {
            throw new NetworkFileException(file, "", Messages.get("file.cannotReadBecause", e.getMessage()));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading from memory: nothing to release
                }
            }
        }
        return new Reader(file).document(root);
    }

    /** The closest of some names to a misspelt one (at most two letters off), for "did you mean ...?". */
    static java.util.Optional<String> closest(String wrong, java.util.Collection<String> names) {
        return Names.closest(wrong, names);
    }

    /**
     * "unknown ...; expected one of ...", or with "did you mean ...?" before the list when a name is close: the message
     * {@code key} takes the given arguments then the list; {@code key + "DidYouMean"}'s the suggestion before the list.
     */
    private static String unknown(String key, String keyDidYouMean, String wrong, java.util.Collection<String> names,
                                  Object... args) {
        java.util.Optional<String> near = closest(wrong, names);
        List<Object> all = new ArrayList<>(List.of(args));
        near.ifPresent(all::add);
        all.add(String.join(", ", names));
        return Messages.get(near.isPresent() ? keyDidYouMean : key, all.toArray());
    }

    /**
     * Why {@code loss} cannot sit on an {@code output} layer of another activation than the one it needs, naming the
     * right choice (the usual slip first: cross-entropy on a sigmoid is binary-cross-entropy's job).
     */
    private static String mismatch(Loss loss, Activation output) {
        if (loss == Loss.BINARY_CROSS_ENTROPY) {
            return output == Activation.SOFTMAX
                    ? Messages.get("network.loss.binaryCrossEntropyOnSoftmax")
                    : Messages.get("network.loss.binaryCrossEntropy", output.id());
        }
        if (loss == Loss.CROSS_ENTROPY) {
            return output == Activation.SIGMOID
                    ? Messages.get("network.loss.crossEntropyOnSigmoid")
                    : Messages.get("network.loss.crossEntropy", output.id());
        }
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            return output == Activation.SOFTMAX
                    ? Messages.get("network.loss.softmaxCrossEntropyOnSoftmax")
                    : Messages.get("network.loss.softmaxCrossEntropy", output.id());
        }
        if (loss == Loss.SIGMOID_CROSS_ENTROPY) {
            return Messages.get("network.loss.sigmoidCrossEntropy", output.id());
        }
        // a loss without advice of its own (a new kernel file) still names what it needs
        return Messages.get("network.loss.needsOutput", loss.id(), loss.requiredOutput().id(), output.id());
    }

    /** Refuses a binary file (a zero byte) or bytes that are not UTF-8, decoding through a small buffer. */
    private static void requireUtf8Text(byte[] bytes, String file) throws NetworkFileException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new NetworkFileException(file, "", Messages.get("network.binary", String.valueOf(i)));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            do {
                out.clear();
                result = decoder.flush(out);
            } while (result.isOverflow());
        }
        if (result.isError()) {
            throw new NetworkFileException(file, "", Messages.get("network.notUtf8", String.valueOf(in.position())));
        }
    }

    /** Walks the JSON tree, keeping the field path for messages. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        NetworkDocument document(JsonNode root) throws NetworkFileException {
            if (!root.isObject()) {
                throw error("", Messages.get("network.notAnObject", describe(root)));
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw error(name, unknown("network.unknownField", "network.unknownFieldDidYouMean", name, FIELDS));
                }
            }
            String name = root.has("name") ? text(root.get("name"), "name") : "";

            JsonNode layersNode = required(root, "layers");
            if (!layersNode.isArray() || layersNode.size() < 2) {
                throw error("layers", Messages.get("network.tooFewLayers"));
            }
            if (layersNode.size() - 1 > MAX_LAYERS) {
                throw error("layers", Messages.get("network.tooManyLayers", String.valueOf(layersNode.size() - 1),
                        String.valueOf(MAX_LAYERS)));
            }
            int inputSize = inputSize(layersNode.get(0));
            List<Layer> layers = new ArrayList<>();
            int[] sizes = new int[layersNode.size() - 1];
            for (int l = 1; l < layersNode.size(); l++) {
                Layer layer = layer(layersNode.get(l), "layers[" + l + "]");
                layers.add(layer);
                sizes[l - 1] = layer.size();
            }
            long parameters = Network.parameterCount(inputSize, sizes);
            if (parameters > MAX_PARAMETERS) {
                throw error("layers", Messages.get("network.tooManyParameters", String.valueOf(parameters),
                        String.valueOf(MAX_PARAMETERS)));
            }

            JsonNode lossNode = required(root, "loss");
            String lossId = text(lossNode, "loss");
            Loss loss = Loss.fromId(lossId).orElseThrow(() -> error("loss", unknown("network.unknownLoss",
                    "network.unknownLossDidYouMean", lossId, List.of(Loss.ids().split(", ")), lossId)));
            Activation output = layers.get(layers.size() - 1).activation();
            if (loss.requiredOutput() != null && loss.requiredOutput() != output) {
                throw error("loss", mismatch(loss, output));
            }

            long seed = DEFAULT_SEED;
            if (root.has("seed")) {
                JsonNode seedNode = root.get("seed");
                if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
                    throw error("seed", Messages.get("network.seedNotWhole", describe(seedNode)));
                }
                seed = seedNode.asLong();
            }

            // the batch's size is checked before any parameter is allocated, like the parameter count above
            JsonNode inputsNode = required(root, "inputs");
            JsonNode targetsNode = required(root, "targets");
            if (!inputsNode.isArray() || inputsNode.isEmpty()) {
                throw error("inputs", Messages.get("network.noInputs", String.valueOf(inputSize)));
            }
            int m = inputsNode.size();
            long activations = (long) m * (inputSize + java.util.Arrays.stream(sizes).asLongStream().sum());
            if (activations > MAX_ACTIVATIONS) {
                throw error("inputs", Messages.get("network.tooManyActivations", String.valueOf(m),
                        String.valueOf(activations), String.valueOf(MAX_ACTIVATIONS)));
            }

            Network network;
            boolean hasWeights = root.has("weights");
            boolean hasBiases = root.has("biases");
            if (hasWeights != hasBiases) {
                throw error(hasWeights ? "biases" : "weights", Messages.get("network.missingWhileGiven",
                        hasWeights ? "weights" : "biases"));
            }
            if (hasWeights) {
                List<DMatrixRMaj> weights = new ArrayList<>();
                List<DMatrixRMaj> biases = new ArrayList<>();
                JsonNode w = root.get("weights");
                JsonNode b = root.get("biases");
                expectArray(w, "weights", layers.size(), Messages.get("network.shape.weights"));
                expectArray(b, "biases", layers.size(), Messages.get("network.shape.biases"));
                int previous = inputSize;
                for (int l = 1; l <= layers.size(); l++) {
                    int n = layers.get(l - 1).size();
                    weights.add(matrix(w.get(l - 1), "weights[" + (l - 1) + "]", previous, n,
                            Messages.get("network.shape.weight", String.valueOf(l), String.valueOf(l - 1),
                                    String.valueOf(previous), String.valueOf(n))));
                    DMatrixRMaj bl = new DMatrixRMaj(n, 1);
                    double[] row = row(b.get(l - 1), "biases[" + (l - 1) + "]", n,
                            Messages.get("network.shape.bias", String.valueOf(l), String.valueOf(n)));
                    System.arraycopy(row, 0, bl.data, 0, n);
                    biases.add(bl);
                    previous = n;
                }
                network = new Network(inputSize, layers, loss, weights, biases);
            } else {
                network = Network.initialised(inputSize, layers, loss, seed);
            }

            if (!targetsNode.isArray()) {
                throw error("targets", Messages.get("network.targetsNotRows",
                        String.valueOf(network.size(network.depth())), describe(targetsNode)));
            }
            if (targetsNode.size() != m) {
                throw error("targets", Messages.get("network.targetsCount", targetsNode.size(), m,
                        String.valueOf(network.size(network.depth()))));
            }
            DMatrixRMaj inputs = samples(inputsNode, "inputs", inputSize, "n_0 = " + inputSize);
            int nL = network.size(network.depth());
            DMatrixRMaj targets = samples(targetsNode, "targets", nL, "n_L = " + nL);
            checkTargets(loss, targets);
            return new NetworkDocument(name, network, new Batch(inputs, targets), seed);
        }

        private void checkTargets(Loss loss, DMatrixRMaj targets) throws NetworkFileException {
            for (int x = 0; x < targets.numCols; x++) {
                double sum = 0;
                for (int j = 0; j < targets.numRows; j++) {
                    double t = targets.get(j, x);
                    if (loss.needsUnitIntervalTargets() && (t < 0 || t > 1)) {
                        throw error("targets[" + x + "][" + j + "]", Messages.get("network.targetsUnitInterval",
                                loss.id(), String.valueOf(t)));
                    }
                    sum += t;
                }
                if (loss.needsDistributionTargets() && Math.abs(sum - 1) > DISTRIBUTION_TOLERANCE) {
                    throw error("targets[" + x + "]", Messages.get("network.targetsDistribution", loss.id(),
                            String.valueOf(sum)));
                }
            }
        }

        private int inputSize(JsonNode node) throws NetworkFileException {
            if (node.isObject()) {
                if (node.has("activation")) {
                    throw error("layers[0].activation", Messages.get("network.inputActivation"));
                }
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!name.equals("size")) {
                        throw error("layers[0]." + name, Messages.get("network.inputUnknownField"));
                    }
                }
                return size(required(node, "size", "layers[0]"), "layers[0].size");
            }
            return size(node, "layers[0]");
        }

        private Layer layer(JsonNode node, String path) throws NetworkFileException {
            if (!node.isObject()) {
                throw error(path, Messages.get("network.layerNotObject", describe(node), Activation.ids()));
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("size") && !name.equals("activation")) {
                    throw error(path + "." + name, Names.closest(name, List.of("size", "activation"))
                            .map(near -> Messages.get("network.layerUnknownFieldDidYouMean", near))
                            .orElseGet(() -> Messages.get("network.layerUnknownField")));
                }
            }
            int size = size(required(node, "size", path), path + ".size");
            String id = text(required(node, "activation", path), path + ".activation");
            Activation activation = Activation.fromId(id).orElseThrow(() -> error(path + ".activation",
                    unknown("network.unknownActivation", "network.unknownActivationDidYouMean", id,
                            List.of(Activation.ids().split(", ")), id)));
            return new Layer(size, activation);
        }

        private int size(JsonNode node, String path) throws NetworkFileException {
            if (!node.isIntegralNumber()) {
                throw error(path, Messages.get("network.sizeNotWhole", describe(node)));
            }
            if (!node.canConvertToInt() || node.asLong() > MAX_PARAMETERS) {
                throw error(path, Messages.get("network.sizeTooLarge", node.asText(), String.valueOf(MAX_PARAMETERS)));
            }
            int size = node.asInt();
            if (size <= 0) {
                throw error(path, Messages.get("network.sizeTooSmall", String.valueOf(size)));
            }
            return size;
        }

        private DMatrixRMaj matrix(JsonNode node, String path, int rows, int cols, String shape)
                throws NetworkFileException {
            expectArray(node, path, rows, shape);
            DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
            for (int r = 0; r < rows; r++) {
                double[] row = row(node.get(r), path + "[" + r + "]", cols, shape);
                System.arraycopy(row, 0, matrix.data, r * cols, cols);
            }
            return matrix;
        }

        /** Rows of samples, one row per sample, returned with samples as columns: n x m. */
        private DMatrixRMaj samples(JsonNode node, String path, int n, String what) throws NetworkFileException {
            int m = node.size();
            DMatrixRMaj matrix = new DMatrixRMaj(n, m);
            for (int x = 0; x < m; x++) {
                double[] row = row(node.get(x), path + "[" + x + "]", n, Messages.get("network.shape.samples", what));
                for (int j = 0; j < n; j++) {
                    matrix.set(j, x, row[j]);
                }
            }
            return matrix;
        }

        private double[] row(JsonNode node, String path, int length, String shape) throws NetworkFileException {
            expectArray(node, path, length, shape);
            double[] row = new double[length];
            for (int i = 0; i < length; i++) {
                JsonNode entry = node.get(i);
                // the path of each number is written out only for a message: a big file has 10^5 of them
                row[i] = entry.isDouble() && Double.isFinite(entry.doubleValue()) ? entry.doubleValue()
                        : number(entry, path + "[" + i + "]");
            }
            return row;
        }

        private void expectArray(JsonNode node, String path, int length, String shape) throws NetworkFileException {
            if (!node.isArray()) {
                throw error(path, Messages.get("network.notAnArray", String.valueOf(length), shape, describe(node)));
            }
            if (node.size() != length) {
                throw error(path, Messages.get("network.wrongLength", length, shape, String.valueOf(node.size())));
            }
        }

        private double number(JsonNode node, String path) throws NetworkFileException {
            if (!node.isNumber()) {
                throw error(path, Messages.get("network.notANumber", describe(node)));
            }
            double value = node.doubleValue();
            if (Double.isNaN(value)) {
                throw error(path, Messages.get("network.nan"));
            }
            if (Double.isInfinite(value) && node.isDouble()) {
                // only the literal tokens Infinity and -Infinity are read as doubles; written numbers are BigDecimal
                throw error(path, Messages.get("network.infinity", node.asText()));
            }
            if (Double.isInfinite(value)) {
                throw error(path, Messages.get("network.beyondDouble", node.asText()));
            }
            return value;
        }

        private String text(JsonNode node, String path) throws NetworkFileException {
            if (!node.isTextual()) {
                throw error(path, Messages.get("network.notAString", describe(node)));
            }
            return node.asText();
        }

        private JsonNode required(JsonNode parent, String field) throws NetworkFileException {
            return required(parent, field, "");
        }

        private JsonNode required(JsonNode parent, String field, String parentPath) throws NetworkFileException {
            JsonNode node = parent.get(field);
            String path = parentPath.isEmpty() ? field : parentPath + "." + field;
            if (node == null || node.isNull()) {
                throw error(path, Messages.get("network.missing", expectation(field)));
            }
            return node;
        }

        private static String expectation(String field) {
            return switch (field) {
                case "layers" -> Messages.get("network.expect.layers");
                case "loss" -> Messages.get("network.expect.oneOf", Loss.ids());
                case "inputs" -> Messages.get("network.expect.inputs");
                case "targets" -> Messages.get("network.expect.targets");
                case "size" -> Messages.get("network.expect.size");
                case "activation" -> Messages.get("network.expect.oneOf", Activation.ids());
                default -> Messages.get("network.expect.required");
            };
        }

        private NetworkFileException error(String path, String problem) {
            return new NetworkFileException(file, path, problem);
        }

        private static String describe(JsonNode node) {
            JsonNodeType type = node.getNodeType();
            if (type == JsonNodeType.NULL || type == JsonNodeType.MISSING) {
                return Messages.get("json.null");
            }
            String text = node.toString();
            if (text.length() > 40) {
                text = text.substring(0, 37) + "...";
            }
            return switch (type) {
                case ARRAY -> Messages.get("json.array", text);
                case OBJECT -> Messages.get("json.object", text);
                case STRING -> Messages.get("json.string", text);
                case NUMBER -> Messages.get("json.number", text);
                case BOOLEAN -> Messages.get("json.boolean", text);
                default -> type.name().toLowerCase(Locale.ROOT) + " " + text;
            };
        }
    }

    /**
     * The JSON text of a document: every parameter written in full (shortest round-trip decimal form), one matrix row
     * per line.
     */
    public static String toJson(NetworkDocument doc) {
        Network net = doc.network();
        StringBuilder s = new StringBuilder("{\n");
        if (doc.name() != null && !doc.name().isEmpty()) {
            s.append("  \"name\": ").append(quote(doc.name())).append(",\n");
        }
        s.append("  \"layers\": [").append(net.size(0));
        for (int l = 1; l <= net.depth(); l++) {
            s.append(", {\"size\": ").append(net.size(l)).append(", \"activation\": ")
                    .append(quote(net.activation(l).id())).append('}');
        }
        s.append("],\n");
        s.append("  \"loss\": ").append(quote(net.loss().id())).append(",\n");
        s.append("  \"weights\": [\n");
        for (int l = 1; l <= net.depth(); l++) {
            DMatrixRMaj w = net.w(l);
            s.append("    [\n");
            for (int k = 0; k < w.numRows; k++) {
                s.append("      ");
                appendRow(s, w, k, false);
                s.append(k + 1 < w.numRows ? ",\n" : "\n");
            }
            s.append("    ]").append(l < net.depth() ? ",\n" : "\n");
        }
        s.append("  ],\n  \"biases\": [\n");
        for (int l = 1; l <= net.depth(); l++) {
            s.append("    ");
            appendRow(s, net.b(l), 0, true);
            s.append(l < net.depth() ? ",\n" : "\n");
        }
        s.append("  ],\n");
        appendSamples(s, "inputs", doc.batch().inputs());
        s.append(",\n");
        appendSamples(s, "targets", doc.batch().targets());
        s.append(",\n  \"seed\": ").append(doc.seed()).append("\n}\n");
        return s.toString();
    }

    private static void appendSamples(StringBuilder s, String field, DMatrixRMaj samples) {
        s.append("  \"").append(field).append("\": [");
        for (int x = 0; x < samples.numCols; x++) {
            s.append(x == 0 ? "\n    [" : ",\n    [");
            for (int j = 0; j < samples.numRows; j++) {
                s.append(j == 0 ? "" : ", ").append(samples.get(j, x));
            }
            s.append(']');
        }
        s.append("\n  ]");
    }

    /** A matrix row (or, with {@code column}, the whole single column) as [a, b, c]. */
    private static void appendRow(StringBuilder s, DMatrixRMaj m, int row, boolean column) {
        s.append('[');
        int n = column ? m.numRows : m.numCols;
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append(column ? m.get(i, 0) : m.get(row, i));
        }
        s.append(']');
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Saves atomically ({@link AtomicFiles}): a crash never leaves a half-written file, and the file keeps the
     * permissions of the one it replaces.
     *
     * @return whether the file system replaced the file in one step (the app says so when it could not)
     */
    public static AtomicFiles.Outcome save(NetworkDocument doc, Path path) throws IOException {
        return AtomicFiles.writeString(path, toJson(doc));
    }
}
