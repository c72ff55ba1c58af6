package org.bcistream.streaming.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.InstantiationUtil;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.UnknownDeviceException;
import org.junit.jupiter.api.Test;

class SyntheticSessionSourceTest {
    private static final SimulationSpec SPEC = SimulationSpec.parse("sim:sessions=3,duration=1s,seed=2");

    @Test
    void isBoundedAndProducesSessionEventsAsAPojo() {
        SyntheticSessionSource source = new SyntheticSessionSource(SPEC);
        assertEquals(SPEC, source.spec());
        assertEquals(Boundedness.BOUNDED, source.getBoundedness());
        TypeInformation<SessionEvent> type = source.getProducedType();
        assertEquals(TypeInformation.of(SessionEvent.class), type);
        assertInstanceOf(PojoTypeInfo.class, type);
    }

    @Test
    void refusesAnUnknownProfileWhenBuilt() {
        String expected = assertThrows(UnknownDeviceException.class, () -> DeviceProfiles.builtIn().byId("muse-9")).getMessage();
        assertEquals(expected, assertThrows(UnknownDeviceException.class,
                () -> new SyntheticSessionSource(SimulationSpec.parse("sim:profile=muse-9"))).getMessage());
    }

    @Test
    void enumeratorStartsWithOneFreshSplitPerSession() throws Exception {
        SyntheticSessionSource source = new SyntheticSessionSource(SPEC);
        TestingSplitEnumeratorContext<SyntheticSessionSplit> context = new TestingSplitEnumeratorContext<>(2);
        var enumerator = source.createEnumerator(context);
        assertEquals(List.of(SyntheticSessionSplit.fresh(1, SPEC), SyntheticSessionSplit.fresh(2, SPEC), SyntheticSessionSplit.fresh(3, SPEC)),
                new ArrayList<>(enumerator.snapshotState(1)));

        var restored = source.restoreEnumerator(context, List.of(SyntheticSessionSplit.fresh(2, SPEC)));
        context.registerReader(1);
        restored.addReader(1);
        assertEquals(List.of(SyntheticSessionSplit.fresh(2, SPEC)), context.assignedTo(1));
    }

    @Test
    void serializersAreTheVersionedSplitSerializers() throws Exception {
        SyntheticSessionSource source = new SyntheticSessionSource(SPEC);
        SyntheticSessionSplit split = new SyntheticSessionSplit(2, SPEC.toString(), new byte[] {4, 5});
        var splits = source.getSplitSerializer();
        assertEquals(split, splits.deserialize(splits.getVersion(), splits.serialize(split)));
        var checkpoints = source.getEnumeratorCheckpointSerializer();
        assertEquals(List.of(split), new ArrayList<>(checkpoints.deserialize(checkpoints.getVersion(), checkpoints.serialize(List.of(split)))));
    }

    @Test
    void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
        SyntheticSessionSource copy = InstantiationUtil.clone(new SyntheticSessionSource(SPEC));
        assertEquals(SPEC, copy.spec());
    }

    @Test
    void readerReadsItsSessionsAtTheSpecsPace() throws Exception {
        SyntheticSessionSource source = new SyntheticSessionSource(SimulationSpec.parse("sim:duration=80ms"));
        var reader = source.createReader(null);
        reader.addSplits(List.of(SyntheticSessionSplit.fresh(1, source.spec())));
        reader.notifyNoMoreSplits();
        TestingReaderOutput<SessionEvent> output = new TestingReaderOutput<>();
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
        assertEquals(SessionEvents.uninterrupted(SyntheticSessionSplit.fresh(1, source.spec())), SessionEvents.withoutIngest(output.records));
        reader.close();
    }
}
