"""grade(): source -> Article -> signals -> features -> model -> Scorecard; and batches of them."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

import numpy as np

from .errors import ArticlegradeError
from .scorecard import OK, SKIPPED, Reason, Scorecard, removed_summary

if TYPE_CHECKING:
    from .model.quality import QualityModel

Source = str | bytes | os.PathLike
#: How many reasons a scorecard lists.
TOP_REASONS = 3


def grade(
    source: Source, url: str | None = None, *, model: QualityModel | str | os.PathLike = "quality"
) -> Scorecard:
    """Grade one page or text. Raises the library's typed errors for input that cannot be graded
    (``NotTextError``, ``NoArticleError``, ``InputError``); ``grade_many`` turns them into rows.
    A page that is not English prose comes back with status ``skipped``, ungraded.

    ``model`` is a ``QualityModel``, a shipped model's name or a model file's path.
    """
    from .cleaning import clean
    from .features import vectorize
    from .model.quality import QualityModel, cached_model
    from .signals import all_names, analyze_all

    from .language import english_share, is_english

    qm = model if isinstance(model, QualityModel) else cached_model(os.fspath(model))
    article = clean(source, url=url)
    path = os.fspath(source) if isinstance(source, os.PathLike) else None
    removed = removed_summary([r.kind for r in article.removed])
    removed_lines = tuple((r.kind, r.text) for r in article.removed)
    if not is_english(article.tokens):
        share = english_share(article.tokens)
        return Scorecard(
            path=path,
            url=url,
            status=SKIPPED,
            reason=f"not_english: {share:.0%} of words are common English words; the grade is "
            "for English prose (another language, or a page of lists and tables)",
            title=article.title,
            words=article.words,
            removed=removed,
            removed_lines=removed_lines,
            model_version=qm.version,
        )
    result = analyze_all(article)
    x = vectorize(result.values, qm.feature_names)
    quality = float(qm.quality(x)[0])
    contributions = qm.contributions(x)
    docs = all_names()
    typical = qm.means + qm.reference * qm.scales
    reasons = []
    for i in np.argsort(contributions, kind="stable")[:TOP_REASONS]:
        if contributions[i] >= 0:
            break
        name = qm.feature_names[i]
        reasons.append(
            Reason(
                signal=name,
                label=readable(name, docs.get(name, "")),
                value=float(x[i]),
                typical=float(typical[i]),
                contribution=float(contributions[i]),
                evidence=tuple(result.evidence.get(name, ())[:5]),
            )
        )
    return Scorecard(
        path=path,
        url=url,
        status=OK,
        title=article.title,
        quality=quality,
        grade=qm.grade(quality),
        words=article.words,
        signals=result.values,
        reasons=tuple(reasons),
        removed=removed,
        removed_lines=removed_lines,
        model_version=qm.version,
    )


def readable(name: str, doc: str) -> str:
    """Readable words for a signal: the meaning clause of its documentation, else its name."""
    meaning = doc.split(";", 1)[0].strip()
    return meaning or name.split(".", 1)[-1].replace("_", " ")


def grade_safely(
    source: Source, url: str | None = None, model: QualityModel | str | os.PathLike = "quality"
) -> Scorecard:
    """``grade`` that returns an error scorecard instead of raising for a bad page."""
    path = os.fspath(source) if isinstance(source, os.PathLike) else None
    try:
        return grade(source, url=url, model=model)
    except ArticlegradeError as exc:
        return Scorecard.failed(path, url, exc.code, str(exc))
    except Exception as exc:
        return Scorecard.failed(path, url, "internal_error", f"{type(exc).__name__}: {exc}")


def grade_many(
    sources: Iterable[Source], workers: int = 1, model: str | os.PathLike = "quality"
) -> Iterator[Scorecard]:
    """Grade many pages; yield one scorecard per source, in input order, never raising for a page.

    With ``workers`` > 1 pages are graded in that many processes; at most ``4 × workers`` pages are
    in flight, so memory stays flat however long the input.
    """
    if workers <= 1:
        for source in sources:
            yield grade_safely(source, model=model)
        return
    window: deque[Future[Scorecard]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for source in sources:
            window.append(pool.submit(grade_safely, source, None, model))
            if len(window) >= 4 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def to_frame(scorecards: Iterable[Scorecard]):  # -> pandas.DataFrame
    """Scorecards as a pandas DataFrame with the CSV columns (needs ``pandas``)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame needs pandas: pip install 'articlegrade[pandas]'") from None
    from .output import csv_columns, csv_row

    cards = list(scorecards)
    columns = csv_columns()
    return pd.DataFrame([csv_row(c, columns, safe=False) for c in cards], columns=columns)
