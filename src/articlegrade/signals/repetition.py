"""``repetition``: the Gopher repetition set, echoes of the title, near-duplicate text, stacked
conclusions and length-robust lexical diversity.

**Gopher (MassiveText) repetition set** (Rae et al. 2021, "Scaling Language Models: Methods,
Analysis & Insights from Training Gopher", Appendix A.1.1 and Table A1). The paper: for lines and
for paragraphs, the fraction that are duplicates and the fraction of characters inside those
duplicates; for n = 2..4 the fraction of characters inside the most frequent n-gram; for n = 5..10
the fraction of characters inside all duplicate n-grams, not counting characters of overlapping
n-grams twice. A document is dropped when any fraction exceeds its Table A1 threshold (given with
each value below). Where the paper is silent we follow datatrove's ``GopherRepetitionFilter``
(a public re-implementation, used here only as a cross-check, not a dependency):

- The text is ``article.text``: the cleaned body, paragraphs (and headings) joined by blank
  lines. Paragraphs are split on runs of 2+ newlines, lines on runs of 1+ newlines, so lines and
  paragraphs coincide unless a paragraph has an inner newline. Every character denominator is
  ``len(article.text)``.
- A line/paragraph is a duplicate when an identical one came before it: the first occurrence is
  not counted, each later copy is (count and characters).
- Words are ``article.tokens`` (``\\w+`` runs with inner apostrophes; punctuation is not a
  token; case kept). datatrove uses NLTK's Treebank tokens, which also make punctuation marks
  tokens; the paper names no tokenizer. With the same tokens our values equal datatrove's.
- Top n-gram (n = 2..4): characters = ``len(" ".join(ngram)) * occurrences`` of the most frequent
  n-gram (ties: the one seen first). Occurrences may overlap (the paper asks for overlap care only
  for 5..10-grams), so in degenerate text such as "a a a a" the value can exceed 1.
- Duplicate n-grams (n = 5..10): scan left to right; an n-gram seen before adds the characters of
  its words (separators not counted) and the scan jumps n words, so no character is counted twice;
  otherwise it is remembered and the scan moves one word. First occurrences are not counted.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress, pairwise

import numpy as np

from ..article import Article
from ..text import WORD_RE, lowers_like_ignorecase, words
from .base import NAN, SignalResult, ratio, window_types

#: Table A1 thresholds of the Gopher paper (a document above any of them is removed).
GOPHER_THRESHOLDS: dict[str, float] = {
    "gopher_dup_line_frac": 0.30,
    "gopher_dup_para_frac": 0.30,
    "gopher_dup_line_char_frac": 0.20,
    "gopher_dup_para_char_frac": 0.20,
    "gopher_top_2gram_char_frac": 0.20,
    "gopher_top_3gram_char_frac": 0.18,
    "gopher_top_4gram_char_frac": 0.16,
    "gopher_dup_5gram_char_frac": 0.15,
    "gopher_dup_6gram_char_frac": 0.14,
    "gopher_dup_7gram_char_frac": 0.13,
    "gopher_dup_8gram_char_frac": 0.12,
    "gopher_dup_9gram_char_frac": 0.11,
    "gopher_dup_10gram_char_frac": 0.10,
}

#: Near-duplicates: word 3-gram shingle sets A, B (lower-cased tokens); a later unit restates an
#: earlier one when the overlap coefficient |A & B| / min(|A|, |B|) >= NEAR_DUP_OVERLAP, i.e. most
#: of the shorter unit's 3-grams recur in the other. Jaccard was tried first: a restatement that adds
#: a clause ("The United States has played a significant role in Japan's defense, as mentioned
#: earlier.") scores only 0.47 against its source, while two short parallel sentences ("Japan is
#: not a member of NATO." / "South Korea is not a member of NATO either.") reach 0.50. Units need
#: >= MIN_SHINGLE_WORDS words (6 shingles), which keeps short parallel sentences out.
SHINGLE_N = 3
NEAR_DUP_OVERLAP = 0.6
MIN_SHINGLE_WORDS = 8
#: MTLD factor threshold (McCarthy & Jarvis 2010) and minimum tokens; MATTR window.
MTLD_THRESHOLD = 0.72
MTLD_MIN_TOKENS = 10
MATTR_WINDOW = 50
#: Titles shorter than this (in words) are not searched for in the body: a one- or two-word title
#: ("Japan") recurs as ordinary vocabulary, not as an echo.
TITLE_ECHO_MIN_WORDS = 3
#: At most this many evidence items per signal.
MAX_EVIDENCE = 20

_CONCLUSION_OPENER = re.compile(
    r"^\s*(?:(?:in\s+conclusion|to\s+conclude|in\s+summary|to\s+summari[sz]e|to\s+sum\s+up"
    r"|in\s+closing|all\s+in\s+all)\b|overall\s*,)",
    re.IGNORECASE,
)
_CONCLUSION_HEADING = re.compile(
    r"^\s*(?:conclusions?|in\s+conclusion|summary|in\s+summary|final\s+thoughts"
    r"|closing\s+thoughts|concluding\s+thoughts|wrapping\s+up|(?:the\s+)?bottom\s+line)\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")

_GOPHER_DOC = " Gopher (Rae et al. 2021, Table A1 threshold {t}); higher = more repetitive."

NAMES: dict[str, str] = {
    "repetition.gopher_dup_line_frac": "lines (split on newlines) identical to an earlier line / "
    "lines; 0..1; NaN for an empty body;" + _GOPHER_DOC.format(t=0.30),
    "repetition.gopher_dup_line_char_frac": "characters of those duplicate lines / characters of "
    "the body; 0..1;" + _GOPHER_DOC.format(t=0.20),
    "repetition.gopher_dup_para_frac": "paragraphs (split on blank lines) identical to an earlier "
    "one / paragraphs; 0..1; equals the line value unless a paragraph has inner newlines;"
    + _GOPHER_DOC.format(t=0.30),
    "repetition.gopher_dup_para_char_frac": "characters of duplicate paragraphs / characters of the "
    "body; 0..1;" + _GOPHER_DOC.format(t=0.20),
    **{
        f"repetition.gopher_top_{n}gram_char_frac": f"characters of the most frequent word {n}-gram "
        f"(its length with spaces x its occurrences) / characters of the body; 0..1 (can exceed 1 "
        f"only for self-overlapping n-grams); NaN under {n} words;"
        + _GOPHER_DOC.format(t=GOPHER_THRESHOLDS[f"gopher_top_{n}gram_char_frac"])
        for n in (2, 3, 4)
    },
    **{
        f"repetition.gopher_dup_{n}gram_char_frac": f"word characters inside repeated word "
        f"{n}-grams (later copies, overlaps counted once) / characters of the body; 0..1;"
        + _GOPHER_DOC.format(t=GOPHER_THRESHOLDS[f"gopher_dup_{n}gram_char_frac"])
        for n in range(5, 11)
    },
    "repetition.title_echo": "times the title recurs: case-insensitive whole-phrase occurrences in "
    "the body (titles of 3+ words) plus lines cleaning removed as kind 'title_echo'; count >= 0; "
    "NaN without a title; higher = SEO title stuffing",
    "repetition.repeated_headings": "headings identical (case, spacing, apostrophes ignored) to an "
    "earlier heading; count >= 0; higher = templated structure",
    "repetition.near_duplicate_sentence_share": "body sentences (8+ words) restating an earlier "
    "one (word 3-gram shingles, overlap coefficient |A&B|/min(|A|,|B|) >= 0.6) / such sentences; "
    "0..1; NaN under 2 such sentences; higher = restated sentences",
    "repetition.near_duplicate_paragraph_share": "body paragraphs (8+ words, headings excluded) "
    "restating an earlier one (same shingle rule as sentences) / such paragraphs; 0..1; NaN under "
    "2 such paragraphs; higher = restated paragraphs",
    "repetition.conclusion_count": "conclusion sections: headings such as 'Conclusion', 'Final "
    "thoughts', plus paragraphs opening with 'In conclusion', 'To conclude', 'In summary', 'To sum "
    "up', 'In closing', 'All in all', 'Overall,' that are not already under a conclusion heading; "
    "count >= 0; more than 1 = stacked machine conclusions",
    "repetition.mtld": "MTLD lexical diversity (McCarthy & Jarvis 2010): mean of forward and "
    "backward tokens / factors, a factor ending when the running type-token ratio falls to 0.72, "
    "the remainder adding (1 - TTR) / 0.28 of a factor; lower-cased body tokens; > 0; NaN under 10 "
    "tokens or when a pass completes no factor and no partial factor; lower = more repetitive "
    "vocabulary; does not fall with length the way TTR does",
    "repetition.mattr": "moving-average type-token ratio (Covington & McFall 2010), window 50 "
    "lower-cased tokens: mean TTR over every 50-token window; 0..1; NaN under 50 tokens; lower = "
    "more repetitive vocabulary",
}


# --- Gopher ---------------------------------------------------------------------------------


def _duplicates(items: Iterable[str]) -> tuple[int, int, int, list[str]]:
    """(items, later copies, characters of later copies, distinct copied items)."""
    seen: set[str] = set()
    total = copies = chars = 0
    copied: dict[str, None] = {}
    for item in items:
        total += 1
        if item in seen:
            copies += 1
            chars += len(item)
            copied[item] = None
        else:
            seen.add(item)
    return total, copies, chars, list(copied)


def _ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    """Every n-gram of ``tokens`` in order (none under n tokens)."""
    return list(zip(*(tokens[i:] for i in range(n)), strict=False))


def _repeated_starts(tokens: Sequence[str], max_n: int) -> dict[int, tuple[list[int], Counter]]:
    """For n = 2..max_n: the start positions whose n-gram could occur twice, and the counts of
    the n-grams at those starts, in order of first occurrence.

    Level 2 first sieves the bigrams with numpy on the tokens' ``hash`` values: equal bigrams
    have equal hash pairs, so a bigram whose pair occurs once in the text occurs once, and only the
    bigrams at the other starts (those that repeat, and any that only share a hash pair by a
    collision) are counted, exactly, as tuples. The bigrams left out occur once.

    An n-gram occurs twice only if its (n-1)-gram prefix and its (n-1)-gram suffix (the one at the
    next start) both do, so level n only looks at the starts i where the (n-1)-grams at i and at
    i + 1 are repeated: in ordinary prose few 4-grams and fewer 5..10-grams repeat, so the work
    shrinks level by level instead of building every n-gram of the text nine times. The n-grams
    left out all occur once (and an n-gram at such a start runs past no end: i + 1 is a start of
    level n - 1)."""
    tokens = tuple(tokens)
    size = len(tokens)
    empty: tuple[list[int], Counter] = ([], Counter())
    if size < 2:
        return dict.fromkeys(range(2, max_n + 1), empty)
    hashes = np.fromiter(map(hash, tokens), np.int64, size)
    keys = hashes[:-1] * 1_000_003 + hashes[1:]  # wraps around on overflow: still equal for equal
    order = np.argsort(keys)
    same = keys[order[1:]] == keys[order[:-1]]
    shared = np.zeros(size - 1, dtype=bool)  # (in sorted order) a key met more than once
    shared[1:] = same
    shared[:-1] |= same
    maybe = np.empty(size - 1, dtype=bool)
    maybe[order] = shared
    candidates: list[int] = np.flatnonzero(maybe).tolist()
    grams = [tokens[i : i + 2] for i in candidates]
    counts = Counter(grams)  # every repeated bigram, in order of first occurrence
    levels: dict[int, tuple[list[int], Counter]] = {2: (candidates, counts)}
    repeated = list(compress(candidates, map((1).__lt__, map(counts.__getitem__, grams))))
    following = set(repeated)
    starts = [i for i in repeated if i + 1 in following]
    for n in range(3, max_n + 1):
        if not starts:  # nothing repeats at this length: nothing longer does
            levels.update(dict.fromkeys(range(n, max_n + 1), empty))
            break
        grams = [tokens[i : i + n] for i in starts]  # the n-gram at each start
        counts = Counter(grams)
        levels[n] = (starts, counts)
        # the starts whose n-gram occurs more than once (1 < count), and of those the ones whose
        # next start is one too
        repeated = list(compress(starts, map((1).__lt__, map(counts.__getitem__, grams))))
        following = set(repeated)
        starts = [i for i in repeated if i + 1 in following]
    return levels


def top_ngram_chars(
    tokens: Sequence[str], n: int, counts: Counter | None = None
) -> tuple[int, tuple[str, ...], int]:
    """Characters of the most frequent n-gram (joined with single spaces, times its count),
    the n-gram and its count; (0, (), 0) under n tokens. Ties go to the n-gram seen first.

    ``counts``, when given, holds the counts of (at least) every repeated n-gram in order of
    first occurrence (``_repeated_starts``); n-grams missing from it occur once."""
    if len(tokens) < n:
        return 0, (), 0
    if counts is None:
        counts = Counter(_ngrams(tokens, n))
    top = counts.most_common(1)  # stable: first-inserted wins a tie
    if top and top[0][1] > 1:
        gram, count = top[0]
    else:  # every n-gram occurs once: the first one wins the tie
        gram, count = tuple(tokens[:n]), 1
    return (sum(map(len, gram)) + n - 1) * count, gram, count


def duplicate_ngram_chars(
    tokens: Sequence[str], n: int, level: tuple[list[int], Counter] | None = None
) -> tuple[int, list[tuple[str, ...]]]:
    """Word characters inside repeated n-grams, overlaps counted once (see module docstring),
    and the repeated n-grams in order of first repeat.

    The scan moves one word at a time and jumps n words after a repeat. An n-gram that occurs
    once in the whole text is never a repeat and never matches a later one, so only the starts of
    n-grams that occur more than once need visiting (``level``: starts and counts as from
    ``_repeated_starts``); between them the scan only steps forward."""
    tokens = tuple(tokens)
    if level is None:
        level = _repeated_starts(tokens, n)[n] if n >= 2 else (list(range(len(tokens))), None)
    starts, counts = level
    if counts is None:
        counts = Counter((t,) for t in tokens)
    seen: set[tuple[str, ...]] = set()
    repeated: dict[tuple[str, ...], None] = {}
    chars = 0
    nxt = 0  # the next start the scan lands on
    for i in starts:
        if i < nxt:
            continue  # jumped over
        gram = tokens[i : i + n]
        if counts[gram] < 2:
            continue  # occurs once: the scan steps over it
        if gram in seen:
            chars += sum(map(len, gram))
            repeated[gram] = None
            nxt = i + n
        else:
            seen.add(gram)
    return chars, list(repeated)


def gopher(text: str, tokens: Sequence[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The Gopher repetition values (keys as in ``GOPHER_THRESHOLDS``) and their evidence."""
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    text = text.strip()
    if not text:
        return {key: NAN for key in GOPHER_THRESHOLDS}, evidence
    size = len(text)
    # Lines and paragraphs are the same split when every run of newlines has 2 or more. The test
    # is stricter: every run has even length (taking out the pairs leaves no newline); a text
    # with an odd run of 3 or more is split twice, to the same result.
    same_split = "\n" not in text.replace("\n\n", "")
    # When, besides, no run has 3 or more, every run is exactly two newlines (the common case:
    # paragraphs joined by blank lines), and splitting at each "\n\n" is splitting at each run.
    pairs_only = same_split and "\n\n\n" not in text
    units = None
    for unit, pattern in (("para", r"\n{2,}"), ("line", r"\n+")):
        if units is None or not same_split:
            units = _duplicates(text.split("\n\n") if pairs_only else re.split(pattern, text))
        total, copies, chars, copied = units
        values[f"gopher_dup_{unit}_frac"] = copies / total
        values[f"gopher_dup_{unit}_char_frac"] = chars / size
        if copied:
            evidence[f"gopher_dup_{unit}_frac"] = copied[:MAX_EVIDENCE]
    levels = _repeated_starts(tokens, 10)
    for n in (2, 3, 4):
        chars, gram, count = top_ngram_chars(tokens, n, levels[n][1])
        values[f"gopher_top_{n}gram_char_frac"] = chars / size if gram else NAN
        if gram:
            evidence[f"gopher_top_{n}gram_char_frac"] = [f"{' '.join(gram)} ×{count}"]
    for n in range(5, 11):
        chars, repeated = duplicate_ngram_chars(tokens, n, levels[n])
        values[f"gopher_dup_{n}gram_char_frac"] = chars / size
        if repeated:
            evidence[f"gopher_dup_{n}gram_char_frac"] = [" ".join(g) for g in repeated][
                :MAX_EVIDENCE
            ]
    return values, evidence


