"""The English gate: share of common function words and share of basic Latin letters."""

from __future__ import annotations

import pytest

from articlegrade.language import MIN_TOKENS, english_share, is_english, latin_share
from articlegrade.text import words


def test_english_share_by_hand() -> None:
    # the, IS, on, the: 4 of 6 (case does not matter)
    assert english_share(["The", "cat", "IS", "on", "the", "mat"]) == pytest.approx(4 / 6)
    assert english_share([]) == 0.0
    assert english_share(["Über", "straße"]) == 0.0


def test_latin_share_by_hand() -> None:
    # letters T ō k y ō 東 京: 7, of which T k y are basic Latin; digits and "_" are no letters
    assert latin_share(["Tōkyō", "東京", "2024", "_"]) == pytest.approx(3 / 7)
    assert latin_share(["plain", "ASCII"]) == 1.0
    assert latin_share(["2024", "_"]) == 1.0  # no letters
    assert latin_share([]) == 1.0
    assert latin_share(["Привет", "мир", "ok"]) == pytest.approx(2 / 11)


def test_is_english() -> None:
    english = words("The cat sat on the mat and it was happy that the sun was out. " * 3)
    german = words("Die Katze sitzt auf der Matte und sie ist froh, dass die Sonne scheint. " * 3)
    assert len(english) >= MIN_TOKENS and len(german) >= MIN_TOKENS
    assert is_english(english)
    assert not is_english(german)
    assert is_english(german[: MIN_TOKENS - 1])  # too short to judge by function words
    assert not is_english(words("これは日本語の文章です。東京は大きい。"))  # another script


def test_english_share_needs_no_lowercasing() -> None:
    """The share counts spellings of the function words in any case, as lowercasing would."""
    from articlegrade.language import ENGLISH_FUNCTION_WORDS, _function_word_spellings

    tokens = ["THE", "tHe", "İS", "ıs", "Is", "WHICH", "wHiCh", "the’s", "Über", "ſhe", "of"]
    assert english_share(tokens) == sum(t.lower() in ENGLISH_FUNCTION_WORDS for t in tokens) / 11
    assert english_share(tokens) == 6 / 11
    spellings = _function_word_spellings()
    assert all(s.lower() in ENGLISH_FUNCTION_WORDS for s in spellings)
    # the characters besides ASCII letters that lower to ASCII: only the dotted I (with a
    # combining dot, so never a function word) and the Kelvin sign ("k", taken in both cases)
    odd = [
        c
        for c in map(chr, range(0x110000))
        if not c.isascii() and any(ch.isascii() and ch.isalpha() for ch in c.lower())
    ]
    assert odd == ["\u0130", "\u212a"]
    assert all("\u0130".lower() not in w for w in ENGLISH_FUNCTION_WORDS)


def test_is_english_in_two_halves_is_the_share_test() -> None:
    """``is_english`` may stop after the first half of the tokens: never with another answer
    than the share of all of them, at every length and split of the hits around the bound."""
    from articlegrade.language import MIN_LATIN_SHARE, MIN_SHARE

    def reference(tokens: list[str]) -> bool:
        if latin_share(tokens) < MIN_LATIN_SHARE:
            return False
        return len(tokens) < MIN_TOKENS or english_share(tokens) >= MIN_SHARE

    decided_early = 0
    for n in [*range(MIN_TOKENS - 2, 80), 100, 101, 250, 407, 1000]:
        bound = next(c for c in range(n + 1) if c / n >= MIN_SHARE)
        for hits in {0, 1, bound - 1, bound, bound + 1, n // 2, n}:
            if not 0 <= hits <= n:
                continue
            for first_half in {0, hits // 2, min(hits, n // 2)}:
                second = hits - first_half
                if second > n - n // 2:
                    continue
                tokens = ["the"] * first_half + ["cat"] * (n // 2 - first_half)
                tokens += ["of"] * second + ["dog"] * (n - n // 2 - second)
                assert is_english(tokens) == reference(tokens), (n, hits, first_half)
                decided_early += first_half / n >= MIN_SHARE
    assert decided_early > 50
    assert is_english(("The", "cat") * 40) and not is_english(("Katze",) * 80)
