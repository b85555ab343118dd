package org.backprop.workbench.i18n;

import org.backprop.workbench.against.ValuesFile;
import org.backprop.workbench.against.ValuesFileException;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.io.NetworkFileException;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonParser;
import org.backprop.workbench.lesson.LessonProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file readers (network files, lessons, values files) speak the current language: in Chinese each message is
 * Chinese, while the file name, the field path ({@code layers[1].activation}, {@code weights[1][0]}) and the line
 * number stay exactly as they are (no grouping: line 1234, not 1,234). The expected texts are written out by hand.
 */
class FileReaderMessagesTest {
    /** Any CJK ideograph: the message is in Chinese. */
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final String SAMPLES = "\"inputs\": [[1, 2]], \"targets\": [[0.5]]";
    private static final String TWO_LAYERS = "\"layers\": [2, {\"size\": 2, \"activation\": \"sigmoid\"}, "
            + "{\"size\": 1, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", " + SAMPLES;
    private static final String FRONT = """
            ---
            title: Test lesson
            network:
              layers: [2, {size: 2, activation: sigmoid}, {size: 1, activation: sigmoid}]
              loss: quadratic
              inputs: [[1.0, 1.0]]
              targets: [[0.0]]
            ---
            """;
    private static final LessonParser.NetworkSource NO_FILES = path -> {
        throw new NetworkFileException(path, "", "no such file");
    };

    @TempDir
    Path dir;

    private Locale before;

