#!/usr/bin/env python3
"""Independent numpy reference for the mel front end, Griffin-Lim and the mel distances.

Implements from the formulas (no librosa needed): periodic Hann window, centred STFT with reflect
padding (librosa.stft(center=True, pad_mode='reflect')), the Slaney mel filter bank of
librosa.filters.mel(htk=False, norm='slaney'), log(max(mel magnitude, 1e-5)), the overlap-add
inverse STFT of librosa.istft, librosa.griffinlim's fast Griffin-Lim (zero initial phase, so the
result is deterministic), the pseudo-inverse of the filter bank clamped at 0, the log-mel L1
distance and the mel-cepstral distortion (orthonormal DCT-II, c1..c13, 10 sqrt(2) / ln 10).
If librosa happens to be importable, its filter bank and log-mel are compared as well and the
version is recorded.

Writes mel_reference.json next to this script. The test signal is stored as 16-bit PCM codes
(sample = code / 32768) so both sides start from identical input. Usage: python3 mel_reference.py
"""
import json
import os

import numpy as np

SR, N_FFT, HOP, N_MELS, FMIN, FMAX, FLOOR = 16000, 1024, 256, 80, 0.0, 8000.0, 1e-5
N = 4096
GL_ITERATIONS, GL_MOMENTUM = 4, 0.99
MCD_COEFFS = 13


def lcg_noise(n, seed):
    """Uniform [-1, 1) from the 32-bit LCG of Numerical Recipes (exact integer arithmetic)."""
    out, s = np.empty(n), seed
    for i in range(n):
        s = (1664525 * s + 1013904223) % 2 ** 32
        out[i] = s / 2 ** 31 - 1.0
    return out


def test_signals():
    t = np.arange(N) / SR
    env = np.minimum(1.0, np.minimum(t / 0.02, (t[-1] - t) / 0.02 + 1e-9))
    chirp = np.sin(2 * np.pi * (300 * t + 0.5 * 12000 * t ** 2))
    a = env * (0.4 * np.sin(2 * np.pi * 220 * t) + 0.25 * np.sin(2 * np.pi * 1375.5 * t + 0.7)
               + 0.15 * chirp + 0.1 * lcg_noise(N, 12345))
    b = env * (0.5 * chirp + 0.05 * lcg_noise(N, 777))
    return [np.clip(np.round(x * 32768), -32768, 32767).astype(np.int64) for x in (a, b)]


def hann():
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)


