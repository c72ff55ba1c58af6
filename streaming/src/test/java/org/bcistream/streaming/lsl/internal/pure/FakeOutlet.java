package org.bcistream.streaming.lsl.internal.pure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.StreamInfo;

/**
 * A scripted data server written from the spec, independent of the production encoders: it answers every
 * connection on its port by reading the request (a 1.10 header up to the blank line, or the two legacy lines) and
 * writing fixed bytes. Records the requests.
 */
final class FakeOutlet implements AutoCloseable {
    static final String UID = "0c4a1f5e-2f5a-4a8e-9d7e-2f2d1b8f7a11";

    private final ServerSocket server;
    private final Thread thread;
    final List<String> requests = new CopyOnWriteArrayList<>();

    /**
     * @param reply the bytes written after the request
     * @param hangUp close the connection after the reply (as an outlet does after an error status)
     */
    FakeOutlet(byte[] reply, boolean hangUp) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(reply, hangUp), "fake-outlet");
        thread.setDaemon(true);
        thread.start();
    }

    /** A resolved-looking info for a 3-channel float32 100 Hz stream on this server, protocol {@code version}. */
    StreamInfo info(int version, String sourceId) {
        return StreamInfo.builder().name("fake").type("EEG").channelCount(3).nominalSrate(100)
                .channelFormat(ChannelFormat.FLOAT32).sourceId(sourceId).version(version).uid(UID)
                .sessionId("default").hostname("fake").v4("127.0.0.1", server.getLocalPort(), server.getLocalPort())
                .build();
    }

    private void serve(byte[] reply, boolean hangUp) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                String first = line(in);
                StringBuilder request = new StringBuilder(first).append('\n');
                if (first.startsWith("LSL:streamfeed/")) {
                    for (String l = line(in); !l.isEmpty(); l = line(in)) {
                        request.append(l).append('\n');
                    }
                } else {
                    request.append(line(in)).append('\n');
                }
                requests.add(request.toString());
                OutputStream out = s.getOutputStream();
                out.write(reply);
                out.flush();
                while (!hangUp && in.read() >= 0) {
                    // keep the connection until the inlet hangs up
                }
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- hand encoders, from the spec's descriptions ---------------------------------------------------------

    static byte[] bytes(String... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String p : parts) {
            byte[] chunk = p.startsWith("text:") ? p.substring(5).getBytes(StandardCharsets.UTF_8)
                    : HexFormat.of().parseHex(p.replaceAll("[\\s|]", ""));
            b.write(chunk, 0, chunk.length);
        }
        return b.toByteArray();
    }

    /** A 1.00 string: unsigned length (size byte + little-endian bytes up to the highest non-zero one), bytes. */
    static String archiveString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        String length = n < 0x100 ? String.format("01%02x", n) : String.format("02%02x%02x", n & 0xFF, n >> 8);
        return length + HexFormat.of().formatHex(utf8);
    }
}
