package org.bcistream.streaming.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error: rewritten in place on a terminal, one line per report (at most one per
 * {@link #PLAIN_INTERVAL_NANOS}) when the output goes to a file or a pipe, nothing when quiet.
 */
final class ConsoleProgress {
    /** Minimum time between lines when not on a terminal: 5 s. */
    static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean console = System.console() != null;
    private long lastPlain = Long.MIN_VALUE;
    private boolean pending;

    ConsoleProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** Shows {@code line} as the current progress. */
    void show(String line) {
        if (quiet) {
            return;
        }
        if (console) {
            err.print("\r" + line);
            pending = true;
        } else {
            long now = System.nanoTime();
            if (lastPlain != Long.MIN_VALUE && now - lastPlain < PLAIN_INTERVAL_NANOS) {
                return;
            }
            lastPlain = now;
            err.println(line);
        }
        err.flush();
    }

    /** Ends the progress line, so that what follows starts on a line of its own. */
    void finish() {
        if (pending) {
            err.println();
            err.flush();
            pending = false;
        }
    }
}
