"""readability-lxml's summary of a parsed page, the same summary in fewer Python steps.

``Document(tree).summary()`` first runs lxml_html_clean's ``Cleaner`` over a copy of the page
(readability's ``html_cleaner``: scripts, styles, ``<link>``, comments, processing instructions,
``on*`` and ``style`` attributes and ``javascript:`` links go). That pass was about a third of the
summary's time, most of it ``rewrite_links`` asking every element for each of 16 link attributes.
``_clean_copy`` makes the same tree in one pass over the copy, with the same lxml calls on the
same nodes in the same order; pages it does not cover (``<object>``, ``<param valuetype="ref">``,
``<meta http-equiv="refresh">``) go through the Cleaner itself. Given ``reparse`` (a function
parsing the page again), the page's own tree is cleaned instead of a copy, and readability's
second, less ruthless pass (when the first finds too little) cleans a tree parsed anew. A few of
readability's steps are also run as copies that give the same answers faster: its "unlikely
candidate" removal (its word test asked once of all class / id strings, its two xpath tests per
element answered from one walk), its block-tag test read from the tags below each div, its
``text_length`` counted from the words instead of cleaning the text (``_text_length``), and its
debug lines (in ``score_paragraphs`` and ``sanitize``) formatted only when debug logging is on.

The short path is used only with the readability-lxml version it was checked against (the same
summary on the Zyte pages and on pages built to take every branch, ``tests/test_zyte.py`` and
``tests/test_cleaning_shortcuts.py``); with any other version, or another cleaner setting,
readability runs as is.
"""

from __future__ import annotations

import copy
import logging
import re
import sys
import urllib.parse
import warnings
from bisect import bisect_right
from collections.abc import Callable
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
# lxml_html_clean's ``_substitute_whitespace`` pattern.
_WHITE_SPACE = r"[\s\x00-\x08\x0B\x0C\x0E-\x19]+"


