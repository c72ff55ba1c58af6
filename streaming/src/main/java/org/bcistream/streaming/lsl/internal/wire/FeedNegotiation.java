package org.bcistream.streaming.lsl.internal.wire;

import org.bcistream.streaming.lsl.ChannelFormat;

/**
 * The outlet's decisions on a streamfeed request (spec 2.2), in liblsl's order:
 * <ol>
 *   <li>a request whose major version exceeds the server's gets {@code 505 Version not supported};
 *   <li>a non-empty uid other than the outlet's gets {@code 404 Not found};
 *   <li>data version = min(server, the client's {@code Protocol-Version}), downgraded to 100 for a numeric format
 *       whose {@code Value-Size} differs from the outlet's, or when the client lacks IEEE-754 floats;
 *   <li>from 1.10 on, the client's byte order is used only if it differs from ours, is 1234 or 4321, values are wider than one byte, and we convert faster ({@link #SERVER_ENDIAN_PERFORMANCE});
 *   <li>subnormals are suppressed for float formats when the client does not support them.
 * </ol>
 * This server always answers in its own byte order, little endian, unless it converts.
 */
public final class FeedNegotiation {
    /** Native-Byte-Order / Byte-Order value of little endian. */
    public static final int LITTLE_ENDIAN = 1234;
    /** Native-Byte-Order / Byte-Order value of big endian. */
    public static final int BIG_ENDIAN = 4321;
    /** Protocol 1.00 (portable archive). */
    public static final int PROTOCOL_100 = 100;
    /** Protocol 1.10. */
    public static final int PROTOCOL_110 = 110;
    /**
     * The byte-swap speed this server claims: a Java writer swaps for free, so it converts for any client that
     * reports a finite speed.
     */
    public static final double SERVER_ENDIAN_PERFORMANCE = Double.MAX_VALUE;

    private FeedNegotiation() {}

    /**
     * The response to a 1.10 request.
     *
     * @param serverVersion the outlet's configured protocol version
     * @param ownUid the outlet's uid
     * @param format the outlet's channel format
     */
    public static FeedResponse negotiate(FeedRequest request, int serverVersion, String ownUid, ChannelFormat format) {
        if (request.version() / 100 > serverVersion / 100) {
            return FeedResponse.error(serverVersion, 505, "Version not supported");
        }
        if (!request.uid().isEmpty() && !request.uid().equals(ownUid)) {
            return FeedResponse.error(serverVersion, 404, "Not found");
        }
        int data = Math.min(serverVersion, request.protocolVersionHeader());
        if (format != ChannelFormat.STRING && format.valueSize() != request.valueSize()) {
            data = PROTOCOL_100;
        }
        if (!request.ieee754Floats()) {
            data = PROTOCOL_100;
        }
        int order = LITTLE_ENDIAN;
        boolean suppress = false;
        if (data >= PROTOCOL_110) {
            int clientOrder = request.byteOrder();
            if (clientOrder == BIG_ENDIAN && request.valueSize() > 1
                    && SERVER_ENDIAN_PERFORMANCE > request.endianPerformance()) {
                order = clientOrder;
            }
            suppress = format.isFloatingPoint() && !request.supportsSubnormals();
        }
        return FeedResponse.ok(serverVersion, ownUid, order, suppress, data);
    }
}
