"""filler: stock phrases (case, apostrophes, word boundaries, groups) and question headings that
restate the title, on hand-made texts and the two seed pages."""

from __future__ import annotations

import math
import re

import pytest
from conftest import SAMPLES

import articlegrade
from articlegrade import Article, Paragraph
from articlegrade.signals import filler


def _article(*paragraphs: str, title: str = "") -> Article:
    return Article(
        title=title,
        paragraphs=tuple(
            Paragraph(p.removeprefix("# "), is_heading=p.startswith("# ")) for p in paragraphs
        ),
    )


def _seed(name: str) -> Article:
    return articlegrade.clean((SAMPLES / name).read_text(encoding="utf-8"))


def _found(article: Article) -> list[tuple[str, str]]:
    return [
        (h.group, h.text.lower())
        for hits in filler.find_phrases([*article.sentences, *article.headings])
        for h in hits
    ]


def test_names_document_every_value() -> None:
    values = filler.measure(_article("Plain text here."))
    assert list(values) == list(filler.NAMES)
    assert {f"filler.{g}_per_100_words" for g in filler.GROUPS} <= set(values)
    assert all(source for source, _ in filler.GROUPS.values())


def test_rate_per_100_words_by_hand() -> None:
    # 9 + 11 = 20 tokens ("It’s" is one token), 2 phrases: "It’s worth noting" and "delves" -> 10 per 100.
    text = (
        "It’s worth noting that this essay delves into rivers. "
        "Rivers carry water down from green hills to the wide sea."
    )
    article = _article(text)
    assert len(article.tokens) == 20
    result = filler.analyze(article)
    assert result.values["filler.phrases_per_100_words"] == pytest.approx(10.0)
    assert result.values["filler.importance_note_per_100_words"] == pytest.approx(5.0)
    assert result.values["filler.llm_vocabulary_per_100_words"] == pytest.approx(5.0)
    assert result.values["filler.conclusion_per_100_words"] == 0.0
    # 1 of 2 sentences carries a phrase
    assert result.values["filler.sentences_with_phrase_share"] == pytest.approx(0.5)
    assert result.evidence["filler.phrases_per_100_words"] == [
        "[importance_note] It’s worth noting — It’s worth noting that this essay delves into rivers.",
        "[llm_vocabulary] delves — It’s worth noting that this essay delves into rivers.",
    ]


def test_matching_is_case_insensitive_apostrophe_agnostic_and_word_bounded() -> None:
    found = _found(
        _article(
            "IN CONCLUSION, it's important to note this. It’s important to note that too.",
            "The delver delved; undelved things stay. Shelves and delvers are not matches.",
            "In today’s   fast-paced world we ask.",
        )
    )
    assert found == [
        ("conclusion", "in conclusion"),
        ("importance_note", "it's important to note"),
        ("importance_note", "it’s important to note"),
        ("llm_vocabulary", "delved"),
        ("template", "in today’s   fast-paced world"),
    ]


def test_longest_phrase_wins_and_is_counted_once() -> None:
    found = _found(_article("The bridge stands as a testament to the town. In the realm of art."))
    assert found == [
        ("significance", "stands as a testament to"),
        ("significance", "in the realm of"),
    ]


def _reference_phrases(units: list[str]) -> list[list[tuple[str, str]]]:
    """The phrases found the plain way: one case-insensitive alternation, longest phrase first,
    between non-word characters, run on each unit alone."""
    entries = sorted(
        ((g, p) for g, (_, phrases) in filler.GROUPS.items() for p in phrases),
        key=lambda e: -len(e[1]),
    )
    body = "|".join(f"(?P<p{i}>{filler._to_regex(p)})" for i, (_, p) in enumerate(entries))
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return [
        [(entries[int(m.lastgroup[1:])][0], m.group(0)) for m in pattern.finditer(u)] for u in units
    ]


def test_fast_matcher_finds_what_the_plain_alternation_finds() -> None:
    units = [
        "ſtands as a testament to the DELVİNG realm; ultimately-ish, In\nConclusion",
        "Ultimately ultimately",  # two hits side by side
        "xin conclusion in conclusionx _in summary in summary_ 1realm realm1",
        "It’s worth noting. IT‘S WORTH MENTIONING it's   worth\tnoting",
        "plays a crucial role, playing an integral role, PLAYED A key role",
        "in this article, we will; in this guide we'll; in this post,we will",
        "\x00realm\x00",  # the separator of the joined search inside a unit
        "",
        "a myriad of factors requires careful consideration ever-evolving Ever-Evolving",
        "unlock the full potential, unlocking the potential, unlocks the potential",
    ]
    found = [[(h.group, h.text) for h in hits] for hits in filler.find_phrases(units)]
    assert found == _reference_phrases(units)
    assert sum(map(len, found)) == 22
    assert filler.find_phrases([]) == []


