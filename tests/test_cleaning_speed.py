"""The text cleaning's shortcuts give the answers of the plain code they stand for.

``squash`` returns a line that is already squashed as it is (told by ``is_squashed``), words of
a squashed line are counted from its spaces (``word_count``), headings test the length first,
and ``_line_kind`` asks all the rules without a gate in one regular expression before asking
them one by one. Each assumption is checked here: over all of Unicode where it is about
characters, and on real lines and pages where it is about the rules.
"""

from __future__ import annotations

import random
import re

from conftest import SAMPLES
from test_rules import KEPT, REMOVED

from articlegrade.cleaning import KINDS, LINE_RULES
from articlegrade.cleaning.blocks import is_squashed, squash, word_count
from articlegrade.cleaning.html import extract_blocks, page_blocks, parse_html
from articlegrade.cleaning.pipeline import (
    _any_fullmatch,
    _line_kind,
    _rules_by_length,
    _text_lines,
    is_heading_line,
)
from articlegrade.source import read_source


def _reference_squash(text: str) -> str:
    return " ".join(text.split())


def test_only_the_plain_space_is_printable_white_space() -> None:
    # ``is_squashed`` rests on this: str.split() splits on no printable character but " ".
    for code in range(0x110000):
        c = chr(code)
        if c.isprintable() and c != " ":
            assert not c.isspace(), hex(code)
            assert len(f"a{c}b".split()) == 1, hex(code)


_PIECES = ["a", "b c", "é", " ", "  ", "\t", "\n", "\r", "\xa0", "\u2003", "\x1c", "\x85", "\u200b"]
_PIECES += ["\u3000", "\u2028", "x y", " z ", "|", "\x00", "ſ"]


def test_squash_and_word_count_are_split_and_join() -> None:
    rng = random.Random(3)
    texts = ["", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\xa0b", "\u2003a", "a b c"]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    squashed_seen = 0
    for text in texts:
        want = _reference_squash(text)
        assert squash(text) == want, repr(text)
        if is_squashed(text):
            squashed_seen += 1
            assert want == text, repr(text)
        assert word_count(want) == len(text.split()), repr(text)
    assert squashed_seen > 100  # the fast path was taken


def _heading_reference(line: str) -> bool:
    """``is_heading_line`` as first written: words counted by splitting, length tested after."""
    words = len(line.split())
    if words == 0 or words > 20 or len(line) > 150:
        return False
    return not line.endswith((".", ",", ";", ":", "!", '."', ".”", ".'", "…", "。", "．", "！"))


def _sample_lines() -> list[str]:
    lines = [line for kind in REMOVED.values() for line in kind] + list(KEPT)
    lines += [example for _, examples in KINDS.values() for example in examples]
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix == ".txt":
            lines += path.read_text(encoding="utf-8").splitlines()
        elif path.suffix == ".html":
            tree = parse_html(read_source(path.read_bytes()).text)
            lines += [b.text for b in page_blocks(tree)]
    return lines


def test_headings_of_squashed_lines() -> None:
    lines = [*_sample_lines(), "a " * 20, "a " * 21, "x" * 150, "x" * 151, "Title:", "Title"]
    headings = 0
    for raw in lines:
        line = squash(raw)
        want = _heading_reference(line)
        assert is_heading_line(line) == want, line
        assert is_heading_line(raw) == _heading_reference(raw), raw
        assert is_heading_line(line, squashed=True) == want, line
        headings += want
    assert headings > 20


def test_text_lines_are_the_squashed_non_empty_lines() -> None:
    text = " Title \n\n  a  b \t c\r\nplain line\n\xa0\n\u2003x\u2003\n|  |\nlast"
    assert _text_lines(text) == [
        _reference_squash(line) for line in text.splitlines() if _reference_squash(line)
    ]


def test_every_block_text_is_squashed() -> None:
    # ``_line_kind`` counts words from spaces: every line it is given must be squashed.
    pages = 0
    for path in sorted(SAMPLES.glob("*.html")):
        text = read_source(path.read_bytes()).text
        blocks = page_blocks(parse_html(text))
        blocks += extract_blocks(parse_html(text), lambda text=text: parse_html(text)) or []
        for block in blocks:
            assert block.text == squash(block.text), (path.name, block.text)
        pages += 1
    assert pages >= 3


def test_one_pattern_stands_for_the_rules_without_a_gate() -> None:
    plain_rules = [rule for rule in LINE_RULES if not (rule.needs or rule.needs_digit)]
    joined = _any_fullmatch(plain_rules)
    assert joined is not None  # every such rule can be joined: fullmatch, IGNORECASE or none
    for n_words, (plain, rules, gated) in enumerate(_rules_by_length()):
        # the shortcut is taken at every length with a rule without a gate
        assert (plain is None) == all(step[2] or step[3] for step in rules), n_words
        assert len(rules) == sum(n_words <= rule.max_words for rule in LINE_RULES)
        assert gated == tuple(step for step in rules if step[2] or step[3])
    lines = [squash(line) for line in _sample_lines()]
    lines += ["VIDEO", "video", "Advertisement", "BY JANE DOE", "by jane doe", "Share this", ""]
    matched = 0
    for line in lines:
        want = any(rule.pattern.fullmatch(line) for rule in plain_rules)
        assert (joined(line) is not None) == want, line
        matched += want
    assert matched > 30


def test_a_rule_that_cannot_be_joined_turns_the_shortcut_off() -> None:
    from articlegrade.cleaning.rules import LineRule

    multiline = LineRule("navigation", re.compile(r"menu", re.IGNORECASE | re.MULTILINE))
    searching = LineRule("navigation", re.compile("menu"), search=True)
    assert _any_fullmatch([LINE_RULES[0], multiline]) is None
    assert _any_fullmatch([LINE_RULES[0], searching]) is None
    referring = LineRule("navigation", re.compile(r"(menu) \1"))
    named = LineRule("navigation", re.compile(r"(?P<w>menu) (?P=w)"))
    assert _any_fullmatch([LINE_RULES[0], referring]) is None
    assert _any_fullmatch([LINE_RULES[0], named]) is None
    assert _any_fullmatch([]) is None


def test_line_kind_is_every_rule_asked_on_the_sample_lines() -> None:
    kinds = 0
    for raw in _sample_lines():
        line = squash(raw)
        n_words = len(line.split())
        want = next((rule.kind for rule in LINE_RULES if rule.matches(line, n_words)), None)
        assert _line_kind(line) == want, line
        kinds += want is not None
    assert kinds > 50
