package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bcistream evaluate} on a synthetic subject whose two targets are easy to tell apart (SNR 0 dB). */
class EvaluateCommandTest {
    private static final String SIM = "sim:duration=120s,targets=A+B,snr=0";

    @Test
    void reportsTheReadoutAccuracyOfLatentsAndFeatures() {
        CliRun run = CliRun.of("evaluate", "--train", SIM, "--test", SIM, "--classes", "A,B", "--latents", "16", "--beta", "4",
                "--steps", "16", "--epochs", "5", "--batch-size", "50", "--quiet");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals("classes [A, B], trials 0.5 to 3.5 s after the cue; 18 training trials, 18 test trials "
                + "(2 cues without frames left out)", lines.get(0));
        assertTrue(lines.get(2).startsWith("iP-VAE latent rates (K=16)"), lines.get(2));
        assertTrue(lines.get(3).startsWith("band-power features (M=32)"), lines.get(3));
        for (String row : lines.subList(2, 4)) {
            String[] cells = row.trim().split("\\s+");
            double test = Double.parseDouble(cells[cells.length - 1]);
            assertTrue(test >= 0.9, "the two targets at 0 dB are separable: " + row);
        }
        assertEquals("chance 0.56 (largest class share of the test trials)", lines.get(4));
    }

    @Test
    void classesThatNeverOccurAreAUserError() {
        CliRun run = CliRun.of("evaluate", "--train", SIM, "--test", SIM, "--classes", "T1,T2", "--latents", "4", "--steps", "2",
                "--epochs", "1", "--batch-size", "50", "--quiet");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("no trials of the given classes in the training sources"), run.err());
    }
}
