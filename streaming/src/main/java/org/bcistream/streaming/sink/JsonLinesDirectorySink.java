package org.bcistream.streaming.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.bcistream.decoders.record.SessionOutput;

/**
 * Writes each session's outputs as JSON lines into {@code <dir>/<session>/features.jsonl},
 * {@code markers.jsonl}, {@code latents.jsonl} and {@code outputs.jsonl} (generated outputs) (format:
 * {@link OutputJson}). Files are per session so that the output does not
 * depend on how sessions interleave across subtasks: the same input gives byte-identical files.
 *
 * <p>Files are flushed at checkpoints, at the end, and at most {@value #FLUSH_INTERVAL_MILLIS} ms after a write, so a live
 * run that is stopped (Ctrl-C) leaves its files complete up to then.
 *
 * <p>Must follow the keyed pipeline with the same parallelism (each session reaches one writer only).
 * Delivery is at-least-once across a failure: lines written after the last checkpoint are written again.
 */
public final class JsonLinesDirectorySink implements Sink<SessionOutput> {
    private static final long serialVersionUID = 1L;
    /** Longest time a written line waits in the buffer, milliseconds. */
    public static final long FLUSH_INTERVAL_MILLIS = 200;
    private final String directory;

    public JsonLinesDirectorySink(Path directory) {
        this.directory = directory.toAbsolutePath().toString();
    }

    @Override
    public SinkWriter<SessionOutput> createWriter(WriterInitContext context) throws IOException {
        Path dir = Path.of(directory);
        Files.createDirectories(dir);
        return new SessionFileWriter(dir);
    }

    private static final class SessionFileWriter implements SinkWriter<SessionOutput> {
        private final Path root;
        private final Map<String, Writer> open = new HashMap<>();
        private long lastFlushNanos = System.nanoTime();

        SessionFileWriter(Path root) {
            this.root = root;
        }

        @Override
        public void write(SessionOutput element, Context context) throws IOException {
            String file = element.frame() != null ? "features.jsonl" : element.marker() != null ? "markers.jsonl"
                    : element.latent() != null ? "latents.jsonl" : "outputs.jsonl";
            String key = SessionFiles.directoryName(element.sessionId()) + "/" + file;
            Writer out = open.computeIfAbsent(key, k -> openFile(root.resolve(k)));
            out.write(OutputJson.line(element));
            out.write('\n');
            long now = System.nanoTime();
            if (now - lastFlushNanos > FLUSH_INTERVAL_MILLIS * 1_000_000) {
                flush(false);
                lastFlushNanos = now;
            }
        }

        private static Writer openFile(Path file) {
            try {
                Files.createDirectories(file.getParent());
                return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + file + " for writing", e);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (Writer w : open.values()) {
                w.flush();
            }
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Writer w : open.values()) {
                try {
                    w.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            open.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}
