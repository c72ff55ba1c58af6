package org.bcistream.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.bcistream.decoders.record.DecodedOutput;
import org.bcistream.decoders.record.FeatureFrame;
import org.bcistream.decoders.record.LatencyBreakdown;
import org.bcistream.decoders.record.LatentFrame;
import org.bcistream.decoders.record.MarkerEvent;
import org.bcistream.decoders.record.MarkerKind;
import org.bcistream.decoders.record.OutputKind;
import org.bcistream.decoders.record.SessionEvent;
import org.bcistream.decoders.record.SessionOutput;
import org.bcistream.decoders.record.SignalChunk;
import org.bcistream.decoders.record.SpikeEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record crosses Flink with Flink's own POJO serializer: no Kryo fallback, exact round trip. */
class RecordSerializationTest {

    static Stream<Object> records() {
        SignalChunk chunk = new SignalChunk("s1", "eeg", 2, 250, new double[] {1.0, 1.004}, new float[] {1, -2, 3.5f, 4}, 42);
        SpikeEvents spikes = new SpikeEvents("s1", "utah", 96, 2.0, 2.02, new int[] {5, 95}, new double[] {2.001, 2.015}, 43);
        MarkerEvent marker = new MarkerEvent("s1", 1.5, MarkerKind.CUE, "hello");
        FeatureFrame frame = new FeatureFrame("s1", 7, 3.0, 2, 2, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 44);
        return Stream.of(
                chunk, spikes, marker, frame,
                new LatentFrame("s1", 7, 3.0, new float[] {0.5f, 2f}, new int[] {1, 0}, -12.5, 0.75, 4, 10, 20),
                DecodedOutput.generated("s1", 2, "yes", OutputKind.SPEECH, new byte[] {1, 2, 3}, 4, 40_000_000,
                        new LatencyBreakdown(1, 2, 3, 4, 5)),
                SessionEvent.of(chunk), SessionEvent.of(spikes), SessionEvent.of(marker),
                SessionOutput.of(frame), SessionOutput.of(marker));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTripsThroughFlinksPojoSerializerWithGenericTypesDisabled(Object record) throws IOException {
        @SuppressWarnings("unchecked")
        TypeInformation<Object> type = (TypeInformation<Object>) TypeInformation.of(record.getClass());
        assertInstanceOf(PojoTypeInfo.class, type, record.getClass() + " is not a Flink POJO: " + type);

        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false); // any Kryo fallback, however deep, throws here
        TypeSerializer<Object> serializer = type.createSerializer(config);

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(record, out);
        Object copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(record, copy);
        assertEquals(record, serializer.copy(record));
    }
}
