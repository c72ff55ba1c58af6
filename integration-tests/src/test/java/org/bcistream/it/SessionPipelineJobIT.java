package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.sink.OutputJson;
import org.bcistream.streaming.source.SimulationSpec;
import org.bcistream.streaming.source.SyntheticSessionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Flink job on a MiniCluster (parallelism 2, four sessions) gives, per session, exactly what the plain
 * Java pipeline gives on the same simulated input: keyed state, serialisation and the source's
 * interleaving of sessions change nothing.
 */
class SessionPipelineJobIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:profile=openbci-cyton,seed=7,duration=20s,sessions=4");

    @Test
    void perSessionOutputsEqualThePlainJavaPipeline() throws Exception {
        SessionPipelineConfig config = SessionPipelineConfig.defaults(DeviceProfiles.builtIn().byId(SPEC.profileId()));

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<SessionEvent> events = env.fromSource(new SyntheticSessionSource(SPEC),
                org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(), "sim");
        Map<String, List<String>> fromFlink = new TreeMap<>();
        CloseableIterator<SessionOutput> it = DecodingJob.decode(events, config).executeAndCollect("pipeline-it");
        try {
            it.forEachRemaining(o -> fromFlink.computeIfAbsent(o.sessionId(), s -> new ArrayList<>()).add(OutputJson.line(o)));
        } finally {
            it.close();
        }

        Map<String, List<String>> plain = PlainPipeline.outputs(PlainPipeline.events(SPEC), config);

        assertEquals(plain.keySet(), fromFlink.keySet());
        assertEquals(List.of("sim-1", "sim-2", "sim-3", "sim-4"), List.copyOf(plain.keySet()));
        for (String session : plain.keySet()) {
            List<String> expected = plain.get(session);
            // 20 s at a 0.25 s hop after a 1 s window: 77 windows, of which 20 train the normaliser
            assertEquals(57, expected.stream().filter(l -> l.startsWith("{\"type\":\"frame\"")).count(), session);
            assertTrue(expected.stream().anyMatch(l -> l.contains("\"kind\":\"CUE\"")), session);
            assertEquals(expected, fromFlink.get(session), "outputs of " + session + " differ between Flink and plain Java");
        }
        assertFalse(plain.get("sim-1").equals(plain.get("sim-2")), "sessions must differ: each has its own seed");
    }
}
