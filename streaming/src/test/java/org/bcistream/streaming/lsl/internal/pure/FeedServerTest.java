package org.bcistream.streaming.lsl.internal.pure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.LslTestSupport;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.lsl.internal.wire.PortableArchive;
import org.bcistream.streaming.lsl.internal.wire.Protocol110;
import org.bcistream.streaming.lsl.internal.wire.Sample;
import org.bcistream.streaming.lsl.internal.wire.TestPatterns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bare client against the Java outlet's data port, byte for byte (spec 1.7, 2.1-2.6, 2.9). */
class FeedServerTest {
    private LslRuntime lsl;
    private StreamOutlet outlet;
    private String uid;
    private int port;

    @BeforeEach
    void open() {
        lsl = new PureLslRuntime(LslTestSupport.loopbackBuilder().set(LslOptions.SEND_SOCKET_BUFFER_SIZE, 4096).build());
        String name = LslTestSupport.unique("TestStream");
        outlet = lsl.createOutlet(new StreamInfo(name, "EEG", 3, 100.0, ChannelFormat.FLOAT32, "src123"));
        uid = outlet.info().uid();
        port = outlet.info().v4DataPort();
    }

    @AfterEach
    void close() {
        lsl.close();
        LslTestSupport.assertNoLslThreads();
    }

    private String request(String uidPart, String extraHeaders, int maxBuffer) {
        return "LSL:streamfeed/110 " + uidPart + "\r\nNative-Byte-Order: 1234\r\nEndian-Performance: 0\r\n"
                + "Has-IEEE754-Floats: 1\r\nSupports-Subnormals: 1\r\nValue-Size: 4\r\nData-Protocol-Version: 110\r\n"
                + extraHeaders + "Max-Buffer-Length: " + maxBuffer + "\r\nMax-Chunk-Length: 0\r\nHostname: x\r\n"
                + "Source-Id: src123\r\nSession-Id: default\r\n\r\n";
    }

    private static String le(double v, ByteOrder order) {
        return HexFormat.of().formatHex(ByteBuffer.allocate(8).order(order).putDouble(v).array());
    }