# --- lexical diversity ----------------------------------------------------------------------


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    """Tokens / factors for one direction; NaN when the pass yields no factor at all.

    A new type never lowers the running TTR ((t+1)/(c+1) >= t/c, and float division is monotone),
    so with a threshold under 1 a factor can only end on a repeated token: the ratio is computed
    there and at the end only."""
    if threshold >= 1.0:
        return _mtld_pass_every_token(tokens, threshold)
    factors = 0.0
    types: set[str] = set()
    add = types.add
    count = 0
    for token in tokens:
        count += 1
        if token in types:
            if len(types) / count <= threshold:
                factors += 1
                types = set()
                add = types.add
                count = 0
        else:
            add(token)
    if count:
        factors += (1.0 - len(types) / count) / (1.0 - threshold)
    return len(tokens) / factors if factors else NAN


def _mtld_pass_every_token(tokens: Sequence[str], threshold: float) -> float:
    """``_mtld_pass`` computing the TTR at every token (any threshold)."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    ttr = 1.0
    for token in tokens:
        count += 1
        types.add(token)
        ttr = len(types) / count
        if ttr <= threshold:
            factors += 1
            types = set()
            count = 0
            ttr = 1.0
    if count:
        factors += (1.0 - ttr) / (1.0 - threshold)
    return len(tokens) / factors if factors else NAN


def mtld(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Bidirectional MTLD (McCarthy & Jarvis 2010) of already lower-cased tokens; NaN under
    ``MTLD_MIN_TOKENS`` tokens."""
    if len(tokens) < MTLD_MIN_TOKENS:
        return NAN
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(tokens[::-1], threshold)
    return (forward + backward) / 2


