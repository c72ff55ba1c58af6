/**
 * Readers for consumer-headset text exports: {@link org.bcistream.streaming.recording.csv.MuseCsvRecording}
 * (muse-lsl CSV) and {@link org.bcistream.streaming.recording.csv.OpenBciTextRecording} (OpenBCI GUI v5/v6 raw
 * text), both implementing {@link org.bcistream.streaming.recording.Recording}.
 *
 * <h2>Layouts</h2>
 *
 * <pre>
 * muse-lsl CSV                                  OpenBCI GUI raw text
 * timestamps,TP9,AF7,AF8,TP10,Right AUX,Marker  %OpenBCI Raw EXG Data
 * 1486223115.483,-44.922,...,82.031,0           %Number of channels = 8
 * ...                                           %Sample Rate = 250 Hz
 *                                               %Board = OpenBCI_GUI$BoardCytonSerial
 *                                               Sample Index, EXG Channel 0, ..., Timestamp, Marker Channel, Timestamp (Formatted)
 *                                               0, 61379.36, ..., 1557936053329,0, 12:00:53.329
 * </pre>
 *
 * <h2>Rules common to both readers</h2>
 *
 * <ul>
 *   <li>Streaming: {@code open} reads the file once (validation, sample and marker counts, first and last time,
 *       gaps); only the markers are kept. Each cursor reads the file again, one line per sample, on demand.
 *   <li>Lines end at {@code \n}, optionally preceded by {@code \r}; bytes are read as ISO-8859-1, so binary data
 *       fails as a bad header or a bad number, never as a decoding error. A line longer than 64 KiB is refused
 *       without reading further.
 *   <li>Every data line has exactly the header's number of columns; numbers are plain decimals
 *       ({@code [+-]digits[.digits][e[+-]digits]}, blanks around them allowed). NaN, infinities, other text and
 *       samples beyond the float range fail; time stamps must lie within +-1e12 s.
 *   <li>Time may step back by at most 0.1 s (stamping jitter); a larger step back fails.
 *   <li>Blank lines are allowed only at the end of the file.
 *   <li>Truncation: a last line without a line end that has fewer columns than the header, or whose last value
 *       is incomplete (empty, or not a number where one is expected), is dropped with a warning in
 *       {@code warnings()}. The same defects on any other line fail the file.
 *   <li>Every failure is a {@link org.bcistream.streaming.recording.RecordingFormatException} whose message reads
 *       {@code <file>: line <n>: <what was wrong, with the values>}.
 * </ul>
 *
 * <p>Format-specific rules (time stamps, markers, the OpenBCI sample counter and clock fit) are documented on each
 * reader.
 */
package org.bcistream.streaming.recording.csv;
