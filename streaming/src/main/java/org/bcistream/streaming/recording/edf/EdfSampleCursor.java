package org.bcistream.streaming.recording.edf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Locale;
import org.bcistream.streaming.recording.SampleCursor;

/**
 * Reads the signals of one rate group record by record: per record one positional read of the bytes from
 * the group's first signal block to its last, decoded into sample-major physical values. Holds one record
 * of the group in memory (allocated when the first record is read). Not thread-safe.
 */
final class EdfSampleCursor implements SampleCursor {
    private final FileChannel channel;
    private final DataLayout layout;
    private final int channels;
    private final int samplesPerRecord;
    private final int spanStart;
    private final int[] blockOffsets;
    private final double[] digitalMin;
    private final double[] unitsPerCount;
    private final double[] physicalMin;
    private final int spanBytes;
    private ByteBuffer span;
    private float[] values;
    private long record = -1;
    private int position;
    private boolean closed;

    EdfSampleCursor(FileChannel channel, DataLayout layout, List<EdfSignal> group) {
        this.channel = channel;
        this.layout = layout;
        this.channels = group.size();
        this.samplesPerRecord = group.get(0).samplesPerRecord();
        int bps = layout.bytesPerSample();
        this.spanStart = layout.signalOffsets()[group.get(0).index()];
        EdfSignal lastSignal = group.get(channels - 1);
        int spanEnd = layout.signalOffsets()[lastSignal.index()] + lastSignal.samplesPerRecord() * bps;
        this.blockOffsets = new int[channels];
        this.digitalMin = new double[channels];
        this.unitsPerCount = new double[channels];
        this.physicalMin = new double[channels];
        for (int c = 0; c < channels; c++) {
            EdfSignal s = group.get(c);
            blockOffsets[c] = layout.signalOffsets()[s.index()] - spanStart;
            digitalMin[c] = s.digitalMin();
            unitsPerCount[c] = s.unitsPerCount();
            physicalMin[c] = s.physicalMin();
        }
        this.spanBytes = spanEnd - spanStart;
        this.position = samplesPerRecord;
    }

    @Override
    public int read(double[] timestamps, float[] samples, int maxSamples) throws IOException {
        if (closed) {
            throw new IllegalStateException("cursor over " + layout.path() + " is closed");
        }
        if (maxSamples < 0 || timestamps.length < maxSamples || samples.length < (long) maxSamples * channels) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "read of %d samples of %d channels needs %d time stamps and %d values; got room for %d and %d",
                    maxSamples, channels, maxSamples, (long) maxSamples * channels, timestamps.length, samples.length));
        }
        int n = 0;
        while (n < maxSamples) {
            if (position == samplesPerRecord) {
                if (record + 1 >= layout.records()) {
                    break;
                }
                load(record + 1);
            }
            int take = Math.min(maxSamples - n, samplesPerRecord - position);
            System.arraycopy(values, position * channels, samples, n * channels, take * channels);
            for (int i = 0; i < take; i++) {
                timestamps[n + i] = layout.sampleTime(record, position + i, samplesPerRecord);
            }
            n += take;
            position += take;
        }
        boolean atEnd = position == samplesPerRecord && record + 1 >= layout.records();
        return n == 0 && atEnd ? -1 : n;
    }

    private void load(long next) throws IOException {
        if (span == null) {
            // allocated on the first record, so a file without complete records costs nothing
            span = ByteBuffer.allocate(spanBytes);
            values = new float[samplesPerRecord * channels];
        }
        span.clear();
        EdfHeaderReader.readFully(channel, layout.path(), layout.recordOffset(next) + spanStart, span);
        byte[] bytes = span.array();
        int bps = layout.bytesPerSample();
        for (int c = 0; c < channels; c++) {
            int at = blockOffsets[c];
            double dmin = digitalMin[c];
            double gain = unitsPerCount[c];
            double pmin = physicalMin[c];
            for (int k = 0; k < samplesPerRecord; k++, at += bps) {
                values[k * channels + c] = (float) ((Samples.decode(bytes, at, bps) - dmin) * gain + pmin);
            }
        }
        record = next;
        position = 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
