package org.bcistream.models.diffusion.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class WeightsTest {

    @Test
    void weightsRoundTripThroughTheNamedMaps() {
        SpeechNet original = SpeechNet.create(TinyNetworks.SPEECH, DataType.FLOAT, 1);
        TinyNetworks.randomize(original, 4);
        SpeechNet copy = SpeechNet.fromWeights(TinyNetworks.SPEECH, original.weights(), original.shapes());
        assertEquals(original.shapes().keySet(), copy.shapes().keySet());
        for (String name : original.weights().keySet()) {
            assertArrayEquals(original.weights().get(name), copy.weights().get(name), name);
            assertArrayEquals(original.shapes().get(name), copy.shapes().get(name), name);
        }
        assertEquals(List.copyOf(original.weights().keySet()), original.parameters().names());
    }

    @Test
    void namedValuesAndGradientsAreViewsOfTheFlatVectors() {
        SpeechNet network = SpeechNet.create(TinyNetworks.SPEECH, DataType.FLOAT, 1);
        NetworkParameters params = network.parameters();
        assertEquals(params.count(), params.flatValues().length());
        params.flatValues().assign(0.25);
        params.flatGradients().assign(-2.0);
        for (String name : params.names()) {
            assertEquals(0.25, params.value(name).minNumber().doubleValue(), 0, name);
            assertEquals(0.25, params.value(name).maxNumber().doubleValue(), 0, name);
            assertEquals(-2.0, params.gradient(name).maxNumber().doubleValue(), 0, name);
        }
        float[] first = network.weights().get("time_embedding.linear_1.weight");
        assertEquals(0.25f, first[first.length - 1]);
        params.value("conv_out.bias").assign(1.0);
        assertEquals(TinyNetworks.SPEECH.melBands(), params.flatValues().sumNumber().doubleValue()
                - 0.25 * (params.count() - TinyNetworks.SPEECH.melBands()), 1e-3);
    }

    @Test
    void namesFollowTheLayersAndShapesFollowPyTorch() {
        Map<String, int[]> shapes = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1).shapes();
        assertArrayEquals(new int[] {8, 4, 3, 3}, shapes.get("down.1.block.0.conv1.weight"));
        assertArrayEquals(new int[] {4, 8, 3, 3}, shapes.get("up.0.upsample_conv.weight"));
        assertArrayEquals(new int[] {4, 8, 1, 1}, shapes.get("up.0.block.0.skip.weight"));
        assertArrayEquals(new int[] {8, 16}, shapes.get("down.0.block.0.film.weight"));
        assertArrayEquals(new int[] {16, 3}, shapes.get("condition_embedding.linear_1.weight"));
        assertArrayEquals(new int[] {16}, shapes.get("condition_embedding.null"));
        assertArrayEquals(new int[] {5, 4, 3}, SpeechNet.create(TinyNetworks.SPEECH, DataType.FLOAT, 1).shapes()
                .get("conv_out.weight"));
    }

    @Test
    void missingAndUnexpectedNamesAreListed() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1);
        Map<String, float[]> weights = new LinkedHashMap<>(network.weights());
        Map<String, int[]> shapes = new LinkedHashMap<>(network.shapes());
        weights.remove("conv_out.bias");
        shapes.remove("conv_out.bias");
        weights.put("extra", new float[1]);
        shapes.put("extra", new int[] {1});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageUNet.fromWeights(TinyNetworks.IMAGE, weights, shapes));
        assertTrue(error.getMessage().contains("missing [conv_out.bias]"), error.getMessage());
        assertTrue(error.getMessage().contains("unexpected [extra]"), error.getMessage());
    }

    @Test
    void wrongShapesAndLengthsAreReportedWithBothValues() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1);
        Map<String, int[]> shapes = new LinkedHashMap<>(network.shapes());
        shapes.put("conv_in.weight", new int[] {4, 1, 9});
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ImageUNet.fromWeights(TinyNetworks.IMAGE, network.weights(), shapes));
        assertTrue(shape.getMessage().contains("conv_in.weight has shape [4, 1, 9], expected [4, 1, 3, 3]"),
                shape.getMessage());

        Map<String, float[]> weights = new LinkedHashMap<>(network.weights());
        weights.put("conv_in.bias", new float[5]);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ImageUNet.fromWeights(TinyNetworks.IMAGE, weights, network.shapes()));
        assertTrue(length.getMessage().contains("conv_in.bias has 5 values, expected 4"), length.getMessage());
    }

    @Test
    void weightsForAnotherConfigurationAreRejected() {
        SpeechNet network = SpeechNet.create(TinyNetworks.SPEECH, DataType.FLOAT, 1);
        SpeechNetConfig wider = new SpeechNetConfig(3, 5, 3, 2, 6, 2, 2, 3, 4);
        assertThrows(IllegalArgumentException.class,
                () -> SpeechNet.fromWeights(wider, network.weights(), network.shapes()));
    }

    @Test
    void invalidConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageUNetConfig(0, 32, List.of(32), 1, 8, 32));
        assertThrows(IllegalArgumentException.class, () -> new ImageUNetConfig(4, 30, List.of(8, 16, 32), 1, 4, 8));
        assertThrows(IllegalArgumentException.class, () -> new ImageUNetConfig(4, 32, List.of(12), 1, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new SpeechNetConfig(4, 80, 8, 4, 64, 2, 8, 2, 8));
        assertThrows(IllegalArgumentException.class, () -> new SpeechNetConfig(4, 80, 8, 0, 64, 2, 8, 3, 8));
    }

    @Test
    void forwardRejectsMismatchedBatches() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1);
        var noisy = TinyNetworks.uniform(DataType.FLOAT, 1, 2, 64);
        var conditions = TinyNetworks.uniform(DataType.FLOAT, 2, 2, 3);
        assertThrows(IllegalArgumentException.class,
                () -> network.forward(noisy, new int[] {1}, conditions, new boolean[] {true}, null));
        assertThrows(IllegalArgumentException.class, () -> network.forward(noisy, new int[] {1, 2},
                TinyNetworks.uniform(DataType.FLOAT, 2, 2, 4), new boolean[] {true, true}, null));
        assertThrows(IllegalArgumentException.class, () -> network.forward(TinyNetworks.uniform(DataType.DOUBLE, 1,
                2, 64), new int[] {1, 2}, conditions, new boolean[] {true, true}, null));
    }
}
