package org.bcistream.hardware.synthetic;

import java.util.ArrayList;
import java.util.List;

/** A synthetic run gathered into per-channel arrays, with spectral helpers (Goertzel, Welch) for the tests. */
final class Recording {
    final double rate;
    final double[][] channels;
    final List<SyntheticCue> cues = new ArrayList<>();
    final List<SyntheticBlock> blocks = new ArrayList<>();
    final int[] spikeUnits;
    final double[] spikeTimes;

    private Recording(double rate, double[][] channels, int[] spikeUnits, double[] spikeTimes) {
        this.rate = rate;
        this.channels = channels;
        this.spikeUnits = spikeUnits;
        this.spikeTimes = spikeTimes;
    }

    /** Takes {@code blocks} blocks from the subject. */
    static Recording of(SyntheticSubject subject, int blockCount) {
        int channelCount = subject.profile().channelCount();
        int samples = subject.producesSpikes() ? 0 : blockCount * subject.chunkSamples();
        List<SyntheticBlock> taken = new ArrayList<>();
        int spikes = 0;
        for (int b = 0; b < blockCount; b++) {
            SyntheticBlock block = subject.next();
            taken.add(block);
            spikes += block.spikeCount();
        }
        double[][] channels = new double[channelCount][samples];
        int[] units = new int[spikes];
        double[] times = new double[spikes];
        int row = 0;
        int spike = 0;
        for (SyntheticBlock block : taken) {
            if (block.hasSamples()) {
                float[] values = block.samples();
                for (int i = 0; i < block.sampleCount(); i++, row++) {
                    for (int c = 0; c < channelCount; c++) {
                        channels[c][row] = values[i * channelCount + c];
                    }
                }
            }
            for (int i = 0; i < block.spikeCount(); i++, spike++) {
                units[spike] = block.spikeUnit(i);
                times[spike] = block.spikeTime(i);
            }
        }
        Recording recording = new Recording(subject.sampleRateHz(), channels, units, times);
        recording.blocks.addAll(taken);
        for (SyntheticBlock block : taken) {
            recording.cues.addAll(block.cues());
        }
        return recording;
    }

    /** Blocks needed for about {@code seconds} of signal. */
    static int blocksFor(SyntheticSubject subject, double seconds) {
        return (int) Math.ceil(seconds * subject.sampleRateHz() / subject.chunkSamples());
    }

    /** Power of {@code x[from, from + length)} at frequency {@code hz}, Hann-windowed, via Goertzel. */
    static double power(double[] x, int from, int length, double hz, double rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < length; i++) {
            double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
            double s = window * x[from + i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / length;
    }

    /** Welch estimate at {@code hz}: mean Hann-windowed power over 2-second segments with half overlap. */
    double welch(int channel, double hz) {
        double[] x = channels[channel];
        int segment = (int) Math.round(2 * rate);
        double sum = 0;
        int count = 0;
        for (int from = 0; from + segment <= x.length; from += segment / 2) {
            sum += power(x, from, segment, hz, rate);
            count++;
        }
        return sum / count;
    }

    /** Mean Welch power over the whole-hertz frequencies from {@code lowHz} to {@code highHz}. */
    double band(int channel, int lowHz, int highHz) {
        double sum = 0;
        for (int f = lowHz; f <= highHz; f++) {
            sum += welch(channel, f);
        }
        return sum / (highHz - lowHz + 1);
    }
}