def summary_html(
    tree: lxml.html.HtmlElement, reparse: Callable[[], lxml.html.HtmlElement] | None = None
) -> str:
    """readability-lxml's ``Document(tree).summary(html_partial=True)``; mutates ``tree`` as
    readability does (hidden elements are dropped). Raises what readability raises.

    ``reparse``, a function that parses the page again into a tree equal to ``tree``, lets the
    short path use ``tree`` up instead of copying it (the tree is then left in pieces)."""
    document = _document_class()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # No url: readability would only use it to make links absolute, and we read text.
        if reparse is not None and getattr(document, "takes_reparse", False):
            return document(tree, reparse=reparse).summary(html_partial=True)
        return document(tree).summary(html_partial=True)


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
        # what _scripted takes a plain value to be left as by unquote and white_space
        or unquote is not urllib.parse.unquote_plus
        or getattr(getattr(white_space, "__self__", None), "pattern", None) != _WHITE_SPACE
        or any(
            getattr(html_cleaner, name, object()) != value
            for name, value in _CLEANER_SETTINGS.items()
        )
    ):
        return Document
    from readability.debug import describe
    from readability.debug import text_content as debug_text
    from readability.readability import REGEXES, is_video_url, log

    if not (
        _WORDS.fullmatch(REGEXES["unlikelyCandidatesRe"].pattern)
        and REGEXES["unlikelyCandidatesRe"].flags & re.IGNORECASE
        and REGEXES["divToPElementsRe"].pattern == r"<(blockquote|dl|div|img|ol|p|pre|table|ul)"
        and REGEXES["divToPElementsRe"].flags & re.IGNORECASE  # as _BLOCK_TAG_NAME
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
        #: ``summary_html`` may pass ``reparse`` (readability's own ``Document`` takes none).
        takes_reparse = True

        def __init__(self, input: Any, *args: Any, reparse: Any = None, **kwargs: Any) -> None:
            # reparse: None, or a function giving a fresh tree equal to ``input``; with one,
            # ``input`` is given away: cleaned in place instead of copied, and each later
            # parse (readability's second, less ruthless pass) cleans a fresh tree.
            super().__init__(input, *args, **kwargs)
            self.reparse = reparse
            self.parses = 0

        def _parse(self, input: Any) -> Any:
            if not isinstance(input, lxml.html.HtmlElement):
                return super()._parse(input)
            # readability 0.9's _parse, with html_cleaner.clean_html(doc) -> _clean_copy(doc)
            doc = input
            in_place = self.reparse is not None and input is self.input
            if in_place and self.parses:
                doc = self.reparse()  # the input tree was cleaned in place by the first parse
            self.parses += 1
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
            doc, bases = _clean_copy(doc, html_cleaner, scheme_test, in_place)
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
            # joined (its words cannot span the NUL between two strings), not once per element,
            # and its two xpath tests per element answered from one walk:
            # - an element inside a subtree dropped earlier in this loop is skipped: dropping it
            #   would only change that detached subtree, which is no longer part of the page;
            # - "ancestor-or-self::pre | ancestor-or-self::code" by reading the element's
            #   ancestors (the same walk tells a detached element: its top is not the page's);
            # - "descendant-or-self::main | ... article | ... math" by membership in the set of
            #   those elements and their ancestors, found once before anything is dropped. The
            #   answer cannot change during the loop for an element still in the page: an
            #   element holding one of them is never dropped, so none of them ever leaves.
            unlikely = REGEXES["unlikelyCandidatesRe"]
            maybe = REGEXES["okMaybeItsACandidateRe"]
            root = self.html
            # the top of the page: the root, unless it was given with a parent
            page_top = ([root, *root.iterancestors()])[-1]
            elems = root.xpath(".//*[@class or @id]")  # findall(".//*") with a "class id"
            strings = ["{} {}".format(e.get("class", ""), e.get("id", "")) for e in elems]
            holders = None  # elements with a main / article / math at or below them
            debug = log.isEnabledFor(logging.DEBUG)
            for i in _matching(strings, unlikely):
                elem, s = elems[i], strings[i]
                if len(s) < 2 or maybe.search(s) or elem.tag in ("html", "body"):
                    continue
                top, in_code = elem, elem.tag in _CODE_TAGS
                for top in elem.iterancestors():
                    if top.tag in _CODE_TAGS:
                        in_code = True
                if in_code or top is not page_top:
                    continue
                if holders is None:
                    holders = set()
                    for found in root.xpath(_HOLDS_CONTENT):
                        if found not in holders:
                            holders.add(found)
                            holders.update(found.iterancestors())
                if elem not in holders:
                    if debug:
                        log.debug("Removing unlikely candidate - %s", describe(elem))
                    elem.drop_tree()

        def transform_misused_divs_into_paragraphs(self) -> None:
            # readability 0.9's. Its first test serialises each child of a div and looks for a
            # block tag in str(b"".join(...)) (the repr of the UTF-8 bytes); here the div is
            # serialised once and searched past its own "<div" with the same pattern on bytes:
            # the div's own attributes and text escape "<", so the same tags are found.
            #
            # Faster still, the element tags below the div are read instead: in that XML
            # serialisation a "<" followed by a letter starts an element's tag (text and
            # attribute values escape "<"), so the pattern finds a tag when a descendant's name
            # starts with one of its words. A comment, processing instruction, entity or
            # namespaced tag below the div (the clean-up pass leaves no comment or processing
            # instruction; a namespaced tag can come from an XHTML tree) sends it to the
            # serialisation test.
            block_tags = _bytes_pattern(REGEXES["divToPElementsRe"])
            for elem in self.tags(self.html, "div"):
                for node in elem.iterdescendants():
                    tag = node.tag
                    if tag.__class__ is not str or tag[:1] == "{":
                        found = block_tags.search(
                            tostring(elem, encoding="utf-8", with_tail=False), 1
                        )
                        break
                    if _BLOCK_TAG_NAME.match(tag):
                        found = True
                        break
                else:
                    found = False
                if not found:
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
            # readability 0.9's, with its text_length(e) = len(clean(e.text_content() or ""))
            # counted by _text_length.
            link_length = 0
            for i in elem.findall(".//a"):
                link_length += _text_length(i.text_content() or "")
            total_length = _text_length(elem.text_content() or "")
            return float(link_length) / max(total_length, 1)

        def score_paragraphs(self) -> dict:
            # readability 0.9's, with len(clean(text)) -> _text_length(text) and its debug line
            # (which describes every candidate) formatted only when debug logging is on.
            min_len = self.min_text_length
            candidates: dict = {}
            ordered = []
            for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
                parent_node = elem.getparent()
                if parent_node is None:
                    continue
                grand_parent_node = parent_node.getparent()

                # clean() changes only white space: the cleaned text has the text's commas
                inner_text = elem.text_content() or ""
                inner_text_len = _text_length(inner_text)
                if inner_text_len < min_len:
                    continue

                if parent_node not in candidates:
                    candidates[parent_node] = self.score_node(parent_node)
                    ordered.append(parent_node)

                if grand_parent_node is not None and grand_parent_node not in candidates:
                    candidates[grand_parent_node] = self.score_node(grand_parent_node)
                    ordered.append(grand_parent_node)

                content_score = 1
                content_score += inner_text.count(",") + 1  # len(clean(text).split(","))
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

        def sanitize(self, node: Any, candidates: dict, keep_all_images: bool = False) -> Any:
            # readability 0.9's, with text_length(e) -> _text_length(e.text_content() or "")
            # and its debug lines (which describe elements and clean their text) formatted only
            # when debug logging is on.
            debug = log.isEnabledFor(logging.DEBUG)
            min_len = self.min_text_length
            for header in self.tags(node, "h1", "h2", "h3", "h4", "h5", "h6"):
                if self.class_weight(header) < 0 or self.get_link_density(header) > 0.33:
                    header.drop_tree()

            for elem in self.tags(node, "p"):
                if (
                    REGEXES["callToActionRe"].search(elem.text_content())
                    and self.get_link_density(elem) > 0.2
                ):
                    elem.drop_tree()

            for elem in self.tags(node, "form", "textarea"):
                elem.drop_tree()

            for elem in self.tags(node, "iframe"):
                if "src" in elem.attrib and is_video_url(elem.attrib["src"]):
                    elem.attrib.pop("srcdoc", None)
                    elem.text = "VIDEO"
                else:
                    elem.drop_tree()

            allowed = self.get_preserved_elements(node)
            # Conditionally clean <table>s, <ul>s, and <div>s
            for el in self.reverse_tags(
                node, "table", "ul", "div", "aside", "header", "footer", "section"
            ):
                if el in allowed:
                    continue
                weight = self.class_weight(el)
                content_score = candidates[el]["content_score"] if el in candidates else 0
                tag = el.tag

                if weight + content_score < 0:
                    if debug:
                        log.debug(
                            "Removed %s with score %6.3f and weight %-3s",
                            describe(el),
                            content_score,
                            weight,
                        )
                    el.drop_tree()
                elif el.text_content().count(",") < 10:
                    counts = {}
                    for kind in ["p", "img", "li", "a", "embed", "input"]:
                        counts[kind] = len(el.findall(f".//{kind}"))
                    counts["li"] -= 100
                    counts["input"] -= len(el.findall('.//input[@type="hidden"]'))

                    # Count the text length excluding any surrounding whitespace
                    content_length = _text_length(el.text_content() or "")
                    link_density = self.get_link_density(el)
                    parent_node = el.getparent()
                    if parent_node is not None:
                        if parent_node in candidates:
                            content_score = candidates[parent_node]["content_score"]
                        else:
                            content_score = 0
                    to_remove = False
                    reason = ""

                    if keep_all_images and el.tag == "div" and counts["img"] >= 1:
                        continue
                    if counts["p"] and counts["img"] > 1 + counts["p"] * 1.3:
                        reason = "too many images ({})".format(counts["img"])
                        to_remove = True
                    elif counts["li"] > counts["p"] and tag not in ("ol", "ul"):
                        reason = "more <li>s than <p>s"
                        to_remove = True
                    elif counts["input"] > (counts["p"] / 3):
                        reason = "less than 3x <p>s than <input>s"
                        to_remove = True
                    elif content_length < min_len and counts["img"] == 0:
                        reason = f"too short content length {content_length} without a single image"
                        to_remove = True
                    elif content_length < min_len and counts["img"] > 2:
                        reason = f"too short content length {content_length} and too many images"
                        to_remove = True
                    elif weight < 25 and link_density > (  # noqa: SIM114 (readability's order)
                        0.25
                        if tag in ("ul", "section")
                        and el.xpath("ancestor::main | ancestor::article")
                        else 0.2
                    ):
                        reason = f"too many links {link_density:.3f} for its weight {weight}"
                        to_remove = True
                    elif weight >= 25 and link_density > 0.5:
                        reason = f"too many links {link_density:.3f} for its weight {weight}"
                        to_remove = True
                    elif (counts["embed"] == 1 and content_length < 75) or counts["embed"] > 1:
                        reason = "<embed>s with too short content length, or too many <embed>s"
                        to_remove = True
                    elif not content_length:
                        reason = "no content"
                        to_remove = True
                        # find x non empty preceding and succeeding siblings
                        i, j = 0, 0
                        x = 1
                        siblings = []
                        for sib in el.itersiblings():
                            sib_content_length = _text_length(sib.text_content() or "")
                            if sib_content_length:
                                i = +1
                                siblings.append(sib_content_length)
                                if i == x:
                                    break
                        for sib in el.itersiblings(preceding=True):
                            sib_content_length = _text_length(sib.text_content() or "")
                            if sib_content_length:
                                j = +1
                                siblings.append(sib_content_length)
                                if j == x:
                                    break
                        if siblings and sum(siblings) > 1000:
                            to_remove = False
                            if debug:
                                log.debug("Allowing %s", describe(el))
                            for desnode in self.tags(el, "table", "ul", "div", "section"):
                                allowed[desnode] = True

                    if to_remove:
                        if debug:
                            log.debug(
                                "Removed %6.3f %s with weight %s cause it has %s.",
                                content_score,
                                describe(el),
                                weight,
                                reason,
                            )
                        el.drop_tree()
                    elif debug:
                        log.debug(
                            "Not removing %s of length %s: %s",
                            describe(el),
                            content_length,
                            debug_text(el),
                        )

            self.html = node
            return self.get_clean_html()

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


#: The tags of readability 0.9's "ancestor-or-self::pre | ancestor-or-self::code" test.
_CODE_TAGS = ("pre", "code")
#: readability 0.9's test for an element that must not be dropped as an unlikely candidate, asked
#: once of the root (the elements found and their ancestors are the ones it says yes for).
_HOLDS_CONTENT = "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"

#: The white space characters (``str.isspace``, which is what ``\s`` matches in a str pattern)
#: besides space and line end: a run of white space holding one of them (and no line end) may
#: be left longer than one character by ``clean`` (tabs too: "\t|[ \t]{2,}" turns "\t " into
#: two spaces).
_ODD_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")


def _text_length(text: str) -> int:
    """``len(_clean_text(text))`` (readability 0.9's ``text_length`` of a text), without building
    the cleaned text when it can be counted.

    ``clean`` turns each run of white space inside the text into one character when the run
    holds a line end or is 255 characters or longer (a line end or a space), and when it is
    spaces only; it strips the ends. So the lines of the text, stripped and joined with a space,
    clean to the same length, and when they hold no tab or other white space (a no-break space
    ...) every run is one character: the length is the words plus one character between each two.
    """
    if "\n" in text:
        text = " ".join(filter(None, [line.strip() for line in text.split("\n")]))
    if _ODD_SPACE.search(text):
        return len(_clean_text(text))
    words = text.split()
    return sum(map(len, words)) + len(words) - 1 if words else 0


#: readability 0.9's divToPElementsRe (checked in ``_document_class``) on a tag name: the tags
#: its "<" search finds in a serialisation (ASCII: it searches the repr of UTF-8 bytes).
_BLOCK_TAG_NAME = re.compile(r"(blockquote|dl|div|img|ol|p|pre|table|ul)", re.IGNORECASE | re.ASCII)

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
    each word looked for with ``str.find``, which is the same test and several times faster."""
    joined = "\x00".join(strings)
    starts = list(accumulate((len(s) + 1 for s in strings), initial=0))
    if not joined.isascii():
        return sorted({bisect_right(starts, m.start()) - 1 for m in words.finditer(joined)})
    # IGNORECASE on ASCII text is lower-casing: a string matches when it holds one of the words
    joined = joined.lower()
    found: set[int] = set()
    for word in words.pattern.split("|"):
        at = joined.find(word)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = joined.find(word, starts[index + 1])  # the next string's start
    return sorted(found)


def _clean_copy(
    doc: lxml.html.HtmlElement, cleaner: Any, has_scheme: Any, in_place: bool = False
) -> tuple[lxml.html.HtmlElement, list | None]:
    """``cleaner.clean_html(doc)`` for readability's ``html_cleaner`` settings (the same tree), and
    the ``<base href>`` elements left in it, in document order (None: not looked for). With
    ``in_place`` the tree is cleaned itself instead of a copy (unless the Cleaner is called).

    One pass over a copy of the page does the Cleaner's element steps: XHTML tags lose their
    namespace, ``<image>`` is renamed ``<img>``, ``on*`` attributes are deleted, the links are
    gathered, and the nodes to kill are listed in document order (the order the Cleaner drops
    them in). No kept ``<base>`` can be inside a killed node (those are void or hold raw text).
    """
    if in_place:
        # The Cleaner itself is for a page with links of a kind of their own: asked before the
        # tree is changed (the loop below would send it there from the element itself).
        for el in doc.iter(*_SPECIAL_LINK_NAMES):
            tag = el.tag
            if tag.startswith(_XHTML):
                tag = tag[len(_XHTML) :]
            if tag in _SPECIAL_LINK_TAGS and el.keys() and _special_links(el, tag):
                return cleaner.clean_html(doc), None
        original = doc
    else:
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
        if not in_place and tag in _SPECIAL_LINK_TAGS and _special_links(el, tag):
            return cleaner.clean_html(original), None
        # Most elements have neither an event nor a link attribute: both are looked for in C
        # first (each name follows a space in the joined names, so a name starting with "on"
        # makes " on" found).
        if " on" in " " + " ".join(names):
            for name in names:
                if name.startswith("on"):  # javascript=True: event attributes go
                    del el.attrib[name]
        if not _LINK_ATTRS.isdisjoint(names):
            links.extend((el, name, el.get(name)) for name in names if name in _LINK_ATTRS)
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
_SPECIAL_LINK_NAMES = (*_SPECIAL_LINK_TAGS, *(_XHTML + tag for tag in _SPECIAL_LINK_TAGS))


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
    """The non-empty values the Cleaner empties as scripted links.

    A plain value (printable ASCII without space, "%" or "+") is its own unquoted text with
    white space dropped, so ``has_scheme`` finds a scheme in it where its lower case holds one:
    plain values are joined with spaces (which none holds, so no scheme spans two of them) and
    searched for each scheme at once; the Cleaner is asked of those found. Other values go
    through ``_scheme_search``.
    """
    joined = " ".join(values)
    if (
        joined.isascii()
        and joined.isprintable()
        and "%" not in joined
        and "+" not in joined
        and joined.count(" ") == len(values) - 1
    ):
        plain, other = values, []
    else:
        plain, other = [], []
        for value in values:
            if (
                value.isascii()
                and value.isprintable()
                and not (" " in value or "%" in value or "+" in value)
            ):
                plain.append(value)
            else:
                other.append(value)
        joined = " ".join(plain)
    joined = joined.lower()
    starts = list(accumulate((len(value) + 1 for value in plain), initial=0))
    found: set[int] = set()
    for scheme in _SCRIPT_SCHEMES:
        at = joined.find(scheme)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = joined.find(scheme, starts[index + 1])  # the next value's start
    scripted = {plain[i] for i in found if cleaner._remove_javascript_link(plain[i]) == ""}
    if other:
        scripted |= _scheme_search(other, cleaner, has_scheme)
    return scripted


def _scheme_search(values: list[str], cleaner: Any, has_scheme: Any) -> set[str]:
    """The values the Cleaner empties as scripted links, by halving.

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
    return _scheme_search(values[:mid], cleaner, has_scheme) | _scheme_search(
        values[mid:], cleaner, has_scheme
    )


#: Below this many links a flagged run is not halved again: each link is asked of the Cleaner.
_LEAF_LINKS = 8
