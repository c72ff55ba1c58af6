package org.bcistream.models.bundle;

import static org.bcistream.models.bundle.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code .npy} import against files NumPy wrote ({@code make_golden.py}), and refusal of everything else. */
class NpyArrayTest {
    /** arange(12).reshape(3, 4) * 0.25 - 1, row-major. */
    private static final double[] PHI = {-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75};
    private static final String SOURCE = "phi.npy";

    /** A .npy file with this header text and data, at format {@code major}.0. */
    private static byte[] npy(int major, String header, int dataBytes) {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(12 + text.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            out.putShort((short) text.length);
        } else {
            out.putInt(text.length);
        }
        out.put(text);
        return Arrays.copyOf(out.array(), out.position() + dataBytes);
    }

    private static NpyArray parse(byte[] bytes) throws IOException {
        return NpyArray.read(new ByteArrayInputStream(bytes), bytes.length, SOURCE);
    }

    @Test
    void numpyMatricesInEveryAcceptedLayout() throws IOException {
        for (String name : new String[] {"phi_f8.npy", "phi_f4_fortran.npy", "phi_be_f8.npy", "phi_be_f4_fortran.npy",
                "phi_v2.npy", "phi_v3.npy"}) {
            NpyArray phi = NpyArray.read(Refusals.resource(name));
            assertArrayEquals(new int[] {3, 4}, phi.shape(), name);
            assertArrayEquals(PHI, phi.data(), name);
        }
    }

    @Test
    void numpyIntegerVectors() throws IOException {
        NpyArray i4 = NpyArray.read(Refusals.resource("vec_i4.npy"));
        assertArrayEquals(new int[] {4}, i4.shape());
        assertArrayEquals(new double[] {-3, 0, 7, 2147483647}, i4.data());
        assertArrayEquals(new double[] {9007199254740992.0, -5}, NpyArray.read(Refusals.resource("vec_i8.npy")).data());
        assertEquals("NpyArray(4,)", i4.toString());
    }

    @Test
    void becomesATensor() throws IOException {
        Tensor phi = NpyArray.read(Refusals.resource("phi_f4_fortran.npy")).toTensor("phi");
        assertEquals(DType.F64, phi.dtype());
        assertArrayEquals(new int[] {3, 4}, phi.shape());
        assertArrayEquals(PHI, phi.doubles());
    }

    @Test
    void numpyFilesThatAreRefused() {
        refused(() -> NpyArray.read(Refusals.resource("refused_object.npy")),
                "dtype '|O' is an object array (pickled Python objects), which is refused");
        refused(() -> NpyArray.read(Refusals.resource("refused_f2.npy")),
                "dtype '<f2' is not supported; supported: <f4 <f8 <i4 <i8 and the big-endian > forms");
        refused(() -> NpyArray.read(Refusals.resource("refused_cube.npy")),
                "shape (2, 2, 2) has 3 dimensions; expected a 1-D or 2-D array");
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(Refusals.resource("phi_f8.npy"));
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertEquals(SOURCE, refused(() -> parse(cut)).source());
        }
        refused(() -> parse(Arrays.copyOf(whole, whole.length - 1)), "shape (3, 4) of <f8 needs 96 data bytes, but 95 follow the header (truncated)");
        refused(() -> parse(Arrays.copyOf(whole, whole.length + 2)), "but 98 follow the header (trailing bytes)");
        refused(() -> NpyArray.read(new ByteArrayInputStream(whole, 0, 150), whole.length, SOURCE), "does not hold its declared 224 bytes");
    }

    @Test
    void everyBitFlipIsReadOrRefusedCleanly() throws IOException {
        byte[] whole = Files.readAllBytes(Refusals.resource("phi_f4_fortran.npy"));
        int refusedCount = 0;
        for (int bit = 0; bit < whole.length * 8; bit++) {
            byte[] flipped = whole.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            try {
                parse(flipped);
            } catch (BundleFormatException e) {
                refusedCount++;
            }
        }
        assertTrue(refusedCount > 8 * 60, "flips in the preamble and the dict are refused; refused " + refusedCount);
    }

    @Test
    void preambleAndSizesAreChecked() {
        refused(() -> parse(new byte[] {1, 2, 3}), "is 3 bytes long; a .npy file starts with a 10-byte preamble");
        byte[] wrongMagic = npy(1, "{}", 0);
        wrongMagic[1] = 'n';
        refused(() -> parse(wrongMagic), "does not start with the .npy magic \\x93NUMPY");
        refused(() -> parse(npy(4, "{}", 0)), "npy format version 4.0 is not supported; supported: 1.0, 2.0, 3.0");
        byte[] lying = npy(2, "{}", 0);
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -1);
        refused(() -> parse(lying), "header length 4294967295 exceeds the limit of 65536 bytes");
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 3);
        refused(() -> parse(lying), "header length 3 runs past the end of the 14-byte file");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000), }", 0)),
                "shape (1000000000, 1000000000) has more than 134217728 elements");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", 0)),
                "shape dimension 99999999999999999999 is too large");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8)),
                "shape () has 0 dimensions; expected a 1-D or 2-D array");
        refused(() -> parse(npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), '\u00e9': 1}", 8)), "unknown key 'é'");
    }

    @Test
    void headerDictionaryIsParsedStrictly() throws IOException {
        assertArrayEquals(new double[] {0.5, 1.5}, parse(npyWithData("{\"descr\":\"<f8\",\"shape\":(2L,),\"fortran_order\":True}",
                new double[] {0.5, 1.5})).data(), "any key order, double quotes, Python 2 longs, no trailing comma");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False}", 0)), "the dictionary lacks 'shape'");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'descr': '<f8'}", 0)), "key 'descr' appears twice");
        refused(() -> parse(npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,)}", 8)),
                "structured (record) dtypes are not supported");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': 'no', 'shape': (1,)}", 8)), "fortran_order must be True or False");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", 8)),
                "shape must be a tuple of non-negative integers");
        refused(() -> parse(npy(1, "{'descr': '<f\\x38', 'fortran_order': False, 'shape': (1,)}", 8)), "escape sequences");
        refused(() -> parse(npy(1, "{'descr': '<f8, 'fortran_order': False, 'shape': (1,)}", 8)), "expected '}' at character 17");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x", 8)), "unexpected character U+0078 after the dictionary");
        refused(() -> parse(npy(1, "{'descr': '<u8', 'fortran_order': False, 'shape': (1,)}", 8)), "dtype '<u8' is not supported");
        refused(() -> parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)", 8)), "npy header: expected '}' at character");
        refused(() -> parse(npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}\u0000", 8)), "unexpected character U+0000 after the dictionary");
        byte[] badUtf8 = npy(3, "{'descr': '<f8'}", 0);
        badUtf8[14] = (byte) 0xC3;
        refused(() -> parse(badUtf8), "npy 3.0 header is not valid UTF-8");
    }

    private static byte[] npyWithData(String header, double[] values) {
        byte[] file = npy(1, header, values.length * 8);
        ByteBuffer data = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        data.position(file.length - values.length * 8);
        data.asDoubleBuffer().put(values);
        return file;
    }
}
