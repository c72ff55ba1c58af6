package org.bcistream.streaming.lsl.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.List;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.junit.jupiter.api.Test;

class FeedMessagesTest {
    static final String UID = "b0812d58-fd12-4c3b-bc80-8e04607dc1cb";

    /** Spec 2.9: the request of the captured exchange. */
    static final String CAPTURED_REQUEST = "LSL:streamfeed/110 " + UID + "\r\nNative-Byte-Order: 1234\r\n"
            + "Endian-Performance: 0\r\nHas-IEEE754-Floats: 1\r\nSupports-Subnormals: 1\r\nValue-Size: 4\r\n"
            + "Data-Protocol-Version: 110\r\nMax-Buffer-Length: 360\r\nMax-Chunk-Length: 0\r\nHostname: x\r\n"
            + "Source-Id: src123\r\nSession-Id: default\r\n\r\n";

    /** Spec 2.3 / 2.9: the response of the captured exchange. */
    static final String CAPTURED_RESPONSE = "LSL/110 200 OK\r\nUID: " + UID + "\r\nByte-Order: 1234\r\n"
            + "Suppress-Subnormals: 0\r\nData-Protocol-Version: 110\r\n\r\n";

    static StreamInfo stream(ChannelFormat format) {
        return StreamInfo.builder().name("TestStream").type("EEG").channelCount(3).nominalSrate(100)
                .channelFormat(format).sourceId("src123").uid(UID).sessionId("default").hostname("x")
                .v4("127.0.0.1", 16572, 16572).build();
    }

    static FeedRequest serverSide(String request, int ownValueSize) {
        List<String> lines = List.of(request.split("\r\n"));
        String[] first = lines.get(0).split(" ");
        return FeedRequest.fromHeaders(Integer.parseInt(first[0].substring(FeedRequest.METHOD_PREFIX.length())),
                first.length > 1 ? first[1] : "", lines.subList(1, lines.size()), ownValueSize);
    }

    @Test
    void inletRequestIsTheCapturedOne() {
        assertEquals(CAPTURED_REQUEST, FeedRequest.forStream(stream(ChannelFormat.FLOAT32), 110, 360, 0).encode());
    }

    @Test
    void legacyRequestLine() {
        FeedRequest r = FeedRequest.forStream(stream(ChannelFormat.FLOAT32), 100, 5000, 7);
        assertEquals("LSL:streamfeed\r\n5000 7\r\n", r.encode());
        FeedRequest parsed = FeedRequest.legacy("5000 7");
        assertEquals(5000, parsed.maxBufferLength());
        assertEquals(7, parsed.maxChunkLength());
    }

    @Test
    void capturedExchangeNegotiatesLittleEndian110() {
        FeedResponse r = FeedNegotiation.negotiate(serverSide(CAPTURED_REQUEST, 4), 110, UID, ChannelFormat.FLOAT32);
        assertEquals(CAPTURED_RESPONSE, r.encode());
        assertEquals(360, serverSide(CAPTURED_REQUEST, 4).maxBufferLength());
    }

    @Test
    void serverHeaderParsingQuirks() {
        FeedRequest r = serverSide("LSL:streamfeed/110 " + UID + "\r\nNATIVE-byte-ORDER: 4321 ; a comment: here\r\n"
                + "no colon on this line\r\nHas-IEEE754-Floats: true\r\nSupports-Subnormals: 0\r\n"
                + "Data-Protocol-Version: 100\r\nMax-Buffer-Length: 12\r\n", 4);
        assertEquals(4321, r.byteOrder());
        assertFalse(r.ieee754Floats(), "only the literal 1 is true");
        assertFalse(r.supportsSubnormals());
        assertEquals(110, r.protocolVersionHeader(), "Data-Protocol-Version is not read by the server");
        assertEquals(4, r.valueSize(), "missing Value-Size defaults to the server's own width");
        assertEquals(0, r.maxChunkLength());
        assertEquals(100, serverSide("LSL:streamfeed/110\r\nProtocol-Version: 100\r\n", 4).protocolVersionHeader());
    }

