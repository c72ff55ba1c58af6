package org.bcistream.streaming.recording.xdf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the XDF reader worked out about one stream beyond the shared model: its value format, clock offsets,
 * clock segments and dejitter segments, and its effective rate. Numeric and string (marker) streams alike,
 * empty ones included.
 *
 * @param id XDF stream id as text (unsigned decimal)
 * @param name stream name from the header, or empty
 * @param type content type from the header, or empty
 * @param sourceId LSL source id from the header, or empty
 * @param deviceModel {@code desc/acquisition/model} from the header, or empty
 * @param format value format of the samples
 * @param channelCount values per sample
 * @param nominalRateHz declared rate, hertz; 0 for irregular streams
 * @param sampleCount samples read (after dropping samples of a corrupted last clock offset, see
 *     {@link XdfRecording})
 * @param clockOffsetCount ClockOffset chunks used for synchronisation
 * @param clockSegments sample-index ranges, inclusive, each synchronised with its own linear clock fit;
 *     empty when clock synchronisation is off or the stream has no samples or no clock offsets
 * @param segments sample-index ranges, inclusive, between time-stamp breaks (dejitter segments); one range
 *     covering every sample when dejittering is off or the stream is irregular; empty for an empty stream
 * @param effectiveRateHz measured rate, hertz: samples minus one over duration summed over the segments;
 *     0 for irregular streams and for streams of fewer than two samples
 */
public record XdfStreamDetails(
        String id,
        String name,
        String type,
        String sourceId,
        String deviceModel,
        XdfChannelFormat format,
        int channelCount,
        double nominalRateHz,
        long sampleCount,
        int clockOffsetCount,
        List<Segment> clockSegments,
        List<Segment> segments,
        double effectiveRateHz) {

    public XdfStreamDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        clockSegments = List.copyOf(clockSegments);
        segments = List.copyOf(segments);
    }

    /**
     * An inclusive range of sample indices.
     *
     * @param first index of the first sample
     * @param last index of the last sample ({@code >= first})
     */
    public record Segment(long first, long last) {
        public Segment {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "segment (%d, %d) is not a range of sample indices",
                        first, last));
            }
        }

        /** Samples in the range. */
        public long length() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return "(" + first + ", " + last + ")";
        }
    }
}
