"""grade(): source -> Article -> signals -> features -> model -> Scorecard; and batches of them."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
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
    timeout = _limit(timeout)
    if timeout is None:
        return _grade(source, url, qm)
    with _time_limit(timeout):
        return _grade(source, url, qm)


#: Time limits of this many seconds or more (or not finite) mean no limit: the timers cannot hold
#: much longer ones (``setitimer`` raises ``OverflowError`` for ``inf``).
NO_LIMIT_FROM = 1e6


def _limit(timeout: float | None) -> float | None:
    """``timeout`` in seconds, or None for no limit (None, <= 0, not finite, >= ``NO_LIMIT_FROM``)."""
    if timeout is None or not 0 < timeout < NO_LIMIT_FROM:  # (NaN fails the test too)
        return None
    return float(timeout)


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
    prepared = _prepare(source, url, qm)
    if isinstance(prepared, Scorecard):
        return prepared
    values, evidence = _analyze_all(prepared)
    return _finish(prepared, _path_of(source), url, qm, values, evidence)


def _prepare(source: Source, url: str | None, qm: QualityModel) -> Article | Scorecard:
    """The cleaned article to measure, or the ``skipped`` scorecard of a page that is not English
    prose. Raises the typed errors of ``clean`` and ``TooLongError``."""
    from .cleaning import clean
    from .language import english_share, is_english

    article = clean(source, url=url)
    if article.words > MAX_WORDS:
        raise TooLongError(
            f"the article has {article.words:,} words; the grade is for articles of at most "
            f"{MAX_WORDS:,} words"
        )
    if is_english(article.tokens):
        return article
    share = english_share(article.tokens)
    return Scorecard(
        path=_path_of(source),
        url=url,
        status=SKIPPED,
        reason=f"not_english: {share:.0%} of words are common English words; the grade is "
        "for English prose (another language, or a page of lists and tables)",
        title=article.title,
        words=article.words,
        removed=removed_summary([r.kind for r in article.removed]),
        removed_lines=tuple((r.kind, r.text) for r in article.removed),
        model_version=qm.version,
    )


def _finish(
    article: Article,
    path: str | None,
    url: str | None,
    qm: QualityModel,
    values: dict[str, float],
    evidence: dict[str, list[str]],
) -> Scorecard:
    """The ``ok`` scorecard of a measured article: the model's quality, grade and top reasons."""
    from .features import vectorize
    from .labels import label

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
        removed=removed_summary([r.kind for r in article.removed]),
        removed_lines=tuple((r.kind, r.text) for r in article.removed),
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
    try:
        return grade(source, url=url, model=model, timeout=timeout)
    except Exception as exc:
        return _failed(source, url, exc)


def _failed(source: Source, url: str | None, exc: Exception) -> Scorecard:
    """The error scorecard of a page whose grading raised ``exc``."""
    if isinstance(exc, ArticlegradeError):
        return Scorecard.failed(_path_of(source), url, exc.code, str(exc))
    return Scorecard.failed(_path_of(source), url, "internal_error", f"{type(exc).__name__}: {exc}")


def _batches(items: Iterable[Any], sizes: Iterable[int]) -> Iterator[list[Any]]:
    """``items`` in lists of the next of ``sizes`` items each (the last one shorter), read as they
    are needed. When ``items`` raises, the items read before it come first, as a shorter list;
    then the error."""
    it = iter(items)
    for size in sizes:
        batch: list[Any] = []
        try:
            batch.extend(islice(it, size))
        except Exception:
            if batch:
                yield batch
            raise
        if not batch:
            return
        yield batch


def _path_of(source: Source) -> str | None:
    return os.fspath(source) if isinstance(source, os.PathLike) else None


#: Pages ``grade_many`` grades together, family by family (see ``_grade_batch``): the first
#: batches hold ``BATCH``, later ones twice as many, up to ``MAX_BATCH``, so that a short input
#: still reaches every worker and a long one gets the larger batches (in-process, over the 1,400
#: quality texts, CPU ms a text in 4 runs: 8 pages 3.08-3.39, 32 pages 2.81-3.01).
BATCH = 8
MAX_BATCH = 32


def _batch_sizes(workers: int) -> Iterator[int]:
    """``BATCH`` for each of the first ``workers`` batches (at least one), then twice as many for
    the next ``workers``, and so on up to ``MAX_BATCH``, which is kept."""
    size = BATCH
    while True:
        for _ in range(max(1, workers)):
            yield size
        size = min(2 * size, MAX_BATCH)


