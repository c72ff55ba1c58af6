package org.bcistream.streaming.recording.csv;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bcistream.streaming.recording.RecordedStream;
import org.bcistream.streaming.recording.Recording;
import org.bcistream.streaming.recording.RecordingTestFiles;
import org.bcistream.streaming.recording.RecordingTestFiles.StreamData;

/**
 * The shared CSV recordings, the small fixtures, and reading a whole stream.
 *
 * <p>Fixtures in {@code src/test/resources/csv/}, cut unchanged from the shared files with {@code head} and
 * {@code sed}: {@code muse-p300-head.csv} (the P300 file's first 30 lines: header and 29 samples, one marker
 * {@code 1} on line 22), {@code muse-ssvep-stepback.csv} (the SSVEP file's header and its lines 3055-3070, where
 * its time stamps step back), {@code openbci-head.txt} (the OpenBCI file's 5 header lines and 40 samples, CRLF).
 */
final class CsvTestFiles {
    /** The shared CSV folder. */
    static final Path DATA = RecordingTestFiles.DATA.resolve("csv");

    static final String P300 = "muse2016_visual-P300_subject1_session1_data_2017-02-04-15_45_13.csv";
    static final String SSVEP = "muse2016_visual-SSVEP_subject1_session1_data_2017-09-14-21.20.04.csv";
    static final String OPENBCI = "openbci-cyton_OpenBCI_GUI-v6-blinks-jawClench-alpha.txt";

    private CsvTestFiles() {}

    /** A file of the shared CSV folder; skips the test when the shared data folder is missing. */
    static Path data(String name) {
        return RecordingTestFiles.data("csv/" + name);
    }

    /** A fixture of {@code src/test/resources/csv/}. */
    static Path fixture(String name) {
        return RecordingTestFiles.fixture("csv", name);
    }

    /** A file's text, one char per byte. */
    static String text(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    }

    /** Reads a whole stream (time stamps may repeat but never decrease) with the contract checked. */
    static StreamData readAll(Recording recording, RecordedStream stream, int chunk) throws IOException {
        return RecordingTestFiles.readAll(recording, stream, chunk, false, 0.0);
    }
}
