package org.bcistream.streaming.recording.edf;

import java.util.function.Consumer;
import org.bcistream.streaming.recording.RecordedMarker;

/**
 * Turns the BioSemi Status channel into TRIGGER markers, sample by sample across records.
 *
 * <p>Rule: with {@code code[n] = status[n] & 0xFFFF} (the trigger inputs; the high byte carries CMS, battery
 * and speed bits and is ignored), sample {@code n >= 1} starts a trigger when {@code code[n] != code[n-1]} and
 * {@code code[n] != 0}. The first sample never starts one: a non-zero code there is the line's resting level
 * (MNE's {@code find_events} default). Label: the code in decimal; time: the sample's time stamp; duration:
 * samples until the code changes again (or the data end), divided by the Status rate.
 */
final class StatusTriggers {
    private final String streamId;
    private final double rateHz;
    private final Consumer<RecordedMarker> sink;
    private long sample;
    private int previous;
    private long openStart = -1;
    private double openTime;
    private int openCode;

    StatusTriggers(String streamId, double rateHz, Consumer<RecordedMarker> sink) {
        this.streamId = streamId;
        this.rateHz = rateHz;
        this.sink = sink;
    }

    /** The next Status sample (digital value) and its time stamp, seconds. */
    void accept(int status, double time) {
        int code = status & 0xFFFF;
        if (sample > 0 && code != previous) {
            close();
            if (code != 0) {
                openStart = sample;
                openTime = time;
                openCode = code;
            }
        }
        previous = code;
        sample++;
    }

    /** Emits the trigger still held at the end of the data. */
    void finish() {
        close();
    }

    private void close() {
        if (openStart >= 0) {
            sink.accept(new RecordedMarker(openTime, (sample - openStart) / rateHz, Integer.toString(openCode),
                    RecordedMarker.Kind.TRIGGER, streamId));
            openStart = -1;
        }
    }
}
