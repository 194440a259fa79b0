"""``contradiction`` family: marker rates, both-sides filler on the seeds, self-contradicting pairs."""

from __future__ import annotations

import json
import math
from itertools import islice

import pytest
from conftest import DATA, SAMPLES, need_shared

import articlegrade
from articlegrade import Article, Paragraph
from articlegrade.signals import contradiction


def _article(*sentences: str) -> Article:
    return Article(title="", paragraphs=(Paragraph(" ".join(sentences)),))


MARKER_TEXT = (
    "However, the plan may work. It could fail, but we tried. While it rained, we stayed inside. "
    "We waited while it rained. The meeting is in May. May 2020 was warm. "
    "Yet the results were not yet clear. Perhaps there are pros and cons. "
    "On the one hand it is cheap; on the other hand it is slow. "
    "Some argue that it is likely to help, although others disagree."
)


def test_marker_counts_match_hand_count() -> None:
    # 69 words. Contrast: However, but, While (opening), Yet (opening), on the other hand,
    # although = 6 ("while it rained" mid-sentence is temporal, "not yet" is not contrast).
    # Hedges: may, could, Perhaps, Some argue, likely = 5 (both capitalised "May" are the month).
    # Both sides: pros and cons, On the one hand = 2.
    article = _article(MARKER_TEXT)
    assert article.words == 69
    values = contradiction.measure(article)
    assert values["contradiction.contrast_per_100_words"] == pytest.approx(600 / 69)
    assert values["contradiction.hedges_per_100_words"] == pytest.approx(500 / 69)
    assert values["contradiction.both_sides_per_100_words"] == pytest.approx(200 / 69)


def test_empty_article_is_nan() -> None:
    values = contradiction.measure(Article(title="", paragraphs=()))
    assert set(values) == set(contradiction.NAMES)
    assert all(math.isnan(v) for v in values.values())


BRIDGE = [
    "The Millford bridge opened in 1998 after six years of construction.",
    "It carries about 20,000 cars a day across the river.",
    "Engineers designed the deck to flex in strong winds.",
    "Local shops say traffic through the town has doubled since then.",
    "The bridge, opened in 2004, is now the longest in the county.",
    "Tolls were removed in 2012.",
]


def test_planted_date_contradiction_is_top_pair() -> None:
    planted = contradiction.analyze(_article(*BRIDGE))
    consistent = BRIDGE.copy()
    consistent[4] = "The bridge is now the longest in the county."
    clean = contradiction.analyze(_article(*consistent))
    assert planted.evidence["contradiction.score"][0] == f"{BRIDGE[0]} ⟷ {BRIDGE[4]}"
    assert planted.values["contradiction.pairs"] == 1.0
    assert planted.values["contradiction.score"] > clean.values["contradiction.score"]
    assert clean.values["contradiction.score"] == 0.0
    assert clean.values["contradiction.pairs"] == 0.0


def test_negation_flip_is_flagged() -> None:
    a = "The museum opened a new wing for modern art last spring."
    b = "The museum did not open a new wing for modern art last spring."
    result = contradiction.analyze(
        _article(
            a, "Visitors can buy tickets online or at the door.", b, "Entry is free on Sundays."
        )
    )
    assert result.evidence["contradiction.score"] == [f"{a} ⟷ {b}"]
    assert result.values["contradiction.pairs"] == 1.0
    assert result.values["contradiction.score"] > 0.5


def test_antonym_flip_is_flagged() -> None:
    a = "Sales of the new phone rose sharply in the first quarter."
    b = "Sales of the new phone fell sharply in the first quarter."
    pairs = contradiction.score_pairs([a, "The company hired more staff.", b])
    assert (pairs[0].i, pairs[0].j) == (0, 2)
    assert pairs[0].conflicts["antonym"] == 1.0


def _seed(name: str) -> Article:
    return articlegrade.clean((SAMPLES / name).read_text(encoding="utf-8"))


def _count(value: float, article: Article) -> float:
    """Markers behind a per-100-words rate (independent of how cleaning counts words)."""
    return round(value * article.words / 100, 6)


