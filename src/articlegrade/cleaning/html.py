"""HTML -> title + blocks: main content from readability-lxml, its summary walked into lines.

The page is parsed once with lxml; the title is read from that tree (``og:title``, the first
``<h1>``, then ``<title>``) and the whole body is walked into blocks before readability takes the
tree. Readability's summary is then walked the same way, with lxml (BeautifulSoup, tried first,
gave the same article text on all 181 Zyte pages at 0.96 ms a summary against lxml's 0.42 ms),
into blocks: every block-level element starts a new line (so "VIDEO" and "This"
never glue together), inline elements join their text, ``<br>`` breaks a line, headings are marked.
Figures and elements whose class names them as captions, credits, share bars, related links,
bylines, newsletters or comment forms are taken out here as markup removals, with their kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree
from lxml.etree import ParserError

from ..errors import NoArticleError
from ..source import has_surrogate
from .blocks import Block, squash
from .readable import summary_html

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Characters XML (and so lxml's text) cannot hold: C0 controls but tab and line ends, lone
# surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The characters _NOT_XML finds but the surrogates: C0 controls but tab and line ends, U+FFFE,
# U+FFFF. Asking ``in`` for each (a fast C search) beats one regex scan of the page.
_NOT_XML_CHARS = tuple(
    chr(code) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)


def _has_non_xml(text: str) -> bool:
    """``_NOT_XML.search(text) is not None``, faster."""
    return any(char in text for char in _NOT_XML_CHARS) or has_surrogate(text)


BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "form",
        "fieldset",
        "address",
        "details",
        "summary",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figure",
        "figcaption",
        "center",
    ]
)
# Table cells: one row of a table is one line, its cells separated by a space.
CELL_TAGS = frozenset(["td", "th"])
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "button",
    ]
)

# Class / id words that name an element's role. Matched as whole words of the attribute
# ("article-byline" matches byline; "sharethrough" does not match share).
_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "caption_credit",
        re.compile(
            r"(?:^|[\s_-])(?:caption|credits?|photo-?credit|image-?credit)(?:$|[\s_-])", re.I
        ),
    ),
    (
        "share_prompt",
        re.compile(
            r"(?:^|[\s_-])(?:share|sharing|social-?share|share-?bar|sharedaddy)(?:$|[\s_-])", re.I
        ),
    ),
    (
        "related_links",
        re.compile(
            r"(?:^|[\s_-])(?:related|read-?more|more-?stories|recommended)(?:$|[\s_-])", re.I
        ),
    ),
    # The pop-up body of a hover card or tooltip (links to other articles about a name):
    # "<x>-hover-card", "rollover-<x>-block", "tooltip". The element holding the name itself
    # ("<x>-hover", "rollover-<x>") is kept.
    (
        "related_links",
        re.compile(
            r"(?:^|\s)(?:[\w-]*[_-])?(?:rollover|hover|tooltip|popover|popup)[_-](?:[\w]+[_-])?"
            r"(?:block|card|box|body|panel|content)(?:$|\s)|(?:^|[\s_-])(?:hovercard|tooltip|popover)(?:$|\s)",
            re.I,
        ),
    ),
    (
        "byline_dateline",
        re.compile(
            r"(?:^|[\s_-])(?:byline|dateline|timestamp|author-?name|published-?date)(?:$|[\s_-])",
            re.I,
        ),
    ),
    (
        "standfirst",
        re.compile(
            r"(?:^|[\s_-])(?:dek|deck|standfirst|strapline|subtitle|sub-?headline)(?:$|[\s_-])",
            re.I,
        ),
    ),
    (
        "call_to_action",
        re.compile(r"(?:^|[\s_-])(?:newsletter|subscribe|signup|sign-up|promo)(?:$|[\s_-])", re.I),
    ),
    (
        "comment_form",
        re.compile(
            r"(?:^|[\s_-])(?:comment-?form|comment-?respond|respond|comments)(?:$|[\s_-])", re.I
        ),
    ),
)
# Each _ROLE_WORDS pattern needs one of these words (IGNORECASE too, so that a word of a match,
# being part of it, is found wherever the match is): a string with none of them names no role.
_ROLE_KEYS = re.compile(
    r"caption|credit|shar|related|read|more|recommended|rollover|hover|tooltip|popover|popup"
    r"|byline|dateline|timestamp|author|published|dek|deck|standfirst|strapline|sub|newsletter"
    r"|signup|sign-up|promo|comment|respond",
    re.I,
)
_ROLE_KEYS_LOWER = re.compile(_ROLE_KEYS.pattern)
_CAMEL = re.compile(r"([a-z])([A-Z])")
# A role element longer than this is more likely a mislabelled content wrapper: keep it.
_ROLE_MAX_WORDS = 80


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """Parse a page with lxml; None when there is nothing to parse.

    libxml2 stops at 256 levels of nesting and silently drops the rest of the document (the
    same with ``huge_tree``, at 2,048). When that happens the page is parsed again with its
    container tags flattened (block containers become ``<br>``, inline ones are dropped), so the
    text survives; a page still too deep raises ``NoArticleError``.
    """
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    if _has_non_xml(text):
        # lxml refuses to set such characters as text (readability would fail on them)
        text = _NOT_XML.sub(" ", text)
    tree, too_deep = _parse(text)
    if not too_deep:
        return tree
    tree, too_deep = _parse(_BREAKS.sub("<br>", _TAG.sub(_flatten_tag, text)))
    if too_deep:
        raise NoArticleError(
            f"the page nests elements deeper than the HTML parser allows ({_MAX_DEPTH} levels)"
        )
    return tree


#: libxml2's nesting limit (without XML_PARSE_HUGE): deeper content is dropped.
_MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,20})\b[^<>]{0,4000}>")
# A run of line breaks walks like one (an empty line is never a block).
_BREAKS = re.compile(r"<br>(?:\s*<br>)+")
#: Tags kept when a too-deep page is flattened: they cannot nest (p, li and headings close
#: their open sibling) or carry the head and the text to skip.
_FLAT_KEEP = frozenset(
    {"html", "head", "body", "title", "meta", "p", "li", "br", "script", "style", "noscript"}
    | HEADING_TAGS
)


def _flatten_tag(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    if name in _FLAT_KEEP:
        return match.group(0)
    return "<br>" if name in BLOCK_TAGS or name in CELL_TAGS else " "


_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


def _parse(text: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """``(tree, too_deep)``: the parsed page (None when lxml finds nothing) and whether the parse
    hit libxml2's nesting limit, and so lost the rest of the page."""
    parser = lxml.html.HTMLParser()  # the same settings as lxml.html's default parser
    # Every node gets lxml.html's class for its kind, chosen in C: lxml.html's own lookup asks a
    # Python method for each node, and its special form classes (FormElement, InputElement ...)
    # only add form-filling helpers that nothing here calls.
    parser.set_element_class_lookup(_LOOKUP)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (ParserError, ValueError):
        return None, False
    too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return tree, too_deep


