package org.bcistream.models.diffusion.net;

/**
 * The sinusoidal timestep embedding of diffusers' {@code get_timestep_embedding} with the settings of
 * {@code UNet2DModel} ({@code flip_sin_to_cos=True}, {@code downscale_freq_shift=0}, max period 10000;
 * spec ddim.md C.1): for d = 2·half values and the integer timestep t,
 *
 * <pre>
 *   f_i = exp(−ln(10000)·i/half),  i = 0..half−1
 *   emb = [cos(t·f_0) … cos(t·f_{half−1}), sin(t·f_0) … sin(t·f_{half−1})]
 * </pre>
 *
 * computed in float64 and rounded to float32. Stateless.
 */
final class TimestepEmbedding {
    private TimestepEmbedding() {}

    /** Writes the {@code dim} (even) values for timestep t into {@code out[offset .. offset + dim)}. */
    static void fill(int timestep, int dim, float[] out, int offset) {
        int half = dim / 2;
        for (int i = 0; i < half; i++) {
            double angle = timestep * Math.exp(-Math.log(10000.0) * i / half);
            out[offset + i] = (float) Math.cos(angle);
            out[offset + half + i] = (float) Math.sin(angle);
        }
    }
}
