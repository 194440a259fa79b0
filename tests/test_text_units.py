"""Shared text units: the sentence splitter's blingfire call, per-paragraph sentences, and the
case-insensitive pattern rewriting (``caseless``) that the signal regexes use."""

from __future__ import annotations

import re
import string

import blingfire
import pytest
from conftest import SAMPLES

import articlegrade
from articlegrade import Article, Paragraph
from articlegrade.text import Memo, caseless, letter_class, split_sentences


def _blingfire_split(paragraph: str) -> list[str]:
    """The splitter as it was written on ``blingfire.text_to_sentences``."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    return [s.strip() for s in blingfire.text_to_sentences(paragraph).split("\n") if s.strip()]


EDGE_PARAGRAPHS = [
    "",
    "   ",
    "One.",
    "Mr. Smith went to Washington. Dr. No stayed home! Did he? Yes.",
    "Line one\nline two. Next\n\nparagraph-like text without a stop",
    "Jadi keliru karena Syiah. Bukan dgn 1 mata.\u2060\u2060",
    "そんな用途を考慮してか、Kindleや楽天koboにはアプリが用意されています。今回はその話。",
    "é" * 2_000 + ". Ende.",
    "a\x00b. c.",
]


@pytest.mark.parametrize("paragraph", EDGE_PARAGRAPHS)
def test_split_sentences_is_blingfire_on_edge_cases(paragraph: str) -> None:
    assert split_sentences(paragraph) == _blingfire_split(paragraph)


def test_split_sentences_is_blingfire_on_the_sample_pages() -> None:
    paragraphs = [
        p.text
        for path in sorted(SAMPLES.glob("*.html"))
        for p in articlegrade.clean(path.read_bytes()).paragraphs
    ]
    assert len(paragraphs) > 50
    assert [split_sentences(p) for p in paragraphs] == [_blingfire_split(p) for p in paragraphs]
    assert split_sentences("It rained. We stayed in.") == ["It rained.", "We stayed in."]


def test_paragraph_sentences_line_up_with_paragraphs() -> None:
    article = Article(
        title="T",
        paragraphs=(
            Paragraph("A heading. With two parts.", is_heading=True),
            Paragraph("First one. Second one."),
            Paragraph("   "),
            Paragraph("Third."),
        ),
    )
    assert article.paragraph_sentences == ((), ("First one.", "Second one."), (), ("Third.",))
    assert article.sentences == ("First one.", "Second one.", "Third.")


def test_letter_class_is_what_ignorecase_matches_over_all_of_unicode() -> None:
    everything = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass")
    text = everything.decode("utf-8", "replace")
    for letter in string.ascii_lowercase:
        assert set(re.findall(letter, text, re.IGNORECASE)) == set(letter_class(letter)), letter
    assert letter_class("S") == "sSſ"
    assert letter_class("k") == "kK\u212a"
    assert letter_class("i") == "iIİı"


def test_caseless_rewrites_letters_only() -> None:
    assert caseless(r"\bsa(?P<g1>id)\s+['’]x[a,]") == (
        r"\b[sSſ][aA](?P<g1>[iIİı][dD])\s+['’][xX][aA,]"
    )
    with pytest.raises(ValueError, match="ranges"):
        caseless("[a-z]")


@pytest.mark.parametrize(
    "pattern",
    [r"\b(?:said|says|according to)\b", r"in\s+(?:conclusion|summary),?\s+we", r"it['’]s\b"],
)
def test_caseless_matches_like_ignorecase(pattern: str) -> None:
    text = (
        "SAID ſaid saİd saıd Said. says! According To accordingTo In  CONCLUSION, We in summary we"
        " IT'S it’ſ It’s KELVIN \u212aelvin unsaid"
    )
    plain = re.compile(caseless(pattern))
    flagged = re.compile(pattern, re.IGNORECASE)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in flagged.finditer(text)]
    assert plain.search(text)


WORD_COUNT_TEXTS = [
    "",
    "Japan’s rail network doesn't stop: it's 27,000 km long.",
    "rock 'n' roll, the 'quoted' words' end, o'clock''s, a’’b, x'y'z",
    "snake_case and ‘curly’ ’tis; 3'4\" 12’",
    "Straße, Tōkyō 東京 ٣٤ — l'été d’Orsay's",
]


@pytest.mark.parametrize("text", WORD_COUNT_TEXTS)
def test_article_words_from_tokens_is_the_word_run_count(text: str) -> None:
    """``Article.words`` counts ``\\w+`` runs through the tokens (runs + inner apostrophes)."""
    article = Article(title="", paragraphs=(Paragraph(text), Paragraph("It’s over.")))
    assert article.words == len(re.findall(r"\w+", article.text))


def test_article_words_on_the_sample_pages() -> None:
    for path in sorted(SAMPLES.glob("*.html")):
        article = articlegrade.clean(path.read_bytes())
        assert article.words == len(re.findall(r"\w+", article.text)), path.name


def test_memo_is_the_function_and_stays_bounded() -> None:
    calls: list[str] = []

    def upper(key: str) -> str:
        calls.append(key)
        return key.upper()

    memo = Memo(upper, 4)
    assert list(map(memo.__getitem__, ["a", "b", "a", "c"])) == ["A", "B", "A", "C"]
    assert calls == ["a", "b", "c"]  # a hit does not call the function
    for key in "defgh":
        assert memo[key] == key.upper()
        assert len(memo) <= 4
    memo.cache_clear()
    assert len(memo) == 0 and memo["a"] == "A"


def test_word_tokens_with_the_possessive_repeat_are_the_plain_patterns() -> None:
    """``WORD_RE`` ends in a possessive repeat: the tokens of ``\\w+(?:['’]\\w+)*`` all the same."""
    from articlegrade.text import WORD_RE

    plain = re.compile(r"\w+(?:['’]\w+)*")
    assert WORD_RE.pattern == plain.pattern + "+"
    texts = [*WORD_COUNT_TEXTS, *EDGE_PARAGRAPHS, "a'''b ''a' 'b' c''d’ ’e’f’’g h'_'i"]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for text in texts:
        assert WORD_RE.findall(text) == plain.findall(text), text
