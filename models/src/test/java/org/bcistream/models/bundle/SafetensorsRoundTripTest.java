package org.bcistream.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing then reading gives back every dtype, shape and metadata; the layout follows the format. */
class SafetensorsRoundTripTest {
    static final Safetensors ALL_DTYPES = Safetensors.of(Map.of("format", "pt", "note", "é ∑ \"quoted\""), List.of(
            Tensor.ofFloats("w.f32", new int[] {2, 3}, new float[] {0.1f, -2, 3, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN}),
            Tensor.ofDoubles("w.f64", new int[] {3}, new double[] {0.1, -0.0, Double.NEGATIVE_INFINITY}),
            Tensor.ofInts("idx.i32", new int[] {1, 1, 2}, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
            Tensor.ofLongs("step", new int[] {}, new long[] {Long.MIN_VALUE}),
            Tensor.ofFloats("empty", new int[] {0, 7}, new float[0])));

    static byte[] bytes(Safetensors s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.write(out);
        return out.toByteArray();
    }

    static Safetensors parse(byte[] bytes) throws IOException {
        return Safetensors.read(new ByteArrayInputStream(bytes), bytes.length, "test.safetensors");
    }

    @Test
    void everyDtypeAndTheMetadataSurviveARoundTrip() throws IOException {
        Safetensors back = parse(bytes(ALL_DTYPES));
        assertEquals(ALL_DTYPES, back);
        assertEquals(ALL_DTYPES.hashCode(), back.hashCode());
        assertEquals("é ∑ \"quoted\"", back.metadata().get("note"));
        assertArrayEquals(new int[] {0, 7}, back.tensors().get("empty").shape());
        assertEquals(List.of("empty", "idx.i32", "step", "w.f32", "w.f64"), List.copyOf(back.tensors().keySet()));
    }

    @Test
    void filesRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.safetensors");
        ALL_DTYPES.write(file);
        assertEquals(ALL_DTYPES, Safetensors.read(file));
        Safetensors.of().write(file);
        assertEquals(Safetensors.of(), Safetensors.read(file), "an existing file is replaced");
    }

    @Test
    void headerIsPaddedWithSpacesAndEightByteElementsComeFirst() throws IOException {
        byte[] file = bytes(ALL_DTYPES);
        long n = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + n) % 8);
        String header = new String(file, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\","), header);
        String json = header.stripTrailing();
        assertTrue(json.endsWith("}") && header.substring(json.length()).chars().allMatch(c -> c == ' '), header);
        // step (I64) and w.f64 (F64) by name, then empty, idx.i32, w.f32; offsets tile the buffer
        assertTrue(header.contains("\"step\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}"), header);
        assertTrue(header.contains("\"w.f64\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[8,32]}"), header);
        assertTrue(header.contains("\"empty\":{\"dtype\":\"F32\",\"shape\":[0,7],\"data_offsets\":[32,32]}"), header);
        assertTrue(header.contains("\"w.f32\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[40,64]}"), header);
        assertEquals(8 + n + 64, file.length);
    }

    @Test
    void noTensorsIsAValidFile() throws IOException {
        byte[] file = bytes(Safetensors.of());
        assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '}, file);
        assertEquals(Safetensors.of(), parse(file));
    }

    @Test
    void emptyTensorsMayHaveHugeDimensions() throws IOException {
        Safetensors empty = Safetensors.of(Tensor.ofFloats("e", new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 0}, new float[0]));
        assertEquals(empty, parse(bytes(empty)));
    }

    @Test
    void writingIsDeterministic() throws IOException {
        List<Tensor> reversed = new ArrayList<>(ALL_DTYPES.tensors().values());
        Collections.reverse(reversed);
        Safetensors reordered = Safetensors.of(Map.of("note", "é ∑ \"quoted\"", "format", "pt"), reversed);
        assertArrayEquals(bytes(ALL_DTYPES), bytes(reordered));
    }

    @Test
    void contentIsValidatedWhenBuilt() {
        Tensor a = Tensor.ofFloats("a", new int[] {1}, new float[] {1});
        assertEquals("two tensors are named 'a'", assertThrows(IllegalArgumentException.class, () -> Safetensors.of(a, a)).getMessage());
        assertThrows(NullPointerException.class, () -> Safetensors.of(a, null));
        assertThrows(UnsupportedOperationException.class, () -> Safetensors.of(a).tensors().clear());
    }
}
