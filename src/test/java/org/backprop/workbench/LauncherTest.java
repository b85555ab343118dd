package org.backprop.workbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's entry point as a user without a display meets it: {@code java -jar backprop-workbench.jar app FILE} (and
 * with no arguments) over ssh or in CI prints one line saying that the window needs a display and that
 * {@code check} works without one, and exits non-zero, with no stack trace.
 */
class LauncherTest {
    @TempDir
    Path home;

    /** Runs the launcher in a fresh JVM with no display in its environment; returns {exit code, output}. */
    private Object[] runWithoutDisplay(String... args) throws IOException, InterruptedException {
        return runWithoutDisplay(List.of("-Dbackprop.language=en"), args);
    }

    private Object[] runWithoutDisplay(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.home=" + home, "-Dbackprop.workbench.home=" + home, Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ends by itself");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Object[]{p.exitValue(), out};
    }

    private static void assertOneLineAboutTheDisplay(Object[] result) {
        String out = ((String) result[1]).strip();
        assertNotEquals(0, result[0], "exit code");
        assertEquals(1, out.lines().count(), "one line: " + out);
        assertTrue(out.contains("needs a display"), out);
        assertTrue(out.contains("check"), "names the command that works headless: " + out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), "no stack trace: " + out);
    }

    @Test
    void appWithAFileAndNoDisplaySaysSoInOneLine() throws Exception {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("win")) {
            return;   // Windows always has a display
        }
        assertOneLineAboutTheDisplay(runWithoutDisplay("app", "examples/sigmoid-2-2-2.json"));
    }

    @Test
    void aStartWithNoArgumentsAndNoDisplaySaysSoInOneLine() throws Exception {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("win")) {
            return;
        }
        assertOneLineAboutTheDisplay(runWithoutDisplay());
    }

    /**
     * In Chinese the line stays readable where the JVM's default charset is ASCII (a zh_CN.UTF-8 that the C library
     * of the system does not have: the app image tried so printed "窗口需要显示器" as "???????"): UTF-8, as the
     * command line writes.
     */
    @Test
    void theLineIsUtf8WhateverTheDefaultCharset() throws Exception {
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("win")) {
            return;
        }
        Object[] result = runWithoutDisplay(List.of("-Dbackprop.language=zh", "-Dfile.encoding=US-ASCII"));
        assertNotEquals(0, result[0], "exit code");
        assertEquals("backprop-workbench: " + org.backprop.workbench.i18n.Messages.get(java.util.Locale.SIMPLIFIED_CHINESE,
                "launcher.noDisplay"), ((String) result[1]).strip());
    }

    @Test
    void theCheckCommandStillWorksWithoutADisplay() throws Exception {
        Object[] result = runWithoutDisplay("check", "examples/sigmoid-2-2-2.json");
        assertEquals(0, result[0], (String) result[1]);
    }

    @Test
    void aDisplayOnLinuxOrAnyWindowsOrMacIsEnough() {
        assertNull(Platforms.displayProblem("Linux", Map.of("DISPLAY", ":0"), null));
        assertNull(Platforms.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertNull(Platforms.displayProblem("Windows 11", Map.of(), null));
        assertNull(Platforms.displayProblem("Mac OS X", Map.of(), null));
        assertNull(Platforms.displayProblem("Linux", Map.of(), "Monocle"));
        assertTrue(Platforms.displayProblem("Linux", Map.of("DISPLAY", " "), null).contains("display"));
        assertTrue(Platforms.isNoDisplay(new RuntimeException(new UnsupportedOperationException(
                "Unable to open DISPLAY"))));
        assertFalse(Platforms.isNoDisplay(new RuntimeException("other")));
    }
}
