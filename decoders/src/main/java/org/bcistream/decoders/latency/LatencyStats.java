package org.bcistream.decoders.latency;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.bcistream.decoders.record.LatencyBreakdown;

/**
 * Latency histograms of decoded outputs, per stage and end to end (HdrHistogram, 1 µs to 1 h at 3 significant
 * digits), with the deadline misses. Record each output's {@link LatencyBreakdown}; merge the stats of
 * several tasks; print percentiles. Serializable (the histograms in their compressed form) so Flink can carry
 * it as an accumulator value. Not thread-safe.
 */
public final class LatencyStats implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long LOWEST_NANOS = 1_000;
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int DIGITS = 3;

    /** The intervals measured, each between two instants of {@link LatencyBreakdown}. */
    public enum Stage {
        /** Source time stamp (mapped to the local clock) to ingest. */
        ACQUISITION_TO_INGEST("acquisition->ingest"),
        /** Ingest to the latent frame that completed the trigger. */
        INGEST_TO_LATENT("ingest->latent"),
        /** Latent frame to generated output. */
        LATENT_TO_GENERATED("latent->generated"),
        /** Generated output to emitted by the sink. */
        GENERATED_TO_EMITTED("generated->emitted"),
        /** Acquisition to emitted. */
        END_TO_END("end to end");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** Human-readable name, e.g. {@code ingest->latent}. */
        public String label() {
            return label;
        }
    }

    private transient Map<Stage, Histogram> histograms;
    private long outputs;
    private long deadlineMisses;

    public LatencyStats() {
        histograms = newHistograms();
    }

    private static Map<Stage, Histogram> newHistograms() {
        Map<Stage, Histogram> m = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            m.put(s, new Histogram(LOWEST_NANOS, HIGHEST_NANOS, DIGITS));
        }
        return m;
    }

    /** Records one output; a value outside 1 µs..1 h is clamped into it. */
    public void record(LatencyBreakdown latency, boolean deadlineMet) {
        put(Stage.ACQUISITION_TO_INGEST, latency.ingestNanos() - latency.acquisitionNanos());
        put(Stage.INGEST_TO_LATENT, latency.latentNanos() - latency.ingestNanos());
        put(Stage.LATENT_TO_GENERATED, latency.generatedNanos() - latency.latentNanos());
        put(Stage.GENERATED_TO_EMITTED, latency.emittedNanos() - latency.generatedNanos());
        put(Stage.END_TO_END, latency.endToEndNanos());
        outputs++;
        if (!deadlineMet) {
            deadlineMisses++;
        }
    }

    private void put(Stage stage, long nanos) {
        histograms.get(stage).recordValue(Math.max(LOWEST_NANOS, Math.min(HIGHEST_NANOS, nanos)));
    }

    /** Adds another task's stats to these. */
    public void merge(LatencyStats other) {
        for (Stage s : Stage.values()) {
            histograms.get(s).add(other.histograms.get(s));
        }
        outputs += other.outputs;
        deadlineMisses += other.deadlineMisses;
    }

    /** Outputs recorded. */
    public long outputs() {
        return outputs;
    }

    /** Outputs emitted after their budget. */
    public long deadlineMisses() {
        return deadlineMisses;
    }

    /** The value at {@code percentile} (0..100) of a stage, nanoseconds (0 when nothing was recorded). */
    public long percentileNanos(Stage stage, double percentile) {
        Histogram h = histograms.get(stage);
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }

    /** The largest value of a stage, nanoseconds (0 when nothing was recorded). */
    public long maxNanos(Stage stage) {
        Histogram h = histograms.get(stage);
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue();
    }

    /** A table of p50, p90, p99 and max per stage, in milliseconds, and the deadline misses. */
    public String report() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-20s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "max"));
        for (Stage s : Stage.values()) {
            b.append(String.format(Locale.ROOT, "  %-20s %9.2f %9.2f %9.2f %9.2f%n", s.label(), percentileNanos(s, 50) / 1e6,
                    percentileNanos(s, 90) / 1e6, percentileNanos(s, 99) / 1e6, maxNanos(s) / 1e6));
        }
        b.append(String.format(Locale.ROOT, "  deadline misses      %d of %d outputs", deadlineMisses, outputs));
        return b.toString();
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        for (Stage s : Stage.values()) {
            Histogram h = histograms.get(s);
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            out.writeInt(length);
            out.write(buffer.array(), 0, length);
        }
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        histograms = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            int length = in.readInt();
            if (length < 0 || length > 16 << 20) {
                throw new java.io.InvalidObjectException("latency histogram of " + length + " bytes");
            }
            byte[] bytes = in.readNBytes(length);
            try {
                histograms.put(s, Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), LOWEST_NANOS));
            } catch (DataFormatException e) {
                throw new java.io.InvalidObjectException("latency histogram of " + s + " is corrupt: " + e.getMessage());
            }
        }
    }
}
