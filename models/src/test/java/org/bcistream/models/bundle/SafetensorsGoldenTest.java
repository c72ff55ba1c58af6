package org.bcistream.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the safetensors file written by {@code make_golden.py} (values stated there). */
class SafetensorsGoldenTest {

    @Test
    void readsTheIndependentlyWrittenFile() throws IOException {
        Safetensors golden = Safetensors.read(Refusals.resource("golden.safetensors"));
        assertEquals(Map.of("format", "pt", "writer", "make_golden.py"), golden.metadata());
        assertEquals(List.of("bias", "empty", "index", "step", "weight"), List.copyOf(golden.tensors().keySet()));

        Tensor index = golden.tensors().get("index");
        assertEquals(DType.I32, index.dtype());
        assertArrayEquals(new int[] {4}, index.shape());
        assertArrayEquals(new int[] {0, -1, 2147483647, -2147483648}, index.ints());

        Tensor weight = golden.tensors().get("weight");
        assertEquals(DType.F32, weight.dtype());
        assertArrayEquals(new int[] {2, 3}, weight.shape());
        assertArrayEquals(new float[] {0.5f, -1.25f, 3.0f, 0.1f, 100.0f, -2.5f}, weight.floats());

        Tensor bias = golden.tensors().get("bias");
        assertArrayEquals(new double[] {0.1, -2.0, 1e300}, bias.doubles());

        Tensor step = golden.tensors().get("step");
        assertArrayEquals(new int[] {}, step.shape());
        assertArrayEquals(new long[] {9007199254740993L}, step.longs());

        Tensor empty = golden.tensors().get("empty");
        assertArrayEquals(new int[] {0, 4}, empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void rewritingTheGoldenFileKeepsItsContent() throws IOException {
        Safetensors golden = Safetensors.read(Refusals.resource("golden.safetensors"));
        assertEquals(golden, SafetensorsRoundTripTest.parse(SafetensorsRoundTripTest.bytes(golden)));
    }
}
