package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.internal.wire.FeedNegotiation;
import org.bcistream.streaming.lsl.internal.wire.FeedRequest;
import org.bcistream.streaming.lsl.internal.wire.FeedResponse;
import org.bcistream.streaming.lsl.internal.wire.LslNumbers;
import org.bcistream.streaming.lsl.internal.wire.PortableArchive;
import org.bcistream.streaming.lsl.internal.wire.Protocol110;
import org.bcistream.streaming.lsl.internal.wire.Sample;
import org.bcistream.streaming.lsl.internal.wire.ShortInfoQuery;
import org.bcistream.streaming.lsl.internal.wire.TestPatterns;
import org.bcistream.streaming.lsl.internal.wire.WireInput;
import org.bcistream.streaming.lsl.internal.wire.WireOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to an outlet's data port (liblsl's {@code client_session}). The first line (CRLF-terminated)
 * selects:
 * <ul>
 *   <li>{@code LSL:shortinfo} + a query line: the shortinfo if the query matches, then close;
 *   <li>{@code LSL:fullinfo}: the fullinfo, then close;
 *   <li>{@code LSL:streamfeed/<version> [uid]} + headers up to a blank line: the negotiated response (or an error
 *       status and close), the test patterns, then the stream in 1.10 layout or as a 1.00 archive;
 *   <li>{@code LSL:streamfeed} + {@code <max_buflen> <max_chunklen>}: a 1.00 archive straight away;
 *   <li>anything else: close.
 * </ul>
 * While streaming, the connection owns a {@link SampleRing} of {@code min(Max-Buffer-Length, outlet buffer)}
 * samples that drops its oldest sample when the client falls behind; samples are written when one was pushed with
 * pushthrough or the chunk length is reached. The queue is registered before the test patterns are sent (liblsl
 * registers it after), so a client that has verified them receives every later push. {@code Max-Buffer-Length: 0}
 * gets headers and test patterns only.
 */
