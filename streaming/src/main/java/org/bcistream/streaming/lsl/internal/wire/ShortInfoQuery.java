package org.bcistream.streaming.lsl.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The discovery query datagram (spec 1.3), sent to the multicast port or to the service ports of known peers:
 *
 * <pre>
 *   LSL:shortinfo\r\n
 *   &lt;query&gt;\r\n
 *   &lt;return-port&gt; &lt;query-id&gt;\r\n
 * </pre>
 *
 * The responder replies to the datagram's source address at the return port with {@link ShortInfoReply}. Readers
 * split lines on LF and trim them, as liblsl's UDP servers do.
 *
 * @param query the XPath predicate, e.g. {@code session_id='default' and type='EEG'}
 * @param returnPort the UDP port replies go to
 * @param queryId a token without white space that replies echo
 */
public record ShortInfoQuery(String query, int returnPort, String queryId) {
    /** The method line. */
    public static final String METHOD = "LSL:shortinfo";

    /** The datagram bytes. */
    public byte[] encode() {
        return (METHOD + "\r\n" + query + "\r\n" + returnPort + " " + queryId + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The query in a datagram whose first line, trimmed, is {@code LSL:shortinfo}; empty for another method or a
     * malformed port/id line.
     */
    public static Optional<ShortInfoQuery> parse(String datagram) {
        String[] lines = datagram.split("\n", 3);
        if (lines.length < 3 || !lines[0].trim().equals(METHOD)) {
            return Optional.empty();
        }
        String[] tokens = lines[2].trim().split("\\s+");
        if (tokens.length < 2) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(tokens[0]);
            if (port <= 0 || port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new ShortInfoQuery(lines[1].trim(), port, tokens[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first line of a datagram, trimmed; the method of a UDP request. */
    public static String method(String datagram) {
        int lf = datagram.indexOf('\n');
        return (lf < 0 ? datagram : datagram.substring(0, lf)).trim();
    }
}
