"""readability-lxml's summary of a parsed page, the same summary in fewer Python steps.

``Document(tree).summary()`` first runs lxml_html_clean's ``Cleaner`` over a copy of the page
(readability's ``html_cleaner``: scripts, styles, ``<link>``, comments, processing instructions,
``on*`` and ``style`` attributes and ``javascript:`` links go). That pass was about a third of the
summary's time, most of it ``rewrite_links`` asking every element for each of 16 link attributes.
``_clean_copy`` makes the same tree in one pass over the copy, with the same lxml calls on the
same nodes in the same order; pages it does not cover (``<object>``, ``<param valuetype="ref">``,
``<meta http-equiv="refresh">``) go through the Cleaner itself. A few of readability's steps are
also run as copies that give the same answers faster: its "unlikely candidate" test asked once of
all class / id strings, its block-tag test on one serialisation per div, its ``clean(text)`` with
the substitutions skipped when they cannot change the text, its debug lines formatted only when
debug logging is on.

The short path is used only with the readability-lxml version it was checked against (the same
summary on the Zyte pages and on pages built to take every branch, ``tests/test_zyte.py``); with
any other version, or another cleaner setting, readability runs as is.
"""

from __future__ import annotations

import copy
import logging
import re
import sys
import warnings
from bisect import bisect_right
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from itertools import accumulate
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import defs

#: readability-lxml versions whose ``Document._parse`` and ``html_cleaner`` the short path copies.
CHECKED_VERSIONS = frozenset({"0.9"})

#: The settings of readability's ``html_cleaner`` that ``_clean_copy`` reproduces.
_CLEANER_SETTINGS = {
    "scripts": True,
    "javascript": True,
    "comments": True,
    "style": True,
    "inline_style": True,
    "links": True,
    "meta": False,
    "page_structure": False,
    "processing_instructions": True,
    "embedded": False,
    "frames": False,
    "forms": False,
    "annoying_tags": False,
    "remove_tags": None,
    "allow_tags": (),
    "kill_tags": (),
    "remove_unknown_tags": False,
    "safe_attrs_only": False,
    "add_nofollow": False,
}

_LINK_ATTRS = defs.link_attrs
_XHTML = f"{{{lxml.html.XHTML_NAMESPACE}}}"
_HIDDEN_OR_STYLED = etree.XPath("//*[@hidden or @style]")
# A pattern that is an alternation of lower-case words (what ``_matching`` may lower-case for).
_WORDS = re.compile(r"[a-z-]+(?:\|[a-z-]+)*")
# lxml_html_clean's ``_possibly_malicious_schemes`` pattern, and the schemes it finds.
_SCRIPT_SCHEME_PATTERN = (
    "(javascript|jscript|livescript|vbscript|data|about|mocha):",
    re.IGNORECASE | re.UNICODE,
)
_SCRIPT_SCHEMES = tuple(
    f"{name}:"
    for name in ("javascript", "jscript", "livescript", "vbscript", "data", "about", "mocha")
)
_KILL_TAGS = frozenset({"script", "style", "link"})


