#!/usr/bin/env python3
"""Builds the voice bank in models/src/main/resources/voicebank/ with Debian's espeak-ng.

The bank holds one 16 kHz mono 16-bit PCM WAV per entry and an index.tsv (entry -> file) that
org.bcistream.models.audio.VoiceBank reads from the classpath. Entries: the synthetic subject's
word targets (SyntheticSubjectConfig.WORDS, parsed from the Java source in hardware-profiles) and
the letters A-Z spoken by name.

Only build time needs espeak-ng (apt-get install -y espeak-ng) and numpy; the project never does.
The voice, speed, pitch and amplitude are fixed below, so a given espeak-ng version gives the same
bytes. Processing per entry: espeak-ng at 22050 Hz -> windowed-sinc resampling to 16 kHz ->
silence trimmed (10 ms frames below -40 dB of the loudest frame, with short margins and 5 ms
fades) -> peak-normalised to PEAK -> 16-bit PCM.

Usage (from the repository root):
    python3 models/src/main/python/make_voicebank.py [output-dir]
"""
import os
import re
import subprocess
import sys
import tempfile
import wave

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SUBJECT_CONFIG = os.path.join(HERE, "..", "..", "..", "..", "hardware-profiles", "src", "main", "java", "org",
                              "bcistream", "hardware", "synthetic", "SyntheticSubjectConfig.java")
LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]

VOICE = "en-us"
SPEED_WPM = 150
PITCH = 50
AMPLITUDE = 100
WORD_GAP = 0

TARGET_RATE = 16000
PEAK = 0.89                 # about -1 dBFS
FRAME_SECONDS = 0.010
THRESHOLD_DB = -40.0
LEAD_SECONDS = 0.030
TAIL_SECONDS = 0.050
FADE_SECONDS = 0.005
MAX_TOTAL_BYTES = 2 * 1024 * 1024

DEFAULT_OUT = os.path.join(HERE, "..", "resources", "voicebank")


def subject_words():
    """SyntheticSubjectConfig.WORDS, read from the Java source so the bank cannot drift from it."""
    with open(SUBJECT_CONFIG, encoding="utf-8") as f:
        match = re.search(r"List<String>\s+WORDS\s*=\s*List\.of\(([^)]*)\)", f.read())
    if match is None:
        raise SystemExit("WORDS not found in %s" % SUBJECT_CONFIG)
    return re.findall(r'"([^"]+)"', match.group(1))


def espeak_version():
    out = subprocess.run(["espeak-ng", "--version"], check=True, capture_output=True, text=True).stdout
    return out.strip().split(":", 1)[-1].split("Data at")[0].strip()


def speak(text):
    """espeak-ng output for text: (float64 samples in [-1, 1), sample rate)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.wav")
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(SPEED_WPM), "-p", str(PITCH),
                        "-a", str(AMPLITUDE), "-g", str(WORD_GAP), "-w", path, text], check=True)
        with wave.open(path, "rb") as w:
            if w.getnchannels() != 1 or w.getsampwidth() != 2:
                raise RuntimeError("unexpected espeak-ng output format %s" % (w.getparams(),))
            rate = w.getframerate()
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return pcm.astype(np.float64) / 32768.0, rate


def resample(x, rate_in, rate_out, half_taps=32, beta=8.6):
    """Band-limited interpolation with a Kaiser-windowed sinc, cutoff 0.9 x the lower Nyquist."""
    if rate_in == rate_out:
        return x.copy()
    cutoff = 0.9 * 0.5 * min(rate_in, rate_out) / rate_in      # cycles per input sample
    n_out = int(np.floor(len(x) * rate_out / rate_in))
    pos = np.arange(n_out) * (rate_in / rate_out)
    base = np.floor(pos).astype(np.int64)
    k = base[:, None] + np.arange(-half_taps + 1, half_taps + 1)[None, :]
    d = pos[:, None] - k
    window = np.kaiser(2 * half_taps + 1, beta)
    w = np.interp(d, np.arange(-half_taps, half_taps + 1), window, left=0.0, right=0.0)
    h = 2 * cutoff * np.sinc(2 * cutoff * d) * w
    valid = (k >= 0) & (k < len(x))
    xs = np.where(valid, x[np.clip(k, 0, len(x) - 1)], 0.0)
    return np.sum(xs * h, axis=1)


def trim(x, rate):
    frame = int(round(FRAME_SECONDS * rate))
    frames = len(x) // frame
    rms = np.sqrt(np.mean(x[: frames * frame].reshape(frames, frame) ** 2, axis=1) + 1e-20)
    db = 20 * np.log10(rms / rms.max())
    loud = np.nonzero(db > THRESHOLD_DB)[0]
    start = max(0, loud[0] * frame - int(LEAD_SECONDS * rate))
    end = min(len(x), (loud[-1] + 1) * frame + int(TAIL_SECONDS * rate))
    y = x[start:end].copy()
    fade = int(FADE_SECONDS * rate)
    ramp = np.linspace(0.0, 1.0, fade, endpoint=False)
    y[:fade] *= ramp
    y[-fade:] *= ramp[::-1]
    return y


def to_pcm16(y):
    y = y * (PEAK / np.max(np.abs(y)))
    return np.clip(np.round(y * 32768.0), -32768, 32767).astype("<i2")


def file_name(entry):
    return ("letter_%s.wav" % entry) if len(entry) == 1 else ("word_%s.wav" % entry)


def main():
    out_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT)
    os.makedirs(out_dir, exist_ok=True)
    version = espeak_version()
    rows, total = [], 0
    for entry in subject_words() + LETTERS:
        x, rate = speak(entry)
        pcm = to_pcm16(trim(resample(x, rate, TARGET_RATE), TARGET_RATE))
        name = file_name(entry)
        with wave.open(os.path.join(out_dir, name), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(TARGET_RATE)
            w.writeframes(pcm.tobytes())
        total += os.path.getsize(os.path.join(out_dir, name))
        rows.append((entry, name, len(pcm)))
    if total > MAX_TOTAL_BYTES:
        raise SystemExit("voice bank is %d bytes, more than the %d allowed" % (total, MAX_TOTAL_BYTES))
    with open(os.path.join(out_dir, "index.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# bcistream voice bank: entry<TAB>file, 16 kHz mono 16-bit PCM WAV\n")
        f.write("# made by models/src/main/python/make_voicebank.py with espeak-ng %s\n" % version)
        f.write("# voice %s, %d wpm, pitch %d, amplitude %d; trimmed at %.0f dB, peak %.2f\n"
                % (VOICE, SPEED_WPM, PITCH, AMPLITUDE, THRESHOLD_DB, PEAK))
        for entry, name, _ in rows:
            f.write("%s\t%s\n" % (entry, name))
    for entry, name, n in rows:
        print("%-6s %-16s %6d samples %.3f s" % (entry, name, n, n / TARGET_RATE))
    print("total %d bytes in %d files" % (total, len(rows)))


if __name__ == "__main__":
    main()
