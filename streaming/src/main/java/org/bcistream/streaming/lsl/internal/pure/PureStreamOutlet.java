package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslClock;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslException;
import org.bcistream.streaming.lsl.LslOptions;
import org.bcistream.streaming.lsl.OutletOptions;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.lsl.internal.wire.QueryMatcher;
import org.bcistream.streaming.lsl.internal.wire.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-Java outlet. Per allowed IP stack it opens a TCP data acceptor and a UDP service socket on the first free
 * ports of the configured range and a responder on the multicast port (reuse-address, joined to the multicast
 * groups of its family on every multicast interface), then serves them on named daemon threads: discovery replies,
 * time probes, info requests and one feed thread per consumer. Pushes convert into a scratch sample and copy it into
 * every consumer's queue; they never block on the network.
 */
public final class PureStreamOutlet implements StreamOutlet {
    private static final Logger LOG = LoggerFactory.getLogger(PureStreamOutlet.class);

    private final OutletContext context;
    private final int channelCount;
    private final double srate;
    private final boolean forceDefaultTimestamps;
    private final Sample scratch;
    private final List<AbstractInterruptibleChannel> udpChannels = new ArrayList<>();
    private final List<DataServer> dataServers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    /**
     * Opens the sockets and starts serving {@code declared}.
     *
     * @param hostname the host name to publish
     * @throws LslException if neither IP stack could be opened
     */
    public PureStreamOutlet(StreamInfo declared, OutletOptions options, LslConfig config, LslClock clock,
            String hostname) {
        StreamInfo.Builder info = declared.toBuilder().uid(UUID.randomUUID().toString()).createdAt(clock.now())
                .sessionId(config.get(LslOptions.SESSION_ID)).hostname(hostname).version(config.protocolVersion())
                .v4("", 0, 0).v6("", 0, 0);
        List<ServerSocketChannel> acceptors = new ArrayList<>();
        List<DatagramChannel> services = new ArrayList<>();
        List<DatagramChannel> responders = new ArrayList<>();
        String prefix = "lsl-outlet-" + Threads.shortName(declared.name());
        try {
            for (boolean v4 : new boolean[] {true, false}) {
                if (!(v4 ? config.allowIpv4() : config.allowIpv6())) {
                    continue;
                }
                try {
                    openStack(v4, config, info, acceptors, services, responders);
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.warn("Could not instantiate the IPv{} stack for outlet {}: {}", v4 ? 4 : 6, declared.name(),
                            e.toString());
                }
            }
            if (acceptors.isEmpty()) {
                throw new LslException("neither the IPv4 nor the IPv6 stack could be instantiated for outlet "
                        + declared.name());
            }
        } catch (RuntimeException e) {
            closeAll(acceptors, services, responders);
            throw e;
        }
        StreamInfo published = info.build();
        this.channelCount = published.channelCount();
        this.srate = published.nominalSrate();
        this.forceDefaultTimestamps = config.get(LslOptions.FORCE_DEFAULT_TIMESTAMPS);
        this.scratch = new Sample(published.channelFormat(), channelCount);
        this.context = new OutletContext(published, published.toShortInfoXml(), published.toFullInfoXml(),
                new QueryMatcher(published, config.get(LslOptions.MAX_CACHED_QUERIES)), new ConsumerRegistry(),
                options.unit().toSamples(options.maxBuffered(), srate), options.chunkSize(), clock, config, prefix);
        for (int i = 0; i < acceptors.size(); i++) {
            DataServer server = new DataServer(acceptors.get(i), context);
            dataServers.add(server);
            threads.add(Threads.start(prefix + "-data-" + i, server));
        }
        for (int i = 0; i < services.size(); i++) {
            udpChannels.add(services.get(i));
            threads.add(Threads.start(prefix + "-service-" + i, new UdpResponder(services.get(i), context, true)));
        }
        for (int i = 0; i < responders.size(); i++) {
            udpChannels.add(responders.get(i));
            threads.add(Threads.start(prefix + "-responder-" + i, new UdpResponder(responders.get(i), context, false)));
        }
        LOG.debug("Outlet {} serving: {}", published.name(), published);
    }

    private static void openStack(boolean v4, LslConfig config, StreamInfo.Builder info,
            List<ServerSocketChannel> acceptors, List<DatagramChannel> services, List<DatagramChannel> responders)
            throws IOException {
        ProtocolFamily family = v4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        InetAddress wildcard = InetAddress.getByName(v4 ? "0.0.0.0" : "::");
        ServerSocketChannel acceptor = ServerSocketChannel.open(family);
        DatagramChannel service = null;
        try {
            int dataPort = PortBinder.bind(acceptor, wildcard, config);
            service = DatagramChannel.open(family);
            int servicePort = PortBinder.bind(service, wildcard, config);
            if (v4) {
                info.v4("", dataPort, servicePort);
            } else {
                info.v6("", dataPort, servicePort);
            }
        } catch (IOException | RuntimeException e) {
            acceptor.close();
            if (service != null) {
                service.close();
            }
            throw e;
        }
        acceptors.add(acceptor);
        services.add(service);
        DatagramChannel responder = openResponder(v4, family, wildcard, config);
        if (responder != null) {
            responders.add(responder);
        }
    }

