package org.bcistream.streaming.kafka;

import java.util.Objects;

/**
 * A Kafka record the job refused, kept whole for the dead-letter topic: the original key and value bytes, where
 * they came from, and why they were refused.
 *
 * @param input the record as read
 * @param kind the kind of fault
 * @param reason what was wrong, with the numbers
 */
public record DeadLetter(KafkaInput input, RecordRejectedException.Kind kind, String reason) {
    public DeadLetter {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
