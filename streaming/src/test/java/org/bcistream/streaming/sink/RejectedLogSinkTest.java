package org.bcistream.streaming.sink;

import static org.bcistream.streaming.sink.TestingWriterInitContext.NO_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.bcistream.streaming.job.RejectedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedLogSinkTest {
    @TempDir
    Path tmp;

    @Test
    void writesNoFileUntilTheFirstRefusedEvent() throws Exception {
        SinkWriter<RejectedEvent> writer = new RejectedLogSink(tmp.resolve("out")).createWriter(new TestingWriterInitContext(3, 4));
        writer.flush(false);
        writer.close();
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void appendsOneLinePerRefusedEventToTheSubtasksFile() throws Exception {
        Path out = tmp.resolve("out");
        RejectedEvent first = new RejectedEvent("sim-1", 1.5, "wrong channel count 7, expected 8");
        RejectedEvent second = new RejectedEvent("sim-2", 2.0, "rate 500 Hz, expected 250 Hz");
        SinkWriter<RejectedEvent> writer = new RejectedLogSink(out).createWriter(new TestingWriterInitContext(3, 4));
        writer.write(first, NO_TIME);
        writer.write(second, NO_TIME);
        writer.flush(false);
        Path file = out.resolve("rejected-3.jsonl");
        assertEquals(List.of(OutputJson.rejected(first), OutputJson.rejected(second)), Files.readAllLines(file, StandardCharsets.UTF_8));
        writer.close();

        // a restarted writer appends, it does not truncate
        SinkWriter<RejectedEvent> again = new RejectedLogSink(out).createWriter(new TestingWriterInitContext(3, 4));
        again.write(first, NO_TIME);
        again.close();
        assertEquals(List.of(OutputJson.rejected(first), OutputJson.rejected(second), OutputJson.rejected(first)),
                Files.readAllLines(file, StandardCharsets.UTF_8));
        assertEquals("{\"type\":\"rejected\",\"session\":\"sim-1\",\"t\":1.5,\"reason\":\"wrong channel count 7, expected 8\"}",
                Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
    }
}
