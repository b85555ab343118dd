package org.backprop.workbench.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundles: the same keys in English and Chinese, every key used by the code, every pattern valid with the same
 * arguments in both, and plurals and numbers formatted per language.
 */
class MessagesTest {
    private static final Path BUNDLES = Path.of("src/main/resources/org/backprop/workbench/i18n");
    private static final Path MAIN = Path.of("src/main/java");

    static Properties read(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        Set<String> en = read("messages.properties").stringPropertyNames();
        Set<String> zh = read("messages_zh_CN.properties").stringPropertyNames();
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing from messages_zh_CN.properties");
        assertEquals(Set.of(), onlyZh, "keys missing from messages.properties");
    }

    /** A key written twice is one message silently lost (Properties keeps the last), as parallel edits can leave it. */
    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#") && l.contains("=") && !seen.add(l.substring(0, l.indexOf('=')).strip())) {
                    twice.add(l.substring(0, l.indexOf('=')).strip());
                }
            }
            assertEquals(Set.of(), twice, file + ": keys defined twice");
        }
    }

    @Test
    void everyKeyIsUsedByTheCode() throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
            StringBuilder all = new StringBuilder();
            for (Path f : java) {
                all.append(Files.readString(f));
            }
            code = all.toString();
        }
        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(read("messages.properties").stringPropertyNames())) {
            // menu.NAME and action.NAME are read by MenuGroup.label() and StandardAction.label() from the enum name
            // (StandardActionLabelsTest checks that each names a constant)
            if (!code.contains("\"" + key + "\"") && !key.startsWith("menu.") && !key.startsWith("action.")) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused, "keys no Java code names (as a string literal)");
    }

    /**
     * A string literal in the code that looks like a key of the bundles (a name of their namespaces such as
     * {@code network.}, {@code lesson.}, {@code values.} followed by dotted words) must be one: a key misspelt in the
     * code would otherwise fail only when its message is shown. File names such as "network.json" are not keys.
     */
    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Set<String> keys = read("messages.properties").stringPropertyNames();
        Set<String> namespaces = keys.stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))
                .collect(Collectors.toSet());
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"([a-z]+)((?:\\.[A-Za-z0-9_]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) + m.group(2);
                    if (namespaces.contains(m.group(1)) && !keys.contains(key)
                            && !key.matches(".*\\.(json|md|npz|npy|txt|png|properties|py|css)")) {
                        missing.add(MAIN.relativize(f) + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "keys the code names that no bundle has");
    }

    @Test
    void everyPatternParsesAndTakesTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = read("messages.properties");
        Properties zh = read("messages_zh_CN.properties");
        for (String key : en.stringPropertyNames()) {
            MessageFormat e = new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            MessageFormat z = new MessageFormat(zh.getProperty(key), Locale.SIMPLIFIED_CHINESE);
            assertEquals(e.getFormatsByArgumentIndex().length, z.getFormatsByArgumentIndex().length,
                    key + ": the two languages take different arguments");
        }
    }

    @Test
    void pluralsAndNumbersFollowTheLanguage() {
        assertEquals("a.md: valid: \"T\", 1 step", Messages.get(Locale.ENGLISH, "lesson.valid", "a.md", "T", 1));
        assertEquals("a.md: valid: \"T\", 12 steps", Messages.get(Locale.ENGLISH, "lesson.valid", "a.md", "T", 12));
        assertEquals("a.md：有效：“T”，共 12 步", Messages.get(Locale.SIMPLIFIED_CHINESE, "lesson.valid", "a.md", "T", 12));
        assertEquals("1 of 1 lesson invalid", Messages.get(Locale.ENGLISH, "lesson.invalidCount", 1, 1));
        assertEquals("2 of 1,234 lessons invalid", Messages.get(Locale.ENGLISH, "lesson.invalidCount", 2, 1234));
        assertEquals("1,234 个课程中有 2 个无效", Messages.get(Locale.SIMPLIFIED_CHINESE, "lesson.invalidCount", 2, 1234));
    }

    @Test
    void anyChineseLocaleIsSimplifiedChineseAndAnythingElseEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(Locale.forLanguageTag("zh")));
        assertEquals(Locale.ENGLISH, Messages.supported(Locale.GERMANY));
        assertEquals("简体中文", Messages.languageName(Locale.SIMPLIFIED_CHINESE));
        assertEquals("English", Messages.languageName(Locale.ENGLISH));
    }

    @Test
    void theSystemLanguageFollowsLcAllThenLcMessagesThenLang() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLocale(java.util.Map.of("LANG", "zh_CN.UTF-8"),
                Locale.ENGLISH), "LANG=zh_CN where the JVM fell back to English (locale not installed)");
        assertEquals(Locale.ENGLISH, Messages.systemLocale(java.util.Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"),
                Locale.ENGLISH), "LC_ALL wins over LANG");
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLocale(java.util.Map.of("LC_MESSAGES", "zh_TW.UTF-8",
                "LANG", "en_US.UTF-8"), Locale.ENGLISH), "LC_MESSAGES wins over LANG");
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLocale(java.util.Map.of(), Locale.CHINA),
                "no variables: the JVM's locale (Windows, macOS)");
        assertEquals(Locale.ENGLISH, Messages.systemLocale(java.util.Map.of("LANG", ""), Locale.GERMANY));
    }

    @Test
    void switchingTheLanguageTellsTheListenersAndChangesTheMessages() {
        Locale before = Messages.locale();
        int[] calls = {0};
        Runnable listener = () -> calls[0]++;
        Messages.addListener(listener);
        try {
            Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertEquals("错误：x", Messages.get("cli.error", "x"));
            Messages.setLocale(Locale.ENGLISH);
            assertEquals("error: x", Messages.get("cli.error", "x"));
            assertEquals(2, calls[0]);
        } finally {
            Messages.removeListener(listener);
            Messages.setLocale(before);
        }
        assertTrue(Messages.SUPPORTED.contains(Messages.locale()));
    }
}
