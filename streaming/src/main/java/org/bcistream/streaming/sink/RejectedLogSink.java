package org.bcistream.streaming.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.bcistream.streaming.job.RejectedEvent;

/**
 * Appends refused input events as JSON lines ({@code {"type":"rejected","session":..,"t":..,"reason":..}}) to
 * {@code <dir>/rejected-<subtask>.jsonl} (created on the first one), so that nothing the engine refused is lost silently.
 */
public final class RejectedLogSink implements Sink<RejectedEvent> {
    private static final long serialVersionUID = 1L;
    private final String directory;

    public RejectedLogSink(Path directory) {
        this.directory = directory.toAbsolutePath().toString();
    }

    @Override
    public SinkWriter<RejectedEvent> createWriter(WriterInitContext context) {
        Path file = Path.of(directory).resolve("rejected-" + context.getTaskInfo().getIndexOfThisSubtask() + ".jsonl");
        return new SinkWriter<>() {
            private BufferedWriter out; // opened on the first refused event: no empty files

            @Override
            public void write(RejectedEvent event, Context context) throws IOException {
                if (out == null) {
                    Files.createDirectories(file.getParent());
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.write(OutputJson.rejected(event));
                out.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                if (out != null) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                if (out != null) {
                    out.close();
                }
            }
        };
    }
}
