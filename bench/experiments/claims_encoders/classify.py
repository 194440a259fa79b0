"""Claim-detector variants on precomputed sentence vectors, with bench/claims.py's protocol.

    /work/venv/bin/python bench/experiments/claims_encoders/classify.py [--only SUBSTR] [--work DIR]

Reads the sentence vectors <work>/emb/*.npy written by embed.py, embed_static.py and distill_ft.py
(a representation whose files are missing is skipped); caches the current model's out-of-fold and
test probabilities and each embedding-LR's in <work>/cache; appends to <work>/results.json.

Protocol (same as bench/claims.py ``variant``): stratified 5-fold CV on the 3-class train file,
seed 0 (the very same folds as articlegrade.training.claims.cross_validate); extra sentences (the
2.5xNCS CFS not in either 3-class file, as in the shipped config) join every training fold and are
never scored; the threshold (grid 0.20..0.80) maximises out-of-fold F1; refit on all training data;
test F1 (positive = is_factual) at that threshold, and test AP. The test file is never used to
choose anything. Also reports test F1 at the test-optimal threshold ("oracle", NOT a valid result;
only shows how much the threshold transfer costs).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import StratifiedKFold

from articlegrade.signals.claims import char_terms, sentence_features, word_terms
from articlegrade.training import claims as T

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")
SEED = 0


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def folds(y: np.ndarray):
    return list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y))


def evaluate(y, oof, yt, pt) -> dict:
    thr, cv_f1 = T.choose_threshold(y, [oof])
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    oracle = max(T.f1_at(yt, pt, t) for t in grid)
    return {
        "cv_f1": round(cv_f1, 4),
        "cv_ap": round(float(average_precision_score(y, oof)), 4),
        "thr": thr,
        "test_f1": round(float(f1_score(yt, pt >= thr)), 4),
        "test_ap": round(float(average_precision_score(yt, pt)), 4),
        "test_f1_oracle_thr": round(oracle, 4),
    }


# ---------------------------------------------------------------------------------------------
# The current model (bench's "shipped config" variant), its OOF and test probabilities, cached.
# ---------------------------------------------------------------------------------------------


def current(texts, y, test_texts, extra, extra_y, cache: Path):
    cache.mkdir(parents=True, exist_ok=True)
    f_oof, f_test = cache / "cur_oof.npy", cache / "cur_test.npy"
    if f_oof.is_file():
        return np.load(f_oof), np.load(f_test)
    cfg = T.Config()
    oof = T.cross_validate(texts, y, cfg, extra=extra, extra_y=extra_y)
    params = T.fit(texts + extra, np.concatenate([y, extra_y]), cfg)
    pt = T.predict(params, test_texts)
    np.save(f_oof, oof)
    np.save(f_test, pt)
    return oof, pt


# ---------------------------------------------------------------------------------------------
# Dense classifiers with extra rows in the training folds.
# ---------------------------------------------------------------------------------------------


def lr(C: float):
    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=SEED)


def cv_dense(make, X, y, Xt, Xe=None, ye=None):
    """OOF and test probabilities of classifier ``make()`` on dense X (+ extra rows Xe, ye)."""
    oof = np.zeros(len(y))
    for tr, te in folds(y):
        Xf, yf = X[tr], y[tr]
        if Xe is not None and len(Xe):
            Xf, yf = np.vstack([Xf, Xe]), np.concatenate([yf, ye])
        oof[te] = make().fit(Xf, yf).predict_proba(X[te])[:, 1]
    Xf, yf = X, y
    if Xe is not None and len(Xe):
        Xf, yf = np.vstack([X, Xe]), np.concatenate([y, ye])
    pt = make().fit(Xf, yf).predict_proba(Xt)[:, 1]
    return oof, pt


# ---------------------------------------------------------------------------------------------
# Joint model: the current model's sparse blocks + named features + a dense embedding block.
# ---------------------------------------------------------------------------------------------


def joint_fit_predict(texts, y, emb, test_texts, test_emb, emb_weight, C=3.0, feats_cache=None):
    cfg = T.Config()
    wv = TfidfVectorizer(
        analyzer=word_terms, sublinear_tf=True, min_df=cfg.min_df_words, max_features=cfg.max_words
    )
    cv = TfidfVectorizer(
        analyzer=partial(char_terms, low=2, high=5),
        sublinear_tf=True,
        min_df=cfg.min_df_chars,
        max_features=cfg.max_chars,
    )
    raw = feats_cache(texts)
    mean, scale = raw.mean(0), raw.std(0)
    scale[scale == 0] = 1
    emb_mean = emb.mean(0)
    emb_scale = emb.std(0) + 1e-8

    def build(tx, E, fit):
        a = wv.fit_transform(tx) if fit else wv.transform(tx)
        b = cv.fit_transform(tx) if fit else cv.transform(tx)
        f = (feats_cache(tx) - mean) / scale * cfg.feature_weight
        e = (E - emb_mean) / emb_scale * emb_weight
        return sp.hstack([a, b, sp.csr_matrix(f), sp.csr_matrix(e)]).tocsr()

    clf = lr(C).fit(build(texts, emb, True), y)
    return clf.predict_proba(build(test_texts, test_emb, False))[:, 1]


class FeatureCache:
    def __init__(self):
        self.d: dict[str, list[float]] = {}

    def __call__(self, texts):
        out = []
        for t in texts:
            if t not in self.d:
                self.d[t] = sentence_features(t)
            out.append(self.d[t])
        return np.array(out, dtype=np.float64)


def cv_joint(texts, y, E, test_texts, Et, extra, extra_y, Ee, emb_weight, fc, C=3.0):
    oof = np.zeros(len(y))
    for tr, te in folds(y):
        tx = [texts[i] for i in tr] + extra
        yy = np.concatenate([y[tr], extra_y])
        EE = np.vstack([E[tr], Ee])
        oof[te] = joint_fit_predict(tx, yy, EE, [texts[i] for i in te], E[te], emb_weight, C, fc)
    pt = joint_fit_predict(
        texts + extra,
        np.concatenate([y, extra_y]),
        np.vstack([E, Ee]),
        test_texts,
        Et,
        emb_weight,
        C,
        fc,
    )
    return oof, pt


# ---------------------------------------------------------------------------------------------


def unit(a: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm (+1e-8 so an all-zero row stays zero)."""
    return a / (np.linalg.norm(a, axis=1, keepdims=True) + 1e-8)


