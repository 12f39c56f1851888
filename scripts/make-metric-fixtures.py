#!/usr/bin/python3
"""Writes tests/fixtures/metrics/*.json: scikit-learn reference outputs for
src/metrics (prCurve, averagePrecision, pairScores, pairLabels, and the
derived metrics: drop_intermediate, interpolated AP, trapezoid area, ROC,
AUC, DET, TAR@FAR, best F1, confusion counts at thresholds).

Run with Debian's Python, which has scikit-learn 1.2.1:

    /usr/bin/python3 scripts/make-metric-fixtures.py

Every case is seeded (numpy default_rng), so reruns write identical files.
The generated JSON is committed; the test run itself does not need Python.

Fixture fields: name, scores, labels, thresholds, precision, recall, ap,
sklearn_version, note; embedding cases add metric, n_items, dim, embeddings
(float32 values, row-major), classes, and excluded_indices (pair indices whose
score is NaN, written as null in `scores`; sklearn is given only the others).
Derived-metric fields (see `derived`): pr_drop_* (precision_recall_curve
with drop_intermediate=True, which scikit-learn adds only in 1.3: transcribed
below from 1.3's source onto 1.2.1's _binary_clf_curve), voc_ap, trapezoid_area,
roc_* / roc_full_* (roc_curve with drop_intermediate True / False), roc_auc,
det_*, tar_at_far, best_f1, at_thresholds. Undefined values (one class only)
are null. Floats are written with Python's repr, which round-trips exactly.
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve

sys.dont_write_bytecode = True  # no scripts/__pycache__ from the helper import
from metric_fixture_derived import derived  # noqa: E402  (scripts/metric_fixture_derived.py)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "metrics")


def sk(scores, labels):
    """sklearn's raw curve and AP for finite float64 scores and 0/1 labels."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        precision, recall, thresholds = precision_recall_curve(y, s)
        ap = average_precision_score(y, s)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one-class ROC warnings; sklearn_warnings is about the PR curve
        extra = derived(y, s, precision, recall)
    return {
        "thresholds": [float(v) for v in thresholds],
        "precision": [float(v) for v in precision],
        "recall": [float(v) for v in recall],
        "ap": float(ap),
        "sklearn_warnings": sorted({str(w.message) for w in caught}),
        **extra,
    }


def write(name, scores, labels, note="", extra=None, finite_mask=None, subdir=""):
    scores = [float(v) for v in scores]
    labels = [int(v) for v in labels]
    if finite_mask is None:
        ref = sk(scores, labels)
    else:
        ref = sk([s for s, f in zip(scores, finite_mask) if f], [y for y, f in zip(labels, finite_mask) if f])
    doc = {
        "name": name,
        "sklearn_version": sklearn.__version__,
        "note": note,
        "scores": [v if math.isfinite(v) else None for v in scores],
        "labels": labels,
        **ref,
        **(extra or {}),
    }
    os.makedirs(os.path.join(OUT, subdir), exist_ok=True)
    path = os.path.join(OUT, subdir, f"{name}.json")
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    size = os.path.getsize(path)
    assert size < 2_000_000, f"{path} is {size} bytes"
    print(f"{name}: n={len(scores)} points={len(ref['precision'])} ap={ref['ap']:.6f} {size} bytes")


def f32(x):
    """Round a Python float to the nearest float32, returned as a Python float."""
    return float(np.float32(x))


def neg_sq_l2(a, b):
    """−Σ(a−b)², summed sequentially in float64 like pairScores, then float32."""
    acc = 0.0
    for x, y in zip(a, b):
        d = x - y
        acc += d * d
    return f32(0.0 - acc)


def cosine(a, b, na, nb):
    """a·b / (‖a‖‖b‖), sequential float64 like pairScores, then float32; NaN for 0/0."""
    acc = 0.0
    for x, y in zip(a, b):
        acc += x * y
    den = na * nb
    if den == 0:
        return math.nan
    return f32(acc / den)


def norm(a):
    acc = 0.0
    for x in a:
        acc += x * x
    return math.sqrt(acc)