def stft(x):
    padded = np.pad(x, N_FFT // 2, mode="reflect")
    frames = 1 + len(x) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(frames)[:, None]
    return np.fft.rfft(padded[idx] * hann()[None, :], axis=1)          # [frames, bins]


def istft(spec, length):
    frames = spec.shape[0]
    w = hann()
    total = N_FFT + HOP * (frames - 1)
    y, wss = np.zeros(total), np.zeros(total)
    for t in range(frames):
        y[t * HOP:t * HOP + N_FFT] += np.fft.irfft(spec[t], n=N_FFT) * w
        wss[t * HOP:t * HOP + N_FFT] += w ** 2
    nz = wss > np.finfo(np.float64).tiny
    y[nz] /= wss[nz]
    return y[N_FFT // 2:N_FFT // 2 + length]


def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_hz / f_sp + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep,
                    f / f_sp)


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    logstep = np.log(6.4) / 27.0
    min_log_mel = min_log_hz / f_sp
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_bank():
    fft_freqs = np.arange(N_FFT // 2 + 1) * SR / N_FFT
    edges = mel_to_hz(np.linspace(hz_to_mel(FMIN), hz_to_mel(FMAX), N_MELS + 2))
    bank = np.zeros((N_MELS, len(fft_freqs)))
    for m in range(N_MELS):
        lower = (fft_freqs - edges[m]) / (edges[m + 1] - edges[m])
        upper = (edges[m + 2] - fft_freqs) / (edges[m + 2] - edges[m + 1])
        bank[m] = np.maximum(0, np.minimum(lower, upper)) * 2.0 / (edges[m + 2] - edges[m])
    return bank


def log_mel(x, bank):
    return np.log(np.maximum(np.abs(stft(x)) @ bank.T, FLOOR))     # [frames, mels]


def griffin_lim(mag, length):
    angles = np.ones_like(mag, dtype=np.complex128)
    rebuilt = np.zeros_like(angles)
    for _ in range(GL_ITERATIONS):
        tprev = rebuilt
        rebuilt = stft(istft(mag * angles, length))
        angles = rebuilt - (GL_MOMENTUM / (1 + GL_MOMENTUM)) * tprev
        angles = angles / (np.abs(angles) + np.finfo(np.float64).tiny)
    return istft(mag * angles, length)


def mcd(a, b):
    n = a.shape[1]
    k = np.arange(1, MCD_COEFFS + 1)[:, None]
    basis = np.sqrt(2.0 / n) * np.cos(np.pi * k * (2 * np.arange(n)[None, :] + 1) / (2.0 * n))
    diff = (a - b) @ basis.T
    return float(np.mean(10.0 * np.sqrt(2.0) / np.log(10.0) * np.sqrt(np.sum(diff ** 2, axis=1))))


def sig(values, digits=12):
    return [float("%.*g" % (digits, v)) for v in np.ravel(values)]


def compare_librosa(x, bank, lm):
    try:
        import librosa
    except ImportError:
        return None
    lb = librosa.filters.mel(sr=SR, n_fft=N_FFT, n_mels=N_MELS, fmin=FMIN, fmax=FMAX, htk=False, norm="slaney")
    assert np.allclose(lb, bank, rtol=1e-5, atol=1e-9), "filter bank differs from librosa"
    s = np.abs(librosa.stft(x, n_fft=N_FFT, hop_length=HOP, window="hann", center=True, pad_mode="reflect"))
    ll = np.log(np.maximum(lb @ s, FLOOR)).T
    assert np.allclose(ll, lm, rtol=1e-4, atol=1e-4), "log-mel differs from librosa"
    return librosa.__version__


def main():
    pcm_a, pcm_b = test_signals()
    xa, xb = pcm_a / 32768.0, pcm_b / 32768.0
    bank = mel_bank()
    spec = stft(xa)
    mag = np.abs(spec)
    lm_a, lm_b = log_mel(xa, bank), log_mel(xb, bank)
    f32a, f32b = lm_a.astype(np.float32).astype(np.float64), lm_b.astype(np.float32).astype(np.float64)
    probe_frame = 5
    pinv = np.maximum(0.0, np.linalg.pinv(bank) @ np.exp(f32a[probe_frame]))
    rows = [0, 1, 2, 10, 40, 79]
    frames = [0, 5, mag.shape[0] - 1]
    out = {
        "script": "mel_reference.py",
        "librosa_version": compare_librosa(xa, bank, lm_a),
        "numpy_version": np.__version__,
        "config": {"sample_rate": SR, "n_fft": N_FFT, "hop_length": HOP, "n_mels": N_MELS,
                   "f_min": FMIN, "f_max": FMAX, "log_floor": FLOOR},
        "signal_a_pcm16": pcm_a.tolist(),
        "signal_b_pcm16": pcm_b.tolist(),
        "filter_rows": rows,
        "filter_weights": [sig(bank[r]) for r in rows],
        "filter_row_sums": sig(bank.sum(axis=1)),
        "stft_frames": frames,
        "stft_magnitude": [sig(mag[f]) for f in frames],
        "istft_roundtrip_max_abs_error": float(np.max(np.abs(istft(spec, N) - xa))),
        "log_mel_a": [sig(r) for r in lm_a],
        "log_mel_b": [sig(r) for r in lm_b],
        "log_mel_l1_ab": float(np.mean(np.abs(f32a - f32b))),
        "mcd_ab": mcd(f32a, f32b),
        "pinv_probe_frame": probe_frame,
        "pinv_linear_magnitude": sig(pinv),
        "griffin_lim": {"iterations": GL_ITERATIONS, "momentum": GL_MOMENTUM, "initial_phase": "zero",
                        "signal": sig(griffin_lim(mag, N))},
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mel_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print("wrote %s: %d frames, MCD %.4f dB, L1 %.4f, librosa %s"
          % (path, lm_a.shape[0], out["mcd_ab"], out["log_mel_l1_ab"], out["librosa_version"]))


if __name__ == "__main__":
    main()
