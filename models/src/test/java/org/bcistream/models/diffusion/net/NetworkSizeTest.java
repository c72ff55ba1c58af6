package org.bcistream.models.diffusion.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bcistream.models.diffusion.SampleShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The default designs stay within the budget: about 1–2 M parameters, at most ~0.3 GMAC. */
class NetworkSizeTest {

    @Test
    void defaultImageUNetHasAboutOnePointThreeMillionParametersAndAQuarterGmac() {
        ImageUNet network = ImageUNet.create(ImageUNetConfig.defaults(64), DataType.FLOAT, 1);
        long parameters = network.parameters().count();
        long macs = network.multiplyAccumulates();
        System.out.printf("image U-Net: %,d parameters, %,d MACs per sample%n", parameters, macs);
        assertTrue(parameters > 1_000_000 && parameters < 2_000_000, "parameters " + parameters);
        assertTrue(macs > 200_000_000 && macs <= 300_000_000, "MACs " + macs);
        assertEquals(SampleShape.of(1, 32, 32), network.sampleShape());
        assertEquals(0, network.contextSize());
    }

    @Test
    void defaultSpeechNetHasAboutTwoMillionParameters() {
        SpeechNet network = SpeechNet.create(SpeechNetConfig.defaults(64, 8), DataType.FLOAT, 1);
        long parameters = network.parameters().count();
        long macs = network.multiplyAccumulates();
        System.out.printf("speech net: %,d parameters, %,d MACs per chunk%n", parameters, macs);
        assertTrue(parameters > 1_000_000 && parameters < 2_500_000, "parameters " + parameters);
        assertTrue(macs < 30_000_000, "MACs " + macs);
        assertEquals(SampleShape.of(80, 8), network.sampleShape());
        assertEquals(80 * 4, network.contextSize());
    }

    @Test
    void parameterCountIsTheSumOfTheShapes() {
        ImageUNet network = ImageUNet.create(TinyNetworks.IMAGE, DataType.FLOAT, 1);
        long sum = 0;
        for (int[] shape : network.shapes().values()) {
            long product = 1;
            for (int d : shape) {
                product *= d;
            }
            sum += product;
        }
        assertEquals(sum, network.parameters().count());
        // conv_in.weight is [4, 1, 3, 3]
        assertEquals(36, network.weights().get("conv_in.weight").length);
    }
}
