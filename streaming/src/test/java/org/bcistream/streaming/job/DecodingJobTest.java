package org.bcistream.streaming.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.preprocess.InvalidPreprocessConfigException;
import org.bcistream.decoders.preprocess.PreprocessConfig;
import org.bcistream.decoders.preprocess.ReferenceMode;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.sink.RejectedLogSink;
import org.bcistream.streaming.sink.StdoutSink;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job graph as built, without running it. */
class DecodingJobTest {
    private static final DeviceProfile CYTON = DeviceProfiles.builtIn().byId("openbci-cyton");

    @TempDir
    Path tmp;

    @Test
    void keysEventsBySessionId() {
        DecodingJob.BySession key = new DecodingJob.BySession();
        assertEquals("sim-7", key.getKey(SessionEvent.of(new MarkerEvent("sim-7", 1.0, MarkerKind.CUE, "A"))));
    }

    @Test
    void buildsSourcePipelineAndEverySink() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SingleOutputStreamOperator<SessionOutput> decoded = DecodingJob.build(env,
                new SyntheticSessionSource(SimulationSpec.parse("sim:duration=1s")), SessionPipelineConfig.defaults(CYTON),
                List.of(new StdoutSink()), List.of(new RejectedLogSink(tmp)));
        assertEquals("preprocess-features", decoded.getName());
        assertEquals("session-pipeline", decoded.getTransformation().getUid());

        Set<String> names = new HashSet<>();
        for (Transformation<?> t : env.getTransformations()) {
            t.getTransitivePredecessors().forEach(p -> names.add(p.getName()));
        }
        assertTrue(names.containsAll(Set.of("sessions", "preprocess-features", "StdoutSink", "rejected-RejectedLogSink")), names.toString());
    }

    @Test
    void settingsThatDoNotFitTheProfileFailWhenTheJobIsBuilt() {
        SessionPipelineConfig config = new SessionPipelineConfig(CYTON, 250,
                PreprocessConfig.defaults(CYTON).withReference(ReferenceMode.channel("Cz")), SessionPipelineConfig.defaults(CYTON).features());
        InvalidPreprocessConfigException e = assertThrows(InvalidPreprocessConfigException.class, () -> new SessionPipelineFunction(config));
        assertEquals("reference channel 'Cz' is not a neural channel of profile openbci-cyton; its neural channels are "
                + "Fp1, Fp2, C3, C4, P7, P8, O1, O2", e.getMessage());
    }

    @Test
    void rejectedSideOutputCarriesRejectedEvents() {
        assertEquals("rejected", SessionPipelineFunction.REJECTED.getId());
        assertEquals(RejectedEvent.class, SessionPipelineFunction.REJECTED.getTypeInfo().getTypeClass());
    }
}
