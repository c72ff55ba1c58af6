package org.bcistream.streaming.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.streaming.lsl.ChannelFormat;
import org.bcistream.streaming.lsl.ChannelInfo;
import org.bcistream.streaming.lsl.Lsl;
import org.bcistream.streaming.lsl.LslRuntime;
import org.bcistream.streaming.lsl.StreamInfo;
import org.bcistream.streaming.lsl.StreamOutlet;

/**
 * Publishes each session's outputs as LSL streams, for a lab's other tools (stimulus software, LabRecorder):
 * <ul>
 *   <li>{@code <prefix>-<session>-outputs}, type {@code Markers}, one string channel, irregular rate: every output
 *       as its JSON line ({@link OutputJson}); source id {@code <prefix>:<session>:outputs};
 *   <li>{@code <prefix>-<session>-latents}, type {@code Latents}, float32, one channel per latent (labels
 *       {@code latent-0}.., unit {@code rate}), nominal rate 1 / hop: the posterior rates; source id
 *       {@code <prefix>:<session>:latents}. Made on the session's first latent frame.
 *   <li>{@code <prefix>-<session>-speech}, type {@code Audio}, one int16 channel at {@value #SPEECH_RATE_HZ} Hz: the
 *       samples of generated speech, chunk after chunk; source id {@code <prefix>:<session>:speech}. Made on the
 *       session's first speech output.
 * </ul>
 * Samples are stamped with the LSL clock when pushed. Outlets are made on a session's first output and closed
 * with the writer. Runs in the pipeline's parallelism (each session reaches one writer).
 */
public final class LslOutletSink implements Sink<SessionOutput> {
    private static final long serialVersionUID = 1L;
    /** Sampling rate of the speech outlet, hertz. */
    public static final int SPEECH_RATE_HZ = 16_000;
    private final String prefix;
    private final double frameRateHz;

    /**
     * @param prefix stream name prefix, e.g. {@code bcistream}
     * @param frameRateHz feature frames per second (1 / hop), the latent stream's nominal rate
     */
    public LslOutletSink(String prefix, double frameRateHz) {
        this.prefix = prefix;
        this.frameRateHz = frameRateHz;
    }

    @Override
    public SinkWriter<SessionOutput> createWriter(WriterInitContext context) {
        return new OutletWriter(Lsl.open(), prefix, frameRateHz);
    }

    private static final class OutletWriter implements SinkWriter<SessionOutput> {
        private final LslRuntime lsl;
        private final String prefix;
        private final double frameRateHz;
        private final Map<String, StreamOutlet> outputs = new HashMap<>();
        private final Map<String, StreamOutlet> latents = new HashMap<>();
        private final Map<String, StreamOutlet> speech = new HashMap<>();
        private final String[] line = new String[1];

        OutletWriter(LslRuntime lsl, String prefix, double frameRateHz) {
            this.lsl = lsl;
            this.prefix = prefix;
            this.frameRateHz = frameRateHz;
        }

        @Override
        public void write(SessionOutput output, Context context) {
            String session = output.sessionId();
            StreamOutlet out = outputs.computeIfAbsent(session, s -> lsl.createOutlet(
                    new StreamInfo(prefix + "-" + s + "-outputs", "Markers", 1, Lsl.IRREGULAR_RATE, ChannelFormat.STRING,
                            prefix + ":" + s + ":outputs")));
            line[0] = OutputJson.line(output);
            out.pushSample(line, Lsl.localClock(), true);
            LatentFrame latent = output.latent();
            if (latent != null) {
                StreamOutlet rates = latents.computeIfAbsent(session, s -> lsl.createOutlet(latentStream(s, latent.latentCount())));
                rates.pushSample(latent.rates(), Lsl.localClock(), true);
            }
            DecodedOutput decoded = output.decoded();
            if (decoded != null && decoded.kind() == OutputKind.SPEECH) {
                StreamOutlet audio = speech.computeIfAbsent(session, s -> lsl.createOutlet(speechStream(s)));
                byte[] pcm = decoded.payload();
                short[] samples = new short[pcm.length / 2];
                java.nio.ByteBuffer.wrap(pcm).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
                audio.pushChunk(samples, samples.length, Lsl.localClock(), true);
            }
        }

        private StreamInfo speechStream(String session) {
            StreamInfo info = new StreamInfo(prefix + "-" + session + "-speech", "Audio", 1, SPEECH_RATE_HZ, ChannelFormat.INT16,
                    prefix + ":" + session + ":speech");
            return info.setChannels(List.of(new ChannelInfo("speech", "pcm16", "Audio")));
        }

        private StreamInfo latentStream(String session, int k) {
            StreamInfo info = new StreamInfo(prefix + "-" + session + "-latents", "Latents", k, frameRateHz, ChannelFormat.FLOAT32,
                    prefix + ":" + session + ":latents");
            List<ChannelInfo> channels = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                channels.add(new ChannelInfo("latent-" + i, "rate", "Latent"));
            }
            return info.setChannels(channels);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {
            outputs.values().forEach(StreamOutlet::close);
            latents.values().forEach(StreamOutlet::close);
            speech.values().forEach(StreamOutlet::close);
            lsl.close();
        }
    }
}
