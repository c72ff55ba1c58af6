package org.bcistream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.bcistream.decoders.pipeline.SessionPipelineConfig;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.record.SpikeEvents;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.streaming.job.DecodingJob;
import org.bcistream.streaming.job.RejectedEvent;
import org.bcistream.streaming.job.SessionPipelineFunction;
import org.bcistream.streaming.sink.OutputJson;
import org.bcistream.streaming.source.SimulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input that does not fit the device profile neither stops the job nor disturbs the session: it is refused
 * with its reason on the side output, and every valid event is decoded exactly as if the bad ones had
 * never been sent.
 */
class RejectedInputIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void badEventsAreRefusedWithTheirReasonAndGoodOnesDecodedUnchanged() throws Exception {
        SimulationSpec spec = SimulationSpec.parse("sim:profile=openbci-cyton,seed=5,duration=12s,sessions=2");
        SessionPipelineConfig config = SessionPipelineConfig.defaults(DeviceProfiles.builtIn().byId(spec.profileId()));
        List<SessionEvent> good = PlainPipeline.events(spec);

        List<SessionEvent> mixed = new ArrayList<>(good);
        mixed.add(100, SessionEvent.of(new SignalChunk("sim-1", "openbci-cyton", 9, 250, new double[] {5.0}, new float[9], 0)));
        mixed.add(400, SessionEvent.of(new SpikeEvents("sim-2", "utah", 96, 7.0, 7.02, new int[] {3}, new double[] {7.01}, 0)));
        mixed.add(500, SessionEvent.of(new SignalChunk("sim-2", "openbci-cyton", 8, 500, new double[] {7.5}, new float[8], 0)));

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        SingleOutputStreamOperator<SessionOutput> decoded =
                DecodingJob.decode(env.fromData(mixed, TypeInformation.of(SessionEvent.class)).setParallelism(1), config);
        decoded.map(OutputJson::line).sinkTo(CollectingSink.named("rejected-it-outputs"));
        decoded.getSideOutput(SessionPipelineFunction.REJECTED).sinkTo(CollectingSink.<RejectedEvent>named("rejected-it-refused"));
        env.execute("rejected-input-it");

        Map<String, List<String>> fromFlink = new TreeMap<>();
        for (String line : CollectingSink.<String>results("rejected-it-outputs")) {
            fromFlink.computeIfAbsent(PlainPipeline.sessionOf(line), s -> new ArrayList<>()).add(line);
        }
        assertEquals(PlainPipeline.outputs(good, config), fromFlink);

        Map<String, String> reasons = new TreeMap<>();
        CollectingSink.<RejectedEvent>results("rejected-it-refused").forEach(r -> reasons.merge(r.sessionId() + "@" + r.time(), r.reason(), (a, b) -> a + " | " + b));
        assertEquals(3, reasons.size(), reasons.toString());
        assertEquals("chunk of session sim-1 has 9 channels, profile openbci-cyton expects 8", reasons.get("sim-1@5.0"));
        assertEquals("session sim-2 sent spike events, but profile openbci-cyton (EEG) delivers signal chunks", reasons.get("sim-2@7.0"));
        assertTrue(reasons.get("sim-2@7.5").contains("500"), reasons.get("sim-2@7.5"));
    }
}