def page_title(tree: lxml.html.HtmlElement) -> tuple[str, str]:
    """Return ``(headline, title_tag)``: the best headline, and the raw ``<title>`` text."""
    title_tag = squash(" ".join(tree.xpath("//title//text()")))
    og = tree.xpath("//meta[@property='og:title']/@content")
    h1s = [squash(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if h and len(h.split()) <= 40]
    for candidate in (*h1s[:1], *(squash(o) for o in og[:1])):
        if candidate:
            return candidate, title_tag
    # <title> usually carries the site name: "Headline - Site" / "Headline | Site".
    short = re.split(r"\s+[|\-–—:·»]\s+", title_tag)
    head = max(short, key=len) if short else ""
    return head, title_tag


def extract_blocks(
    tree: lxml.html.HtmlElement, reparse: Callable[[], lxml.html.HtmlElement] | None = None
) -> list[Block]:
    """Main content of the page as blocks, from readability-lxml's summary.

    Readability mutates the tree it is given (it drops hidden elements; given ``reparse``, a
    function parsing the page again, it may use the tree up): call ``page_blocks`` first when
    both are wanted.
    """
    from readability.readability import Unparseable

    try:
        summary = summary_html(tree, reparse)
    except (Unparseable, ValueError, TypeError, AssertionError, RecursionError):
        # readability asserts on a page without <body> ("too many bodies: []"): the caller
        # falls back to the page's own blocks.
        return []
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (ParserError, ValueError, AssertionError):  # lxml asserts on a summary without body
        return []
    return walk(root)


def page_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """Every block of the page's body, in page order (also the fallback when readability finds
    no content)."""
    body = tree.find("body")
    return walk(body) if body is not None else []


def walk(root: lxml.html.HtmlElement) -> list[Block]:
    """Blocks of an element tree: block-level elements start lines, inline ones join their text,
    ``<br>`` breaks a line, table cells join their row, headings are marked, and elements
    whose role is boilerplate (figure, caption, share bar ...) carry that kind.

    Iterative (a stack of the open elements' child iterators), so no page is too deep to walk."""
    out: list[Block] = []
    buf: list[str] = []  # the text pieces of the line being built
    linked: list[str] = []  # those of them inside a link
    roles: dict[tuple, str | None] = {}  # (class, id, itemprop) -> the role it names

    def flush(heading: bool, kind: str | None) -> None:
        line = squash("".join(buf))
        if line:
            share = 0.0
            if linked:
                words = sum(len(text.split()) for text in linked)
                share = min(1.0, words / len(line.split()))
            out.append(Block(line, is_heading=heading, kind=kind, link_share=share))
        buf.clear()
        linked.clear()

    # White space at the start of a line is dropped by squash and holds no linked word: it is
    # not kept (most of a page's text nodes are such white space).
    text = root.text
    if text and not text.isspace():
        buf.append(text)
    # The open element: its children still to walk, its kind and whether it is inside a link;
    # ``stack`` holds the same for each open ancestor, with the child opened from it and what
    # closing that child does.
    children, kind, in_link = iter(root), None, False
    stack: list[tuple] = []
    while True:
        for child in children:
            tag = child.tag
            if isinstance(tag, str):  # comments and processing instructions have no str tag
                name = tag.lower()
                if name == "br":
                    if buf:
                        flush(False, kind)
                elif name not in SKIP_TAGS and name != "img":
                    child_kind = kind or _role_kind(child, name, roles)
                    child_in_link = in_link
                    if name in BLOCK_TAGS:
                        if buf:
                            flush(False, kind)
                        close = _CLOSE_LINE
                    elif name in CELL_TAGS:
                        if buf:
                            buf.append(" ")  # cells of a row are separated by a space
                        close = _CLOSE_CELL
                    elif kind is None and child_kind is not None and name != "a":
                        # An inline element with a role of its own (a credit span, a hover
                        # card): taken out as its own removal without breaking the line.
                        role_text = squash(" ".join(_texts(child)))
                        if role_text:
                            out.append(Block(role_text, kind=child_kind))
                        close = None
                    else:
                        close = _CLOSE_INLINE
                        child_in_link = in_link or name == "a"
                    if close is not None:  # open the child: its text, then its children
                        stack.append((children, kind, in_link, child, close, name, child_kind))
                        children, kind, in_link = iter(child), child_kind, child_in_link
                        text = child.text
                        if text and (buf or not text.isspace()):
                            buf.append(text)
                            if in_link:
                                linked.append(text)
                        break
            tail = child.tail
            if tail and (buf or not tail.isspace()):
                buf.append(tail)
                if in_link:
                    linked.append(tail)
        else:  # the open element has no child left: close it
            if not stack:
                break
            children, kind, in_link, child, close, name, child_kind = stack.pop()
            if close is _CLOSE_LINE:
                if buf:
                    flush(name in HEADING_TAGS, child_kind)
            elif close is _CLOSE_CELL and buf:
                buf.append(" ")
            tail = child.tail
            if tail and (buf or not tail.isspace()):
                buf.append(tail)
                if in_link:
                    linked.append(tail)
    if buf:
        flush(False, None)
    return out


# What closing an opened element does: end the line (a block), add the space after a table cell,
# nothing (an inline element).
_CLOSE_LINE, _CLOSE_CELL, _CLOSE_INLINE = "line", "cell", "inline"


def _texts(el: lxml.html.HtmlElement) -> list[str]:
    """Text pieces of an element, skipping scripts and styles."""
    pieces: list[str] = []
    for node in el.iter():
        tag = node.tag
        if node is not el and isinstance(tag, str) and tag.lower() in SKIP_TAGS:
            continue
        if node.text and isinstance(tag, str) and tag.lower() not in SKIP_TAGS:
            pieces.append(node.text)
        if node is not el and node.tail:
            pieces.append(node.tail)
    return pieces


def _role_kind(el: lxml.html.HtmlElement, name: str, memo: dict[tuple, str | None]) -> str | None:
    """The boilerplate role an element's name or ``class`` / ``id`` / ``itemprop`` words give it
    (None for none, or for a role element too long to be one). ``memo`` keeps the answer for each
    ``(class, id, itemprop)`` met in this walk (a page repeats its class names)."""
    if name in ("figure", "figcaption"):
        return "caption_credit"
    names = (el.get("class"), el.get("id"), el.get("itemprop"))
    if not any(names):
        return None
    try:
        kind = memo[names]
    except KeyError:
        kind = memo[names] = _attribute_kind(" ".join([n or "" for n in names]))
    if kind is not None and len(" ".join(_texts(el)).split()) > _ROLE_MAX_WORDS:
        return None
    return kind


def _attribute_kind(attrs: str) -> str | None:
    """The role a ``class id itemprop`` string names, or None."""
    # (a hyphen put in below joins no key but "sign-up", and "signup" is a key too)
    if attrs.isascii():
        # IGNORECASE on ASCII is lower-casing: the same answer, several times faster
        if not _ROLE_KEYS_LOWER.search(attrs.lower()):
            return None
    elif not _ROLE_KEYS.search(attrs):
        return None
    attrs = _CAMEL.sub(r"\1-\2", attrs)  # "newsCaption" names a caption too
    for kind, pattern in _ROLE_WORDS:
        if pattern.search(attrs):
            return kind
    return None
