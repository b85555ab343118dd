package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the lesson reader says about a lesson's prose and formulas, and a prediction's choices and feedback, in
 * 简体中文 as in English: the same lines, the same formula names, ids and numbers, the words translated.
 */
class LessonProblemsInChineseTest {
    /** English prose: two words of letters separated by a space (as HardCodedTextTest looks for it). */
    private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{2,} [A-Za-z]{2,}\\b");

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static LessonProblem inChinese(String body) {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            return LessonParserTest.problem(body);
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void anUnclosedFormulaIsReportedInChineseOnTheSameLine() {
        String body = "## Step\n\nfirst line\nthe cost $C = 1\n";   // body from line 12: the formula opens on 15
        LessonProblem english = LessonParserTest.problem(body);
        LessonProblem chinese = inChinese(body);
        assertEquals(15, english.line());
        assertEquals(15, chinese.line());
        assertEquals("unclosed formula: $ without a closing $ in the same paragraph (write \\$ for a dollar sign)",
                english.message());
        assertEquals("公式没有闭合：同一段落中的 $ 没有对应的结束符 $（美元符号请写 \\$）", chinese.message());
    }

    @Test
    void aPrivateUseCharacterIsReportedInChineseOnTheSameLine() {
        String body = "## Step\n\nfirst line\nA \uE001 here.\n";
        LessonProblem english = LessonParserTest.problem(body);
        LessonProblem chinese = inChinese(body);
        assertEquals(15, english.line());
        assertEquals(15, chinese.line());
        assertEquals("holds the private-use character U+E001, which a lesson may not use", english.message());
        assertEquals("含有私用区字符 U+E001，课程中不能使用它", chinese.message());
    }

    @Test
    void anEmptyFormulaIsNamedInBothLanguages() {
        assertEquals(List.of(new Prose.Problem(1, "empty formula $$$$")), Prose.of("one\ntwo $$ $$ three").problems());
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of(new Prose.Problem(1, "空公式 $$$$")), Prose.of("one\ntwo $$ $$ three").problems());
    }

    @Test
    void aFormulaOutsideTheSubsetIsRefusedInChineseOnTheSameLine() {
        String body = "## Step\n\nfirst line\nthe file $\\input{secret}$ here\n";
        LessonProblem english = LessonParserTest.problem(body);
        LessonProblem chinese = inChinese(body);
        assertEquals(15, english.line());
        assertEquals(15, chinese.line());
        assertEquals("the formula $\\input{secret}$ uses \\input, which is not in the lessons' TeX subset (a formula "
                + "may not read files or URLs) (lessons/README.md lists the TeX a formula may use)", english.message());
        assertEquals("公式 $\\input{secret}$ 使用了 \\input，它不在课程的 TeX 子集中（公式不能读取文件或 URL）"
                + "（lessons/README.md 列出了公式可以使用的 TeX）", chinese.message());
    }

