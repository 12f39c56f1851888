"""Writes the small .npy fixtures of tests/unit/io with NumPy itself.

Run: python3 scripts/make-io-fixtures.py   (NumPy ≥ 1.17; Debian: python3-numpy)
The files are committed; the tests only read them. Values are fixed (no RNG)
so the expected arrays can be written in the tests by hand.
"""
import io
import os

import numpy as np
from numpy.lib import format as npy_format

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "io")
os.makedirs(OUT, exist_ok=True)


def save(name, arr, version=None):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        npy_format.write_array(f, arr, version=version, allow_pickle=True)
    print(name, arr.dtype.str, arr.shape, os.path.getsize(path), "bytes")


emb = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, -0.5], [0.25, 0.25, 2.0], [-1.0, 3.5, 0.0]])
save("emb-f4.npy", emb.astype("<f4"))                       # v1, little-endian float32
save("emb-f8-be.npy", emb.astype(">f8"))                    # v1, big-endian float64
save("emb-f4-v2.npy", emb.astype("<f4"), version=(2, 0))    # v2 header
save("emb-f4-v3.npy", emb.astype("<f4"), version=(3, 0))    # v3 header (UTF-8)
save("emb-fortran.npy", np.asfortranarray(emb.astype("<f4")))
save("labels-i4.npy", np.array([0, 0, 1, 1], dtype="<i4"))
save("labels-i8-be.npy", np.array([7, 7, -2, 2**40], dtype=">i8"))
save("labels-i8-huge.npy", np.array([1, 2**60], dtype="<i8"))
save("labels-u1.npy", np.array([3, 0, 255], dtype="|u1"))
save("labels-b1.npy", np.array([True, False, True]))
save("labels-str.npy", np.array(["cat", "cat", "dög", "dog"]))  # '<U3'
save("labels-bytes.npy", np.array([b"a", b"bc"]))               # '|S2'
save("objects.npy", np.array([{"a": 1}, None], dtype=object))    # '|O' (pickled)
save("complex.npy", np.array([1 + 2j], dtype="<c8"))

# A file cut short by one byte (an interrupted copy).
buf = io.BytesIO()
npy_format.write_array(buf, emb.astype("<f4"))
with open(os.path.join(OUT, "emb-truncated.npy"), "wb") as f:
    f.write(buf.getvalue()[:-1])
print("emb-truncated.npy", len(buf.getvalue()) - 1, "bytes")
