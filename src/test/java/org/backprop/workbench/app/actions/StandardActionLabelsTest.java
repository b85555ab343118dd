package org.backprop.workbench.app.actions;

import org.backprop.workbench.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labels of the action table come from the bundles: the English bundle holds exactly the table's English
 * labels, every menu.X / action.X key names a constant, and every Chinese label keeps a mnemonic where the English
 * one has one.
 */
class StandardActionLabelsTest {
    private static Properties english() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/org/backprop/workbench/i18n/messages.properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theEnglishBundleHoldsTheTableLabels() throws Exception {
        // an action added after the bundles were written shows its English table label until it is translated
        Properties en = english();
        for (StandardAction a : StandardAction.values()) {
            if (en.containsKey("action." + a.name())) {
                assertEquals(a.englishLabel(), Messages.get(Locale.ENGLISH, "action." + a.name()), a.name());
            }
        }
        for (MenuGroup g : MenuGroup.values()) {
            assertEquals(g.englishLabel(), Messages.get(Locale.ENGLISH, "menu." + g.name()), g.name());
        }
    }

    @Test
    void everyMenuAndActionKeyNamesAConstant() throws Exception {
        Set<String> constants = new TreeSet<>();
        Arrays.stream(StandardAction.values()).forEach(a -> constants.add("action." + a.name()));
        Arrays.stream(MenuGroup.values()).forEach(g -> constants.add("menu." + g.name()));
        Set<String> keys = english().stringPropertyNames().stream()
                .filter(k -> k.startsWith("action.") || k.startsWith("menu.")).collect(Collectors.toCollection(TreeSet::new));
        keys.removeAll(constants);
        assertEquals(Set.of(), keys, "bundle keys naming no constant");
    }

    @Test
    void chineseLabelsKeepTheirMnemonicsAndLoseThemInPlainText() {
        for (StandardAction a : StandardAction.values()) {
            if (!Messages.has(Locale.SIMPLIFIED_CHINESE, "action." + a.name())) {
                continue;
            }
            String zh = Messages.get(Locale.SIMPLIFIED_CHINESE, "action." + a.name());
            assertEquals(a.englishLabel().contains("_"), zh.contains("_"), a.name() + ": " + zh);
            assertFalse(StandardAction.plain(zh).contains("_"), zh);
        }
        assertEquals("打开…", StandardAction.plain("打开…(_O)"));
        assertEquals("Open…", StandardAction.plain("_Open…"));
        assertTrue(Messages.get(Locale.SIMPLIFIED_CHINESE, "menu.VIEW").startsWith("视图"));
    }
}