def load_reps(extra_idx, emb: Path):
    """name -> (train, test, extra) matrices."""
    reps = {}
    for base in ("minilm", "inp", "m2v", "m2vft"):
        if not (emb / f"{base}_train.npy").is_file():
            continue
        tr, te, ex = (np.load(emb / f"{base}_{s}.npy") for s in ("train", "test", "extra_all"))
        ex = ex[extra_idx]
        if base == "minilm":
            reps["minilm384"] = (tr, te, ex)
        elif base == "inp":
            tr, te, ex = unit(tr), unit(te), unit(ex)
            reps["inp384"] = (tr, te, ex)
            for k in (128, 64):
                pca = PCA(k, random_state=SEED).fit(tr)  # train file only
                reps[f"inp_pca{k}"] = (pca.transform(tr), pca.transform(te), pca.transform(ex))
        elif base == "m2vft":
            reps["m2vft384"] = (unit(tr), unit(te), unit(ex))
        else:
            for k in (384, 256, 128, 64):
                reps[f"m2v{k}"] = (unit(tr[:, :k]), unit(te[:, :k]), unit(ex[:, :k]))
    return reps


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="run variants whose name contains this")
    ap.add_argument(
        "--work", type=Path, default=DEFAULT_WORK, help="folder of emb/, cache/ (outside the repo)"
    )
    ap.add_argument("--out", type=Path, default=None, help="default: <work>/results.json")
    args = ap.parse_args(argv)
    emb_dir, cache = args.work / "emb", args.work / "cache"
    train = T.read_jsonl(DATA / T.TRAIN_FILE)
    test = T.read_jsonl(DATA / T.TEST_FILE)
    texts = [r["text"] for r in train]
    test_texts = [r["text"] for r in test]
    y = np.array([r["is_factual"] for r in train])
    yt = np.array([r["is_factual"] for r in test])
    extra, extra_y, _ = T.extra_sentences(DATA, "cfs")
    extra_y = np.asarray(extra_y, dtype=int)
    # map the shipped config's extra sentences onto rows of the embedded extra_all file
    import re

    key = lambda t: re.sub(r"[^a-z0-9]", "", t.lower())  # noqa: E731
    all_rows = T.extra_sentences(DATA, "all")[0]
    pos = {key(t): i for i, t in enumerate(all_rows)}
    keep = [i for i, t in enumerate(extra) if key(t) in pos]
    if len(keep) < len(extra):
        print(f"note: {len(extra) - len(keep)} extra CFS sentences not in extra_all; dropped")
    extra = [extra[i] for i in keep]
    extra_y = extra_y[keep]
    extra_idx = [pos[key(t)] for t in extra]

    results = []
    out_path = args.out or args.work / "results.json"
    if out_path.is_file():
        results = json.loads(out_path.read_text())

    def record(name, oof, pt, **info):
        r = {"variant": name, **evaluate(y, oof, yt, pt), **info}
        results[:] = [x for x in results if x["variant"] != name] + [r]
        out_path.write_text(json.dumps(results, indent=1))
        print(
            f"{name:58s} cvF1 {r['cv_f1']:.3f} cvAP {r['cv_ap']:.3f} thr {r['thr']:.2f} | "
            f"test F1 {r['test_f1']:.3f} AP {r['test_ap']:.3f} (oracle-thr F1 "
            f"{r['test_f1_oracle_thr']:.3f})",
            flush=True,
        )

    def want(name):
        return args.only in name

    t0 = time.time()
    cur_oof, cur_pt = current(texts, y, test_texts, extra, extra_y, cache)
    if want("current"):
        record("current model (shipped config, 1x5-fold CV)", cur_oof, cur_pt)
    L, Lt = logit(cur_oof)[:, None], logit(cur_pt)[:, None]
    reps = load_reps(extra_idx, emb_dir)
    fc = FeatureCache()
    for rname, (E, Et, Ee) in reps.items():
        # 1) embedding + LR (extra CFS in training folds), C chosen by CV F1 on train
        if want(f"{rname} + LR"):
            best = None
            for C in (0.3, 1.0, 3.0, 10.0):
                oof, pt = cv_dense(lambda C=C: lr(C), E, y, Et, Ee, extra_y)
                _thr, f = T.choose_threshold(y, [oof])
                if best is None or f > best[0]:
                    best = (f, C, oof, pt)
            record(f"{rname} + LR", best[2], best[3], C=best[1])
            np.save(cache / f"{rname}_lr_oof.npy", best[2])
            np.save(cache / f"{rname}_lr_test.npy", best[3])
        # 2) stacking: OOF logit of the current model + embedding -> LR (train rows only)
        if want(f"{rname} stack"):
            S, St = np.hstack([L, E]), np.hstack([Lt, Et])
            best = None
            for C in (0.1, 0.3, 1.0, 3.0):
                oof, pt = cv_dense(lambda C=C: lr(C), S, y, St)
                _thr, f = T.choose_threshold(y, [oof])
                if best is None or f > best[0]:
                    best = (f, C, oof, pt)
            record(f"{rname} stack: cur OOF logit + emb -> LR", best[2], best[3], C=best[1])
        # 3) two-logit blend: cur OOF logit + emb-LR OOF logit -> LR
        f_e = cache / f"{rname}_lr_oof.npy"
        if want(f"{rname} blend") and f_e.is_file():
            eo, et = np.load(f_e), np.load(cache / f"{rname}_lr_test.npy")
            S = np.hstack([L, logit(eo)[:, None]])
            St = np.hstack([Lt, logit(et)[:, None]])
            oof, pt = cv_dense(lambda: lr(1.0), S, y, St)
            record(f"{rname} blend: cur logit + emb-LR logit -> LR", oof, pt)
        # 4) joint: one LR over word + char TF-IDF + named features + weighted embedding block
        if want(f"{rname} joint"):
            for w in (0.1, 0.3):
                oof, pt = cv_joint(texts, y, E, test_texts, Et, extra, extra_y, Ee, w, fc)
                record(f"{rname} joint: cur blocks + emb (weight {w})", oof, pt)
    print(f"done in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
