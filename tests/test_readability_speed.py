"""readability's fast paths equal the library calls they stand in for (textstat 0.7.8's punctuation
removal, Pyphen 0.18.1's hyphenation points): each test fails if a new version breaks the copy."""

from __future__ import annotations

import itertools

import pyphen
import textstat
from textstat import backend

from articlegrade.signals import readability as R

TOKENS = (
    "world's",
    "'quoted'",
    "rock'n'roll",
    "e-commerce",
    "“no”,",
    "isn't",
    "isn'",
    "students'",
    "'tis",
    "3.5%",
    "_x_",
    "(a)",
    "–",
    "don't!",
    "y'all's",
    "naïve;",
    "İstanbul.",
    "o'clock",
    "''",
)


def test_punctuation_removal_is_textstats() -> None:
    remove = R._remove_punctuation()
    if textstat.__version__ in ((0, 7, 8), "0.7.8"):
        assert remove.__name__ == "strip" and remove("a-b") == "ab"
    for token in TOKENS:
        assert remove(token) == backend.transformations.remove_punctuation(token, False), token
    # hand-checked: hyphens and quotes go, the apostrophe of a contraction stays
    assert remove("e-commerce") == "ecommerce" and remove("“no”,") == "no"
    assert remove("isn't") == "isn't" and remove("'quoted'") == "quoted"


def test_hyphenation_points_are_pyphens() -> None:
    cmu, points = R._syllable_tables()
    hyphen = backend.utils.get_pyphen(R.LANG)
    if pyphen.__version__ == "0.18.1":
        assert points.__name__ == "count"  # the fast count, not the fallback
    words = sorted(w for w in cmu if w.isascii() and w.isalnum())[::15]  # ~7,800 words
    made_up = ["".join(t) for t in itertools.product("bcaeiourst", repeat=4)][::7]
    assert len(words) > 5000
    for word in [*words, *made_up, "a", "ab", "xyzzyqat", "antidisestablishmentarianism"]:
        assert points(word) == len(hyphen.positions(word)), word
    # Pyphen: "hyphenation" -> hy-phen-ation, two points
    assert points("hyphenation") == len(hyphen.positions("hyphenation")) == 2


def test_syllables_outside_the_cmu_dictionary() -> None:
    cmu, _ = R._syllable_tables()
    for word in ["xyzzyqat", "blorptastic", "qwerty", "frobnicator", "zzz", "blorp's", "zyx'q"]:
        assert word not in cmu
        assert R._syllables(word) == backend.counts.count_syllables(word, R.LANG), word


def test_syllables_of_words_with_apostrophes_or_accents() -> None:
    words = [R._word(t) for t in (*TOKENS, "naïve", "café", "Zoë's", "½", "x²", "déjà-vu")]
    words += ["don't", "world's", "o'clock", "rock'n'roll", "students'", "İstanbul", "a b"]
    for word in filter(None, words):
        assert R._syllables(word) == backend.counts.count_syllables(word, R.LANG), word
    # textstat: "naïve" is no CMU key and Pyphen finds no point in it
    assert R._syllables("don't") == 1 and R._syllables("naïve") == 1 and R._syllables("") == 0


def test_packed_counts_by_hand() -> None:
    # the: 1 syllable, 3 letters, easy; municipal: 4 syllables, 9 letters, not easy
    assert R._unpack(R._word_counts("the")) == (1, 0, 3, 0, 0)
    assert R._unpack(R._word_counts("municipal")) == (4, 1, 9, 1, 1)
    assert R._unpack(R._word_counts("world's")) == (1, 0, 6, 0, 1)
    assert R._easy() == frozenset(backend.utils.get_lang_easy_words(R.LANG))
