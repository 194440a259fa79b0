"""Benchmark of ``contradiction.score`` on ContraDoc (self-contradictory documents).

Protocol (``../shared/data/contradiction/README.md``): every consistent document (label 0) plus the
contradictory ones whose inserted sentence survived the 2,000-character cut (``evidence_in_text``):
691 documents. Reported: ROC-AUC of the article score (95% bootstrap interval, 2,000 resamples,
seeded), per ``scope`` (each scope's positives against all negatives) and per ``doc_type``, and the
share of positives whose top pair contains the inserted sentence. Baseline from the README:
pairwise lexical logistic regression 0.58; large language models near chance.

Before scoring, every text (both labels alike) is normalised to remove two insertion artefacts that
would otherwise leak the label: the inserted sentence is often spliced without a space ("word.The",
60% of positives vs 8% of negatives) and, in the Wikipedia documents, is written in normal spelling
among wikitext-103 tokenisation ("Kirby 's" vs "Kirby's", " @,@ "). The artefact-only AUC is
printed so the effect of the normalisation can be checked.

Variants: the shipped score plus alternative aggregations and conflict subsets computed from the
same pairs, each with its AUC, so what was tried and dropped stays on record.

Ideas measured during development with throw-away scripts and dropped (AUC on the same 691
documents, not re-run here; recorded in ``DEVELOPMENT_VARIANTS`` and the results file): Dice overlap
instead of overlap-over-the-smaller-sentence, overlap squared or cubed, a "restatement" floor (a
high-overlap pair scores even without a visible conflict), sentiment-polarity conflicts between
pairs, against the neighbouring sentences and inside one sentence (VADER's MIT lexicon, fetched to a
scratch directory for the experiment only: nothing of it is used or shipped), MIN_OVERLAP 0.3.

Run from the repository root: ``python bench/contradiction.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import articlegrade  # noqa: E402
from articlegrade import Article, Paragraph  # noqa: E402
from articlegrade.model.storage import hash_files  # noqa: E402
from articlegrade.signals import contradiction  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "contradiction" / "contradoc_truncated.jsonl"
RESULTS = ROOT / "bench" / "results" / "contradiction.json"
BASELINE_AUC = 0.58
DEVELOPMENT_VARIANTS: dict[str, float] = {
    "Dice overlap (mean of both sentences) instead of min": 0.562,
    "MIN_OVERLAP 0.3 instead of 0.2": 0.575,
    "strength = overlap**2 x conflict": 0.581,
    "strength = overlap**3 x conflict": 0.578,
    "restatement floor: overlap x max(conflict, 0.1)": 0.586,
    "restatement floor: overlap x max(conflict, 0.3)": 0.584,
    "restatement floor: overlap x max(conflict, 0.5)": 0.565,
    "polarity conflict in a pair (VADER valence >= 0.5 vs <= -0.5)": 0.480,
    "polarity conflict in a pair (VADER valence >= 1.5 vs <= -1.5)": 0.504,
    "polarity shift against neighbouring sentences (VADER)": 0.535,
    "mixed polarity inside one sentence (VADER, max over sentences)": 0.509,
}

_WIKI_FIXES = (
    (re.compile(r" @([,.\-])@ "), r"\1"),
    (re.compile(r" (['’]s|n't|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r" ([,.;:!?%)\]])"), r"\1"),
    (re.compile(r"([(\[]) "), r"\1"),
)
_SPLICE = re.compile(r"(?<=[a-z0-9%)\]][.!?])(?=[A-Z])|(?<=[a-z0-9%)\]][.!?][\"”’])(?=[A-Z])")
_HEADING = re.compile(r"^\s*=(?:\s*=)*\s*(.*?)\s*=(?:\s*=)*\s*$")


def normalise(text: str) -> str:
    """Undo wikitext tokenisation and splices, collapse runs of spaces (applied to every doc)."""
    for pattern, repl in _WIKI_FIXES:
        text = pattern.sub(repl, text)
    text = _SPLICE.sub(" ", text)
    text = re.sub(r"[ \t]+", " ", text)
    return text


def to_article(text: str) -> Article:
    """Paragraphs are lines; wikitext "= = Heading = =" lines become headings."""
    paragraphs = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        m = _HEADING.match(line)
        if m:
            paragraphs.append(Paragraph(m.group(1), is_heading=True))
        else:
            paragraphs.append(Paragraph(line))
    return Article(title="", paragraphs=tuple(paragraphs))


def artefact_score(text: str) -> float:
    """How many splice / spacing artefacts a text shows (for the leak check only)."""
    return len(re.findall(r"[a-z][.!?][A-Z]", text)) + len(re.findall(r"\S  +\S", text))


def auc_ci(
    y: np.ndarray, s: np.ndarray, n_boot: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """ROC-AUC with a 95% percentile bootstrap interval (resampling documents)."""
    auc = roc_auc_score(y, s)
    rng = np.random.default_rng(seed)
    boots = []
    n = len(y)
    for _ in range(n_boot):
        idx = rng.integers(0, n, n)
        if y[idx].min() == y[idx].max():
            continue
        boots.append(roc_auc_score(y[idx], s[idx]))
    lo, hi = np.percentile(boots, [2.5, 97.5])
    return float(auc), float(lo), float(hi)


def doc_features(article: Article) -> dict[str, float]:
    """Per-document aggregates of the pair features, for the variants."""
    pairs = contradiction.score_pairs(article.sentences)
    flagged = [p for p in pairs if p.overlap >= contradiction.MIN_OVERLAP]
    feats: dict[str, float] = {}
    feats["max_overlap"] = max((p.overlap for p in pairs), default=0.0)
    for kind in ("negation", "number", "antonym"):
        w = contradiction.WEIGHTS[kind]
        feats[f"only_{kind}"] = max(
            (min(1.0, p.overlap * w * p.conflicts[kind]) for p in flagged), default=0.0
        )
    strengths = sorted((p.strength for p in flagged), reverse=True)
    feats["max"] = strengths[0] if strengths else 0.0
    feats["noisy_or"] = 1.0 - float(np.prod([1 - s for s in strengths])) if strengths else 0.0
    feats["mean_top3"] = float(np.mean(strengths[:3])) if strengths else 0.0
    feats["n_pairs_per_sent"] = len(strengths) / max(1, len(article.sentences))
    feats["restatement: max overlap x max(conflict, 0.3)"] = max(
        (p.overlap * max(p.strength / max(p.overlap, 1e-9), 0.3) for p in pairs), default=0.0
    )
    sents = [contradiction._reduce(s) for s in article.sentences]
    feats["negated sentence share"] = sum(s.negated for s in sents) / len(sents) if sents else 0.0
    return feats


def groups_of(rows: list[dict]) -> np.ndarray:
    """Source-document groups: same numeric id prefix ("3488771840_2", "_5": one source document)
    or same opening text (union-find). Ids such as "news_train_1" are one document each."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, r in enumerate(rows):
        prefix = r["id"].split("_")[0]
        for key in (prefix if prefix.isdigit() else r["id"], r["text"][:150]):
            if key in first:
                parent[find(i)] = find(first[key])
            else:
                first[key] = i
    return np.array([find(i) for i in range(len(rows))])