def summary_html(tree: lxml.html.HtmlElement) -> str:
    """readability-lxml's ``Document(tree).summary(html_partial=True)``; mutates ``tree`` as
    readability does (hidden elements are dropped). Raises what readability raises."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # No url: readability would only use it to make links absolute, and we read text.
        return _document_class()(tree).summary(html_partial=True)


@lru_cache(maxsize=1)
def _document_class() -> type:
    """readability's ``Document``, or a subclass with the short clean-up pass when the installed
    readability-lxml and its cleaner are the ones it was checked against."""
    from readability import Document
    from readability.cleaners import html_cleaner

    try:
        installed = version("readability-lxml")
    except PackageNotFoundError:
        return Document
    # The Cleaner's own test for a script scheme in a link (lxml_html_clean's module helpers).
    module = sys.modules.get(type(html_cleaner).__module__)
    unquote = getattr(module, "unquote_plus", None)
    white_space = getattr(module, "_substitute_whitespace", None)
    schemes = getattr(module, "_possibly_malicious_schemes", None)
    if (
        installed not in CHECKED_VERSIONS
        or None in (unquote, white_space, schemes)
        or getattr(schemes, "__self__", None) is None
        or (schemes.__self__.pattern, schemes.__self__.flags) != _SCRIPT_SCHEME_PATTERN
        or any(
            getattr(html_cleaner, name, object()) != value
            for name, value in _CLEANER_SETTINGS.items()
        )
    ):
        return Document
    from readability.debug import describe
    from readability.readability import REGEXES, log

    if not (
        _WORDS.fullmatch(REGEXES["unlikelyCandidatesRe"].pattern)
        and REGEXES["unlikelyCandidatesRe"].flags & re.IGNORECASE
        and REGEXES["divToPElementsRe"].pattern == r"<(blockquote|dl|div|img|ol|p|pre|table|ul)"
    ):
        return Document
    from lxml.etree import tostring, tounicode
    from lxml.html import fragment_fromstring

    display_none = REGEXES["displayNoneRe"]

    def scheme_test(text: str) -> bool:
        text = white_space("", unquote(text))
        if text.isascii():  # re.IGNORECASE on ASCII: lower case and look for each scheme
            text = text.lower()
            return any(scheme in text for scheme in _SCRIPT_SCHEMES)
        return bool(schemes(text))

    class ShortCleanDocument(Document):
        """``Document`` whose ``_parse`` of an lxml tree gives the same tree in fewer steps."""

        #: The Cleaner's test for a script scheme in a link (see ``_scripted``).
        has_scheme = staticmethod(scheme_test)

        def _parse(self, input: Any) -> Any:
            if not isinstance(input, lxml.html.HtmlElement):
                return super()._parse(input)
            # readability 0.9's _parse, with html_cleaner.clean_html(doc) -> _clean_copy(doc)
            doc = input
            self.encoding = "utf-8"
            # One search for both steps: with nothing hidden dropped, the styled elements are
            # the ones found; else they are looked for again, as readability does.
            marked = _HIDDEN_OR_STYLED(doc)
            hidden = [elem for elem in marked if elem.get("hidden") is not None]
            for elem in hidden:  # doc.xpath("//*[@hidden]")
                elem.drop_tree()
            for elem in doc.xpath("//*[@style]") if hidden else marked:
                if display_none.search(elem.get("style")):
                    elem.drop_tree()
            doc, bases = _clean_copy(doc, html_cleaner, scheme_test)
            if self.url:
                doc.make_links_absolute(
                    self.url, resolve_base_href=True, handle_failures=self.handle_failures
                )
            elif bases is None:
                doc.resolve_base_href(handle_failures=self.handle_failures)
            else:  # resolve_base_href with the <base href> elements _clean_copy met
                base_href = None
                for base in bases:
                    base_href = base.get("href")
                    base.drop_tree()
                if base_href:
                    doc.make_links_absolute(
                        base_href, resolve_base_href=False, handle_failures=self.handle_failures
                    )
            return doc

        def remove_unlikely_candidates(self) -> None:
            # readability 0.9's, with its "unlikely" test asked once of all class / id strings
            # joined (its words cannot span the NUL between two strings), not once per element.
            unlikely = REGEXES["unlikelyCandidatesRe"]
            maybe = REGEXES["okMaybeItsACandidateRe"]
            elems = self.html.xpath(".//*[@class or @id]")  # findall(".//*") with a "class id"
            strings = ["{} {}".format(e.get("class", ""), e.get("id", "")) for e in elems]
            for i in _matching(strings, unlikely):
                elem, s = elems[i], strings[i]
                if len(s) < 2:
                    continue
                if (
                    not maybe.search(s)
                    and elem.tag not in ["html", "body"]
                    and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
                    and not elem.xpath(
                        "descendant-or-self::main | descendant-or-self::article | "
                        "descendant-or-self::math"
                    )
                ):
                    elem.drop_tree()

        def transform_misused_divs_into_paragraphs(self) -> None:
            # readability 0.9's. Its first test serialises each child of a div and looks for a
            # block tag in str(b"".join(...)) (the repr of the UTF-8 bytes); here the div is
            # serialised once and searched past its own "<div" with the same pattern on bytes:
            # the div's own attributes and text escape "<", so the same tags are found.
            block_tags = _bytes_pattern(REGEXES["divToPElementsRe"])
            for elem in self.tags(self.html, "div"):
                if not block_tags.search(tostring(elem, encoding="utf-8", with_tail=False), 1):
                    elem.tag = "p"

            for elem in self.tags(self.html, "div"):
                children = list(elem)
                paragraph = None
                if elem.text and elem.text.strip():
                    p = fragment_fromstring("<p/>")
                    p.text = elem.text
                    elem.text = None
                    elem.insert(0, p)
                    paragraph = p

                for child in children:
                    if child.tag == "br":
                        paragraph = None
                        continue
                    if child.tag not in _INLINE_TAGS or REGEXES["divToPElementsRe"].search(
                        tounicode(child, method="html")
                    ):
                        paragraph = None
                        continue
                    if paragraph is None:
                        paragraph = fragment_fromstring("<p/>")
                        child.addprevious(paragraph)
                    paragraph.append(child)

                for pos, child in reversed(list(enumerate(elem))):
                    if child.tail and child.tail.strip():
                        p = fragment_fromstring("<p/>")
                        p.text = child.tail
                        child.tail = None
                        elem.insert(pos + 1, p)
                    if child.tag == "br":
                        child.drop_tree()

        def get_link_density(self, elem: Any) -> float:
            # readability 0.9's, with its text_length(e) = len(clean(e.text_content() or "")).
            link_length = 0
            for i in elem.findall(".//a"):
                link_length += len(_clean_text(i.text_content() or ""))
            total_length = len(_clean_text(elem.text_content() or ""))
            return float(link_length) / max(total_length, 1)

        def score_paragraphs(self) -> dict:
            # readability 0.9's, with clean() -> _clean_text() and its debug line (which
            # describes every candidate) formatted only when debug logging is on.
            min_len = self.min_text_length
            candidates: dict = {}
            ordered = []
            for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
                parent_node = elem.getparent()
                if parent_node is None:
                    continue
                grand_parent_node = parent_node.getparent()

                inner_text = _clean_text(elem.text_content() or "")
                inner_text_len = len(inner_text)
                if inner_text_len < min_len:
                    continue

                if parent_node not in candidates:
                    candidates[parent_node] = self.score_node(parent_node)
                    ordered.append(parent_node)

                if grand_parent_node is not None and grand_parent_node not in candidates:
                    candidates[grand_parent_node] = self.score_node(grand_parent_node)
                    ordered.append(grand_parent_node)

                content_score = 1
                content_score += len(inner_text.split(","))
                content_score += min((inner_text_len / 100), 3)
                candidates[parent_node]["content_score"] += content_score
                if grand_parent_node is not None:
                    candidates[grand_parent_node]["content_score"] += content_score / 2.0

            debug = log.isEnabledFor(logging.DEBUG)
            for elem in ordered:
                candidate = candidates[elem]
                ld = self.get_link_density(elem)
                if debug:
                    score = candidate["content_score"]
                    log.debug(
                        "Branch %6.3f %s link density %.3f -> %6.3f",
                        score,
                        describe(elem),
                        ld,
                        score * (1 - ld),
                    )
                candidate["content_score"] *= 1 - ld

            return candidates

    return ShortCleanDocument


# readability's clean(text), whose length is its text_length: the same three substitutions,
# compiled once and skipped when they cannot change the text.
_LONG_SPACE = re.compile(r"\s{255,}")
# readability's r"\s*\n\s*" turns each run of white space holding a line end into one line end;
# starting only where a run starts, this one does the same in linear time (readability's tries
# every position of a run of spaces, and each try scans the rest of the run).
_LINE_BREAK = re.compile(r"(?<![^\S\n])[^\S\n]*\n\s*")
_TABS = re.compile(r"\t|[ \t]{2,}")


def _clean_text(text: str) -> str:
    """readability 0.9's ``clean(text)``."""
    if len(text) >= 255:  # a run of 255 white space characters needs as many characters
        text = _LONG_SPACE.sub(" " * 255, text)
    if "\n" in text:
        text = _LINE_BREAK.sub("\n", text)
    if "\t" in text or "  " in text:  # [ \t]{2,} holds a tab or two spaces
        text = _TABS.sub(" ", text)
    return text.strip()