def test_japan_seed_both_sides_filler_found() -> None:
    article = _seed("seed-why-is-japan-not-in-nato.txt")
    result = contradiction.analyze(article)
    both = result.evidence["contradiction.both_sides_per_100_words"]
    assert len(both) == 2
    assert "there are potential benefits to Japan joining NATO" in both[0]
    assert "However, there are also potential downsides to Japan joining NATO." in both[0]
    assert both[1] == (
        "While there are potential benefits to Japan joining NATO, there are also potential "
        "downsides."
    )
    values = result.values
    assert _count(values["contradiction.both_sides_per_100_words"], article) == 2
    assert _count(values["contradiction.contrast_per_100_words"], article) == 9
    assert _count(values["contradiction.hedges_per_100_words"], article) == 3


def test_korea_seed_values() -> None:
    article = _seed("seed-is-japan-and-korea-part-of-nato.txt")
    result = contradiction.analyze(article)
    assert result.evidence["contradiction.both_sides_per_100_words"] == [
        "On the other hand, there are also limitations to Japan and South Korea’s partnership "
        "with NATO."
    ]
    values = result.values
    assert _count(values["contradiction.contrast_per_100_words"], article) == 12
    assert _count(values["contradiction.hedges_per_100_words"], article) == 12
    assert 0.0 <= values["contradiction.score"] <= 1.0


def test_markers_match_characters_case_folding_maps_to_ascii() -> None:
    # re.IGNORECASE matches "s" to the long s "ſ" and "k" to the Kelvin sign; the key-word
    # prefilter must not hide such a sentence from the marker patterns.
    article = Article(
        title="", paragraphs=(Paragraph("Deſpite the rain we went out. It is liKely."),)
    )
    values = contradiction.measure(article)
    assert _count(values["contradiction.contrast_per_100_words"], article) == 1
    assert _count(values["contradiction.hedges_per_100_words"], article) == 1


def test_repeated_sentences_pair_like_distinct_ones() -> None:
    # Copies of a sentence share all their stems; the grouped counting must order and cap the
    # pairs exactly as counting every pair does.
    base = [
        "The bridge opened in 1990 after a long delay.",
        "The bridge did not open in 1990 after the delay.",
        "The old bridge closed in 2001 after floods.",
        "Cats like fish.",
    ]
    # 5 copies: every level of equal counts fits under MAX_PAIRS (spelled out and sorted);
    # 30 copies: the first level alone exceeds it (merged, cut at MAX_PAIRS)
    small, _, small_brute = _grouped_and_brute(base * 5)
    assert small == small_brute and 0 < len(small) < contradiction.MAX_PAIRS
    pairs, idf, brute = _grouped_and_brute(base * 30)
    assert pairs == brute[: contradiction.MAX_PAIRS]
    assert len(pairs) == contradiction.MAX_PAIRS
    assert idf["bridge"] == math.log(121 / 90.5)


def _grouped_and_brute(
    sentences: list[str],
) -> tuple[list[tuple[int, int]], dict[str, float], list[tuple[int, int]]]:
    sents = [contradiction._reduce(s) for s in sentences]
    pairs, idf = contradiction.candidate_pairs(sents)
    shared = brute_shared(sents)
    brute = sorted((p for p, c in shared.items() if c >= 2), key=lambda p: (-shared[p], p))
    return pairs, idf, brute


