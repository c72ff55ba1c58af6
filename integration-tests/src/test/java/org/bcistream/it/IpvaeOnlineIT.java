package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iP-VAE acceptance on the synthetic subject, through the command line: a model trained with
 * {@code bcistream train ipvae} on one seed's session, run online by {@code bcistream run --ipvae} on another
 * seed's session (another simulated head, another trial sequence), reconstructs its feature frames with a mean
 * per-frame R² of at least 0.5; its latent frames are in the output, with the posterior carried from frame
 * to frame.
 */
class IpvaeOnlineIT {
    private static final Pattern SESSION_ROW = Pattern.compile("^\\s+sim-1\\s+(\\d+)\\s+(-?[0-9.]+)\\s+([0-9.]+)%\\s+(\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void aModelTrainedOnOneSeedReconstructsAnotherSeedsSessionOnline() throws Exception {
        Path model = dir.resolve("model.zip");
        Cli.Result trained = Cli.run("train", "ipvae", "--source", "sim:duration=300s,seed=1", "--latents", "64", "--beta", "4",
                "--epochs", "40", "--seed", "3", "--quiet", "--out", model.toString());
        assertTrue(trained.out().contains("wrote " + model), trained.out() + trained.err());

        Path out = dir.resolve("out");
        Cli.Result run = Cli.run("run", "--source", "sim:duration=300s,seed=2", "--ipvae", model.toString(), "--out", out.toString());
        Matcher row = SESSION_ROW.matcher(run.out());
        assertTrue(row.find(), run.out());
        int frames = Integer.parseInt(row.group(1));
        double meanR2 = Double.parseDouble(row.group(2));
        System.out.printf("trained on seed 1, online on seed 2: %d frames, mean R2 %.3f, zero spikes %s%%%n", frames, meanR2,
                row.group(3));
        assertTrue(meanR2 >= 0.5, "mean per-frame R2 " + meanR2);
        assertEquals("0", row.group(4), "no frame with a rate at the ceiling");

        List<String> latents = Files.readAllLines(out.resolve("sim-1").resolve("latents.jsonl"));
        assertEquals(frames, latents.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(latents.get(0));
        JsonNode last = json.readTree(latents.get(latents.size() - 1));
        assertEquals(64, first.get("rates").size());
        assertTrue(last.get("index").asLong() > first.get("index").asLong());
    }
}
