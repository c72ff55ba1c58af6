package org.bcistream.models.ipvae;

import static org.bcistream.models.ipvae.Checks.invalid;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.bcistream.models.random.SplitMix64;

/**
 * The online state of one iP-VAE session (spec ipvae.md §7, §9.2): the membrane potentials u (K
 * log-rates, the posterior after the last frame and the prior of the next), the number of frames seen,
 * and the position of the session's random stream. A session at frame 0 starts from the model's u_init
 * whatever u holds; {@link #initial} sets u = u_init anyway so that a fresh state reads naturally.
 *
 * <p>Mutable: {@link IpvaeEngine} advances it in place. Owned by one session; not thread-safe. The byte
 * form ({@link #toBytes()}) is big-endian and versioned, so a Flink job can keep it in keyed state and
 * continue a session exactly where it stopped:
 *
 * <pre>
 * offset   size  field
 * 0        1     format version ({@value #FORMAT_VERSION})
 * 1        8     fingerprint of the model ({@link IpvaeModel#fingerprint()}, long)
 * 9        8     frames seen (long, &gt;= 0)
 * 17       4     K = number of latents (int, &gt; 0)
 * 21       8 K   u (IEEE 754 double bits each, finite)
 * 21 + 8K  16    random stream ({@link SplitMix64#saveState()}: seed, odd gamma)
 * </pre>
 */
public final class IpvaeState {

    /** Version of the byte form written by {@link #toBytes()}; the only version {@link #fromBytes} reads. */
    public static final byte FORMAT_VERSION = 1;

    private static final int HEADER_BYTES = 21;

    private final long modelFingerprint;
    private final double[] u;
    private final SplitMix64 random;
    private long frameCount;

    private IpvaeState(long modelFingerprint, double[] u, long frameCount, SplitMix64 random) {
        this.modelFingerprint = modelFingerprint;
        this.u = u;
        this.frameCount = frameCount;
        this.random = random;
    }

    /** A state before the first frame of a session, with the random stream {@code SplitMix64.of(seed)}. */
    public static IpvaeState initial(IpvaeModel model, long seed) {
        return initial(model, SplitMix64.of(seed));
    }

    /**
     * A state before the first frame of a session that draws from {@code random} (for example one
     * {@link SplitMix64#split()} of a job-wide generator per session). The state takes ownership of it.
     */
    public static IpvaeState initial(IpvaeModel model, SplitMix64 random) {
        if (model == null || random == null) {
            throw invalid("a session state needs a model and a random stream");
        }
        return new IpvaeState(model.fingerprint(), model.uInit(), 0, random);
    }

    /** Number of latents K. */
    public int latentCount() {
        return u.length;
    }

    /** Frames processed so far; the next frame's index. */
    public long frameCount() {
        return frameCount;
    }

    /** The fingerprint of the model this state belongs to. */
    public long modelFingerprint() {
        return modelFingerprint;
    }

    /** A copy of the membrane potentials u (log-rates). */
    public double[] logRates() {
        return u.clone();
    }

    /** An independent copy: same u, frame count and random-stream position. */
    public IpvaeState copy() {
        return new IpvaeState(modelFingerprint, u.clone(), frameCount, random.copy());
    }

    /** The versioned byte form described in the class documentation ({@code 37 + 8K} bytes). */
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + 8 * u.length + SplitMix64.STATE_BYTES);
        out.put(FORMAT_VERSION).putLong(modelFingerprint).putLong(frameCount).putInt(u.length);
        for (double v : u) {
            out.putDouble(v);
        }
        random.writeState(out);
        return out.array();
    }

    /**
     * Parses the byte form written by {@link #toBytes()}.
     *
     * @throws InvalidIpvaeException for an unknown version, a length that does not match K, a negative frame
     *     count or K, a non-finite u or a corrupt random-stream state; the message gives offsets and sizes
     */
    public static IpvaeState fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw invalid("iP-VAE state is truncated: %s bytes, the header alone is %d",
                    bytes == null ? "no" : String.valueOf(bytes.length), HEADER_BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != FORMAT_VERSION) {
            throw invalid("iP-VAE state format version %d is not supported (this build reads version %d)",
                    version, FORMAT_VERSION);
        }
        long fingerprint = in.getLong();
        long frameCount = in.getLong();
        if (frameCount < 0) {
            throw invalid("iP-VAE state is corrupt: frame count %d at offset 9 is negative", frameCount);
        }
        int latents = in.getInt();
        long expected = HEADER_BYTES + 8L * latents + SplitMix64.STATE_BYTES;
        if (latents <= 0 || bytes.length != expected) {
            throw invalid("iP-VAE state is corrupt: K = %d at offset 17 needs %d bytes in total, got %d",
                    latents, latents <= 0 ? HEADER_BYTES + SplitMix64.STATE_BYTES : expected, bytes.length);
        }
        double[] u = new double[latents];
        for (int k = 0; k < latents; k++) {
            u[k] = in.getDouble();
            if (!Double.isFinite(u[k])) {
                throw invalid("iP-VAE state is corrupt: u[%d] at offset %d is %s", k, HEADER_BYTES + 8 * k, u[k]);
            }
        }
        try {
            return new IpvaeState(fingerprint, u, frameCount, SplitMix64.readState(in));
        } catch (IllegalArgumentException e) {
            throw invalid("iP-VAE state is corrupt: %s", e.getMessage());
        }
    }

    /** The live u, advanced in place by the engine. */
    double[] u() {
        return u;
    }

    SplitMix64 random() {
        return random;
    }

    void advanceFrame() {
        frameCount++;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IpvaeState[K=%d, frames=%d, model=%016x]", u.length, frameCount,
                modelFingerprint);
    }
}