def brute_shared(sents: list) -> dict[tuple[int, int], int]:
    """(i, j) -> content stems sentences i < j share, counted pair by pair, over the stems found
    in 2 to max(3, n // 2) sentences (``candidate_pairs``' limit)."""
    index: dict[str, list[int]] = {}
    for k, s in enumerate(sents):
        for w in s.content:
            index.setdefault(w, []).append(k)
    shared: dict[tuple[int, int], int] = {}
    for postings in index.values():
        if 2 <= len(postings) <= max(3, len(sents) // 2):
            for x in range(len(postings)):
                for y in range(x + 1, len(postings)):
                    key = (postings[x], postings[y])
                    shared[key] = shared.get(key, 0) + 1
    return shared


def _flagged_by_score_pairs(sentences: tuple[str, ...]) -> list[tuple[float, int, int]]:
    return [
        (p.strength, p.i, p.j)
        for p in contradiction.score_pairs(sentences)
        if p.overlap >= contradiction.MIN_OVERLAP and p.strength > 0
    ]


def test_flagged_pairs_equal_score_pairs_on_samples_and_planted_pairs() -> None:
    # analyze() takes its shortcuts (no conflicts below MIN_OVERLAP, negation/number first);
    # score_pairs() computes every conflict of every pair: the flagged pairs must be the same.
    docs = [_seed(p.name).sentences for p in sorted(SAMPLES.glob("*.txt"))]
    docs.append(tuple(BRIDGE))
    docs.append(
        (
            "Sales of the new phone rose sharply in 2020.",
            "Sales of the new phone did not rise in 2021.",
            "Sales of the new phone fell sharply in 2020.",
            "Sales of the new phone rose sharply in 2020.",
        )
    )
    flagged = 0
    for sentences in docs:
        expected = _flagged_by_score_pairs(sentences)
        assert contradiction._flagged(sentences) == expected
        # as analyze() calls it, with each sentence lower-cased (None: no shortcut)
        lowered = [contradiction._lowered(s) for s in sentences]
        assert contradiction._flagged(sentences, lowered) == expected
        flagged += len(expected)
    assert flagged >= 5


def test_flagged_pairs_equal_score_pairs_on_contradoc() -> None:
    path = need_shared(DATA / "contradiction" / "contradoc_truncated.jsonl")
    flagged = 0
    with path.open(encoding="utf-8") as lines:
        for line in islice(lines, 150):
            sentences = articlegrade.clean(json.loads(line)["text"]).sentences
            expected = _flagged_by_score_pairs(sentences)
            assert contradiction._flagged(sentences) == expected
            flagged += len(expected)
    assert flagged >= 50


def test_every_marker_alternative_holds_a_key_word() -> None:
    # A sentence whose lower-cased text holds none of a pattern's key words is never searched
    # with the pattern: every alternative of each pattern must hold one.
    cases = {
        (contradiction._CONTRAST, contradiction._CONTRAST_KEYS): (
            "On the other hand",
            "In spite of rain",
            "Even though",
            "However",
            "Although",
            "Whereas",
            "Despite",
            "Nevertheless",
            "Nonetheless",
            "Conversely",
            "But",
            "Though",
            "We left, while they stayed",
            "And yet",
        ),
        (contradiction._HEDGE, contradiction._HEDGE_KEYS): (
            "Some critics would argue",
            "It is possible",
            "It’s possible",
            "Potentially",
            "Possibly",
            "Perhaps",
            "Arguably",
            "Likely",
            "Might",
            "Could",
            "May",
        ),
        (contradiction._BOTH_FIXED, contradiction._BOTH_FIXED_KEYS): (
            "Pros and cons",
            "Advantages and disadvantages",
            "Benefits and drawbacks",
            "Strengths and weaknesses",
            "Upsides and downsides",
            "On one hand",
        ),
    }
    for (pattern, keys), texts in cases.items():
        for text in texts:
            assert pattern.search(text), text
            assert contradiction._holds(text.lower(), keys), text
        assert not contradiction._holds("the plan works as planned.", keys)


def test_contrast_pattern_without_while_and_yet() -> None:
    # Sentences holding neither "while" nor "yet" are searched with _CONTRAST_WORDS only: the
    # other alternatives of _CONTRAST all need one of those words.
    full, words = contradiction._CONTRAST, contradiction._CONTRAST_NO_WHILE_YET
    rest = full.pattern.removeprefix(contradiction._CONTRAST_WORDS + "|")
    assert rest != full.pattern and words.pattern == contradiction._CONTRAST_WORDS
    alternatives = rest.split(r"(?!\s+\w+ing\b)|")
    assert len(alternatives) == 2
    assert r"\bwhile\b" in alternatives[0] and r"\byet\b" in alternatives[1]
    texts = [s.strip() + "." for s in MARKER_TEXT.split(".") if s.strip()]
    texts += ["But also, as though it rained; even though, on the other   hand, BUT it did."]
    for text in texts:
        if "while" not in text.lower() and "yet" not in text.lower():
            assert words.findall(text) == full.findall(text), text
    assert len(full.findall("We waited, while it rained.")) == 1
    assert not words.findall("We waited, while it rained.")
