package org.backprop.workbench.against;

import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad values files: one message naming the file, the quantity and layer, the expected shape and what was found. */
class ValuesFileTest {
    @TempDir
    static Path dir;
    static NetworkDocument doc;   // 2-3-2, m = 4

    @BeforeAll
    static void load() throws Exception {
        doc = NetworkFile.load(Path.of("examples", "softmax-2-3-2.json"));
    }

    private static String json(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return assertThrows(ValuesFileException.class,
                () -> ValuesFile.load(p, doc.network(), doc.batch().size())).getMessage();
    }

    private static String npz(String name, Map<String, byte[]> entries) throws Exception {
        Path p = NpyWriter.npz(dir.resolve(name), entries, true);
        return assertThrows(ValuesFileException.class,
                () -> ValuesFile.load(p, doc.network(), doc.batch().size())).getMessage();
    }

    private static final String W2_TRANSPOSED = "[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]";

    @Test
    void aTransposedGradWOnANonSquareLayerIsNamedAsWjk() throws Exception {
        Path p = dir.resolve("t.json");
        assertEquals(p + ": gradW2: must be 3 x 2 (n_1 x n_2, the shape of w^2); found 2 x 3 — looks like w_jk "
                        + "(Nielsen's, row = output): set notation (\"notation\": \"w_jk\" at the top) or transpose it",
                json("t.json", "{\"layers\": [{\"layer\": 2, \"gradW\": " + W2_TRANSPOSED + "}]}"));
        assertEquals(dir.resolve("t.npz") + ": gradW2: must be 3 x 2 (n_1 x n_2, the shape of w^2); found 2 x 3 — "
                        + "looks like w_jk (Nielsen's, row = output): set notation (np.savez(..., notation=\"w_jk\")) "
                        + "or transpose it",
                npz("t.npz", Map.of("gradW2.npy", NpyWriter.f8(new int[]{2, 3}, 1, 2, 3, 4, 5, 6))));
    }

    @Test
    void withNotationWjkTheTransposedMatrixIsReadInTheNotesShape() throws Exception {
        Path p = dir.resolve("w.json");
        Files.writeString(p, "{\"notation\": \"w_jk\", \"layers\": [{\"layer\": 2, \"gradW\": " + W2_TRANSPOSED
                + "}]}");
        StudentValues v = ValuesFile.load(p, doc.network(), 4);
        var g = v.get(new QuantityKey(Quantity.GRAD_W, 2)).orElseThrow();
        assertEquals(3, g.numRows);
        assertEquals(0.4, g.get(0, 1));
        assertEquals("w_jk", v.notation());
    }

    @Test
    void samplesAsRowsAreNamed() throws Exception {
        String rowsPerSample = "[[1,2,3],[1,2,3],[1,2,3],[1,2,3]]";
        assertEquals(dir.resolve("z.json") + ": delta1: must be 3 x 4 (n_1 x m: neurons x samples, samples as "
                        + "columns); found 4 x 3 — samples look like rows: the note puts samples in columns, "
                        + "transpose it",
                json("z.json", "{\"layers\": [{\"layer\": 1, \"delta\": " + rowsPerSample + "}]}"));
    }

