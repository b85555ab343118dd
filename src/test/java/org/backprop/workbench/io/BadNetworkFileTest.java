package org.backprop.workbench.io;

import org.backprop.workbench.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad network file gets one message naming the file, the field path (or line and column) and what was
 * expected; through the command line the same message goes to stderr after "error: ", with exit status 2 and no
 * stack trace.
 */
class BadNetworkFileTest {
    private static final String ONE_NEURON = "\"layers\": [2, {\"size\": 1, \"activation\": \"sigmoid\"}]";
    private static final String SAMPLES = "\"inputs\": [[1, 2]], \"targets\": [[0.5]]";
    private static final String TWO_LAYERS = "\"layers\": [2, {\"size\": 2, \"activation\": \"sigmoid\"}, "
            + "{\"size\": 1, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", " + SAMPLES;

    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("malformed JSON gives line and column",
                        "{" + ONE_NEURON + ",\n\"loss\": \"quadratic\",\n\"inputs\": [[1, 2]] \"targets\": [[0.5]]}",
                        "line 3, column 20",
                        "malformed JSON: unexpected character '\"'; expected a comma between the object's entries"),
                arguments("an unclosed object gives where it started",
                        "{" + ONE_NEURON + ",\n\"loss\": \"quadratic\"",
                        "line 2, column 20",
                        "malformed JSON: unexpected end of input: the object opened at line 1, column 1 is not closed"),
                arguments("text after the object is refused",
                        "{" + ONE_NEURON + ", \"loss\": \"quadratic\", " + SAMPLES + "} {}",
                        "line 1, column 116",
                        "malformed JSON: more text after the end of the top-level object; a network file holds one JSON object"),
                arguments("a missing field names what it should hold",
                        "{" + ONE_NEURON + ", " + SAMPLES + "}",
                        "loss",
                        "missing; expected one of quadratic, binary-cross-entropy, cross-entropy, softmax-cross-entropy, "
                                + "sigmoid-cross-entropy"),
                arguments("a ragged weight matrix names the row",
                        "{" + TWO_LAYERS + ", \"weights\": [[[1, 2], [3, 4]], [[1, 2], [3]]], \"biases\": [[0, 0], [0]]}",
                        "weights[1][0]",
                        "expected 1 entry (w^2 is n_1 x n_2 = 2 x 1, one row per input neuron), found 2"),
                arguments("a wrongly shaped weight matrix names the matrix",
                        "{" + TWO_LAYERS + ", \"weights\": [[[1, 2], [3, 4]], [[1]]], \"biases\": [[0, 0], [0]]}",
                        "weights[1]",
                        "expected 2 entries (w^2 is n_1 x n_2 = 2 x 1, one row per input neuron), found 1"),
                arguments("a bias vector of the wrong length names it",
                        "{" + TWO_LAYERS + ", \"weights\": [[[1, 2], [3, 4]], [[1], [2]]], \"biases\": [[0], [0]]}",
                        "biases[0]",
                        "expected 2 entries (b^1 has n_1 = 2 numbers), found 1"),
                arguments("an unknown activation suggests the closest",
                        "{\"layers\": [2, {\"size\": 1, \"activation\": \"sigmoidal\"}], \"loss\": \"quadratic\", " + SAMPLES + "}",
                        "layers[1].activation",
                        "unknown activation \"sigmoidal\"; did you mean \"sigmoid\"? expected one of identity, sigmoid, tanh, relu, leaky-relu, softplus, softmax, gelu, swish"),
                arguments("an unknown loss lists the losses",
                        "{" + ONE_NEURON + ", \"loss\": \"mse\", " + SAMPLES + "}",
                        "loss",
                        "unknown loss \"mse\"; expected one of quadratic, binary-cross-entropy, cross-entropy, softmax-cross-entropy, "
                                + "sigmoid-cross-entropy"),
                arguments("NaN is refused",
                        "{" + ONE_NEURON + ", \"loss\": \"quadratic\", \"inputs\": [[1, NaN]], \"targets\": [[0.5]]}",
                        "inputs[0][1]",
                        "NaN is not allowed; expected a finite number"),
                arguments("Infinity is refused",
                        "{" + ONE_NEURON + ", \"loss\": \"quadratic\", \"inputs\": [[1, 2]], \"targets\": [[-Infinity]]}",
                        "targets[0][0]",
                        "-Infinity is not allowed; expected a finite number"),
                arguments("a number beyond double precision is refused",
                        "{" + TWO_LAYERS + ", \"weights\": [[[1, 2], [3, 1e400]], [[1], [2]]], \"biases\": [[0, 0], [0]]}",
                        "weights[0][1][1]",
                        "1E+400 is beyond the range of double precision (about ±1.8e308); expected a finite number"),
                arguments("a layer of no neurons is refused",
                        "{\"layers\": [2, {\"size\": 0, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", " + SAMPLES + "}",
                        "layers[1].size",
                        "a layer needs at least one neuron, found 0"),
                arguments("an input layer of negative size is refused",
                        "{\"layers\": [-2, {\"size\": 1, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", " + SAMPLES + "}",
                        "layers[0]",
                        "a layer needs at least one neuron, found -2"),
                arguments("a fractional size is refused",
                        "{\"layers\": [2, {\"size\": 2.5, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", " + SAMPLES + "}",
                        "layers[1].size",
                        "expected a whole number of neurons, found number 2.5"),
                arguments("too many parameters are refused before the weights are even read",
                        "{\"layers\": [100000, {\"size\": 100000, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", "
                                + "\"weights\": \"not read\", \"biases\": \"not read\", " + SAMPLES + "}",
                        "layers",
                        "these sizes need 10000100000 weights and biases; the workbench takes at most 10000000"),
                arguments("a batch too large to hold its activations is refused before any parameter is made",
                        "{\"layers\": [1, {\"size\": 3000000, \"activation\": \"identity\"}, "
                                + "{\"size\": 1, \"activation\": \"identity\"}], \"loss\": \"quadratic\", "
                                + "\"weights\": \"not read\", \"biases\": \"not read\", "
                                + "\"inputs\": [[1], [2], [3], [4]], \"targets\": [[0], [0], [0], [0]]}",
                        "inputs",
                        "4 samples need 12000008 activations; at most 5000000"),
                arguments("inputs and targets of different counts are refused",
                        "{" + ONE_NEURON + ", \"loss\": \"quadratic\", \"inputs\": [[1, 2], [3, 4]], \"targets\": [[0.5]]}",
                        "targets",
                        "1 row for 2 input rows; expected one row of n_L = 1 numbers per sample"),
                arguments("a loss that does not fit the output names the right choice",
                        "{\"layers\": [2, {\"size\": 2, \"activation\": \"tanh\"}], \"loss\": \"cross-entropy\", "
                                + "\"inputs\": [[1, 2]], \"targets\": [[0, 1]]}",
                        "loss",
                        "loss \"cross-entropy\" needs a softmax output layer, not tanh: use a softmax output layer, or an identity output with \"softmax-cross-entropy\""),
                arguments("the fused loss on a softmax output points to plain cross-entropy",
                        "{\"layers\": [2, {\"size\": 2, \"activation\": \"softmax\"}], \"loss\": \"softmax-cross-entropy\", "
                                + "\"inputs\": [[1, 2]], \"targets\": [[0, 1]]}",
                        "loss",
                        "loss \"softmax-cross-entropy\" needs an identity output layer, not softmax: it applies softmax itself, so the output layer must be \"identity\" (or keep the softmax output and use \"cross-entropy\")"),
                arguments("cross-entropy targets must sum to one",
                        "{\"layers\": [2, {\"size\": 2, \"activation\": \"softmax\"}], \"loss\": \"cross-entropy\", "
                                + "\"inputs\": [[1, 2]], \"targets\": [[0.5, 0.4]]}",
                        "targets[0]",
                        "loss \"cross-entropy\" needs each sample's targets to sum to 1 (a probability distribution, e.g. one-hot); these sum to 0.9"),
                arguments("an empty file is refused",
                        "",
                        "",
                        "is empty; expected a JSON object with \"layers\", \"loss\", \"inputs\" and \"targets\""),
                arguments("the input layer written as an object has only a size",
                        "{\"layers\": [{\"size\": 2, \"neurons\": 2}, {\"size\": 1, \"activation\": \"sigmoid\"}], "
                                + "\"loss\": \"quadratic\", " + SAMPLES + "}",
                        "layers[0].neurons",
                        "unknown field; the input layer has only a \"size\""),
                arguments("a misspelt field suggests the right one",
                        "{" + ONE_NEURON + ", \"loss\": \"quadratic\", " + SAMPLES + ", \"wieghts\": []}",
                        "wieghts",
                        "unknown field; did you mean \"weights\"? expected one of name, description, layers, loss, weights, biases, inputs, targets, seed"),
                arguments("a JSON array instead of an object is refused",
                        "[2, 3]",
                        "",
                        "expected a JSON object {\"layers\": ..., \"loss\": ..., ...}, found array [2,3]"),
                arguments("a JSON null instead of an object says null once",
                        "null",
                        "",
                        "expected a JSON object {\"layers\": ..., \"loss\": ..., ...}, found null"),
                arguments("absurdly deep nesting is refused in the workbench's words, not the parser's",
                        "[".repeat(2000),
                        "",
                        "malformed JSON: arrays or objects nested more than 1000 deep; a network file nests at most "
                                + "4 deep (weights[l][k][j])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithItsFieldPathAndWhatWasExpected(String what, String text, String location, String problem)
            throws IOException {
        Path file = dir.resolve("net.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertRefused(file, location, problem);
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path file = dir.resolve("picture.json");
        Files.write(file, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        assertRefused(file, "", "is a binary file (a zero byte at offset 8); expected a network file in JSON text");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, ("{\"name\": \"caf\u00e9\", " + ONE_NEURON + "}").getBytes(StandardCharsets.ISO_8859_1));
        // {"name": "caf is 13 bytes; the Latin-1 é that follows is no UTF-8 sequence
        assertRefused(file, "", "is not UTF-8 text (a malformed byte sequence at offset 13); "
                + "expected a network file in JSON text");
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("networks"));
        assertRefused(folder, "", "is a folder; expected a network file (JSON)");
    }

    @Test
    void aMissingFileIsRefused() {
        assertRefused(dir.resolve("nowhere.json"), "", "no such file");
    }

    private static void assertRefused(Path file, String location, String problem) {
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> NetworkFile.load(file));
        String expected = file + (location.isEmpty() ? "" : ": " + location) + ": " + problem;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new String[]{"check", file.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertAll(
                () -> assertEquals(location, e.location(), "field path or line"),
                () -> assertEquals(problem, e.problem(), "problem"),
                () -> assertEquals(expected, e.getMessage(), "message"),
                () -> assertEquals(2, status, "exit status"),
                () -> assertEquals("error: " + expected + System.lineSeparator(), err.toString(), "stderr"),
                () -> assertEquals("", out.toString(), "stdout"),
                () -> assertFalse(err.toString().contains("\tat "), "no stack trace"),
                () -> assertTrue(expected.startsWith(file.toString()), "the file is named"));
    }
}
