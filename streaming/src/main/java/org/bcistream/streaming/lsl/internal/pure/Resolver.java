package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.LslProtocolException;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.internal.wire.ShortInfoQuery;
import org.bcistream.streaming.lsl.internal.wire.ShortInfoReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot UDP discovery (spec 1.3-1.6), run on the calling thread. Per allowed IP stack (IPv6 first) one socket is
 * bound to the first free port of the range (else any port) and used to send the query and receive replies. Every
 * {@code MulticastMinRTT} seconds a wave goes to the multicast/broadcast/unicast addresses of the resolve scope on
 * the multicast port (multicast groups once per multicast interface); with {@code KnownPeers}, a unicast wave to
 * every port of the range on each peer follows {@code MulticastMinRTT} later and the period grows by
 * {@code UnicastMinRTT}. Replies must echo the query id; results are keyed by uid, and the reply's source address
 * fills the empty address field of its family. The resolve ends when {@code minimum > 0} results are in and
 * {@code minimumTime} has passed, at the timeout, or when cancelled.
 */
final class Resolver {
    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);
    private static final long POLL_MILLIS = 100;

    private final LslConfig config;

    Resolver(LslConfig config) {
        this.config = config;
    }

    /** The query liblsl sends for {@code clause} (null for all streams): {@code session_id='..' [and clause]}. */
    String query(String clause) {
        String q = "session_id='" + config.get(LslOptions.SESSION_ID) + "'";
        return clause == null ? q : q + " and " + clause;
    }

    /**
     * The streams answering {@code query}.
     *
     * @param timeout seconds, {@link Lsl#FOREVER} for no limit
     * @throws LslException if no UDP socket could be opened
     */
    List<StreamInfo> resolve(String query, int minimum, double timeout, double minimumTime,
            BooleanSupplier cancelled) {
        String queryId = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Map<String, StreamInfo> results = new LinkedHashMap<>();
        List<DatagramChannel> channels = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            if (config.allowIpv6()) {
                open(false, selector, channels);
            }
            if (config.allowIpv4()) {
                open(true, selector, channels);
            }
            if (channels.isEmpty()) {
                throw new LslException("could not open a UDP socket for resolving on any allowed IP stack");
            }
            List<InetSocketAddress> peers = knownPeerTargets();
            double multicastPeriod = config.get(LslOptions.MULTICAST_MIN_RTT);
            double unicastDelay = config.get(LslOptions.UNICAST_MIN_RTT);
            long start = System.nanoTime();
            double nextWave = 0;
            double unicastAt = Double.POSITIVE_INFINITY;
            ByteBuffer buffer = ByteBuffer.allocate(65536);
            while (!cancelled.getAsBoolean()) {
                double now = (System.nanoTime() - start) / 1e9;
                if (now >= timeout || (minimum > 0 && results.size() >= minimum && now >= minimumTime)) {
                    break;
                }
                if (now >= nextWave) {
                    for (DatagramChannel c : channels) {
                        sendMulticastWave(c, queryMessage(query, c, queryId));
                    }
                    if (!peers.isEmpty()) {
                        unicastAt = now + multicastPeriod;
                    }
                    nextWave = now + multicastPeriod + (peers.isEmpty() ? 0 : unicastDelay);
                }
                if (now >= unicastAt) {
                    for (DatagramChannel c : channels) {
                        sendTo(c, queryMessage(query, c, queryId), peers);
                    }
                    unicastAt = Double.POSITIVE_INFINITY;
                }
                double until = Math.min(Math.min(nextWave, unicastAt), Math.min(timeout, now + POLL_MILLIS / 1e3));
                if (minimum > 0 && results.size() >= minimum) {
                    until = Math.min(until, minimumTime);
                }
                selector.select(Math.max(1, (long) Math.ceil((until - now) * 1e3)));
                for (SelectionKey key : selector.selectedKeys()) {
                    receive((DatagramChannel) key.channel(), buffer, queryId, results);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new LslException("resolve failed: " + e.getMessage(), e);
        } finally {
            for (DatagramChannel c : channels) {
                try {
                    c.close();
                } catch (IOException e) {
                    LOG.debug("closing a resolve socket: {}", e.toString());
                }
            }
        }
        return new ArrayList<>(results.values());
    }

    private void open(boolean v4, Selector selector, List<DatagramChannel> channels) {
        DatagramChannel c = null;
        try {
            c = DatagramChannel.open(v4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            c.configureBlocking(false);
            if (v4) {
                c.setOption(StandardSocketOptions.SO_BROADCAST, true);
            }
            c.setOption(StandardSocketOptions.IP_MULTICAST_TTL, config.multicastTtl());
            InetAddress wildcard = InetAddress.getByName(v4 ? "0.0.0.0" : "::");
            try {
                PortBinder.bind(c, wildcard, config);
            } catch (BindException e) {
                LOG.warn("Could not bind a resolve socket in the port range; using a random port: {}", e.getMessage());
                c.bind(new InetSocketAddress(wildcard, 0));
            }
            c.register(selector, SelectionKey.OP_READ);
            channels.add(c);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not open an IPv{} resolve socket: {}", v4 ? 4 : 6, e.toString());
            if (c != null) {
                try {
                    c.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
        }
    }

    private static ByteBuffer queryMessage(String query, DatagramChannel c, String queryId) throws IOException {
        int port = ((InetSocketAddress) c.getLocalAddress()).getPort();
        return ByteBuffer.wrap(new ShortInfoQuery(query, port, queryId).encode());
    }

    private void sendMulticastWave(DatagramChannel c, ByteBuffer message) {
        boolean v4 = isV4(c);
        int port = config.get(LslOptions.MULTICAST_PORT);
        List<NetworkInterface> interfaces = Interfaces.multicast(config, v4);
        for (InetAddress target : config.multicastAddresses()) {
            if ((target instanceof Inet4Address) != v4) {
                continue;
            }
            InetSocketAddress to = new InetSocketAddress(target, port);
            if (!target.isMulticastAddress() || interfaces.isEmpty()) {
                send(c, message, to);
                continue;
            }
            for (NetworkInterface ni : interfaces) {
                try {
                    c.setOption(StandardSocketOptions.IP_MULTICAST_IF, ni);
                    send(c, message, to);
                } catch (IOException e) {
                    LOG.debug("Cannot send a query via interface {}: {}", ni.getName(), e.toString());
                }
            }
        }
    }

    private static void sendTo(DatagramChannel c, ByteBuffer message, List<InetSocketAddress> targets) {
        boolean v4 = isV4(c);
        for (InetSocketAddress to : targets) {
            if ((to.getAddress() instanceof Inet4Address) == v4) {
                send(c, message, to);
            }
        }
    }

    private static void send(DatagramChannel c, ByteBuffer message, InetSocketAddress to) {
        try {
            c.send(message.duplicate(), to);
        } catch (IOException e) {
            LOG.debug("Cannot send a query to {}: {}", to, e.toString());
        }
    }

    private static boolean isV4(DatagramChannel c) {
        try {
            return ((InetSocketAddress) c.getLocalAddress()).getAddress() instanceof Inet4Address;
        } catch (IOException e) {
            return true;
        }
    }

    private List<InetSocketAddress> knownPeerTargets() {
        List<InetSocketAddress> out = new ArrayList<>();
        int base = config.get(LslOptions.BASE_PORT);
        int end = Math.min(65536, base + config.get(LslOptions.PORT_RANGE));
        for (String peer : config.get(LslOptions.KNOWN_PEERS)) {
            try {
                for (InetAddress a : InetAddress.getAllByName(peer)) {
                    for (int port = base; port < end; port++) {
                        out.add(new InetSocketAddress(a, port));
                    }
                }
            } catch (UnknownHostException e) {
                LOG.warn("Known peer {} cannot be resolved: {}", peer, e.getMessage());
            }
        }
        return out;
    }

    private static void receive(DatagramChannel c, ByteBuffer buffer, String queryId, Map<String, StreamInfo> results) {
        while (true) {
            InetSocketAddress source;
            buffer.clear();
            try {
                source = (InetSocketAddress) c.receive(buffer);
            } catch (IOException e) {
                LOG.debug("resolve receive: {}", e.toString());
                return;
            }
            if (source == null) {
                return;
            }
            buffer.flip();
            Optional<String> xml = ShortInfoReply.xmlIfFor(queryId, StandardCharsets.UTF_8.decode(buffer).toString());
            if (xml.isEmpty()) {
                continue;
            }
            try {
                merge(StreamInfo.fromXml(xml.get()), source.getAddress(), results);
            } catch (LslProtocolException e) {
                LOG.debug("resolve: ignoring a reply from {}: {}", source, e.getMessage());
            }
        }
    }

    private static void merge(StreamInfo info, InetAddress from, Map<String, StreamInfo> results) {
        StreamInfo known = results.getOrDefault(info.uid(), info);
        String address = from.getHostAddress();
        if (from instanceof Inet4Address && known.v4Address().isEmpty()) {
            known = known.toBuilder().v4Address(address).build();
        } else if (!(from instanceof Inet4Address) && known.v6Address().isEmpty()) {
            known = known.toBuilder().v6Address(address).build();
        }
        results.put(info.uid(), known);
    }
}
