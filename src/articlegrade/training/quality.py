"""Train a quality model: ``articlegrade train DATA.jsonl... -o models/NAME`` or ``articlegrade.train``.

Data format (JSON lines, one article a line):

- ``text`` (plain text) or ``html`` (a page); optional ``title`` (put before a ``text`` as its first line);
- ``label``: ``good``/``bad``, ``1``/``0``, ``true``/``false`` (``human`` counts as good; ``ai`` and
  ``machine`` as bad);
- optional ``group``: rows sharing a group (the same topic, site or source) stay on one side of every
  split, so the model is not scored on topics it saw.

``python -m articlegrade.training.quality`` builds the default model from ``../shared/data/quality``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ArticlegradeError, InputError

_GOOD = {"good", "1", "true", "human", "yes"}
_BAD = {"bad", "0", "false", "ai", "machine", "no"}
C_GRID = (0.03, 0.05, 0.1, 0.2, 0.3)
REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "quality"


@dataclass(frozen=True)
class TrainReport:
    """What training measured: rows used and skipped, the chosen C, GroupKFold ROC-AUC per C."""

    rows: int
    skipped: int
    C: float
    cv_auc: dict[str, float]
    threshold: float
    output: str | None


def parse_label(value: object) -> int:
    """1 for a good (human-quality) article, 0 for machine-made filler."""
    text = str(value).strip().lower()
    if text in _GOOD:
        return 1
    if text in _BAD:
        return 0
    raise InputError(f"label {value!r} is neither good/1 nor bad/0")


def read_rows(paths: Iterable[str | os.PathLike]) -> list[dict]:
    """Rows of the documented JSONL format, with ``label`` parsed to 1/0."""
    rows: list[dict] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from None
                if "text" not in row and "html" not in row:
                    raise InputError(f"{path}:{n}: needs a 'text' or 'html' field")
                if "label" not in row:
                    raise InputError(f"{path}:{n}: needs a 'label' field")
                rows.append({**row, "label": parse_label(row["label"])})
    return rows


def shared_quality_rows(data_dir: Path = DEFAULT_DATA) -> list[dict]:
    """The default training set: English rows of both files in ``../shared/data/quality``
    (``text_clean`` for M4), human = good, machine = bad, grouped by ``pair_id``."""
    rows: list[dict] = []
    for name, field in (
        ("iu_human_ai_corpus.jsonl", "text"),
        ("m4_llama2_wikipedia_wikihow.jsonl", "text_clean"),
    ):
        with open(data_dir / name, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get("language", "en") != "en":
                    continue
                rows.append(
                    {
                        "id": r["id"],
                        "title": r.get("title_en") or r.get("title") or "",
                        "text": r[field],
                        "label": parse_label(r["label"]),
                        "group": r["pair_id"],
                        "domain": r.get("domain"),
                        "variant": r.get("variant") or r.get("generator") or "",
                    }
                )
    return rows


def row_source(row: dict) -> str | bytes:
    """What ``clean`` reads for a row: the html, or the title line then the text."""
    if row.get("html"):
        return row["html"]
    title = (row.get("title") or "").strip()
    return f"{title}\n\n{row['text']}" if title else row["text"]


def _signals(source: str | bytes) -> dict[str, float] | None:
    """Signals of one row, or None when grading would not grade it (unreadable, not English)."""
    from ..cleaning import clean
    from ..language import is_english
    from ..signals import measure_all

    try:
        article = clean(source)
    except ArticlegradeError:
        return None
    return measure_all(article) if is_english(article.tokens) else None


def featurize(
    rows: Sequence[dict], features: Sequence[str], jobs: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Feature matrix of the rows and a mask of the rows that could be cleaned."""
    from ..features import vectorize

    sources = [row_source(r) for r in rows]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            values = list(pool.map(_signals, sources, chunksize=16))
    else:
        values = [_signals(s) for s in sources]
    ok = np.array([v is not None for v in values])
    X = (
        np.vstack([vectorize(v, features) for v in values if v is not None])
        if ok.any()
        else np.empty((0, len(features)))
    )
    return X, ok


