package org.bcistream.models.ipvae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IpvaeStateTest {
    private final IpvaeModel model = SpecFixtures.randomModel(new Random(3), 6, 4, 0.5);

    @Test
    void bytesRoundTripExactly() {
        IpvaeState state = advanced(7);
        byte[] bytes = state.toBytes();
        assertEquals(37 + 8 * 4, bytes.length);
        IpvaeState restored = IpvaeState.fromBytes(bytes);
        assertArrayEquals(bytes, restored.toBytes());
        assertEquals(7, restored.frameCount());
        assertEquals(model.fingerprint(), restored.modelFingerprint());
        assertArrayEquals(state.logRates(), restored.logRates());
    }

    @Test
    void layoutIsTheDocumentedOne() {
        IpvaeState state = IpvaeState.initial(model, 42);
        ByteBuffer bytes = ByteBuffer.wrap(state.toBytes());
        assertEquals(IpvaeState.FORMAT_VERSION, bytes.get());
        assertEquals(model.fingerprint(), bytes.getLong());
        assertEquals(0, bytes.getLong());
        assertEquals(4, bytes.getInt());
        double[] uInit = model.uInit();
        for (int k = 0; k < 4; k++) {
            assertEquals(uInit[k], bytes.getDouble());
        }
        assertEquals(42 + 0L, bytes.getLong(), "SplitMix64 seed before any draw");
        assertEquals(0x9e3779b97f4a7c15L, bytes.getLong(), "golden gamma");
        assertEquals(0, bytes.remaining());
    }

    @Test
    void copyIsIndependent() {
        IpvaeState state = advanced(2);
        IpvaeState copy = state.copy();
        IpvaeEngine.sparse(model, IpvaeConfig.defaults()).step(state, new double[6], new IpvaeFrame(4));
        assertEquals(2, copy.frameCount());
        assertEquals(3, state.frameCount());
    }

    @Test
    void corruptBytesAreRefusedWithTheReason() {
        byte[] good = advanced(3).toBytes();
        refused(good, b -> b[0] = 2, "format version 2 is not supported (this build reads version 1)");
        refused(good, b -> ByteBuffer.wrap(b).putLong(9, -1), "frame count -1 at offset 9 is negative");
        refused(good, b -> ByteBuffer.wrap(b).putInt(17, 5), "K = 5 at offset 17 needs 77 bytes in total, got 69");
        refused(good, b -> ByteBuffer.wrap(b).putInt(17, -1), "K = -1");
        refused(good, b -> ByteBuffer.wrap(b).putDouble(21 + 8, Double.NaN), "u[1] at offset 29 is NaN");
        refused(good, b -> b[good.length - 1] &= (byte) 0xfe, "gamma");
        assertMessage(() -> IpvaeState.fromBytes(new byte[10]), "truncated: 10 bytes");
        byte[] longer = ByteBuffer.allocate(good.length + 1).put(good).array();
        assertMessage(() -> IpvaeState.fromBytes(longer), "needs 69 bytes in total, got 70");
    }

    private IpvaeState advanced(int frames) {
        IpvaeEngine engine = IpvaeEngine.sparse(model, IpvaeConfig.defaults());
        IpvaeState state = IpvaeState.initial(model, 11);
        IpvaeFrame frame = new IpvaeFrame(4);
        Random random = new Random(8);
        for (int t = 0; t < frames; t++) {
            engine.step(state, SpecFixtures.gaussian(random, 6), frame);
        }
        return state;
    }

    private static void refused(byte[] good, Consumer<byte[]> corrupt, String expected) {
        byte[] bad = good.clone();
        corrupt.accept(bad);
        assertMessage(() -> IpvaeState.fromBytes(bad), expected);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String expected) {
        InvalidIpvaeException e = assertThrows(InvalidIpvaeException.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