def _numbers(tokens: Sequence[str]) -> np.ndarray:
    """A number for each token, the same for equal tokens only (the index of its first copy)."""
    first: dict[str, int] = {}
    return np.fromiter(map(first.setdefault, tokens, itertools.count()), np.int64, len(tokens))


def mattr(
    tokens: Sequence[str], window: int = MATTR_WINDOW, numbers: np.ndarray | None = None
) -> float:
    """Moving-average type-token ratio over windows of ``window`` tokens; NaN when shorter.
    ``numbers``: the tokens' numbers (``_numbers``), when already known. The windows' types are
    summed exactly, without sliding (``base.window_types``)."""
    size = len(tokens)
    if size < window:
        return NAN
    if numbers is None:
        numbers = _numbers(tokens)
    return window_types(numbers, window) / ((size - window + 1) * window)


# --- near duplicates ------------------------------------------------------------------------


def _apostrophes(text: str) -> str:
    """``text`` with curly apostrophes made straight (two ``str.replace``: faster than
    ``str.translate`` with a dict, same result)."""
    if "’" in text:
        text = text.replace("’", "'")
    if "‘" in text:
        text = text.replace("‘", "'")
    return text


#: Where a text holds one of these, the tokens of the text lowercased (apostrophes straightened)
#: may not be its tokens lowercased: "‘" is a word's inner apostrophe only once straightened,
#: "Σ" lowercases by its neighbours ("ς" at a word's end, which a token alone may seem to be),
#: and "İ" lowercases to "i" and a combining dot, no word character.
_TOKEN_CASE_ODD = "‘Σİ"


