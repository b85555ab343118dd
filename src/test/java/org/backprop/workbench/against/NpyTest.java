package org.backprop.workbench.against;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .npy reader against arrays written by hand from numpy.lib.format's description. */
class NpyTest {
    @Test
    void aFloat64MatrixReadsBackRowMajor() throws Exception {
        NpyArray a = Npy.read(NpyWriter.f8(new int[]{2, 3}, 1, 2, 3, 4, 5, 6));
        assertArrayEquals(new int[]{2, 3}, a.shape());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, a.values());
    }

    @Test
    void fortranOrderIsTurnedIntoRowMajor() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : new double[]{1, 4, 2, 5, 3, 6}) {   // column by column
            data.putDouble(v);
        }
        NpyArray a = Npy.read(NpyWriter.npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                data.array()));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, a.values());
    }

    @Test
    void versionsTwoAndThreeFloat32AndBigEndianAreRead() throws Exception {
        ByteBuffer f4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2f);
        assertArrayEquals(new double[]{0.5, -2}, Npy.read(NpyWriter.npy(2,
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", f4.array())).values());
        ByteBuffer be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(3.25);
        assertArrayEquals(new double[]{3.25}, Npy.read(NpyWriter.npy(3,
                "{'descr': '>f8', 'fortran_order': False, 'shape': (), }", be.array())).values());
        ByteBuffer i8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-7).putLong(9);
        assertArrayEquals(new double[]{-7, 9}, Npy.read(NpyWriter.npy(1,
                "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 1), }", i8.array())).values());
    }

    @Test
    void aUnicodeScalarIsReadAsText() throws Exception {
        ByteBuffer u = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (char c : "w_jk".toCharArray()) {
            u.putInt(c);
        }
        NpyArray a = Npy.read(NpyWriter.npy(1, "{'descr': '<U4', 'fortran_order': False, 'shape': (), }",
                u.array()));
        assertTrue(a.isText());
        assertEquals("w_jk", a.strings()[0]);
    }

    private static String problem(byte[] bytes) {
        return assertThrows(Npy.FormatException.class, () -> Npy.read(bytes)).getMessage();
    }

    @Test
    void malformedArraysAreRefusedWithWhatWasExpected() {
        assertTrue(problem("PK not npy".getBytes()).contains("does not begin with \\x93NUMPY"));
        byte[] v9 = NpyWriter.f8(new int[]{1}, 1);
        v9[6] = 9;
        assertTrue(problem(v9).contains("version 9.0 is not known"));
        assertTrue(problem(NpyWriter.npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }",
                new byte[8])).contains("dtype '|O' is not read"));
        assertTrue(problem(NpyWriter.npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }",
                new byte[8])).contains("has 3 dimensions"));
        assertTrue(problem(NpyWriter.npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }",
                new byte[24])).contains("needs 32 bytes of data; found 24"));
        assertTrue(problem(NpyWriter.npy(1, "{'descr': '<f8', 'shape': (1,), }", new byte[8]))
                .contains("exactly the keys"));
        assertTrue(problem(NpyWriter.npy(1, "__import__('os')", new byte[8])).contains("is not a dict"));
        byte[] cut = NpyWriter.f8(new int[]{1}, 1);
        assertTrue(problem(java.util.Arrays.copyOf(cut, 20)).contains("cut short"));
    }
}
