"""The unit the line rules work on: one line of the page, before it is kept or removed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Block:
    """One line of the page: a paragraph, list item, heading or stray label.

    ``kind`` is set when a markup rule already decided it is boilerplate (e.g. a figure caption);
    ``link_share`` is the share of its words that are link text (0 for plain text input).
    """

    text: str
    is_heading: bool = False
    kind: str | None = None
    link_share: float = 0.0


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends.

    (``str.split()`` splits on the characters ``\\s`` matches: this is ``\\s+`` -> " ", stripped.)
    """
    if is_squashed(text):  # most lines of a text: returned as they are, without the split
        return text
    return " ".join(text.split())


def is_squashed(text: str) -> bool:
    """True only when ``squash(text) == text`` (False for some such texts too), told without
    splitting: the only white space in a printable string is the plain space
    (``str.isprintable`` is False for every other character ``str.split`` splits on;
    tests/test_cleaning_speed.py checks this over all of Unicode), so a printable text with no
    double space and no space at either end is its own squash."""
    return (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    )


def word_count(line: str) -> int:
    """``len(line.split())`` of a squashed line (``squash``): its words are joined by single
    spaces, so they are one more than its spaces (0 for the empty line)."""
    return line.count(" ") + 1 if line else 0
