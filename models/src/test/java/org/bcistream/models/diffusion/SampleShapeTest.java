package org.bcistream.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SampleShapeTest {

    @Test
    void sizeIsTheProductOfTheDimensions() {
        SampleShape mel = SampleShape.of(1, 80, 32);
        assertEquals(2560, mel.size());
        assertEquals(3, mel.rank());
        assertEquals(80, mel.dimension(1));
        assertEquals("[1, 80, 32]", mel.toString());
    }

    @Test
    void shapesAreValuesIndependentOfTheCallersArray() {
        int[] dimensions = {3, 32, 32};
        SampleShape shape = SampleShape.of(dimensions);
        dimensions[0] = 1;
        assertEquals(SampleShape.of(3, 32, 32), shape);
        assertEquals(SampleShape.of(3, 32, 32).hashCode(), shape.hashCode());
        assertNotEquals(SampleShape.of(32, 32, 3), shape);
    }

    @Test
    void rejectsEmptyNonPositiveOrOversizedShapes() {
        assertThrows(IllegalArgumentException.class, () -> SampleShape.of());
        assertThrows(IllegalArgumentException.class, () -> SampleShape.of(3, 0));
        assertThrows(IllegalArgumentException.class, () -> SampleShape.of(1 << 16, 1 << 16));
    }
}
