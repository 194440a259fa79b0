"""The cleaned article: what every later stage (signals, features, model, scorecard) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .text import split_sentences, words


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article body: a paragraph, a list item or a heading."""

    text: str
    is_heading: bool = False


@dataclass(frozen=True, slots=True)
class Removal:
    """One line taken out of the page by cleaning.

    ``kind`` names the boilerplate (see ``articlegrade.cleaning.KINDS``); ``rule`` says how it
    was found: ``"line"`` (a text rule on a line of the article), ``"markup"`` (an HTML element
    whose role is boilerplate, such as a figure caption) or ``"extractor"`` (a line readability-lxml
    left out of the article, named by the same rules).
    """

    text: str
    kind: str
    rule: str = "line"


@dataclass(frozen=True)
class Article:
    """A cleaned article.

    ``title`` is the headline ("" when the page has none); ``paragraphs`` the body in reading
    order; ``removed`` every line that cleaning took out, in page order, each with its kind;
    ``source_format`` is ``"html"`` or ``"text"``; ``url`` is what the caller passed.
    """

    title: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removal, ...] = ()
    url: str | None = None
    source_format: str = "text"
    _text: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text", "\n\n".join(p.text for p in self.paragraphs))

    @property
    def text(self) -> str:
        """The body: paragraphs and headings separated by blank lines."""
        return self._text

    @cached_property
    def words(self) -> int:
        """Number of word tokens (``\\w+``) in the body (counted once, cached).

        Counted from ``tokens`` without another pass over the text: a token
        (``\\w+(?:['’]\\w+)*``) is maximal runs of word characters joined by single apostrophes,
        and every maximal run lies in exactly one token, so the runs (``\\w+`` matches) are the
        tokens plus the apostrophes inside them (tests/test_text_units.py holds it to the
        ``\\w+`` count)."""
        inner = "".join(self.tokens)
        return len(self.tokens) + inner.count("'") + inner.count("’")

    @cached_property
    def paragraph_sentences(self) -> tuple[tuple[str, ...], ...]:
        """Sentences of each paragraph, in the order of ``paragraphs`` (``()`` for a heading)."""
        return tuple(
            () if p.is_heading else tuple(split_sentences(p.text)) for p in self.paragraphs
        )

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """Sentences of the body paragraphs (headings excluded), split once and cached."""
        return tuple(s for sentences in self.paragraph_sentences for s in sentences)

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """Word tokens of the whole body (``articlegrade.text.words``), cached."""
        return tuple(words(self._text))

    @property
    def headings(self) -> list[str]:
        """The body's headings, in order."""
        return [p.text for p in self.paragraphs if p.is_heading]

    def to_dict(self) -> dict:
        """A JSON-ready view: title, text, paragraphs and removed lines with their kinds."""
        return {
            "url": self.url,
            "title": self.title,
            "source_format": self.source_format,
            "words": self.words,
            "text": self.text,
            "paragraphs": [{"text": p.text, "heading": p.is_heading} for p in self.paragraphs],
            "removed": [{"text": r.text, "kind": r.kind, "rule": r.rule} for r in self.removed],
        }
