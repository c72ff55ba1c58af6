package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.models.ipvae.KlForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bcistream train ipvae}, {@code bundle show} and {@code bundle import-phi}, without a Flink job. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsABundleThatRecordsItsDataSettingsAndCommand() throws IOException {
        Path out = dir.resolve("model.zip");
        CliRun run = CliRun.of("train", "ipvae", "--source", "sim:duration=40s,sessions=2", "--latents", "8", "--beta", "4",
                "--steps", "4", "--epochs", "2", "--batch-size", "20", "--seed", "9", "--bands", "alpha:8-13,beta:13-30",
                "--kl", "reference", "--quiet", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("wrote " + out + ": iP-VAE M=16 K=8, beta 4; training R2 "), run.out());
        assertTrue(run.err().contains("frames of M = 16 features, K = 8 latents, beta 4, T_train 4, 2 epochs"), run.err());

        IpvaeBundle bundle = IpvaeBundle.read(out);
        assertEquals(16, bundle.model().featureCount());
        assertEquals(8, bundle.model().latentCount());
        assertEquals(KlForm.REFERENCE_CODE, bundle.inference().klForm());
        assertEquals(32, bundle.inference().innerSteps());
        assertEquals(0, bundle.inference().betaInner());
        assertEquals(9, bundle.provenance().seed());
        assertTrue(bundle.provenance().command().startsWith("bcistream train ipvae --source sim:duration=40s,sessions=2"),
                bundle.provenance().command());
        assertEquals(64, bundle.provenance().dataFingerprint().length());
        FeatureSettings features = FeatureSettings.fromJson(bundle.featureSettings());
        assertEquals("openbci-cyton", features.profileId());
        assertEquals(Map.of("bands", "alpha:8-13,beta:13-30"), features.options());
        assertEquals(4, bundle.training().get("unrolledSteps").asInt());

        CliRun again = CliRun.of("train", "ipvae", "--source", "sim:duration=40s,sessions=2", "--latents", "8", "--beta", "4",
                "--steps", "4", "--epochs", "2", "--batch-size", "20", "--seed", "9", "--bands", "alpha:8-13,beta:13-30",
                "--kl", "reference", "--quiet", "--out", dir.resolve("again").toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(bundle.model(), IpvaeBundle.read(dir.resolve("again")).model(), "the same seed trains the same model");

        CliRun show = CliRun.of("bundle", "show", out.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().startsWith(out + ": ipvae bundle, format 1"), show.out());
        assertTrue(show.out().contains("phi                      F64  [16, 8]"), show.out());
        assertTrue(show.out().contains("provenance: seed 9"), show.out());
    }

    @Test
    void tooFewFramesForABatchIsAUserError() {
        CliRun run = CliRun.of("train", "ipvae", "--source", "sim:duration=10s", "--batch-size", "100", "--quiet",
                "--out", dir.resolve("m").toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("gives 17 feature frames, fewer than one batch (--batch-size 100)"), run.err());
    }

    @Test
    void importsADictionaryAndRefusesWhatIsNotOne() throws IOException {
        Path phi = dir.resolve("phi.npy");
        Files.write(phi, npy2x3());
        CliRun run = CliRun.of("bundle", "import-phi", phi.toString(), "--out", dir.resolve("imported").toString());
        assertEquals(0, run.exit(), run.err());
        IpvaeBundle bundle = IpvaeBundle.read(dir.resolve("imported"));
        assertEquals(2, bundle.model().featureCount());
        assertEquals(3, bundle.model().latentCount());
        assertEquals(-2.5, bundle.model().decoder().phi(1, 2));
        assertTrue(bundle.featureSettings().isEmpty());

        Path notNpy = dir.resolve("phi.txt");
        Files.writeString(notNpy, "1 2 3");
        CliRun bad = CliRun.of("bundle", "import-phi", notNpy.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().startsWith("bcistream: "), bad.err());

        Files.write(dir.resolve("imported").resolve("weights.safetensors"), new byte[] {1, 2, 3});
        CliRun tampered = CliRun.of("bundle", "show", dir.resolve("imported").toString());
        assertEquals(2, tampered.exit(), tampered.err());
        assertTrue(tampered.err().startsWith("bcistream: "), tampered.err());
    }

    /** A float64 C-order .npy of [[1, 2, 3], [0.5, -1, -2.5]], written from the format description. */
    private static byte[] npy2x3() {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        int total = 10 + header.length() + 1;
        int padding = (64 - total % 64) % 64;
        String padded = header + " ".repeat(padding) + "\n";
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(10 + padded.length() + 6 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buffer.putShort((short) padded.length()).put(padded.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (double v : new double[] {1, 2, 3, 0.5, -1, -2.5}) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }
}