    @BeforeEach
    void switchToChinese() {
        before = Messages.locale();
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void restoreTheLanguage() {
        Messages.setLocale(before);
    }

    private static String networkError(String json) {
        return assertThrows(NetworkFileException.class, () -> NetworkFile.parse(json, "net.json")).getMessage();
    }

    private static LessonProblem lessonProblem(String text) {
        LessonException e = assertThrows(LessonException.class,
                () -> LessonParser.parse(text, "lessons/x.md", NO_FILES));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void anUnknownActivationIsNamedInChineseAtItsFieldPath() {
        String message = networkError("{\"layers\": [2, {\"size\": 1, \"activation\": \"sigmoidal\"}], "
                + "\"loss\": \"quadratic\", " + SAMPLES + "}");
        assertEquals("net.json：layers[1].activation：未知的激活函数 \"sigmoidal\"；你是不是想写 \"sigmoid\"？"
                + "应为以下之一：identity, sigmoid, tanh, relu, leaky-relu, softplus, softmax, gelu, swish", message);
    }

    @Test
    void aRaggedWeightMatrixKeepsItsPathAndShapeInChinese() {
        String message = networkError("{" + TWO_LAYERS + ", \"weights\": [[[1, 2], [3, 4]], [[1, 2], [3]]], "
                + "\"biases\": [[0, 0], [0]]}");
        assertEquals("net.json：weights[1][0]：应为 1 项（w^2 是 n_1 x n_2 = 2 x 1，每个输入神经元一行），实际有 2 项",
                message);
    }

    @Test
    void malformedJsonGivesTheLineAndColumnInChinese() {
        String message = networkError("{\"layers\": [2, {\"size\": 1, \"activation\": \"sigmoid\"}],\n"
                + "\"loss\": \"quadratic\",\n\"inputs\": [[1, 2]] \"targets\": [[0.5]]}");
        assertTrue(message.startsWith("net.json：第 3 行，第 20 列：JSON 格式错误："), message);
    }

    @Test
    void aLossOnTheWrongOutputLayerSaysWhichToUseInChinese() {
        String message = networkError("{\"layers\": [2, {\"size\": 1, \"activation\": \"sigmoid\"}], "
                + "\"loss\": \"cross-entropy\", " + SAMPLES + "}");
        assertEquals("net.json：loss：损失函数 \"cross-entropy\" 需要 softmax 输出层，而不是 sigmoid：请使用 softmax 输出层，"
                + "或者 identity 输出层配合 \"softmax-cross-entropy\"；sigmoid 输出请用 \"binary-cross-entropy\"", message);
    }

    @Test
    void aMissingFileIsRefusedInChinese() {
        Path missing = dir.resolve("nothing.json");
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> NetworkFile.load(missing));
        assertEquals(missing + "：文件不存在", e.getMessage());
    }

    @Test
    void theSameFileGivesTheEnglishMessageAfterSwitchingBack() {
        String json = "{\"layers\": [2, {\"size\": 0, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", "
                + SAMPLES + "}";
        assertEquals("net.json：layers[1].size：一层至少需要一个神经元，实际是 0", networkError(json));
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("net.json: layers[1].size: a layer needs at least one neuron, found 0", networkError(json));
    }

    @Test
    void anUnknownDirectiveKeepsItsLineNumberAndIsChinese() {
        LessonProblem p = lessonProblem(FRONT + "## Step\n@mistak none\n");
        assertEquals(10, p.line());
        assertEquals("lessons/x.md:10：未知指令 @mistak（你是不是想写 \"mistake\"？）；可用的指令有 @network, @step, "
                + "@highlight, @mistake, @epsilon, @method, @notation, @view, @expect, @quiz, @predict, @derive",
                p.toString());
    }

    @Test
    void aLineNumberBeyondAThousandIsWrittenWithoutGrouping() {
        LessonProblem p = lessonProblem(FRONT + "\n".repeat(1225) + "stray text\n## Step\nText.\n");
        assertEquals(1234, p.line());
        assertEquals("lessons/x.md:1234：第一个步骤之前有文本：每个步骤都以一行 \"## 标题\" 开始（课程标题写在前置元数据中）",
                p.toString());
    }

    @Test
    void aBadQuantityInADirectiveIsExplainedInChinese() {
        LessonProblem p = lessonProblem(FRONT + "## Step\n@highlight w3[0,0]\n");
        assertEquals(10, p.line());
        assertEquals("lessons/x.md:10：@highlight：\"w3[0,0]\" 中的层 3 不存在：这个网络在输入层之后有第 1..2 层",
                p.toString());
    }

    @Test
    void aTransposedGradWInAValuesFileIsNamedInChinese() throws Exception {
        NetworkDocument doc = NetworkFile.parse("{\"layers\": [2, {\"size\": 3, \"activation\": \"sigmoid\"}, "
                + "{\"size\": 2, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", "
                + "\"inputs\": [[1, 2]], \"targets\": [[0.5, 0.5]]}", "net.json");
        Path values = dir.resolve("mine.json");
        Files.writeString(values, "{\"layers\": [{\"layer\": 2, \"gradW\": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]}]}");
        String message = assertThrows(ValuesFileException.class,
                () -> ValuesFile.load(values, doc.network(), 1)).getMessage();
        assertEquals(values + "：gradW2：必须是 3 x 2（n_1 x n_2，即 w^2 的形状）；实际是 2 x 3 —— 看起来是 w_jk（Nielsen 的记法，"
                + "行 = 输出）：请设置记法（在顶层写 \"notation\": \"w_jk\"），或者转置它", message);
    }

    @Test
    void aValuesFileWithAnUnknownFieldKeepsTheFieldAndIsChinese() throws Exception {
        NetworkDocument doc = NetworkFile.parse("{" + TWO_LAYERS + "}", "net.json");
        Path values = dir.resolve("mine.json");
        Files.writeString(values, "{\"layers\": [{\"layer\": 1, \"detla\": [[1], [2]]}]}");
        String message = assertThrows(ValuesFileException.class,
                () -> ValuesFile.load(values, doc.network(), 1)).getMessage();
        assertTrue(message.startsWith(values + "：layers[0].detla："), message);
        assertTrue(CHINESE.matcher(message).find(), message);
        assertEquals(values + "：layers[0].detla：未知字段；一层的字段有 a, delta, gradB, gradW, layer, z", message);
    }
}