def _lowers_per_token(text: str) -> bool:
    """True when ``WORD_RE.findall(_apostrophes(text.lower()))`` is ``text``'s tokens each
    lowercased and straightened: without ``_TOKEN_CASE_ODD``, every character lowercases to one
    character, a word character exactly where it was one (tests/test_repetition_shortcuts.py
    checks every code point), so lowercasing moves no token boundary; "’" is an inner apostrophe
    before and after."""
    return text.isascii() or not any(c in text for c in _TOKEN_CASE_ODD)


class _Shingler:
    """Shingle sets of the units of one article, each text tokenised once.

    The word 3-grams (lower-cased tokens, apostrophes straightened) are stored as numbers: each
    distinct 3-gram gets its own (a new one takes the next number of a counter), so sets of numbers
    compare, intersect and hash like the sets of 3-grams, only cheaper."""

    def __init__(self) -> None:
        self.tokens: dict[str, list[str]] = {}  # text -> its lower-cased tokens
        self.sets: dict[str, frozenset[int]] = {}  # text -> its shingle set
        self.ids: dict[tuple[str, ...], int] = {}
        self.fresh = itertools.count()

    def _tokens(self, text: str) -> list[str]:
        tokens = self.tokens.get(text)
        if tokens is None:
            tokens = self.tokens[text] = WORD_RE.findall(_apostrophes(text.lower()))
        return tokens

    def _set(self, tokens: list[str]) -> frozenset[int]:
        if len(tokens) < MIN_SHINGLE_WORDS:
            return frozenset()
        grams = (
            zip(tokens, tokens[1:], tokens[2:], strict=False)
            if SHINGLE_N == 3
            else _ngrams(tokens, SHINGLE_N)
        )
        return frozenset(map(self.ids.setdefault, grams, self.fresh))

    def __call__(self, text: str) -> frozenset[int]:
        """The shingle set of ``text``."""
        shingles = self.sets.get(text)
        if shingles is None:
            shingles = self.sets[text] = self._set(self._tokens(text))
        return shingles

    def paragraphs(
        self, paragraphs: Sequence[str], sentences: Sequence[str]
    ) -> list[frozenset[int]]:
        """The shingle sets of ``paragraphs``, reusing the tokens of ``sentences`` (their
        sentences, in order) where a paragraph is exactly its next sentences with whitespace
        between them (``_align``). Other paragraphs are tokenised themselves."""
        out: list[frozenset[int]] = []
        for text, span in zip(paragraphs, _align(paragraphs, sentences), strict=True):
            if span is None:
                shingles = self(text)
            elif span[1] - span[0] == 1:
                shingles = self(sentences[span[0]])
            else:
                shingles = self.sets.get(text)
                if shingles is None:
                    parts = sentences[span[0] : span[1]]
                    tokens = [t for part in parts for t in self._tokens(part)]
                    shingles = self.sets[text] = self._set(tokens)
            out.append(shingles)
        return out


