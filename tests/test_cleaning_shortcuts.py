"""The cleaning shortcuts give the answers of the slower code they stand for.

Line rules are asked only of lines holding one of their ``needs`` (and a digit for
``needs_digit``); readability's text length, unlikely-candidate removal, div test and summary of
a tree given away (``reparse``) are computed in fewer steps. Each is checked here against the
plain computation on real lines and pages and on inputs built to take every branch.
"""

from __future__ import annotations

import copy
import gzip
import random
import warnings

import pytest
from conftest import DATA, SAMPLES, need_shared
from test_rules import KEPT, REMOVED

from articlegrade.cleaning import KINDS, LINE_RULES
from articlegrade.cleaning.blocks import squash
from articlegrade.cleaning.html import page_blocks, parse_html
from articlegrade.cleaning.pipeline import _line_kind
from articlegrade.source import read_source

ZYTE = DATA / "extraction" / "zyte"


def _reference_kind(line: str) -> str | None:
    """The first rule whose pattern says yes, no rule skipped (what ``_line_kind`` stands for)."""
    n_words = len(line.split())
    return next((rule.kind for rule in LINE_RULES if rule.matches(line, n_words)), None)


def _gate_passes(rule, line: str) -> bool:
    low = line.lower()
    if rule.needs and not any(need in low for need in rule.needs):
        return False
    return not (rule.needs_digit and not any(c.isdecimal() for c in line))


#: Lines built to hit the gated rules in odd spellings: upper case, the characters IGNORECASE
#: also matches ASCII letters with (long s, Kelvin sign, dotless and dotted I), non-ASCII digits.
_ODD_LINES = [
    "AT NO EXTRA COST TO YOU",
    "at no extra coſt to you",
    "As an Amazon Aſſociate I earn from qualifying purchases.",
    "Your email addreſs will not be published.",
    "Required fieldſ are marked *",
    "Click here",
    "CLICK HERE TO GET THE APP",
    "Get the free news \u212aapp",
    "We uſe cookies",
    "We use coo\u212aies",
    "© 2020 Example",
    "Copyright (C) Example",
    "All rights reſerved.",
    "Terms of Uſe | Privacy",
    "Published ٣ May",
    "Updated 3 hours ago",
    "5 min read",
    "Reporting by Ann Lee; Editing by Mark Ford",
    "(Reporting by Ann Lee)",
    "Ravi Patel contributed reporting.",
    "This video requires JavaScript",
    "Please enable JavaScrİpt",
    "Media playback is unsupported",
    "Image unavailable",
    "[caption id=1] A caption [/caption]",
    "Sign up for our newsletter",
    "Delivered straight to your inbox",
]


