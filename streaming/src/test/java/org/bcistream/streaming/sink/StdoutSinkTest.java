package org.bcistream.streaming.sink;

import static org.bcistream.streaming.sink.TestingWriterInitContext.NO_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionOutput;
import org.junit.jupiter.api.Test;

class StdoutSinkTest {

    @Test
    void printsOneJsonLinePerOutputOnStandardOutput() throws Exception {
        SessionOutput frame = SessionOutput.of(new FeatureFrame("sim-1", 0, 0.996, 1, 1, new float[] {0.5f}, 7));
        SessionOutput marker = SessionOutput.of(new MarkerEvent("sim-1", 2.0, MarkerKind.CUE, "C"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SinkWriter<SessionOutput> writer = new StdoutSink().createWriter(new TestingWriterInitContext(0, 1));
            writer.write(frame, NO_TIME);
            writer.write(marker, NO_TIME);
            writer.flush(true);
            writer.close();
        } finally {
            System.setOut(original);
        }
        String nl = System.lineSeparator();
        assertEquals("{\"type\":\"frame\",\"session\":\"sim-1\",\"index\":0,\"t\":0.996,\"rows\":1,\"cols\":1,\"values\":[0.5]}" + nl
                + "{\"type\":\"marker\",\"session\":\"sim-1\",\"t\":2.0,\"kind\":\"CUE\",\"label\":\"C\"}" + nl,
                captured.toString(StandardCharsets.UTF_8));
    }
}
