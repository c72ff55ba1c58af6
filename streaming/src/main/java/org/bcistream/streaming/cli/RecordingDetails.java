package org.bcistream.streaming.cli;

import java.util.List;
import org.bcistream.streaming.recording.Recording;

/** Format-specific facts a reader knows beyond the shared model (XDF clock segments and effective rates), as lines. */
final class RecordingDetails {
    private RecordingDetails() {}

    static List<String> of(Recording recording) {
        return List.of();
    }
}
