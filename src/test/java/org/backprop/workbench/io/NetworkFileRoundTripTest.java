package org.backprop.workbench.io;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Saving then loading gives back the same numbers, bit for bit, and a save never leaves a half-written file. */
class NetworkFileRoundTripTest {
    @TempDir
    Path dir;

    /** Awkward doubles: extremes, subnormals, and numbers with 17 significant digits. */
    private static double awkward(Random random, int i) {
        return switch (i % 6) {
            case 0 -> Double.MIN_VALUE * (1 + random.nextInt(1000));
            case 1 -> Double.MAX_VALUE / (1 + random.nextInt(1000));
            case 2 -> -random.nextDouble() * 1e-300;
            case 3 -> Math.nextUp(random.nextGaussian());
            case 4 -> 0.1 + 0.2;
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    private static NetworkDocument awkwardDocument(long seed) {
        Random random = new Random(seed);
        List<Layer> layers = List.of(new Layer(3, Activation.TANH), new Layer(4, Activation.LEAKY_RELU),
                new Layer(2, Activation.IDENTITY));
        Network net = Network.initialised(2, layers, Loss.QUADRATIC, seed);
        int[] counter = {0};
        List<DMatrixRMaj> weights = net.weightList();
        List<DMatrixRMaj> biases = net.biasList();
        Stream.concat(weights.stream(), biases.stream()).forEach(m -> {
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = awkward(random, counter[0]++);
            }
        });
        DMatrixRMaj inputs = new DMatrixRMaj(2, 3);
        DMatrixRMaj targets = new DMatrixRMaj(2, 3);
        for (int i = 0; i < 6; i++) {
            inputs.data[i] = awkward(random, i + 3);
            targets.data[i] = awkward(random, i + 2);
        }
        return new NetworkDocument("awkward \"numbers\" ∂C/∂w", new Network(2, layers, Loss.QUADRATIC, weights, biases),
                new Batch(inputs, targets), seed);
    }

    /**
     * Numbers as people and other programs write them (long digit strings, halfway cases between two doubles,
     * subnormals, integers beyond a long) read as the correctly rounded double, the value BigDecimal gives.
     */
    @Test
    void handWrittenDecimalsReadAsTheNearestDouble() throws Exception {
        Random random = new Random(9);
        String[] texts = new String[400];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = switch (i % 8) {
                case 0 -> new java.math.BigDecimal(random.nextGaussian()).toPlainString();   // the exact binary value
                case 1 -> new java.math.BigDecimal(Math.nextUp(random.nextDouble()))
                        .add(new java.math.BigDecimal(Math.ulp(random.nextDouble()) / 2)).toString();   // near halfway
                case 2 -> "0." + Long.toString(Math.abs(random.nextLong())) + Long.toString(Math.abs(random.nextLong()));
                case 3 -> (random.nextInt(9) + 1) + "." + random.nextInt(1_000_000) + "e-" + (300 + random.nextInt(23));
                case 4 -> "-" + random.nextInt(1000) + "E+" + random.nextInt(300);
                case 5 -> "123456789012345678901234567890" + random.nextInt(10);
                case 6 -> Long.toString(random.nextLong());
                default -> Integer.toString(random.nextInt());
            };
        }
        StringBuilder weights = new StringBuilder("[[");
        for (int i = 0; i < texts.length; i++) {
            weights.append(i == 0 ? "" : ", ").append(texts[i]);
        }
        weights.append("]]");
        NetworkDocument doc = NetworkFile.parse("{\"layers\": [1, {\"size\": " + texts.length
                + ", \"activation\": \"identity\"}], \"loss\": \"quadratic\", \"weights\": [" + weights
                + "], \"biases\": [[0" + ", 0".repeat(texts.length - 1) + "]], \"inputs\": [[1]], \"targets\": [" + "[0" + ", 0".repeat(texts.length - 1) + "]]}", "hand.json");
        double[] read = doc.network().w(1).data;
        for (int i = 0; i < texts.length; i++) {
            assertEquals(new java.math.BigDecimal(texts[i]).doubleValue(), read[i], 0.0, texts[i]);
        }
    }

