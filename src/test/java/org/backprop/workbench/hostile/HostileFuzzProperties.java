package org.backprop.workbench.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonParser;
import org.backprop.workbench.lesson.Lessons;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutated network files and lessons: whatever the mutation, reading ends in a document or in the project's own
 * refusal (never another exception), within a time bound, and the refusal speaks no Java.
 */
class HostileFuzzProperties {
    /** Reading one small mutated file takes milliseconds; this bound only catches hangs. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final String NETWORK = """
            {"name": "n", "layers": [2, {"size": 2, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}],
             "loss": "quadratic", "weights": [[[0.1, -0.2], [0.3, 0.4]], [[0.5], [-0.6]]],
             "biases": [[0.0, 0.1], [0.2]], "inputs": [[1.0, 2.0], [0.5, -1e-3]], "targets": [[0.0], [1.0]]}
            """;

    private static final String LESSON = """
            ---
            title: Fuzz
            network:
              layers: [1, {size: 1, activation: sigmoid}]
              loss: quadratic
              weights: [[[0.5]]]
              biases: [[0.1]]
              inputs: [[1.0]]
              targets: [[0.0]]
            ---
            ## One
            @step delta1
            @highlight w1[0,0] delta1[0]
            @mistake none
            @epsilon 1e-5
            @expect all pass
            The cost $C = \\frac{1}{2}(a - y)^2$ and $$\\delta^1 = (a - y)\\,\\sigma'(z)$$ here.
            @quiz delta1[0] tolerance 1e-3
            """;

    /** Pieces a hostile author would try. */
    private static final List<String> SNIPPETS = List.of("1e999999999999", "0.1e-2147483648", "NaN", "-Infinity",
            "1e400", "99999999999999999999", "\\includegraphics{/etc/passwd}", "\\newcommand{\\a}{\\a\\a}\\a",
            "\\def\\x{\\x}", "{{{{{{{{{{{{{{{{", "}}}}", "\\left(", "\\hat\\hat\\hat\\hat\\hat\\hat\\hat\\hat\\hat\\hat\\hat\\hat\\hat",
            "../../etc/passwd", "/dev/zero", "\0", "\u001b[2J", "\r\n", "\n---\n", "\n## ", "\n@", "$", "$$", "\\",
            "\uE000", "\uE001", "\uE0000\uE001", "\uFEFF", "\uD800", "[", "]", "\"", ":", "  ", "\t", "&", "#", "%",
            "w1[0,0]", "delta9[0]", "@network x", "tolerance", "@view nope", ",", "null", "true", "{}", "[]");

    record Mutation(int kind, int at, int length, String text) {
        String apply(String s) {
            int i = Math.min(at, s.length());
            int j = Math.min(s.length(), i + length);
            return switch (kind) {
                case 0 -> s.substring(0, i) + text + s.substring(i);           // insert
                case 1 -> s.substring(0, i) + s.substring(j);                  // delete
                case 2 -> s.substring(0, i) + text + s.substring(j);           // replace
                default -> s.substring(0, j) + s.substring(i, j) + s.substring(j);   // duplicate
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(SNIPPETS),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(6),
                Arbitraries.strings().withChars("{}[]\",:.eE-+0123456789$\\^_").ofMaxLength(12));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 700),
                Arbitraries.integers().between(0, 40), text).as(Mutation::new).list().ofMinSize(1).ofMaxSize(6);
    }

    private static String mutate(String seed, List<Mutation> mutations) {
        String s = seed;
        for (Mutation m : mutations) {
            s = m.apply(s);
        }
        return s;
    }

    private static void speaksNoJava(String message) {
        assertFalse(message.contains("Exception") || message.contains("java.") || message.contains("For input string"),
                message);
    }

    @Property(tries = 300)
    void aMutatedNetworkFileIsReadOrRefusedInWords(@ForAll("mutations") List<Mutation> mutations) {
        String text = mutate(NETWORK, mutations);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                NetworkFile.parse(text, "fuzz.json");
                NetworkFile.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "fuzz.json");
            } catch (NetworkFileException e) {
                speaksNoJava(e.getMessage());
            }
        });
    }

    @Property(tries = 300)
    void aMutatedLessonIsLoadedOrRefusedInWords(@ForAll("mutations") List<Mutation> mutations) {
        String text = mutate(LESSON, mutations);
        LessonParser.NetworkSource nothing = path -> {
            throw new NetworkFileException(path, "", "no such file");
        };
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                Lessons.load(text, "fuzz.md", nothing).steps().forEach(step -> step.prose().html());
            } catch (LessonException e) {
                speaksNoJava(e.getMessage());
            }
        });
    }
}
