package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.internal.wire.FeedNegotiation;
import org.bcistream.streaming.lsl.internal.wire.FeedRequest;
import org.bcistream.streaming.lsl.internal.wire.FeedResponse;
import org.bcistream.streaming.lsl.internal.wire.PortableArchive;
import org.bcistream.streaming.lsl.internal.wire.Protocol110;
import org.bcistream.streaming.lsl.internal.wire.Sample;
import org.bcistream.streaming.lsl.internal.wire.TestPatterns;
import org.bcistream.streaming.lsl.internal.wire.WireInput;

/**
 * The inlet's end of one data connection (liblsl's {@code data_receiver} connection setup): connects, sends the
 * streamfeed request (1.10 if both sides speak it, else the legacy 1.00 request), checks the response, reads the 1.00
 * archive header if the data protocol is 1.00, and verifies both test-pattern samples bit-exactly. Afterwards
 * {@link #read} returns the samples. Closing the socket from another thread ends a blocked read.
 */
final class FeedClient implements AutoCloseable {
    private static final int MAX_LINE = 16384;
    private static final int CONNECT_MILLIS = 5000;

    private final Socket socket;
    private final WireInput in;
    private final boolean legacy;
    private final boolean suppressSubnormals;
    private final long[] values;

    private FeedClient(Socket socket, WireInput in, boolean legacy, boolean suppressSubnormals, int channelCount) {
        this.socket = socket;
        this.in = in;
        this.legacy = legacy;
        this.suppressSubnormals = suppressSubnormals;
        this.values = new long[channelCount];
    }

    /**
     * Opens a verified data connection to {@code endpoint}; {@code socketRef} receives the socket first so another
     * thread can cancel the handshake.
     *
     * @param bufferSamples the inlet's buffer in samples (Max-Buffer-Length)
     * @param maxChunkLength the requested chunk length
     * @throws StreamGoneException if the outlet no longer serves this uid
     * @throws LslProtocolException if the outlet breaks the protocol
     * @throws IOException if the connection fails
     */
    static FeedClient open(Endpoint endpoint, int bufferSamples, int maxChunkLength, LslConfig config,
            Consumer<Socket> socketRef) throws IOException {
        StreamInfo info = endpoint.info();
        Socket socket = new Socket();
        socketRef.accept(socket);
        boolean ok = false;
        try {
            socket.setTcpNoDelay(true);
            int receive = config.get(LslOptions.RECEIVE_SOCKET_BUFFER_SIZE);
            if (receive > 0) {
                socket.setReceiveBufferSize(receive);
            }
            int send = config.get(LslOptions.SEND_SOCKET_BUFFER_SIZE);
            if (send > 0) {
                socket.setSendBufferSize(send);
            }
            socket.connect(endpoint.data(), CONNECT_MILLIS);
            WireInput in = new WireInput(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int version = Math.min(config.protocolVersion(), info.version());
            FeedRequest request = FeedRequest.forStream(info, version, bufferSamples, maxChunkLength);
            out.write(request.encode().getBytes(StandardCharsets.UTF_8));
            out.flush();
            FeedResponse response = version >= FeedNegotiation.PROTOCOL_110
                    ? readResponse(in, info, config.protocolVersion())
                    : FeedResponse.ok(version, info.uid(), FeedNegotiation.LITTLE_ENDIAN, false,
                            FeedNegotiation.PROTOCOL_100);
            boolean legacy = response.dataProtocolVersion() < FeedNegotiation.PROTOCOL_110;
            if (legacy) {
                String shortInfo = PortableArchive.readHeader(in);
                String uid = StreamInfo.fromXml(shortInfo).uid();
                if (!uid.equals(info.uid())) {
                    throw new StreamGoneException("the 1.00 archive is for uid " + uid + ", expected " + info.uid());
                }
                PortableArchive.readClassHeader(in);
            } else {
                in.setByteOrder(response.order());
            }
            FeedClient client = new FeedClient(socket, in, legacy, response.suppressSubnormals(), info.channelCount());
            client.checkTestPatterns(info);
            ok = true;
            return client;
        } finally {
            if (!ok) {
                socket.close();
            }
        }
    }

    private static FeedResponse readResponse(WireInput in, StreamInfo info, int ownVersion) throws IOException {
        String status = in.readLine(MAX_LINE, false);
        if (status == null) {
            throw new IOException("connection closed before the streamfeed response");
        }
        List<String> headers = new ArrayList<>();
        FeedResponse head = FeedResponse.parse(status, headers, info.channelFormat().valueSize());
        if (head.serverVersion() / 100 > ownVersion / 100) {
            throw new LslProtocolException("the outlet's protocol version " + head.serverVersion()
                    + " is too new for this inlet (" + ownVersion + ")");
        }
        if (head.status() == 404) {
            throw new StreamGoneException("the outlet does not serve the resolved stream any more: " + status);
        }
        if (head.status() >= 400) {
            throw new LslProtocolException("the outlet sent an error: " + status);
        }
        if (head.status() >= 300) {
            throw new StreamGoneException("the outlet requested a redirect: " + status);
        }
        while (true) {
            String line = in.readLine(MAX_LINE, false);
            if (line == null) {
                throw new IOException("connection closed inside the streamfeed response header");
            }
            if (line.isEmpty()) {
                break;
            }
            headers.add(line);
        }
        FeedResponse response = FeedResponse.parse(status, headers, info.channelFormat().valueSize());
        if (!response.uid().isEmpty() && !response.uid().equals(info.uid())) {
            throw new StreamGoneException("the outlet's uid " + response.uid() + " does not match " + info.uid());
        }
        if (response.dataProtocolVersion() > ownVersion) {
            throw new LslProtocolException("the outlet requested data protocol " + response.dataProtocolVersion()
                    + ", which this inlet (" + ownVersion + ") does not support");
        }
        return response;
    }

    private void checkTestPatterns(StreamInfo info) throws IOException {
        Sample received = new Sample(info.channelFormat(), info.channelCount());
        for (int offset : TestPatterns.OFFSETS) {
            Sample expected = TestPatterns.of(info.channelFormat(), info.channelCount(), offset);
            read(received);
            if (!received.sameValues(expected) || received.timestamp() != TestPatterns.TIMESTAMP) {
                throw new LslProtocolException("the received test-pattern samples do not match the specification "
                        + "(expected " + expected + ", got " + received + "); the protocol formats are likely "
                        + "incompatible");
            }
        }
    }

    /** Reads the next sample; a deduced one has time stamp {@code Lsl.DEDUCED_TIMESTAMP}. */
    void read(Sample s) throws IOException {
        if (legacy) {
            PortableArchive.readSample(in, s);
        } else {
            Protocol110.read(in, s, suppressSubnormals, values);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
