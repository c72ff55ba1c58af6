package org.bcistream.streaming.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.hardware.ChannelSpec;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.streaming.recording.xdf.XdfChannelFormat;
import org.bcistream.streaming.recording.xdf.XdfStreamDescription;
import org.bcistream.streaming.recording.xdf.XdfWriter;

/**
 * Records the job's input ({@code --record session.xdf}) as one XDF file, as LabRecorder would record the
 * sessions' LSL streams: per session a float32 signal stream (name and source id = the session id, channel
 * labels, units and types from the device profile, neural channels in microvolts, the profile id as
 * {@code desc/acquisition/model}) and a string marker stream
 * ({@code <session>-markers}, same source id, samples {@code KIND:label} such as {@code CUE:A}), with
 * ClockOffset chunks of 0 s every {@value #CLOCK_OFFSET_INTERVAL_SECONDS} s of stream time (the events already
 * carry the session clock), Boundary chunks and footers. {@code --source file:session.xdf} replays it into the
 * same sessions, markers and samples.
 *
 * <p>Must run with parallelism 1 (one file). A job restored from a checkpoint starts the file afresh: the
 * recording is meant for runs that are not restarted, such as a live lab session.
 */
public final class XdfRecordingSink implements Sink<SessionEvent> {
    private static final long serialVersionUID = 1L;
    /** Stream time between ClockOffset chunks, seconds (LabRecorder measures offsets every 5 s). */
    public static final double CLOCK_OFFSET_INTERVAL_SECONDS = 5;

    private final String file;
    private final DeviceProfile profile;

    /**
     * @param file the XDF file to write (replaced if present; its directory is created)
     * @param profile the device profile of every recorded session, for the channel descriptions
     */
    public XdfRecordingSink(Path file, DeviceProfile profile) {
        this.file = file.toAbsolutePath().toString();
        this.profile = profile;
    }

    @Override
    public SinkWriter<SessionEvent> createWriter(WriterInitContext context) throws IOException {
        Path path = Path.of(file);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        return new Recorder(XdfWriter.create(path), profile);
    }

    /** Writes the events of every session into one open XDF file. */
    private static final class Recorder implements SinkWriter<SessionEvent> {
        private final XdfWriter writer;
        private final DeviceProfile profile;
        private final Map<String, SignalStream> signals = new HashMap<>();
        private final Map<String, Integer> markerStreams = new HashMap<>();

        /** One session's signal stream and when its last ClockOffset was written. */
        private static final class SignalStream {
            final int id;
            double lastOffsetAt = Double.NEGATIVE_INFINITY;

            SignalStream(int id) {
                this.id = id;
            }
        }

        Recorder(XdfWriter writer, DeviceProfile profile) {
            this.writer = writer;
            this.profile = profile;
        }

        @Override
        public void write(SessionEvent event, Context context) throws IOException {
            if (event.chunk() != null) {
                write(event.chunk());
            } else if (event.marker() != null) {
                write(event.marker());
            }
        }

        private void write(SignalChunk chunk) throws IOException {
            SignalStream stream = signals.get(chunk.sessionId());
            if (stream == null) {
                stream = new SignalStream(writer.addStream(describe(chunk)));
                signals.put(chunk.sessionId(), stream);
            }
            writer.writeSamples(stream.id, chunk.timestamps(), chunk.samples(), chunk.sampleCount());
            double last = chunk.lastTimestamp();
            if (last - stream.lastOffsetAt >= CLOCK_OFFSET_INTERVAL_SECONDS) {
                writer.writeClockOffset(stream.id, last, 0.0);
                stream.lastOffsetAt = last;
            }
        }

        private void write(MarkerEvent marker) throws IOException {
            Integer id = markerStreams.get(marker.sessionId());
            if (id == null) {
                id = writer.addStream(XdfStreamDescription.of(marker.sessionId() + "-markers", "Markers", 1, 0, XdfChannelFormat.STRING)
                        .withSourceId(marker.sessionId()));
                writer.writeClockOffset(id, marker.timestamp(), 0.0);
                markerStreams.put(marker.sessionId(), id);
            }
            writer.writeStrings(id, new double[] {marker.timestamp()}, new String[] {marker.kind() + ":" + marker.label()}, 1);
        }

        private XdfStreamDescription describe(SignalChunk chunk) {
            XdfStreamDescription d = XdfStreamDescription.of(chunk.sessionId(), profile.lsl().type(), chunk.channelCount(),
                    chunk.nominalRateHz(), XdfChannelFormat.FLOAT32).withSourceId(chunk.sessionId()).withDeviceModel(profile.id());
            if (profile.channelCount() != chunk.channelCount()) {
                return d;
            }
            List<String> labels = new ArrayList<>();
            List<String> units = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (ChannelSpec channel : profile.channels()) {
                labels.add(channel.label());
                units.add(channel.type().isNeural() ? "microvolts" : channel.unit());
                types.add(channel.type().name());
            }
            return d.withChannels(labels, units, types);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
