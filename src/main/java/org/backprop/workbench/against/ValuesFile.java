package org.backprop.workbench.against;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.JsonProblems;
import org.backprop.workbench.io.NetworkFileException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkFile;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a student's values file (JSON or NumPy {@code .npz}, see docs/VALUES.md) and validates it against the network
 * the values were computed for. Every problem is one {@link ValuesFileException} naming the file, the quantity and
 * layer as an array name ({@code gradW2}), the expected shape in the note's terms and what was found.
 */
public final class ValuesFile {
    /** As for network files. */
    public static final int MAX_LAYERS = NetworkFile.MAX_LAYERS;

    /** The largest JSON values file read (a JSON number in full precision is about 25 bytes). */
    public static final long MAX_JSON_BYTES = NetworkFile.MAX_FILE_BYTES;

    /** The note's weight convention, w^l_{kj} from neuron k of layer l-1 to neuron j of layer l: gradW is n_{l-1} x n_l. */
    public static final String NOTE_NOTATION = "w_kj";

    /** Nielsen's convention, w^l_{jk}: gradW written n_l x n_{l-1}. */
    public static final String NIELSEN_NOTATION = "w_jk";

    private static final Set<String> TOP_FIELDS = Set.of("loss", "gradA", "layers", "notation");
    private static final Set<String> LAYER_FIELDS = Set.of("layer", "z", "a", "delta", "gradW", "gradB");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)   // Python's json.dump writes NaN bare
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ValuesFile() {
    }

    /**
     * Reads and validates a values file for {@code net} run on a batch of {@code m} samples. JSON or .npz is told by
     * the content (an .npz is a zip, beginning "PK"), not by the name.
     */
    public static StudentValues load(Path path, Network net, int m) throws ValuesFileException {
        String file = path.toString();
        Map<String, NpyArray> arrays;
        boolean npz;
        try {
            if (Files.isDirectory(path)) {
                throw new ValuesFileException(file, "", Messages.get("values.folder"));
            }
            byte[] head = new byte[2];
            try (InputStream in = Files.newInputStream(path)) {
                npz = in.readNBytes(head, 0, 2) == 2 && head[0] == 'P' && head[1] == 'K';
            }
            if (npz) {
                arrays = Npz.read(path);
            } else {
                long size = Files.size(path);
                if (size > MAX_JSON_BYTES) {
                    throw new ValuesFileException(file, "", Messages.get("values.tooLarge", String.valueOf(size),
                            String.valueOf(MAX_JSON_BYTES)));
                }
                arrays = json(Files.readAllBytes(path), file, net);
            }
        } catch (NoSuchFileException e) {
            throw new ValuesFileException(file, "", Messages.get("file.noSuchFile"));
        } catch (IOException e) {
            throw new ValuesFileException(file, "", Messages.get("file.cannotReadBecause", e.getMessage()));
        }
        return validate(arrays, file, net, m, npz);
    }

    /** The JSON form turned into the same named arrays as an .npz holds: gradW2, delta1, loss, ... */
    static Map<String, NpyArray> json(byte[] bytes, String file, Network net) throws ValuesFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ValuesFileException(file, where == null ? ""
                    : NetworkFileException.lineColumn(where.getLineNr(), where.getColumnNr()),
                    Messages.get("network.malformed", JsonProblems.describe(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ValuesFileException(file, "", Messages.get("file.cannotReadBecause", e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ValuesFileException(file, "", Messages.get("values.notAnObject"));
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_FIELDS.contains(field)) {
                throw new ValuesFileException(file, field, Messages.get("values.unknownField", sorted(TOP_FIELDS)));
            }
        }
        if (root.has("notation")) {
            JsonNode n = root.get("notation");
            if (!n.isTextual()) {
                throw new ValuesFileException(file, "notation", Messages.get("values.notationNotText",
                        NOTE_NOTATION, NIELSEN_NOTATION, n.toString()));
            }
            arrays.put("notation", new NpyArray(new int[0], null, new String[]{n.asText()}));
        }
        if (root.has("loss")) {
            JsonNode loss = root.get("loss");
            if (!loss.isNumber()) {
                throw new ValuesFileException(file, "loss", Messages.get("values.lossNotNumber", brief(loss)));
            }
            arrays.put("loss", new NpyArray(new int[0], new double[]{loss.asDouble()}, null));
        }
        if (root.has("gradA")) {
            arrays.put("gradA", matrix(root.get("gradA"), file, "gradA"));
        }
        if (root.has("layers")) {
            JsonNode layers = root.get("layers");
            if (!layers.isArray()) {
                throw new ValuesFileException(file, "layers", Messages.get("values.layersNotList", brief(layers)));
            }
            Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < layers.size(); i++) {
                JsonNode layer = layers.get(i);
                String where = "layers[" + i + "]";
                if (!layer.isObject()) {
                    throw new ValuesFileException(file, where, Messages.get("values.layerNotObject", brief(layer)));
                }
                JsonNode number = layer.get("layer");
                if (number == null || !number.canConvertToExactIntegral() || number.asInt() < 1
                        || number.asInt() > net.depth()) {
                    throw new ValuesFileException(file, where + ".layer", Messages.get("values.badLayerNumber",
                            String.valueOf(net.depth()), number == null ? Messages.get("values.nothing") : brief(number)));
                }
                int l = number.asInt();
                if (!seen.add(l)) {
                    throw new ValuesFileException(file, where + ".layer", Messages.get("values.layerTwice", String.valueOf(l)));
                }
                for (Iterator<String> it = layer.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    if (!LAYER_FIELDS.contains(field)) {
                        throw new ValuesFileException(file, where + "." + field, Messages.get("values.unknownLayerField",
                                sorted(LAYER_FIELDS)));
                    }
                    if (!field.equals("layer")) {
                        arrays.put(field + l, field.equals("gradB") && layer.get(field).isArray()
                                && layer.get(field).size() > 0 && !layer.get(field).get(0).isArray()
                                ? vector(layer.get(field), file, field + l)
                                : matrix(layer.get(field), file, field + l));
                    }
                }
            }
        }
        return arrays;
    }

    private static NpyArray matrix(JsonNode node, String file, String name) throws ValuesFileException {
        if (!node.isArray() || node.isEmpty() || !node.get(0).isArray()) {
            throw new ValuesFileException(file, name, Messages.get("values.notAMatrix", brief(node)));
        }
        int rows = node.size();
        int cols = node.get(0).size();
        double[] values = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            JsonNode row = node.get(r);
            if (!row.isArray() || row.size() != cols) {
                throw new ValuesFileException(file, name, row.isArray()
                        ? Messages.get("values.raggedRow", String.valueOf(r + 1), row.size(), cols)
                        : Messages.get("values.rowNotList", String.valueOf(r + 1), cols));
            }
            for (int c = 0; c < cols; c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber()) {
                    throw new ValuesFileException(file, name, Messages.get("values.rowEntryNotNumber",
                            String.valueOf(r + 1), String.valueOf(c + 1), brief(v)));
                }
                values[r * cols + c] = v.asDouble();
            }
        }
        return new NpyArray(new int[]{rows, cols}, values, null);
    }

    private static NpyArray vector(JsonNode node, String file, String name) throws ValuesFileException {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber()) {
                throw new ValuesFileException(file, name, Messages.get("values.entryNotNumber", String.valueOf(i + 1),
                        brief(v)));
            }
            values[i] = v.asDouble();
        }
        return new NpyArray(new int[]{values.length}, values, null);
    }

    /** Checks every array's name and shape against the network and turns them into the note's matrices. */
    static StudentValues validate(Map<String, NpyArray> arrays, String file, Network net, int m, boolean npz)
            throws ValuesFileException {
        String notation = NOTE_NOTATION;
        NpyArray declared = arrays.get("notation");
        if (declared != null) {
            if (!declared.isText() || declared.strings().length != 1
                    || !Set.of(NOTE_NOTATION, NIELSEN_NOTATION).contains(declared.strings()[0])) {
                throw new ValuesFileException(file, "notation", Messages.get("values.badNotation", NOTE_NOTATION,
                        NIELSEN_NOTATION, declared.isText() ? String.join(",", declared.strings())
                                : Messages.get("values.numbers")));
            }
            notation = declared.strings()[0];
        }
        int depth = net.depth();
        Map<QuantityKey, DMatrixRMaj> values = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            String name = e.getKey();
            if (name.equals("notation")) {
                continue;
            }
            QuantityKey key = key(name, depth, file);
            NpyArray array = e.getValue();
            if (array.isText()) {
                throw new ValuesFileException(file, name, Messages.get("values.holdsText"));
            }
            values.put(key, shaped(key, array, file, net, m, notation, npz));
        }
        if (values.isEmpty()) {
            throw new ValuesFileException(file, "", Messages.get("values.noValues"));
        }
        return new StudentValues(file, notation, values);
    }

    /** "gradW2" → (GRAD_W, 2), with a message for names that are not a quantity of this network. */
    static QuantityKey key(String name, int depth, String file) throws ValuesFileException {
        if (name.equals("loss")) {
            return new QuantityKey(Quantity.LOSS, 0);
        }
        if (name.equals("gradA")) {
            return new QuantityKey(Quantity.GRAD_A, depth);
        }
        for (Quantity q : Quantity.values()) {
            if (q.perLayer() && name.startsWith(q.id()) && name.length() > q.id().length()) {
                String digits = name.substring(q.id().length());
                if (digits.matches("[0-9]{1,3}")) {
                    int l = Integer.parseInt(digits);
                    if (l < 1 || l > depth) {
                        throw new ValuesFileException(file, name, Messages.get(l == 0 ? "values.noLayerZero"
                                : "values.noSuchLayer", String.valueOf(l), String.valueOf(depth)));
                    }
                    return new QuantityKey(q, l);
                }
            }
        }
        throw new ValuesFileException(file, name, Messages.get("values.notAQuantity", String.valueOf(depth)));
    }

    private static DMatrixRMaj shaped(QuantityKey key, NpyArray array, String file, Network net, int m,
                                      String notation, boolean npz) throws ValuesFileException {
        int l = key.layer();
        int[] s = array.shape();
        String name = key.arrayName();
        String found = array.shapeText();
        switch (key.quantity()) {
            case LOSS -> {
                if (array.values().length != 1 || s.length > 2) {
                    throw new ValuesFileException(file, name, Messages.get("values.lossShape", found));
                }
                return matrix(1, 1, array.values());
            }
            case GRAD_W -> {
                int rows = net.size(l - 1);
                int cols = net.size(l);
                boolean nielsen = notation.equals(NIELSEN_NOTATION);
                int wantRows = nielsen ? cols : rows;
                int wantCols = nielsen ? rows : cols;
                String terms = nielsen ? Messages.get("values.termsNielsen", String.valueOf(l), String.valueOf(l - 1))
                        : Messages.get("values.termsNote", String.valueOf(l - 1), String.valueOf(l));
                if (s.length == 2 && s[0] == wantRows && s[1] == wantCols) {
                    DMatrixRMaj g = matrix(wantRows, wantCols, array.values());
                    if (nielsen) {
                        DMatrixRMaj t = new DMatrixRMaj(rows, cols);
                        org.ejml.dense.row.CommonOps_DDRM.transpose(g, t);
                        return t;
                    }
                    return g;
                }
                String message = "values.gradWShape";
                if (s.length == 2 && s[0] == wantCols && s[1] == wantRows) {
                    message = nielsen ? "values.gradWShapeIsNote" : npz ? "values.gradWShapeLooksNielsenNpz"
                            : "values.gradWShapeLooksNielsenJson";
                }
                throw new ValuesFileException(file, name, Messages.get(message, String.valueOf(wantRows),
                        String.valueOf(wantCols), terms, found, NIELSEN_NOTATION));
            }
            case GRAD_B -> {
                int n = net.size(l);
                boolean vector = s.length == 1 && s[0] == n;
                boolean column = s.length == 2 && s[0] == n && s[1] == 1;
                if (vector || column) {
                    return matrix(n, 1, array.values());
                }
                String message = "values.gradBShape";
                if (s.length == 2 && s[0] == 1 && s[1] == n && n > 1) {
                    message = "values.gradBShapeRow";
                } else if (s.length == 2 && s[0] == n && s[1] == m && m > 1) {
                    message = "values.gradBShapeDelta";
                }
                throw new ValuesFileException(file, name, Messages.get(message, String.valueOf(n), String.valueOf(l),
                        found));
            }
            default -> {
                int n = net.size(l);
                String symbol = key.quantity() == Quantity.GRAD_A ? "n_L" : "n_" + l;
                if ((s.length == 2 && s[0] == n && s[1] == m) || (m == 1 && s.length == 1 && s[0] == n)) {
                    return matrix(n, m, array.values());
                }
                String message = s.length == 2 && s[0] == m && s[1] == n && n != m ? "values.samplesShapeRows"
                        : "values.samplesShape";
                throw new ValuesFileException(file, name, Messages.get(message, String.valueOf(n), String.valueOf(m),
                        symbol, found));
            }
        }
    }

    private static DMatrixRMaj matrix(int rows, int cols, double[] values) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(values, 0, m.data, 0, rows * cols);
        return m;
    }

    private static String sorted(Set<String> fields) {
        return String.join(", ", List.copyOf(new java.util.TreeSet<>(fields)));
    }

    private static String brief(JsonNode node) {
        String s = node.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

}
