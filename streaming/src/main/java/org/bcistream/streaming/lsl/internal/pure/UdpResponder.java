package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bcistream.streaming.lsl.internal.wire.ShortInfoQuery;
import org.bcistream.streaming.lsl.internal.wire.ShortInfoReply;
import org.bcistream.streaming.lsl.internal.wire.TimeProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers UDP requests for one outlet (liblsl's {@code udp_server}): {@code LSL:shortinfo} queries that match the
 * stream get the shortinfo, sent to the datagram's source address at the query's return port; on the service socket
 * also {@code LSL:timedata} probes, answered to the source address and port with the outlet's receive and send
 * times. Responders on the multicast port ignore time probes. Other methods are ignored. Runs until the channel is
 * closed.
 */
final class UdpResponder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpResponder.class);
    private static final int MAX_DATAGRAM = 65536;

    private final DatagramChannel channel;
    private final OutletContext context;
    private final boolean timeService;

    UdpResponder(DatagramChannel channel, OutletContext context, boolean timeService) {
        this.channel = channel;
        this.context = context;
        this.timeService = timeService;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                double t1 = context.clock().now();
                buffer.flip();
                String request = StandardCharsets.UTF_8.decode(buffer).toString();
                String method = ShortInfoQuery.method(request);
                if (method.equals(ShortInfoQuery.METHOD)) {
                    answerQuery(request, source);
                } else if (timeService && method.equals(TimeProbe.METHOD)) {
                    Optional<TimeProbe> probe = TimeProbe.parseRequest(request);
                    if (probe.isPresent()) {
                        byte[] reply = TimeProbe.encodeReply(probe.get().waveId(), probe.get().t0(), t1,
                                context.clock().now());
                        channel.send(ByteBuffer.wrap(reply), source);
                    }
                } else {
                    LOG.debug("Unknown method '{}' received by the UDP server of {}", method, context.info().name());
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (channel.isOpen()) {
                    LOG.debug("UDP server of {}: hiccup during request processing: {}", context.info().name(),
                            e.toString());
                }
            }
        }
    }

    private void answerQuery(String request, InetSocketAddress source) throws IOException {
        Optional<ShortInfoQuery> query = ShortInfoQuery.parse(request);
        if (query.isEmpty() || !context.matcher().matches(query.get().query())) {
            return;
        }
        byte[] reply = ShortInfoReply.encode(query.get().queryId(), context.shortInfoXml());
        channel.send(ByteBuffer.wrap(reply), new InetSocketAddress(source.getAddress(), query.get().returnPort()));
    }
}
