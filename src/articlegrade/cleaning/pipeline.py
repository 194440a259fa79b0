"""``clean()``: source -> Article. HTML goes through readability-lxml first; then the same line
rules run on the lines of both HTML and plain-text input, so both paths clean alike."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache

import lxml.html

from ..article import Article, Paragraph, Removal
from ..errors import NoArticleError
from ..source import read_source
from ..text import lowers_like_ignorecase
from .blocks import Block, squash, word_count
from .html import extract_blocks, page_blocks, page_title, parse_html
from .rules import LINE_RULES

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_NORM = re.compile(r"[\W_]+")
# A heading in plain text: a short line that does not end like a sentence or a clause.
_HEADING_MAX_WORDS = 20
_SENTENCE_END = (".", ",", ";", ":", "!", '."', ".”", ".'", "…", "。", "．", "！")
# Scripts written without spaces have one "word" a line: bound headings by characters too.
_HEADING_MAX_CHARS = 150
# A line that is all link text and reads as a headline (5..30 words, not a URL) is a teaser
# pointing to another article: related links, wherever the site put them.
_LINK_ONLY_SHARE = 0.99
_LINK_HEADLINE_WORDS = (5, 30)
_URLISH = re.compile(r"https?://|www\.|@|\.(?:com|org|net)\b", re.IGNORECASE)


def clean(source: str | bytes | os.PathLike, url: str | None = None) -> Article:
    """Clean a page or a text into an Article with every removed line recorded with its kind.

    ``source`` is content (``str``), a raw page (``bytes``) or a file (``os.PathLike``); HTML and
    plain text are told apart automatically. Raises ``InputError`` / ``NotTextError`` for input
    that cannot be read as text and ``NoArticleError`` when no article body is left.
    """
    doc = read_source(source)
    if doc.is_html:
        tree = parse_html(doc.text)
        if tree is None:
            raise NoArticleError("the page is empty")
        title, title_tag = page_title(tree)
        page = page_blocks(tree)  # before readability, which mutates the tree
        # The tree is not read again: readability may use it up (a second pass parses anew).
        blocks = extract_blocks(tree, lambda: _reparse(doc.text)) or page
        dropped = _dropped_boilerplate(page, blocks, title) if blocks is not page else []
        return _finish(blocks, title, title_tag, url, "html", dropped)
    blocks = [
        Block(line, is_heading=is_heading_line(line, squashed=True))
        for line in _text_lines(doc.text)
    ]
    return _finish(blocks, None, "", url, "text")


def _reparse(text: str) -> lxml.html.HtmlElement:
    """The page parsed again: the same tree as the first parse (which gave one)."""
    tree = parse_html(text)
    if tree is None:  # cannot happen: the same text gave a tree the first time
        raise NoArticleError("the page is empty")
    return tree


def is_heading_line(line: str, squashed: bool = False) -> bool:
    """True for a plain-text line that reads as a heading: short, not ending like a sentence.
    ``squashed``: the line is known to be squashed (``squash``), so its words are counted by its
    spaces instead of splitting it."""
    if len(line) > _HEADING_MAX_CHARS:  # (tested first: most lines of a text are longer)
        return False
    words = word_count(line) if squashed else len(line.split())
    if words == 0 or words > _HEADING_MAX_WORDS:
        return False
    return not line.endswith(_SENTENCE_END)


def is_link_headline(block: Block) -> bool:
    """True for a line that is wholly link text and reads as a headline: a teaser link."""
    if block.link_share < _LINK_ONLY_SHARE:
        return False
    lo, hi = _LINK_HEADLINE_WORDS
    return lo <= len(block.text.split()) <= hi and not _URLISH.search(block.text)


def _text_lines(text: str) -> list[str]:
    """The lines of a text, squashed, the empty ones left out."""
    return [line for line in map(squash, text.splitlines()) if line]


def normalize(line: str) -> str:
    """Case-folded words of a line, for comparing a line with the title."""
    return _NORM.sub(" ", line.casefold()).strip()


def rule_kind(line: str) -> str | None:
    """The boilerplate kind of one line by the line rules, or None for content."""
    return _line_kind(squash(line))


def _line_kind(line: str) -> str | None:
    """``rule_kind`` of a line already squashed (every block's text is: ``squash`` makes the lines
    of a text and of a page), so its words are counted without splitting it."""
    n_words = word_count(line)
    by_length = _rules_by_length()
    if n_words >= len(by_length):
        return None
    plain, rules, gated = by_length[n_words]
    if plain is not None and plain(line) is None:
        # No rule without a gate fullmatches the line (most lines: prose), so the first rule
        # that says yes, if any, is a gated one: only those are asked, in rule order.
        rules = gated
    # A rule with ``needs`` is asked only of a line holding one of them, looked for in the line
    # lower-cased: what IGNORECASE matches an ASCII letter with, but on a line with one of the
    # characters it also matches ASCII letters with (IGNORECASE_ODD), where no rule is skipped.
    low = None
    digit = None
    for kind, match, needs, needs_digit in rules:
        if needs:
            if low is None:
                low = line.lower() if lowers_like_ignorecase(line) else ""
            if low:
                for need in needs:
                    if need in low:
                        break
                else:
                    continue
        if needs_digit:
            if digit is None:
                digit = _DIGIT.search(line) is not None
            if not digit:
                continue
        if match(line) is not None:
            return kind
    return None


_Step = tuple[str, Callable[[str], object], tuple, bool]


@lru_cache(maxsize=1)
def _rules_by_length() -> tuple[
    tuple[Callable[[str], object] | None, tuple[_Step, ...], tuple[_Step, ...]], ...
]:
    """For each line length in words, ``(plain, rules, gated)``: ``rules`` are the rules that may
    judge such a line, in rule order, as ``(kind, match, needs, needs_digit)`` with ``match`` the
    rule's ``fullmatch`` or ``search`` (a rule whose ``max_words`` is below the length is left
    out, as ``LineRule.matches`` says no for it); ``gated`` those of them with ``needs`` or
    ``needs_digit``; ``plain`` the ``fullmatch`` of one pattern that fullmatches a line exactly
    when one of the other rules does (None when there is none to join)."""
    longest = max(rule.max_words for rule in LINE_RULES)
    out = []
    for n_words in range(longest + 1):
        chosen = [rule for rule in LINE_RULES if n_words <= rule.max_words]
        rules = tuple(
            (
                rule.kind,
                rule.pattern.search if rule.search else rule.pattern.fullmatch,
                rule.needs,
                rule.needs_digit,
            )
            for rule in chosen
        )
        gated = tuple(step for step in rules if step[2] or step[3])
        plain = _any_fullmatch([rule for rule in chosen if not (rule.needs or rule.needs_digit)])
        out.append((plain, rules, gated))
    return tuple(out)


#: A back-reference or a named group in a pattern: ``_any_fullmatch`` does not join such a rule.
_REFERENCE = re.compile(r"\\[1-9]|\(\?P[<=]|\(\?<[A-Za-z_]")


def _any_fullmatch(rules: list) -> Callable[[str], object] | None:
    """``fullmatch`` of the alternation of the rules' patterns, each in a group with its own case
    flag: it matches a line exactly when one of them fullmatches it (an alternation backtracks
    into every branch before it fails), in one call instead of one a rule. None when a rule
    searches, carries a flag besides IGNORECASE, or has a group a reference could name (joined,
    the groups would be numbered anew), or there are no rules."""
    branches = []
    for rule in rules:
        flags = rule.pattern.flags & ~re.UNICODE
        if rule.search or flags & ~re.IGNORECASE or _REFERENCE.search(rule.pattern.pattern):
            return None
        scope = "?i:" if flags & re.IGNORECASE else "?-i:"
        branches.append(f"({scope}{rule.pattern.pattern})")
    return re.compile("|".join(branches)).fullmatch if branches else None


def _dropped_boilerplate(
    page: list[Block], content: list[Block], title: str
) -> list[tuple[float, Removal]]:
    """Named boilerplate that readability dropped from the article: lines of the page from the
    headline on that are not in the extracted content and that a line rule or a role names.

    Page chrome with no name (menus, sidebars of headlines) is not listed. Each removal gets a
    position between the content blocks around it, so ``removed`` stays in page order.
    """
    kept = {}
    for i, block in enumerate(content):
        kept.setdefault(block.text, i)
    start = None
    if title:
        headline = normalize(title)
        start = next((i for i, b in enumerate(page) if normalize(b.text) == headline), None)
    if start is None:
        start = next((i for i, b in enumerate(page) if b.text in kept), 0)
    out: list[tuple[float, Removal]] = []
    position = -0.5
    for block in page[start:]:
        if block.text in kept:
            position = kept[block.text]
            continue
        kind = block.kind or _line_kind(block.text)
        if kind is not None:
            out.append((position + 0.5, Removal(block.text, kind, "extractor")))
    return out


def _finish(
    blocks: list[Block],
    title: str | None,
    title_tag: str,
    url: str | None,
    fmt: str,
    dropped: list[tuple[float, Removal]] | None = None,
) -> Article:
    removed: list[tuple[float, Removal]] = list(dropped or ())  # (position on the page, removal)
    kept: list[tuple[int, Block]] = []
    for i, block in enumerate(blocks):
        if block.kind is not None:
            removed.append((i, Removal(block.text, block.kind, "markup")))
            continue
        if is_link_headline(block):
            removed.append((i, Removal(block.text, "related_links", "markup")))
            continue
        kind = _line_kind(block.text)
        if kind is not None:
            removed.append((i, Removal(block.text, kind)))
        else:
            kept.append((i, block))

    if title is None:  # plain text: the first line is the title when it reads as a heading
        title = ""
        if len(kept) > 1 and kept[0][1].is_heading:
            title = kept.pop(0)[1].text
    elif kept and normalize(kept[0][1].text) == normalize(title):
        kept.pop(0)  # the headline at the top of the body is the title, not body text

    if fmt == "text" and kept and all(b.is_heading for _, b in kept):
        # Headings only make sense above paragraphs: a text of short lines (a list, a
        # schedule) is body text, not a run of headings.
        kept = [(i, Block(b.text, is_heading=False)) for i, b in kept]

    echoes = {normalize(t) for t in (title, title_tag) if t}
    echoes.discard("")
    paragraphs: list[Paragraph] = []
    for i, block in kept:
        if echoes and normalize(block.text) in echoes:
            removed.append((i, Removal(block.text, "title_echo")))
        else:
            paragraphs.append(Paragraph(block.text, block.is_heading))

    removals = tuple(r for _, r in sorted(removed, key=lambda pair: pair[0]))
    if not any(not p.is_heading and _WORD.search(p.text) for p in paragraphs):
        what = "only boilerplate" if removals else "no text"
        raise NoArticleError(f"no article body left after cleaning ({what})", removals)
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        removed=removals,
        url=url,
        source_format=fmt,
    )