#: readability 0.9's inline tags of transform_misused_divs_into_paragraphs.
_INLINE_TAGS = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)


@lru_cache(maxsize=8)
def _bytes_pattern(pattern: re.Pattern[str]) -> re.Pattern[bytes]:
    """A str pattern of ASCII text as a bytes pattern (the same matches on ASCII text)."""
    return re.compile(pattern.pattern.encode("ascii"), pattern.flags & ~re.UNICODE)


def _matching(strings: list[str], words: re.Pattern[str]) -> list[int]:
    """Indexes, in order, of the strings in which ``words`` (an IGNORECASE alternation of
    lower-case words, hyphens allowed) finds a match: ``words.search(s)`` for each string, asked
    once of the strings joined with NUL (a match cannot span it). ASCII text is lower-cased and
    searched case-sensitively, which is the same test and several times faster."""
    joined = "\x00".join(strings)
    if joined.isascii():
        joined = joined.lower()
        words = _case_sensitive(words.pattern)
    starts = list(accumulate((len(s) + 1 for s in strings), initial=0))
    found = {bisect_right(starts, match.start()) - 1 for match in words.finditer(joined)}
    return sorted(found)


@lru_cache(maxsize=8)
def _case_sensitive(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _clean_copy(
    doc: lxml.html.HtmlElement, cleaner: Any, has_scheme: Any
) -> tuple[lxml.html.HtmlElement, list | None]:
    """``cleaner.clean_html(doc)`` for readability's ``html_cleaner`` settings (the same tree), and
    the ``<base href>`` elements left in it, in document order (None: not looked for).

    One pass over a copy of the page does the Cleaner's element steps: XHTML tags lose their
    namespace, ``<image>`` is renamed ``<img>``, ``on*`` attributes are deleted, the links are
    gathered, and the nodes to kill are listed in document order (the order the Cleaner drops
    them in). No kept ``<base>`` can be inside a killed node (those are void or hold raw text).
    """
    original, doc = doc, copy.deepcopy(doc)
    links: list[tuple[Any, str, str]] = []
    killed = []
    bases = []
    comment, pi = etree.Comment, etree.ProcessingInstruction
    for el in doc.iter():
        tag = el.tag
        if tag.__class__ is not str:
            if tag is comment or tag is pi:
                killed.append(el)
            continue
        if tag[:1] == "{" and tag.startswith(_XHTML):  # lxml.html.xhtml_to_html
            el.tag = tag = tag[len(_XHTML) :]
        if tag in _KILL_TAGS:
            killed.append(el)
        elif tag == "image":
            el.tag = "img"
        names = el.keys()
        if not names:
            continue
        if tag in _SPECIAL_LINK_TAGS and _special_links(el, tag):
            return cleaner.clean_html(original), None
        for name in names:
            if name.startswith("on"):  # javascript=True: event attributes go
                del el.attrib[name]
            elif name in _LINK_ATTRS:
                links.append((el, name, el.get(name)))
        if tag == "base" and "href" in names:
            bases.append(el)
    # javascript=True: javascript: links go too (rewrite_links with _remove_javascript_link). Links
    # in style attributes and <style> elements are left: both are removed whole below.
    _rewrite_links(links, cleaner, has_scheme)
    etree.strip_attributes(doc, "style")  # inline_style=True
    for el in killed:
        el.drop_tree()
    return doc, bases


_SPECIAL_LINK_TAGS = frozenset({"object", "param", "meta"})


def _special_links(el: Any, tag: str) -> bool:
    """True for an element whose links lxml's ``iterlinks`` reads in a way of its own (left to the
    Cleaner itself): any ``<object>``, ``<param valuetype="ref">``, ``<meta http-equiv="refresh">``."""
    if tag == "object":
        return True
    if tag == "param":
        return (el.get("valuetype") or "").lower() == "ref"
    return el.get("http-equiv", "").lower() == "refresh"


def _rewrite_links(links: list[tuple[Any, str, str]], cleaner: Any, has_scheme: Any) -> None:
    """``doc.rewrite_links(cleaner._remove_javascript_link, resolve_base_href=False)`` for the
    plain link attributes ``(element, name, value)``.

    ``_remove_javascript_link(link)`` returns ``""`` for a scripted link and ``link`` for any
    other; ``rewrite_links`` calls it on the stripped value and stores the answer when it differs
    from the value, so a link with white space around it is stored stripped and a scripted one
    emptied. Only links that ``has_scheme`` (the Cleaner's own first test) flags can be scripted;
    they are found by asking it of the links joined, then of halves of the flagged runs.
    """
    if not links:
        return
    scripted = _scripted(
        list(dict.fromkeys(link.strip() for _, _, link in links)), cleaner, has_scheme
    )
    for el, name, link in links:
        stripped = link.strip()
        new = "" if stripped in scripted else stripped
        if new != link:
            el.set(name, new)


def _scripted(values: list[str], cleaner: Any, has_scheme: Any) -> set[str]:
    """The values the Cleaner empties as scripted links.

    ``has_scheme(text)`` is true when the text, unquoted and with white space dropped, holds a
    script scheme (``javascript:``, ``data:`` ...): every scripted link has one. Joined with
    ``"\\x01"`` (dropped with the white space, and it ends any %-escape) the values read as their
    own texts one after the other, so a scheme in any of them is a scheme in the joined text.
    Halves of a flagged run are asked again; runs of a few values ask the Cleaner of each value.
    """
    if not has_scheme("\x01".join(values)):
        return set()
    if len(values) <= _LEAF_LINKS:
        return {value for value in values if cleaner._remove_javascript_link(value) == ""}
    mid = len(values) // 2
    return _scripted(values[:mid], cleaner, has_scheme) | _scripted(
        values[mid:], cleaner, has_scheme
    )


#: Below this many links a flagged run is not halved again: each link is asked of the Cleaner.
_LEAF_LINKS = 8
