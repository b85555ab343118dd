package org.backprop.workbench.against;

import org.backprop.workbench.i18n.Messages;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of NumPy's {@code .npy} format (numpy.lib.format, versions 1.0, 2.0 and 3.0): the magic
 * {@code \x93NUMPY}, a version, a little-endian header length (2 bytes in 1.0, 4 in 2.0/3.0), and a header that is a
 * Python dict literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }}, then the raw data. Only
 * what a values file needs is accepted: 0, 1 or 2 dimensions; float64, float32 and integer dtypes in either byte
 * order; C or Fortran order; and text ({@code '<U..'}) for the {@code notation} entry. Object arrays (pickles) are
 * refused: they would run code when NumPy reads them and mean nothing here.
 */
public final class Npy {
    /** numpy.lib.format refuses headers longer than this by default (its _MAX_HEADER_SIZE), and so do we. */
    public static final int MAX_HEADER_BYTES = 10_000;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Thrown with a message that says what was wrong and what was expected (the caller adds the file and entry). */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    /** Reads one {@code .npy} file held in {@code bytes}. */
    public static NpyArray read(byte[] bytes) throws FormatException {
        if (bytes.length < MAGIC.length + 2) {
            throw new FormatException(Messages.get("npy.tooShort", String.valueOf(bytes.length)));
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new FormatException(Messages.get("npy.noMagic"));
            }
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new FormatException(Messages.get("npy.version", major + "." + minor));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int lengthBytes = major == 1 ? 2 : 4;
        if (bytes.length < 8 + lengthBytes) {
            throw new FormatException(Messages.get("npy.headerShort"));
        }
        long headerLength = major == 1 ? buf.getShort(8) & 0xFFFF : buf.getInt(8) & 0xFFFFFFFFL;
        int start = 8 + lengthBytes;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new FormatException(Messages.get("npy.headerTooLong", String.valueOf(headerLength),
                    String.valueOf(MAX_HEADER_BYTES)));
        }
        if (start + headerLength > bytes.length) {
            throw new FormatException(Messages.get("npy.headerCut", String.valueOf(headerLength),
                    String.valueOf(bytes.length - start)));
        }
        String header = new String(bytes, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        Map<String, Object> dict = new HeaderParser(header).dict();
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new FormatException(Messages.get("npy.keys", String.valueOf(dict.keySet())));
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new FormatException(Messages.get("npy.descr", String.valueOf(dict.get("descr"))));
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new FormatException(Messages.get("npy.fortranOrder"));
        }
        if (!(dict.get("shape") instanceof int[] shape)) {
            throw new FormatException(Messages.get("npy.shape"));
        }
        if (shape.length > 2) {
            throw new FormatException(Messages.get("npy.dimensions", String.valueOf(shape.length), tuple(shape)));
        }
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int dataStart = start + (int) headerLength;
        long available = bytes.length - dataStart;
        Dtype dtype = Dtype.parse(descr);
        if (available != count * dtype.size) {
            throw new FormatException(Messages.get("npy.dataLength", tuple(shape), descr,
                    String.valueOf(count * dtype.size), String.valueOf(available)));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) available).slice().order(dtype.order);
        int rows = shape.length == 2 ? shape[0] : 1;
        int cols = shape.length == 2 ? shape[1] : (int) count;
        if (dtype.kind == 'U') {
            String[] strings = new String[(int) count];
            int chars = dtype.size / 4;
            for (int i = 0; i < count; i++) {
                StringBuilder s = new StringBuilder();
                for (int c = 0; c < chars; c++) {
                    int cp = data.getInt((i * chars + c) * 4);
                    if (cp == 0) {
                        break;
                    }
                    s.appendCodePoint(cp);
                }
                strings[rowMajor(i, rows, cols, fortran && shape.length == 2)] = s.toString();
            }
            return new NpyArray(shape, null, strings);
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < count; i++) {
            values[rowMajor(i, rows, cols, fortran && shape.length == 2)] = dtype.get(data, i);
        }
        return new NpyArray(shape, values, null);
    }

    /** Where the i-th stored number goes in row-major order. */
    private static int rowMajor(int i, int rows, int cols, boolean fortran) {
        return fortran ? (i % rows) * cols + i / rows : i;
    }

    static String tuple(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private record Dtype(char kind, int size, ByteOrder order) {
        static Dtype parse(String descr) throws FormatException {
            String hint = Messages.get("npy.dtype", descr);
            if (descr.length() < 3) {
                throw new FormatException(hint);
            }
            char endian = descr.charAt(0);
            char kind = descr.charAt(1);
            int size;
            try {
                size = Integer.parseInt(descr.substring(2));
            } catch (NumberFormatException e) {
                throw new FormatException(hint);
            }
            ByteOrder order = switch (endian) {
                case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                default -> throw new FormatException(hint);
            };
            boolean ok = switch (kind) {
                case 'f' -> size == 4 || size == 8;
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'U' -> size >= 1 && size <= 64 && endian != '|';
                default -> false;
            };
            if (!ok || (size == 1 && endian != '|') || (size > 1 && endian == '|')) {
                throw new FormatException(hint);
            }
            return new Dtype(kind, kind == 'U' ? size * 4 : size, order);
        }

        double get(ByteBuffer data, int i) {
            int at = i * size;
            return switch (kind) {
                case 'f' -> size == 8 ? data.getDouble(at) : data.getFloat(at);
                case 'i' -> switch (size) {
                    case 1 -> data.get(at);
                    case 2 -> data.getShort(at);
                    case 4 -> data.getInt(at);
                    default -> data.getLong(at);
                };
                default -> switch (size) {
                    case 1 -> data.get(at) & 0xFF;
                    case 2 -> data.getShort(at) & 0xFFFF;
                    case 4 -> data.getInt(at) & 0xFFFFFFFFL;
                    default -> unsigned(data.getLong(at));
                };
            };
        }

        private static double unsigned(long v) {
            return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
        }
    }

    /** The header's Python dict literal: string keys; string, True/False or tuple-of-int values. Nothing else. */
    private static final class HeaderParser {
        private final String s;
        private int at;

        HeaderParser(String s) {
            this.s = s;
        }

        Map<String, Object> dict() throws FormatException {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    at++;
                    break;
                }
                String key = string();
                expect(':');
                skipSpace();
                Object value = value();
                if (map.put(key, value) != null) {
                    throw bad("the key '" + key + "' appears twice");
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw bad("expected ',' or '}'");
                }
            }
            skipSpace();
            if (at != s.length()) {
                throw bad("text after the header's closing '}'");
            }
            return map;
        }

        private Object value() throws FormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                at++;
                List<Integer> dims = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (peek() == ')') {
                        at++;
                        break;
                    }
                    int begin = at;
                    while (at < s.length() && Character.isDigit(s.charAt(at))) {
                        at++;
                    }
                    if (begin == at || at - begin > 9) {
                        throw bad("a shape holds whole numbers below 10^9");
                    }
                    dims.add(Integer.parseInt(s.substring(begin, at)));
                    skipSpace();
                    if (peek() == ',') {
                        at++;
                    } else if (peek() != ')') {
                        throw bad("expected ',' or ')' in the shape");
                    }
                }
                return dims.stream().mapToInt(Integer::intValue).toArray();
            }
            throw bad("expected a string, True, False or a tuple");
        }

        private String string() throws FormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw bad("expected a quoted key");
            }
            int end = s.indexOf(quote, at + 1);
            if (end < 0) {
                throw bad("unterminated string");
            }
            String v = s.substring(at + 1, end);
            at = end + 1;
            return v;
        }

        private void expect(char c) throws FormatException {
            skipSpace();
            if (peek() != c) {
                throw bad("expected '" + c + "'");
            }
            at++;
        }

        private char peek() throws FormatException {
            if (at >= s.length()) {
                throw bad("the header ends too soon");
            }
            return s.charAt(at);
        }

        private void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        private FormatException bad(String what) {
            return new FormatException(Messages.get("npy.notADict", what, String.valueOf(at + 1)));
        }
    }
}
