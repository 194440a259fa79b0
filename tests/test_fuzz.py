"""Property tests over generated and mutated HTML and text (hypothesis, bounded and derandomised).

- ``clean`` either returns an ``Article`` or raises an ``ArticlegradeError``: nothing else;
- ``grade_many`` yields exactly one row per input, in order, each with a status.

The longer run (10,000 inputs) is ``bench/fuzz.py``.
"""

from __future__ import annotations

from datetime import timedelta

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlegrade
from articlegrade.grading import grade_many

PAGES = [p.read_bytes() for p in sorted(SAMPLES.glob("*.html"))]
TAGS = [
    "div",
    "p",
    "span",
    "a",
    "h1",
    "li",
    "ul",
    "table",
    "td",
    "script",
    "style",
    "br",
    "figure",
    "noscript",
    "body",
    "html",
    "head",
    "title",
    "svg",
    "b",
]
ATTRS = ["", " class='share'", " class='caption'", " id='x'", " href='http://x.com'", " style="]
FRAGMENTS = [
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "&amp",
    "&#0;",
    "&#x10FFFF;",
    "\x00",
    "\ufeff",
    '"',
    "'",
    "<![CDATA[",
    "<?xml version='1.0' encoding='utf-16'?>",
    "\r\n",
    " " * 100,
]
WORDS = st.sampled_from(
    [
        "the",
        "council",
        "bridge",
        "said",
        "café",
        "—",
        "Read more",
        "Subscribe",
        "日本",
        "…",
        "!!!",
        "By Jane Doe",
        "2024",
        "\u200b",
        "e\u0301",
        "😀",
    ]
)

tag = st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS))
close = st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS))
text = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
html_soup = st.lists(
    st.one_of(tag, close, text, st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=120
).map("".join)


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 5))):
        a = draw(st.integers(0, len(data)))
        b = draw(st.integers(a, min(len(data), a + 5000)))
        op = draw(st.integers(0, 3))
        if op == 0:
            del data[a:b]
        elif op == 1:
            data[a:a] = draw(st.binary(min_size=1, max_size=40))
        elif op == 2:
            data[a:a] = draw(st.sampled_from(FRAGMENTS)).encode("utf-8", "surrogatepass")
        else:
            data = data[:a]
    return bytes(data)


source = st.one_of(
    st.text(max_size=3000),
    st.binary(max_size=3000),
    html_soup,
    html_soup.map(lambda s: s.encode("utf-16")),
    mutated_page(),
)

FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=10),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(source)
def test_clean_returns_an_article_or_raises_a_typed_error(src: str | bytes) -> None:
    try:
        article = articlegrade.clean(src)
    except articlegrade.ArticlegradeError:
        return
    assert isinstance(article, articlegrade.Article)
    assert any(not p.is_heading for p in article.paragraphs)


@settings(FUZZ, max_examples=25)
@given(st.lists(source, min_size=1, max_size=6))
def test_grade_many_yields_one_row_per_input(sources: list[str | bytes]) -> None:
    cards = list(grade_many(sources, workers=0, timeout=30))
    assert len(cards) == len(sources)
    assert all(c.status in {"ok", "skipped", "error"} for c in cards)
    assert not [c.reason for c in cards if c.reason.startswith(("internal_error", "crashed"))]
