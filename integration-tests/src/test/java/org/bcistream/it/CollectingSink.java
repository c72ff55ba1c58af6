package org.bcistream.it;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for tests on a MiniCluster in this JVM: every element written goes to a named, JVM-wide queue
 * that the test reads after the job ends (all subtasks of one name share the queue).
 */
final class CollectingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, Queue<Object>> QUEUES = new ConcurrentHashMap<>();
    private final String name;

    private CollectingSink(String name) {
        this.name = name;
    }

    /** A sink writing to the queue {@code name}, emptied first. */
    static <T> CollectingSink<T> named(String name) {
        QUEUES.put(name, new ConcurrentLinkedQueue<>());
        return new CollectingSink<>(name);
    }

    /** What was written to {@code name}, in arrival order. */
    @SuppressWarnings("unchecked")
    static <T> List<T> results(String name) {
        return (List<T>) List.copyOf(QUEUES.get(name));
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> queue = QUEUES.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                queue.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
