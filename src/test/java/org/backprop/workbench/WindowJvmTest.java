package org.backprop.workbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Which starts {@link WindowJvm} moves to a second JVM, and with which command: only {@code java -jar}, only without
 * the user's own compiler, archive, agent or debugger flags, with C1 and the archive when there is one, else a class
 * list recorded for it. (The relaunch itself, end to end, is in LauncherScriptTest.)
 */
class WindowJvmTest {
    private static final Path JAVA = ProcessHandle.current().info().command().map(Path::of).orElseThrow();

    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("my folder/backprop-workbench.jar");
        Files.createDirectories(jar.getParent());
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return jar;
    }

    @Test
    void aJarStartWithAnArchiveGetsC1AndTheArchiveAndKeepsItsOwnArgumentsAndTheFile() throws Exception {
        Path archive = dir.resolve("app.jsa");
        List<String> c = WindowJvm.command(JAVA, jar(), List.of("-Dbw.firstPaint=exit", "-Xmx2g"), Map.of(),
                archive, true, "1000,120", List.of("big.json"));
        assertEquals(List.of(JAVA.toString(), "-Dbw.firstPaint=exit", "-Xmx2g",
                "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                "-Dbackprop.workbench.relaunched=1000,120", "-cp", jar().toString(),
                "org.backprop.workbench.Launcher", "app", "big.json"), c);
    }

    @Test
    void withoutTheArchiveYetTheWindowRecordsItsClassesForIt() throws Exception {
        Path archive = dir.resolve("app.jsa");
        List<String> c = WindowJvm.command(JAVA, jar(), List.of(), Map.of(), archive, false, "1,2", List.of());
        assertEquals("-XX:DumpLoadedClassList=" + WindowJvm.classList(archive), c.get(2));
        assertEquals(List.of("org.backprop.workbench.Launcher", "app"), c.subList(c.size() - 2, c.size()));
        List<String> none = WindowJvm.command(JAVA, jar(), List.of(), Map.of(), null, false, "1,2", List.of());
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Dbackprop.workbench.relaunched=1,2", "-cp"),
                none.subList(1, 4));
    }

    @Test
    void otherStartsAndTheUsersOwnFlagsKeepTheWindowInThisJvm() throws Exception {
        assertNull(WindowJvm.command(JAVA, null, List.of(), Map.of(), null, false, "1,2", List.of()));
        for (String flag : List.of("-XX:TieredStopAtLevel=4", "-XX:SharedArchiveFile=x.jsa", "-Xshare:off",
                "-XX:-TieredCompilation", "-agentlib:jdwp=transport=dt_socket", "-javaagent:a.jar",
                "-Dbackprop.workbench.relaunch=off", "-Dbackprop.workbench.relaunched=1,2")) {
            assertNull(WindowJvm.command(JAVA, jar(), List.of(flag), Map.of(), null, false, "1,2", List.of()),
                    flag);
        }
        assertNull(WindowJvm.command(JAVA, jar(), List.of(), Map.of("BACKPROP_WORKBENCH_JIT", "full"), null,
                false, "1,2", List.of()));
        assertNull(WindowJvm.command(dir.resolve("java"), jar(), List.of(), Map.of(), null, false, "1,2", List.of()),
                "no java there");
    }

    @Test
    void theJarOfAJarStartIsFoundEvenWithSpacesInItsPath() throws Exception {
        Path jar = jar();
        assertEquals(jar.toAbsolutePath(), WindowJvm.jarOf(jar + " app big.json"));
        assertEquals(jar.toAbsolutePath(), WindowJvm.jarOf(jar.toString()));
        assertNull(WindowJvm.jarOf("org.backprop.workbench.Launcher app"));
        assertNull(WindowJvm.jarOf(dir.resolve("none.jar") + " app"));
        assertNull(WindowJvm.jarOf(null));
    }

    @Test
    void aChangedJarGetsAnArchiveOfItsOwn() throws Exception {
        Path jar = jar();
        Path before = WindowJvm.archiveOf(jar, dir);
        assertEquals(before, WindowJvm.archiveOf(jar, dir));
        Files.writeString(jar, "another build, longer than the first");
        assertNotEquals(before, WindowJvm.archiveOf(jar, dir));
        assertEquals(dir, before.getParent());
    }
}
