package org.bcistream.streaming.source;

import org.bcistream.streaming.config.Pacing;

/** The {@link PacedSessionReader} of simulated sessions. */
final class SyntheticSessionReader extends PacedSessionReader<SyntheticSessionSplit> {
    SyntheticSessionReader(Pacing pacing) {
        super(pacing, SimulatedSession::resume);
    }
}
