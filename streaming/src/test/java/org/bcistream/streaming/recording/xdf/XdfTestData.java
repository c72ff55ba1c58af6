package org.bcistream.streaming.recording.xdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared XDF test recordings ({@code shared/data/xdf}, described in {@code shared/data/README.md}). */
final class XdfTestData {
    /** The folder, relative to the {@code streaming} module directory surefire runs in. */
    static final Path FOLDER = Path.of("../../shared/data/xdf");

    private XdfTestData() {}

    /**
     * The shared file {@code name}; skips the calling test only when the whole data folder is absent (a
     * missing or unreadable file inside an existing folder fails where it is opened).
     */
    static Path file(String name) {
        assumeTrue(Files.isDirectory(FOLDER), () -> "shared XDF test data folder " + FOLDER.toAbsolutePath().normalize()
                + " is missing; skipping the tests on the shared recordings");
        return FOLDER.resolve(name);
    }
}