    private static DatagramChannel openResponder(boolean v4, ProtocolFamily family, InetAddress wildcard,
            LslConfig config) {
        String listen = config.get(LslOptions.LISTEN_ADDRESS);
        DatagramChannel channel = null;
        try {
            InetAddress bindAddress = listen.isEmpty() ? wildcard : InetAddress.getByName(listen);
            if ((bindAddress.getAddress().length == 4) != v4) {
                return null;
            }
            channel = DatagramChannel.open(family);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(bindAddress, config.get(LslOptions.MULTICAST_PORT)));
            List<NetworkInterface> interfaces = Interfaces.multicast(config, v4);
            for (InetAddress group : config.multicastAddresses()) {
                if (group.isMulticastAddress() && (group.getAddress().length == 4) == v4) {
                    join(channel, group, interfaces);
                }
            }
            return channel;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Couldn't create the IPv{} multicast responder on port {}: {}", v4 ? 4 : 6,
                    config.get(LslOptions.MULTICAST_PORT), e.toString());
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            return null;
        }
    }

    private static void join(DatagramChannel channel, InetAddress group, List<NetworkInterface> interfaces) {
        boolean joined = false;
        for (NetworkInterface ni : interfaces) {
            try {
                channel.join(group, ni);
                joined = true;
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("Could not join {} on interface {}: {}", group.getHostAddress(), ni.getName(), e.toString());
            }
        }
        if (!joined) {
            LOG.warn("Could not join the multicast group {} on any interface", group.getHostAddress());
        }
    }

    private static void closeAll(List<ServerSocketChannel> acceptors, List<DatagramChannel> services,
            List<DatagramChannel> responders) {
        List<AbstractInterruptibleChannel> all = new ArrayList<>(acceptors);
        all.addAll(services);
        all.addAll(responders);
        for (AbstractInterruptibleChannel c : all) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", c, e.toString());
            }
        }
    }

    @Override
    public StreamInfo info() {
        return context.info().copy();
    }

    @Override
    public boolean haveConsumers() {
        return context.consumers().any();
    }

    @Override
    public boolean waitForConsumers(double timeout) {
        return context.consumers().await(SampleRing.nanos(timeout));
    }

    @Override
    public void close() {
        synchronized (scratch) {
            if (closed) {
                return;
            }
            closed = true;
        }
        context.consumers().closeAll();
        for (AbstractInterruptibleChannel c : udpChannels) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", c, e.toString());
            }
        }
        dataServers.forEach(DataServer::close);
        threads.forEach(Threads::join);
        LOG.debug("Outlet {} closed", context.info().name());
    }

    /** Whether {@link #close()} was called. */
    boolean closed() {
        synchronized (scratch) {
            return closed;
        }
    }

    // --- pushing: validate, then convert into the scratch sample and enqueue under the lock ------------------------

    @Override
    public void pushSample(float[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushSample(double[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushSample(int[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushSample(short[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushSample(byte[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushSample(long[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushSample(String[] sample, double timestamp, boolean pushthrough) {
        pushOne(sample, sample.length, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(float[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(double[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(int[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(short[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(byte[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(long[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(String[] data, int samples, double timestamp, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamp, pushthrough);
    }

    @Override
    public void pushChunk(float[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    @Override
    public void pushChunk(double[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    @Override
    public void pushChunk(int[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    @Override
    public void pushChunk(short[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    @Override
    public void pushChunk(byte[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    @Override
    public void pushChunk(long[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    @Override
    public void pushChunk(String[] data, int samples, double[] timestamps, boolean pushthrough) {
        pushMany(data, data.length, samples, timestamps, pushthrough);
    }

    private void pushOne(Object values, int length, double timestamp, boolean pushthrough) {
        checkSample(length);
        synchronized (scratch) {
            checkOpen();
            scratch.assignFrom(values, 0);
            enqueue(timestamp, pushthrough);
        }
    }

    private void pushMany(Object values, int length, int samples, double timestamp, boolean pushthrough) {
        checkChunk(length, samples);
        synchronized (scratch) {
            checkOpen();
            double first = firstTimestamp(samples, timestamp);
            for (int k = 0; k < samples; k++) {
                scratch.assignFrom(values, k * channelCount);
                enqueue(k == 0 ? first : Lsl.DEDUCED_TIMESTAMP, pushthrough && k == samples - 1);
            }
        }
    }

    private void pushMany(Object values, int length, int samples, double[] timestamps, boolean pushthrough) {
        checkChunk(length, samples, timestamps.length);
        synchronized (scratch) {
            checkOpen();
            for (int k = 0; k < samples; k++) {
                scratch.assignFrom(values, k * channelCount);
                enqueue(timestamps[k], pushthrough && k == samples - 1);
            }
        }
    }

    /** The first sample's time stamp of a chunk stamped {@code timestamp} (0 = now) at its last sample. */
    private double firstTimestamp(int samples, double timestamp) {
        double t = timestamp == 0.0 ? context.clock().now() : timestamp;
        return srate > 0 && samples > 0 ? t - (samples - 1) / srate : t;
    }

    private void enqueue(double timestamp, boolean pushthrough) {
        double t = forceDefaultTimestamps ? 0.0 : timestamp;
        scratch.setTimestamp(t == 0.0 ? context.clock().now() : t);
        scratch.setPushthrough(pushthrough);
        context.consumers().push(scratch);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("outlet " + context.info().name() + " is closed");
        }
    }

    private void checkSample(int length) {
        if (length < channelCount) {
            throw new LslArgumentException("sample of " + length + " values for " + channelCount + " channels");
        }
    }

    private void checkChunk(int length, int samples) {
        if (samples < 0 || (long) samples * channelCount > length) {
            throw new LslArgumentException("chunk of " + samples + " samples x " + channelCount
                    + " channels does not fit " + length + " values");
        }
    }

    private void checkChunk(int length, int samples, int timestamps) {
        checkChunk(length, samples);
        if (timestamps < samples) {
            throw new LslArgumentException(timestamps + " time stamps for " + samples + " samples");
        }
    }
}
