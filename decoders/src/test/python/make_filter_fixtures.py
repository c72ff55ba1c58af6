#!/usr/bin/env python3
"""Reference fixtures for the decoders' DSP and band-power code, computed with SciPy and NumPy.

What it writes (all CSV with a header line, under decoders/src/test/resources/fixtures/):

  filters/designs.csv         second-order sections of every design below, scipy's sos layout
                              [b0 b1 b2 a0 a1 a2] per row, from scipy.signal.butter(..., output='sos')
                              and scipy.signal.iirnotch (one section)
  filters/input.csv           the fixed test input: 3 channels x 600 samples, float32 values (sample-major
                              rows), sine mixtures + DC/drift + seeded Gaussian noise
  filters/sosfilt_<d>.csv     scipy.signal.sosfilt(sos_d, input) from zero state, for the designs in OUTPUTS
  filters/sosfilt_zi_<d>.csv  the same with zi = sosfilt_zi(sos_d) * first sample of each channel
  features/band_power.csv     log band power of sliding windows of the input (read at 250 Hz), with the
                              definition BandPowerFeatures documents (see band_power_frames below)

How to regenerate (from the repository root; needs Python 3.11+, numpy >= 2, scipy >= 1.11):

  python3 decoders/src/test/python/make_filter_fixtures.py

The output is deterministic (fixed seed, fixed formats); commit the regenerated files together with any
change to this script. The Java tests read the files from the test class path.
"""

from pathlib import Path

import numpy as np
from scipy import signal

OUT = Path(__file__).resolve().parents[1] / "resources" / "fixtures"
SEED = 20260101
INPUT_RATE_HZ = 250.0  # how the band-power fixture reads the input; the filters see plain samples
INPUT_SAMPLES = 600

# name -> (kind, order, f1 Hz, f2 Hz or None, fs Hz, Q or None)
DESIGNS = {
    "bandpass_1_40_o4_fs250": ("bandpass", 4, 1.0, 40.0, 250.0, None),
    "bandpass_8_30_o4_fs160": ("bandpass", 4, 8.0, 30.0, 160.0, None),
    "highpass_0.5_o2_fs256": ("highpass", 2, 0.5, None, 256.0, None),
    "lowpass_45_o5_fs512": ("lowpass", 5, 45.0, None, 512.0, None),
    "notch_50_q30_fs250": ("notch", None, 50.0, None, 250.0, 30.0),
    "notch_60_q30_fs256": ("notch", None, 60.0, None, 256.0, 30.0),
    # odd orders and wide bands exercise the real-pole branches of zpk2sos pairing
    "bandpass_1_40_o3_fs250": ("bandpass", 3, 1.0, 40.0, 250.0, None),
    "highpass_1_o3_fs250": ("highpass", 3, 1.0, None, 250.0, None),
    "lowpass_10_o1_fs100": ("lowpass", 1, 10.0, None, 100.0, None),
    "bandpass_0.5_100_o6_fs1000": ("bandpass", 6, 0.5, 100.0, 1000.0, None),
}
OUTPUTS = ["bandpass_1_40_o4_fs250", "bandpass_8_30_o4_fs160", "highpass_0.5_o2_fs256",
           "lowpass_45_o5_fs512", "notch_50_q30_fs250", "notch_60_q30_fs256"]
OUTPUTS_ZI = ["bandpass_1_40_o4_fs250"]

# Band-power configurations: name -> (window seconds, hop seconds); bands are the FeatureConfig defaults.
BAND_POWER_CONFIGS = {"w1.0_h0.25": (1.0, 0.25), "w0.5_h0.2": (0.5, 0.2)}
BANDS = [("theta", 4.0, 8.0), ("alpha", 8.0, 13.0), ("beta", 13.0, 30.0), ("gamma", 30.0, 40.0)]
POWER_FLOOR = 1e-10  # microvolts^2 / Hz, BandPowerFeatures.POWER_FLOOR
FIRST_TIMESTAMP = 100.0  # seconds, time stamp of input sample 0 in the band-power fixture


def design(kind, order, f1, f2, fs, q):
    if kind == "notch":
        b, a = signal.iirnotch(f1, q, fs)
        return np.concatenate((b, a))[np.newaxis, :]
    wn = [f1, f2] if kind == "bandpass" else f1
    return signal.butter(order, wn, btype=kind, fs=fs, output="sos")


