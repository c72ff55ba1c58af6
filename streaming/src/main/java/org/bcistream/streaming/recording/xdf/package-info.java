/**
 * XDF (Extensible Data Format, the Lab Streaming Layer recording format written by LabRecorder): a reader,
 * {@link org.bcistream.streaming.recording.xdf.XdfRecording}, and a writer,
 * {@link org.bcistream.streaming.recording.xdf.XdfWriter}.
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * file   = "XDF:" chunk*
 * chunk  = length:varint  tag:u16  [streamId:u32 for tags 2, 3, 4, 6]  content     (little endian)
 * varint = width:u8 (1, 4 or 8)  value:unsigned of that many bytes; length counts tag + id + content
 *
 * tag 1 FileHeader    XML &lt;info&gt;&lt;version&gt;1.0&lt;/version&gt;...; exactly one, first
 * tag 2 StreamHeader  XML &lt;info&gt; of the LSL stream: channel_count, nominal_srate, channel_format required
 * tag 3 Samples       count:varint, then count x { stampBytes:u8 (0 or 8) [stamp:f64] values }
 *                     numeric values: channel_count x int8|int16|int32|int64|float32|double64
 *                     string values:  channel_count x { length:varint  UTF-8 bytes }
 * tag 4 ClockOffset   collectionTime:f64 (stream clock)  offset:f64 (recorder minus stream clock)
 * tag 5 Boundary      16-byte signature 43 A5 46 DC CB F5 41 0F B3 0E D5 46 73 83 CB E4
 * tag 6 StreamFooter  XML &lt;info&gt;: first_timestamp, last_timestamp, sample_count, clock_offsets
 * </pre>
 *
 * <p>A sample without a time stamp (stampBytes 0) gets the stream's previous time stamp plus 1 / nominal
 * rate (plus 0 for irregular streams); "previous" starts at 0 and carries across chunks. Streams appear in
 * any id order and may be empty; unknown tags are skipped by their length.
 *
 * <h2>What is kept in memory</h2>
 *
 * <p>Opening makes one pass over the file. It keeps the stream headers, the clock offsets, one time stamp
 * (8 bytes) per sample of every stream, the text of string samples (the markers), and, per Samples chunk
 * of a numeric stream, its byte range and sample count. Numeric values are not kept: a cursor reads them
 * from the file chunk by chunk through its own 64 KiB buffer. Every length, count and string size is
 * checked against the file and its chunk before anything is read or allocated, XML payloads and strings are
 * capped at 16 MiB, and channel counts at 2^20, so a hostile file cannot make the reader allocate more than
 * a small multiple of its own size.
 *
 * <h2>Bad and truncated files</h2>
 *
 * <p>Content that breaks the format fails with
 * {@link org.bcistream.streaming.recording.RecordingFormatException} naming the file, the byte offset and
 * the numbers: a length width other than 1, 4 or 8, a chunk shorter than its tag (and stream id), a missing
 * or repeated FileHeader, a repeated StreamHeader or StreamFooter, a chunk for a stream without header, a
 * sample count the chunk cannot hold, a time-stamp size other than 0 or 8, a non-finite time stamp or clock
 * offset, a string running past its chunk, samples that do not end where their chunk ends, a Boundary or
 * ClockOffset of the wrong size, and XML that is not well-formed, has a root other than {@code <info>}, a
 * {@code DOCTYPE} (so no entities), or lacks a required header field. <b>Truncation:</b> a file that ends
 * inside a chunk opens with every complete chunk before it; the cut chunk is ignored and a warning names its
 * offset, type, and declared and present bytes. A length that runs past the end of the file is treated as
 * such a cut.
 *
 * <h2>Time stamps (pyxdf's algorithm)</h2>
 *
 * <p>The reader reproduces pyxdf 1.17.5's {@code load_xdf} with its defaults
 * ({@link org.bcistream.streaming.recording.xdf.XdfOptions}), per stream:
 *
 * <ol>
 *   <li><b>Corrupted last offset.</b> If the stream has more samples than its footer's sample count and its
 *       last of at least three clock offsets is anomalous (interval over 10 median intervals, or value over
 *       10 MAD-standard-deviations from the median), that offset and the surplus samples are dropped.
 *   <li><b>Clock resets.</b> Between consecutive clock offsets a reset is assumed where the collection time
 *       goes backwards, or where both the time interval and the offset change are outliers: more than 5
 *       (time) or 10 (offset) median absolute deviations and more than 5 s (time) or 1 s (offset) from
 *       their medians. This splits the offsets into ranges.
 *   <li><b>Clock fit.</b> Per range, offset = a + b * collection time, fitted with the Huber loss (knee at
 *       0.1 ms) by ADMM, 1000 iterations; a single-offset range gives a constant.
 *   <li><b>Apply.</b> Each time stamp t becomes t + a + b * t with its range's line. With several ranges,
 *       samples are assigned walking forward: a new clock segment starts at the first sample closer to the
 *       next range's first collection time than to the current range's last one.
 *   <li><b>Dejitter</b> (regular streams whose header does not say {@code can_drop_samples}): the stream is
 *       split where consecutive stamps differ by more than max(1 s, 500 / nominal rate), and each segment's
 *       stamps are replaced by their least-squares line over the sample index. The effective rate is the
 *       sum of (samples - 1) over the sum of durations of the segments; a deviation over 10% from the
 *       nominal rate is a warning.
 * </ol>
 *
 * <p>Each stream is thus mapped independently into the recording machine's clock, which aligns the
 * streams; nothing is resampled.
 */
package org.bcistream.streaming.recording.xdf;