    @Test
    void theSubsetsReasonsAreChineseWithTheSameTexAndNumbers() {
        String deep = "{".repeat(TexSubset.MAX_DEPTH + 1) + "}".repeat(TexSubset.MAX_DEPTH + 1);
        String[][] cases = {
                {"x".repeat(1201), "is 1201 characters long; a formula may have at most 1200",
                        "长 1201 个字符；公式最多只能有 1200 个字符"},
                {"x \\", "ends with a lone backslash", "以单独的反斜杠结尾"},
                {"\\@", "uses \\@, which is not in the lessons' TeX subset", "使用了 \\@，它不在课程的 TeX 子集中"},
                {"\\newcommand", "uses \\newcommand, which is not in the lessons' TeX subset (a lesson may not define "
                        + "macros)", "使用了 \\newcommand，它不在课程的 TeX 子集中（课程不能定义宏）"},
                {"\\color{12}x", "\\color needs a colour name in braces, e.g. \\color{red}",
                        "中的 \\color 需要在花括号中写颜色名，例如 \\color{red}"},
                {"\\right)", "has \\right without a matching \\left", "有 \\right 但没有与之匹配的 \\left"},
                {"\\begin{foo}", "\\begin needs one of the environments " + String.join(", ",
                        TexSubset.ENVIRONMENTS.stream().sorted().toList()) + " in braces",
                        "中的 \\begin 需要在花括号中写以下环境之一：" + String.join(", ",
                                TexSubset.ENVIRONMENTS.stream().sorted().toList())},
                {"\\begin{array}x", "\\begin{array} needs its columns in braces, e.g. {cc}",
                        "中的 \\begin{array} 需要在花括号中写出各列的格式，例如 {cc}"},
                {"\\end{matrix}", "has \\end{matrix} without a matching \\begin", "有 \\end{matrix} 但没有与之匹配的 \\begin"},
                {"a}", "has a closing brace } without an opening one", "有右花括号 } 但没有对应的左花括号"},
                {"50%", "holds the character \"%\" (U+0025), which a formula may not use (write \\% for a percent sign)",
                        "含有字符 “%”（U+0025），公式中不能使用它（百分号请写 \\%）"},
                {"#1", "holds the character \"#\" (U+0023), which a formula may not use (macro parameters are not part "
                        + "of the subset)", "含有字符 “#”（U+0023），公式中不能使用它（宏参数不在子集中）"},
                {"a\u0007", "holds the character U+0007, which a formula may not use", "含有字符 U+0007，公式中不能使用它"},
                {"{a", "has an opening brace { that is never closed", "有左花括号 { 但始终没有闭合"},
                {"\\left(", "has \\left without a matching \\right", "有 \\left 但没有与之匹配的 \\right"},
                {"\\begin{matrix}", "has \\begin{matrix} without a matching \\end", "有 \\begin{matrix} 但没有与之匹配的 \\end"},
                {deep, "nests deeper than 12 levels (braces, \\left...\\right, environments and arguments written "
                        + "without braces each count one)", "嵌套超过 12 层（花括号、\\left...\\right、环境以及不带花括号的参数各算一层）"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], TexSubset.problem(c[0]).orElseThrow(), c[0]);
        }
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        for (String[] c : cases) {
            String reason = TexSubset.problem(c[0]).orElseThrow();
            assertEquals(c[2], reason, c[0]);
            assertFalse(ENGLISH.matcher(reason).find(), reason);
        }
    }

    @Test
    void anUnknownCommandIsRefusedWithASuggestionInEitherLanguage() {
        String english = TexSubset.problem("\\alpah").orElseThrow();
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        String chinese = TexSubset.problem("\\alpah").orElseThrow();
        assertEquals("uses \\alpah, which is not in the lessons' TeX subset (did you mean \"alpha\"?)", english);
        assertEquals("使用了 \\alpah，它不在课程的 TeX 子集中（你是不是想写 \"alpha\"？）", chinese);
    }

    @Test
    void aPredictionShowsItsChoicesAndFeedbackInTheLanguageButKeepsItsIds() {
        Prediction p = new Prediction(List.of("BP1 layer 2", "BP3 layer 2", "BP2 layer 1", "none"), "BP3 layer 2");
        Prediction none = new Prediction(p.choices(), Prediction.NONE);
        assertEquals("With this mistake, which check fails first, going backward from the output?", Prediction.question());
        assertEquals("BP2 layer 1", Prediction.label("BP2 layer 1"));
        assertEquals("none", Prediction.label("none"));
        assertEquals("Right: BP3 layer 2 is the first check to fail.", p.feedback("BP3 layer 2"));
        assertEquals("Not this time: you said BP1 layer 2, but the first check to fail is BP3 layer 2. The next step "
                + "shows the checks.", p.feedback("BP1 layer 2"));
        assertEquals("Right: no check fails.", none.feedback("none"));

        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("有了这个错误，从输出往回看，哪个检验最先失败？", Prediction.question());
        assertEquals("BP2（第 1 层）", Prediction.label("BP2 layer 1"));
        assertEquals("都不失败", Prediction.label("none"));
        assertEquals("答对了：最先失败的检验是 BP3（第 2 层）。", p.feedback("BP3 layer 2"));
        assertEquals("这次没答对：你选的是 BP1（第 2 层），但最先失败的检验是 BP3（第 2 层）。下一步会显示这些检验。",
                p.feedback("BP1 layer 2"));
        assertEquals("这次没答对：你选的是 BP2（第 1 层），但没有检验失败。下一步会显示这些检验。", none.feedback("BP2 layer 1"));
        assertEquals("答对了：没有检验失败。", none.feedback("none"));
        assertEquals(List.of("BP1 layer 2", "BP3 layer 2", "BP2 layer 1", "none"), p.choices(), "the ids stay English");
    }

    @Test
    void aLessonReadInChineseAsksWithTheSameIdsAsInEnglish() throws LessonException {
        // BP1 without σ'(z^L) makes δ^2 wrong: BP1 of the output layer, the first check backward, fails first
        String body = "## Bug\n@mistake bp1-no-sigma-prime\n@predict\n\nWhich check fails first?\n";
        Prediction english = LessonParserTest.parse(body).step(1).prediction();
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        Prediction chinese = LessonParserTest.parse(body).step(1).prediction();
        assertEquals(List.of("BP1 layer 2", "BP3 layer 2", "BP4 layer 2", "BP2 layer 1", "BP3 layer 1", "BP4 layer 1",
                "none"), chinese.choices());
        assertEquals(english, chinese);
        assertEquals("BP1 layer 2", chinese.answer());
        assertEquals("答对了：最先失败的检验是 BP1（第 2 层）。", chinese.feedback(chinese.answer()));
    }
}
