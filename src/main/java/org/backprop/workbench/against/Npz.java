package org.backprop.workbench.against;

import org.backprop.workbench.i18n.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * NumPy's {@code .npz}: a zip archive (stored by {@code np.savez}, deflated by {@code np.savez_compressed}) of one
 * {@code NAME.npy} per array. Nothing is extracted to disk; entries are read into memory within limits, so that a
 * hostile archive (a zip bomb, thousands of entries, a name such as {@code ../../x.npy}) is refused with a message.
 */
public final class Npz {
    /** More arrays than a values file of {@link ValuesFile#MAX_LAYERS} layers can hold (6 per layer, plus 3). */
    public static final int MAX_ENTRIES = 6 * ValuesFile.MAX_LAYERS + 3;

    /** The largest array read: 16 million float64 numbers, more than any network the workbench runs. */
    public static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;

    /** The most bytes read from one archive in all, whatever the entries declare (a zip bomb declares little). */
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private Npz() {
    }

    /**
     * The arrays of an archive, by name without ".npy", in archive order.
     *
     * @throws ValuesFileException naming the file and the entry
     */
    public static Map<String, NpyArray> read(Path path) throws ValuesFileException {
        String file = path.toString();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new ValuesFileException(file, "", Messages.get("npz.tooManyEntries", String.valueOf(zip.size()),
                        String.valueOf(MAX_ENTRIES)));
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String array = arrayName(file, name);
                if (arrays.containsKey(array)) {
                    throw new ValuesFileException(file, name, Messages.get("npz.twice"));
                }
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new ValuesFileException(file, array, Messages.get("npz.entryTooLarge",
                            String.valueOf(entry.getSize()), String.valueOf(MAX_ENTRY_BYTES)));
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = readBounded(in, Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total), file, array);
                }
                total += bytes.length;
                try {
                    arrays.put(array, Npy.read(bytes));
                } catch (Npy.FormatException e) {
                    throw new ValuesFileException(file, array, e.getMessage());
                }
            }
        } catch (ZipException e) {
            throw new ValuesFileException(file, "", Messages.get("npz.notZip", e.getMessage()));
        } catch (IOException e) {
            throw new ValuesFileException(file, "", Messages.get("file.cannotReadBecause", e.getMessage()));
        }
        return arrays;
    }

    /** "gradW2.npy" → "gradW2"; anything with a folder, "..", or another extension is refused. */
    private static String arrayName(String file, String name) throws ValuesFileException {
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")
                || !name.endsWith(".npy") || name.length() == ".npy".length()) {
            throw new ValuesFileException(file, Messages.get("npz.entry", printable(name)), Messages.get("npz.notAnArray"));
        }
        String array = name.substring(0, name.length() - ".npy".length());
        if (!array.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new ValuesFileException(file, Messages.get("npz.entry", printable(name)), Messages.get("npz.unknownName"));
        }
        return array;
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static byte[] readBounded(InputStream in, long limit, String file, String array)
            throws IOException, ValuesFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw new ValuesFileException(file, array, Messages.get("npz.bomb", String.valueOf(limit),
                        String.valueOf(MAX_TOTAL_BYTES)));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