def _align(paragraphs: Sequence[str], sentences: Sequence[str]) -> list[tuple[int, int] | None]:
    """For each paragraph, the range (start, end) of ``sentences`` (the paragraphs' sentences, in
    order) that it is exactly, with whitespace between them; None when it is not, or holds no
    sentence (after a paragraph that is not, every paragraph is None). The tokens of such a
    paragraph are those sentences' tokens in order, because lower-casing, the apostrophe map and
    the word pattern all stop at whitespace (the Greek final-sigma rule included)."""
    out: list[tuple[int, int] | None] = []
    k = 0
    synced = True  # sentences[k] is the first sentence of the next paragraph
    for text in paragraphs:
        start = k
        if synced:
            pos = 0
            while k < len(sentences) and text[pos:].strip():
                sentence = sentences[k]
                at = text.find(sentence, pos)
                if at < 0 or not (text[pos:at].isspace() or at == pos == 0):
                    break
                pos = at + len(sentence)
                k += 1
            synced = not text[pos:].strip()
        out.append((start, k) if synced and k > start else None)
    return out


#: Bits of a 3-gram's number in ``_unit_codes`` (numpy's int64 without its sign bit).
_CODE_BITS = 63
#: ``_near_duplicates_coded`` pairs units by numpy while the pairs of units sharing a 3-gram are
#: at most this many per (3-gram, unit) entry plus ``_PAIRS_FREE``; beyond, it hands the units'
#: sets to ``near_duplicates`` (the same values; the bound only keeps the work linear).
_PAIRS_PER_ENTRY = 4
_PAIRS_FREE = 256


def _unit_codes(
    sentences: Sequence[str], paragraphs: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[list[str], np.ndarray] | None] | None:
    """The 3-grams of ``sentences`` and of ``paragraphs`` (the body paragraphs they were split
    from) as numbers in one row, with each unit's range of tokens in that row: (codes, sentence
    bounds, paragraph bounds, row), bounds an array of (start, end) token positions, one row per
    unit, ``codes[k]`` the 3-gram starting at token k. ``row``: when every paragraph is exactly its
    sentences, the sentences' tokens in a row with their numbers (``_numbers``), else None. None
    when the numbers would not fit in ``_CODE_BITS`` bits (or shingles are not 3-grams).

    Tokens are lower-cased, apostrophes straightened (``_Shingler``). Every distinct token gets a
    number below 2**w; a 3-gram is the number of its three tokens' numbers written side by side in
    w bits each (equal 3-grams, equal numbers, and no two distinct 3-grams alike), computed for the
    tokens of all sentences in a row with numpy. A paragraph that is exactly its sentences
    (``_align``) is their range of the row (3-grams across its sentence boundaries included, as in
    its own tokens); paragraphs that are not are tokenised themselves and put after the
    sentences. A unit's 3-grams are ``codes[start : end - 2]`` (none under
    ``MIN_SHINGLE_WORDS`` tokens): the ``_Shingler``'s set, up to the numbering."""
    shingler = _Shingler()
    spans = _align(paragraphs, sentences)
    segments = [shingler._tokens(s) for s in sentences]
    n_sentences = len(segments)
    segments += [
        shingler._tokens(p) for p, span in zip(paragraphs, spans, strict=True) if span is None
    ]
    flat = list(chain.from_iterable(segments))
    width = max(1, len(flat)).bit_length()  # a token's number is below len(flat)
    if 3 * width > _CODE_BITS or SHINGLE_N != 3:
        return None
    ids = _numbers(flat)
    codes = (ids[:-2] << (2 * width)) | (ids[1:-1] << width) | ids[2:]
    starts = list(itertools.accumulate(map(len, segments), initial=0))
    own = iter(range(n_sentences, len(segments)))  # the segments of unaligned paragraphs
    pbounds: list[tuple[int, int]] = []
    for span in spans:
        if span is None:  # its own tokens
            k = next(own)
            pbounds.append((starts[k], starts[k + 1]))
        else:  # its sentences' tokens
            pbounds.append((starts[span[0]], starts[span[1]]))
    sbounds = np.array(list(pairwise(starts[: n_sentences + 1])), dtype=np.int64).reshape(-1, 2)
    return (
        codes,
        sbounds,
        np.array(pbounds, dtype=np.int64).reshape(-1, 2),
        (flat, ids) if len(segments) == n_sentences else None,
    )