def _lines_everywhere() -> list[str]:
    lines = [squash(line) for kind in REMOVED.values() for line in kind]
    lines += [squash(line) for line in KEPT]
    lines += [squash(example) for _, examples in KINDS.values() for example in examples]
    lines += _ODD_LINES
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix == ".html":
            lines += [b.text for b in page_blocks(parse_html(read_source(path.read_bytes()).text))]
        elif path.suffix == ".txt":
            lines += [squash(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def _zyte_lines() -> list[str]:
    need_shared(ZYTE)
    lines = []
    for path in sorted((ZYTE / "html").glob("*.html.gz")):
        tree = parse_html(read_source(gzip.decompress(path.read_bytes())).text)
        lines += [b.text for b in page_blocks(tree)]
    return lines


def test_gated_rules_match_only_lines_with_their_needs() -> None:
    lines = _lines_everywhere()
    gated = [rule for rule in LINE_RULES if rule.needs or rule.needs_digit]
    assert len(gated) == 10
    hits = 0
    for line in lines:
        n_words = len(line.split())
        for rule in gated:
            if rule.matches(line, n_words):
                hits += 1
                odd = any(c in line for c in "İıſ\u212a")
                assert odd or _gate_passes(rule, line), (rule.kind, line)
        assert _line_kind(line) == _reference_kind(line), line
    assert hits >= 30  # the lines above do reach the gated rules


def test_line_kind_is_every_rule_asked_on_zyte_lines() -> None:
    lines = _zyte_lines()
    assert len(lines) > 20_000
    gated = [rule for rule in LINE_RULES if rule.needs or rule.needs_digit]
    for line in lines:
        assert _line_kind(line) == _reference_kind(line), line
        n_words = len(line.split())
        for rule in gated:
            if rule.matches(line, n_words) and not any(c in line for c in "İıſ\u212a"):
                assert _gate_passes(rule, line), (rule.kind, line)


# -- readability's steps ---------------------------------------------------------------------------
def test_text_length_is_readabilitys_text_length() -> None:
    from readability.readability import clean

    from articlegrade.cleaning.readable import _ODD_SPACES, _text_length

    spaces = "".join(c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \n")
    assert spaces == _ODD_SPACES
    pieces = ["a", "b,c", "é", " ", "  ", "\t", "\t ", " \t", "\n", " \n\t", "\r\n", "\xa0"]
    pieces += ["\u2003", "\x0b", "\x85", "\u3000", " " * 254, " " * 255, "\t" * 300, "\n" * 255]
    rng = random.Random(11)
    texts = ["", " ", "x", "\n", " a ", "a\tb", "a \tb", "a\t\tb", "a\xa0 b", "a \n\xa0b"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        assert _text_length(text) == len(clean(text)), repr(text)


def _document(html: str):
    from articlegrade.cleaning.readable import _document_class

    short = _document_class()
    assert short.__name__ == "ShortCleanDocument"
    doc = short(parse_html(html))
    doc._html(True)
    return doc


def _method_trees(html: str, name: str) -> tuple[bytes, bytes]:
    """The page's cleaned tree after readability's own method ``name`` and after ours."""
    from lxml.etree import tostring
    from readability import Document

    theirs, ours = _document(html), _document(html)
    getattr(Document, name)(theirs)
    getattr(ours, name)()
    return tostring(theirs.html), tostring(ours.html)


_UNLIKELY_BODY = (
    "<div class='sidebar'><div class='menu'><p class='footer-note'>a</p></div>"
    "<div class='comment'><article><p>kept article</p></article></div></div>"
    "<pre><span class='sidebar'>code</span></pre><code><b id='disqus'>x</b></code>"
    "<div class='header main'>maybe</div><div class='Pager'><math><mi>x</mi></math></div>"
    "<div id='rss'><div id='tweet'><main>m</main></div><div class='extra'>gone</div></div>"
    "<section class='popup'><div class='twitter'><p>nested</p></div></section>"
    "<p class='community'>tail text</p>after<span class='combx'></span>"
)


@pytest.mark.parametrize("body", [_UNLIKELY_BODY, _UNLIKELY_BODY.replace("main>", "mainx>")])
def test_remove_unlikely_candidates_is_readabilitys(body: str) -> None:
    html = f"<html><body class='foot'><div class='shoutbox'>{body}</div>{body}</body></html>"
    theirs, ours = _method_trees(html, "remove_unlikely_candidates")
    assert ours == theirs
    assert b"kept article" in ours and b"gone" not in ours


def test_div_to_paragraph_is_readabilitys_on_every_kind_of_child() -> None:
    from lxml import etree
    from readability import Document

    children = [
        "<span>inline</span>",
        "<b><i>deep <img src='x'></i></b>",
        "<picture></picture>",
        "<param name='a'>",
        "<o:p>office</o:p>",
        "<table><tr><td>t</td></tr></table>",
        "<dl><dt>d</dt></dl>",
        "<blockquote>q</blockquote>",
        "<a href='#'>&lt;p&gt; escaped</a>",
        "<span title='<div>'>attribute</span>",
        "<ul><li>l</li></ul>",
        "text only",
    ]
    rng = random.Random(5)
    for _ in range(60):
        inner = "".join(rng.choice(children) for _ in range(rng.randint(0, 4)))
        html = f"<html><body><div>{inner}<div>{rng.choice(children)}</div></div></body></html>"
        theirs, ours = _method_trees(html, "transform_misused_divs_into_paragraphs")
        assert ours == theirs, html
    # A comment or processing instruction below a div (the clean-up pass leaves none) is read
    # from the serialisation, as readability does.
    for extra in ("<!-- <p> -->", "<!-- x -->", "<?pi <div ?>"):
        html = f"<html><body><div><span>a</span>{extra}</div></body></html>"
        theirs, ours = _document(html), _document(html)
        for doc in (theirs, ours):
            div = doc.html.find(".//div")
            div.append(etree.fromstring(f"<r>{extra}</r>")[0])
        Document.transform_misused_divs_into_paragraphs(theirs)
        ours.transform_misused_divs_into_paragraphs()
        assert etree.tostring(ours.html) == etree.tostring(theirs.html), extra


# -- a tree given away: cleaned in place, parsed again for readability's second pass -------------
_SHORT_PAGE = "<html><body><div class='story'><p>Too short to keep.</p></div></body></html>"
_SPECIAL_PAGE = (
    "<html><head><meta http-equiv='refresh' content='0; url=/x'></head><body>"
    "<div class='story'><p>{}</p></div><p hidden>hidden</p></body></html>"
).format("A paragraph long enough to be the article, with commas, and words. " * 5)


@pytest.mark.parametrize("html", [_SHORT_PAGE, _SPECIAL_PAGE])
def test_summary_of_a_tree_given_away_is_readabilitys(html: str) -> None:
    from readability import Document

    from articlegrade.cleaning.readable import summary_html

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = Document(parse_html(html)).summary(html_partial=True)
    parses = []

    def reparse():
        parses.append(1)
        return parse_html(html)

    assert summary_html(parse_html(html), reparse) == expected
    assert len(parses) == (1 if html is _SHORT_PAGE else 0)  # the second pass parsed anew


def test_summary_of_zyte_pages_given_away_is_readabilitys() -> None:
    need_shared(ZYTE)
    from readability import Document

    from articlegrade.cleaning.readable import summary_html

    for path in sorted((ZYTE / "html").glob("*.html.gz"))[::6]:
        text = read_source(gzip.decompress(path.read_bytes())).text
        tree = parse_html(text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = Document(copy.deepcopy(tree)).summary(html_partial=True)
        assert summary_html(tree, lambda text=text: parse_html(text)) == expected, path.name


def test_summary_with_debug_logging_is_readabilitys(caplog: pytest.LogCaptureFixture) -> None:
    """The debug lines the short path formats only when asked: with debug logging on, the same
    summary (and lines logged)."""
    import logging

    from readability import Document

    from articlegrade.cleaning.readable import summary_html

    rows = "".join(f"<li><a href='/{i}'>link {i}</a></li>" for i in range(12))
    html = (
        "<html><body><div class='sidebar-menu'><ul>" + rows + "</ul></div>"
        "<div class='story'><h2 class='comment'>Heading</h2><p>"
        + "A paragraph long enough to be the article, with commas, and words. "
        * 8
        + "</p><div><p>short</p></div><table><tr><td>cell</td></tr></table></div>"
        "<div class='footer'><p>Sign up for the newsletter <a href='/s'>here</a></p></div>"
        "</body></html>"
    )
    with caplog.at_level(logging.DEBUG, logger="readability.readability"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = Document(parse_html(html)).summary(html_partial=True)
        theirs = [r.getMessage() for r in caplog.records]
        caplog.clear()
        ours = summary_html(parse_html(html), lambda: parse_html(html))
        logged = [r.getMessage() for r in caplog.records]
    assert ours == expected
    assert any(line.startswith(("Removed", "Not removing")) for line in logged)
    assert sorted(logged) == sorted(theirs)