def cv_logistic(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Out-of-fold scores of a logistic regression on the aggregates (5-fold, by source doc)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
        model.fit(x[train], y[train])
        out[test] = model.predict_proba(x[test])[:, 1]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-o", "--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["label"] == 0 or r["evidence_in_text"]]
    y = np.array([r["label"] for r in rows])

    scores, feats, top_hits, raw_art, norm_art = [], [], [], [], []
    elapsed = 0.0
    words = 0
    for r in rows:
        text = normalise(r["text"])
        raw_art.append(artefact_score(r["text"]))
        norm_art.append(artefact_score(text))
        article = to_article(text)
        words += article.words
        t0 = time.perf_counter()
        result = contradiction.analyze(article)
        elapsed += time.perf_counter() - t0
        scores.append(result.values["contradiction.score"])
        feats.append(doc_features(article))
        if r["label"] == 1:
            evidence = normalise(r["evidence"]).strip()
            top = result.evidence.get("contradiction.score", [])
            key = evidence[:60]
            top_hits.append(bool(top) and key in top[0])
    scores_arr = np.nan_to_num(np.array(scores, dtype=float), nan=0.0)

    table: list[tuple[str, float, float, float]] = []
    auc = auc_ci(y, scores_arr)
    table.append(("contradiction.score (shipped: max pair strength)", *auc))
    for name in feats[0]:
        s = np.array([f[name] for f in feats])
        table.append((f"variant: {name}", *auc_ci(y, s)))
    names = list(feats[0])
    x = np.array([[f[n] for n in names] for f in feats])
    oof = cv_logistic(x, y, groups_of(rows))
    table.append(("variant: logistic regr. on all aggregates, 5-fold CV", *auc_ci(y, oof)))
    table.append(("leak check: artefacts in raw text", *auc_ci(y, np.array(raw_art, float))))
    table.append(("leak check: artefacts after normalise", *auc_ci(y, np.array(norm_art, float))))

    groups: dict[str, dict[str, float]] = defaultdict(dict)
    negatives = y == 0
    for key in ("scope", "doc_type"):
        values = sorted({r[key] for r in rows if r["label"] == 1 and r[key]})
        for v in values:
            if key == "scope":
                mask = negatives | np.array([r["label"] == 1 and r[key] == v for r in rows])
            else:
                mask = np.array([r[key] == v for r in rows])
            n_pos = int((y[mask] == 1).sum())
            if n_pos < 5:
                continue
            groups[key][f"{v} (pos {n_pos}, neg {int((y[mask] == 0).sum())})"] = float(
                roc_auc_score(y[mask], scores_arr[mask])
            )
    hit_rate = float(np.mean(top_hits))
    per_article_ms = 1000 * elapsed / len(rows)

    print(f"ContraDoc truncated: {len(rows)} documents ({int(y.sum())} contradictory)")
    print(f"{'signal / variant':58s} {'ROC-AUC':>8s}  95% CI")
    print(f"{'baseline (README): pairwise lexical logistic regression':58s} {BASELINE_AUC:8.3f}")
    for name, a, lo, hi in table:
        print(f"{name:58s} {a:8.3f}  [{lo:.3f}, {hi:.3f}]")
    print("dropped during development (measured once, not re-run):")
    for name, a in DEVELOPMENT_VARIANTS.items():
        print(f"  {name:56s} {a:8.3f}")
    for key, vals in groups.items():
        for name, a in vals.items():
            print(f"  {key} = {name:50s} {a:8.3f}")
    print(f"top pair contains the inserted sentence: {hit_rate:.3f} of {len(top_hits)} positives")
    print(f"cost: {per_article_ms:.2f} ms per article (mean {words / len(rows):.0f} words)")

    out = {
        "command": "python bench/contradiction.py",
        "data": str(args.data.name),
        "data_sha256": hash_files([args.data]),
        "package_version": articlegrade.__version__,
        "documents": len(rows),
        "positives": int(y.sum()),
        "baseline_auc": BASELINE_AUC,
        "goal_auc": 0.70,
        "auc": {name: {"auc": a, "ci95": [lo, hi]} for name, a, lo, hi in table},
        "auc_by_group": groups,
        "development_variants_auc": DEVELOPMENT_VARIANTS,
        "top_pair_contains_evidence": hit_rate,
        "ms_per_article": per_article_ms,
        "mean_words": words / len(rows),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
