package org.backprop.workbench.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --version} prints the version spelt in pom.xml (read here from the pom itself, not from the resource). */
class VersionTest {
    @Test
    void versionIsThePomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>backprop-workbench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "pom.xml names the project version after its artifactId");
        CheckCommandTest.Run r = CheckCommandTest.run("--version");
        assertEquals(0, r.status());
        assertEquals("Backprop Workbench " + m.group(1), r.out().strip());
    }

    @Test
    void licenseIsApache2() throws Exception {
        String license = Files.readString(Path.of("LICENSE"));
        assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004")
                && license.contains("END OF TERMS AND CONDITIONS"), "LICENSE holds the full Apache 2.0 text");
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<name>Apache License, Version 2.0</name>"));
    }
}
