package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.internal.wire.WireInput;

/** {@code LSL:fullinfo\r\n} to an outlet's data port; the outlet answers with the fullinfo XML and closes (spec 1.7). */
final class InfoRequest {
    private static final int MAX_BYTES = 16 << 20;

    private InfoRequest() {}

    /** The full stream info served at {@code data}, within about {@code timeoutMillis}. */
    static StreamInfo fullInfo(InetSocketAddress data, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(data, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write("LSL:fullinfo\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] xml = new WireInput(socket.getInputStream()).readToEnd(MAX_BYTES);
            return StreamInfo.fromXml(new String(xml, StandardCharsets.UTF_8));
        }
    }
}
