package org.bcistream.streaming.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.models.generator.GeneratorBundle;
import org.bcistream.streaming.config.Durations;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.kafka.KafkaConnectors;
import org.bcistream.streaming.kafka.KafkaSinkSpec;
import org.bcistream.streaming.job.RejectedEvent;
import org.bcistream.streaming.job.GenerationLatency;
import org.bcistream.streaming.job.GenerationSettings;
import org.bcistream.streaming.job.LatentSummary;
import org.bcistream.streaming.job.RunSummary;
import org.bcistream.streaming.sink.SessionDirectorySink;
import org.bcistream.streaming.sink.LslOutletSink;
import org.bcistream.streaming.sink.XdfRecordingSink;
import org.bcistream.streaming.sink.RejectedLogSink;
import org.bcistream.streaming.sink.StdoutSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bcistream run}: decodes sessions from a source in a Flink job (a local, embedded one by default). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the decoding job: source -> per-session preprocessing -> feature frames -> sinks.",
            "Without --out, frames and markers are printed as JSON lines on stdout and the summary on stderr."
        })
final class RunCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the job to cancel, milliseconds. */
    private static final long STOP_GRACE_MILLIS = 1000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "<spec>", defaultValue = "sim:",
            description = {"Where sessions come from. Default: ${DEFAULT-VALUE}",
                "sim:profile=<id>,seed=<n>,duration=<d>,sessions=<n>,snr=<dB>,targets=letters|words|A+B+..,pace=max|realtime|<k>x",
                "file:<path>,stream=<id|name|type>,profile=<id>,session=<id>,pace=max|realtime|<k>x (XDF, EDF/EDF+, BDF/BDF+, muse-lsl CSV, OpenBCI GUI text)",
                "kafka:topic=<t>,profile=<id>,bootstrap=<host:port>,group=<id>,dead-letter=<t>,start=earliest|latest|committed,bounded=true,sessions=a+b,properties=<file>"})
    String source;

    @Option(names = "--sink", paramLabel = "<spec>",
            description = {"Also send outputs elsewhere (repeatable):",
                "kafka:topic=<t>,bootstrap=<host:port>,delivery=exactly-once|at-least-once,transactional-id-prefix=<p>,properties=<file>",
                "lsl[:prefix=<name>]  LSL outlets per session: <prefix>-<session>-outputs (JSON strings) and -latents (float32)"})
    List<String> sinks = new ArrayList<>();

    @Option(names = "--checkpoint-interval", paramLabel = "<duration>",
            description = "Flink checkpoint interval. Default 1s with a Kafka source or sink (offsets and transactions commit "
                    + "on checkpoints), none otherwise; 'off' for none.")
    String checkpointInterval;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "Write <dir>/<session>/features.jsonl and markers.jsonl (and rejected-*.jsonl) instead of stdout.")
    Path out;

    @Option(names = "--parallelism", paramLabel = "<n>", description = "Flink parallelism. Default: min(sessions, cores).")
    Integer parallelism;

    @Option(names = "--buffer-timeout", paramLabel = "<duration>",
            description = "Flink network buffer timeout. Default 5ms for paced sources, 100ms (Flink's) at max speed.")
    String bufferTimeout;

    @Option(names = "--record", paramLabel = "<file.xdf>",
            description = "Also record the sessions' input (signals and markers, as received) to an XDF file that "
                    + "--source file:<file.xdf> replays.")
    Path record;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Mixin
    DecodingOptions decoding;

    @Mixin
    LatentOptions latent;

    @Mixin
    GenerationOptions generation;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        SessionSource input = SessionSource.parse(source, DeviceProfiles.builtIn());
        input.notes().forEach(note -> err.println("bcistream run: " + note));
        SessionPipelineConfig config = latent.toConfig(decoding, input.profile(), input.rateHz(), err, "bcistream run");
        GenerationSettings generate = null;
        if (generation.enabled()) {
            if (config.latent() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--generator needs --ipvae: generators are conditioned on latents");
            }
            GeneratorBundle generator = generation.readBundle();
            if (generator.conditionSize() != config.latent().model().latentCount()) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "the generator %s takes %d latent rates; the iP-VAE %s has %d latents", generation.bundle, generator.conditionSize(),
                        latent.bundle, config.latent().model().latentCount()));
            }
            config = config.withTrigger(generation.triggerMode(generator));
            generate = generation.settings(generator);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int p = parallelism != null ? parallelism : input.sessions() > 0 ? Math.min(input.sessions(), cores) : cores;
        KafkaSinkSpec kafkaSink = null;
        String lslPrefix = null;
        for (String sink : sinks) {
            if (sink.equals("lsl") || sink.startsWith("lsl:")) {
                lslPrefix = lslPrefix(sink);
            } else {
                kafkaSink = parseSink(sink);
            }
        }
        if (p < 1) {
            throw new IllegalArgumentException("--parallelism must be >= 1, got " + p);
        }
        Duration timeout = bufferTimeout != null ? Durations.parse(bufferTimeout)
                : input.pacing().isMax() ? Duration.ofMillis(100) : Duration.ofMillis(5);

        Configuration flinkConfig = new Configuration();
        flinkConfig.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig);
        env.setParallelism(p);
        env.setBufferTimeout(timeout.toMillis());
        Duration checkpoints = checkpointInterval(kafkaSink != null || source.startsWith("kafka:"));
        if (checkpoints == null && kafkaSink != null && kafkaSink.delivery() == DeliveryGuarantee.EXACTLY_ONCE) {
            throw new IllegalArgumentException("exactly-once Kafka output commits on checkpoints; give --checkpoint-interval "
                    + "or delivery=at-least-once");
        }
        if (checkpoints != null) {
            env.enableCheckpointing(checkpoints.toMillis());
        }

        List<Sink<SessionOutput>> outputs = new ArrayList<>();
        if (out != null) {
            outputs.add(new SessionDirectorySink(out));
        }
        if (kafkaSink != null) {
            outputs.add(KafkaConnectors.outputs(kafkaSink));
        }
        if (lslPrefix != null) {
            outputs.add(new LslOutletSink(lslPrefix, 1.0 / config.features().hopSeconds()));
        }
        if (outputs.isEmpty()) {
            outputs.add(new StdoutSink());
        }
        List<Sink<RejectedEvent>> rejected = out == null ? List.of() : List.of(new RejectedLogSink(out));
        List<Sink<SessionEvent>> recorders = record == null ? List.of() : List.of(new XdfRecordingSink(record, input.profile()));
        DecodingJob.build(input.events().attach(env), config, outputs, rejected, recorders, generate);

        err.printf("bcistream run: %s, profile %s, parallelism %d%s%s%s%s%n", input.description(), input.profile().id(), p,
                out == null ? "" : ", writing to " + out, kafkaSink == null ? "" : ", writing to " + kafkaSink,
                record == null ? "" : ", recording to " + record,
                checkpoints == null ? "" : ", checkpoints every " + Durations.format(checkpoints));
        long start = System.nanoTime();
        JobClient job = env.executeAsync("bcistream run " + input.description());
        Thread stop = new Thread(() -> {
            err.println("bcistream run: stopping");
            err.flush();
            job.cancel();
            try {
                Thread.sleep(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bcistream-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        JobExecutionResult result;
        try {
            result = awaitWithProgress(job, start, err, input.totalSamples());
        } catch (ExecutionException e) {
            if (ExceptionUtils.findThrowable(e, JobCancellationException.class).isPresent()) {
                err.printf("bcistream run: stopped after %.1f s%n", (System.nanoTime() - start) / 1e9);
                return 0;
            }
            throw e;
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        RunSummary summary = RunSummary.of(result.getAllAccumulatorResults(), (System.nanoTime() - start) / 1e9);
        PrintWriter report = out == null ? err : spec.commandLine().getOut();
        report.println(summary.report() + LatentSummary.report(result.getAllAccumulatorResults())
                + GenerationLatency.report(result.getAllAccumulatorResults()));
        report.flush();
        return 0;
    }

    private static KafkaSinkSpec parseSink(String text) {
        if (!text.startsWith("kafka:")) {
            throw new IllegalArgumentException("--sink " + text + ": sinks are kafka:... and lsl[:prefix=<name>]; files go with --out");
        }
        return KafkaSinkSpec.parse(text);
    }

    private static String lslPrefix(String text) {
        if (text.equals("lsl")) {
            return "bcistream";
        }
        String rest = text.substring(4);
        if (!rest.startsWith("prefix=") || rest.length() == 7 || rest.contains(",")) {
            throw new IllegalArgumentException("--sink " + text + ": the LSL sink takes lsl or lsl:prefix=<name>");
        }
        return rest.substring(7);
    }

    private Duration checkpointInterval(boolean kafka) {
        if (checkpointInterval == null) {
            return kafka ? Duration.ofSeconds(1) : null;
        }
        return checkpointInterval.equalsIgnoreCase("off") ? null : Durations.parse(checkpointInterval);
    }

    private JobExecutionResult awaitWithProgress(JobClient job, long start, PrintWriter err, long totalSamples)
            throws InterruptedException, ExecutionException {
        CompletableFuture<JobExecutionResult> done = job.getJobExecutionResult();
        ConsoleProgress progress = new ConsoleProgress(err, quiet);
        while (true) {
            try {
                JobExecutionResult result = done.get(1000, TimeUnit.MILLISECONDS);
                progress.finish();
                return result;
            } catch (TimeoutException stillRunning) {
                if (!quiet) {
                    RunSummary sofar = RunSummary.of(accumulators(job), (System.nanoTime() - start) / 1e9);
                    progress.show(sofar.progressLine() + (totalSamples > 0
                            ? String.format(java.util.Locale.ROOT, "  (%.0f %% of the recording)", 100.0 * sofar.samples() / totalSamples) : ""));
                }
            }
        }
    }

    private static Map<String, Object> accumulators(JobClient job) throws InterruptedException {
        try {
            return job.getAccumulators().get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }
}
