#!/usr/bin/env python3
"""Prints the reference values EdfRecordingTest quotes for the shared EDF/BDF files, computed with numpy
independently of the Java reader (header fields parsed by position, int16 / 24-bit little-endian samples,
phys = (dig - dmin) * (pmax - pmin) / (dmax - dmin) + pmin, TALs split on 0x00 / 0x14 / 0x15).

    python3 reference_values.py [path/to/shared/data]    (default: ../../../../../../shared/data from here)
"""
import collections
import os
import sys

import numpy as np


def read(path):
    b = open(path, "rb").read()
    bdf = b[0] == 0xFF
    ns = int(b[252:256])
    records = int(b[236:244])
    pos = 256

    def fields(width):
        nonlocal pos
        out = [b[pos + i * width:pos + (i + 1) * width].decode("latin-1").strip() for i in range(ns)]
        pos += ns * width
        return out

    labels = fields(16)
    fields(80)
    fields(8)
    pmin = [float(x) for x in fields(8)]
    pmax = [float(x) for x in fields(8)]
    dmin = [float(x) for x in fields(8)]
    dmax = [float(x) for x in fields(8)]
    fields(80)
    spr = [int(x) for x in fields(8)]
    width = 3 if bdf else 2
    record_bytes = sum(spr) * width
    start = 256 * (ns + 1)
    raw = {i: [] for i in range(ns)}
    for r in range(records):
        p = start + r * record_bytes
        for i in range(ns):
            chunk = b[p:p + spr[i] * width]
            p += spr[i] * width
            if labels[i].endswith("Annotations"):
                raw[i].append(chunk)
            elif bdf:
                a = np.frombuffer(chunk, np.uint8).reshape(-1, 3).astype(np.int64)
                v = a[:, 0] | (a[:, 1] << 8) | (a[:, 2] << 16)
                raw[i].append(np.where(v >= 1 << 23, v - (1 << 24), v))
            else:
                raw[i].append(np.frombuffer(chunk, "<i2").astype(np.int64))

    def physical(i):
        d = np.concatenate(raw[i]).astype(float)
        return (d - dmin[i]) * (pmax[i] - pmin[i]) / (dmax[i] - dmin[i]) + pmin[i]

    def annotations():
        out = []
        for i in range(ns):
            if labels[i].endswith("Annotations"):
                for block in raw[i]:
                    for tal in block.split(b"\x00"):
                        if tal:
                            parts = tal.split(b"\x14")
                            head = parts[0].split(b"\x15")
                            duration = float(head[1]) if len(head) > 1 else 0.0
                            out += [(float(head[0]), duration, t.decode("utf-8")) for t in parts[1:-1] if t]
        return sorted(out, key=lambda m: m[0])

    def triggers():
        i = labels.index("Status")
        code = np.concatenate(raw[i]) & 0xFFFF
        starts = [n for n in range(1, len(code)) if code[n] != code[n - 1] and code[n] != 0]
        return [(n, int(code[n]), next((m for m in range(n, len(code)) if code[m] != code[n]), len(code)) - n)
                for n in starts]

    return labels, physical, annotations, triggers, spr


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../../shared/data")
    picks = {
        "edf/S001R01.edf": [(0, 0), (0, 1), (10, 5000), (63, 9759)],
        "edf/S001R04.edf": [(0, 0), (31, 12345)],
        "edf/test_generator.edf": [(0, 0), (3, 777)],
        "bdf/Newtest17-256.bdf": [(0, 0), (15, 15359), (7, 8000)],
        "bdf/biosemi-activetwo_mne-test.bdf": [(0, 0), (71, 2047), (40, 1000)],
        "bdf/test_generator.bdf": [(0, 0)],
    }
    for name, samples in picks.items():
        labels, physical, annotations, triggers, spr = read(os.path.join(root, name))
        print(name)
        for ch, n in samples:
            print("  %s[%d] = %r" % (labels[ch], n, float(np.float32(physical(ch)[n]))))
        marks = annotations()
        if marks:
            print("  annotations:", dict(collections.Counter(m[2] for m in marks)), "first", marks[:2], "last", marks[-1])
        if "Status" in labels:
            t = triggers()
            print("  triggers (sample, code, samples held): %d, first %s, last %s" % (len(t), t[:2], t[-1]))
    for name, channels in (("edf/test_generator.edf", range(4, 11)), ("bdf/test_generator.bdf", [0])):
        labels, physical, _, _, spr = read(os.path.join(root, name))
        for ch in channels:
            x = physical(ch)
            rate = spr[ch]
            freqs = np.fft.rfftfreq(len(x), 1 / rate)
            spectrum = np.abs(np.fft.rfft(x - x.mean()))
            k = int(np.argmax(spectrum))
            print("%s %s: peak %.4f Hz, amplitude %.3f" % (name, labels[ch], freqs[k], 2 * spectrum[k] / len(x)))


if __name__ == "__main__":
    main()
