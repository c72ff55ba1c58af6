package org.bcistream.models.ipvae.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeModel;

/**
 * The acceptance experiments of the iP-VAE training (issue 3), on synthetic data; minutes of CPU, so run by
 * hand, not by the build:
 *
 * <ol>
 *   <li>dictionary recovery: x = Φ_true z + N(0, 0.05²) with K = 64 random unit-norm atoms in M = 32 and
 *       z_k ~ Poisson(0.05) (about 3 active atoms per frame); 10,000 training frames. Reported: the mean over
 *       true atoms of the best absolute cosine similarity to a learned atom (target ≥ 0.9);
 *   <li>β sweep on the same data, β = 1, 4, 16, 64: R² and the fraction of zero spikes on 2,000 held-out
 *       frames, each held for T_train = 16 and for 100 steps from u_init (the reference's validation), and
 *       run online as one stream (posterior → prior; the frames are independent, so this is the hard case).
 *       Target: the zero fraction increases with β.
 * </ol>
 *
 * Training: T_train = 16, batch 100, the reference schedules and optimiser, seed 7. Usage (from the
 * repository root, after {@code mvn -o -q test-compile -pl models -Dbuild.dirname=target-train}):
 *
 * <pre>
 * java -cp models/target-train/test-classes:models/target-train/classes:&lt;models' classpath&gt; \
 *     org.bcistream.models.ipvae.train.IpvaeExperiments [epochs, default 20]
 * </pre>
 */
public final class IpvaeExperiments {
    private static final double[] BETAS = {1, 4, 16, 64};

    private IpvaeExperiments() {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SyntheticDictionary source = SyntheticDictionary.random(32, 64, 0.05, 0.05, 1);
        double[][] training = source.sample(10_000, 2);
        double[][] heldOut = source.sample(2_000, 3);
        System.out.printf(Locale.ROOT, "synthetic: M=32, K=64 unit-norm atoms, z~Poisson(0.05), noise sd 0.05; "
                + "%d training frames, %d held out; an unrelated random dictionary recovers %.3f%n", training.length,
                heldOut.length, source.recovery(SyntheticDictionary.random(32, 64, 0.05, 0.05, 99).atoms()));
        TrainingConfig base = TrainingConfig.builder()
                .setLatents(64)
                .optEpochs(epochs)
                .optBatchSize(100)
                .optProgress(500, 256)
                .optSeed(7)
                .build();
        List<String> rows = new ArrayList<>();
        for (double beta : BETAS) {
            TrainingConfig config = base.toBuilder().optBeta(beta).build();
            System.out.printf(Locale.ROOT, "%n== beta %.0f: %s%n", beta, config);
            TrainingResult result = new IpvaeTrainer(config).train(training, p -> System.out.println("  " + p));
            IpvaeModel model = result.model();
            IpvaeConfig inference = config.inferenceConfig();
            EvaluationResult held = IpvaeEvaluation.repeated(model, inference, heldOut, 16, 11);
            EvaluationResult longer = IpvaeEvaluation.repeated(model, inference, heldOut, 100, 11);
            EvaluationResult online = IpvaeEvaluation.online(model, inference, heldOut, 11);
            String row = String.format(Locale.ROOT,
                    "beta %4.0f | recovery %.3f | held T=16: R2 %.3f zeros %.3f | held T=100: R2 %.3f zeros %.3f"
                            + " | online: R2 %.3f zeros %.3f | %.1f steps/s, %.0f s",
                    beta, source.recovery(model.decoder().phi()), held.meanR2(), held.zeroFraction(),
                    longer.meanR2(), longer.zeroFraction(), online.meanR2(), online.zeroFraction(),
                    result.stepsPerSecond(), result.seconds());
            System.out.println(row);
            rows.add(row);
        }
        System.out.printf("%n== summary (%d epochs, %d iterations per run)%n", epochs, epochs * training.length / 100);
        rows.forEach(System.out::println);
    }
}
