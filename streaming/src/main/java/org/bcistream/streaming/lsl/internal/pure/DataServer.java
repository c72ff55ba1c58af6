package org.bcistream.streaming.lsl.internal.pure;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bcistream.streaming.lsl.LslOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP connections on an outlet's data port and runs a {@link FeedSession} thread for each, with
 * {@code TCP_NODELAY} and the configured socket buffer sizes. Closing stops accepting and closes every session.
 */
final class DataServer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DataServer.class);

    private final ServerSocketChannel acceptor;
    private final OutletContext context;
    private final Map<FeedSession, Thread> sessions = new HashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    DataServer(ServerSocketChannel acceptor, OutletContext context) {
        this.acceptor = acceptor;
        this.context = context;
    }

    @Override
    public void run() {
        while (acceptor.isOpen()) {
            try {
                SocketChannel socket = acceptor.accept();
                configure(socket);
                FeedSession session = new FeedSession(socket, context);
                String name = context.threadPrefix() + "-session-" + counter.incrementAndGet();
                synchronized (sessions) {
                    if (!acceptor.isOpen()) {
                        session.close();
                        return;
                    }
                    sessions.put(session, Threads.start(name, () -> {
                        try {
                            session.run();
                        } finally {
                            synchronized (sessions) {
                                sessions.remove(session);
                            }
                        }
                    }));
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (acceptor.isOpen()) {
                    LOG.warn("Unhandled accept error on the data port of {}: {}", context.info().name(), e.toString());
                }
            }
        }
    }

    private void configure(SocketChannel socket) throws IOException {
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        int send = context.config().get(LslOptions.SEND_SOCKET_BUFFER_SIZE);
        if (send > 0) {
            socket.setOption(StandardSocketOptions.SO_SNDBUF, send);
        }
        int receive = context.config().get(LslOptions.RECEIVE_SOCKET_BUFFER_SIZE);
        if (receive > 0) {
            socket.setOption(StandardSocketOptions.SO_RCVBUF, receive);
        }
    }

    /** Stops accepting, closes every connection and waits for the session threads. */
    void close() {
        synchronized (sessions) {
            try {
                acceptor.close();
            } catch (IOException e) {
                LOG.debug("closing the data acceptor: {}", e.toString());
            }
        }
        Map<FeedSession, Thread> open;
        synchronized (sessions) {
            open = Map.copyOf(sessions);
        }
        open.keySet().forEach(FeedSession::close);
        open.values().forEach(Threads::join);
    }
}