def embedding_case(name, seed, n, d, n_classes, metric, zero_rows=(), duplicate_rows=()):
    rng = np.random.default_rng(seed)
    classes = rng.integers(0, n_classes, size=n)
    centres = rng.normal(size=(n_classes, d))
    x = centres[classes] + 0.8 * rng.normal(size=(n, d))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    for dst, src in duplicate_rows:  # identical embeddings → exact-zero distance
        x[dst] = x[src]
        classes[dst] = classes[src]
    for r in zero_rows:  # all-zero embedding → cosine 0/0 = NaN
        x[r] = 0.0
    emb = [[float(v) for v in row] for row in x.astype(np.float32)]
    norms = [norm(row) for row in emb]
    scores, labels = [], []
    for i in range(n):
        for j in range(i + 1, n):
            if metric == "neg-sq-l2":
                scores.append(neg_sq_l2(emb[i], emb[j]))
            else:
                scores.append(cosine(emb[i], emb[j], norms[i], norms[j]))
            labels.append(1 if classes[i] == classes[j] else 0)
    finite = [math.isfinite(s) for s in scores]
    extra = {
        "metric": metric,
        "n_items": n,
        "dim": d,
        "embeddings": [v for row in emb for v in row],
        "classes": [int(c) for c in classes],
        "excluded_indices": [k for k, f in enumerate(finite) if not f],
    }
    return scores, labels, extra, finite


def main():
    os.makedirs(OUT, exist_ok=True)

    rng = np.random.default_rng(101)
    y = (rng.random(1000) < 0.3).astype(int)
    s = rng.random(1000) + 0.5 * y
    write("random_float", s, y, "n=1000 continuous scores, no ties")

    rng = np.random.default_rng(202)
    y = (rng.random(2000) < 0.4).astype(int)
    s = np.round(rng.normal(size=2000) + 0.7 * y, 1)
    write("heavy_ties", s, y, "n=2000 scores rounded to 1 decimal: ~60 tie groups")

    rng = np.random.default_rng(303)
    s = np.round(rng.random(50), 2)
    write("all_positive", s, np.ones(50, dtype=int), "every label 1: precision 1 everywhere, AP 1")

    rng = np.random.default_rng(404)
    s = np.round(rng.random(50), 2)
    write(
        "all_negative",
        s,
        np.zeros(50, dtype=int),
        "every label 0. sklearn 1.2.1 warns 'No positive class found in y_true, recall is set "
        "to one for all thresholds' and returns recall 1 (then the final 0) and AP -0.0. "
        "Our contract differs: recall is 0 everywhere, AP 0, warning 'no positive pairs'. "
        "thresholds and precision match sklearn.",
    )

    write("single_positive", [0.7], [1], "one positive element")
    write("single_negative", [0.7], [0], "one negative element; sklearn recall [1, 0], ours [0, 0]")

    rng = np.random.default_rng(505)
    y = (rng.random(500) < 0.5).astype(int)
    s = rng.integers(-5, 6, size=500) + y * rng.integers(0, 3, size=500)
    write("integer_scores", s, y, "n=500 integer scores in -5..7")

    scores, labels, extra, finite = embedding_case(
        "neg_sq_l2_embeddings", 606, 40, 8, 5, "neg-sq-l2", duplicate_rows=[(39, 3), (38, 17)]
    )
    write(
        "neg_sq_l2_embeddings",
        scores,
        labels,
        "40 L2-normalised float32 embeddings (d=8, 5 classes; rows 39 and 38 duplicate rows 3 "
        "and 17, so two pairs score exactly 0) -> 780 pairs, score = -squared L2 distance "
        "summed sequentially in float64 and rounded to float32, as pairScores does",
        extra,
        finite,
    )

    scores, labels, extra, finite = embedding_case(
        "cosine_embeddings_zero_row", 707, 30, 6, 4, "cosine", zero_rows=[11]
    )
    write(
        "cosine_embeddings_zero_row",
        scores,
        labels,
        "30 float32 embeddings (d=6, 4 classes), row 11 all zeros -> its 29 pairs have cosine "
        "0/0 = NaN (null here, listed in excluded_indices); sklearn sees only the finite pairs",
        extra,
        finite,
    )

    rng = np.random.default_rng(808)
    y = (rng.random(100_000) < 0.1).astype(int)
    s = np.round(rng.random(100_000) * 0.8 + 0.2 * y * rng.random(100_000), 3)
    write("random_100k_ties", s, y, "n=100000, scores rounded to 3 decimals (~1000 tie groups)")

    for metric, seed in (("neg-sq-l2", 909), ("cosine", 910)):
        listed_case(metric, seed)