    @Test
    void savingThenLoadingGivesEveryParameterAndSampleBackBitForBit() throws Exception {
        NetworkDocument saved = awkwardDocument(7264);
        Path file = dir.resolve("awkward.json");
        NetworkFile.save(saved, file);
        NetworkDocument loaded = NetworkFile.load(file);

        assertEquals(saved.name(), loaded.name());
        assertEquals(saved.seed(), loaded.seed());
        assertEquals(saved.network().describe(), loaded.network().describe());
        for (int l = 1; l <= saved.network().depth(); l++) {
            assertBitsEqual(saved.network().w(l), loaded.network().w(l), "w^" + l);
            assertBitsEqual(saved.network().b(l), loaded.network().b(l), "b^" + l);
        }
        assertBitsEqual(saved.batch().inputs(), loaded.batch().inputs(), "inputs");
        assertBitsEqual(saved.batch().targets(), loaded.batch().targets(), "targets");
    }

    @Test
    void aSeededFileSavedWithItsParametersLoadsToTheSameNetwork() throws Exception {
        NetworkDocument seeded = NetworkFile.parse("{\"layers\": [2, {\"size\": 3, \"activation\": \"relu\"}, "
                + "{\"size\": 2, \"activation\": \"softmax\"}], \"loss\": \"cross-entropy\", "
                + "\"inputs\": [[0.1, 0.2]], \"targets\": [[0, 1]], \"seed\": 42}", "seeded.json");
        Path file = dir.resolve("seeded.json");
        NetworkFile.save(seeded, file);
        NetworkDocument loaded = NetworkFile.load(file);
        for (int l = 1; l <= 2; l++) {
            assertBitsEqual(seeded.network().w(l), loaded.network().w(l), "w^" + l);
            assertBitsEqual(seeded.network().b(l), loaded.network().b(l), "b^" + l);
        }
        assertEquals(42, loaded.seed());
    }

    @Test
    void savingOverAFileReplacesItAndLeavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("net.json");
        Files.writeString(file, "old contents");
        NetworkFile.save(awkwardDocument(1), file);
        NetworkFile.save(awkwardDocument(2), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "only the saved file is left in the folder");
        }
        assertEquals(NetworkFile.toJson(awkwardDocument(2)), Files.readString(file));
    }

    @Test
    void aSaveThatCannotReplaceItsTargetLeavesTheFolderAsItWas() throws Exception {
        Path target = Files.createDirectory(dir.resolve("net.json"));   // a non-empty folder cannot be replaced
        Files.writeString(target.resolve("keep.txt"), "kept");
        assertThrows(IOException.class, () -> NetworkFile.save(awkwardDocument(3), target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
        assertEquals("kept", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void aSavedFileIsReadableLikeAnyNewFileAndAReplacedOneKeepsItsPermissions() throws Exception {
        Path fresh = dir.resolve("fresh.json");
        NetworkFile.save(awkwardDocument(4), fresh);
        Assumptions.assumeTrue(Files.getFileStore(fresh).supportsFileAttributeView(PosixFileAttributeView.class));
        // the temporary file it came from was owner-only (rw-------)
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(fresh));

        Path shared = dir.resolve("shared.json");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        NetworkFile.save(awkwardDocument(5), shared);
        assertEquals(PosixFilePermissions.fromString("rw-rw-r--"), Files.getPosixFilePermissions(shared));
    }

    @Test
    void aFileBeginningWithAByteOrderMarkLoads() throws Exception {
        Path file = dir.resolve("notepad.json");
        String json = NetworkFile.toJson(awkwardDocument(6));
        Files.write(file, ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(NetworkFile.toJson(NetworkFile.load(file)), json);
    }

    private static void assertBitsEqual(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " columns");
        long[] e = new long[expected.data.length];
        long[] a = new long[actual.data.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Double.doubleToRawLongBits(expected.data[i]);
            a[i] = Double.doubleToRawLongBits(actual.data[i]);
        }
        assertArrayEquals(e, a, what);
    }
}
