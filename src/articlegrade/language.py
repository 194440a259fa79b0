"""Is this English? The signals and the model are English-only; other languages are marked, not graded.

The test is the share of word tokens that are among the 40 most common English function words.
Running English prose sits near 0.4 and never far below 0.2; German, French, Spanish and
Portuguese share a handful of these spellings ("a", "in", "on", "die" is not one) and sit under 0.08;
scripts without Latin letters sit at 0. Measured in bench/language.py on ../shared/data/quality
(2,900 rows): of the 7 rows judged against their label, 5 are label errors in the data (German and
French texts labelled en, English labelled es) and 2 are English pages that are lists of names and
results, which the grade should not judge as prose either.

Why not a language-identification library: the question here is narrower ("is this English prose
like the model was trained on?"), a list page of English names should fail it, and this test costs
one set lookup per token.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Sequence
from functools import lru_cache

ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "as",
        "was",
        "with",
        "be",
        "by",
        "on",
        "not",
        "he",
        "i",
        "this",
        "are",
        "or",
        "his",
        "from",
        "at",
        "which",
        "but",
        "have",
        "an",
        "they",
        "you",
        "were",
        "her",
        "she",
        "there",
        "been",
        "has",
        "their",
        "we",
    ]
)
#: Below this share of English function words a text is taken as not English.
MIN_SHARE = 0.12
#: Texts shorter than this are not judged (a short list or caption can look like anything).
MIN_TOKENS = 30


def english_share(tokens: Sequence[str]) -> float:
    """Share of tokens that are common English function words; 0..1."""
    if not tokens:
        return 0.0
    return sum(map(_function_word_spellings().__contains__, tokens)) / len(tokens)


@lru_cache(maxsize=1)
def _function_word_spellings() -> frozenset[str]:
    """Every token whose ``str.lower()`` is in ``ENGLISH_FUNCTION_WORDS`` (built on first use), so
    that the share needs no lowercasing: each letter in either ASCII case, or a "k" as the Kelvin
    sign. Besides ASCII letters only the Kelvin sign lowers to an ASCII letter; the dotted capital
    I lowers to "i" and a combining dot, in no function word (tests/test_language.py checks
    this over all of Unicode)."""
    cases = {"k": "kK\u212a"}
    return frozenset(
        "".join(spelling)
        for word in ENGLISH_FUNCTION_WORDS
        for spelling in itertools.product(*(cases.get(c, c + c.upper()) for c in word))
    )


#: Below this share of Latin letters among all letters a text is not English, however short.
MIN_LATIN_SHARE = 0.5

_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def latin_share(tokens: Sequence[str]) -> float:
    """Share of letters that are basic Latin (a-z, A-Z); 1.0 when there are no letters."""
    joined = "".join(tokens)
    if joined.isascii():  # every letter is basic Latin
        return 1.0
    ascii_only = joined.encode("ascii", "ignore")
    latin = len(ascii_only) - len(ascii_only.translate(None, _ASCII_LETTERS))
    letters = latin + sum(map(str.isalpha, "".join(_NON_ASCII.findall(joined))))
    return latin / letters if letters else 1.0


def is_english(tokens: Sequence[str]) -> bool:
    """False for text mostly in another script, or long enough to judge (``MIN_TOKENS``) with too
    few English function words; True otherwise."""
    if latin_share(tokens) < MIN_LATIN_SHARE:
        return False
    n = len(tokens)
    if n < MIN_TOKENS:
        return True
    # ``english_share(tokens) >= MIN_SHARE``, counted in two halves: the count of the first half
    # is at most the whole count, and float division by n keeps that order, so a first half
    # already at the share decides (English prose holds about 0.4, three times the share).
    known = _function_word_spellings().__contains__
    half = n // 2
    hits = sum(map(known, itertools.islice(tokens, half)))
    if hits / n >= MIN_SHARE:
        return True
    return (hits + sum(map(known, itertools.islice(tokens, half, None)))) / n >= MIN_SHARE
