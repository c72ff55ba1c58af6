#!/usr/bin/env python3
"""Writes the small EDF+/BDF+ fixtures of the EDF reader tests into this folder.

Independent of the Java reader: headers and records are laid out by hand from the EDF/EDF+ spec
(https://www.edfplus.info/specs/) with the standard library only. Run from anywhere:

    python3 make_fixtures.py

Fixtures (the tests state the values they expect from the formulas below):

discontinuous.edf     EDF+D, record duration 1 s, 4 records starting at 0, 1, 3.5 and 10.25 s.
                      "Sig A" 10/rec, digital r*100+k, physical -100..100 uV over -1000..1000 (0.1 uV/count);
                      "Sig B" 10/rec, digital -(r*100+k), physical 0..1 mV over -2000..2000;
                      "Slow" 5/rec, digital 1000*r+k, physical 50..-50 uV (inverted) over -32768..32767;
                      annotations "Cue" at +0.5 (0.25 s) and "Gap end" at +4.
discontinuous_backwards.edf  the same with record 2 starting at 1.5 s, inside record 1 (1..2 s).
annotations.edf       EDF+C, record duration 0.5 s, 3 records, "Ch1" 2/rec (4 Hz, digital = physical),
                      two annotation signals: negative and sub-second onsets, several texts in one TAL,
                      a time-keeping TAL that also carries a text, UTF-8 text.
bad_tal.edf           annotations.edf with record 1's second TAL onset written without its sign.
triggers.bdf          BDF+C, record duration 1 s, 3 records: "EEG1" 8/rec, EEG_VALUES (24-bit extremes) in every
                      record, physical -262144..262143 uV over the full 24-bit range; "EXG1" 4/rec, digital
                      4*r+k-6; "Status" 8/rec, low 16 bits STATUS_CODES, high byte 0x10, then 0x11 from
                      sample 5, then 0xF0 (negative 24-bit values) from sample 14; "BDF Annotations" 10/rec
                      with "Stimulus" at +1.6 (0.5 s).
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def field(text, width):
    data = text.encode("latin-1")
    assert len(data) <= width, (text, width)
    return data + b" " * (width - len(data))


def header(bdf, reserved, records, duration, signals):
    """signals: list of dicts with label, dim, pmin, pmax, dmin, dmax, spr."""
    ns = len(signals)
    out = (b"\xffBIOSEMI" if bdf else field("0", 8))
    out += field("X X X X", 80) + field("Startdate 01-JAN-2020 X X fixture", 80)
    out += field("01.01.20", 8) + field("12.00.00", 8) + field(str(256 * (ns + 1)), 8)
    out += field(reserved, 44) + field(str(records), 8) + field(duration, 8) + field(str(ns), 4)
    for key, width in (("label", 16), ("transducer", 80), ("dim", 8), ("pmin", 8), ("pmax", 8),
                       ("dmin", 8), ("dmax", 8), ("prefilter", 80), ("spr", 8), ("reserved", 32)):
        for s in signals:
            out += field(str(s.get(key, "")), width)
    assert len(out) == 256 * (ns + 1)
    return out


def samples(values, bdf):
    if bdf:
        return b"".join(struct.pack("<i", v)[:3] for v in values)
    return struct.pack("<%dh" % len(values), *values)


def annotation_block(tals, spr, bdf):
    size = spr * (3 if bdf else 2)
    data = b"".join(tals)
    assert len(data) <= size, (data, size)
    return data + b"\x00" * (size - len(data))


def tal(onset, texts=("",), duration=None):
    head = onset.encode() + (b"\x15" + duration.encode() if duration is not None else b"")
    return head + b"\x14" + b"".join(t.encode("utf-8") + b"\x14" for t in texts) + b"\x00"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def discontinuous(starts):
    sigs = [
        dict(label="Sig A", dim="uV", pmin=-100, pmax=100, dmin=-1000, dmax=1000, spr=10),
        dict(label="Sig B", dim="mV", pmin=0, pmax=1, dmin=-2000, dmax=2000, spr=10),
        dict(label="Slow", dim="uV", pmin=50, pmax=-50, dmin=-32768, dmax=32767, spr=5),
        dict(label="EDF Annotations", pmin=-1, pmax=1, dmin=-32768, dmax=32767, spr=30),
    ]
    out = header(False, "EDF+D", len(starts), "1", sigs)
    extra = {0: [tal("+0.5", ["Cue"], "0.25")], 2: [tal("+4", ["Gap end"])]}
    for r, start in enumerate(starts):
        out += samples([r * 100 + k for k in range(10)], False)
        out += samples([-(r * 100 + k) for k in range(10)], False)
        out += samples([1000 * r + k for k in range(5)], False)
        out += annotation_block([tal("+" + start)] + extra.get(r, []), 30, False)
    return out


def annotations(bad):
    sigs = [
        dict(label="Ch1", dim="uV", pmin=-32768, pmax=32767, dmin=-32768, dmax=32767, spr=2),
        dict(label="EDF Annotations", pmin=-1, pmax=1, dmin=-32768, dmax=32767, spr=40),
        dict(label="EDF Annotations", pmin=-1, pmax=1, dmin=-32768, dmax=32767, spr=20),
    ]
    out = header(False, "EDF+C", 3, "0.5", sigs)
    first = [
        [tal("+0"), tal("-1.25", ["Before start"], "0.5"), tal("+0.5", ["Sub second"])],
        [tal("+0.5", ["", "Keeping with text"]), tal("0.999" if bad else "+0.999", ["\u00b5-Rhythmus"])],
        [tal("+1"), tal("+1.25", ["Zero duration"], "0")],
    ]
    second = [[tal("+0.75", ["A", "B", "C"], "1.5")], [], []]
    for r in range(3):
        out += samples([10 * r, 10 * r + 1], False)
        out += annotation_block(first[r], 40, False)
        out += annotation_block(second[r], 20, False)
    return out


STATUS_CODES = [3, 3, 0, 0, 0, 0, 7, 7,
                7, 0, 9, 9, 12, 12, 0, 0,
                0, 0, 0, 0, 65535, 65535, 65535, 65535]
EEG_VALUES = [-8388608, 8388607, -1, 0, 1, -2, 123456, -123456]


def triggers():
    sigs = [
        dict(label="EEG1", dim="uV", pmin=-262144, pmax=262143, dmin=-8388608, dmax=8388607, spr=8),
        dict(label="EXG1", dim="uV", pmin=-262144, pmax=262143, dmin=-8388608, dmax=8388607, spr=4),
        dict(label="Status", dim="Boolean", pmin=-8388608, pmax=8388607, dmin=-8388608, dmax=8388607, spr=8),
        dict(label="BDF Annotations", pmin=-1, pmax=1, dmin=-8388608, dmax=8388607, spr=10),
    ]
    out = header(True, "BDF+C", 3, "1", sigs)
    for r in range(3):
        out += samples(EEG_VALUES, True)
        out += samples([r * 4 + k - 6 for k in range(4)], True)
        status = []
        for k in range(8):
            n = r * 8 + k
            high = 0x10 if n < 5 else (0x11 if n < 14 else 0xF0)
            value = (high << 16) | STATUS_CODES[n]
            status.append(value - (1 << 24) if value >= 1 << 23 else value)
        out += samples(status, True)
        tals = [tal("+%d" % r)] + ([tal("+1.6", ["Stimulus"], "0.5")] if r == 1 else [])
        out += annotation_block(tals, 10, True)
    return out


if __name__ == "__main__":
    write("discontinuous.edf", discontinuous(["0", "1", "3.5", "10.25"]))
    write("discontinuous_backwards.edf", discontinuous(["0", "1", "1.5", "10.25"]))
    write("annotations.edf", annotations(False))
    write("bad_tal.edf", annotations(True))
    write("triggers.bdf", triggers())
