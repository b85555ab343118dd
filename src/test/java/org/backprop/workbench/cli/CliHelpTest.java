package org.backprop.workbench.cli;

import org.backprop.workbench.i18n.Messages;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's help in Chinese: {@code help_zh_CN.properties} holds exactly one text for each command, option
 * and positional parameter the commands declare (a new option without its Chinese text, or a text for an option that
 * is gone, fails here), and {@code --help} shows it, with the defaults filled in; English stays the annotations.
 */
class CliHelpTest {
    /** Keys picocli reads for every command alike. */
    private static final List<String> SHARED = List.of("usage.synopsisHeading", "usage.commandListHeading",
            "mixinStandardHelpOptions.help", "mixinStandardHelpOptions.version");

    private static Properties chinese() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Cli.class.getResourceAsStream("help_zh_CN.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The keys picocli looks up for a command tree: see {@link Cli#commandLine}. */
    private static void keys(CommandLine cl, Set<String> into) {
        CommandSpec spec = cl.getCommandSpec();
        String q = spec.qualifiedName(".");
        String[] description = spec.usageMessage().description();
        if (description.length == 1) {
            into.add(q + ".usage.description");
        } else {   // one key per paragraph, as the English has them: the command list shows the first
            for (int i = 0; i < description.length; i++) {
                into.add(q + ".usage.description." + i);
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            into.add(q + "." + p.paramLabel() + "[" + p.index() + "]");
        }
        for (OptionSpec o : spec.options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                into.add(q + "." + o.longestName().replaceFirst("^-+", ""));
            }
        }
        cl.getSubcommands().values().forEach(sub -> keys(sub, into));
    }

    @Test
    void theChineseHelpHasOneTextForEveryOptionAndCommandAndNoOther() throws IOException {
        Set<String> expected = new TreeSet<>(SHARED);
        keys(Cli.commandLine(), expected);
        assertEquals(expected, new TreeSet<>(chinese().stringPropertyNames()));
    }

    @Test
    void everyChineseTextIsChineseAndKeepsTheDefaultWhereEnglishShowsOne() throws IOException {
        Properties zh = chinese();
        CommandLine cl = Cli.commandLine();
        Set<String> keys = new TreeSet<>();
        keys(cl, keys);
        for (String key : keys) {
            String text = zh.getProperty(key);
            if (!key.endsWith(".as")) {   // "numpy" is a value, the same in every language
                assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        key + " is Chinese: " + text);
            }
        }
    }

    private static String help(Locale language, String... args) {
        Locale before = Messages.locale();
        Messages.setLocale(language);
        try {
            CheckCommandTest.Run run = CheckCommandTest.run(args);
            assertEquals(0, run.status(), run.err());
            return run.out();
        } finally {
            Messages.setLocale(before);
        }
    }

    @Test
    void checkHelpIsChineseWithItsDefaultsAndOptionNames() {
        String zh = help(Locale.SIMPLIFIED_CHINESE, "check", "--help");
        assertTrue(zh.startsWith("用法： backprop-workbench check"), zh);
        assertTrue(zh.contains("网络文件（JSON）"), zh);
        assertTrue(zh.contains("text、json 或 markdown（默认：text）"), zh);
        assertTrue(zh.contains("--against=VALUES"), zh);
        assertTrue(zh.contains("显示此帮助信息并退出。"), zh);
        assertFalse(zh.contains("a network file"), zh);
    }

    @Test
    void everyCommandsHelpRendersInChinese() {
        for (String command : List.of("check", "sweep", "bench", "lesson", "export", "derive")) {
            String zh = help(Locale.SIMPLIFIED_CHINESE, command, "--help");
            assertTrue(zh.contains("退出状态") || zh.contains("计时"), command + ": " + zh);
        }
        String top = help(Locale.SIMPLIFIED_CHINESE, "--help");
        assertTrue(top.contains("命令："), top);
        assertTrue(top.contains("逐步演示反向传播"), top);
    }

    @Test
    void noCommandsHelpShowsPicocliEnglishInChinese() {
        for (String command : List.of("", "check", "sweep", "bench", "lesson", "export", "derive")) {
            String zh = command.isEmpty() ? help(Locale.SIMPLIFIED_CHINESE, "--help")
                    : help(Locale.SIMPLIFIED_CHINESE, command, "--help");
            assertTrue(zh.startsWith("用法： backprop-workbench"), command + ": " + zh);
            for (String english : List.of("Usage:", "Commands:", "Show this help", "Print version", "Exit status",
                    "default:")) {
                assertFalse(zh.contains(english), command + " shows '" + english + "': " + zh);
            }
        }
    }

    @Test
    void theCommandListShowsTheFirstParagraphOfEachDescriptionOnly() {
        String zh = help(Locale.SIMPLIFIED_CHINESE, "--help");
        assertTrue(zh.contains("lesson  验证课程（--validate）或打印课程的大纲。" + System.lineSeparator() + "  export"), zh);
        assertFalse(zh.contains("退出状态"), zh);
    }

    /** "用法： " is seven terminal columns (two for each Chinese character), as "Usage: " is seven characters. */
    @Test
    void theSynopsisWrapsUnderTheFirstOptionInChineseAsInEnglish() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            String[] lines = help(language, "derive", "--help").split("\\R");
            int first = org.backprop.workbench.util.Columns.width(lines[0].substring(0, lines[0].indexOf('[')));
            int wrapped = lines[1].indexOf('[');
            assertEquals(first, wrapped, language + ": " + lines[0] + " / " + lines[1]);
        }
    }

    @Test
    void englishHelpIsTheAnnotations() {
        String en = help(Locale.ENGLISH, "check", "--help");
        assertTrue(en.startsWith("Usage: backprop-workbench check"), en);
        assertTrue(en.contains("text, json or markdown (default: text)"), en);
    }
}
