package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.bcistream.models.bundle.BundleFormatException;
import org.bcistream.streaming.recording.RecordingFormatException;
import org.bcistream.streaming.source.StreamNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bcistream} command: {@code run} decodes sessions in a Flink job (embedded by default),
 * {@code inspect} describes a recording, {@code profiles} lists and shows device profiles. Errors in the
 * user's input (bad options, missing or malformed files) print one clear line and exit with status 2;
 * failures of the engine print the cause chain and exit with status 1.
 */
@Command(
        name = "bcistream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time brain-computer-interface decoding engine on Apache Flink.",
        subcommands = {DemoCommand.class, RunCommand.class, InspectCommand.class, ProfilesCommand.class, KafkaCommand.class, LslCommand.class, TrainCommand.class, EvaluateCommand.class, GeneratorQualityCommand.class, GenerateCommand.class, BundleCommand.class, CommandLine.HelpCommand.class})
public final class BciStream implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BciStream());
        cli.setExecutionExceptionHandler(BciStream::handle);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof IllegalArgumentException || e instanceof RecordingFormatException
                || e instanceof BundleFormatException || e instanceof StreamNotFoundException) {
            err.println("bcistream: " + e.getMessage());
            return 2;
        }
        if (e instanceof NoSuchFileException missing) {
            err.println("bcistream: " + (missing.getReason() != null ? missing.getReason() : "no such file") + ": " + missing.getFile());
            return 2;
        }
        err.println("bcistream: " + e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
        return 1;
    }
}
