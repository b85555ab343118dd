package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.backprop.workbench.lesson.QuizTest.A;
import static org.backprop.workbench.lesson.QuizTest.DELTA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quiz's question, grades, hints and reveal in 简体中文, the numbers and symbols as in English. */
class QuizInChineseTest {
    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void gradesHintsAndTheRevealAreChinese() throws LessonException {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        NetworkDocument one = QuizTest.doc("[[2.0]]", "[[1.0]]");
        Quiz quiz = QuizTest.quiz("delta1[0]", one);
        assertEquals("δ^1[0, 0] 是多少？", quiz.question());
        assertTrue(quiz.grade("-0.0887").message().startsWith("正确：δ^1[0, 0] = -0.0887235（中心差分："),
                quiz.grade("-0.0887").message());
        assertTrue(quiz.grade(-0.05).message().contains("你的答案相差 0.0387235（43.6 %）"), quiz.grade(-0.05).message());
        assertEquals("“abc” 不是数：请输入小数，例如 -0.0123 或 1.5e-3。", quiz.grade("abc").message());
        assertTrue(quiz.grade(A - 1).hint().orElseThrow().startsWith("这正是反向传播犯了一个典型错误时得到的值："));
        Quiz batch = QuizTest.quiz("delta1[0,2]", QuizTest.doc("[[2.0], [2.0], [2.0], [2.0]]",
                "[[1.0], [1.0], [1.0], [1.0]]"));
        assertEquals("你的答案差了一个因子 m = 4：是不是忘了批量平均的 1/m？", batch.grade(DELTA).hint().orElseThrow());

        QuizAttempt attempt = new QuizAttempt(quiz);
        assertEquals("不太对（第 1 次，共 " + QuizAttempt.TRIES + " 次）。符号错了，大小也不对：先确定每个因子的符号。",
                attempt.answer("0.5").feedback());
        assertTrue(attempt.giveUp().feedback().startsWith("答案：δ^1[0, 0] = -0.0887235"));
    }

    @Test
    void anOutcomeIsSaidAgainInTheLanguageSwitchedTo() throws LessonException {
        Quiz quiz = QuizTest.quiz("delta1[0]", QuizTest.doc("[[2.0]]", "[[1.0]]"));
        QuizAttempt attempt = new QuizAttempt(quiz);
        QuizAttempt.Outcome wrong = attempt.answer("0.5");
        assertTrue(wrong.feedback().startsWith("Not quite (try 1 of " + QuizAttempt.TRIES + "). "), wrong.feedback());
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("不太对（第 1 次，共 " + QuizAttempt.TRIES + " 次）。符号错了，大小也不对：先确定每个因子的符号。",
                wrong.feedback(), "the first try, though a second has been made since");
        QuizAttempt.Outcome right = attempt.answer("-0.0887");
        assertTrue(right.feedback().startsWith("正确：δ^1[0, 0] = -0.0887235"), right.feedback());
        Messages.setLocale(Locale.ENGLISH);
        assertTrue(right.feedback().startsWith("Right: δ^1[0, 0] = -0.0887235"), right.feedback());
        assertEquals(2, attempt.tries(), "two answers, however often their feedback is said");
    }
}
