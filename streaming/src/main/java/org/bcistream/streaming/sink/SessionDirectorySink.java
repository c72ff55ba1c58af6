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
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.GenerationStatus;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.render.WavStreamWriter;

/**
 * Writes each session's outputs into {@code <dir>/<session>/}: JSON lines in {@code features.jsonl},
 * {@code markers.jsonl}, {@code latents.jsonl} and {@code outputs.jsonl} (decoded outputs, format:
 * {@link OutputJson}), and the media: every generated image as {@code images/<index>-<target>.png} and the
 * session's generated speech, chunk after chunk, as one 16 kHz {@code speech.wav}. Files are per session so
 * that the output does not depend on how sessions interleave across subtasks.
 *
 * <p>Files are flushed at checkpoints, at the end, and at most {@value #FLUSH_INTERVAL_MILLIS} ms after a write, so a live
 * run that is stopped (Ctrl-C) leaves its files complete up to then.
 *
 * <p>Each session must reach one writer only: put it after the keyed pipeline with the same parallelism, or
 * after a {@code keyBy} on the session.
 * Delivery is at-least-once across a failure: lines written after the last checkpoint are written again.
 */
public final class SessionDirectorySink implements Sink<SessionOutput> {
    private static final long serialVersionUID = 1L;
    /** Longest time a written line waits in the buffer, milliseconds. */
    public static final long FLUSH_INTERVAL_MILLIS = 200;
    /** Sample rate of the speech files, hertz (the voice bank's and the vocoder's). */
    public static final int SPEECH_RATE_HZ = 16_000;
    private final String directory;

    public SessionDirectorySink(Path directory) {
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
        private final Map<String, WavStreamWriter> speech = new HashMap<>();
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
            DecodedOutput decoded = element.decoded();
            if (decoded != null && decoded.status() == GenerationStatus.GENERATED) {
                writeMedia(SessionFiles.directoryName(element.sessionId()), decoded);
            }
            long now = System.nanoTime();
            if (now - lastFlushNanos > FLUSH_INTERVAL_MILLIS * 1_000_000) {
                flush(false);
                lastFlushNanos = now;
            }
        }

        private void writeMedia(String session, DecodedOutput decoded) throws IOException {
            if (decoded.kind() == OutputKind.IMAGE) {
                Path file = root.resolve(session).resolve("images")
                        .resolve(decoded.index() + (decoded.target().isEmpty() ? "" : "-" + SessionFiles.directoryName(decoded.target()))
                                + ".png");
                Files.createDirectories(file.getParent());
                Files.write(file, decoded.payload());
                return;
            }
            WavStreamWriter wav = speech.get(session);
            if (wav == null) {
                Files.createDirectories(root.resolve(session));
                wav = WavStreamWriter.create(root.resolve(session).resolve("speech.wav"), SPEECH_RATE_HZ);
                speech.put(session, wav);
            }
            byte[] pcm = decoded.payload();
            float[] samples = new float[pcm.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768f;
            }
            wav.append(samples);
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
            for (WavStreamWriter w : speech.values()) {
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
            for (WavStreamWriter w : speech.values()) {
                try {
                    w.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            speech.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}
