"""grade(): source -> Article -> signals -> features -> model -> Scorecard; and batches of them."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from multiprocessing.connection import Connection, wait
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ArticlegradeError, DocumentTimeout, TooLongError
from .scorecard import OK, SKIPPED, Reason, Scorecard, removed_summary

if TYPE_CHECKING:
    from .article import Article
    from .model.quality import QualityModel

Source = str | bytes | os.PathLike
#: How many reasons a scorecard lists.
TOP_REASONS = 3
#: Default per-page time limit of ``grade_many`` and ``articlegrade score``, in seconds.
DEFAULT_TIMEOUT = 30.0
#: How long past its time limit a worker process may run before it is killed: the soft limit
#: inside the worker (an alarm) normally ends the page first, with the worker kept.
KILL_GRACE = 2.0


#: Longest article graded, in words: the signals are built for articles (the longest web
#: articles run to some 20,000 words), and some cost more than linear time on huge texts.
MAX_WORDS = 50_000


def grade(
    source: Source,
    url: str | None = None,
    *,
    model: QualityModel | str | os.PathLike = "quality",
    timeout: float | None = None,
) -> Scorecard:
    """Grade one page or text. Raises the library's typed errors for input that cannot be graded
    (``NotTextError``, ``NoArticleError``, ``InputError``); ``grade_many`` turns them into rows.
    A page that is not English prose comes back with status ``skipped``, ungraded.

    ``model`` is a ``QualityModel``, a shipped model's name or a model file's path.
    ``timeout`` (seconds) raises ``DocumentTimeout`` when grading runs longer. It is a soft limit
    (a ``SIGALRM`` timer): it holds on the main thread of a POSIX process only, and fires between
    Python steps, so one long call into C (a parse, a regular expression) finishes first. For a
    hard limit use ``grade_many``, which kills a stuck worker process.
    """
    qm = _load(model)
    if timeout is None or timeout <= 0:
        return _grade(source, url, qm)
    with _time_limit(timeout):
        return _grade(source, url, qm)


def _load(model: QualityModel | str | os.PathLike) -> QualityModel:
    """The model, loaded (and the signal families imported) before any time limit starts."""
    from .model.quality import QualityModel, cached_model

    qm = model if isinstance(model, QualityModel) else cached_model(os.fspath(model))
    _family_modules()
    return qm


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in this thread after ``seconds``; a no-op off the main thread,
    without ``setitimer`` (Windows), or when the caller's own real-time timer is running."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"grading took longer than {seconds:g} s; the page was abandoned")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _grade(source: Source, url: str | None, qm: QualityModel) -> Scorecard:
    from .cleaning import clean
    from .features import vectorize
    from .labels import label
    from .language import english_share, is_english

    article = clean(source, url=url)
    if article.words > MAX_WORDS:
        raise TooLongError(
            f"the article has {article.words:,} words; the grade is for articles of at most "
            f"{MAX_WORDS:,} words"
        )
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
    values, evidence = _analyze_all(article)
    x = vectorize(values, qm.feature_names)
    quality, contributions = qm.explain(x)
    typical = qm.typical
    reasons = []
    for i in np.argsort(contributions, kind="stable")[:TOP_REASONS]:
        if contributions[i] >= 0:
            break
        name = qm.feature_names[i]
        reasons.append(
            Reason(
                signal=name,
                label=label(name),
                value=float(x[i]),
                typical=float(typical[i]),
                contribution=float(contributions[i]),
                evidence=tuple(evidence.get(name, ())[:5]),
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
        signals=values,
        reasons=tuple(reasons),
        removed=removed,
        removed_lines=removed_lines,
        model_version=qm.version,
    )


@lru_cache(maxsize=1)
def _family_modules() -> tuple[ModuleType, ...]:
    """The signal families' modules, in ``FAMILIES`` order (imported once)."""
    from .signals import FAMILIES, family

    return tuple(family(name) for name in FAMILIES)


def _analyze_all(article: Article) -> tuple[dict[str, float], dict[str, list[str]]]:
    """``signals.analyze_all(article)``'s values and evidence: the same dicts, in the same order
    (each family's entries added after the earlier ones'), built by updating one pair of dicts
    instead of copying both at every family (tests/test_grading.py holds it to ``analyze_all``)."""
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for module in _family_modules():
        result = module.analyze(article)
        values.update(result.values)
        evidence.update(result.evidence)
    return values, evidence


def grade_safely(
    source: Source,
    url: str | None = None,
    model: QualityModel | str | os.PathLike = "quality",
    timeout: float | None = None,
) -> Scorecard:
    """``grade`` that returns an error scorecard instead of raising for a bad page: ``reason`` is
    the error's code and message (``timeout: ...``, ``not_text: ...``, ``internal_error: ...``)."""
    path = _path_of(source)
    try:
        return grade(source, url=url, model=model, timeout=timeout)
    except ArticlegradeError as exc:
        return Scorecard.failed(path, url, exc.code, str(exc))
    except Exception as exc:
        return Scorecard.failed(path, url, "internal_error", f"{type(exc).__name__}: {exc}")