    @Test
    void negotiationRefusesNewerMajorVersionsAndOtherUids() {
        FeedResponse tooNew = FeedNegotiation.negotiate(serverSide("LSL:streamfeed/200 " + UID + "\r\n", 4), 110, UID,
                ChannelFormat.FLOAT32);
        assertEquals("LSL/110 505 Version not supported", tooNew.encode());
        FeedResponse gone = FeedNegotiation.negotiate(serverSide("LSL:streamfeed/110 other\r\n", 4), 110, UID,
                ChannelFormat.FLOAT32);
        assertEquals("LSL/110 404 Not found", gone.encode());
        assertTrue(FeedNegotiation.negotiate(serverSide("LSL:streamfeed/110\r\n", 4), 110, UID, ChannelFormat.FLOAT32)
                .isOk(), "an empty uid matches any stream");
    }

    @Test
    void negotiationDowngradesTo100() {
        String base = "LSL:streamfeed/110 " + UID + "\r\n";
        assertEquals(100, FeedNegotiation.negotiate(serverSide(base + "Value-Size: 8\r\n", 4), 110, UID,
                ChannelFormat.FLOAT32).dataProtocolVersion(), "numeric Value-Size mismatch");
        assertEquals(110, FeedNegotiation.negotiate(serverSide(base + "Value-Size: 32\r\n", 0), 110, UID,
                ChannelFormat.STRING).dataProtocolVersion(), "ignored for strings");
        assertEquals(100, FeedNegotiation.negotiate(serverSide(base + "Has-IEEE754-Floats: 0\r\n", 4), 110, UID,
                ChannelFormat.INT32).dataProtocolVersion());
        assertEquals(100, FeedNegotiation.negotiate(serverSide(base + "Protocol-Version: 100\r\n", 4), 110, UID,
                ChannelFormat.INT32).dataProtocolVersion());
    }

    @Test
    void negotiationHonoursBigEndianClientsAndSubnormals() {
        String base = "LSL:streamfeed/110 " + UID + "\r\nNative-Byte-Order: 4321\r\nEndian-Performance: 2.61299e+06\r\n";
        FeedResponse big = FeedNegotiation.negotiate(serverSide(base + "Supports-Subnormals: 0\r\n", 8), 110, UID,
                ChannelFormat.DOUBLE64);
        assertEquals(4321, big.byteOrder());
        assertEquals(ByteOrder.BIG_ENDIAN, big.order());
        assertTrue(big.suppressSubnormals());
        assertEquals(1234, FeedNegotiation.negotiate(serverSide(base + "Value-Size: 1\r\n", 1), 110, UID,
                ChannelFormat.INT8).byteOrder(), "single bytes are never converted");
        assertEquals(1234, FeedNegotiation.negotiate(serverSide(base.replace("4321", "3412"), 4), 110, UID,
                ChannelFormat.INT32).byteOrder(), "unknown orders are not converted");
        assertFalse(FeedNegotiation.negotiate(serverSide(base + "Supports-Subnormals: 0\r\n", 4), 110, UID,
                ChannelFormat.INT32).suppressSubnormals());
    }

    @Test
    void clientParsesResponses() {
        List<String> headers = List.of(CAPTURED_RESPONSE.split("\r\n")).subList(1, 5);
        FeedResponse r = FeedResponse.parse("LSL/110 200 OK", headers, 4);
        assertEquals(FeedResponse.ok(110, UID, 1234, false, 110), r);
        assertEquals(ByteOrder.LITTLE_ENDIAN, FeedResponse.parse("LSL/100 200 OK", List.of("Byte-Order: 0"), 4).order());
        assertEquals(404, FeedResponse.parse("LSL/110 404 Not found", List.of(), 4).status());
        assertThrows(LslProtocolException.class, () -> FeedResponse.parse("HTTP/1.1 200 OK", List.of(), 4));
        assertThrows(LslProtocolException.class, () -> FeedResponse.parse("LSL/110 200", List.of(), 4));
        assertThrows(LslProtocolException.class,
                () -> FeedResponse.parse("LSL/110 200 OK", List.of("Byte-Order: 2134"), 4));
        assertEquals(4321, FeedResponse.parse("LSL/110 200 OK", List.of("Byte-Order: 2134"), 1).byteOrder());
    }
}
