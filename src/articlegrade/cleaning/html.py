"""HTML -> title + blocks: main content from readability-lxml, its summary walked into lines.

The page is parsed once with lxml; the title is read from that tree (``og:title``, the first
``<h1>``, then ``<title>``) before readability takes the tree. Readability's summary is then walked
with BeautifulSoup into blocks: every block-level element starts a new line (so "VIDEO" and "This"
never glue together), inline elements join their text, ``<br>`` breaks a line, headings are marked.
Figures and elements whose class names them as captions, credits, share bars, related links,
bylines, newsletters or comment forms are taken out here as markup removals, with their kind.
"""

from __future__ import annotations

import re
import warnings

import lxml.html
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from lxml.etree import ParserError

from .blocks import Block, squash

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "form", "fieldset", "address", "details", "summary", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "center"]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button"]
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
    (
        "byline_dateline",
        re.compile(
            r"(?:^|[\s_-])(?:byline|dateline|timestamp|author-?name|published-?date)(?:$|[\s_-])",
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
# A role element longer than this is more likely a mislabelled content wrapper: keep it.
_ROLE_MAX_WORDS = 80


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """Parse a page with lxml; None when there is nothing to parse."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (ParserError, ValueError):
        return None


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


def extract_blocks(tree: lxml.html.HtmlElement, url: str | None = None) -> list[Block]:
    """Main content of the page as blocks, from readability-lxml's summary."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            summary = Document(tree, url=url).summary(html_partial=True)
    except (Unparseable, ValueError, TypeError):
        return []
    soup = BeautifulSoup(summary, "lxml")
    return _walk(soup.body or soup)


def body_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """Every block of the page's body, for pages readability finds no content in."""
    body = tree.find("body")
    if body is None:
        return []
    soup = BeautifulSoup(lxml.html.tostring(body, encoding="unicode"), "lxml")
    return _walk(soup.body or soup)


def _walk(root: Tag) -> list[Block]:
    out: list[Block] = []
    buf: list[str] = []

    def flush(heading: bool = False, kind: str | None = None) -> None:
        line = squash("".join(buf))
        buf.clear()
        if line:
            out.append(Block(line, is_heading=heading, kind=kind))

    def visit(node: Tag, kind: str | None) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in SKIP_TAGS:
                continue
            if name == "br":
                flush(kind=kind)
                continue
            child_kind = kind or _role_kind(child)
            if name in BLOCK_TAGS:
                flush(kind=kind)
                visit(child, child_kind)
                flush(heading=name in HEADING_TAGS, kind=child_kind)
            elif name == "img":
                continue
            else:
                visit(child, child_kind)

    visit(root, None)
    flush()
    return out


def _role_kind(tag: Tag) -> str | None:
    if tag.name in ("figure", "figcaption"):
        return "caption_credit"
    attrs = " ".join(
        [*(tag.get("class") or ()), str(tag.get("id") or ""), str(tag.get("itemprop") or "")]
    )
    if not attrs.strip():
        return None
    for kind, pattern in _ROLE_WORDS:
        if pattern.search(attrs):
            if len(tag.get_text(" ").split()) > _ROLE_MAX_WORDS:
                return None
            return kind
    return None
