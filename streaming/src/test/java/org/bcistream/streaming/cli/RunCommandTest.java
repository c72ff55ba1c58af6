package org.bcistream.streaming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bcistream.hardware.DeviceProfiles;
import org.bcistream.hardware.UnknownDeviceException;
import org.junit.jupiter.api.Test;

/**
 * Errors in the user's input exit with status 2 and one line on stderr, before any job is started. Every case
 * names a short sim source, so that a regression that lets one through cannot run for long.
 */
class RunCommandTest {
    private static final String SHORT = "sim:duration=100ms";

    private static void assertUserError(String expectedMessage, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exit(), run.err());
        assertEquals("", run.out());
        assertEquals("bcistream: " + expectedMessage + System.lineSeparator(), run.err());
    }

    @Test
    void otherSourceKindsAreNotAvailable() {
        assertUserError("no such recording file: x.xdf", "run", "--source", "file:x.xdf");
        assertUserError("source kind 'kafka' is not available in this build; supported: sim:..., file:..., kafka:..., lsl:...", "run", "--source", "kafka");
        assertUserError("source kind 'tcp' is not available in this build; supported: sim:..., file:..., kafka:..., lsl:...", "run", "--source", "tcp:host=x");
        assertUserError("no LSL stream with type 'NoSuchType' answered within 0.2 s", "run", "--source", "lsl:type=NoSuchType,resolve-timeout=200ms");
        assertUserError("lsl source: pick the stream with one of name=, type= or source_id=", "run", "--source", "lsl:profile=muse-2");
        assertUserError("kafka source: give the sessions' device profile with profile=<id> (bcistream profiles list shows them)",
                "run", "--source", "kafka:topic=eeg");
        assertUserError("--sink out.jsonl: sinks are kafka:... and lsl[:prefix=<name>]; files go with --out", "run", "--source", SHORT, "--sink", "out.jsonl");
        assertUserError("--sink lsl:name=x: the LSL sink takes lsl or lsl:prefix=<name>", "run", "--source", SHORT, "--sink", "lsl:name=x");
        assertUserError("exactly-once Kafka output commits on checkpoints; give --checkpoint-interval or delivery=at-least-once",
                "run", "--source", SHORT, "--sink", "kafka:topic=out", "--checkpoint-interval", "off");
    }

    @Test
    void badSimSpecsAreUserErrors() {
        assertUserError("sim source: unknown key 'colour'; known keys: [chunk, duration, pace, profile, rate, run, seed, sessions, snr, targets]",
                "run", "--source", "sim:colour=red");
        assertUserError("sim source: sessions must be in 1..10000, got 0", "run", "--source", "sim:sessions=0,duration=100ms");
        String unknown = assertThrows(UnknownDeviceException.class, () -> DeviceProfiles.builtIn().byId("nope")).getMessage();
        assertUserError(unknown, "run", "--source", "sim:profile=nope,duration=100ms");
    }

    @Test
    void invertedBandPassIsAUserError() {
        assertUserError("band-pass low edge 30.0 Hz must be below the high edge 8.0 Hz", "run", "--source", SHORT, "--band-pass", "30-8");
    }

    @Test
    void notchAboveNyquistIsAUserError() {
        assertUserError("notch frequency 500.0 Hz is not below the Nyquist frequency 125.0 Hz (rate 250.0 Hz)",
                "run", "--source", SHORT, "--notch", "500");
    }

    @Test
    void malformedDecodingOptionsAreUserErrors() {
        assertUserError("--band-pass: '8' is not low-high in Hz (e.g. 8-30)", "run", "--source", SHORT, "--band-pass", "8");
        assertUserError("--notch: 'fifty' is not a number", "run", "--source", SHORT, "--notch", "fifty");
        assertUserError("--bands: 'alpha' is not name:low-high (e.g. alpha:8-13)", "run", "--source", SHORT, "--bands", "alpha");
        assertUserError("'2q' is not a duration; use e.g. 30s, 250ms, 2m, 1h or 1.5 (seconds)", "run", "--source", SHORT, "--window", "2q");
        assertUserError("band-pass high edge 200.0 Hz is not below the Nyquist frequency 125.0 Hz (rate 250.0 Hz)",
                "run", "--source", SHORT, "--band-pass", "1-200");
    }

    @Test
    void badParallelismAndBufferTimeoutAreUserErrors() {
        assertUserError("--parallelism must be >= 1, got 0", "run", "--source", SHORT, "--parallelism", "0");
        assertUserError("'soon' is not a duration; use e.g. 30s, 250ms, 2m, 1h or 1.5 (seconds)",
                "run", "--source", SHORT, "--buffer-timeout", "soon");
    }

    @Test
    void referenceChannelTheProfileLacksIsAUserError() {
        assertUserError("reference channel 'Cz' is not a neural channel of profile openbci-cyton; its neural channels are "
                + "Fp1, Fp2, C3, C4, P7, P8, O1, O2", "run", "--source", SHORT, "--reference", "Cz");
    }
}
