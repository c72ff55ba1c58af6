package org.bcistream.streaming.source;

import org.apache.flink.api.connector.source.SourceSplit;

/** A split that is one session of a source, numbered from 1; the number decides which reader gets it. */
public interface IndexedSplit extends SourceSplit {
    /** The session's 1-based number within its source. */
    int sessionIndex();
}
