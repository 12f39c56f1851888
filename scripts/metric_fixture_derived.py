"""Derived-metric reference values for scripts/make-metric-fixtures.py: every
metric src/metrics derives from a ranking, as scikit-learn 1.2.1 computes it
(or, where sklearn has no function, its documented recipe). Imported by that
script; not run on its own.
"""

import math

import numpy as np
from sklearn.metrics import (
    auc,
    confusion_matrix,
    det_curve,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.metrics._ranking import _binary_clf_curve

FAR_TARGETS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6]


def floats(xs):
    """A list of floats, None for NaN / ±inf (JSON has neither)."""
    return [float(v) if math.isfinite(v) else None for v in xs]


def pr_drop_intermediate(y, s):
    """precision_recall_curve(drop_intermediate=True), transcribed from scikit-learn 1.3."""
    fps, tps, thresholds = _binary_clf_curve(y, s)
    if len(fps) > 2:
        optimal_idxs = np.where(np.concatenate([[True], np.logical_or(np.diff(tps[:-1]), np.diff(tps[1:])), [True]]))[0]
        fps, tps, thresholds = fps[optimal_idxs], tps[optimal_idxs], thresholds[optimal_idxs]
    ps = tps + fps
    precision = np.zeros_like(tps)
    np.divide(tps, ps, out=precision, where=(ps != 0))
    recall = np.ones_like(tps) if tps[-1] == 0 else tps / tps[-1]
    sl = slice(None, None, -1)
    return np.hstack((precision[sl], 1)), np.hstack((recall[sl], 0)), thresholds[sl]


def voc_ap(rec, prec):
    """All-point interpolated AP of the PASCAL VOC devkit (voc_eval.py, use_07_metric=False)."""
    mrec = np.concatenate(([0.0], rec, [1.0]))
    mpre = np.concatenate(([0.0], prec, [0.0]))
    for i in range(mpre.size - 1, 0, -1):
        mpre[i - 1] = np.maximum(mpre[i - 1], mpre[i])
    i = np.where(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))


def derived(y, s, precision, recall):
    """Every metric derived from the ranking, as scikit-learn (or its documented recipe) computes it."""
    two_classes = 0 < y.sum() < len(y)
    dp, dr, dt = pr_drop_intermediate(y, s)
    out = {
        "pr_drop_thresholds": floats(dt),
        "pr_drop_precision": floats(dp),
        "pr_drop_recall": floats(dr),
        "voc_ap": voc_ap(recall[::-1], precision[::-1]),
        "trapezoid_area": float(auc(recall, precision)),
    }
    for key, drop in (("roc", True), ("roc_full", False)):
        fpr, tpr, th = roc_curve(y, s, drop_intermediate=drop)
        out[f"{key}_fpr"], out[f"{key}_tpr"], out[f"{key}_thresholds"] = floats(fpr), floats(tpr), floats(th)
    out["roc_auc"] = float(roc_auc_score(y, s)) if two_classes else None
    if two_classes:
        fpr, fnr, th = det_curve(y, s)
        out["det_fmr"], out["det_fnmr"], out["det_thresholds"] = floats(fpr), floats(fnr), floats(th)
        fpr, tpr, th = roc_curve(y, s, drop_intermediate=False)
        tar = []
        for target in FAR_TARGETS:
            ok = np.where(fpr <= target)[0]
            best = tpr[ok].max()
            i = ok[tpr[ok] == best][np.argmin(fpr[ok][tpr[ok] == best])]  # lowest FAR reaching that TAR
            tar.append({"target": target, "tar": float(best), "far": float(fpr[i]), "threshold": float(th[i]) if i > 0 else None})
        out["tar_at_far"] = tar
    else:
        out["det_fmr"] = out["det_fnmr"] = out["det_thresholds"] = None
        out["tar_at_far"] = None
    out["best_f1"] = best_f1(y, s)
    out["at_thresholds"] = at_thresholds(y, s)
    return out


def best_f1(y, s):
    """argmax over precision_recall_curve's thresholds of F1 = 2tp / (tp + fp + P), then sklearn's f1_score there."""
    fps, tps, thresholds = _binary_clf_curve(y, s)
    positives = tps[-1]
    if positives == 0:
        return None
    f1 = 2 * tps[::-1] / (tps[::-1] + fps[::-1] + positives)  # increasing thresholds, like the curve
    i = int(np.argmax(f1))
    t = float(thresholds[::-1][i])
    return {"threshold": t, "f1": float(f1_score(y, s >= t, zero_division=0)), **confusion(y, s, t)}


def confusion(y, s, t):
    pred = (s >= t).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return {
        "tp": int(tp),
        "fp": int(fp),
        "tn": int(tn),
        "fn": int(fn),
        "precision": float(precision_score(y, pred, zero_division=0)),
        "recall": float(recall_score(y, pred, zero_division=0)),
        "f1": float(f1_score(y, pred, zero_division=0)),
    }


def at_thresholds(y, s):
    """Confusion counts and scores at the quartiles, at the extremes and just outside them."""
    qs = [float(np.quantile(s, q)) for q in (0.25, 0.5, 0.75)]
    picks = [float(s.min()), float(s.max()), float(s.min()) - 1, float(s.max()) + 1, *qs]
    return [{"threshold": t, **confusion(y, s, t)} for t in picks]
