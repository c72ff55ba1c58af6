package org.bcistream.streaming.sink;

import static org.bcistream.streaming.sink.TestingWriterInitContext.NO_TIME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.util.InstantiationUtil;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.recording.RecordedMarker;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.SampleCursor;
import org.bcistream.streaming.recording.xdf.XdfRecording;
import org.bcistream.streaming.recording.xdf.XdfStreamDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdfRecordingSinkTest {
    private static final DeviceProfile CYTON = DeviceProfiles.builtIn().byId("openbci-cyton");
    private static final int CHANNELS = 8;
    private static final double RATE = 250;

    @TempDir
    Path tmp;

    /** Chunk {@code k} of a session: 10 samples from {@code k * 10}, value = session offset + sample + channel / 10. */
    private static SignalChunk chunk(String session, int k, float offset) {
        double[] t = new double[10];
        float[] v = new float[10 * CHANNELS];
        for (int i = 0; i < 10; i++) {
            t[i] = 3 + (k * 10 + i) / RATE;
            for (int c = 0; c < CHANNELS; c++) {
                v[i * CHANNELS + c] = offset + (k * 10 + i) + c / 10f;
            }
        }
        return new SignalChunk(session, "stream", CHANNELS, RATE, t, v, 0);
    }

    @Test
    void eachSessionBecomesASignalAndAMarkerStreamThatReadBackExactly() throws Exception {
        Path file = tmp.resolve("nested/run.xdf");
        XdfRecordingSink sink = InstantiationUtil.clone(new XdfRecordingSink(file, CYTON)); // as shipped to a task
        SinkWriter<SessionEvent> writer = sink.createWriter(new TestingWriterInitContext(0, 1));
        writer.write(SessionEvent.of(new MarkerEvent("s1", 3.1, MarkerKind.CUE, "A")), NO_TIME);
        for (int k = 0; k < 200; k++) { // 8 s per session
            writer.write(SessionEvent.of(chunk("s1", k, 0)), NO_TIME);
            writer.write(SessionEvent.of(chunk("s2", k, 1000)), NO_TIME);
        }
        writer.write(SessionEvent.of(new MarkerEvent("s1", 5.0, MarkerKind.TRIAL_END, "A")), NO_TIME);
        writer.write(SessionEvent.of(new MarkerEvent("s2", 6.0, MarkerKind.TEXT, "eyes: closed")), NO_TIME);
        writer.flush(false);
        writer.close();

        try (XdfRecording recording = XdfRecording.open(file)) {
            assertEquals(List.of(), recording.warnings());
            List<RecordedStream> streams = recording.streams();
            assertEquals(List.of("s1", "s2"), streams.stream().map(RecordedStream::name).toList());
            RecordedStream s2 = streams.get(1);
            assertEquals("s2", s2.sourceId());
            assertEquals(CYTON.channels().stream().map(c -> c.label()).toList(), s2.channelLabels());
            assertEquals(List.of("microvolts"), s2.channelUnits().stream().distinct().toList());
            assertEquals(2000, s2.sampleCount());
            assertEquals("openbci-cyton", recording.deviceModelOf(s2.id()));
            XdfStreamDetails details = recording.details(s2.id());
            // a clock offset at the first chunk and every 5 s of stream time after it
            assertEquals(2, details.clockOffsetCount());
            try (SampleCursor cursor = recording.open(s2)) {
                double[] t = new double[2000];
                float[] v = new float[2000 * CHANNELS];
                assertEquals(2000, cursor.read(t, v, 2000));
                for (int i = 0; i < 2000; i++) {
                    assertEquals(3 + i / RATE, t[i], 0.0, "time of sample " + i);
                }
                float[] expected = new float[CHANNELS];
                float[] actual = new float[CHANNELS];
                for (int c = 0; c < CHANNELS; c++) {
                    expected[c] = 1000 + 1234 + c / 10f;
                }
                System.arraycopy(v, 1234 * CHANNELS, actual, 0, CHANNELS);
                assertArrayEquals(expected, actual);
            }
            List<RecordedMarker> markers = recording.markers();
            assertEquals(List.of("CUE:A", "TRIAL_END:A", "TEXT:eyes: closed"), markers.stream().map(RecordedMarker::label).toList());
            assertEquals(List.of("s1", "s1", "s2"), markers.stream().map(m -> recording.sourceIdOf(m.streamId())).toList());
            assertEquals(List.of(3.1, 5.0, 6.0), markers.stream().map(RecordedMarker::time).toList());
            assertTrue(recording.details().stream().anyMatch(d -> d.name().equals("s1-markers") && d.type().equals("Markers")));
        }
    }
}
