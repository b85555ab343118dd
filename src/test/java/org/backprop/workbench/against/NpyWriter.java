package org.backprop.workbench.against;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes .npy bytes and .npz archives by hand, as numpy.lib.format documents them, for the reader's tests. */
final class NpyWriter {
    private NpyWriter() {
    }

    /** A version-1.0 float64 C-order array. */
    static byte[] f8(int[] shape, double... values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        return npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': " + Npy.tuple(shape) + ", }",
                data.array());
    }

    /** Any header and data, padded as numpy pads (to a multiple of 64 with spaces and a newline). */
    static byte[] npy(int major, String header, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + header.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String full = header + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        ByteBuffer len = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) full.length());
        } else {
            len.putInt(full.length());
        }
        out.writeBytes(len.array());
        out.writeBytes(full.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** An archive of the given entries (names as they are, so that a test can try "../x.npy"). */
    static Path npz(Path file, Map<String, byte[]> entries, boolean compressed) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setLevel(compressed ? 9 : 0);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
