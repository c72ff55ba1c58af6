package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.bcistream.streaming.lsl.internal.wire.WireInput;

/** A bare TCP client for byte-level tests against an outlet's data port. */
final class RawClient implements AutoCloseable {
    final Socket socket;
    final WireInput in;

    RawClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new WireInput(socket.getInputStream());
    }

    RawClient(int port) throws IOException {
        this(port, 0);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The response header up to and including the blank line, CRLFs kept. */
    String readHeader() throws IOException {
        StringBuilder b = new StringBuilder();
        String line;
        while ((line = in.readLine(16384, false)) != null) {
            b.append(line).append("\r\n");
            if (line.isEmpty()) {
                break;
            }
        }
        return b.toString();
    }

    String readAll() throws IOException {
        return new String(in.readToEnd(1 << 24), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
