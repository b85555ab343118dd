package org.backprop.workbench.util;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsStoreTest {
    @Test
    void theFolderFollowsXdgOrThePlatform() {
        assertEquals(Path.of("/h/.config/backprop-workbench"), SettingsStore.folder(null, "Linux", "/h", Map.of()));
        assertEquals(Path.of("/x/backprop-workbench"),
                SettingsStore.folder(null, "Linux", "/h", Map.of("XDG_CONFIG_HOME", "/x")));
        assertEquals(Path.of("/h/.config/backprop-workbench"),
                SettingsStore.folder(null, "Linux", "/h", Map.of("XDG_CONFIG_HOME", "relative")));
        assertEquals(Path.of("/h/Library/Application Support/backprop-workbench"),
                SettingsStore.folder(null, "Mac OS X", "/h", Map.of()));
        assertEquals(Path.of("/t"), SettingsStore.folder("/t", "Linux", "/h", Map.of()));
    }

    @Test
    void aNumberOutsideItsRangeOrNotANumberIsTheFallback() {
        Map<String, String> v = Map.of("a", "1.5", "b", "x", "c", "9", "d", "Infinity");
        assertEquals(1.5, SettingsStore.parse(v, "a", 1, 0, 3), 0.0);
        assertEquals(1.0, SettingsStore.parse(v, "b", 1, 0, 3), 0.0);
        assertEquals(1.0, SettingsStore.parse(v, "c", 1, 0, 3), 0.0);
        assertEquals(1.0, SettingsStore.parse(v, "d", 1, 0, 3), 0.0);
        assertEquals(1.0, SettingsStore.parse(v, "missing", 1, 0, 3), 0.0);
    }
}
