package org.bcistream.streaming.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bcistream.models.bundle.ModelBundle;
import org.bcistream.models.bundle.NpyArray;
import org.bcistream.models.bundle.Provenance;
import org.bcistream.models.bundle.Tensor;
import org.bcistream.models.ipvae.IpvaeBundle;
import org.bcistream.models.ipvae.IpvaeConfig;
import org.bcistream.models.ipvae.IpvaeModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bcistream bundle}: model bundle tools. */
@Command(name = "bundle", mixinStandardHelpOptions = true, description = "Model bundle tools.",
        subcommands = {BundleCommand.Show.class, BundleCommand.ImportPhi.class})
final class BundleCommand {

    /** {@code bcistream bundle show}: validates a bundle and describes it. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Validate a model bundle (checksums, shapes) and print its kind, tensors, hyper-parameters and provenance.",
                    "Example: bcistream bundle show model.zip"})
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<bundle>", description = "A bundle directory or zip file.")
        Path path;

        @Override
        public Integer call() throws Exception {
            ModelBundle bundle = ModelBundle.read(path);
            if (IpvaeBundle.KIND.equals(bundle.kind())) {
                IpvaeBundle.of(bundle);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %s bundle, format %d%n", path, bundle.kind(), bundle.formatVersion());
            out.println("tensors:");
            long total = 0;
            for (Map.Entry<String, Tensor> e : bundle.weights().tensors().entrySet()) {
                Tensor t = e.getValue();
                out.printf(Locale.ROOT, "  %-24s %-4s %s%n", e.getKey(), t.dtype(), Arrays.toString(t.shape()));
                total += t.size();
            }
            out.printf(Locale.ROOT, "  %,d values%n", total);
            ObjectMapper json = new ObjectMapper();
            out.println("hyper-parameters: " + json.writerWithDefaultPrettyPrinter().writeValueAsString(bundle.hyperParameters().json()));
            Provenance p = bundle.provenance();
            out.printf("provenance: seed %d, data %s%n  command: %s%n  created by: %s%n", p.seed(), p.dataFingerprint(),
                    p.command(), p.createdBy());
            if (p.notes() != null && !p.notes().isEmpty()) {
                out.println("  notes: " + p.notes());
            }
            return 0;
        }
    }

    /** {@code bcistream bundle import-phi}: wraps a dictionary trained elsewhere in an iP-VAE bundle. */
    @Command(name = "import-phi", mixinStandardHelpOptions = true,
            description = {"Make an iP-VAE bundle from a dictionary Phi trained elsewhere: a 2-D .npy array [features M, latents K]; "
                    + "sigma = 1 and the other parameters at the trainer's initial values.",
                    "Example: bcistream bundle import-phi phi.npy --out imported.zip"})
    static final class ImportPhi implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<phi.npy>", description = "The dictionary, float or integer dtype, C or Fortran order.")
        Path phi;

        @Option(names = "--out", required = true, paramLabel = "<bundle>", description = "The bundle to write (directory or .zip).")
        Path out;

        @Option(names = "--beta", paramLabel = "<B>", defaultValue = "24", description = "KL weight recorded for inference. Default ${DEFAULT-VALUE}.")
        double beta;

        @Option(names = "--inner-steps", paramLabel = "<n>", defaultValue = "1", description = "Updates per frame. Default ${DEFAULT-VALUE}.")
        int innerSteps;

        @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Seed of the initial u_init draw. Default ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            NpyArray array = NpyArray.read(phi);
            IpvaeModel model = IpvaeBundle.modelFromDictionary(array, seed);
            IpvaeConfig defaults = IpvaeConfig.defaults();
            IpvaeConfig inference = new IpvaeConfig(innerSteps, defaults.betaInner(), defaults.clampU(), defaults.clampDeltaU(), beta,
                    defaults.klForm());
            ObjectNode training = JsonNodeFactory.instance.objectNode().put("importedFrom", phi.getFileName().toString());
            new IpvaeBundle(model, inference, null, training, new Provenance(seed, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(phi))),
                    Commands.line(spec),
                    new VersionProvider().getVersion()[0], "dictionary imported from " + phi.getFileName())).write(out);
            spec.commandLine().getOut().printf("wrote %s: iP-VAE M=%d K=%d from %s%n", out, model.featureCount(), model.latentCount(), phi);
            return 0;
        }
    }
}
