package org.bcistream.models.ipvae.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies training data: the SHA-256 of the frames' bytes, every value as its 8 IEEE-754 bytes,
 * big-endian, row after row. The shape is not hashed (N×M and M×N data with the same values in the same
 * order hash alike); record it beside the fingerprint. Stateless.
 */
public final class DataFingerprint {
    private DataFingerprint() {}

    /** The SHA-256 of {@code frames} as lowercase hex (64 characters). */
    public static String sha256(double[][] frames) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        for (double[] row : frames) {
            ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * row.length);
            bytes.asDoubleBuffer().put(row);
            digest.update(bytes.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
