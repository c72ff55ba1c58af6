package org.bcistream.models.ipvae;

/** A {@link SpikeSource} that hands out fixed vectors: one per pass, the last one repeated. */
final class GivenSpikes implements SpikeSource {
    private final double[][] passes;

    /** {@code passes[i]} for pass i (B×K each); passes beyond the last use the last. */
    GivenSpikes(double[]... passes) {
        this.passes = passes;
    }

    @Override
    public void draw(IpvaeState[] states, int pass, double[] z) {
        double[] given = passes[Math.min(pass, passes.length - 1)];
        System.arraycopy(given, 0, z, 0, z.length);
    }
}