def cv_auc(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, C: float, seed: int = 0, folds: int = 5
) -> tuple[float, np.ndarray]:
    """GroupKFold ROC-AUC of the model fitted with ``C`` (out-of-fold scores returned too)."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    from ..model.quality import QualityModel

    oof = np.zeros(len(y))
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(X, y, groups):
        m = QualityModel.fit(
            X[train_idx], y[train_idx], [str(i) for i in range(X.shape[1])], C=C, seed=seed
        )
        oof[test_idx] = m.decision(X[test_idx])
    return float(roc_auc_score(y, oof)), oof


def train(
    data: Sequence[str | os.PathLike] | Sequence[dict],
    output: str | os.PathLike | None = None,
    *,
    seed: int = 0,
    jobs: int = 1,
    features: Sequence[str] | None = None,
    name: str = "quality",
    data_files: Sequence[str | os.PathLike] = (),
    command: str = "",
    false_alarm_rate: float = 0.05,
) -> tuple[object, TrainReport]:
    """Train a quality model on JSONL files (or rows already read); write it to ``output`` if given.

    Splits by ``group`` (each row its own group when absent): C is chosen by GroupKFold ROC-AUC;
    the model is fitted on all rows, then calibrated on the out-of-fold logits of that C, and its
    threshold put where ``false_alarm_rate`` of the good rows' out-of-fold quality falls below.
    Returns ``(QualityModel, TrainReport)``.
    """
    from ..features import default_features
    from ..model.quality import QualityModel
    from ..model.storage import hash_files

    if data and isinstance(data[0], dict):
        rows = list(data)  # type: ignore[arg-type]
    else:
        data_files = list(data_files) or list(data)  # type: ignore[arg-type]
        rows = read_rows(data)  # type: ignore[arg-type]
    if not rows:
        raise InputError("no training rows")
    names = list(features) if features is not None else default_features()
    X, ok = featurize(rows, names, jobs=jobs)
    kept = [r for r, good in zip(rows, ok, strict=True) if good]
    y = np.array([r["label"] for r in kept])
    groups = np.array([str(r.get("group") or r.get("id") or i) for i, r in enumerate(kept)])
    if len(set(y)) < 2:
        raise InputError("training needs both good and bad rows")

    folds = min(5, len(set(groups)))
    scored = {str(C): cv_auc(X, y, groups, C, seed, folds) for C in C_GRID}
    aucs = {C: auc for C, (auc, _) in scored.items()}
    best_C = float(max(C_GRID, key=lambda C: (round(aucs[str(C)], 4), -C)))
    data_hash = (
        hash_files(data_files)
        if data_files
        else hashlib.sha256(json.dumps([row_source(r) for r in rows]).encode()).hexdigest()
    )
    meta = {
        "data_files": [os.path.basename(str(p)) for p in data_files],
        "data_sha256": data_hash,
        "rows": len(kept),
        "rows_good": int(y.sum()),
        "skipped_rows": int((~ok).sum()),
        "seed": seed,
        "C": best_C,
        "cv": f"GroupKFold({folds}) by group",
        "cv_roc_auc": {k: round(v, 4) for k, v in aucs.items()},
        "calibration": "Platt scaling of the out-of-fold logits of the chosen C, classes weighted "
        f"equally; threshold at the {false_alarm_rate:.0%} quantile of the good rows' out-of-fold quality",
        "false_alarm_rate": false_alarm_rate,
        "command": command,
    }
    model = QualityModel.fit(X, y, names, C=best_C, seed=seed, meta=meta)
    model = model.calibrate(scored[str(best_C)][1], y, false_alarm_rate, seed=seed)
    if output is not None:
        model.save(output, name=name)
    report = TrainReport(
        rows=len(kept),
        skipped=int((~ok).sum()),
        C=best_C,
        cv_auc=aucs,
        threshold=model.threshold,
        output=str(output) if output is not None else None,
    )
    return model, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m articlegrade.training.quality",
        description="Train the default quality model from ../shared/data/quality.",
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the quality data"
    )
    parser.add_argument("-o", "--output", default=str(REPO / "models" / "quality.json.gz"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    files = [
        args.data / "iu_human_ai_corpus.jsonl",
        args.data / "m4_llama2_wikipedia_wikihow.jsonl",
    ]
    _, report = train(
        shared_quality_rows(args.data),
        args.output,
        seed=args.seed,
        jobs=args.jobs,
        data_files=files,
        command="python -m articlegrade.training.quality",
    )
    print(
        f"rows {report.rows} (skipped {report.skipped}); C {report.C}; threshold {report.threshold:.3f}",
        file=sys.stderr,
    )
    for C, auc in report.cv_auc.items():
        print(f"  C={C:<5} GroupKFold ROC-AUC {auc:.4f}", file=sys.stderr)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