@pytest.mark.parametrize(
    "units",
    [
        ["IN CONCLUSION, it’s WORTH noting: A Testament To", "Ultimately; ULTIMATELY"],
        ["İn conclusion, in conclusion", "Delvİng ultimately"],  # İ: lower() is longer
        ["ſhowcases in ſummary, in summary", "in \u212along"],  # long s, Kelvin sign
        ["ΟΔΟΣ in closing Σ", "Ärger: all in all, À la realm"],  # non-ASCII, same length
    ],
)
def test_lowercase_search_finds_what_the_caseless_pattern_finds(units: list[str]) -> None:
    """``find_phrases`` searches the lowercased text where that is the same search: the hits
    (their text taken from the units as written) equal the caseless pattern's."""
    matcher = filler._matcher()
    joined = "\x00" + "\x00".join(units)
    expected = [
        (matcher.groups[m.lastgroup], joined[m.start() + 1 : m.end()])
        for m in filler._caseless().finditer(joined)
    ]
    found = [(h.group, h.text) for hits in filler.find_phrases(units) for h in hits]
    assert found == expected and found


def test_empty_body_is_nan() -> None:
    values = filler.measure(_article())
    assert math.isnan(values["filler.phrases_per_100_words"])
    assert math.isnan(values["filler.sentences_with_phrase_share"])
    assert math.isnan(values["filler.question_headings_restating_title"])  # no title


def test_question_headings_restating_title() -> None:
    article = _article(
        "# Is Korea involved in NATO?",  # korea, involved, nato: 2 of 3 in the title -> yes
        "Text.",
        "# What countries are not in NATO?",  # countries, nato: 1 shared -> no
        "# Korea and Japan in NATO",  # not a question -> no
        "# How does Japan see NATO partners",  # japan, see, nato, partner: 2/4 = 0.5 -> no
        title="Is Japan and Korea part of NATO?",
    )
    result = filler.analyze(article)
    assert result.values["filler.question_headings_restating_title"] == 1.0
    assert result.evidence["filler.question_headings_restating_title"] == [
        "Is Korea involved in NATO? (share 0.67 of its words in the title)"
    ]
    assert math.isnan(
        filler.measure(_article("# Is it?", title="NATO"))[
            "filler.question_headings_restating_title"
        ]
    )


def test_japan_seed() -> None:
    article = _seed("seed-why-is-japan-not-in-nato.txt")
    found = _found(article)
    assert ("llm_vocabulary", "delve") in found
    assert ("vague", "a complex issue") in found
    assert ("vague", "requires careful consideration") in found
    assert ("template", "the question arises") in found
    assert ("template", "in this blog post, we will") in found
    assert ("conclusion", "in conclusion") in found
    assert len(found) == 11
    result = filler.analyze(article)
    assert result.values["filler.phrases_per_100_words"] == pytest.approx(
        100 * 11 / len(article.tokens)
    )
    assert result.values["filler.question_headings_restating_title"] == 0.0
    delve = [e for e in result.evidence["filler.llm_vocabulary_per_100_words"]]
    assert delve == [
        "delve — In this blog post, we will delve into the reasons behind Japan’s absence from "
        "NATO and explore the possible implications of Japan joining NATO."
    ]


def test_korea_seed() -> None:
    article = _seed("seed-is-japan-and-korea-part-of-nato.txt")
    found = _found(article)
    assert found.count(("conclusion", "in conclusion")) == 2
    assert ("significance", "rich cultural heritage") in found
    assert ("template", "in this article, we will") in found
    result = filler.analyze(article)
    assert result.values["filler.question_headings_restating_title"] == 3.0
    assert [
        e.split(" (")[0] for e in result.evidence["filler.question_headings_restating_title"]
    ] == [
        "Is Korea involved in NATO?",
        "Does Japan work with NATO?",
        "Is Japan a member of NATO yes or no?",
    ]
