#!/usr/bin/python3
"""Writes tests/fixtures/diagnostics/counterfactual.json: scikit-learn
reference curves for src/diagnostics/counterfactual.ts.

Run with Debian's Python, which has scikit-learn 1.2.1:

    /usr/bin/python3 scripts/make-diagnostics-fixtures.py

Each case: seeded float32 embeddings (numpy default_rng), class ids, a flag
list, the pair scores as src/metrics/pairs.ts computes them (float64
accumulation in component order, stored as float32), and sklearn's
precision_recall_curve / average_precision_score on the pairs that remain
after the flags are applied here, independently of the TypeScript code:
relabel images, then flip label-error pairs (once each), then drop excluded
pairs and images; non-finite scores are dropped too and listed by pair index.
Floats are written with Python's repr, which round-trips exactly.
"""

import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "diagnostics")


def pair_scores(emb, metric):
    """Row-major i < j scores, accumulated like pairs.ts (sequential float64), stored float32."""
    n, d = emb.shape
    e = emb.astype(np.float64)
    norms = [math.sqrt(sum(float(e[i, k]) * float(e[i, k]) for k in range(d))) for i in range(n)]
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            acc = 0.0
            if metric == "cosine":
                for k in range(d):
                    acc += float(e[i, k]) * float(e[j, k])
                denom = norms[i] * norms[j]
                v = acc / denom if denom != 0 else float("nan")
            else:
                for k in range(d):
                    diff = float(e[i, k]) - float(e[j, k])
                    acc += diff * diff
                v = 0.0 - acc
            out.append(float(np.float32(v)))
    return out


def apply_flags(n, classes, scores, flags):
    classes = list(classes)
    for f in flags:
        if f["kind"] == "relabel-image":
            classes[f["image"]] = f["toClass"]
    flips = {tuple(sorted((f["i"], f["j"]))) for f in flags if f["kind"] == "label-error"}
    dropped_pairs = {tuple(sorted((f["i"], f["j"]))) for f in flags if f["kind"] == "exclude-pair"}
    dropped_images = {f["image"] for f in flags if f["kind"] == "exclude-image"}
    s, y, nonfinite = [], [], []
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            label = 1 if classes[i] == classes[j] else 0
            if (i, j) in flips:
                label = 1 - label
            keep = (i, j) not in dropped_pairs and i not in dropped_images and j not in dropped_images
            if keep:
                if math.isfinite(scores[k]):
                    s.append(scores[k])
                    y.append(label)
                else:
                    nonfinite.append(k)
            k += 1
    return s, y, nonfinite


def case(name, rng, n, dim, n_classes, metric, flags, quantize=False, zero_rows=()):
    emb = rng.standard_normal((n, dim)).astype(np.float32)
    if quantize:  # multiples of 1/4 in [-0.5, 0.5]: exact arithmetic and many tied scores
        emb = (rng.integers(-2, 3, size=(n, dim)) / 4).astype(np.float32)
    for r in zero_rows:
        emb[r, :] = 0
    classes = [int(c) for c in rng.integers(0, n_classes, size=n)]
    scores = pair_scores(emb, metric)
    s, y, nonfinite = apply_flags(n, classes, scores, flags)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        precision, recall, thresholds = precision_recall_curve(np.array(y), np.array(s, dtype=np.float64))
        ap = average_precision_score(np.array(y), np.array(s, dtype=np.float64))
    return {
        "name": name,
        "metric": metric,
        "n_items": n,
        "dim": dim,
        "class_count": n_classes,
        "embeddings": [float(v) for v in emb.reshape(-1)],
        "classes": classes,
        "flags": flags,
        "scores": [v if math.isfinite(v) else None for v in scores],
        "kept_finite_pairs": len(s),
        "nonfinite_pair_indices": nonfinite,
        "thresholds": [float(v) for v in thresholds],
        "precision": [float(v) for v in precision],
        "recall": [float(v) for v in recall],
        "ap": float(ap),
    }


def main():
    rng = np.random.default_rng(20240605)
    cases = [
        case("quantized ties, all flag kinds", rng, 24, 3, 4, "neg-sq-l2", [
            {"kind": "exclude-pair", "i": 0, "j": 5},
            {"kind": "exclude-pair", "i": 7, "j": 3},
            {"kind": "label-error", "i": 1, "j": 2},
            {"kind": "label-error", "i": 2, "j": 1},
            {"kind": "label-error", "i": 4, "j": 9},
            {"kind": "exclude-image", "image": 11},
            {"kind": "relabel-image", "image": 4, "toClass": 0},
            {"kind": "relabel-image", "image": 6, "toClass": 2},
            {"kind": "relabel-image", "image": 6, "toClass": 3},
        ], quantize=True),
        case("random float embeddings, reduced set", rng, 40, 8, 5, "neg-sq-l2", [
            {"kind": "exclude-image", "image": 3},
            {"kind": "exclude-image", "image": 17},
            {"kind": "exclude-pair", "i": 20, "j": 21},
            {"kind": "label-error", "i": 0, "j": 39},
            {"kind": "relabel-image", "image": 30, "toClass": 1},
        ]),
        case("cosine with an all-zero embedding (NaN pairs)", rng, 16, 4, 3, "cosine", [
            {"kind": "exclude-pair", "i": 1, "j": 2},
            {"kind": "relabel-image", "image": 9, "toClass": 2},
        ], zero_rows=(5,)),
    ]
    doc = {"sklearn_version": sklearn.__version__, "cases": cases}
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "counterfactual.json"), "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
