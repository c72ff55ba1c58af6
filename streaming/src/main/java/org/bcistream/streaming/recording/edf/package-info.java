/**
 * Readers of EDF, EDF+ (C and D), BDF and BDF+ (C and D) recordings: {@link
 * org.bcistream.streaming.recording.edf.EdfRecording#open(java.nio.file.Path)}.
 *
 * <h2>Format handling</h2>
 *
 * <pre>
 *   header  256 bytes fixed:  version(8) patient(80) recording(80) startdate(8) starttime(8)
 *                             header bytes(8) reserved(44) records(8) record duration(8) signals(4)
 *           256 x ns bytes:   label(16 x ns) transducer(80 x ns) dimension(8 x ns) phys min/max(8 x ns each)
 *                             dig min/max(8 x ns each) prefiltering(80 x ns) samples per record(8 x ns) reserved(32 x ns)
 *   records records x (sum of samples per record x 2 (EDF) or 3 (BDF) bytes), signal blocks in header order
 * </pre>
 *
 * <p>BDF is recognised by its first byte {@code 0xFF} followed by {@code BIOSEMI} (24-bit little-endian two's
 * complement samples), EDF by the version {@code 0} (16-bit). The reserved field starting with {@code EDF+C}
 * / {@code BDF+C} or {@code EDF+D} / {@code BDF+D} makes the file continuous or discontinuous EDF+/BDF+.
 * Physical values: {@code phys = (dig - digMin) * (physMax - physMin) / (digMax - digMin) + physMin}.
 *
 * <p>Validation happens before anything is allocated from a header number: numeric fields must parse, the
 * signal count be at least 1, the header byte count equal {@code 256 * (signals + 1)} and fit in the file,
 * the record count be positive or -1 (unknown), the record duration be {@code >= 0} (0 only without sample
 * signals), each digital minimum be below its maximum within the sample width, the physical minimum and
 * maximum of each sample signal differ, samples per record be positive, and a data record be at most 64 MiB
 * (which bounds what a cursor allocates). Failures are {@link
 * org.bcistream.streaming.recording.RecordingFormatException}s naming the file, the byte offset, the field
 * and the numbers.
 *
 * <h2>Streams: one per sampling rate</h2>
 *
 * <p>Ordinary signals are grouped by rate ({@code samples per record / record duration}): one stream per
 * distinct rate, id {@code signals@<rate>Hz} ({@code signals@160Hz}, {@code signals@999Hz}), channels in
 * header order, labels trimmed of spaces (PhysioNet's dots kept: {@code Fc5.}), units from the physical
 * dimension. {@code EDF Annotations}/{@code BDF Annotations} signals and the BDF {@code Status} channel are
 * not streams. Time stamps are seconds from the file's start: record start plus {@code k / rate}, where the
 * record start is the onset of the record's time-keeping TAL (the first TAL of the first annotation signal)
 * in +D files, otherwise {@code record index x record duration}. A +D record that starts before the previous
 * one ends (beyond 1 us) is a format error.
 *
 * <h2>Markers</h2>
 *
 * <p>Every non-empty text of every TAL is an {@code ANNOTATION} marker with the TAL's onset (negative and
 * sub-second onsets as written) and duration (0 when absent); the empty text of time-keeping TALs is not a
 * marker. Malformed TALs fail with the byte offset.
 *
 * <p>BDF trigger rule: with {@code code[n] = Status[n] & 0xFFFF}, sample {@code n >= 1} is a {@code TRIGGER}
 * marker when {@code code[n] != code[n-1]} and {@code code[n] != 0}; the first sample never is (a non-zero
 * code there is the resting level). Label: the code in decimal; duration: samples until the code changes,
 * divided by the Status rate. The high byte of Status (CMS, battery, speed bits) is ignored.
 *
 * <h2>Truncation rule</h2>
 *
 * <p>A file that ends inside its data records opens with its complete records only; a partial last record is
 * ignored and a warning names the records declared and read, the bytes of the partial record and the records
 * and bytes missing. A record count of -1 is taken from the file size; bytes after the declared records are
 * ignored; both with a warning. A header that is itself cut short is an error.
 */
package org.bcistream.streaming.recording.edf;
