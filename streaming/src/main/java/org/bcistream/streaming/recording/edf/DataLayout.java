package org.bcistream.streaming.recording.edf;

import java.nio.file.Path;

/**
 * Where the data records of an opened file lie and when each starts.
 *
 * @param path the file, for messages
 * @param dataStart file offset of the first data record (the header's byte count)
 * @param recordBytes bytes per data record
 * @param records complete data records in the file (a partial last record is not counted)
 * @param signalOffsets byte offset of each signal's block inside a data record, in header order
 * @param bytesPerSample 2 (EDF) or 3 (BDF)
 * @param recordDuration seconds per data record
 * @param recordStarts start of each record, seconds from the file start, from the time-keeping TALs
 *     (EDF+D/BDF+D); {@code null} when records follow each other without gaps (start = index x duration)
 */
record DataLayout(
        Path path,
        long dataStart,
        int recordBytes,
        long records,
        int[] signalOffsets,
        int bytesPerSample,
        double recordDuration,
        double[] recordStarts) {

    /** File offset of data record {@code record}. */
    long recordOffset(long record) {
        return dataStart + record * recordBytes;
    }

    /** Start of data record {@code record}, seconds from the file start. */
    double recordStart(long record) {
        return recordStarts == null ? record * recordDuration : recordStarts[(int) record];
    }

    /** Time stamp of sample {@code k} of a record of a signal with {@code samplesPerRecord} samples per record. */
    double sampleTime(long record, int k, int samplesPerRecord) {
        return recordStart(record) + k * recordDuration / samplesPerRecord;
    }
}
