package org.backprop.workbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's view of the system: JavaFX classifiers and the GTK 3 look-up. */
class PlatformsTest {
    @Test
    void classifiersAreThoseOfMavenCentral() {
        assertEquals("linux", Platforms.classifier("Linux", "amd64"));
        assertEquals("linux-aarch64", Platforms.classifier("Linux", "aarch64"));
        assertEquals("win", Platforms.classifier("Windows 11", "amd64"));
        assertEquals("mac", Platforms.classifier("Mac OS X", "x86_64"));
        assertEquals("mac-aarch64", Platforms.classifier("Mac OS X", "aarch64"));
    }

    @Test
    void gtk3IsFoundInAFolderOrTheLinkerCache(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path withGtk = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(withGtk.resolve("libgtk-3.so.0"), "");
        Path cacheWithout = Files.write(tmp.resolve("cache1"), "libc.so.6\0libm.so.6\0".getBytes());
        Path cacheWith = Files.write(tmp.resolve("cache2"), "libc.so.6\0libgtk-3.so.0\0".getBytes());

        assertFalse(Platforms.hasGtk3(List.of(empty), cacheWithout));
        assertFalse(Platforms.hasGtk3(List.of(empty), tmp.resolve("no-such-cache")));
        assertTrue(Platforms.hasGtk3(List.of(empty, withGtk), cacheWithout));
        assertTrue(Platforms.hasGtk3(List.of(empty), cacheWith));
    }

    @Test
    void theMissingGtkMessageIsOneLineNamingThePackage() {
        for (java.util.Locale l : org.backprop.workbench.i18n.Messages.SUPPORTED) {
            String message = org.backprop.workbench.i18n.Messages.get(l, "launcher.noGtk");
            assertFalse(message.contains("\n"));
            assertTrue(message.contains("libgtk-3-0") && message.contains("GTK 3"));
        }
    }
}
