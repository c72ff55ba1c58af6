package org.bcistream.streaming.lsl.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The time-data exchange on an outlet's UDP service port (spec 3.2), one probe of a clock-offset estimate:
 *
 * <pre>
 *   request  LSL:timedata\r\n&lt;wave_id&gt; &lt;t0&gt;\r\n                       (t0 = inlet clock at sending)
 *   reply     &lt;wave_id&gt; &lt;t0&gt; &lt;t1&gt; &lt;t2&gt;      leading space, no terminator (t1, t2 = outlet clock at
 *                                                    reception and at replying)
 * </pre>
 *
 * Numbers are printed with 16 significant digits. With {@code t3} the inlet clock at reception,
 * {@code rtt = (t3 - t0) - (t2 - t1)} and {@code offset = ((t1 - t0) + (t2 - t3)) / 2} (remote minus local).
 *
 * @param waveId the round's id (a C {@code int})
 * @param t0 inlet clock when the request was sent
 * @param t1 outlet clock when the request arrived
 * @param t2 outlet clock when the reply was formatted
 */
public record TimeProbe(int waveId, double t0, double t1, double t2) {
    /** The request method line. */
    public static final String METHOD = "LSL:timedata";

    /** The request datagram for probe {@code t0} of wave {@code waveId}. */
    public static byte[] encodeRequest(int waveId, double t0) {
        return (METHOD + "\r\n" + waveId + " " + LslNumbers.compact(t0, 16) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The wave id and {@code t0} of a request datagram (without its method line already checked); empty if malformed. */
    public static Optional<TimeProbe> parseRequest(String datagram) {
        String[] lines = datagram.split("\n", 2);
        if (lines.length < 2 || !lines[0].trim().equals(METHOD)) {
            return Optional.empty();
        }
        String[] tokens = lines[1].trim().split("\\s+");
        if (tokens.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeProbe(Integer.parseInt(tokens[0]), Double.parseDouble(tokens[1]), 0, 0));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The reply datagram for a request, with the outlet's receive time {@code t1} and send time {@code t2}. */
    public static byte[] encodeReply(int waveId, double t0, double t1, double t2) {
        return (" " + waveId + " " + LslNumbers.compact(t0, 16) + " " + LslNumbers.compact(t1, 16) + " "
                + LslNumbers.compact(t2, 16)).getBytes(StandardCharsets.UTF_8);
    }

    /** A reply datagram's four numbers; empty if malformed. */
    public static Optional<TimeProbe> parseReply(String datagram) {
        String[] tokens = datagram.trim().split("\\s+");
        if (tokens.length < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeProbe(Integer.parseInt(tokens[0]), Double.parseDouble(tokens[1]),
                    Double.parseDouble(tokens[2]), Double.parseDouble(tokens[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The round-trip time of this probe given the local reception time {@code t3}, excluding the outlet's delay. */
    public double roundTripTime(double t3) {
        return (t3 - t0) - (t2 - t1);
    }

    /** The remote clock minus the local clock, given the local reception time {@code t3}. */
    public double offset(double t3) {
        return ((t1 - t0) + (t2 - t3)) / 2;
    }

    /** The remote clock at the middle of the outlet's handling of this probe. */
    public double remoteTime() {
        return (t2 + t1) / 2;
    }
}
