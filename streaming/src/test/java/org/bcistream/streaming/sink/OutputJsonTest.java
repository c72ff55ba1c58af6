package org.bcistream.streaming.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.streaming.job.RejectedEvent;
import org.junit.jupiter.api.Test;

class OutputJsonTest {
    private static final FeatureFrame FRAME =
            new FeatureFrame("sim-1", 0, 0.996, 2, 3, new float[] {0.1f, -0.5f, 1.0f, 2.5f, -1.25e-3f, 3.4028235e38f}, 123_456_789L);

    @Test
    void frameLineHasFixedFieldsRowMajorValuesAndNoIngestInstant() {
        assertEquals("{\"type\":\"frame\",\"session\":\"sim-1\",\"index\":0,\"t\":0.996,\"rows\":2,\"cols\":3,"
                + "\"values\":[0.1,-0.5,1.0,2.5,-0.00125,3.4028235E38]}", OutputJson.frame(FRAME));
    }

    @Test
    void frameLineOfALaterFrame() {
        FeatureFrame frame = new FeatureFrame("s", 41, 11.25, 1, 1, new float[] {0f}, 0);
        assertEquals("{\"type\":\"frame\",\"session\":\"s\",\"index\":41,\"t\":11.25,\"rows\":1,\"cols\":1,\"values\":[0.0]}",
                OutputJson.frame(frame));
    }

    @Test
    void markerLine() {
        assertEquals("{\"type\":\"marker\",\"session\":\"sim-1\",\"t\":2.0,\"kind\":\"CUE\",\"label\":\"C\"}",
                OutputJson.marker(new MarkerEvent("sim-1", 2.0, MarkerKind.CUE, "C")));
        assertEquals("{\"type\":\"marker\",\"session\":\"sim-2\",\"t\":6.004,\"kind\":\"TRIAL_END\",\"label\":\"hello\"}",
                OutputJson.marker(new MarkerEvent("sim-2", 6.004, MarkerKind.TRIAL_END, "hello")));
    }

    @Test
    void stringsAreEscapedSoALineStaysOneLine() {
        String line = OutputJson.marker(new MarkerEvent("a\"b", 1.5, MarkerKind.TEXT, "say \"hi\"\nnew line\\ tab\t é"));
        assertEquals("{\"type\":\"marker\",\"session\":\"a\\\"b\",\"t\":1.5,\"kind\":\"TEXT\","
                + "\"label\":\"say \\\"hi\\\"\\nnew line\\\\ tab\\t é\"}", line);
    }

    @Test
    void rejectedLine() {
        assertEquals("{\"type\":\"rejected\",\"session\":\"sim-3\",\"t\":4.5,\"reason\":\"chunk has 7 channels, profile openbci-cyton has 8\"}",
                OutputJson.rejected(new RejectedEvent("sim-3", 4.5, "chunk has 7 channels, profile openbci-cyton has 8")));
    }

    @Test
    void lineDispatchesOnTheOutputKind() {
        MarkerEvent marker = new MarkerEvent("sim-1", 2.0, MarkerKind.CUE, "C");
        assertEquals(OutputJson.frame(FRAME), OutputJson.line(SessionOutput.of(FRAME)));
        assertEquals(OutputJson.marker(marker), OutputJson.line(SessionOutput.of(marker)));
    }

    @Test
    void linesAreValidJsonThatReadsBackToTheValues() throws Exception {
        JsonNode frame = new ObjectMapper().readTree(OutputJson.frame(FRAME));
        assertEquals(6, frame.get("values").size());
        for (int i = 0; i < 6; i++) {
            assertEquals(FRAME.values()[i], frame.get("values").get(i).floatValue(), "value " + i);
        }
        assertEquals(0.996, frame.get("t").doubleValue());
        JsonNode marker = new ObjectMapper().readTree(OutputJson.marker(new MarkerEvent("s", 1.5, MarkerKind.TEXT, "x\ny")));
        assertEquals("x\ny", marker.get("label").textValue());
    }
}
