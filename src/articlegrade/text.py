"""Shared text units: words and sentences, computed the same way by every signal.

Sentences are split with blingfire (Microsoft's compiled sentence breaker), one paragraph at a
time. Measured on the Japan seed (1,170 words): blingfire 0.21 ms, syntok 4.2 ms, pysbd 16 ms; the
three agree on paragraph-internal boundaries here, and speed matters because every page is split once
per grade. Paragraph boundaries are always sentence boundaries.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (letters/digits, inner apostrophes kept: "Japan’s", "don't")."""
    return WORD_RE.findall(text)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order, stripped; [] for an empty paragraph."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    import blingfire

    return [s.strip() for s in blingfire.text_to_sentences(paragraph).split("\n") if s.strip()]
