package org.bcistream.models.diffusion.net;

import static org.bcistream.models.diffusion.Checks.invalid;

/**
 * Hyper-parameters of a {@link SpeechNet}, a 1-D convolutional denoiser of mel-spectrogram chunks.
 *
 * @param conditionSize C, the length of the condition vector, {@code >= 1}
 * @param melBands M, mel bands per frame (the convolution channels of the input), {@code >= 1}
 * @param frames F, frames per generated chunk, {@code >= 1}
 * @param contextFrames K, clean frames of the previous chunk given as context, {@code >= 1}
 * @param channels hidden channels, a multiple of {@code groups}
 * @param blocks residual blocks, {@code >= 1}
 * @param groups GroupNorm groups
 * @param kernel the odd width of every convolution, in frames
 * @param sinusoidSize d, the length of the sinusoidal timestep embedding (even); E = 4·d
 */
public record SpeechNetConfig(int conditionSize, int melBands, int frames, int contextFrames, int channels,
        int blocks, int groups, int kernel, int sinusoidSize) {

    public SpeechNetConfig {
        if (conditionSize < 1 || melBands < 1 || frames < 1 || contextFrames < 1 || blocks < 1 || groups < 1) {
            throw invalid("condition size, mel bands, frames, context frames, blocks and groups must be >= 1; got "
                    + "%d, %d, %d, %d, %d, %d", conditionSize, melBands, frames, contextFrames, blocks, groups);
        }
        if (channels < 1 || channels % groups != 0) {
            throw invalid("channels (%d) must be a positive multiple of the %d groups", channels, groups);
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw invalid("kernel width must be odd; got %d", kernel);
        }
        if (sinusoidSize < 2 || sinusoidSize % 2 != 0) {
            throw invalid("sinusoid size must be even and >= 2; got %d", sinusoidSize);
        }
    }

    /**
     * The default design: 80 mel bands, 4 context frames, 256 channels, 4 blocks of width-3 convolutions
     * (receptive field 21 frames, more than K + F for F ≤ 17), 8 groups, d = 32.
     *
     * @param frames F, frames per chunk (e.g. 8)
     */
    public static SpeechNetConfig defaults(int conditionSize, int frames) {
        return new SpeechNetConfig(conditionSize, 80, frames, 4, 256, 4, 8, 3, 32);
    }
}