final class FeedSession implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSession.class);
    private static final int MAX_LINE = 16384;
    private static final int MAX_HEADERS = 256;

    private final SocketChannel socket;
    private final OutletContext context;
    private volatile SampleRing queue;

    FeedSession(SocketChannel socket, OutletContext context) {
        this.socket = socket;
        this.context = context;
    }

    /** Closes the connection and the session's queue, which ends the session. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a data connection: {}", e.toString());
        }
        SampleRing q = queue;
        if (q != null) {
            q.close();
        }
    }

    @Override
    public void run() {
        try (InputStream rawIn = Channels.newInputStream(socket);
                OutputStream out = Channels.newOutputStream(socket)) {
            WireInput in = new WireInput(rawIn);
            String line = in.readLine(MAX_LINE, true);
            if (line == null) {
                return;
            }
            String method = line.trim();
            if (method.equals(ShortInfoQuery.METHOD)) {
                String query = in.readLine(MAX_LINE, true);
                if (query != null && context.matcher().matches(query.trim())) {
                    out.write(context.shortInfoXml().getBytes(StandardCharsets.UTF_8));
                }
            } else if (method.equals("LSL:fullinfo")) {
                out.write(context.fullInfoXml().getBytes(StandardCharsets.UTF_8));
            } else if (method.equals(FeedRequest.LEGACY_METHOD)) {
                String parameters = in.readLine(MAX_LINE, true);
                if (parameters != null) {
                    FeedRequest request = FeedRequest.legacy(parameters);
                    stream(in, out, request, FeedResponse.ok(context.config().protocolVersion(), context.info().uid(),
                            FeedNegotiation.LITTLE_ENDIAN, false, FeedNegotiation.PROTOCOL_100), false);
                }
            } else if (method.startsWith(FeedRequest.METHOD_PREFIX)) {
                String[] parts = method.split(" +");
                int version = (int) LslNumbers.parseIntPrefix(parts[0].substring(FeedRequest.METHOD_PREFIX.length()))
                        .orElseThrow(() -> new NumberFormatException("no version in '" + method + "'"));
                String uid = parts.length > 1 ? parts[1] : "";
                FeedRequest request = FeedRequest.fromHeaders(version, uid, readHeaders(in),
                        context.info().channelFormat().valueSize());
                FeedResponse response = FeedNegotiation.negotiate(request, context.config().protocolVersion(),
                        context.info().uid(), context.info().channelFormat());
                if (!response.isOk()) {
                    out.write(response.encode().getBytes(StandardCharsets.US_ASCII));
                    LOG.debug("streamfeed request refused: {}", response.encode());
                    return;
                }
                stream(in, out, request, response, true);
            } else {
                LOG.debug("unknown request '{}' on the data port of {}", method, context.info().name());
            }
        } catch (SocketException | java.nio.channels.ClosedChannelException e) {
            LOG.debug("data connection of {} closed: {}", context.info().name(), e.toString());
        } catch (IOException | NumberFormatException | LslProtocolException e) {
            LOG.debug("data connection of {} ended: {}", context.info().name(), e.toString());
        } finally {
            close();
        }
    }

    private static List<String> readHeaders(WireInput in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine(MAX_LINE, true);
            if (line == null || line.isEmpty()) {
                return lines;
            }
            if (lines.size() == MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            lines.add(line);
        }
    }

    private void stream(WireInput in, OutputStream out, FeedRequest request, FeedResponse response, boolean textHeader)
            throws IOException {
        boolean legacy = response.dataProtocolVersion() < FeedNegotiation.PROTOCOL_110;
        WireOutput buffer = new WireOutput(legacy ? ByteOrder.LITTLE_ENDIAN : response.order());
        if (textHeader) {
            buffer.putText(response.encode());
        }
        if (legacy) {
            PortableArchive.writeHeader(buffer, context.shortInfoXml());
            PortableArchive.writeClassHeader(buffer);
        }
        Sample pattern = new Sample(context.info().channelFormat(), context.info().channelCount());
        for (int offset : TestPatterns.OFFSETS) {
            TestPatterns.fill(pattern, offset);
            write(pattern, buffer, legacy);
        }
        if (request.maxBufferLength() <= 0) {
            // liblsl's quirk: no queue, nothing more is sent; wait for the client to hang up
            buffer.writeTo(out);
            in.skipToEnd();
            return;
        }
        // registered before the test patterns go out, so a client that has checked them misses no later push
        SampleRing queue = new SampleRing(Math.min(request.maxBufferLength(), context.bufferSamples()),
                context.info().channelFormat(), context.info().channelCount());
        this.queue = queue;
        context.consumers().add(queue);
        try {
            buffer.writeTo(out);
            int chunk = request.maxChunkLength() > 0 ? request.maxChunkLength()
                    : context.chunkSize() > 0 ? context.chunkSize() : Integer.MAX_VALUE;
            int[] inChunk = {0};
            boolean[] flush = {false};
            SampleRing.SampleConsumer serializer = (s, i) -> {
                write(s, buffer, legacy);
                if (s.pushthrough() || ++inChunk[0] >= chunk) {
                    flush[0] = true;
                    inChunk[0] = 0;
                }
            };
            while (socket.isOpen()) {
                int n = queue.poll(Integer.MAX_VALUE, Long.MAX_VALUE, false, serializer);
                if (n == 0 && queue.isClosed()) {
                    return;
                }
                if (flush[0]) {
                    buffer.writeTo(out);
                    flush[0] = false;
                }
            }
        } finally {
            context.consumers().remove(queue);
            queue.close();
        }
    }

    private static void write(Sample s, WireOutput buffer, boolean legacy) {
        if (legacy) {
            PortableArchive.writeSample(buffer, s);
        } else {
            Protocol110.write(s, buffer);
        }
    }
}
