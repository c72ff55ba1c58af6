package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import org.bcistream.streaming.lsl.LslConfig;
import org.bcistream.streaming.lsl.LslOptions;

/**
 * Binds sockets to the first free port of {@code BasePort .. BasePort + PortRange - 1}, then to an OS-assigned port
 * if {@code AllowRandomPorts}, as liblsl's {@code bind_port_in_range}. TCP and UDP port spaces are independent.
 */
final class PortBinder {
    /** liblsl's listen backlog of data acceptors. */
    static final int BACKLOG = 10;

    private PortBinder() {}

    /** Binds {@code channel} on {@code address} and returns the port. */
    static int bind(DatagramChannel channel, InetAddress address, LslConfig config) throws IOException {
        bind(port -> channel.bind(new InetSocketAddress(address, port)), config);
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Binds and listens {@code channel} on {@code address} and returns the port. */
    static int bind(ServerSocketChannel channel, InetAddress address, LslConfig config) throws IOException {
        bind(port -> channel.bind(new InetSocketAddress(address, port), BACKLOG), config);
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private interface Binder {
        void bind(int port) throws IOException;
    }

    private static void bind(Binder binder, LslConfig config) throws IOException {
        int base = config.get(LslOptions.BASE_PORT);
        int end = Math.min(65536, base + config.get(LslOptions.PORT_RANGE));
        for (int port = base; port < end; port++) {
            try {
                binder.bind(port);
                return;
            } catch (BindException e) {
                // in use: try the next port
            }
        }
        if (config.get(LslOptions.ALLOW_RANDOM_PORTS)) {
            binder.bind(0);
            return;
        }
        throw new BindException("all local ports " + base + ".." + (end - 1) + " are occupied and "
                + LslOptions.ALLOW_RANDOM_PORTS.key() + " is off; there may be more outlets on this machine than "
                + LslOptions.PORT_RANGE.key() + " allows");
    }
}
