#!/usr/bin/env python3
"""Independent numpy reference for SSIM (Wang, Bovik, Sheikh & Simoncelli 2004).

Direct, non-separable evaluation: for every position where the 11 x 11 window fits ('valid'), the
Gaussian-weighted (sigma 1.5, weights summing to 1) means, population variances and covariance of
the two windows, then SSIM = (2 mx my + C1)(2 sxy + C2) / ((mx^2 + my^2 + C1)(sx^2 + sy^2 + C2)),
C1 = (0.01 L)^2, C2 = (0.03 L)^2, L = 2 (images in [-1, 1]); the result is the mean over positions.

The images are small deterministic patterns (float32 values, so Java reads the same numbers).
Writes ssim_reference.json next to this script. Usage: python3 ssim_reference.py
"""
import json
import os

import numpy as np

WIN, SIGMA, K1, K2, L = 11, 1.5, 0.01, 0.03, 2.0


def lcg(n, seed):
    out, s = np.empty(n), seed
    for i in range(n):
        s = (1664525 * s + 1013904223) % 2 ** 32
        out[i] = s / 2 ** 31 - 1.0
    return out


def gaussian_window():
    d = np.arange(WIN) - (WIN - 1) / 2.0
    g = np.exp(-(d[:, None] ** 2 + d[None, :] ** 2) / (2 * SIGMA ** 2))
    return g / g.sum()


def ssim(a, b):
    w = gaussian_window()
    c1, c2 = (K1 * L) ** 2, (K2 * L) ** 2
    h, wd = a.shape
    values = []
    for r in range(h - WIN + 1):
        for c in range(wd - WIN + 1):
            x, y = a[r:r + WIN, c:c + WIN], b[r:r + WIN, c:c + WIN]
            mx, my = np.sum(w * x), np.sum(w * y)
            vx, vy = np.sum(w * (x - mx) ** 2), np.sum(w * (y - my) ** 2)
            cxy = np.sum(w * (x - mx) * (y - my))
            values.append((2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2)))
    return float(np.mean(values))


def f32(x):
    return np.clip(x, -1, 1).astype(np.float32)


def images():
    yy, xx = np.mgrid[0:32, 0:32].astype(np.float64)
    blob = np.tanh(3 * (1 - ((xx - 14) ** 2 + (yy - 17) ** 2) / 90.0)) * 0.9 + 0.05 * np.sin(xx / 3.0)
    base = f32(blob)
    noisy = f32(base + 0.25 * lcg(1024, 1).reshape(32, 32))
    shifted = f32(np.roll(base, (2, 1), axis=(0, 1)))
    noise = f32(lcg(1024, 2).reshape(32, 32))
    blank = f32(-np.ones((32, 32)))
    faint = f32(-1 + 0.1 * (base + 1))
    ry, rx = np.mgrid[0:24, 0:40].astype(np.float64)
    wide = f32(np.sin(rx / 4.0) * np.cos(ry / 5.0))
    wide_noisy = f32(wide + 0.3 * lcg(960, 3).reshape(24, 40))
    return {"base": base, "noisy": noisy, "shifted": shifted, "noise": noise, "blank": blank,
            "faint": faint, "wide": wide, "wide_noisy": wide_noisy}


PAIRS = [("base", "base"), ("base", "noisy"), ("base", "shifted"), ("base", "noise"), ("blank", "blank"),
         ("blank", "base"), ("base", "faint"), ("wide", "wide_noisy")]


def main():
    imgs = images()
    out = {
        "script": "ssim_reference.py",
        "window": WIN, "sigma": SIGMA, "k1": K1, "k2": K2, "data_range": L,
        "images": {k: {"width": v.shape[1], "height": v.shape[0], "pixels": [float(p) for p in v.ravel()]}
                   for k, v in imgs.items()},
        "pairs": [{"a": a, "b": b,
                   "ssim": ssim(imgs[a].astype(np.float64), imgs[b].astype(np.float64))} for a, b in PAIRS],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ssim_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    for p in out["pairs"]:
        print("%-6s %-10s %.6f" % (p["a"], p["b"], p["ssim"]))


if __name__ == "__main__":
    main()
