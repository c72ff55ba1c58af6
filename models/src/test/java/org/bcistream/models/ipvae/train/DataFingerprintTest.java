package org.bcistream.models.ipvae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** SHA-256 of the frames' big-endian IEEE-754 bytes; expected digests from Python's hashlib and struct. */
class DataFingerprintTest {

    @Test
    void hashesTheValuesBytesRowAfterRow() {
        assertEquals("3e6961fd953c96a2c2324decfdf992ca3abe23821528c3c1c26023415581a8ad",
                DataFingerprint.sha256(new double[][] {{1.0, -2.5}, {0.0}}));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                DataFingerprint.sha256(new double[0][]));
        assertNotEquals(DataFingerprint.sha256(new double[][] {{0.0}}), DataFingerprint.sha256(new double[][] {{-0.0}}));
    }
}