def _grade_batch(sources: list[Source], qm: QualityModel) -> list[Scorecard]:
    """``grade_safely`` of each source, without a time limit, but each signal family runs over the
    whole batch before the next one starts: a family's code and tables stay in the CPU caches
    from one page to the next (the whole text path 2.75 -> 2.34 ms a text in
    bench/results/throughput.json). The scorecards are the same; a page that fails gets its own
    error row.
    ``DocumentTimeout`` (a time limit around the batch) is raised, not charged to a page."""
    cards: list[Scorecard | None] = [None] * len(sources)
    measured: list[tuple[int, Article, dict[str, float], dict[str, list[str]]]] = []
    for i, source in enumerate(sources):
        try:
            prepared = _prepare(source, None, qm)
        except DocumentTimeout:
            raise
        except Exception as exc:
            cards[i] = _failed(source, None, exc)
            continue
        if isinstance(prepared, Scorecard):
            cards[i] = prepared
        else:
            measured.append((i, prepared, {}, {}))
    for module in _family_modules():
        for i, article, values, evidence in measured:
            if cards[i] is not None:  # failed in an earlier family
                continue
            try:
                result = module.analyze(article)
            except DocumentTimeout:
                raise
            except Exception as exc:
                cards[i] = _failed(sources[i], None, exc)
                continue
            values.update(result.values)
            evidence.update(result.evidence)
    for i, article, values, evidence in measured:
        if cards[i] is None:
            try:
                cards[i] = _finish(article, _path_of(sources[i]), None, qm, values, evidence)
            except DocumentTimeout:
                raise
            except Exception as exc:
                cards[i] = _failed(sources[i], None, exc)
    return cards  # type: ignore[return-value]


def _grade_in_time(
    sources: list[Source], model: QualityModel | str | os.PathLike, timeout: float | None
) -> list[Scorecard] | None:
    """``_grade_batch`` of a batch with ``timeout`` seconds for the whole of it; None when it ran
    over (the caller grades its pages again one at a time, each with its own limit). One page is
    graded alone, with its own limit."""
    if len(sources) == 1:
        return [grade_safely(sources[0], model=model, timeout=timeout)]
    try:
        qm = _load(model)
    except Exception as exc:  # a missing or damaged model: every page's row says so
        return [_failed(source, None, exc) for source in sources]
    timeout = _limit(timeout)
    if timeout is None:
        return _grade_batch(sources, qm)
    try:
        with _time_limit(timeout):
            return _grade_batch(sources, qm)
    except DocumentTimeout:
        return None