def listed_case(metric, seed):
    """A pair list (evaluateListedPairs): 25 embeddings, 300 listed pairs drawn at
    random in either direction (repeats allowed), labels as listed (same class,
    with 10 % flipped: a list's labels need not follow classes); under cosine
    row 7 is all zeros, so its pairs are NaN and sklearn sees only the others.
    Written to tests/fixtures/metrics/listed/ with pair_a / pair_b."""
    rng = np.random.default_rng(seed)
    n, d, n_classes, m = 25, 6, 4, 300
    classes = rng.integers(0, n_classes, size=n)
    centres = rng.normal(size=(n_classes, d))
    x = centres[classes] + 0.9 * rng.normal(size=(n, d))
    if metric == "cosine":
        x[7] = 0.0
    emb = [[float(v) for v in row] for row in x.astype(np.float32)]
    norms = [norm(row) for row in emb]
    a = rng.integers(0, n, size=m)
    b = (a + rng.integers(1, n, size=m)) % n  # never a == b
    flip = rng.random(m) < 0.1
    scores, labels = [], []
    for i, j, f in zip(a, b, flip):
        scores.append(neg_sq_l2(emb[i], emb[j]) if metric == "neg-sq-l2" else cosine(emb[i], emb[j], norms[i], norms[j]))
        labels.append(int((classes[i] == classes[j]) != f))
    finite = [math.isfinite(v) for v in scores]
    extra = {
        "metric": metric,
        "n_items": n,
        "dim": d,
        "embeddings": [v for row in emb for v in row],
        "classes": [int(c) for c in classes],
        "pair_a": [int(v) for v in a],
        "pair_b": [int(v) for v in b],
        "excluded_indices": [k for k, f in enumerate(finite) if not f],
    }
    name = f"listed_{metric.replace('-', '_')}"
    write(name, scores, labels, f"{m} listed pairs of {n} float32 embeddings (d={d}), {metric}, labels as listed (10 % differ from the classes)", extra, finite, subdir="listed")


    scores_table_case()


IO_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "io")


def scores_table_case():
    """A scores table as a user exports it (score,label,a,b CSV, written to
    tests/fixtures/io/scores-table.csv) and sklearn's curve over its finite rows
    (metrics/scores_table.json). 300 pairs of 40 names; scores rounded to 3
    decimals (ties); one name (the hub) sits in 8 of the most confident
    negative pairs, so the curve dips at the start; rows 5 and 77 have NaN and
    +inf scores (excluded and counted); one name holds a comma, quotes and
    markup, which must be shown as text."""
    import csv

    rng = np.random.default_rng(909)
    names = [f"person_{p:02d}/img_{k}.jpg" for p in range(20) for k in range(2)]
    names[39] = 'odd, "quoted" <b>name</b>.jpg'
    hub = names[14]
    rows = []
    for r in range(300):
        y = int(rng.random() < 0.35)
        i, j = rng.choice(40, size=2, replace=False)
        s = round(float(rng.normal(0.62 if y else 0.35, 0.12)), 3)
        rows.append([s, y, names[i], names[j]])
    for t, r in enumerate(range(10, 50, 5)):  # the dip: the hub in 8 negatives scored above every positive
        rows[r] = [round(0.99 - 0.004 * t, 3), 0, hub, names[(3 * t + 1) % 40 if (3 * t + 1) % 40 != 14 else 2]]
    rows[5][0] = float("nan")
    rows[77][0] = float("inf")
    path = os.path.join(IO_OUT, "scores-table.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["score", "label", "a", "b"])
        for s, y, a, b in rows:
            w.writerow([repr(s) if math.isfinite(s) else ("nan" if math.isnan(s) else "inf"), y, a, b])
    scores = [r[0] for r in rows]
    labels = [r[1] for r in rows]
    finite = [math.isfinite(v) for v in scores]
    write(
        "scores_table",
        scores,
        labels,
        "tests/fixtures/io/scores-table.csv read as a scores table: 300 rows (score,label,a,b), rows 5 and 77 "
        "NaN / +inf (null here; sklearn sees only the 298 finite rows), 8 hub negatives at the top",
        {"csv": "scores-table.csv", "excluded_indices": [i for i, f in enumerate(finite) if not f]},
        finite,
    )


if __name__ == "__main__":
    main()