def _near_duplicates_coded(
    codes: np.ndarray, kinds: Sequence[np.ndarray], threshold: float = NEAR_DUP_OVERLAP
) -> list[tuple[int, int, list[tuple[int, int, float]]]]:
    """``near_duplicates`` of several lists of units at once, from the units' 3-grams as numbers
    (``_unit_codes``): for each array of (start, end) token bounds in ``kinds``, (eligible units,
    units restating an earlier unit of the same list, the pairs), the same values.

    ``near_duplicates`` pairs each later unit with the earlier unit of highest overlap, ties going
    to the earliest, when that overlap reaches ``threshold`` (its shortcuts for copies give this
    same pair). Here with numpy: every unit's distinct 3-grams sorted by 3-gram; each two units of
    a list that hold the same 3-gram make a pair, and a pair's intersection size is how many
    3-grams made it; the overlap is that over the smaller unit's size (the same float division of
    the same integers); then for each later unit the pair with the highest overlap, then the
    earliest unit."""
    bounds = np.concatenate(kinds) if kinds else np.empty((0, 2), dtype=np.int64)
    kind_of = np.repeat(np.arange(len(kinds)), [len(k) for k in kinds])
    n_units = len(bounds)
    lo = bounds[:, 0]
    stop = np.where(bounds[:, 1] - lo >= MIN_SHINGLE_WORDS, bounds[:, 1] - (SHINGLE_N - 1), lo)
    lengths = stop - lo
    total = int(lengths.sum())
    if not total:
        return [(0, 0, []) for _ in kinds]
    # every unit's 3-grams in unit order: unit u's are codes[lo[u] : stop[u]]
    unit = np.repeat(np.arange(n_units), lengths)
    ends = np.cumsum(lengths)
    code = codes[np.arange(total) + np.repeat(lo - (ends - lengths), lengths)]
    unit_bits = n_units.bit_length()
    if int(code.max()).bit_length() + unit_bits <= _CODE_BITS:
        # one number per (3-gram, unit), the unit in the low bits: sorted, equal 3-grams come
        # together with their units ascending, and a unit's copies of a 3-gram are equal numbers
        both = np.sort((code << unit_bits) | unit)
        if len(both) > 1:  # each (3-gram, unit) once
            both = both[np.concatenate(([True], both[1:] != both[:-1]))]
        code = both >> unit_bits
        unit = both & ((1 << unit_bits) - 1)
    else:  # (the same order, sorting by two keys)
        order = np.lexsort((unit, code))
        code = code[order]
        unit = unit[order]
        fresh = np.ones(total, dtype=bool)  # a unit's first copy of a 3-gram
        fresh[1:] = (code[1:] != code[:-1]) | (unit[1:] != unit[:-1])
        code = code[fresh]
        unit = unit[fresh]
    size = np.bincount(unit, minlength=n_units)  # distinct 3-grams of each unit
    eligible = np.bincount(kind_of[size > 0], minlength=len(kinds)).tolist()
    # groups: the units of one list holding one 3-gram (units ascending); each entry pairs with
    # the entries before it in its group
    kind = kind_of[unit]
    entries = np.arange(len(code))
    head = np.ones(len(code), dtype=bool)
    head[1:] = (code[1:] != code[:-1]) | (kind[1:] != kind[:-1])
    group = np.maximum.accumulate(np.where(head, entries, 0))  # each entry's group's first entry
    earlier = entries - group
    n_pairs = int(earlier.sum())
    if not n_pairs:  # no two units of a list share a 3-gram: none restates another
        return [(e, 0, []) for e in eligible]
    if n_pairs > _PAIRS_PER_ENTRY * len(code) + _PAIRS_FREE:
        # many units share 3-grams (one sentence copied hundreds of times, say): the pairs grow
        # with the square of the copies, while near_duplicates indexes each distinct set once
        row = codes.tolist()
        sets = [frozenset(row[a:b]) for a, b in zip(lo.tolist(), stop.tolist(), strict=True)]
        cuts = np.cumsum([0] + [len(k) for k in kinds]).tolist()
        return [
            near_duplicates(part, threshold, sets=part)
            for part in (sets[a:b] for a, b in pairwise(cuts))
        ]
    later = np.repeat(entries, earlier)
    partner = np.repeat(group - (np.cumsum(earlier) - earlier), earlier) + np.arange(n_pairs)
    keys, inter = np.unique(unit[partner] * n_units + unit[later], return_counts=True)
    first, second = np.divmod(keys, n_units)  # first < second
    overlap = inter / np.minimum(size[first], size[second])
    keep = overlap >= threshold
    if not keep.any():  # (most texts) no unit restates another
        return [(e, 0, []) for e in eligible]
    first, second, overlap = first[keep], second[keep], overlap[keep]
    order = np.lexsort((first, -overlap, second))  # by later unit, highest overlap, earliest unit
    first, second, overlap = first[order], second[order], overlap[order]
    best = np.ones(len(second), dtype=bool)
    best[1:] = second[1:] != second[:-1]
    offsets = np.cumsum([0] + [len(k) for k in kinds]).tolist()
    pairs: list[list[tuple[int, int, float]]] = [[] for _ in kinds]
    for i, j, ov in zip(
        first[best].tolist(), second[best].tolist(), overlap[best].tolist(), strict=True
    ):
        k = int(kind_of[j])
        pairs[k].append((i - offsets[k], j - offsets[k], ov))
    return [(e, len(p), p) for e, p in zip(eligible, pairs, strict=True)]


