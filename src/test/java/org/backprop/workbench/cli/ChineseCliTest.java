package org.backprop.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backprop.workbench.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line in Chinese (as under {@code -Dbackprop.language=zh} or a {@code zh_CN} locale): errors and reports
 * in Chinese with the same exit statuses, field paths and numbers; the JSON output keeps its keys and ids, which are
 * a contract with programs, not text.
 */
class ChineseCliTest {
    private static final String EXAMPLE = "examples/softmax-2-3-2.json";

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

    @Test
    void checkOnABadFileSaysWhyInChineseAndExitsWithTwo() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": [2, {\"size\": 2, \"activation\": \"sigmoid\"}], \"loss\": \"quadratic\", "
                + "\"weights\": [[[1, 2], [3]]], \"biases\": [[0, 0]], \"inputs\": [[1, 2]], \"targets\": [[0, 1]]}");
        CheckCommandTest.Run run = CheckCommandTest.run("check", bad.toString());
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals("错误：" + bad + "：weights[0][1]：应为 2 项（w^1 是 n_0 x n_1 = 2 x 2，每个输入神经元一行），实际有 1 项"
                + System.lineSeparator(), run.err());
    }

    @Test
    void aMissingFileArgumentIsAChineseUsageError() {
        CheckCommandTest.Run run = CheckCommandTest.run("check");
        assertEquals(2, run.status());
        assertEquals("错误：缺少 FILE：check 需要一个网络文件，例如 check examples/softmax-2-3-2.json"
                + System.lineSeparator(), run.err());
    }

    @Test
    void picocliParseErrorsAreChineseAndExitWithTwo() {
        String nl = System.lineSeparator();
        CheckCommandTest.Run bogus = CheckCommandTest.run("check", EXAMPLE, "--bogus");
        assertEquals(2, bogus.status());
        assertEquals("", bogus.out());
        assertEquals("错误：未知的选项：'--bogus'" + nl + "（参见 'backprop-workbench check --help'）" + nl, bogus.err());
        CheckCommandTest.Run typo = CheckCommandTest.run("check", EXAMPLE, "--mehtod", "x");
        assertEquals(2, typo.status());
        assertTrue(typo.err().startsWith("错误：未知的选项：'--mehtod', 'x'。你是不是想用：--method？"), typo.err());
        CheckCommandTest.Run noValue = CheckCommandTest.run("check", EXAMPLE, "--epsilon");
        assertEquals(2, noValue.status());
        assertTrue(noValue.err().startsWith("错误：选项 '--epsilon' 缺少值（"), noValue.err());
        CheckCommandTest.Run twice = CheckCommandTest.run("check", EXAMPLE, "--epsilon", "1e-5", "--epsilon", "1e-4");
        assertEquals(2, twice.status());
        assertTrue(twice.err().startsWith("错误：选项 '--epsilon' 只能给出一次"), twice.err());
        CheckCommandTest.Run extra = CheckCommandTest.run("check", EXAMPLE, "extra");
        assertEquals(2, extra.status());
        assertTrue(extra.err().startsWith("错误：多余的参数：'extra'"), extra.err());
        Messages.setLocale(Locale.ENGLISH);
        assertTrue(CheckCommandTest.run("check", EXAMPLE, "--bogus").err().startsWith("error: Unknown option: '--bogus'"));
    }

    @Test
    void anUnknownCommandIsNamedAsOneAndTheCommandsAreListedInBothLanguages() {
        String nl = System.lineSeparator();
        String commands = "check, sweep, bench, lesson, export, derive";
        CheckCommandTest.Run zh = CheckCommandTest.run("bogus");
        assertEquals(2, zh.status());
        assertEquals("错误：未知的命令 'bogus'；可用的命令：" + commands + nl + "（参见 'backprop-workbench --help'）" + nl,
                zh.err());
        CheckCommandTest.Run typo = CheckCommandTest.run("chek", EXAMPLE);
        assertEquals("错误：未知的命令 'chek'；可用的命令：" + commands + "。你是不是想用：check, bench？" + nl
                + "（参见 'backprop-workbench --help'）" + nl, typo.err());
        Messages.setLocale(Locale.ENGLISH);
        CheckCommandTest.Run en = CheckCommandTest.run("bogus");
        assertEquals(2, en.status());
        assertEquals("error: Unknown command 'bogus'; the commands are: " + commands + nl
                + "(see 'backprop-workbench --help')" + nl, en.err());
    }

    @Test
    void deriveOnAWholeMatrixSaysWhichEntryToNameInChinese() {
        CheckCommandTest.Run run = CheckCommandTest.run("derive", EXAMPLE, "delta1");
        assertEquals(2, run.status());
        assertEquals("错误：" + EXAMPLE + "：\"delta1\" 是整个矩阵；请指定一个元素：z2[j,x]、a2[j,x]、gradA[j,x]、delta1[j,x]、"
                + "gradB1[j] 或 gradW2[k,j]（一个元素，下标从 0 开始；只有一个样本时可只写 [j]）" + System.lineSeparator(),
                run.err());
        CheckCommandTest.Run cost = CheckCommandTest.run("derive", EXAMPLE, "w1[0,0]");
        assertEquals(2, cost.status());
        assertTrue(cost.err().contains("\"w1[0,0]\" 是参数，不是计算出的元素；应为 z2[j,x]"), cost.err());
    }

    @Test
    void deriveWritesItsDerivationInChineseWithTheSameNumbers() {
        CheckCommandTest.Run zh = CheckCommandTest.run("derive", EXAMPLE, "delta2[0,0]");
        Messages.setLocale(Locale.ENGLISH);
        CheckCommandTest.Run en = CheckCommandTest.run("derive", EXAMPLE, "delta2[0,0]");
        assertEquals(0, zh.status(), zh.err());
        assertEquals(en.status(), zh.status());
        // softmax output layer: the Jacobian's sum over every i, explained in Chinese; formula names stay Latin
        assertTrue(en.out().contains("(softmax Jacobian J_ij = a_i (δ_ij − a_j): not elementwise, so the sum runs over"
                + " every i)"), en.out());
        assertTrue(zh.out().contains("(softmax 雅可比矩阵 J_ij = a_i (δ_ij − a_j)：不是逐元素的，所以求和遍历每个 i)"),
                zh.out());
        assertTrue(zh.out().contains("其中 ∇_a C[0,0] = (1/m) ∂C_x/∂a："), zh.out());
        assertTrue(zh.out().contains("数值检验："), zh.out());
        assertFalse(zh.out().contains("numerical check"), zh.out());
        // the heading and each line's role too: "推导 … m = 4" and "链式法则:", where English says "Derive" and "chain rule:"
        assertTrue(en.out().startsWith("Derive delta2[0,0] (δ^2[0, 0]), m = 4\n"), en.out());
        assertTrue(zh.out().startsWith("推导 delta2[0,0]（δ^2[0, 0]），m = 4\n"), zh.out());
        assertTrue(en.out().contains("  chain rule:"), en.out());
        assertTrue(zh.out().contains("  链式法则:"), zh.out());
        assertFalse(zh.out().contains("chain rule:") || zh.out().contains("definition:"), zh.out());
        // the result line (symbol = value) is the same in both languages, after its role's name
        String result = en.out().lines().filter(l -> l.contains("δ^2[0,0] = ") && !l.contains("∂")).reduce((a, b) -> b)
                .orElseThrow().replaceFirst("^\\s*result:\\s*", "");
        assertTrue(result.startsWith("δ^2[0,0] = -0.07347"), result);
        assertTrue(zh.out().contains("  结果:"), zh.out());
        assertTrue(zh.out().contains(result), result + "\n" + zh.out());
    }

    @Test
    void deriveAsJsonIsTheSameInBothLanguages() throws Exception {
        CheckCommandTest.Run zh = CheckCommandTest.run("derive", EXAMPLE, "delta1[1,0]", "--format", "json",
                "--mistake", "bp2-no-sigma-prime");
        Messages.setLocale(Locale.ENGLISH);
        CheckCommandTest.Run en = CheckCommandTest.run("derive", EXAMPLE, "delta1[1,0]", "--format", "json",
                "--mistake", "bp2-no-sigma-prime");
        assertEquals(en.status(), zh.status(), zh.err());
        assertEquals(en.out(), zh.out());
        assertFalse(zh.out().matches("(?s).*\\p{IsHan}.*"), "no Chinese in the JSON");
        assertEquals("delta1[1,0]", new ObjectMapper().readTree(zh.out()).get("entry").asText());
    }

    /**
     * Jackson's common failures (an unexpected character, the end of the input, a closer of the wrong kind, a word
     * that is no JSON value) are worded from the bundles in both languages; the line and column stay as they are.
     */
    @Test
    void malformedJsonIsDescribedInChineseWithTheSameLineAndColumn() throws Exception {
        String nl = System.lineSeparator();
        Path comma = dir.resolve("comma.json");
        Files.writeString(comma, "{\"layers\": [2, 2] \"loss\": \"quadratic\"}");
        assertEquals("错误：" + comma + "：第 1 行，第 19 列：JSON 格式错误：意外的字符 '\"'；应为对象各项之间的逗号" + nl,
                CheckCommandTest.run("check", comma.toString()).err());
        Path open = dir.resolve("open.json");
        Files.writeString(open, "{\"layers\": [2, 2], \"loss\": \"quadratic\",\n \"inputs\": [[1, 2]");
        assertEquals("错误：" + open + "：第 2 行，第 19 列：JSON 格式错误：输入意外结束：从第 2 行，第 12 列开始的数组没有闭合" + nl,
                CheckCommandTest.run("check", open.toString()).err());
        Path closer = dir.resolve("closer.json");
        Files.writeString(closer, "{\"layers\": [2, 2], \"loss\": \"quadratic\",\n \"inputs\": [[1, 2}");
        assertEquals("错误：" + closer + "：第 2 行，第 18 列：JSON 格式错误：意外的 '}'；应为 ']'，以闭合从第 2 行，第 13 列开始的数组"
                + nl, CheckCommandTest.run("check", closer.toString()).err());
        Path word = dir.resolve("word.json");
        Files.writeString(word, "{\"layers\": [2, 2], \"loss\": \"quadratic\",\n \"inputs\": [[1, x]]}");
        assertEquals("错误：" + word + "：第 2 行，第 19 列：JSON 格式错误：无法识别的记号 'x'；应为一个值：字符串、数字、数组、对象、"
                + "true、false 或 null" + nl, CheckCommandTest.run("check", word.toString()).err());
        Path values = dir.resolve("values.json");
        Files.writeString(values, "{\"loss\": 0.8, \"delta2\": [[1, 2]");
        CheckCommandTest.Run against = CheckCommandTest.run("check", EXAMPLE, "--against", values.toString());
        assertEquals(2, against.status());
        assertEquals("错误：" + values + "：第 1 行，第 32 列：JSON 格式错误：输入意外结束：从第 1 行，第 25 列开始的数组没有闭合" + nl,
                against.err());
        assertFalse((CheckCommandTest.run("check", comma.toString()).err() + against.err()).matches("(?s).*[A-Za-z]{3,} [a-z]{3,}.*"));
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("error: " + closer + ": line 2, column 18: malformed JSON: unexpected '}'; expected ']' to close the"
                + " array opened at line 2, column 13" + nl, CheckCommandTest.run("check", closer.toString()).err());
    }

    @Test
    void aLessonsFrontMatterErrorAndItsOutlineAreInChinese() throws Exception {
        String lesson = Files.readString(Path.of("lessons/zh/01-one-neuron.md"));
        Path tab = dir.resolve("tab.md");
        Files.writeString(tab, lesson.replaceFirst("\nsummary:", "\n\tsummary:"));
        CheckCommandTest.Run bad = CheckCommandTest.run("lesson", "--validate", tab.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains(tab + ":2：前置元数据：有制表符；YAML 只能用空格缩进"), bad.out() + bad.err());
        Path quote = dir.resolve("quote.md");
        Files.writeString(quote, lesson.replaceFirst("\nsummary: ", "\nsummary: \""));
        assertTrue(CheckCommandTest.run("lesson", "--validate", quote.toString()).err()
                .contains(quote + ":3：前置元数据：引号中的文本没有闭合"));
        CheckCommandTest.Run outline = CheckCommandTest.run("lesson", "lessons/zh/09-spot-the-bug.md");
        assertEquals(0, outline.status(), outline.err());
        assertTrue(outline.out().contains(" 2. 错误 1  [视图 steps]  [错误 bp3b-first-sample]  [预测]\n"), outline.out());
        assertTrue(outline.out().contains("  [步骤 gradB2]  [视图 checks]"), outline.out());
        CheckCommandTest.Run list = CheckCommandTest.run("lesson", "--list");
        assertTrue(list.out().contains("  01-one-neuron.md                 一个神经元，一个样本（共 9 步）\n")
                || list.out().contains("  01-one-neuron.md                 One neuron, one sample (9 steps)\n"), list.out());
    }

    /** The sweep's target, notes and usage errors are worded in the language; its JSON keys stay English. */
    @Test
    void theSweepSaysWhatItSweptAndWhatItLeftOutInChinese() throws Exception {
        CheckCommandTest.Run sampled = CheckCommandTest.run("sweep", EXAMPLE, "--sample", "5");
        assertEquals(0, sampled.status(), sampled.err());
        assertTrue(sampled.out().contains("扫描  BP4，所有层中的最大值（12 个数，抽样 5 个）\n"), sampled.out());
        assertTrue(sampled.out().contains("抽样：从 12 个数中随机抽取 5 个，种子 1（最大值和中位数都在样本上计算）"), sampled.out());
        CheckCommandTest.Run relu = CheckCommandTest.run("sweep", "examples/relu-kink.json", "--formula", "BP3",
                "--layer", "1");
        assertTrue(relu.out().contains("扫描  BP3，第 1 层中的最大值（3 个数）\n"), relu.out());
        assertTrue(relu.out().contains("未使用复步长：复步长法需要解析的网络，但第 1 层是 relu（它在 0 处的折点没有复延拓）"), relu.out());
        CheckCommandTest.Run index = CheckCommandTest.run("sweep", EXAMPLE, "--formula", "BP4", "--layer", "1",
                "--index", "9,9");
        assertEquals(2, index.status());
        assertEquals("错误：" + EXAMPLE + "：第 1 层的 BP4 没有下标 [9, 9]；应为 [k, j]，k < 2（输入），j < 3"
                + System.lineSeparator(), index.err());
        JsonNode json = new ObjectMapper().readTree(CheckCommandTest.run("sweep", EXAMPLE, "--format", "json").out());
        assertEquals("BP4，所有层中的最大值（12 个数）", json.get("target").asText());
        assertTrue(json.has("curves") && json.has("notes"));
        Messages.setLocale(Locale.ENGLISH);
        assertTrue(CheckCommandTest.run("sweep", EXAMPLE, "--sample", "5").out()
                .contains("BP4, worst over all its layers (12 numbers, a sample of 5)\n"));
    }

    /** bench's table in Chinese, with the numbers of the same result written the same way (a result made by hand). */
    @Test
    void theBenchTableIsInChineseWithTheSameNumbers() {
        org.backprop.workbench.bench.BenchResult r = new org.backprop.workbench.bench.BenchResult("784-128-64-10", 8,
                111002, 200, 2, 100, 3, 2, 1.5, 1.9, 2.9, 3.0, 1e-9, 2e-8, 1e-11, 1e-11, 2, true, 2000, 1.1, "smooth",
                1, 1.2, 1.2, 1e-10, 1e-16, 20);
        String zh = BenchCommand.text(r, 1.25, java.util.List.of("-Xshare:auto"));
        assertTrue(zh.startsWith("784-128-64-10 的完整梯度检验，m = 8：111,002 个数（每个 delta、偏置和权重），中心差分，"
                + "epsilon = 1e-5\n\n朴素方法       200.00 秒  （外推：在 2,000 个数的分层样本上实测 1.10 秒）\n"
                + "增量方法         2.00 秒（2 个线程）\n加速比          100.0x\n"), zh);
        assertTrue(zh.contains("\n冷启动检验      1.25 秒（全新 JVM 端到端对该网络运行 'check' 的中位数"), zh);
        assertFalse(zh.matches("(?s).*\\b[a-z]{3,} [a-z]{3,}\\b.*"), zh);
        Messages.setLocale(Locale.ENGLISH);
        String en = BenchCommand.text(r);
        assertTrue(en.contains("\nnaive          200.00 s  (extrapolated: measured 1.10 s on a stratified sample of 2,000"
                + " numbers)\nincremental      2.00 s  (2 threads)\n"), en);
    }

    @Test
    void theDirectionalCheckAndTheDerivationLineUpTheirChineseLabels() {
        CheckCommandTest.Run directional = CheckCommandTest.run("check", EXAMPLE, "--mode", "directional");
        assertEquals(0, directional.status(), directional.err());
        assertTrue(directional.out().contains("\n反向传播   ∇C · u = -0.001090\n数值       dC/dt  = -0.001090\n"
                + "相对误差          = 1.23e-09  pass\n"), directional.out());
        // every role name padded to the same terminal width: the formulas start in one column
        CheckCommandTest.Run derive = CheckCommandTest.run("derive", EXAMPLE, "delta2[0,0]");
        assertTrue(derive.out().contains("\n  定义:         δ^2[0,0] = ∂C/∂z^2[0,0]\n"), derive.out());
        assertTrue(derive.out().contains("\n  链式法则:     δ^2[0,0] = "), derive.out());
    }

    /** The exported script's docstring is in Chinese; its code, its gap markers and its output names are not. */
    @Test
    void theExportedScriptExplainsItselfInChinese() {
        CheckCommandTest.Run starter = CheckCommandTest.run("export", EXAMPLE, "--as", "numpy", "--starter");
        assertEquals(0, starter.status(), starter.err());
        assertTrue(starter.out().startsWith("#!/usr/bin/env python3\n\"\"\"2-3-2 sigmoid/softmax, cross-entropy 的反向传播\n"
                + "（来自 " + EXAMPLE + "），由 Backprop Workbench 生成：练习版（STARTER），反向传播由你来写。\n\n"
                + "记号与笔记相同：w[l] 是 n_{l-1} x n_l（行 = 输入神经元，列 = 输出神经元），\n"), starter.out());
        assertEquals(5, starter.out().split("# >>> YOUR CODE", -1).length - 1, "the gap markers stay as they are");
        Messages.setLocale(Locale.ENGLISH);
        assertTrue(CheckCommandTest.run("export", EXAMPLE, "--as", "numpy").out().contains("\nThe note's notation: w[l] is"
                + " n_{l-1} x n_l (row = input neuron, column = output neuron),\n"));
    }

    /** bench --directional and --auto-step tables in Chinese, from hand-made rows; the columns stay in line. */
    @Test
    void theDirectionalAndAutoStepBenchTablesAreInChinese() {
        var rows = java.util.List.of(new org.backprop.workbench.bench.DirectionalBenchmark.Row("bp2-no-sigma-prime",
                "b^1 w^1", "b^1 w^1", true, 40), new org.backprop.workbench.bench.DirectionalBenchmark.Row(
                "planted w^2[3, 4]", "w^2", "", false, 60));
        String zh = org.backprop.workbench.bench.DirectionalBenchmark.text(rows, 109386);
        String nl = System.lineSeparator();
        assertTrue(zh.contains(nl + "出错的               完整检验失败的                     方向检验指出的"
                + "                      相同 求值次数" + nl + "bp2-no-sigma-prime   b^1 w^1"), zh);
        assertTrue(zh.contains(" 是     40" + nl) && zh.contains(" 否     60" + nl), zh);
        assertTrue(zh.contains("2 次运行中有 1 次准确指出了出错的部分；代价求值最多 60 次（逐个检验全部 109,386 个参数则需 218,772 次）"), zh);
        String auto = new org.backprop.workbench.bench.AutoStepBenchmark.Figures(
                org.backprop.workbench.numeric.DifferenceMethod.CENTRAL, 83, 5.41e-14, 4.21e-11, 0.976, 1, 0.026, 0.03)
                .text();
        assertTrue(auto.startsWith("自动步长（Ridders），central，83 个数：" + nl + "  相对误差中位数，自动步长           5.41e-14"
                + nl + "  相对误差中位数，固定步长     1e-5  4.21e-11" + nl + "  与最佳固定步长相差不到 10 倍       97.6 %"), auto);
        Messages.setLocale(Locale.ENGLISH);
        assertTrue(org.backprop.workbench.bench.DirectionalBenchmark.text(rows, 109386).contains(nl
                + "wrong                exhaustive fails                   directional names                   same  evals"
                + nl), org.backprop.workbench.bench.DirectionalBenchmark.text(rows, 109386));
    }

    /** A lesson's @expect claims that do not hold say why in Chinese; the claim as written and the numbers stay. */
    @Test
    void aFalseClaimOfALessonIsExplainedInChinese() throws Exception {
        Path lesson = dir.resolve("claims.md");
        Files.writeString(lesson, Files.readString(Path.of("lessons/zh/01-one-neuron.md"))
                .replace("@expect z1[0] = 0.5\n", "@expect z1[0] = 0.7\n").replace("@expect cost = 0.0713", "@expect BP1 fails"));
        CheckCommandTest.Run run = CheckCommandTest.run("lesson", "--validate", lesson.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains(lesson + ":26：@expect z1[0] = 0.7：在错误 none、方法 central、ε = 1.00e-05 下该断言不成立："
                + "z1[0,0] 是 0.500000，而不是 0.700000 ± 0.0500000"), run.err());
        assertTrue(run.err().contains("：BP1 的判定是 pass（检验 1 个：pass 1，warn 0，fail 0，kink 0；最大相对误差 "), run.err());
        Path first = dir.resolve("first.md");
        Files.writeString(first, Files.readString(Path.of("lessons/zh/02-delta-and-bp2.md"))
                .replace("@expect first failure BP2 layer 1", "@expect first failure BP1 layer 2"));
        assertTrue(CheckCommandTest.run("lesson", "--validate", first.toString()).err()
                .contains("下该断言不成立：第一个失败的是 第 1 层的 BP2"));
    }

    @Test
    void aStepOutOfRangeIsAChineseUsageError() {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--epsilon", "5");
        assertEquals(2, run.status());
        assertEquals("错误：--epsilon：应为小于 1 的正数，例如 1e-5；实际是 \"5.0\"" + System.lineSeparator(), run.err());
    }

    @Test
    void anUnknownMethodIsAChineseUsageError() {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--method", "backward");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("错误：--method：未知的方法 \"backward\"；应为以下之一："), run.err());
    }

    @Test
    void theTextReportHasChineseHeadingsAndTheSameNumbers() {
        CheckCommandTest.Run zh = CheckCommandTest.run("check", EXAMPLE);
        Messages.setLocale(Locale.ENGLISH);
        CheckCommandTest.Run en = CheckCommandTest.run("check", EXAMPLE);
        assertEquals(0, zh.status(), zh.err());
        assertEquals(en.status(), zh.status());
        assertTrue(zh.out().startsWith("网络  2-3-2 sigmoid/softmax, cross-entropy\n"), zh.out());
        assertTrue(zh.out().contains("== 第 1 层：3 个神经元，sigmoid =="), zh.out());
        assertTrue(zh.out().contains("== 检验 =="), zh.out());
        assertTrue(en.out().contains("== Layer 1: 3 neurons, sigmoid =="), en.out());
        // the cost and every matrix row are the same in both languages
        String cost = en.out().lines().filter(l -> l.startsWith("Cost")).findFirst().orElseThrow()
                .replaceFirst("Cost +", "");
        assertTrue(zh.out().contains("代价  " + cost), zh.out());
        assertEquals(en.out().lines().filter(l -> l.matches(" {4,}[-0-9].*")).toList(),
                zh.out().lines().filter(l -> l.matches(" {4,}[-0-9].*")).toList());
        // the method in words, and the table's headings: a Chinese character takes two columns, so the rows stay in
        // line under them (the verdict columns keep the ids pass/warn/fail/kink that the legend defines)
        assertTrue(zh.out().contains("\n检验  中心差分，epsilon = 1e-5\n"), zh.out());
        assertTrue(en.out().contains("\nCheck    central differences, epsilon = 1e-5\n"), en.out());
        assertTrue(zh.out().contains("\n        层  检验数  pass  warn  fail  kink  最大相对误差 判定\n"
                + "BP1      2       8     8     0     0     0  4.24e-11     pass\n"), zh.out());
        assertTrue(zh.out().contains("\n全部            37    37     0     0     0  2.78e-10     pass\n"), zh.out());
        assertTrue(en.out().contains("\n     layer checked  pass  warn  fail  kink  worst rel  verdict\n"
                + "BP1      2       8     8     0     0     0  4.24e-11   pass\n"), en.out());
    }

    @Test
    void theSampleTheMethodAndTheFailingNumbersAreWordedInChinese() {
        CheckCommandTest.Run zh = CheckCommandTest.run("check", EXAMPLE, "--mode", "sample:2", "--method", "richardson",
                "--mistake", "bp2-no-sigma-prime");
        assertEquals(1, zh.status(), zh.err());
        assertTrue(zh.out().contains("\n检验  Richardson 外推，epsilon = 0.001\n"
                + "范围  每层抽取 2 个权重（种子 1），加上所有 δ 和偏置\n"), zh.out());
        assertTrue(zh.out().contains("\n== 失败的数 ==\n     量                     解析值                   数值"
                + "                     相对误差\n"), zh.out());
        // the JSON keeps the English wording of the mode, whatever the language
        CheckCommandTest.Run json = CheckCommandTest.run("check", EXAMPLE, "--mode", "sample:2", "--format", "json");
        assertTrue(json.out().contains("\"mode\" : \"a sample of 2 weights per layer (seed 1), every δ and bias\""),
                json.out());
    }

    @Test
    void theComplexStepOnAKinkIsRefusedInChinese() {
        CheckCommandTest.Run run = CheckCommandTest.run("check", "examples/relu-kink.json", "--method", "complex-step");
        assertEquals(2, run.status());
        assertEquals("错误：examples/relu-kink.json：复步长法需要解析的网络，但第 1 层是 relu（它在 0 处的折点没有复延拓）；"
                + "请改用中心差分或 Richardson 外推（请用 --method central 或 richardson）" + System.lineSeparator(),
                run.err());
    }

    @Test
    void theComplexStepOnGeluIsRefusedInChinese() throws Exception {
        Path gelu = dir.resolve("gelu.json");
        Files.writeString(gelu, Files.readString(Path.of("examples/tanh-batch.json")).replace("\"tanh\"", "\"gelu\""));
        CheckCommandTest.Run run = CheckCommandTest.run("check", gelu.toString(), "--method", "complex-step");
        assertEquals(2, run.status());
        assertEquals("错误：" + gelu + "：复步长法需要解析的网络，但第 1 层是 gelu（它用到的标准正态分布函数 Φ 需要复数的 erf，"
                + "工作台没有实现）；请改用中心差分或 Richardson 外推（请用 --method central 或 richardson）"
                + System.lineSeparator(), run.err());
        CheckCommandTest.Run sweep = CheckCommandTest.run("sweep", gelu.toString());
        assertEquals(0, sweep.status(), sweep.err());
        assertTrue(sweep.out().contains("未使用复步长：复步长法需要解析的网络，但第 1 层是 gelu（它用到的标准正态分布函数 Φ"),
                sweep.out());
        assertFalse(sweep.out().contains("complex erf"), sweep.out());
    }

    @Test
    void theLossFormulaInsideADerivationIsNotationWithNoEnglishWords() {
        CheckCommandTest.Run fused = CheckCommandTest.run("derive", "examples/fused-softmax-2-3-2.json", "delta2[0,0]");
        assertEquals(0, fused.status(), fused.err());
        assertTrue(fused.out().contains("其中 ∇_a C[0,0] = (1/m) ∂C_x/∂a：softmax-cross-entropy: a^2 = z^2, "
                + "C_x = −Σ_j t_j ln(softmax(z)_j) ⇒ ∂C_x/∂a_j = softmax(z)_j − t_j；这里 "), fused.out());
        CheckCommandTest.Run ce = CheckCommandTest.run("derive", EXAMPLE, "gradA[0,0]");
        assertTrue(ce.out().contains("cross-entropy: C_x = −Σ_j t_j ln a_j ⇒ ∂C_x/∂a_j = −t_j / a_j\n"), ce.out());
        assertFalse(fused.out().contains("loss-fused") || ce.out().contains(", so "), fused.out() + ce.out());
    }

    @Test
    void againstNamesTheFirstDivergenceAndDiagnosesItInChinese() {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--against",
                "examples/values/softmax-2-3-2-bp2-bug.json");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("\n结论：不一致。第一个分歧：δ^1（BP2）。\n"
                + "你的 δ^2 是对的，而你的 δ^1 错了：错误在于 δ 如何传回第 1 层，BP2：δ^1 = (w^2 δ^2) ⊙ σ'(z^1)。\n"
                + "诊断：bp2-no-sigma-prime —— 你的 δ^1 正是故意的错误 bp2-no-sigma-prime 得到的结果："), run.out());
        assertTrue(run.out().contains("  正确：  δ^1 = (w^2 δ^2) ⊙ σ'(z^1)\n"), run.out());
        // the table's headings and statuses in Chinese, the rows still in line under them
        assertTrue(run.out().contains("\n  量         公式     状态       最大相对误差 最差元素：你的 / 解析值 / 数值\n"
                + "  C          forward  一致       0.00e+00     [] 0.818202 / 0.818202 / —\n"), run.out());
        assertTrue(run.out().contains("\n→ δ^1        BP2      不一致     7.64e-01     [0, 3] "), run.out());
    }

    /**
     * A fresh JVM without {@code -Dbackprop.language} and with {@code LANG=zh_CN.UTF-8} speaks Chinese: the language
     * is then decided while {@link Messages} initialises, which the tests (run with the property) never reach.
     */
    @Test
    void aFreshJvmWithAChineseLangSpeaksChinese() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dbackprop.workbench.home=" + dir.resolve("settings"),
                "org.backprop.workbench.Launcher", "check", "examples/one-neuron.json");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().put("LANG", "zh_CN.UTF-8");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("网络  1-1 sigmoid, quadratic"), out);
    }

    @Test
    void theJsonReportKeepsItsKeysAndIdsInChinese() throws Exception {
        CheckCommandTest.Run zh = CheckCommandTest.run("check", EXAMPLE, "--format", "json");
        Messages.setLocale(Locale.ENGLISH);
        CheckCommandTest.Run en = CheckCommandTest.run("check", EXAMPLE, "--format", "json");
        assertEquals(en.out(), zh.out());
        JsonNode root = new ObjectMapper().readTree(zh.out());
        assertEquals("central", root.get("method").asText());
        assertFalse(zh.out().matches("(?s).*\\p{IsHan}.*"), "no Chinese in the JSON");
    }
}
