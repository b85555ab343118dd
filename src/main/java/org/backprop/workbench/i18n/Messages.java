package org.backprop.workbench.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.backprop.workbench.util.SettingsStore;

/**
 * The user-visible text of the workbench, in English and Simplified Chinese: {@code messages.properties} and
 * {@code messages_zh_CN.properties} beside this class (UTF-8, as Java 9+ reads property bundles), every message a
 * {@link MessageFormat} pattern, so that numbers are formatted for the language and plurals are chosen by
 * {@code {0,choice,1#one check|1<{0,number,integer} checks}} rather than by concatenation.
 *
 * <p>The language is, in order: the system property {@code backprop.language} ({@code en} or {@code zh}; the tests set
 * {@code en}), the choice remembered by {@link #remember} (View ▸ Language in the app, key {@code language} of the
 * {@link SettingsStore}), the system locale (Chinese
 * for any {@code zh} locale, English otherwise; see {@link #systemLocale}). Field paths, line numbers, file names and formula names (BP1–BP4,
 * δ, ∇ₐC) are arguments, never translated.
 */
public final class Messages {
    /** The bundle's base name. */
    public static final String BUNDLE = "org.backprop.workbench.i18n.messages";
    /** The languages the workbench speaks, in the order the app's menu lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    /** The system property that overrides everything else (a language tag: en, zh). */
    public static final String PROPERTY = "backprop.language";
    /** The settings key of the remembered language. */
    public static final String SETTINGS_KEY = "language";

    /**
     * The environment variables that name the language of messages, in the order POSIX gives them precedence;
     * declared before {@link #locale}, whose initialiser reads them (after it, the jar failed at start-up with a
     * NullPointerException unless -Dbackprop.language or a remembered language was set).
     */
    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private static volatile Locale locale = initialLocale();
    private static volatile ResourceBundle bundle = load(locale);
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private Messages() {
    }

    /** The current language: one of {@link #SUPPORTED}. */
    public static Locale locale() {
        return locale;
    }

    /** The message {@code key} in the current language, with {@code args} formatted by its pattern. */
    public static String get(String key, Object... args) {
        return format(bundle, locale, key, args);
    }

    /**
     * The message {@code key}, or {@code fallback} (English, unformatted) where the bundles do not have it yet: for
     * tables whose English text lives in the code (the window's actions), so a new entry shows before it is
     * translated.
     */
    public static String getOrDefault(String key, String fallback) {
        return bundle.containsKey(key) ? get(key) : fallback;
    }

    /**
     * A text that follows the language: {@code now}, worded in the current language, and after a switch the text
     * {@code again} works out in the new one (once per language, then kept), for a message whose words come from a
     * computation, such as a refused edit or a file the reader refused.
     */
    public static java.util.function.Supplier<String> sayAgain(String now, java.util.function.Supplier<String> again) {
        java.util.Map<Locale, String> said = new java.util.concurrent.ConcurrentHashMap<>();
        said.put(locale, now);
        return () -> said.computeIfAbsent(locale, l -> again.get());
    }

    /** True if {@code language}'s bundle has {@code key}. */
    public static boolean has(Locale language, String key) {
        return load(supported(language)).containsKey(key);
    }

    /** The message {@code key} in {@code language} (for tests and for showing each language's own name). */
    public static String get(Locale language, String key, Object... args) {
        Locale l = supported(language);
        return format(load(l), l, key, args);
    }

    /** The name of {@code language} in that language itself (English, 简体中文), as the Language menu lists it. */
    public static String languageName(Locale language) {
        Locale l = supported(language);
        return get(l, l.getLanguage().equals("zh") ? "language.zh" : "language.en");
    }

    private static String format(ResourceBundle b, Locale l, String key, Object... args) {
        String pattern;
        try {
            pattern = b.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message \"" + key + "\" in " + BUNDLE + " (" + l + ")", e);
        }
        return new MessageFormat(pattern, l).format(args);
    }

    /** Switches the language now (the listeners relabel what they show); see {@link #remember} to keep it. */
    public static void setLocale(Locale language) {
        Locale l = supported(Objects.requireNonNull(language));
        bundle = load(l);
        locale = l;
        LISTENERS.forEach(Runnable::run);
    }

    /**
     * Switches the language and remembers it for the next start (the settings store); a store that cannot be
     * written leaves the switch for this run.
     */
    public static void remember(Locale language) {
        setLocale(language);
        SettingsStore.standard().put(SETTINGS_KEY, locale.toLanguageTag());
    }

    /** Runs {@code listener} after every language switch (the app relabels its menus and views). */
    public static void addListener(Runnable listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Runnable listener) {
        LISTENERS.remove(listener);
    }

    /** The supported language nearest to {@code l}: Chinese for any zh locale, English for everything else. */
    public static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    static Locale initialLocale() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return supported(Locale.forLanguageTag(forced.strip()));
        }
        return remembered(SettingsStore.standard()).orElseGet(() -> systemLocale(System.getenv(), Locale.getDefault()));
    }

    /**
     * The system's language: Chinese if the first of LC_ALL, LC_MESSAGES and LANG that is set names a {@code zh}
     * locale, otherwise the JVM's default ({@code jvm}). The JVM reads the same variables, but takes English when the
     * named locale is not installed (as in many containers and minimal systems), so {@code LANG=zh_CN.UTF-8} would
     * otherwise give English there.
     */
    static Locale systemLocale(java.util.Map<String, String> env, Locale jvm) {
        for (String variable : LOCALE_VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip().startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : supported(jvm);
            }
        }
        return supported(jvm);
    }

    /** The language remembered in {@code store}, if one of {@link #SUPPORTED} is (a damaged value is none). */
    public static java.util.Optional<Locale> remembered(SettingsStore store) {
        return store.get(SETTINGS_KEY).map(String::strip).map(Locale::forLanguageTag)
                .filter(l -> l.getLanguage().equals("en") || l.getLanguage().equals("zh")).map(Messages::supported);
    }

    static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
