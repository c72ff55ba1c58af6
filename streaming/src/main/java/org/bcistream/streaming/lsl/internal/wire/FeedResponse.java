package org.bcistream.streaming.lsl.internal.wire;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.bcistream.streaming.lsl.LslProtocolException;

/**
 * A streamfeed response (spec 2.3). Success, then the binary data in {@code Byte-Order}:
 *
 * <pre>
 *   LSL/110 200 OK\r\n
 *   UID: &lt;uid&gt;\r\n
 *   Byte-Order: 1234\r\n
 *   Suppress-Subnormals: 0\r\n
 *   Data-Protocol-Version: 110\r\n
 *   \r\n
 * </pre>
 *
 * An error is a single status text without CRLF ({@code LSL/110 404 Not found}, {@code LSL/110 505 Version not
 * supported}) after which the server closes. {@code Data-Protocol-Version: 100} means a 1.00 archive follows.
 *
 * @param serverVersion the version in the status line
 * @param status the status code (200, 404, 505, ...)
 * @param message the status text
 * @param uid the outlet's uid, empty if not sent
 * @param byteOrder 1234 or 4321 (0 from old servers is read as little endian)
 * @param suppressSubnormals whether the receiver must flush subnormal floats to zero
 * @param dataProtocolVersion 110, or 100 for a portable archive
 */
public record FeedResponse(int serverVersion, int status, String message, String uid, int byteOrder,
        boolean suppressSubnormals, int dataProtocolVersion) {

    /** A 200 response. */
    public static FeedResponse ok(int serverVersion, String uid, int byteOrder, boolean suppressSubnormals,
            int dataProtocolVersion) {
        return new FeedResponse(serverVersion, 200, "OK", uid, byteOrder, suppressSubnormals, dataProtocolVersion);
    }

    /** An error response. */
    public static FeedResponse error(int serverVersion, int status, String message) {
        return new FeedResponse(serverVersion, status, message, "", 0, false, 0);
    }

    /** Whether this is a 200 response. */
    public boolean isOk() {
        return status == 200;
    }

    /** The response text: the full header for 200, the bare status line otherwise. */
    public String encode() {
        String statusLine = "LSL/" + serverVersion + " " + status + " " + message;
        if (!isOk()) {
            return statusLine;
        }
        return statusLine + "\r\nUID: " + uid + "\r\nByte-Order: " + byteOrder + "\r\nSuppress-Subnormals: "
                + (suppressSubnormals ? 1 : 0) + "\r\nData-Protocol-Version: " + dataProtocolVersion + "\r\n\r\n";
    }

    /** The byte order of the data that follows. */
    public ByteOrder order() {
        return byteOrder == FeedNegotiation.BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /**
     * Reads a response as liblsl's client does: the status line must have at least three parts and start with
     * {@code LSL/}; headers are read until the blank line; an unknown byte order is an error unless values are
     * single bytes (then any order other than 1234 and 0 means big-endian time stamps, as liblsl).
     *
     * @param statusLine the first line, as received
     * @param headers the following lines up to the blank line (empty for an error status)
     * @param valueSize the stream's value size (0 for strings)
     * @throws LslProtocolException if the response is malformed
     */
    public static FeedResponse parse(String statusLine, List<String> headers, int valueSize) {
        String[] parts = statusLine.trim().split(" +", 3);
        if (parts.length < 3 || !parts[0].startsWith("LSL/")) {
            throw new LslProtocolException("malformed streamfeed response '" + statusLine + "'");
        }
        int version;
        int status;
        try {
            version = (int) LslNumbers.parseIntPrefix(parts[0].substring(4)).orElseThrow();
            status = (int) LslNumbers.parseIntPrefix(parts[1]).orElseThrow();
        } catch (java.util.NoSuchElementException e) {
            throw new LslProtocolException("malformed streamfeed status line '" + statusLine + "'");
        }
        String uid = "";
        int order = FeedNegotiation.LITTLE_ENDIAN;
        boolean suppress = false;
        int data = FeedNegotiation.PROTOCOL_100;
        try {
            for (String line : headers) {
                Optional<HeaderLine> h = HeaderLine.parse(line);
                if (h.isEmpty()) {
                    continue;
                }
                switch (h.get().key()) {
                    case "byte-order":
                        order = h.get().integer();
                        if (order == 0) {
                            order = FeedNegotiation.LITTLE_ENDIAN;
                        }
                        if (order != FeedNegotiation.LITTLE_ENDIAN && order != FeedNegotiation.BIG_ENDIAN) {
                            if (valueSize != 1) {
                                throw new LslProtocolException("the outlet requested byte order " + order
                                        + ", which is not supported");
                            }
                            order = FeedNegotiation.BIG_ENDIAN;
                        }
                        break;
                    case "suppress-subnormals":
                        suppress = h.get().flag();
                        break;
                    case "uid":
                        uid = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    case "data-protocol-version":
                        data = h.get().integer();
                        break;
                    default:
                        break;
                }
            }
        } catch (NumberFormatException e) {
            throw new LslProtocolException("malformed streamfeed response header: " + e.getMessage());
        }
        return new FeedResponse(version, status, parts[2], uid, order, suppress, data);
    }
}
