#!/usr/bin/env python3
"""A golden iP-VAE bundle and its online outputs, computed independently of the Java engine.

The bundle (v1/ipvae-online/) is written byte by byte with the helpers of make_golden.py. The outputs
(ipvae-online-expected.json) come from a plain-Python transcription of spec ipvae.md §2, §3.1 and §8 for one
inner step per frame, with the engine's documented random stream: SplitMix64 (java.util.SplittableRandom's
sequence), uniform doubles from the top 53 bits, Poisson counts by sequential-search inversion (every rate
here is below 10, so no draw takes the rejection branch) at rate e^u + 2^-23. Per frame: u starts at u_init
on frame 0; spikes z ~ Pois(e^u) from the state before the update; Δ = S_c(max(η·(Φᵀ((x − Φz)/σ²) − b), −8));
u ← S_c(max(u + Δ, −8)); a fresh draw from the updated u is the reported spike vector and decodes to x̂.
Run from this directory:

    python3 make_ipvae_golden.py
"""
import hashlib
import json
import math
import os
import struct

import numpy as np

from make_golden import safetensors_bytes, write

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
M, K, FRAMES, SEED = 6, 4, 12, 20261122
CLAMP_U = CLAMP_DELTA = 10.0
BETA = 24.0


class SplitMix64:
    def __init__(self, seed):
        self.seed = seed & MASK

    def next_long(self):
        self.seed = (self.seed + GOLDEN_GAMMA) & MASK
        z = self.seed
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53


def poisson(rng, mean):
    assert mean < 10
    u = rng.next_double()
    p = math.exp(-mean)
    cdf, k = p, 0
    while u > cdf:
        k += 1
        p *= mean / k
        nxt = cdf + p
        if nxt == cdf:
            break
        cdf = nxt
    return k


def softplus(a):
    return a if a > 20 else math.log1p(math.exp(a))


def clamp(y, c):
    return c - softplus(c - max(y, -8.0))


def model():
    r = np.random.RandomState(7)
    phi = r.normal(0, 0.5, (M, K))
    log_sigma = r.uniform(-0.5, 0.5, M)
    log_bias = r.uniform(-4, -2, K)
    log_lr = -1.0
    u_init = r.uniform(-0.5, 1.0, K)
    frames = r.normal(0, 1, (FRAMES, M))
    return phi, log_sigma, log_bias, log_lr, u_init, frames


def run(phi, log_sigma, log_bias, log_lr, u_init, frames):
    inv_var = np.exp(-2 * 3.45 * np.tanh(log_sigma / 3.45))
    log_norm = float(np.sum(3.45 * np.tanh(log_sigma / 3.45) + 0.5 * math.log(2 * math.pi)))
    gain, bias = math.exp(log_lr), np.exp(log_bias)
    rng = SplitMix64(SEED)
    u = u_init.copy()
    out = []
    for x in frames:
        prior = u.copy()
        z = np.array([poisson(rng, math.exp(v) + 2.0 ** -23) for v in u], dtype=float)
        projection = phi.T @ ((x - phi @ z) * inv_var)
        for k in range(K):
            delta = clamp(gain * (projection[k] - bias[k]), CLAMP_DELTA)
            u[k] = clamp(u[k] + delta, CLAMP_U)
        spikes = [poisson(rng, math.exp(v) + 2.0 ** -23) for v in u]
        x_hat = phi @ np.array(spikes, dtype=float)
        nll = float(np.sum((x - x_hat) ** 2 * inv_var)) / 2 + log_norm
        d = u - prior
        kl = float(np.sum(np.exp(prior) * (d * np.exp(d) - np.expm1(d))))
        r2 = 1 - float(np.sum((x - x_hat) ** 2)) / (float(np.sum((x - x.mean()) ** 2)) + 2.0 ** -23)
        out.append({"rates": [math.exp(v) for v in u], "spikes": spikes, "freeEnergy": nll + BETA * kl,
                    "r2": r2})
    return out


def main():
    phi, log_sigma, log_bias, log_lr, u_init, frames = model()
    f64 = lambda a: struct.pack("<%dd" % np.size(a), *np.ravel(a))
    tensors = {
        "phi": ("F64", [M, K], f64(phi)),
        "log_sigma": ("F64", [M], f64(log_sigma)),
        "log_bias": ("F64", [K], f64(log_bias)),
        "log_lr": ("F64", [1], f64([log_lr])),
        "u_init": ("F64", [K], f64(u_init)),
    }
    names = sorted(tensors)
    weights = safetensors_bytes(names, names, tensors, {})
    bundle = {
        "formatVersion": 1,
        "kind": "ipvae",
        "hyperParameters": {
            "features": M,
            "latents": K,
            "inference": {"innerSteps": 1, "betaInner": 1.0, "clampU": CLAMP_U, "clampDeltaU": CLAMP_DELTA,
                          "beta": BETA, "klForm": "exact"},
            "featureSettings": {},
            "training": {},
        },
        "shapes": {name: tensors[name][1] for name in names},
        "weightsSha256": hashlib.sha256(weights).hexdigest(),
        "provenance": {
            "seed": 7,
            "dataFingerprint": hashlib.sha256(b"make_ipvae_golden.py model 7").hexdigest(),
            "command": "python3 make_ipvae_golden.py",
            "createdBy": "make_ipvae_golden.py 1",
            "notes": "golden iP-VAE bundle for the online engine",
        },
    }
    os.makedirs("v1/ipvae-online", exist_ok=True)
    write("v1/ipvae-online/model.json", (json.dumps(bundle, indent=2) + "\n").encode("utf-8"))
    write("v1/ipvae-online/weights.safetensors", weights)
    expected = {"seed": SEED, "frames": frames.tolist(),
                "outputs": run(phi, log_sigma, log_bias, log_lr, u_init, frames)}
    write("ipvae-online-expected.json", (json.dumps(expected, indent=1) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
