package org.backprop.workbench.util;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * One instance of every public class of one package that implements a type: how the kernels are found, so that a new
 * activation or loss is its file and nothing else (no list to add it to, no {@code META-INF/services} line). The
 * package is read where the interface was loaded from, a directory (the build, the tests) or a jar (the shipped
 * jar, the installers' class path); where it cannot be read, or holds no class, it fails loudly rather than
 * finding nothing.
 */
public final class PackageScan {
    private PackageScan() {
    }

    /**
     * A new instance of each public, concrete class directly in {@code packageName} that implements {@code type}
     * and has a public constructor without arguments, in the order of their class names. The package is read where
     * {@code type} itself was loaded from (the same build), so nothing elsewhere on the class path joins in.
     *
     * @param type        the interface (not null)
     * @param packageName e.g. {@code org.backprop.workbench.kernel.activation}
     * @throws IllegalStateException if the package cannot be listed, or a class cannot be made
     */
    public static <T> List<T> instances(Class<T> type, String packageName) {
        ClassLoader loader = type.getClassLoader();
        List<T> found = new ArrayList<>();
        for (String simple : classNames(type, packageName.replace('.', '/'))) {
            Class<?> c;
            try {
                c = Class.forName(packageName + "." + simple, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + packageName + "." + simple, e);
            }
            int modifiers = c.getModifiers();
            if (!type.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(modifiers)
                    || !Modifier.isPublic(modifiers)) {
                continue;
            }
            try {
                Constructor<?> make = c.getConstructor();
                found.add(type.cast(make.newInstance()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(c.getName() + " implements " + type.getSimpleName()
                        + " but has no public constructor without arguments", e);
            }
        }
        return found;
    }

    /**
     * The simple names of the top-level classes (nested ones have a '$') in the package directory {@code path}, in
     * the directory or jar that {@code type} comes from; a jar need not have entries for its directories.
     */
    private static TreeSet<String> classNames(Class<?> type, String path) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from, so cannot"
                    + " list " + path);
        }
        TreeSet<String> names = new TreeSet<>();
        try {
            File root = new File(source.getLocation().toURI());
            if (root.isDirectory()) {
                File[] files = new File(root, path).listFiles();
                for (File f : files == null ? new File[0] : files) {
                    topLevelClass(f.getName()).ifPresent(names::add);
                }
            } else {
                String prefix = path + "/";
                try (JarFile jar = new JarFile(root)) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String name = e.nextElement().getName();
                        if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            topLevelClass(name.substring(prefix.length())).ifPresent(names::add);
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot list " + path + " in " + source.getLocation(), e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no classes in " + path + " at " + source.getLocation());
        }
        return names;
    }

    private static Optional<String> topLevelClass(String fileName) {
        if (!fileName.endsWith(".class") || fileName.indexOf('$') >= 0 || fileName.indexOf('-') >= 0) {
            return Optional.empty();   // '-': package-info, module-info
        }
        return Optional.of(fileName.substring(0, fileName.length() - ".class".length()));
    }
}
