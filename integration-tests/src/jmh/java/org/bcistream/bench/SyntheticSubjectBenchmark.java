package org.bcistream.bench;

import java.util.concurrent.TimeUnit;
import org.bcistream.hardware.DeviceProfile;
import org.bcistream.hardware.synthetic.SyntheticBlock;
import org.bcistream.hardware.synthetic.SyntheticSubject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SyntheticSubject#next()}: one block of the simulated subject (all channels of the stream, auxiliary
 * ones included, with cues) with the default subject settings and seed {@link SyntheticSignal#SEED}. One
 * subject runs for the whole trial, so blocks cover rest, imagery, blinks and EMG bursts as they come. Real
 * time is {@code chunkSamples / rate} per block (40 ms for openbci-cyton's 10 samples at 250 Hz, 13.7 ms
 * for biosemi-activetwo-64's 7 samples at 512 Hz); docs/benchmarks.md divides it by the score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyntheticSubjectBenchmark {
    @Param({"openbci-cyton", "biosemi-activetwo-64"})
    public String profileId;

    private SyntheticSubject subject;

    @Setup
    public void setUp() {
        DeviceProfile profile = SyntheticSignal.profile(profileId);
        subject = SyntheticSubject.create(profile, SyntheticSignal.subjectConfig(0));
    }

    @Benchmark
    public SyntheticBlock block() {
        return subject.next();
    }
}