    private static String floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return HexFormat.of().formatHex(b.array());
    }

    @Test
    void capturedExchange() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send(request(uid, "", 360));
            assertEquals("LSL/110 200 OK\r\nUID: " + uid + "\r\nByte-Order: 1234\r\nSuppress-Subnormals: 0\r\n"
                    + "Data-Protocol-Version: 110\r\n\r\n", c.readHeader());
            assertEquals("02c976be9f0c24fe40" + "00008040" + "0000a0c0" + "0000c040"
                    + "02c976be9f0c24fe40" + "00000040" + "000040c0" + "00008040",
                    HexFormat.of().formatHex(c.in.readBytes(42)));
            assertTrue(outlet.waitForConsumers(10));
            outlet.pushSample(new float[] {1.5f, -2.25f, 3.0f}, 1028.0);
            outlet.pushChunk(new float[] {10, 11, 12, 20, 21, 22, 30, 31, 32}, 1029.0);
            ByteOrder le = ByteOrder.LITTLE_ENDIAN;
            String expected = "02" + le(1028.0, le) + floats(le, 1.5f, -2.25f, 3.0f)
                    + "02" + le(1029.0 - 2 / 100.0, le) + floats(le, 10, 11, 12)
                    + "01" + floats(le, 20, 21, 22) + "01" + floats(le, 30, 31, 32);
            assertEquals(expected, HexFormat.of().formatHex(c.in.readBytes(expected.length() / 2)));
        }
    }

    @Test
    void bigEndianRequestIsHonoured() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send(request(uid, "", 360).replace("Native-Byte-Order: 1234", "Native-Byte-Order: 4321"));
            assertTrue(c.readHeader().contains("Byte-Order: 4321\r\n"));
            ByteOrder be = ByteOrder.BIG_ENDIAN;
            assertEquals("0240fe240c9fbe76c9" + floats(be, 4, -5, 6) + "0240fe240c9fbe76c9" + floats(be, 2, -3, 4),
                    HexFormat.of().formatHex(c.in.readBytes(42)));
            assertTrue(outlet.waitForConsumers(10));
            outlet.pushSample(new float[] {7, 8, 9}, 55.5);
            assertEquals("02" + le(55.5, be) + floats(be, 7, 8, 9), HexFormat.of().formatHex(c.in.readBytes(21)));
        }
    }

    @Test
    void refusalsAreBareStatusLines() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send(request(uid, "", 360).replace("streamfeed/110", "streamfeed/200"));
            assertEquals("LSL/110 505 Version not supported", c.readAll());
        }
        try (RawClient c = new RawClient(port)) {
            c.send(request("not-" + uid, "", 360));
            assertEquals("LSL/110 404 Not found", c.readAll());
        }
    }

    @Test
    void zeroMaxBufferLengthGetsPatternsOnly() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send(request(uid, "", 0));
            c.readHeader();
            c.in.readBytes(42);
            outlet.pushSample(new float[] {1, 2, 3});
            assertFalse(outlet.haveConsumers());
            c.socket.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> c.in.readUnsignedByte());
        }
    }

    @Test
    void protocolVersionHeaderForcesThePortableArchive() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send(request(uid, "Protocol-Version: 100\r\n", 360));
            assertTrue(c.readHeader().contains("Data-Protocol-Version: 100\r\n"));
            checkArchive(c);
        }
    }

    @Test
    void legacyRequestGetsTheArchiveStraightAway() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send("LSL:streamfeed\r\n360 0\r\n");
            checkArchive(c);
        }
    }

    private void checkArchive(RawClient c) throws IOException {
        assertEquals(uid, StreamInfo.fromXml(PortableArchive.readHeader(c.in)).uid());
        PortableArchive.readClassHeader(c.in);
        Sample s = new Sample(ChannelFormat.FLOAT32, 3);
        for (int offset : TestPatterns.OFFSETS) {
            PortableArchive.readSample(c.in, s);
            assertTrue(s.sameValues(TestPatterns.of(ChannelFormat.FLOAT32, 3, offset)));
        }
        assertTrue(outlet.waitForConsumers(10));
        outlet.pushChunk(new float[] {1, 2, 3, 4, 5, 6}, 2, 20.0, true);
        PortableArchive.readSample(c.in, s);
        assertEquals(19.99, s.timestamp(), 1e-12);
        PortableArchive.readSample(c.in, s);
        assertTrue(s.isDeduced());
        assertEquals(6f, s.getFloat(2));
    }

    @Test
    void infoRequests() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send("LSL:fullinfo\r\n");
            assertEquals(outlet.info().toFullInfoXml(), c.readAll());
        }
        try (RawClient c = new RawClient(port)) {
            c.send("LSL:shortinfo\r\nsource_id='src123'\r\n");
            assertEquals(outlet.info().toShortInfoXml(), c.readAll());
        }
        try (RawClient c = new RawClient(port)) {
            c.send("LSL:shortinfo\r\nsource_id='other'\r\n");
            assertEquals("", c.readAll(), "no match: closed without a reply");
        }
        try (RawClient c = new RawClient(port)) {
            c.send("LSL:bogus\r\n");
            assertEquals("", c.readAll());
        }
    }

    @Test
    void aStalledConsumerLosesItsOldestSamplesAtTheOutlet() throws IOException {
        StreamInfo wide = new StreamInfo(LslTestSupport.unique("wide"), "EEG", 256, 1000.0, ChannelFormat.FLOAT32, "");
        try (StreamOutlet big = lsl.createOutlet(wide); RawClient c = new RawClient(big.info().v4DataPort(), 4096)) {
            c.send(request(big.info().uid(), "", 5));
            c.readHeader();
            Sample s = new Sample(ChannelFormat.FLOAT32, 256);
            skipPatterns(c, s);
            assertTrue(big.waitForConsumers(10));
            int pushed = 4000;
            float[] values = new float[256];
            for (int k = 0; k < pushed; k++) {
                values[0] = k;
                big.pushSample(values, k + 1.0);
            }
            int received = 0;
            float last = -1;
            while (last < pushed - 1) {
                Protocol110.read(c.in, s, false);
                assertTrue(s.getFloat(0) > last, "in order, no repeats");
                last = s.getFloat(0);
                received++;
            }
            assertTrue(received < pushed, "the outlet dropped samples: received " + received + " of " + pushed);
            assertEquals(pushed - 1, (int) last, "the newest sample is never dropped");
        }
    }

    /** Reads and checks the two test patterns of a 1.10 stream. */
    private static void skipPatterns(RawClient c, Sample s) throws IOException {
        for (int offset : TestPatterns.OFFSETS) {
            Protocol110.read(c.in, s, false);
            assertTrue(s.sameValues(TestPatterns.of(s.format(), s.channelCount(), offset)));
        }
    }
}
