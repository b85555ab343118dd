package org.backprop.workbench.engine;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.util.PackageScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The activations and losses are found from their kernel files, not listed: these pin exactly which exist and in
 * which order (the order of the builder's menus and of every "one of ..." message), so that a kernel lost from the
 * scan, or one added without meaning to, fails here rather than vanishing from a menu.
 */
class KernelDiscoveryTest {
    private static final List<String> ACTIVATIONS = List.of("identity", "sigmoid", "tanh", "relu", "leaky-relu",
            "softplus", "softmax", "gelu", "swish");
    private static final List<String> LOSSES = List.of("quadratic", "binary-cross-entropy", "cross-entropy",
            "softmax-cross-entropy", "sigmoid-cross-entropy");

    @Test
    void exactlyTheNineActivationsAreFoundInTheirMenuOrder() {
        assertEquals(ACTIVATIONS, Arrays.stream(Activation.values()).map(Activation::id).toList());
        assertEquals(String.join(", ", ACTIVATIONS), Activation.ids());
    }

    @Test
    void exactlyTheFiveLossesAreFoundInTheirMenuOrder() {
        assertEquals(LOSSES, Arrays.stream(Loss.values()).map(Loss::id).toList());
        assertEquals(String.join(", ", LOSSES), Loss.ids());
    }

    @Test
    void thereIsOneInstancePerKernelSoTheNamedConstantsAreTheFoundOnes() {
        assertSame(Activation.SIGMOID, Activation.fromId("SIGMOID").orElseThrow());
        assertSame(Activation.SWISH, Activation.values()[ACTIVATIONS.indexOf("swish")]);
        assertSame(Loss.SIGMOID_CROSS_ENTROPY, Loss.fromId("sigmoid-cross-entropy").orElseThrow());
        assertSame(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY.requiredOutput());
        assertSame(Activation.IDENTITY, Loss.SOFTMAX_CROSS_ENTROPY.requiredOutput());
        assertEquals(null, Loss.QUADRATIC.requiredOutput());
    }

    @Test
    void anUnknownNameIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.of("elu"));
        assertTrue(e.getMessage().contains("\"elu\"") && e.getMessage().contains(Activation.ids()), e.getMessage());
        assertTrue(Loss.fromId("hinge").isEmpty());
    }

    @Test
    void theScanReadsTheKernelsFromAJarAsTheShippedJarHasThem(@TempDir Path dir) throws Exception {
        // the kernels and the scan, copied from the build into a jar and loaded by a loader of their own
        Path classes = Path.of(ActivationKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("kernels.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes.resolve("org/backprop/workbench"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("org/backprop/workbench/kernel/") || name.startsWith("org/backprop/workbench/util/")) {
                    out.putNextEntry(new JarEntry(name));
                    copy(f, out);
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            Class<?> kernel = loader.loadClass(ActivationKernel.class.getName());
            Method instances = loader.loadClass(PackageScan.class.getName())
                    .getMethod("instances", Class.class, String.class);
            List<?> found = (List<?>) instances.invoke(null, kernel, Activation.KERNEL_PACKAGE);
            Method id = kernel.getMethod("id");
            List<String> ids = found.stream().map(k -> {
                try {
                    return (String) id.invoke(k);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertEquals(ACTIVATIONS.stream().sorted().toList(), ids);
        }
    }

    private static void copy(Path f, OutputStream out) throws IOException {
        out.write(Files.readAllBytes(f));
    }
}
