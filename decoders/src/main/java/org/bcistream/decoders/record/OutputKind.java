package org.bcistream.decoders.record;

/** What a {@link DecodedOutput} carries. */
public enum OutputKind {
    /** A generated image; payload is PNG bytes. */
    IMAGE,
    /** A generated speech chunk; payload is 16-bit little-endian mono PCM. */
    SPEECH
}
