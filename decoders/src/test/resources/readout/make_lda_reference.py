#!/usr/bin/env python3
"""Reference for ShrinkageLda, written from the formulas with numpy matrix operations.

Standardise with the training mean and (population) standard deviation; pooled within-class covariance
S = Xc^T Xc / n; Ledoit-Wolf intensity min(beta, delta) / delta with mu = tr(S)/d,
delta = ||S - mu I||_F^2, beta = sum_i ||x_i x_i^T - S||_F^2 / n^2; S* = (1 - a) S + a mu I;
w_k = S*^-1 m_k, b_k = -w_k . m_k / 2; predict argmax. Run: python3 make_lda_reference.py
"""
import json

import numpy as np

rng = np.random.RandomState(5)
d, classes = 10, ["a", "b", "c"]
centres = rng.normal(0, 1.0, (3, d))
def draw(n):
    y = np.arange(n) % 3
    return centres[y] + rng.normal(0, 1.5, (n, d)) * rng.uniform(0.5, 2, d), y
x_train, y_train = draw(24)
x_test, y_test = draw(30)

center = x_train.mean(0)
scale = x_train.std(0)
z = (x_train - center) / scale
means = np.array([z[y_train == k].mean(0) for k in range(3)])
xc = z - means[y_train]
n = len(z)
s = xc.T @ xc / n
mu = np.trace(s) / d
delta = np.sum((s - mu * np.eye(d)) ** 2)
beta = sum(np.sum((np.outer(r, r) - s) ** 2) for r in xc) / n ** 2
a = min(beta, delta) / delta
shrunk = (1 - a) * s + a * mu * np.eye(d)
w = np.linalg.solve(shrunk, means.T).T
b = -0.5 * np.sum(w * means, axis=1)
scores = ((x_test - center) / scale) @ w.T + b
predicted = [classes[k] for k in scores.argmax(1)]

json.dump({
    "train": x_train.tolist(), "trainLabels": [classes[k] for k in y_train],
    "test": x_test.tolist(), "testLabels": [classes[k] for k in y_test],
    "shrinkage": a, "predicted": predicted,
    "accuracy": float(np.mean([p == classes[k] for p, k in zip(predicted, y_test)])),
}, open("lda_reference.json", "w"), indent=1)
print("shrinkage", a, "accuracy", np.mean([p == classes[k] for p, k in zip(predicted, y_test)]))
