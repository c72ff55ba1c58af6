package org.bcistream.models.diffusion.net;

import static org.bcistream.models.diffusion.Checks.invalid;

import java.util.List;

/**
 * Hyper-parameters of an {@link ImageUNet} for square single-channel images.
 *
 * @param conditionSize C, the length of the condition vector, {@code >= 1}
 * @param imageSize the side of the image in pixels, divisible by 2<sup>levels−1</sup>
 * @param channels the feature channels of each resolution level, finest first, each divisible by
 *     {@code groups}; the level count is the list's size
 * @param blocksPerLevel residual blocks per level on the way down and on the way up, {@code >= 1}
 * @param groups GroupNorm groups
 * @param sinusoidSize d, the length of the sinusoidal timestep embedding (even); the conditioning embedding
 *     has E = 4·d values
 */
public record ImageUNetConfig(int conditionSize, int imageSize, List<Integer> channels, int blocksPerLevel,
        int groups, int sinusoidSize) {

    public ImageUNetConfig {
        channels = List.copyOf(channels);
        if (conditionSize < 1) {
            throw invalid("condition size must be >= 1; got %d", conditionSize);
        }
        if (channels.isEmpty() || blocksPerLevel < 1 || groups < 1) {
            throw invalid("need >= 1 level, block per level and group; got %s, %d, %d", channels, blocksPerLevel,
                    groups);
        }
        for (int c : channels) {
            if (c < 1 || c % groups != 0) {
                throw invalid("channels %s must be positive multiples of the %d groups", channels, groups);
            }
        }
        int scale = 1 << (channels.size() - 1);
        if (imageSize < scale || imageSize % scale != 0) {
            throw invalid("image size %d must be a multiple of %d for %d levels", imageSize, scale, channels.size());
        }
        if (sinusoidSize < 2 || sinusoidSize % 2 != 0) {
            throw invalid("sinusoid size must be even and >= 2; got %d", sinusoidSize);
        }
    }

    /**
     * The default 32×32 design (spec ddim.md C.5): channels 32/64/128 at 32/16/8 pixels, 2 blocks per
     * level, 8 groups, d = 32 (E = 128).
     */
    public static ImageUNetConfig defaults(int conditionSize) {
        return new ImageUNetConfig(conditionSize, 32, List.of(32, 64, 128), 2, 8, 32);
    }
}
