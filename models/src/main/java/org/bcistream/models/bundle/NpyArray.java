package org.bcistream.models.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 1-D or 2-D numeric array imported from a NumPy {@code .npy} file (format versions 1.0, 2.0 and 3.0),
 * for example a dictionary Φ trained elsewhere. Values are held as doubles in row-major (C) order whatever
 * the file's order: a {@code fortran_order} file is transposed on reading. Immutable.
 *
 * <pre>
 * offset  size  field
 * 0       6     magic \x93NUMPY
 * 6       2     format version: major, minor (1.0, 2.0 or 3.0)
 * 8       2|4   header length H, unsigned little-endian (2 bytes in 1.0, 4 in 2.0 and 3.0)
 * 10|12   H     header: {'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), } (Latin-1; UTF-8 in 3.0)
 * ...     rest  product(shape) elements
 * </pre>
 *
 * <p>Accepted dtypes: {@code <f4 <f8 <i4 <i8} and their big-endian {@code >} forms; 64-bit integers beyond
 * 2^53 in magnitude are rounded. Refused with a {@link BundleFormatException}: object and structured arrays,
 * other dtypes, other ranks, headers over {@link #MAX_HEADER_BYTES}, more than {@link #MAX_ELEMENTS} elements
 * (checked before allocating), and data shorter or longer than the shape says.
 */
public final class NpyArray {
    /** The largest header accepted, in bytes. */
    public static final int MAX_HEADER_BYTES = 1 << 16;
    /** The largest element count accepted: 2^27 (1 GiB of doubles). */
    public static final long MAX_ELEMENTS = 1L << 27;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private final int[] shape;
    private final double[] data;

    private NpyArray(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws BundleFormatException if the file is malformed or holds an array this class does not accept
     */
    public static NpyArray read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, size, file.toString());
        }
    }

    /**
     * Reads a {@code .npy} file of exactly {@code size} bytes from a stream (not closed).
     *
     * @param source names the file in messages
     * @throws BundleFormatException if the content is malformed or the stream does not hold {@code size} bytes
     */
    public static NpyArray read(InputStream in, long size, String source) throws IOException {
        if (size < 10) {
            throw fail(source, "is %d bytes long; a .npy file starts with a 10-byte preamble", size);
        }
        byte[] preamble = in.readNBytes(8);
        if (preamble.length < 8 || !Arrays.equals(preamble, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw fail(source, "does not start with the .npy magic \\x93NUMPY");
        }
        int major = preamble[6];
        if (major < 1 || major > 3 || preamble[7] != 0) {
            throw fail(source, "npy format version %d.%d is not supported; supported: 1.0, 2.0, 3.0",
                    preamble[6] & 0xff, preamble[7] & 0xff);
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw fail(source, "is truncated inside the header length");
        }
        ByteBuffer lengthBuffer = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1
                ? Short.toUnsignedLong(lengthBuffer.getShort())
                : Integer.toUnsignedLong(lengthBuffer.getInt());
        long dataStart = 8 + lengthBytes + headerLength;
        if (headerLength > MAX_HEADER_BYTES) {
            throw fail(source, "header length %d exceeds the limit of %d bytes", headerLength, MAX_HEADER_BYTES);
        }
        if (dataStart > size) {
            throw fail(source, "header length %d runs past the end of the %d-byte file", headerLength, size);
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw fail(source, "is truncated inside the header");
        }
        NpyHeader header = NpyHeader.parse(decode(headerBytes, major, source), source);
        Element element = Element.of(header.descr(), source);
        int[] dims = checkShape(header.shape(), source);
        long count = Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
        long dataBytes = count * element.size();
        if (size - dataStart != dataBytes) {
            throw fail(source, "shape %s of %s needs %d data bytes, but %d follow the header (%s)", shapeText(header.shape()),
                    header.descr(), dataBytes, size - dataStart, size - dataStart < dataBytes ? "truncated" : "trailing bytes");
        }
        byte[] bytes = in.readNBytes((int) dataBytes);
        if (bytes.length < dataBytes || in.read() != -1) {
            throw fail(source, "does not hold its declared %d bytes", size);
        }
        double[] values = element.decode(bytes);
        return new NpyArray(dims, header.fortranOrder() && dims.length == 2 ? transpose(values, dims) : values);
    }

    private static String decode(byte[] header, int major, String source) throws BundleFormatException {
        if (major < 3) {
            return new String(header, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleFormatException(source, "npy 3.0 header is not valid UTF-8", e);
        }
    }

    private static int[] checkShape(long[] shape, String source) throws BundleFormatException {
        if (shape.length != 1 && shape.length != 2) {
            throw fail(source, "shape %s has %d dimensions; expected a 1-D or 2-D array", shapeText(shape), shape.length);
        }
        long count = 1;
        for (long dim : shape) {
            count *= dim;
            if (dim > MAX_ELEMENTS || count > MAX_ELEMENTS) {
                throw fail(source, "shape %s has more than %d elements", shapeText(shape), MAX_ELEMENTS);
            }
        }
        return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    }

    /** Column-major {@code (rows, cols)} values to row-major. */
    private static double[] transpose(double[] columnMajor, int[] dims) {
        int rows = dims[0];
        int cols = dims[1];
        double[] rowMajor = new double[columnMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                rowMajor[r * cols + c] = columnMajor[c * rows + r];
            }
        }
        return rowMajor;
    }

    private static String shapeText(long[] shape) {
        String inner = Arrays.toString(shape);
        return "(" + inner.substring(1, inner.length() - 1) + (shape.length == 1 ? ",)" : ")");
    }

    /** A copy of the shape: {@code [n]} or {@code [rows, cols]}. */
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values in row-major order. */
    public double[] data() {
        return data.clone();
    }

    /** The values as an {@link DType#F64} tensor of this shape. */
    public Tensor toTensor(String name) {
        return Tensor.ofDoubles(name, shape, data);
    }

    /** For example {@code NpyArray(3, 4)}. */
    @Override
    public String toString() {
        return "NpyArray" + shapeText(Arrays.stream(shape).asLongStream().toArray());
    }

    private static BundleFormatException fail(String source, String format, Object... args) {
        return new BundleFormatException(source, String.format(Locale.ROOT, format, args));
    }

    /** One accepted element type: byte order, float or integer, 4 or 8 bytes. */
    private record Element(ByteOrder order, boolean floating, int size) {
        private static final Pattern ACCEPTED = Pattern.compile("[<>][fi][48]");

        static Element of(String descr, String source) throws BundleFormatException {
            if (descr.contains("O")) {
                throw fail(source,
                        "dtype '%s' is an object array (pickled Python objects), which is refused; save a numeric array", descr);
            }
            if (ACCEPTED.matcher(descr).matches()) {
                return new Element(descr.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN,
                        descr.charAt(1) == 'f', descr.charAt(2) - '0');
            }
            throw fail(source, "dtype '%s' is not supported; supported: <f4 <f8 <i4 <i8 and the big-endian > forms", descr);
        }

        double[] decode(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
            double[] out = new double[bytes.length / size];
            for (int i = 0; i < out.length; i++) {
                if (floating) {
                    out[i] = size == 4 ? buffer.getFloat() : buffer.getDouble();
                } else {
                    out[i] = size == 4 ? buffer.getInt() : buffer.getLong();
                }
            }
            return out;
        }
    }
}