def make_input():
    rng = np.random.default_rng(SEED)
    t = np.arange(INPUT_SAMPLES) / INPUT_RATE_HZ
    ch0 = 10 * np.sin(2 * np.pi * 10 * t) + 5 * np.sin(2 * np.pi * 50 * t) + 20 + 2 * rng.standard_normal(t.size)
    ch1 = (8 * np.sin(2 * np.pi * 6 * t + 0.3) + 6 * np.sin(2 * np.pi * 22 * t) - 15
           + 3 * rng.standard_normal(t.size))
    ch2 = 4 * np.sin(2 * np.pi * 35 * t + 1.1) + 30 * t + 5 * rng.standard_normal(t.size)
    return np.stack((ch0, ch1, ch2), axis=1).astype(np.float32)


def hann_periodogram(x, fs):
    """One-sided periodogram density (units^2/Hz) of one window: mean removed, periodic Hann window."""
    n = x.size
    w = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)
    spectrum = np.fft.rfft(w * (x - x.mean()))
    density = np.abs(spectrum) ** 2 / (fs * np.sum(w * w))
    if n % 2 == 0:
        density[1:-1] *= 2
    else:
        density[1:] *= 2
    # independent cross-check against scipy's own periodogram
    _, reference = signal.periodogram(x, fs, window="hann", detrend="constant", scaling="density")
    assert np.allclose(density, reference, rtol=1e-10, atol=1e-12)
    return np.fft.rfftfreq(n, 1 / fs), density


def band_power_frames(x, fs, window_s, hop_s):
    """Rows (config-free): frame, end_sample, channel, band, log_power.

    Window k (from 0) covers samples [e_k - n + 1, e_k] with n = round(window_s * fs) and
    e_k = n - 1 + floor(k * hop_s * fs + 0.5); its value per channel and band is the natural log of the mean
    periodogram density over the bins with band_low <= f < band_high, floored at POWER_FLOOR.
    """
    n = int(np.floor(window_s * fs + 0.5))
    hop = hop_s * fs
    rows = []
    k = 0
    while True:
        end = n - 1 + int(np.floor(k * hop + 0.5))
        if end >= x.shape[0]:
            return rows
        for c in range(x.shape[1]):
            freqs, density = hann_periodogram(x[end - n + 1:end + 1, c].astype(np.float64), fs)
            for b, (_, low, high) in enumerate(BANDS):
                in_band = (freqs >= low) & (freqs < high)
                rows.append((k, end, c, b, np.log(max(density[in_band].mean(), POWER_FLOOR))))
        k += 1


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


def main():
    x = make_input()
    write_csv(OUT / "filters" / "input.csv", [f"ch{c}" for c in range(x.shape[1])],
              ([f"{v:.9g}" for v in row] for row in x))

    design_rows = []
    for name, (kind, order, f1, f2, fs, q) in DESIGNS.items():
        sos = design(kind, order, f1, f2, fs, q)
        for s, section in enumerate(sos):
            design_rows.append([name, kind, "" if order is None else str(order), repr(f1),
                                "" if f2 is None else repr(f2), repr(fs), "" if q is None else repr(q), str(s)]
                               + [repr(float(v)) for v in section])
        if name in OUTPUTS:
            y = signal.sosfilt(sos, x.astype(np.float64), axis=0)
            write_csv(OUT / "filters" / f"sosfilt_{name}.csv", [f"ch{c}" for c in range(x.shape[1])],
                      ([f"{v:.9g}" for v in row] for row in y))
        if name in OUTPUTS_ZI:
            # zi layout for axis=0: (sections, 2, channels)
            zi = signal.sosfilt_zi(sos)[:, :, np.newaxis] * x[0].astype(np.float64)[np.newaxis, np.newaxis, :]
            y, _ = signal.sosfilt(sos, x.astype(np.float64), axis=0, zi=zi)
            write_csv(OUT / "filters" / f"sosfilt_zi_{name}.csv", [f"ch{c}" for c in range(x.shape[1])],
                      ([f"{v:.9g}" for v in row] for row in y))
    write_csv(OUT / "filters" / "designs.csv",
              ["design", "kind", "order", "f1_hz", "f2_hz", "fs_hz", "q", "section", "b0", "b1", "b2", "a0", "a1",
               "a2"], design_rows)

    power_rows = []
    for config, (window_s, hop_s) in BAND_POWER_CONFIGS.items():
        for k, end, c, b, value in band_power_frames(x, INPUT_RATE_HZ, window_s, hop_s):
            power_rows.append([config, repr(window_s), repr(hop_s), str(k), str(end),
                               repr(FIRST_TIMESTAMP + end / INPUT_RATE_HZ), str(c), BANDS[b][0], repr(float(value))])
    write_csv(OUT / "features" / "band_power.csv",
              ["config", "window_s", "hop_s", "frame", "end_sample", "frame_time", "channel", "band", "log_power"],
              power_rows)


if __name__ == "__main__":
    main()
