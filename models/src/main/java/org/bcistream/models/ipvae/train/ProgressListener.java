package org.bcistream.models.ipvae.train;

/**
 * Receives {@link IpvaeTrainer}'s progress reports, every {@link TrainingConfig#progressInterval()}
 * iterations and after the last one, on the training thread (a slow listener slows training).
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(TrainingProgress progress);

    /** A listener that ignores every report. */
    static ProgressListener silent() {
        return progress -> { };
    }
}
