package org.bcistream.models.bundle;

import static org.bcistream.models.bundle.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile safetensors input is refused with a {@link BundleFormatException} naming the
 * problem, and never with another exception, an out-of-memory error or a hang.
 */
class SafetensorsMalformedTest {
    private static final String SOURCE = "bad.safetensors";

    /** A file with this header text (unpadded) followed by {@code dataBytes} zero bytes. */
    private static byte[] file(String header, int dataBytes) {
        return file(header.getBytes(StandardCharsets.UTF_8), dataBytes);
    }

    private static byte[] file(byte[] header, int dataBytes) {
        return ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).array();
    }

    private static Safetensors parse(byte[] bytes) throws IOException {
        return Safetensors.read(new ByteArrayInputStream(bytes), bytes.length, SOURCE);
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return String.format("\"%s\":{\"dtype\":\"%s\",\"shape\":%s,\"data_offsets\":[%d,%d]}", name, dtype, shape, begin, end);
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        byte[] whole = SafetensorsRoundTripTest.bytes(SafetensorsRoundTripTest.ALL_DTYPES);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            BundleFormatException e = refused(() -> parse(cut));
            assertEquals(SOURCE, e.source());
        }
    }

    @Test
    void aStreamShorterOrLongerThanDeclaredIsRefused() throws IOException {
        byte[] whole = SafetensorsRoundTripTest.bytes(SafetensorsRoundTripTest.ALL_DTYPES);
        refused(() -> Safetensors.read(new ByteArrayInputStream(whole, 0, whole.length - 3), whole.length, SOURCE),
                "is truncated: ends at byte", "inside tensor 'w.f32'");
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        refused(() -> Safetensors.read(new ByteArrayInputStream(longer), whole.length, SOURCE), "holds more than its declared");
    }

    @Test
    void everyBitFlipIsReadOrRefusedCleanly() throws IOException {
        byte[] whole = SafetensorsRoundTripTest.bytes(SafetensorsRoundTripTest.ALL_DTYPES);
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
        assertTrue(refusedCount > 8 * 64, "most header flips must be refused; refused " + refusedCount);
    }

    @Test
    void headerLengthLies() {
        byte[] valid = file("{}", 0);
        ByteBuffer huge = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);
        refused(() -> parse(huge.array()), "header length 18446744073709551615 exceeds the limit of 100000000 bytes");
        ByteBuffer big = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 200_000_000);
        refused(() -> parse(big.array()), "header length 200000000 exceeds the limit");
        ByteBuffer past = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 3);
        refused(() -> parse(past.array()), "header length 3 runs past the end of the file: only 2 bytes follow the 8-byte length");
        ByteBuffer zero = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 0);
        refused(() -> parse(zero.array()), "header does not start with '{'");
        refused(() -> parse(new byte[5]), "bad.safetensors: is 5 bytes long; a safetensors file starts with an 8-byte header length");
    }

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeAllocating() {
        byte[] small = file("{" + entry("a", "F32", "[1]", 0, 4) + "}", 4);
        refused(() -> Safetensors.read(new ByteArrayInputStream(small), 4L << 30, SOURCE),
                "data buffer is", "at most 1073741824 (1 GiB) are accepted");
    }

    @Test
    void headerJsonMustBeStrict() {
        refused(() -> parse(file("[]      ", 0)), "header does not start with '{'");
        refused(() -> parse(file("{} x", 0)), "header is not valid JSON (line 1, column 5): Unrecognized token 'x'");
        refused(() -> parse(file("{\"a\":", 0)), "header is not valid JSON");
        refused(() -> parse(file(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, 0)), "header is not valid UTF-8");
        refused(() -> parse(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("a", "F32", "[1]", 4, 8) + "}", 8)),
                "header is not valid JSON", "Duplicate field 'a'");
        refused(() -> parse(file("{\"__metadata__\":{\"k\":1}}", 0)), "__metadata__ value of 'k' must be a string; found the integer 1");
        refused(() -> parse(file("{\"__metadata__\":[]}", 0)), "__metadata__ must be an object of strings; found an array");
    }

    @Test
    void entriesMustBeWellFormed() {
        refused(() -> parse(file("{\"a\":3}", 0)), "tensor 'a' must be an object with dtype, shape and data_offsets; found the integer 3");
        refused(() -> parse(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4],\"x\":1}}", 4)),
                "tensor 'a' has unknown field 'x'");
        refused(() -> parse(file("{\"a\":{\"shape\":[],\"data_offsets\":[0,4]}}", 4)), "tensor 'a' has no dtype");
        refused(() -> parse(file("{\"a\":{\"dtype\":7,\"shape\":[],\"data_offsets\":[0,4]}}", 4)),
                "tensor 'a' dtype must be a string; found the integer 7");
        refused(() -> parse(file("{" + entry("", "F32", "[1]", 0, 4) + "}", 4)), "a tensor has an empty name");
        refused(() -> parse(file("{" + entry("a", "F32", "3", 0, 4) + "}", 4)), "tensor 'a' shape must be an array");
        refused(() -> parse(file("{" + entry("a", "F32", "[-1]", 0, 4) + "}", 4)),
                "tensor 'a' shape[0] must be an integer in [0, 2^63); found the integer -1");
        refused(() -> parse(file("{" + entry("a", "F32", "[1.5]", 0, 4) + "}", 4)), "found the number 1.5");
        refused(() -> parse(file("{" + entry("a", "F32", "[3000000000,0]", 0, 0) + "}", 0)),
                "tensor 'a' shape[0] is 3000000000; at most 2147483647 is supported");
        refused(() -> parse(file("{" + entry("a", "F32", Arrays.toString(new int[65]), 0, 0) + "}", 0)),
                "tensor 'a' shape has 65 dimensions; at most 64 are supported");
        refused(() -> parse(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4)),
                "tensor 'a' data_offsets must be an array [begin, end]; found an array of 1");
        refused(() -> parse(file("{" + entry("a", "F32", "[1]", 4, 0) + "}", 4)), "tensor 'a' data_offsets [4, 0) end before they begin");
        refused(() -> parse(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,99999999999999999999]}}", 4)),
                "tensor 'a' data_offsets[1] must be an integer in [0, 2^63)");
    }

    @Test
    void unsupportedDtypesAreNamed() {
        refused(() -> parse(file("{" + entry("h", "F16", "[2]", 0, 4) + "}", 4)),
                "tensor 'h' has dtype 'F16', which is not supported; supported: [F32, F64, I32, I64]");
        refused(() -> parse(file("{" + entry("h", "BOGUS", "[2]", 0, 4) + "}", 4)), "dtype 'BOGUS'");
    }

    @Test
    void sizeMustMatchShapeTimesDtype() {
        refused(() -> parse(file("{" + entry("w", "F32", "[2,3]", 0, 16) + "}", 16)),
                "tensor 'w' is F32 [2, 3]: 24 bytes, but data_offsets [0, 16) span 16 bytes");
        refused(() -> parse(file("{" + entry("w", "F64", "[2147483647,2147483647,2147483647]", 0, 8) + "}", 8)),
                "tensor 'w' shape [2147483647, 2147483647, 2147483647] times 8 bytes overflows a 64-bit size");
    }

    @Test
    void offsetsMustTileTheBufferExactly() {
        refused(() -> parse(file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", 12)),
                "tensor 'b' bytes [4, 12) overlap tensor 'a' bytes [0, 8)");
        refused(() -> parse(file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 0, 8) + "}", 8)),
                "overlap");
        refused(() -> parse(file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 12, 20) + "}", 20)),
                "bytes [8, 12) of the data buffer belong to no tensor (gap before tensor 'b')");
        refused(() -> parse(file("{" + entry("a", "F32", "[2]", 4, 12) + "}", 12)), "bytes [0, 4) of the data buffer belong to no tensor");
        refused(() -> parse(file("{" + entry("a", "F32", "[2]", 0, 8) + "}", 12)),
                "the tensors cover 8 bytes but the data buffer after the header is 12 bytes");
        refused(() -> parse(file("{" + entry("a", "F32", "[2]", 0, 8) + "}", 4)),
                "tensor 'a' data_offsets [0, 8) run past the end of the 4-byte data buffer");
    }
}
