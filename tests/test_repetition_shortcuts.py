"""repetition: the shortcuts of MTLD/MATTR give the values of the plain computation (MATTR counted
window by window; the lowered tokens taken from the sentences' row only where they are the body's
tokens lowercased)."""

from __future__ import annotations

import math
import random
import re

import pytest

import articlegrade.text
from articlegrade import Article, Paragraph
from articlegrade.signals import repetition


def _plain_mattr(tokens: list[str], window: int) -> float:
    """Mean TTR over every window, the sum of types counted window by window (an exact integer
    divided once, as ``mattr`` does)."""
    if len(tokens) < window:
        return math.nan
    windows = len(tokens) - window + 1
    total = sum(len(set(tokens[s : s + window])) for s in range(windows))
    return total / (windows * window)


def test_mattr_equals_the_window_by_window_count() -> None:
    rng = random.Random(6)
    for size, vocabulary, window in [(50, 5, 50), (51, 60, 50), (400, 40, 50), (300, 3, 7)]:
        for _ in range(5):
            tokens = [f"w{rng.randrange(vocabulary)}" for _ in range(size)]
            expected = _plain_mattr(tokens, window)
            assert repetition.mattr(tokens, window) == expected
            numbers = repetition._numbers(tokens)
            assert repetition.mattr(tokens, window, numbers=numbers) == expected
    assert math.isnan(repetition.mattr(["a"] * 49))


def test_lowercasing_moves_no_token_boundary_outside_the_odd_characters() -> None:
    """What ``_lowers_per_token`` relies on: every code point but "İ" lowercases to one character,
    a word character exactly when it is one; "İ" lowercases to two."""
    chars = "".join(chr(i) for i in range(0x110000) if chr(i) != "İ")
    low = chars.lower()
    assert len(low) == len(chars)
    word = re.compile(r"\w")
    assert [m.start() for m in word.finditer(chars)] == [m.start() for m in word.finditer(low)]
    assert len("İ".lower()) == 2 and not word.match("İ".lower()[1])


def _plain_lowered(article: Article) -> list[str]:
    return [t.lower().replace("’", "'") for t in article.tokens]


BODY = (
    "The old harbour town keeps its fishing boats in the bay all year round. "
    "Every morning the boats leave before the sun rises over the hills. "
    "The fishermen sell their catch at the market near the church square. "
    "Visitors come in summer to watch the boats and eat the fresh fish."
)


@pytest.mark.parametrize(
    ("paragraphs", "row_is_tokens"),
    [
        ((BODY, BODY.replace("boats", "Boats’ nets")), True),
        ((BODY + " İstanbul TRADERS come too.", BODY), False),  # İ: lowers to two characters
        ((BODY + " ΟΔΟΣ.ΑΒ and ΣΑΣ.", BODY), False),  # Σ: the final sigma depends on context
        ((BODY + " Don‘t go.", BODY), False),  # ‘: an inner apostrophe only when straightened
        (("# Harbour life", BODY, BODY), False),  # a heading: its tokens are no sentence's
        ((BODY, "   ", BODY), None),  # a paragraph of no sentence: no row
    ],
)
def test_sentence_row_is_the_lowered_tokens_only_where_it_is_them(
    paragraphs: tuple[str, ...], row_is_tokens: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The values equal the plain ones in every case; the row differs from the lowered tokens in
    each case ``analyze`` does not take it (so the fallback is needed there)."""
    article = Article(
        title="",
        paragraphs=tuple(
            Paragraph(p.removeprefix("# "), is_heading=p.startswith("# ")) for p in paragraphs
        ),
    )
    lowered = _plain_lowered(article)
    assert len(lowered) >= repetition.MATTR_WINDOW
    seen: list[list[str]] = []
    mtld = repetition.mtld

    def spy(tokens: list[str], threshold: float = repetition.MTLD_THRESHOLD) -> float:
        seen.append(list(tokens))
        return mtld(tokens, threshold)

    monkeypatch.setattr(repetition, "mtld", spy)
    values = repetition.measure(article)
    assert seen == [lowered]  # the tokens MTLD saw: the body's, lowercased
    assert values["repetition.mtld"] == mtld(lowered)
    assert values["repetition.mattr"] == _plain_mattr(lowered, repetition.MATTR_WINDOW)
    body = [p.text for p in article.paragraphs if not p.is_heading]
    coded = repetition._unit_codes(article.sentences, body)
    assert coded is not None
    row = coded[3]
    assert (None if row is None else row[0] == lowered) is row_is_tokens
    assert repetition._lowers_per_token(article.text) == (not any(c in article.text for c in "‘Σİ"))


def test_text_tokens_lowercased_are_the_lowercased_text_tokens_with_accents() -> None:
    # the equality _lowers_per_token promises, on text with curly apostrophes and accents
    text = "Japan’s Prime Minister met NATO’s chief; Zürich-based ÉCOLE staff said ‘no’ twice."
    assert repetition._lowers_per_token(text) is False  # (the opening quote ‘)
    text = text.replace("‘", '"')
    assert repetition._lowers_per_token(text)
    assert articlegrade.text.words(repetition._apostrophes(text.lower())) == [
        repetition._apostrophes(t.lower()) for t in articlegrade.text.words(text)
    ]


def test_near_duplicates_without_a_shared_shingle_count_the_eligible_units() -> None:
    units = [
        "The harbour town keeps its fishing boats in the bay all year.",
        "Too short to count.",
        "Every morning the crews leave before the sun rises over the hills.",
    ]
    assert repetition.near_duplicates(units) == (2, 0, [])
    # the same units and a copy of the first: the copy shares every shingle and restates it
    assert repetition.near_duplicates([*units, units[0]]) == (3, 1, [(0, 3, 1.0)])
