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
    return " ".join(text.split())
