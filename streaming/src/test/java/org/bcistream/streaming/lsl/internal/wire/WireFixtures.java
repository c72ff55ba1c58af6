package org.bcistream.streaming.lsl.internal.wire;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;

/** Helpers for byte-level tests. */
final class WireFixtures {
    private WireFixtures() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static WireInput input(byte[] bytes) {
        return new WireInput(new ByteArrayInputStream(bytes));
    }
}
