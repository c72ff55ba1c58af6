package org.bcistream.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tensor values: copies in and out, dtype-checked accessors, shape checks with the numbers. */
class TensorTest {

    @Test
    void everyDtypeHoldsItsValues() {
        assertArrayEquals(new float[] {1.5f, -0f, Float.NaN}, Tensor.ofFloats("f", new int[] {3}, new float[] {1.5f, -0f, Float.NaN}).floats());
        assertArrayEquals(new double[] {0.1, 1e300}, Tensor.ofDoubles("d", new int[] {2, 1}, new double[] {0.1, 1e300}).doubles());
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 7}, Tensor.ofInts("i", new int[] {2}, new int[] {Integer.MIN_VALUE, 7}).ints());
        assertArrayEquals(new long[] {Long.MAX_VALUE}, Tensor.ofLongs("l", new int[] {}, new long[] {Long.MAX_VALUE}).longs());
    }

    @Test
    void toDoublesWidensEveryDtype() {
        assertArrayEquals(new double[] {0.1f, 2}, Tensor.ofFloats("f", new int[] {2}, new float[] {0.1f, 2}).toDoubles());
        assertArrayEquals(new double[] {-3, 4}, Tensor.ofInts("i", new int[] {2}, new int[] {-3, 4}).toDoubles());
        assertArrayEquals(new double[] {9007199254740992.0}, Tensor.ofLongs("l", new int[] {1}, new long[] {(1L << 53) + 1}).toDoubles(),
                "I64 beyond 2^53 rounds to the nearest double");
        assertArrayEquals(new double[] {0.25}, Tensor.ofDoubles("d", new int[] {1}, new double[] {0.25}).toDoubles());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] shape = {2};
        double[] data = {1, 2};
        Tensor t = Tensor.ofDoubles("t", shape, data);
        shape[0] = 5;
        data[0] = 9;
        t.shape()[0] = 7;
        t.doubles()[1] = 8;
        assertArrayEquals(new int[] {2}, t.shape());
        assertArrayEquals(new double[] {1, 2}, t.doubles());
        assertTrue(t.hasShape(2));
        assertEquals(2, t.size());
    }

    @Test
    void scalarsAndEmptyTensors() {
        assertEquals(1, Tensor.ofFloats("s", new int[] {}, new float[] {3}).size());
        Tensor empty = Tensor.ofFloats("e", new int[] {0, 4}, new float[0]);
        assertEquals(0, empty.size());
        assertTrue(empty.hasShape(0, 4));
    }

    @Test
    void accessorsCheckTheDtype() {
        Tensor t = Tensor.ofFloats("phi", new int[] {1}, new float[] {1});
        IllegalStateException e = assertThrows(IllegalStateException.class, t::doubles);
        assertEquals("tensor 'phi' is F32, not F64; use toDoubles() to convert", e.getMessage());
    }

    @Test
    void factoriesRefuseInconsistentArguments() {
        assertEquals("tensor 'w': shape [2, 3] holds 6 elements; data has 5", assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofDoubles("w", new int[] {2, 3}, new double[5])).getMessage());
        assertEquals("shape [2, -1] has a negative dimension", assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofInts("w", new int[] {2, -1}, new int[0])).getMessage());
        assertEquals("shape [65536, 65536] has more than 2^31 - 1 elements", assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofLongs("w", new int[] {65536, 65536}, new long[0])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofFloats("w", new int[Tensor.MAX_RANK + 1], new float[0]));
        assertEquals("a tensor name must be non-empty and not __metadata__; got '__metadata__'", assertThrows(IllegalArgumentException.class,
                () -> Tensor.ofFloats("__metadata__", new int[] {}, new float[1])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofFloats("", new int[] {}, new float[1]));
        assertThrows(NullPointerException.class, () -> Tensor.ofFloats("x", null, new float[1]));
    }

    @Test
    void equalityComparesNameDtypeShapeAndBits() {
        Tensor a = Tensor.ofDoubles("a", new int[] {2}, new double[] {1, Double.NaN});
        assertEquals(a, Tensor.ofDoubles("a", new int[] {2}, new double[] {1, Double.NaN}));
        assertEquals(a.hashCode(), Tensor.ofDoubles("a", new int[] {2}, new double[] {1, Double.NaN}).hashCode());
        assertNotEquals(a, Tensor.ofDoubles("b", new int[] {2}, new double[] {1, Double.NaN}));
        assertNotEquals(a, Tensor.ofDoubles("a", new int[] {2, 1}, new double[] {1, Double.NaN}));
        assertNotEquals(Tensor.ofInts("i", new int[] {1}, new int[] {0}), Tensor.ofFloats("i", new int[] {1}, new float[] {0}));
        assertEquals("Tensor[a F64 [2]]", a.toString());
    }
}
