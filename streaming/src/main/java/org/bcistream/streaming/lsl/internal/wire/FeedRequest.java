package org.bcistream.streaming.lsl.internal.wire;

import java.util.List;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.StreamInfo;

/**
 * A streamfeed request (spec 2.1) as the inlet sends it and the outlet reads it. Protocol 1.10:
 *
 * <pre>
 *   LSL:streamfeed/110 &lt;uid&gt;\r\n
 *   Native-Byte-Order: 1234\r\n   Endian-Performance: 0\r\n   Has-IEEE754-Floats: 1\r\n   Supports-Subnormals: 1\r\n
 *   Value-Size: 4\r\n   Data-Protocol-Version: 110\r\n   Max-Buffer-Length: 360\r\n   Max-Chunk-Length: 0\r\n
 *   Hostname: x\r\n   Source-Id: src123\r\n   Session-Id: default\r\n   \r\n
 * </pre>
 *
 * (one header per line). Protocol 1.00 is {@code LSL:streamfeed\r\n<max_buflen> <max_chunklen>\r\n}. The server
 * reads {@code Protocol-Version}, not {@code Data-Protocol-Version}; {@link #protocolVersionHeader} sends the former
 * when positive. Hostname, Source-Id and Session-Id are the stream's, for information only.
 *
 * @param version the protocol version of the request line (100 = the legacy request)
 * @param uid the expected stream uid, empty for any
 * @param byteOrder 1234 (little endian) or 4321 (big endian)
 * @param endianPerformance the client's byte-swap speed; 0 makes the server convert whenever orders differ
 * @param valueSize bytes per value, 0 for strings
 * @param maxBufferLength samples the server may queue for this connection (0: headers and test patterns only)
 * @param maxChunkLength samples per write, 0 = the server decides
 * @param protocolVersionHeader the {@code Protocol-Version} header, 0 = not sent
 */
public record FeedRequest(int version, String uid, int byteOrder, double endianPerformance, boolean ieee754Floats,
        boolean supportsSubnormals, int valueSize, int maxBufferLength, int maxChunkLength, String hostname,
        String sourceId, String sessionId, int protocolVersionHeader) {

    /** The request prefix of protocol 1.10 and later. */
    public static final String METHOD_PREFIX = "LSL:streamfeed/";
    /** The legacy (1.00) request method. */
    public static final String LEGACY_METHOD = "LSL:streamfeed";

    /** An inlet's request for {@code info} at {@code version}, little endian, with liblsl's header values. */
    public static FeedRequest forStream(StreamInfo info, int version, int maxBufferLength, int maxChunkLength) {
        ChannelFormat f = info.channelFormat();
        return new FeedRequest(version, info.uid(), FeedNegotiation.LITTLE_ENDIAN, 0, true, true, f.valueSize(),
                maxBufferLength, maxChunkLength, info.hostname(), info.sourceId(), info.sessionId(), 0);
    }


    /** The request text. */
    public String encode() {
        if (version < FeedNegotiation.PROTOCOL_110) {
            return LEGACY_METHOD + "\r\n" + maxBufferLength + " " + maxChunkLength + "\r\n";
        }
        StringBuilder b = new StringBuilder(METHOD_PREFIX).append(version).append(' ').append(uid).append("\r\n");
        b.append("Native-Byte-Order: ").append(byteOrder).append("\r\n");
        b.append("Endian-Performance: ").append(LslNumbers.compact(endianPerformance, 6)).append("\r\n");
        b.append("Has-IEEE754-Floats: ").append(ieee754Floats ? 1 : 0).append("\r\n");
        b.append("Supports-Subnormals: ").append(supportsSubnormals ? 1 : 0).append("\r\n");
        b.append("Value-Size: ").append(valueSize).append("\r\n");
        b.append("Data-Protocol-Version: ").append(version).append("\r\n");
        if (protocolVersionHeader > 0) {
            b.append("Protocol-Version: ").append(protocolVersionHeader).append("\r\n");
        }
        b.append("Max-Buffer-Length: ").append(maxBufferLength).append("\r\n");
        b.append("Max-Chunk-Length: ").append(maxChunkLength).append("\r\n");
        b.append("Hostname: ").append(hostname).append("\r\n");
        b.append("Source-Id: ").append(sourceId).append("\r\n");
        b.append("Session-Id: ").append(sessionId).append("\r\n");
        return b.append("\r\n").toString();
    }

    /**
     * The request a server reads from a 1.10 request line's version and uid and the header lines that follow,
     * starting from liblsl's server-side defaults: little endian, performance 0, IEEE floats and subnormals
     * supported, the stream's own value size, the request line's version, and buffer and chunk length 0.
     *
     * @throws NumberFormatException if a numeric header has no number
     */
    public static FeedRequest fromHeaders(int version, String uid, List<String> lines, int ownValueSize) {
        int byteOrder = FeedNegotiation.LITTLE_ENDIAN;
        double performance = 0;
        boolean ieee = true;
        boolean subnormals = true;
        int valueSize = ownValueSize;
        int maxBuffer = 0;
        int maxChunk = 0;
        int protocol = version;
        for (String line : lines) {
            HeaderLine h = HeaderLine.parse(line).orElse(null);
            if (h == null) {
                continue;
            }
            switch (h.key()) {
                case "native-byte-order":
                    byteOrder = h.integer();
                    break;
                case "endian-performance":
                    performance = h.decimal();
                    break;
                case "has-ieee754-floats":
                    ieee = h.flag();
                    break;
                case "supports-subnormals":
                    subnormals = h.flag();
                    break;
                case "value-size":
                    valueSize = h.integer();
                    break;
                case "max-buffer-length":
                    maxBuffer = h.integer();
                    break;
                case "max-chunk-length":
                    maxChunk = h.integer();
                    break;
                case "protocol-version":
                    protocol = h.integer();
                    break;
                default:
                    break;
            }
        }
        return new FeedRequest(version, uid, byteOrder, performance, ieee, subnormals, valueSize, maxBuffer, maxChunk,
                "", "", "", protocol);
    }

    /**
     * The buffer and chunk lengths of a legacy request's parameter line {@code <max_buflen> <max_chunklen>}.
     *
     * @throws NumberFormatException if the line does not hold two integers
     */
    public static FeedRequest legacy(String parameters) {
        String[] tokens = parameters.trim().split("\\s+");
        if (tokens.length < 2) {
            throw new NumberFormatException("legacy streamfeed parameters '" + parameters + "' are not two integers");
        }
        return new FeedRequest(FeedNegotiation.PROTOCOL_100, "", FeedNegotiation.LITTLE_ENDIAN, 0, true, true, 0,
                Integer.parseInt(tokens[0]), Integer.parseInt(tokens[1]), "", "", "", FeedNegotiation.PROTOCOL_100);
    }
}
