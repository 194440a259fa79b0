"""Shared text units: words and sentences, computed the same way by every signal.

Sentences are split with blingfire (Microsoft's compiled sentence breaker), one paragraph at a
time. Measured on the Japan seed (1,170 words): blingfire 0.21 ms, syntok 4.2 ms, pysbd 16 ms; the
three agree on paragraph-internal boundaries here, and speed matters because every page is split once
per grade. Paragraph boundaries are always sentence boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any

#: A word token: a run of word characters, with runs joined by single apostrophes. The repeat is
#: possessive (``*+``, one step less for the regex engine a token): nothing follows it in the
#: pattern, so the greedy repeat never gives anything back and the tokens are those of
#: ``\w+(?:['’]\w+)*`` (tests/test_text_units.py compares the two).
WORD_RE = re.compile(r"\w+(?:['’]\w+)*+")


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (letters/digits, inner apostrophes kept: "Japan’s", "don't")."""
    return WORD_RE.findall(text)


class Memo(dict):
    """A bounded memo of a one-argument function: ``memo[key]`` is ``fn(key)``, computed on the
    first look-up of ``key``. Holding ``size`` keys, it forgets the older half (insertion order).

    A hit is one dict look-up in C (``map(memo.__getitem__, keys)``), without the list that
    ``functools.lru_cache`` reorders on every hit; worth it for a per-token memo."""

    __slots__ = ("fn", "size")

    def __init__(self, fn: Callable[[Any], Any], size: int) -> None:
        super().__init__()
        self.fn, self.size = fn, size

    def __missing__(self, key: Hashable) -> Any:
        if len(self) >= self.size:
            # ``list(self)`` is one C call (no other thread runs during it) and ``pop`` with a
            # default does not fail on a key another thread forgot first: safe with threads.
            for old in list(self)[: max(1, self.size // 2)]:
                self.pop(old, None)
        self[key] = value = self.fn(key)
        return value

    def cache_clear(self) -> None:
        """Forget every key (as ``functools.lru_cache`` does)."""
        self.clear()


@lru_cache(maxsize=1)
def _text_to_sentences() -> Callable[[bytes], bytes]:
    """blingfire's sentence breaker on UTF-8 bytes (loaded on first use).

    It is ``blingfire.text_to_sentences`` without its per-call ``create_string_buffer`` (a new
    ctypes array type for every input length, most of the cost on short paragraphs): the same C
    function, the same output limit of twice the input, the output read up to its first NUL."""
    import ctypes

    import blingfire

    lib = getattr(blingfire, "blingfire", None)
    if lib is None or not hasattr(lib, "TextToSentences"):  # another wrapper layout: its own call

        def fallback(data: bytes) -> bytes:
            return blingfire.text_to_sentences(data.decode("utf-8")).encode("utf-8")

        return fallback
    breaker = lib.TextToSentences
    c_char, c_char_p, c_int, byref = ctypes.c_char, ctypes.c_char_p, ctypes.c_int, ctypes.byref

    def call(data: bytes) -> bytes:
        size = len(data) * 2
        out = bytearray(size)
        n = breaker(c_char_p(data), c_int(len(data)), byref(c_char.from_buffer(out)), c_int(size))
        if n == -1 or n > size:
            return b""
        end = out.find(0)
        return bytes(out if end < 0 else out[:end])

    return call


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order, stripped; [] for an empty paragraph."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    text = _text_to_sentences()(paragraph.encode("utf-8")).decode("utf-8")
    return [s for line in text.split("\n") if (s := line.strip())]


#: The characters besides a letter's two ASCII cases that ``re.IGNORECASE`` matches it with
#: (Python's simple case folding: dotted and dotless I, the Kelvin sign, the long s).
_EXTRA_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}
#: Those characters: where one occurs, lower-casing a text and matching without the flag is not
#: the same as matching with it.
IGNORECASE_ODD = re.compile(f"[{''.join(_EXTRA_CASES.values())}]")


def lowers_like_ignorecase(text: str) -> bool:
    """True when ``text`` holds none of the ``IGNORECASE_ODD`` characters: then an ASCII pattern
    matched with ``re.IGNORECASE`` finds its letters where the lower-cased text holds them in lower
    case, so a key-word test on ``text.lower()`` may stand in for the flag."""
    return text.isascii() or not IGNORECASE_ODD.search(text)


def letter_class(letter: str) -> str:
    """The characters that match one ASCII ``letter`` under ``re.IGNORECASE``, e.g. "sSſ"."""
    low = letter.lower()
    return low + low.upper() + _EXTRA_CASES.get(low, "")


def caseless(pattern: str) -> str:
    """``pattern`` with every ASCII letter written as the class of what ``re.IGNORECASE`` matches it
    with, so that it matches the same without the flag (escapes such as ``\\s`` are kept).

    Without the flag, a pattern that opens with a class lets the regex engine skip ahead to the
    next possible start instead of trying every position."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if not in_class and pattern.startswith("(?P", i):  # a group name is no text
            end = min(j for j in (pattern.find(">", i), pattern.find(")", i)) if j >= 0)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        if in_class:
            if ch == "-" and pattern[i - 1] != "[" and pattern[i + 1] != "]":
                raise ValueError(f"caseless: no ranges in classes: {pattern!r}")
            in_class = ch != "]"
            out.append(letter_class(ch) if ch.isascii() and ch.isalpha() else ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch.isascii() and ch.isalpha():
            out.append(f"[{letter_class(ch)}]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)
