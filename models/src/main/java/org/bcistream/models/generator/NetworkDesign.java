package org.bcistream.models.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.models.bundle.HyperParameters;
import org.bcistream.models.diffusion.net.ConditionalNetwork;
import org.bcistream.models.diffusion.net.ImageUNet;
import org.bcistream.models.diffusion.net.ImageUNetConfig;
import org.bcistream.models.diffusion.net.SpeechNet;
import org.bcistream.models.diffusion.net.SpeechNetConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The denoiser network of a generator and how its condition input is laid out: the generator's condition
 * (the transformed latent vector, D values) is the whole network condition for images; for speech the
 * network condition is D values followed by a one-hot chunk position over {@link Speech#chunks()}.
 */
public sealed interface NetworkDesign permits NetworkDesign.Image, NetworkDesign.Speech {

    /** D, the length of the transformed condition the generator feeds this network. */
    int conditionSize();

    /** A freshly initialised float32 network. */
    ConditionalNetwork create(long seed);

    /** A float32 network with these weights (checked against its names and shapes). */
    ConditionalNetwork load(Map<String, float[]> weights, Map<String, int[]> shapes);

    /** The design as the {@code network} hyper-parameter object. */
    ObjectNode toJson();

    /**
     * A glyph U-Net.
     *
     * @param config the U-Net; its condition size is D
     */
    record Image(ImageUNetConfig config) implements NetworkDesign {
        public Image {
            java.util.Objects.requireNonNull(config, "config");
        }

        @Override
        public int conditionSize() {
            return config.conditionSize();
        }

        @Override
        public ConditionalNetwork create(long seed) {
            return ImageUNet.create(config, DataType.FLOAT, seed);
        }

        @Override
        public ConditionalNetwork load(Map<String, float[]> weights, Map<String, int[]> shapes) {
            return ImageUNet.fromWeights(config, weights, shapes);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("type", "image-unet");
            json.put("conditionSize", config.conditionSize());
            json.put("imageSize", config.imageSize());
            config.channels().forEach(json.putArray("channels")::add);
            json.put("blocksPerLevel", config.blocksPerLevel());
            json.put("groups", config.groups());
            json.put("sinusoidSize", config.sinusoidSize());
            return json;
        }
    }

    /**
     * A mel-chunk network generating a word as {@code chunks} chained chunks.
     *
     * @param config the network; its condition size is D + chunks
     * @param chunks chunks per word, {@code >= 1}
     */
    record Speech(SpeechNetConfig config, int chunks) implements NetworkDesign {
        public Speech {
            java.util.Objects.requireNonNull(config, "config");
            if (chunks < 1 || config.conditionSize() <= chunks) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "a speech network needs >= 1 chunk and a condition longer than its %d position values; got condition size %d",
                        chunks, config.conditionSize()));
            }
        }

        @Override
        public int conditionSize() {
            return config.conditionSize() - chunks;
        }

        /** Frames per word: chunks × frames per chunk. */
        public int frames() {
            return chunks * config.frames();
        }

        @Override
        public ConditionalNetwork create(long seed) {
            return SpeechNet.create(config, DataType.FLOAT, seed);
        }

        @Override
        public ConditionalNetwork load(Map<String, float[]> weights, Map<String, int[]> shapes) {
            return SpeechNet.fromWeights(config, weights, shapes);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("type", "speech-net");
            json.put("conditionSize", config.conditionSize());
            json.put("melBands", config.melBands());
            json.put("frames", config.frames());
            json.put("contextFrames", config.contextFrames());
            json.put("channels", config.channels());
            json.put("blocks", config.blocks());
            json.put("groups", config.groups());
            json.put("kernel", config.kernel());
            json.put("sinusoidSize", config.sinusoidSize());
            json.put("chunks", chunks);
            return json;
        }
    }

    /**
     * The design in a {@code network} hyper-parameter object.
     *
     * @throws BundleFormatException if a value is missing, mistyped or out of range
     */
    static NetworkDesign of(HyperParameters json) throws BundleFormatException {
        String type = json.getString("type");
        try {
            switch (type) {
                case "image-unet":
                    return new Image(new ImageUNetConfig(json.getInt("conditionSize"), json.getInt("imageSize"),
                            json.getInts("channels"), json.getInt("blocksPerLevel"), json.getInt("groups"),
                            json.getInt("sinusoidSize")));
                case "speech-net":
                    return new Speech(new SpeechNetConfig(json.getInt("conditionSize"), json.getInt("melBands"),
                            json.getInt("frames"), json.getInt("contextFrames"), json.getInt("channels"), json.getInt("blocks"),
                            json.getInt("groups"), json.getInt("kernel"), json.getInt("sinusoidSize")), json.getInt("chunks"));
                default:
                    throw json.invalid("type", "is '" + type + "'; expected image-unet or speech-net");
            }
        } catch (IllegalArgumentException e) {
            throw json.invalid("type", "describes an impossible network: " + e.getMessage());
        }
    }
}
