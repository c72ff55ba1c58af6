package org.bcistream.streaming.sink;

import static org.bcistream.streaming.sink.TestingWriterInitContext.NO_TIME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.util.InstantiationUtil;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamInlet;
import org.junit.jupiter.api.Test;

class LslOutletSinkTest {
    @Test
    void outputsAndLatentsArePublishedAsLslStreams() throws Exception {
        LslOutletSink sink = InstantiationUtil.clone(new LslOutletSink("bcitest", 4.0)); // as shipped to a task
        SinkWriter<SessionOutput> writer = sink.createWriter(new TestingWriterInitContext(0, 1));
        try (LslRuntime lsl = Lsl.open()) {
            SessionOutput marker = SessionOutput.of(new MarkerEvent("s9", 2.0, MarkerKind.CUE, "A"));
            writer.write(marker, NO_TIME); // creates the outputs outlet
            List<StreamInfo> found = lsl.resolveByProperty("source_id", "bcitest:s9:outputs", 1, 5.0);
            assertEquals(1, found.size());
            assertEquals("bcitest-s9-outputs", found.get(0).name());
            assertEquals(ChannelFormat.STRING, found.get(0).channelFormat());
            StreamInlet outputs = lsl.createInlet(found.get(0));
            outputs.openStream(5.0);

            LatentFrame latent = new LatentFrame("s9", 0, 2.25, new float[] {0.5f, 1.5f, 2.5f}, new int[] {0, 1, 3}, 7.5, 0.4, 1, 0, 0);
            writer.write(SessionOutput.of(latent), NO_TIME); // creates the latents outlet, pushes to both
            StreamInfo latentInfo = lsl.resolveByProperty("source_id", "bcitest:s9:latents", 1, 5.0).get(0);
            assertEquals(3, latentInfo.channelCount());
            assertEquals(4.0, latentInfo.nominalSrate());
            StreamInlet rates = lsl.createInlet(latentInfo);
            assertEquals(List.of("latent-0", "latent-1", "latent-2"), rates.info(5.0).channelLabels());
            rates.openStream(5.0);
            writer.write(SessionOutput.of(new LatentFrame("s9", 1, 2.5, new float[] {3f, 2f, 1f}, new int[3], 7, 0.5, 1, 0, 0)), NO_TIME);

            String[] line = new String[1];
            assertTrue(outputs.pullSample(line, 5.0) > 0);
            assertEquals(OutputJson.line(SessionOutput.of(latent)), line[0]);
            assertTrue(outputs.pullSample(line, 5.0) > 0);
            assertTrue(line[0].startsWith("{\"type\":\"latent\",\"session\":\"s9\",\"index\":1"), line[0]);
            float[] sample = new float[3];
            assertTrue(rates.pullSample(sample, 5.0) > 0);
            assertArrayEquals(new float[] {3f, 2f, 1f}, sample);

            // generated speech: the output as JSON, the samples on the speech outlet (16 kHz, int16)
            byte[] pcm = new byte[] {1, 0, -1, -1, 0, 64, 0, -128}; // 1, -1, 16384, -32768 little-endian
            DecodedOutput speech = DecodedOutput.generated("s9", 0, "yes", OutputKind.SPEECH, pcm, 4, 40_000_000,
                    new LatencyBreakdown(0, 1_000_000, 2_000_000, 30_000_000, 31_000_000));
            writer.write(SessionOutput.of(speech), NO_TIME);
            StreamInfo speechInfo = lsl.resolveByProperty("source_id", "bcitest:s9:speech", 1, 5.0).get(0);
            assertEquals(ChannelFormat.INT16, speechInfo.channelFormat());
            assertEquals(16_000.0, speechInfo.nominalSrate());
            assertEquals("Audio", speechInfo.type());
            StreamInlet audio = lsl.createInlet(speechInfo);
            audio.openStream(5.0);
            writer.write(SessionOutput.of(speech), NO_TIME);
            short[] samples = new short[4];
            double[] stamps = new double[4];
            assertEquals(4, audio.pullChunk(samples, stamps, 5.0));
            assertArrayEquals(new short[] {1, -1, 16384, -32768}, samples);
            assertTrue(outputs.pullSample(line, 5.0) > 0); // the first speech output's JSON
            assertTrue(line[0].startsWith("{\"type\":\"decoded\",\"session\":\"s9\",\"index\":0,\"target\":\"yes\",\"kind\":\"SPEECH\",\"status\":\"GENERATED\",\"steps\":4,"
                    + "\"budgetMs\":40.0,\"deadlineMet\":true,\"latencyMs\":{\"ingest\":1.0,\"latent\":2.0,\"generated\":30.0,\"emitted\":31.0},"
                    + "\"payload\":\"AQD//wBAAIA=\"}"), line[0]);
            audio.close();
            outputs.close();
            rates.close();
        } finally {
            writer.close();
        }
    }
}
