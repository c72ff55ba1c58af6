#!/usr/bin/env python3
"""Independent reference trajectories for the Java DDIM sampler (DdimReferenceFixtureTest).

Written from the formulas of specs/ddim.md section A (and diffusers' DDIMScheduler semantics it
describes), not from the Java code. Run from this directory:

    python3 make_reference.py > ddim_reference.json

Conventions shared with the Java side, because its samples, conditions and noise are float32:
x_T, the condition and the injected step noise are rounded to float32 here before use. Everything
else is float64. The next timestep is the next entry of the timestep list (-1 after the last).

Toy denoiser (batch 1, 6 values shaped [2, 3], condition of 2 values):
    conditional:   out = tanh(W x + (t / 1000) a + C cond)
    unconditional: out = tanh(W x + (t / 1000) a)
"""
import json
import math

import numpy as np

T = 1000

W = np.array([
    [0.30, -0.20, 0.10, 0.00, 0.25, -0.15],
    [-0.10, 0.40, 0.05, -0.30, 0.00, 0.20],
    [0.20, 0.10, -0.35, 0.15, -0.05, 0.00],
    [0.00, -0.25, 0.20, 0.30, 0.10, -0.10],
    [0.15, 0.00, -0.10, 0.05, 0.35, 0.20],
    [-0.20, 0.15, 0.00, -0.10, 0.05, 0.30],
])
A = np.array([0.50, -0.30, 0.20, -0.40, 0.10, 0.60])
C = np.array([
    [0.70, -0.20],
    [-0.40, 0.50],
    [0.30, 0.30],
    [0.00, -0.60],
    [0.50, 0.10],
    [-0.30, 0.40],
])


def denoise(x, t, cond):
    h = W @ x + (t / 1000.0) * A
    if cond is not None:
        h = h + C @ cond
    return np.tanh(h)


def f32(values):
    return np.asarray(values, dtype=np.float32).astype(np.float64)


# ---- schedules (spec A.4, A.8) ----
def betas_for(kind, beta_start, beta_end):
    if kind == "linear":
        return np.linspace(beta_start, beta_end, T)
    if kind == "scaled_linear":
        return np.linspace(beta_start ** 0.5, beta_end ** 0.5, T) ** 2
    if kind == "squaredcos_cap_v2":
        abar = lambda s: math.cos((s + 0.008) / 1.008 * math.pi / 2) ** 2
        return np.array([min(1 - abar((i + 1) / T) / abar(i / T), 0.999) for i in range(T)])
    raise ValueError(kind)


def rescale_zero_terminal_snr(betas):
    root = np.sqrt(np.cumprod(1 - betas))
    first, last = root[0], root[-1]
    root = (root - last) * (first / (first - last))
    abar = root ** 2
    alphas = np.concatenate([abar[:1], abar[1:] / abar[:-1]])
    return 1 - alphas


