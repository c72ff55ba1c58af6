package org.bcistream.streaming.lsl.internal.pure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bcistream.streaming.lsl.InletOptions;
import org.bcistream.streaming.lsl.LslArgumentException;
import org.bcistream.streaming.lsl.LslClock;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslImplementation;
import org.bcistream.streaming.lsl.OutletOptions;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.bcistream.streaming.lsl.StreamOutlet;
import org.bcistream.streaming.lsl.internal.wire.QueryMatcher;

/**
 * The pure-Java LSL runtime: outlets, inlets and resolves speaking the liblsl wire protocol 1.10 (and 1.00), with
 * the configuration's ports, scopes, peers and timings. The clock is injectable (tests run outlets on an offset
 * clock). Closing closes every outlet and inlet made here.
 */
public final class PureLslRuntime implements LslRuntime {
    /** The liblsl version whose behaviour this implementation follows. */
    public static final int LIBRARY_VERSION = 117;
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*(/[A-Za-z_][A-Za-z0-9_.-]*)*");

    private final LslConfig config;
    private final LslClock clock;
    private final Resolver resolver;
    private final List<PureStreamOutlet> outlets = new ArrayList<>();
    private final List<PureStreamInlet> inlets = new ArrayList<>();
    private String hostname;
    private boolean closed;

    /** A runtime on the system clock. */
    public PureLslRuntime(LslConfig config) {
        this(config, LslClock.SYSTEM);
    }

    /** A runtime on {@code clock}. */
    public PureLslRuntime(LslConfig config, LslClock clock) {
        this.config = config;
        this.clock = clock;
        this.resolver = new Resolver(config);
    }

    @Override
    public LslImplementation implementation() {
        return LslImplementation.JAVA;
    }

    @Override
    public LslConfig config() {
        return config;
    }

    @Override
    public double localClock() {
        return clock.now();
    }

    @Override
    public int protocolVersion() {
        return config.protocolVersion();
    }

    @Override
    public int libraryVersion() {
        return LIBRARY_VERSION;
    }

    @Override
    public String libraryInfo() {
        return "bcistream pure-Java LSL (protocol " + protocolVersion() + ", follows liblsl " + LIBRARY_VERSION + ")";
    }

    @Override
    public List<StreamInfo> resolveAll(double waitTime) {
        return resolver.resolve(resolver.query(null), 0, waitTime, 0, this::isClosed);
    }

    @Override
    public List<StreamInfo> resolveByProperty(String property, String value, int minimum, double timeout) {
        if (!PROPERTY.matcher(property).matches()) {
            throw new LslArgumentException("'" + property + "' is not a stream info property");
        }
        if (value.indexOf('\'') >= 0) {
            throw new LslArgumentException("a property value cannot contain a single quote: " + value);
        }
        return resolveByPredicate(property + "='" + value + "'", minimum, timeout);
    }

    @Override
    public List<StreamInfo> resolveByPredicate(String predicate, int minimum, double timeout) {
        String query = resolver.query(predicate);
        QueryMatcher.checkQuery(query);
        return resolver.resolve(query, minimum, timeout, 0, this::isClosed);
    }

    @Override
    public StreamOutlet createOutlet(StreamInfo info, OutletOptions options) {
        PureStreamOutlet outlet = new PureStreamOutlet(info, options, config, clock, hostname());
        synchronized (this) {
            if (closed) {
                outlet.close();
                throw new IllegalStateException("the LSL runtime is closed");
            }
            outlets.removeIf(PureStreamOutlet::closed);
            outlets.add(outlet);
        }
        return outlet;
    }

    @Override
    public StreamInlet createInlet(StreamInfo info, InletOptions options) {
        PureStreamInlet inlet = new PureStreamInlet(info, options, config, clock, resolver);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the LSL runtime is closed");
            }
            inlets.removeIf(PureStreamInlet::closed);
            inlets.add(inlet);
        }
        return inlet;
    }

    @Override
    public void close() {
        List<PureStreamInlet> closingInlets;
        List<PureStreamOutlet> closingOutlets;
        synchronized (this) {
            closed = true;
            closingInlets = new ArrayList<>(inlets);
            closingOutlets = new ArrayList<>(outlets);
            inlets.clear();
            outlets.clear();
        }
        closingInlets.forEach(PureStreamInlet::close);
        closingOutlets.forEach(PureStreamOutlet::close);
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized String hostname() {
        if (hostname == null) {
            try {
                hostname = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                hostname = "localhost";
            }
        }
        return hostname;
    }
}
