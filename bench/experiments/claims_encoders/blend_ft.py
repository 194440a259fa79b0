"""Blend the fine-tuned MiniLM with the current model, fitted on the fine-tune's held-out 20%
of the train file only (run with /work/venv, after classify.py and finetune.py).

    /work/venv/bin/python bench/experiments/claims_encoders/blend_ft.py EPOCH [--work DIR]

Features: logit of the current model's out-of-fold probability (<work>/cache/cur_oof.npy, 5-fold
CV on the whole train file) and logit of the fine-tuned model (<work>/cache/ft_val_epN.npy);
2-feature LR. Threshold: max out-of-fold F1 of a 5-fold CV of that LR on the held-out 20%. Test
once. Also the fine-tuned model alone with its threshold re-chosen on the held-out 20% over the
bench grid (0.20-0.80). Prints both and writes them to <work>/blend_ft_epN.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import StratifiedKFold, train_test_split

from articlegrade.training import claims as T

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def lg(p: np.ndarray) -> np.ndarray:
    return np.log(np.clip(p, 1e-6, 1 - 1e-6) / (1 - np.clip(p, 1e-6, 1 - 1e-6)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("epoch", type=int, help="fine-tuning epoch whose probabilities to use")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="work folder (not the repo)")
    args = ap.parse_args(argv)
    ep, cache = args.epoch, args.work / "cache"
    y = np.array([r["is_factual"] for r in T.read_jsonl(DATA / T.TRAIN_FILE)])
    yt = np.array([r["is_factual"] for r in T.read_jsonl(DATA / T.TEST_FILE)])
    _, va = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=0)
    cur_oof, cur_t = np.load(cache / "cur_oof.npy"), np.load(cache / "cur_test.npy")
    ft_v, ft_t = np.load(cache / f"ft_val_ep{ep}.npy"), np.load(cache / f"ft_test_ep{ep}.npy")
    X = np.column_stack([lg(cur_oof[va]), lg(ft_v)])
    Xt = np.column_stack([lg(cur_t), lg(ft_t)])
    yv = y[va]
    oof = np.zeros(len(yv))
    for a, b in StratifiedKFold(5, shuffle=True, random_state=0).split(X, yv):
        clf = LogisticRegression(class_weight="balanced").fit(X[a], yv[a])
        oof[b] = clf.predict_proba(X[b])[:, 1]
    thr, f = T.choose_threshold(yv, [oof])
    clf = LogisticRegression(class_weight="balanced").fit(X, yv)
    pt = clf.predict_proba(Xt)[:, 1]
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    blend = {
        "coef": [round(float(c), 3) for c in clf.coef_.ravel()],
        "val_cv_f1": round(float(f), 4),
        "thr": thr,
        "test_f1": round(float(f1_score(yt, pt >= thr)), 4),
        "test_ap": round(float(average_precision_score(yt, pt)), 4),
        "test_f1_oracle_thr": round(max(T.f1_at(yt, pt, t) for t in grid), 4),
    }
    print(
        f"epoch {ep}: coef {clf.coef_.ravel().round(3)} val-CV F1 {f:.4f} thr {thr} | test F1 "
        f"{blend['test_f1']:.4f} AP {blend['test_ap']:.4f} "
        f"(oracle-thr F1 {blend['test_f1_oracle_thr']:.4f})"
    )
    # for reference: fine-tuned alone, threshold re-chosen on the same val-CV grid
    thr2, f2 = T.choose_threshold(yv, [ft_v])
    alone = {
        "thr": thr2,
        "val_f1": round(float(f2), 4),
        "test_f1": round(float(f1_score(yt, ft_t >= thr2)), 4),
        "test_ap": round(float(average_precision_score(yt, ft_t)), 4),
    }
    print(f"  ft alone, threshold on val (grid .20-.80): {thr2} -> test F1 {alone['test_f1']:.4f}")
    out = {"epoch": ep, "blend_current_plus_ft": blend, "ft_alone_bench_grid": alone}
    (args.work / f"blend_ft_ep{ep}.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
