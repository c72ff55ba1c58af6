package org.bcistream.models.diffusion.train;

import java.io.PrintStream;

/**
 * Receives a {@link DenoiserTrainer} run's progress reports (every {@link TrainerConfig#progressInterval()}
 * steps and after the last) and checkpoints (every {@link TrainerConfig#checkpointInterval()} steps), on the
 * training thread: a slow listener slows training.
 */
public interface TrainingListener {

    /** Called with each progress report. */
    void onProgress(TrainingProgress progress);

    /** Called with each checkpoint; ignored unless overridden. */
    default void onCheckpoint(Checkpoint checkpoint) {
        // most listeners only report progress
    }

    /** A listener that prints each progress report as one line to {@code out}. */
    static TrainingListener printingTo(PrintStream out) {
        return out::println;
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return progress -> { };
    }
}
