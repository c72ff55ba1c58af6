package org.bcistream.streaming.lsl.internal.pure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the implementation's threads (daemons, named {@code lsl-...}) and joins them on close. */
final class Threads {
    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    private static final long JOIN_MILLIS = 5000;

    private Threads() {}

    /** Starts a named daemon thread running {@code body}; an uncaught exception is logged. */
    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> LOG.error("LSL thread {} failed", thread.getName(), e));
        t.start();
        return t;
    }

    /** Waits for {@code t} to end (up to 5 s, warning if it does not); no-op for null or the calling thread. */
    static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("LSL thread {} did not end within {} ms", t.getName(), JOIN_MILLIS);
        }
    }

    /** A thread-name-safe short form of a stream name. */
    static String shortName(String streamName) {
        String s = streamName.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.length() > 24 ? s.substring(0, 24) : s;
    }
}
