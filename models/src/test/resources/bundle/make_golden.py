#!/usr/bin/env python3
"""Golden files for the Java readers in org.bcistream.models.bundle, written independently of them.

The safetensors file and the v1 bundle are written byte by byte with struct/json/hashlib/zipfile from
the format description (https://github.com/huggingface/safetensors), not with the safetensors package
or the Java writer. The .npy files are written by NumPy itself. Run from this directory:

    python3 make_golden.py

Values (the Java tests assert exactly these):

golden.safetensors, __metadata__ {"format": "pt", "writer": "make_golden.py"}; data deliberately in a
different order from the header and not sorted by alignment:
    index  I32 [4]     0, -1, 2147483647, -2147483648
    weight F32 [2, 3]  0.5, -1.25, 3.0, 0.1, 100.0, -2.5      (0.1 rounded to float32)
    bias   F64 [3]     0.1, -2.0, 1e300
    step   I64 []      9007199254740993                        (2^53 + 1, a scalar)
    empty  F32 [0, 4]  no elements, no bytes

.npy files; PHI = arange(12).reshape(3, 4) * 0.25 - 1, i.e. rows
    [-1.0, -0.75, -0.5, -0.25], [0.0, 0.25, 0.5, 0.75], [1.0, 1.25, 1.5, 1.75]
    phi_f8.npy           '<f8' C order, format 1.0
    phi_f4_fortran.npy   '<f4' fortran_order True
    phi_be_f8.npy        '>f8'
    phi_be_f4_fortran.npy '>f4' fortran_order True
    phi_v2.npy           '<f8', format 2.0
    phi_v3.npy           '<f8', format 3.0
    vec_i4.npy           '<i4' [-3, 0, 7, 2147483647]
    vec_i8.npy           '<i8' [9007199254740992, -5]
    refused_object.npy   dtype object (pickled)      -> refused
    refused_f2.npy       '<f2'                       -> refused
    refused_cube.npy     shape (2, 2, 2)             -> refused

v1/ipvae-tiny/ (and the same two files in v1/ipvae-tiny.zip): format 1, kind "ipvae",
    hyperParameters {"latents": 2, "channels": 3, "beta": 24.0, "klForm": "exact", "sparse": true}
    tensors phi F64 [3, 2] = 0.5, -0.5, 1.0, 2.0, -1.5, 0.25; log_sigma F32 [3] = 0, -1, 0.5
    provenance seed 42, dataFingerprint sha256("golden training data"), command "python3 make_golden.py",
    createdBy "make_golden.py 1", notes "golden bundle, format 1"
"""
import hashlib
import json
import os
import struct
import zipfile

import numpy as np


def safetensors_bytes(header_order, data_order, tensors, metadata):
    """tensors: name -> (dtype, shape, raw little-endian bytes)."""
    offsets = {}
    position = 0
    for name in data_order:
        size = len(tensors[name][2])
        offsets[name] = [position, position + size]
        position += size
    header = {}
    for name in header_order:
        if name == "__metadata__":
            header[name] = metadata
        else:
            dtype, shape, _ = tensors[name]
            header[name] = {"dtype": dtype, "shape": shape, "data_offsets": offsets[name]}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(tensors[n][2] for n in data_order)


def write(path, content):
    with open(path, "wb") as f:
        f.write(content)


def golden_safetensors():
    tensors = {
        "index": ("I32", [4], struct.pack("<4i", 0, -1, 2147483647, -2147483648)),
        "weight": ("F32", [2, 3], struct.pack("<6f", 0.5, -1.25, 3.0, 0.1, 100.0, -2.5)),
        "bias": ("F64", [3], struct.pack("<3d", 0.1, -2.0, 1e300)),
        "step": ("I64", [], struct.pack("<q", 2**53 + 1)),
        "empty": ("F32", [0, 4], b""),
    }
    write("golden.safetensors", safetensors_bytes(
        ["weight", "__metadata__", "bias", "empty", "index", "step"],
        ["index", "weight", "empty", "bias", "step"],
        tensors, {"format": "pt", "writer": "make_golden.py"}))


def golden_npy():
    phi = np.arange(12, dtype=np.float64).reshape(3, 4) * 0.25 - 1
    np.save("phi_f8.npy", phi.astype("<f8"))
    np.save("phi_f4_fortran.npy", np.asfortranarray(phi.astype("<f4")))
    np.save("phi_be_f8.npy", phi.astype(">f8"))
    np.save("phi_be_f4_fortran.npy", np.asfortranarray(phi.astype(">f4")))
    for version, name in [((2, 0), "phi_v2.npy"), ((3, 0), "phi_v3.npy")]:
        with open(name, "wb") as f:
            np.lib.format.write_array(f, phi.astype("<f8"), version=version)
    np.save("vec_i4.npy", np.array([-3, 0, 7, 2147483647], dtype="<i4"))
    np.save("vec_i8.npy", np.array([2**53, -5], dtype="<i8"))
    np.save("refused_object.npy", np.array([1, "a"], dtype=object), allow_pickle=True)
    np.save("refused_f2.npy", np.array([1.0, 2.0], dtype="<f2"))
    np.save("refused_cube.npy", np.zeros((2, 2, 2)))
    for name in ["phi_f4_fortran.npy", "phi_be_f4_fortran.npy"]:
        assert np.load(name).flags.f_contiguous
    assert np.array_equal(np.load("phi_v3.npy"), phi)


def golden_bundle():
    tensors = {
        "phi": ("F64", [3, 2], struct.pack("<6d", 0.5, -0.5, 1.0, 2.0, -1.5, 0.25)),
        "log_sigma": ("F32", [3], struct.pack("<3f", 0.0, -1.0, 0.5)),
    }
    weights = safetensors_bytes(["phi", "log_sigma"], ["phi", "log_sigma"], tensors, {})
    model = {
        "formatVersion": 1,
        "kind": "ipvae",
        "hyperParameters": {"latents": 2, "channels": 3, "beta": 24.0, "klForm": "exact", "sparse": True},
        "shapes": {"phi": [3, 2], "log_sigma": [3]},
        "weightsSha256": hashlib.sha256(weights).hexdigest(),
        "provenance": {
            "seed": 42,
            "dataFingerprint": hashlib.sha256(b"golden training data").hexdigest(),
            "command": "python3 make_golden.py",
            "createdBy": "make_golden.py 1",
            "notes": "golden bundle, format 1",
        },
    }
    model_json = (json.dumps(model, indent=2) + "\n").encode("utf-8")
    os.makedirs("v1/ipvae-tiny", exist_ok=True)
    write("v1/ipvae-tiny/model.json", model_json)
    write("v1/ipvae-tiny/weights.safetensors", weights)
    with zipfile.ZipFile("v1/ipvae-tiny.zip", "w") as z:
        for name, content in [("model.json", model_json), ("weights.safetensors", weights)]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)


if __name__ == "__main__":
    golden_safetensors()
    golden_npy()
    golden_bundle()