def _path_of(source: Source) -> str | None:
    return os.fspath(source) if isinstance(source, os.PathLike) else None


def grade_many(
    sources: Iterable[Source],
    workers: int = 1,
    model: QualityModel | str | os.PathLike = "quality",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Scorecard]:
    """Grade many pages; yield exactly one scorecard per source, in input order, never raising
    for a page.

    Pages are graded in ``workers`` processes (``workers`` <= 0: in this process). Each page has
    ``timeout`` seconds (None: no limit); a page over it becomes an ``error`` row with reason
    ``timeout: ...``. A worker stuck past the limit (in C code the soft limit cannot stop) is
    killed and replaced, and so is one that dies (``crashed: ...``), so the batch always goes
    on. At most ``4 × workers`` pages are in flight or waiting for their turn, so memory stays
    flat however long the input. ``workers`` = 1 and N give the same rows.
    """
    if workers <= 0:
        for source in sources:
            yield grade_safely(source, model=model, timeout=timeout)
        return
    supervisor = _Supervisor(workers, model, timeout)
    if supervisor.forks:
        # Warm this process (model, families and what they load on first use) so that forked
        # workers start ready instead of each loading it all again.
        grade_safely(_WARM_UP, model=model)
    yield from supervisor.run(sources)


_WARM_UP = (
    "The council met on Tuesday to discuss the bridge. Engineers said the old pillars were "
    "sound, but the mayor asked for a second survey before lorries could cross it again."
)


def _worker(
    conn: Connection, model: QualityModel | str | os.PathLike, timeout: float | None
) -> None:
    """A worker process: grade the pages the parent sends, one at a time, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, source = task
        card = grade_safely(source, model=model, timeout=timeout)
        try:
            conn.send((index, card))
        except (BrokenPipeError, OSError):
            return


class _Worker:
    """One worker process, its end of the pipe, and the page it is grading."""

    def __init__(self, ctx: Any, model: Any, timeout: float | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, model, timeout), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, Source] | None = None
        self.deadline = float("inf")

    def give(self, index: int, source: Source, limit: float | None) -> None:
        self.task = (index, source)
        self.deadline = time.monotonic() + limit if limit is not None else float("inf")
        self.conn.send((index, source))

    def stop(self, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(1.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Supervisor:
    """Hands pages to worker processes, collects their scorecards, and gives them back in input
    order; kills and replaces a worker past its page's time limit or one that died."""

    def __init__(self, workers: int, model: Any, timeout: float | None) -> None:
        methods = multiprocessing.get_all_start_methods()
        self.forks = "fork" in methods
        self.ctx = multiprocessing.get_context("fork" if self.forks else None)
        self.size = workers
        self.model = model
        self.timeout = timeout if timeout is not None and timeout > 0 else None
        self.hard = None if self.timeout is None else self.timeout + KILL_GRACE

    def run(self, sources: Iterable[Source]) -> Iterator[Scorecard]:
        pool: list[_Worker] = []
        done: dict[int, Scorecard] = {}
        todo = enumerate(sources)
        window = 4 * self.size
        issued = emitted = 0
        exhausted = False
        try:
            while True:
                busy = [w for w in pool if w.task is not None]
                while not exhausted and len(busy) < self.size and issued - emitted < window:
                    item = next(todo, None)
                    if item is None:
                        exhausted = True
                        break
                    worker = next((w for w in pool if w.task is None), None)
                    if worker is None:
                        worker = _Worker(self.ctx, self.model, self.timeout)
                        pool.append(worker)
                    worker.give(*item, self.hard)
                    busy.append(worker)
                    issued += 1
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
                if not busy:
                    if exhausted:
                        return
                    continue
                now = time.monotonic()
                left = min(w.deadline for w in busy) - now
                ready = wait(
                    [w.conn for w in busy], timeout=None if left == float("inf") else max(0.0, left)
                )
                for worker in busy:
                    index, source = worker.task  # type: ignore[misc]
                    if worker.conn in ready:
                        try:
                            done[index] = worker.conn.recv()[1]
                            worker.task = None
                            continue
                        except (EOFError, OSError):
                            worker.process.join(1.0)
                            code = worker.process.exitcode
                            done[index] = Scorecard.failed(
                                _path_of(source),
                                None,
                                "crashed",
                                f"the worker process died (exit code {code}) grading this page",
                            )
                    elif time.monotonic() >= worker.deadline:
                        done[index] = Scorecard.failed(
                            _path_of(source),
                            None,
                            DocumentTimeout.code,
                            f"grading took longer than {self.timeout:g} s; the worker was "
                            "stopped and the page abandoned",
                        )
                    else:
                        continue
                    worker.stop(kill=True)
                    pool.remove(worker)
        finally:
            for worker in pool:
                worker.stop(kill=worker.task is not None)


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
