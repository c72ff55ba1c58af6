package org.bcistream.streaming.sink;

import java.io.PrintStream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.bcistream.decoders.record.SessionOutput;

/**
 * Prints outputs as JSON lines ({@link OutputJson}) on standard output. Lines of different sessions
 * interleave in arrival order; use {@link SessionDirectorySink} for reproducible files.
 */
public final class StdoutSink implements Sink<SessionOutput> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<SessionOutput> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            private final PrintStream out = System.out;

            @Override
            public void write(SessionOutput element, Context context) {
                String line = OutputJson.line(element);
                synchronized (out) {
                    out.println(line);
                }
            }

            @Override
            public void flush(boolean endOfInput) {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }
}
