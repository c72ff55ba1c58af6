package org.bcistream.models.ipvae.train;

import static org.bcistream.models.ipvae.train.Validation.check;

import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeEngine;
import org.bcistream.models.ipvae.IpvaeFrame;
import org.bcistream.models.ipvae.IpvaeModel;
import org.bcistream.models.ipvae.IpvaeSession;
import org.bcistream.models.ipvae.IpvaeState;
import org.bcistream.models.random.SplitMix64;

/**
 * Runs a model with the online inference engine ({@link IpvaeSession}, exact Poisson spikes) and summarises
 * the reconstruction R² and the fraction of zero spikes. Deterministic for a seed. Stateless.
 */
public final class IpvaeEvaluation {
    private IpvaeEvaluation() {}

    /**
     * The streaming mode (spec ipvae.md §7): one session over all frames in order, each frame updating the
     * posterior that is the next frame's prior, u_init at the first frame only. Every frame's output counts.
     *
     * @param frames N &ge; 1 frames of M values
     * @param seed the session's random stream
     */
    public static EvaluationResult online(IpvaeModel model, IpvaeConfig config, double[][] frames, long seed) {
        check(frames != null && frames.length > 0, "evaluation needs at least one frame");
        IpvaeSession session = IpvaeSession.start(IpvaeEngine.sparse(model, config), seed);
        double r2 = 0;
        double zeros = 0;
        for (double[] x : frames) {
            IpvaeFrame frame = session.step(x);
            r2 += frame.r2();
            zeros += frame.zeroFraction();
        }
        return new EvaluationResult(frames.length, r2 / frames.length, zeros / frames.length);
    }

    /**
     * The reference's validation mode (spec §2.6, §5.1): each frame is held for {@code stepsPerFrame} steps in
     * its own session from u_init (random stream {@code split()} of {@code SplitMix64.of(seed)}, frame by
     * frame), and the output of its last step counts.
     *
     * @param stepsPerFrame the inference steps per frame, {@code >= 1} (T_train during training; the paper's
     *     figures use 1000)
     */
    public static EvaluationResult repeated(IpvaeModel model, IpvaeConfig config, double[][] frames,
            int stepsPerFrame, long seed) {
        check(frames != null && frames.length > 0, "evaluation needs at least one frame");
        check(stepsPerFrame >= 1, "steps per frame must be >= 1; got %d", stepsPerFrame);
        IpvaeEngine engine = IpvaeEngine.sparse(model, config);
        SplitMix64 streams = SplitMix64.of(seed);
        double r2 = 0;
        double zeros = 0;
        for (double[] x : frames) {
            IpvaeSession session = new IpvaeSession(engine, IpvaeState.initial(model, streams.split()));
            IpvaeFrame frame = null;
            for (int step = 0; step < stepsPerFrame; step++) {
                frame = session.step(x);
            }
            r2 += frame.r2();
            zeros += frame.zeroFraction();
        }
        return new EvaluationResult(frames.length, r2 / frames.length, zeros / frames.length);
    }
}