    @Test
    void eachKindOfBadJsonGetsItsMessage() throws Exception {
        String f = dir.resolve("b.json").toString();
        assertEquals(f + ": gradw: unknown field; a values file has gradA, layers, loss, notation",
                json("b.json", "{\"gradw\": 1}"));
        assertEquals(f + ": layers[0].layer: expected a layer number from 1 to 2 (the network has 2 layers after "
                + "the input); found 3", json("b.json", "{\"layers\": [{\"layer\": 3}]}"));
        assertEquals(f + ": layers[1].layer: layer 1 appears twice",
                json("b.json", "{\"layers\": [{\"layer\": 1}, {\"layer\": 1}]}"));
        assertEquals(f + ": gradB1: must be 3 numbers (n_1, or an n_1 x 1 column); found 1 x 3, a row: flatten it "
                + "or make it a column", json("b.json", "{\"layers\": [{\"layer\": 1, \"gradB\": [[1,2,3]]}]}"));
        assertEquals(f + ": gradB2: must be 2 numbers (n_2, or an n_2 x 1 column); found 2 x 4: that is δ^2's "
                        + "shape; BP3b sums δ^2 over the samples (δ^2 1)",
                json("b.json", "{\"layers\": [{\"layer\": 2, \"gradB\": [[1,2,3,4],[1,2,3,4]]}]}"));
        assertEquals(f + ": gradW1: row 2 has 2 entries but row 1 has 3; a matrix's rows are equally long",
                json("b.json", "{\"layers\": [{\"layer\": 1, \"gradW\": [[1,2,3],[1,2]]}]}"));
        assertEquals(f + ": gradA: row 1, entry 2: expected a number; found \"x\"",
                json("b.json", "{\"gradA\": [[1,\"x\",3,4],[1,2,3,4]]}"));
        assertEquals(f + ": loss: expected a number (the batch cost C); found [1]", json("b.json", "{\"loss\": [1]}"));
        assertEquals(f + ": notation: expected \"w_kj\" (the note's, gradW is n_{l-1} x n_l) or \"w_jk\" (gradW is "
                + "n_l x n_{l-1}); found w_ij", json("b.json", "{\"notation\": \"w_ij\", \"loss\": 1}"));
        assertEquals(f + ": gives no values; expected at least one of loss, gradA, z1, a1, delta1, gradB1, gradW1, "
                + "... (see docs/VALUES.md)", json("b.json", "{}"));
        assertEquals(f + ": line 1, column 2: malformed JSON", json("b.json", "{,}").replaceAll("JSON:.*", "JSON"));
    }

    @Test
    void eachKindOfBadArchiveGetsItsMessage() throws Exception {
        String f = dir.resolve("a.npz").toString();
        byte[] ok = NpyWriter.f8(new int[]{3}, 1, 2, 3);
        assertEquals(f + ": entry \"../gradB1.npy\": is not an array entry; an .npz holds only NAME.npy entries at "
                + "its top level (no folders)", npz("a.npz", Map.of("../gradB1.npy", ok)));
        assertEquals(f + ": entry \"sub/gradB1.npy\": is not an array entry; an .npz holds only NAME.npy entries "
                + "at its top level (no folders)", npz("a.npz", Map.of("sub/gradB1.npy", ok)));
        assertEquals(f + ": gradB3: there is no layer 3: the network has layers 1 to 2 after the input",
                npz("a.npz", Map.of("gradB3.npy", ok)));
        assertEquals(f + ": weights: is not a quantity; expected loss, gradA, notation, or z, a, delta, gradB, gradW "
                + "followed by a layer number 1..2 (e.g. gradW2)", npz("a.npz", Map.of("weights.npy", ok)));
        assertEquals(f + ": gradB1: dtype '|O' is not read; expected float64 ('<f8'), float32 ('<f4') or integers "
                        + "('<i8', '<i4'); write the array with .astype(np.float64)",
                npz("a.npz", Map.of("gradB1.npy", NpyWriter.npy(1,
                        "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", new byte[24]))));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= Npz.MAX_ENTRIES; i++) {
            many.put("x" + i + ".npy", ok);
        }
        assertEquals(f + ": holds " + (Npz.MAX_ENTRIES + 1) + " entries; a values archive holds at most "
                + Npz.MAX_ENTRIES, npz("a.npz", many));
        Path notZip = dir.resolve("n.npz");
        Files.write(notZip, new byte[]{'P', 'K', 1, 2, 3});
        assertThrows(ValuesFileException.class, () -> ValuesFile.load(notZip, doc.network(), 4));
    }

    @Test
    void anArchiveThatUnpacksBeyondTheLimitIsRefusedWithoutReadingItAll() throws Exception {
        Path bomb = dir.resolve("bomb.npz");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream os = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("gradW1.npy"));
            for (long written = 0; written <= Npz.MAX_ENTRY_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        String message = assertThrows(ValuesFileException.class,
                () -> ValuesFile.load(bomb, doc.network(), 4)).getMessage();
        assertEquals(bomb + ": gradW1: is " + (Npz.MAX_ENTRY_BYTES + zeros.length) + " bytes; arrays are read up to "
                + Npz.MAX_ENTRY_BYTES + " bytes", message);
    }
}
