package org.backprop.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version, as Maven wrote it into {@code version.properties} when it filtered the resources: the
 * version in {@code pom.xml} is the only place it is spelt, so {@code --version} can never drift from it.
 */
public final class Version {
    private static final String RESOURCE = "version.properties";
    private static final String UNKNOWN = "unknown";

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" if the resource was not filtered (run outside Maven). */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN);
            return v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
