package org.bcistream.models.diffusion.train;

import java.util.List;
import org.bcistream.models.diffusion.net.ImageUNet;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.SpeechNet;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** Tiny networks for the trainer tests. */
final class TinyNets {
    static final ImageUNetConfig IMAGE = new ImageUNetConfig(3, 8, List.of(4, 8), 1, 2, 4);
    static final SpeechNetConfig SPEECH = new SpeechNetConfig(3, 5, 3, 2, 4, 1, 2, 3, 4);

    private TinyNets() {}

    static ImageUNet image(long seed) {
        return ImageUNet.create(IMAGE, DataType.FLOAT, seed);
    }

    static SpeechNet speech(long seed) {
        return SpeechNet.create(SPEECH, DataType.FLOAT, seed);
    }
}