# ---- timestep spacing (spec A.5) ----
def timesteps_for(spacing, steps, offset):
    if spacing == "leading":
        ts = (np.arange(0, steps) * (T // steps)).round()[::-1].astype(np.int64) + offset
    elif spacing == "trailing":
        ts = np.round(np.arange(T, 0, -T / steps)).astype(np.int64) - 1
    elif spacing == "linspace":
        ts = np.linspace(0, T - 1, steps).round()[::-1].astype(np.int64)
    else:
        raise ValueError(spacing)
    assert len(ts) == steps
    return [int(t) for t in ts]


# ---- one DDIM step (spec A.2, A.3, A.7, A.9) ----
def guided_output(case, x, t, cond):
    out = denoise(x, t, cond)
    scale, rescale = case["guidance_scale"], case["guidance_rescale"]
    if scale > 1:
        uncond = denoise(x, t, None)
        cfg = uncond + scale * (out - uncond)
        if rescale > 0:
            cfg = rescale * (cfg * (np.std(out) / np.std(cfg))) + (1 - rescale) * cfg
        out = cfg
    return out


def clip(case, x0):
    c = case["clipping"]
    if c["kind"] == "clamp":
        return np.clip(x0, -c["range"], c["range"])
    if c["kind"] == "dynamic_threshold":
        s = np.quantile(np.abs(x0), c["ratio"])
        s = min(max(s, 1.0), c["max_value"])
        return np.clip(x0, -s, s) / s
    return x0


def run(case, abar):
    ts = timesteps_for(case["spacing"], case["steps"], case["steps_offset"])
    final = 1.0 if case["set_alpha_to_one"] else abar[0]
    x = f32(case["x_T"])
    cond = f32(case["condition"])
    eta = case["eta"]
    xs = []
    for i, t in enumerate(ts):
        prev = ts[i + 1] if i + 1 < len(ts) else -1
        at = abar[t]
        ap = abar[prev] if prev >= 0 else final
        out = guided_output(case, x, t, cond)
        kind = case["prediction_type"]
        if kind == "epsilon":
            x0 = (x - math.sqrt(1 - at) * out) / math.sqrt(at if at > 0 else 2.0 ** -24)
            eps = out
        elif kind == "sample":
            x0 = out
            eps = (x - math.sqrt(at) * out) / math.sqrt(1 - at)
        else:
            x0 = math.sqrt(at) * x - math.sqrt(1 - at) * out
            eps = math.sqrt(at) * out + math.sqrt(1 - at) * x
        x0 = clip(case, x0)
        if case["use_clipped_model_output"]:
            eps = (x - math.sqrt(at) * x0) / math.sqrt(1 - at)
        sigma = eta * math.sqrt((1 - ap) / (1 - at) * (1 - at / ap))
        x = math.sqrt(ap) * x0 + math.sqrt(max(0.0, 1 - ap - sigma ** 2)) * eps
        if eta > 0:
            x = x + sigma * f32(case["noise"][i])
        xs.append(x.tolist())
    return ts, xs


def case(name, kind, beta_start, beta_end, zero_snr, spacing, steps, prediction, **options):
    c = {
        "name": name,
        "schedule": {"kind": kind, "train_timesteps": T, "beta_start": beta_start, "beta_end": beta_end,
                     "zero_terminal_snr": zero_snr},
        "spacing": spacing,
        "steps": steps,
        "prediction_type": prediction,
        "steps_offset": options.get("steps_offset", 0),
        "set_alpha_to_one": options.get("set_alpha_to_one", True),
        "eta": options.get("eta", 0.0),
        "clipping": options.get("clipping", {"kind": "none"}),
        "use_clipped_model_output": options.get("use_clipped_model_output", False),
        "guidance_scale": options.get("guidance_scale", 1.0),
        "guidance_rescale": options.get("guidance_rescale", 0.0),
    }
    return c


def main():
    rng = np.random.default_rng(20240601)
    cases = [
        case("linear_trailing_epsilon", "linear", 1e-4, 0.02, False, "trailing", 10, "epsilon"),
        case("cosine_leading_v_offset", "squaredcos_cap_v2", 0.0, 0.0, False, "leading", 5, "v_prediction",
             steps_offset=1, set_alpha_to_one=False),
        case("scaled_linear_linspace_sample_clamp", "scaled_linear", 0.00085, 0.012, False, "linspace", 6,
             "sample", clipping={"kind": "clamp", "range": 0.5}),
        case("zero_snr_linear_trailing_v_cfg3_rescale07", "linear", 1e-4, 0.02, True, "trailing", 4,
             "v_prediction", guidance_scale=3.0, guidance_rescale=0.7),
        case("scaled_linear_trailing_epsilon_eta1", "scaled_linear", 0.00085, 0.012, False, "trailing", 8,
             "epsilon", eta=1.0),
        case("linear_leading_epsilon_threshold", "linear", 1e-4, 0.02, False, "leading", 5, "epsilon",
             clipping={"kind": "dynamic_threshold", "ratio": 0.9, "max_value": 1.5},
             use_clipped_model_output=True),
        case("cosine_trailing_v_eta05_cfg2", "squaredcos_cap_v2", 0.0, 0.0, False, "trailing", 3, "v_prediction",
             eta=0.5, guidance_scale=2.0),
    ]
    for c in cases:
        s = c["schedule"]
        betas = betas_for(s["kind"], s["beta_start"], s["beta_end"])
        if s["zero_terminal_snr"]:
            betas = rescale_zero_terminal_snr(betas)
        abar = np.cumprod(1 - betas)
        c["condition"] = f32([0.8, -0.5]).tolist()
        c["x_T"] = f32(rng.standard_normal(6)).tolist()
        c["noise"] = [f32(rng.standard_normal(6)).tolist() for _ in range(c["steps"])] if c["eta"] > 0 else []
        c["timesteps"], c["trajectory"] = run(c, abar)
    fixture = {
        "generator": "make_reference.py (numpy %s)" % np.__version__,
        "denoiser": {
            "sample_shape": [2, 3],
            "condition_size": 2,
            "W": W.tolist(),
            "a": A.tolist(),
            "C": C.tolist(),
        },
        "cases": cases,
    }
    print(json.dumps(fixture, indent=1))


if __name__ == "__main__":
    main()
