package org.bcistream.streaming.lsl.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The reply to a {@link ShortInfoQuery} (spec 1.5): the echoed query id, CRLF, then the shortinfo XML. There is no
 * reply when the query does not match.
 */
public final class ShortInfoReply {
    private ShortInfoReply() {}

    /** The datagram bytes. */
    public static byte[] encode(String queryId, String shortInfoXml) {
        return (queryId + "\r\n" + shortInfoXml).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The XML of a reply whose first line, trimmed at the end, equals {@code queryId}; empty for other datagrams.
     */
    public static Optional<String> xmlIfFor(String queryId, String datagram) {
        int lf = datagram.indexOf('\n');
        if (lf < 0 || !datagram.substring(0, lf).stripTrailing().equals(queryId)) {
            return Optional.empty();
        }
        return Optional.of(datagram.substring(lf + 1));
    }
}
