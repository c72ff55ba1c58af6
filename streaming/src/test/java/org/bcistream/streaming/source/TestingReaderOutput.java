package org.bcistream.streaming.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;

/** A {@link ReaderOutput} that keeps what a source reader emits: records with their time stamps. */
final class TestingReaderOutput<T> implements ReaderOutput<T> {
    final List<T> records = new ArrayList<>();
    final List<Long> timestamps = new ArrayList<>();
    final List<Watermark> watermarks = new ArrayList<>();

    @Override
    public void collect(T record) {
        throw new AssertionError("the reader must emit records with their event time stamp");
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
        timestamps.add(timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        watermarks.add(watermark);
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        throw new UnsupportedOperationException("per-split outputs are not used by this reader");
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        throw new UnsupportedOperationException("per-split outputs are not used by this reader");
    }
}
