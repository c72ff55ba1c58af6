package org.bcistream.streaming.lsl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Shared fixtures of the LSL tests: a loopback-only configuration (unicast discovery through KnownPeers = 127.0.0.1,
 * machine scope, ports away from the LSL defaults, short waves and time rounds so tests take seconds), unique stream
 * names, and a check that no LSL thread outlives its runtime.
 */
public final class LslTestSupport {
    /** The multicast (responder) port of the test configuration. */
    public static final int MULTICAST_PORT = 26571;
    /** The first port of the test configuration's range. */
    public static final int BASE_PORT = 26572;

    private LslTestSupport() {}

    /** Loopback discovery via KnownPeers, fast resolve waves and time-probe rounds. */
    public static LslConfig loopbackConfig() {
        return loopbackBuilder().build();
    }

    /** {@link #loopbackConfig()} as a builder. */
    public static LslConfig.Builder loopbackBuilder() {
        return LslConfig.builder()
                .set(LslOptions.IMPLEMENTATION, LslImplementation.JAVA)
                .set(LslOptions.MULTICAST_PORT, MULTICAST_PORT)
                .set(LslOptions.BASE_PORT, BASE_PORT)
                .set(LslOptions.RESOLVE_SCOPE, ResolveScope.MACHINE)
                .set(LslOptions.KNOWN_PEERS, List.of("127.0.0.1"))
                .set(LslOptions.MULTICAST_MIN_RTT, 0.1)
                .set(LslOptions.UNICAST_MIN_RTT, 0.1)
                .set(LslOptions.TIME_PROBE_INTERVAL, 0.01)
                .set(LslOptions.TIME_PROBE_MAX_RTT, 0.05)
                .set(LslOptions.TIME_UPDATE_INTERVAL, 0.5);
    }

    /** A UDP port that was free a moment ago. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A stream name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits up to 10 s until {@code inlet} has buffered at least {@code samples} samples. */
    public static void awaitAvailable(StreamInlet inlet, int samples) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (inlet.samplesAvailable() < samples) {
            if (System.nanoTime() > deadline) {
                fail("only " + inlet.samplesAvailable() + " of " + samples + " samples arrived");
            }
            sleep(5);
        }
    }

    /** Sleeps, keeping the interrupt flag. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails if a thread named {@code lsl-...} is still alive after up to 5 s. */
    public static void assertNoLslThreads() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(n -> n.startsWith("lsl-")).sorted().collect(Collectors.toList());
            if (alive.isEmpty()) {
                return;
            }
            sleep(20);
        } while (System.nanoTime() < deadline);
        fail("LSL threads still running: " + alive);
    }
}