def near_duplicates(
    units: Sequence[str],
    threshold: float = NEAR_DUP_OVERLAP,
    sets: Sequence[frozenset[int]] | None = None,
) -> tuple[int, int, list[tuple[int, int, float]]]:
    """(eligible units, units restating an earlier unit, the pairs (earlier, later, overlap
    coefficient)); see ``NEAR_DUP_OVERLAP``. A later unit is paired with the earlier unit of
    highest overlap, ties going to the earliest. Candidates come from an inverted index of
    shingles, so only units that share a shingle are compared. ``sets``: the units' shingle
    sets, when already known (from one ``_Shingler``).

    Units with the same shingle set as an earlier unit are not indexed again: each copy has the
    same overlap with any unit, so the earliest copy (the one indexed) is the one a tie picks, and
    a copy's own best is known without a search (overlap 1 with its first copy, or with the
    earliest unit that the first copy itself matched at overlap 1). Repeated text thus keeps the
    candidate lists short."""
    if sets is None:
        sets = list(map(_Shingler(), units))
    index: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}  # indexed unit -> its number of shingles
    first: dict[frozenset[int], int] = {}  # shingle set -> earliest unit with it
    best_of: dict[int, tuple[int, float] | None] = {}  # indexed unit -> its best earlier pair
    eligible = flagged = 0
    pairs: list[tuple[int, int, float]] = []
    # The shingles found in more than one unit: only those can be shared, so only those are
    # indexed and looked up (set operations instead of a dict entry per shingle).
    seen: set[int] = set()
    multi: set[int] = set()
    for shingles in sets:
        multi |= seen & shingles
        seen |= shingles
    if not multi:  # no two units share a shingle (copies would): no unit restates another
        return sum(map(bool, sets)), 0, []
    for j, shingles in enumerate(sets):
        if not shingles:
            continue
        eligible += 1
        k = first.get(shingles)
        best: tuple[int, float] | None = None
        if k is not None:  # a copy: overlap 1.0 (inter == min) with k, the highest possible
            if threshold <= 1.0:
                earlier = best_of[k]
                best = (earlier[0] if earlier is not None and earlier[1] == 1.0 else k, 1.0)
        else:
            size = len(shingles)
            common = shingles & multi
            lists = list(filter(None, map(index.get, common)))  # (no list in it is empty)
            if lists:
                # units sharing shingles with this one -> how many (a list holds a unit once)
                shared = (
                    Counter(chain.from_iterable(lists))
                    if len(lists) > 1
                    else dict.fromkeys(lists[0], 1)
                )
                best_i = -1
                best_ov = 0.0
                for i, inter in shared.items():
                    overlap = inter / min(size, sizes[i])
                    if overlap >= threshold and (
                        best_i < 0 or overlap > best_ov or (overlap == best_ov and i < best_i)
                    ):
                        best_i, best_ov = i, overlap
                if best_i >= 0:
                    best = (best_i, best_ov)
            first[shingles] = j
            best_of[j] = best
            sizes[j] = size
            for postings in lists:  # the lists of the shingles already indexed
                postings.append(j)
            for s in common.difference(index):  # (looks each shingle up in the dict)
                index[s] = [j]
        if best is not None:
            flagged += 1
            pairs.append((best[0], j, best[1]))
    return eligible, flagged, pairs


# --- title, headings, conclusions -----------------------------------------------------------


def _norm(text: str) -> str:
    return _SPACES.sub(" ", _apostrophes(text).lower()).strip()


def _title_core(title: str) -> str | None:
    """The title normalised (``_norm``, final punctuation dropped), or None for titles under
    ``TITLE_ECHO_MIN_WORDS`` words."""
    core = _norm(title).rstrip("?!.:;, ")
    return core if len(words(core)) >= TITLE_ECHO_MIN_WORDS else None


