package org.bcistream.streaming.recording.xdf;

import java.nio.file.Path;
import org.bcistream.streaming.recording.RecordingTestFiles;

/** The shared XDF test recordings ({@code shared/data/xdf}, described in {@code shared/data/README.md}). */
final class XdfTestData {

    /** The shared XDF folder. */
    static final Path FOLDER = RecordingTestFiles.DATA.resolve("xdf");

    private XdfTestData() {}

    /**
     * The shared file {@code name}; skips the calling test only when the whole data folder is absent (a
     * missing or unreadable file inside an existing folder fails where it is opened).
     */
    static Path file(String name) {
        return RecordingTestFiles.data("xdf/" + name);
    }
}