def grade_many(
    sources: Iterable[Source],
    workers: int = 1,
    model: QualityModel | str | os.PathLike = "quality",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Scorecard]:
    """Grade many pages; yield exactly one scorecard per source, in input order, never raising
    for a page.

    Pages are graded in ``workers`` processes (``workers`` <= 0: in this process), in batches
    read from ``sources`` as they are needed (see ``_grade_batch``): ``BATCH`` pages for each
    worker's first batch, twice as many for the next, up to ``MAX_BATCH``. Each page has
    ``timeout`` seconds (None: no limit); a page over it becomes an ``error`` row with reason
    ``timeout: ...``. A batch gets the same limit for the whole of it; a batch over it is graded
    again page by page, so only the slow page gets the ``timeout`` row (and takes up to twice the
    limit: once in its batch, once alone). A worker stuck past the
    limit (in C code the soft limit cannot stop) is killed and replaced, and so is one that dies
    (``crashed: ...``), so the batch always goes on. At most ``4 × workers × MAX_BATCH`` pages
    are in flight or waiting for their turn, so memory stays flat however long the input.
    ``workers`` = 0, 1 and N give the same rows. A batch is handed out once its pages are read
    (or ``sources`` ends), so a slow stream of sources waits for a batch of them. When
    ``sources`` itself raises, every page read before gets its row first, then the error is
    raised. A ``timeout`` of ``NO_LIMIT_FROM`` seconds or more, or not finite, means no limit.
    """
    timeout = _limit(timeout)
    if workers <= 0:
        for batch in _batches(sources, _batch_sizes(1)):
            cards = _grade_in_time(batch, model, timeout)
            if cards is None:
                cards = [grade_safely(source, model=model, timeout=timeout) for source in batch]
            yield from cards
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
    """A worker process: grade the batches the parent sends, one at a time, until told to stop.
    A batch comes back as its scorecards, or as None when it ran over its time limit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        cards = _grade_in_time([source for _, source in task], model, timeout)
        try:
            conn.send(cards)
        except (BrokenPipeError, OSError):
            return


Task = list[tuple[int, Source]]


class _Worker:
    """One worker process, its end of the pipe, and the batch of pages it is grading."""

    def __init__(self, ctx: Any, model: Any, timeout: float | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, model, timeout), daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.deadline = float("inf")

    def give(self, task: Task, limit: float | None) -> None:
        self.task = task
        self.deadline = time.monotonic() + limit if limit is not None else float("inf")
        self.conn.send(task)

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
    """Hands batches of pages to worker processes, collects their scorecards, and gives them back
    in input order. A batch has the per-page time limit for the whole of it: one that runs over,
    or whose worker is stuck past the limit or dies, is handed out again page by page; a single
    page past its limit, or whose worker dies, becomes an error row (its worker killed and
    replaced)."""

    def __init__(self, workers: int, model: Any, timeout: float | None) -> None:
        methods = multiprocessing.get_all_start_methods()
        self.forks = "fork" in methods
        self.ctx = multiprocessing.get_context("fork" if self.forks else None)
        self.size = workers
        self.model = model
        self.timeout = _limit(timeout)
        self.hard = None if self.timeout is None else self.timeout + KILL_GRACE

    def run(self, sources: Iterable[Source]) -> Iterator[Scorecard]:
        pool: list[_Worker] = []
        done: dict[int, Scorecard] = {}
        again: deque[Task] = deque()  # pages of a batch that failed as a whole, one per task
        todo = _batches(enumerate(sources), _batch_sizes(self.size))
        window = 4 * self.size * MAX_BATCH  # pages handed out or waiting to be given back in order
        issued = emitted = 0
        exhausted = False
        error: Exception | None = (
            None  # what ``sources`` raised: raised once every page read is out
        )
        try:
            while True:
                busy = [w for w in pool if w.task is not None]
                while len(busy) < self.size:
                    if again:
                        task = again.popleft()
                    elif not exhausted and issued - emitted < window:
                        try:
                            task = next(todo, None)
                        except Exception as exc:
                            error, task = exc, None
                        if task is None:
                            exhausted = True
                            break
                        issued += len(task)
                    else:
                        break
                    worker = next((w for w in pool if w.task is None), None)
                    if worker is None:
                        worker = _Worker(self.ctx, self.model, self.timeout)
                        pool.append(worker)
                    worker.give(task, self.hard)
                    busy.append(worker)
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
                if not busy:
                    if exhausted and not again:
                        if error is not None:
                            raise error
                        return
                    continue
                now = time.monotonic()
                left = min(w.deadline for w in busy) - now
                ready = wait(
                    [w.conn for w in busy], timeout=None if left == float("inf") else max(0.0, left)
                )
                for worker in busy:
                    task = worker.task
                    assert task is not None
                    if worker.conn in ready:
                        try:
                            cards = worker.conn.recv()
                        except (EOFError, OSError):
                            worker.process.join(1.0)
                            failure = self._crashed(worker.process.exitcode)
                        else:
                            worker.task = None
                            if cards is None:  # the batch ran over its limit
                                again.extend([item] for item in task)
                            else:
                                done.update(zip((i for i, _ in task), cards, strict=True))
                            continue
                    elif time.monotonic() >= worker.deadline:
                        failure = self._stuck()
                    else:
                        continue
                    worker.stop(kill=True)
                    pool.remove(worker)
                    if len(task) > 1:
                        again.extend([item] for item in task)
                    else:
                        index, source = task[0]
                        code, message = failure
                        done[index] = Scorecard.failed(_path_of(source), None, code, message)
        finally:
            for worker in pool:
                worker.stop(kill=worker.task is not None)

    def _crashed(self, exitcode: int | None) -> tuple[str, str]:
        return "crashed", f"the worker process died (exit code {exitcode}) grading this page"

    def _stuck(self) -> tuple[str, str]:
        return (
            DocumentTimeout.code,
            f"grading took longer than {self.timeout:g} s; the worker was stopped and the page "
            "abandoned",
        )


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