def _title_pattern(title: str) -> re.Pattern[str] | None:
    """Case-insensitive whole-phrase pattern of the title (final punctuation dropped), or None
    for titles under ``TITLE_ECHO_MIN_WORDS`` words. Match it against apostrophe-normalised text."""
    core = _title_core(title)
    if core is None:
        return None
    body = r"\s+".join(re.escape(part) for part in core.split(" "))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _may_echo(core: str, text: str) -> bool:
    """False only when ``_title_pattern`` of a title with this ``core`` cannot match anywhere in
    ``text``, decided without compiling it (a compile costs far more than this check, and most
    titles do not recur).

    The pattern's words are the space-separated parts of ``core`` (lower case). For an ASCII core
    and a text without the characters ``IGNORECASE_ODD`` names, a run of text the pattern matches
    to a part under ``re.IGNORECASE`` is that part in either case, so the lower-cased text holds
    the part itself (``str.lower`` maps ASCII one character to one). Otherwise: True."""
    if not core.isascii() or not lowers_like_ignorecase(text):
        return True
    low = _apostrophes(text).lower()
    return all(part in low for part in core.split(" "))


def _first_words(text: str, n: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:n]) + (" …" if len(parts) > n else "")


def conclusions(article: Article) -> list[str]:
    """Conclusion headings and conclusion-opener paragraphs not already under a conclusion
    heading, as their first words."""
    found: list[str] = []
    in_conclusion = False
    for p in article.paragraphs:
        if p.is_heading:
            in_conclusion = bool(_CONCLUSION_HEADING.match(p.text))
            if in_conclusion:
                found.append(f"heading: {_first_words(p.text)}")
        elif not in_conclusion and _CONCLUSION_OPENER.match(p.text):
            found.append(_first_words(p.text))
    return found


def analyze(article: Article) -> SignalResult:
    """Repetition values and the text behind them."""
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    tokens = article.tokens

    gopher_values, gopher_evidence = gopher(article.text, tokens)
    values |= {f"repetition.{k}": v for k, v in gopher_values.items()}
    evidence |= {f"repetition.{k}": v for k, v in gopher_evidence.items()}

    if article.title.strip():
        echoes = [f"removed: {r.text}" for r in article.removed if r.kind == "title_echo"]
        count = len(echoes)
        core = _title_core(article.title)
        pattern = _title_pattern(article.title) if core and _may_echo(core, article.text) else None
        if pattern is not None:
            for p in article.paragraphs:
                # the apostrophe map is one character to one, so offsets stay valid for p.text
                for m in pattern.finditer(_apostrophes(p.text)):
                    count += 1
                    start, end = max(0, m.start() - 60), m.end() + 60
                    echoes.append(f"body: …{p.text[start:end]}…")
        values["repetition.title_echo"] = float(count)
        if echoes:
            evidence["repetition.title_echo"] = echoes[:MAX_EVIDENCE]
    else:
        values["repetition.title_echo"] = NAN

    seen: set[str] = set()
    repeated: list[str] = []
    for heading in article.headings:
        key = _norm(heading)
        if key in seen:
            repeated.append(heading)
        seen.add(key)
    values["repetition.repeated_headings"] = float(len(repeated))
    if repeated:
        evidence["repetition.repeated_headings"] = repeated[:MAX_EVIDENCE]

    body = [p.text for p in article.paragraphs if not p.is_heading]
    sentences = article.sentences
    coded = _unit_codes(sentences, body)
    if coded is None:  # too many tokens to number 3-grams in 63 bits: shingle sets one by one
        shingler = _Shingler()
        results = [
            near_duplicates(sentences, sets=list(map(shingler, sentences))),
            near_duplicates(body, sets=shingler.paragraphs(body, sentences)),
        ]
        row = None
    else:
        codes, sentence_bounds, paragraph_bounds, row = coded
        results = _near_duplicates_coded(codes, (sentence_bounds, paragraph_bounds))
    for name, units, (eligible, flagged, pairs) in zip(
        ("sentence", "paragraph"), (sentences, body), results, strict=True
    ):
        key = f"repetition.near_duplicate_{name}_share"
        values[key] = ratio(flagged, eligible) if eligible >= 2 else NAN
        if pairs:
            evidence[key] = [f"{units[i]} ⟷ {units[j]} (overlap {ov:.2f})" for i, j, ov in pairs][
                :MAX_EVIDENCE
            ]

    found = conclusions(article)
    values["repetition.conclusion_count"] = float(len(found))
    if found:
        evidence["repetition.conclusion_count"] = found

    # The body's tokens lowercased, apostrophes straightened: the sentences' row of tokens where
    # that is them: no heading, every paragraph exactly its sentences (so its tokens are theirs,
    # see ``_align``) and ``_lowers_per_token`` (the text's tokens lowercased are the tokens of
    # the text lowercased).
    if (
        row is not None
        and len(body) == len(article.paragraphs)
        and len(row[0]) == len(tokens)
        and _lowers_per_token(article.text)
    ):
        lowered, numbers = row
    else:  # tokens never contain a newline: one lower/replace over the joined string
        lowered = _apostrophes("\n".join(tokens).lower()).split("\n") if tokens else []
        numbers = None
    values["repetition.mtld"] = mtld(lowered)
    values["repetition.mattr"] = mattr(lowered, numbers=numbers)
    return SignalResult({name: values[name] for name in NAMES}, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
