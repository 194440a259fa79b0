"""Every boilerplate kind on fresh lines it was not written from, and content lines it must keep.

The lines here are realistic but new: none is an example from ``KINDS`` and none is copied from the
benchmark pages the rules were measured on.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

import articlegrade
from articlegrade.cleaning import KINDS, LINE_RULES, rule_kind

# kind -> fresh lines the line rules must take out as that kind
REMOVED: dict[str, list[str]] = {
    "scroll_to_top": ["↑ Back to top", "Go to top of page", "Jump back to top"],
    "affiliate_disclosure": [
        "We may earn a commission when you buy through links on our site.",
        "This post contains affiliate links, which means I may receive a small commission at no "
        "extra cost to you.",
        "As an Amazon Associate, this site earns from qualifying purchases.",
    ],
    "comment_form": [
        "Leave a Reply",
        "Cancel reply",
        "12 Comments",
        "View 5 more comments",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Save my name, email, and website in this browser for the next time I comment.",
        "What do you think?",
        "Have your say",
    ],
    "share_prompt": [
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter Pinterest Email",
        "Click to share on Reddit (Opens in new window)",
        "Did you enjoy this post? Share it with your friends.",
        "1.2k shares",
    ],
    "call_to_action": [
        "Sign up for our daily briefing",
        "SUBSCRIBE NOW",
        "Download the free Weather Channel app today",
        "Follow us on Instagram for more recipes.",
        "Get the best stories delivered straight to your inbox.",
        "To read the full report, click here.",
        "Already a subscriber? Log in",
    ],
    "cookie_notice": [
        "This website uses cookies to ensure you get the best experience.",
        "Accept all cookies",
        "By continuing to use this site you agree to our use of cookies.",
    ],
    "tracking_artifact": [
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
        "free web counter",
        '[caption id="attachment_12" align="alignnone"] A river at dawn[/caption]',
    ],
    "advertisement": [
        "ADVERTISEMENT",
        "Sponsored content",
        "Article continues below this ad",
        "- Advertisement -",
    ],
    "caption_credit": [
        "Image caption Firefighters at the scene on Sunday",
        "Photo credit: Maria Lopez",
        "Photograph: Tom Jenkins/The Guardian",
        "Photo by Mark Chen on Unsplash",
        "A worker inspects a turbine at the plant. (Photo: AFP )",
        "Lee Jin-man | AP | Shutterstock",
        "(AP Photo/Evan Vucci)",
    ],
    "related_links": [
        "Related Articles",
        "Read next: Why rents keep rising",
        "More from Business",
        "You might also be interested in",
        "Don't miss: The 10 best hikes in Utah",
        "Also on example.org Mayor resigns after audit finds missing funds",
        "Minister quits after row over budget [VIDEO]",
        "Most Popular",
    ],
    "byline_dateline": [
        "By Maria Lopez and Tom Jenkins",
        "By JOHN SMITH | Associated Press",
        "Updated: 3 hours ago",
        "Nov 19, 2019, 8:02am EST",
        "Posted on 2019-11-19",
        "Reading time: 4 minutes",
        "quinta-feira, 3 de março de 2016",
        "Additional reporting by Ana Ruiz; editing by Ed Osmond",
        "(Writing by Li Wei; Editing by Sam Holmes)",
        "Staff writers Jo Park and Ray Dunn contributed to this report.",
    ],
    "media_placeholder": [
        "This video requires JavaScript to play.",
        "Please enable JavaScript to view this content",
        "Your browser does not support the video tag.",
        "WATCH",
        "Watch: Storm hits the coast",
        "2:34",
    ],
    "navigation": [
        "Home > News > Politics",
        "Skip to main content",
        "Tags: budget, housing, rent",
        "Filed in: Opinion",
        "Topics: climate",
    ],
    "legal_footer": [
        "Copyright 2020 Acme Corp.",
        "All Rights Reserved.",
        "Privacy Policy | Terms of Use | Contact Us",
    ],
    "stray_symbol": ["***", "— — —", "|"],
}

# Content that looks a little like boilerplate: no line rule may take any of these out.
KEPT: list[str] = [
    "By 2020, the company had lost $5m.",
    "By Thursday, the storm had moved north.",
    "By Jane's own account, the deal was a mistake.",
    "Subscribers grew 40% in 2019, the company said.",
    "Reporting by the Times found that the agency had ignored warnings for years.",
    "Download speeds averaged 40 Mbps in the test, the report said.",
    "Share prices fell 3% on Monday after the announcement.",
    "Comments made by the minister drew criticism from all sides.",
    "Photos of the event show a crowd of several thousand people.",
    "The company said it would sign up 500 new stores by the end of the year, including 40 in "
    "Texas.",
    "Related research has shown similar results in mice, the authors noted.",
    "Tags on the collars helped researchers follow the wolves across the valley.",
    "More than 300 people attended the meeting on Tuesday.",
    "The museum's new gallery opens in May.",
    "Ads for the product ran on television for six weeks.",
    "Home prices in the city rose 4% last year.",
    "The judge's ruling (source: court filings) was sealed until Friday.",
    "Back to the topic of rates: the bank held them at 1.5%.",
    "Listen to the full interview below.",
    "Like many of her colleagues, she had never voted.",
    "We earned our first profit in 2018, the founder said.",
    "Menu prices at the restaurant have doubled since 2015.",
    "Also on Tuesday, the senate passed the bill.",
    "Staff at the hospital said the new wing would open in March, and that doctors had "
    "contributed to its design.",
    # cookies in baking
    "Cookies are best baked at 180C until the edges turn golden; let them cool on a rack before "
    "you store them in a tin.",
    "Our cookie recipe uses brown butter, which gives the dough a nutty taste.",
    # a long paragraph about affiliate links
    "Many readers have asked how affiliate links work. In short, a shop pays a blog a small fee "
    "when a reader buys something after clicking a link, and the reader pays the same price "
    "either way; the practice is legal in most countries as long as it is disclosed clearly, and "
    "regulators in several countries have fined sites that hid it from their readers.",
    # numbers and times that are body text (table cells, live-blog entry times)
    "10 p.m.",
    "4:15 a.m.",
    "5040",
    "85%",
    "225.86",
    "7 Lena Park 4120 2 0 9 14",
]

LINE_KINDS = sorted({rule.kind for rule in LINE_RULES})
# Kinds decided outside the line rules: title_echo needs the title, standfirst needs the markup.
NON_LINE_KINDS = {"title_echo", "standfirst"}


@pytest.mark.parametrize(
    ("kind", "line"), [(kind, line) for kind, lines in REMOVED.items() for line in lines]
)
def test_boilerplate_line_removed_as_its_kind(kind: str, line: str) -> None:
    assert rule_kind(line) == kind


@pytest.mark.parametrize("line", KEPT)
def test_content_line_kept(line: str) -> None:
    assert rule_kind(line) is None


def test_fresh_lines_are_not_kinds_examples() -> None:
    examples = {ex for _, exs in KINDS.values() for ex in exs}
    fresh = {line for lines in REMOVED.values() for line in lines}
    assert not fresh & examples


def test_every_kind_is_tested() -> None:
    assert set(LINE_KINDS) <= set(KINDS)
    assert set(KINDS) == set(REMOVED) | NON_LINE_KINDS
    for kind in REMOVED:
        assert REMOVED[kind], kind


def test_docs_describe_every_kind() -> None:
    doc = (ROOT / "docs" / "cleaning.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert re.search(rf"^#+ .*`{kind}`", doc, re.MULTILINE), f"{kind} not documented"


def test_title_echo_in_text() -> None:
    text = (
        "How to repot an orchid\n\n"
        "Orchids need fresh bark every two years, and spring is the best time to do it.\n\n"
        "How to repot an orchid\n\n"
        "Water the plant lightly after repotting and keep it out of direct sun for a week."
    )
    article = articlegrade.clean(text)
    assert article.title == "How to repot an orchid"
    assert [(r.kind, r.text) for r in article.removed] == [("title_echo", "How to repot an orchid")]
    assert article.text.startswith("Orchids need fresh bark")


def _page(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Tides explained - Coast News</title></head><body>"
        f"<article><h1>Tides explained</h1>{body}</article></body></html>"
    )


PARAS = (
    "<p>The moon pulls the oceans toward it, and the water on the far side of the earth bulges "
    "too, which is why most coasts see two high tides a day rather than one.</p>"
    "<p>The sun adds its own, weaker pull; when the two line up at new and full moon, the tides "
    "run higher than usual and fishermen call them spring tides.</p>"
    "<p>Harbour pilots still plan every large ship's arrival around these tables, because a "
    "loaded tanker can need the extra metre of water that a high tide gives.</p>"
)


def test_standfirst_and_figure_caption_from_markup() -> None:
    html = _page(
        '<p class="article-dek">Why the sea rises and falls twice a day.</p>'
        + PARAS
        + '<figure><img src="a.jpg"><figcaption>Low tide at Brest. Photo: Ana Ruiz</figcaption>'
        "</figure>"
    )
    article = articlegrade.clean(html)
    kinds = {(r.kind, r.rule) for r in article.removed}
    assert ("standfirst", "markup") in kinds
    assert ("caption_credit", "markup") in kinds
    assert "Why the sea rises" not in article.text
    assert "Low tide at Brest" not in article.text
    assert article.text.startswith("The moon pulls the oceans")


def test_link_headline_and_hover_card_removed_but_inline_links_kept() -> None:
    html = _page(
        '<p>Tide tables are published by the <a href="/o">national hydrographic office</a> '
        'and by <span class="person-hover"><a href="/p/ana">Ana Ruiz</a>'
        '<span class="person-hover-card"><a href="/x">Ana Ruiz</a>'
        '<a href="/y">Ruiz warns of rising seas in new report</a></span></span> at the port.</p>'
        + PARAS
        + "<p>You may also like</p>"
        '<p><a href="/z">Ten coastal walks to take before the winter storms arrive</a></p>'
    )
    article = articlegrade.clean(html)
    first = article.paragraphs[0].text
    assert first == (
        "Tide tables are published by the national hydrographic office and by Ana Ruiz at the port."
    )
    removed = {(r.kind, r.text) for r in article.removed}
    assert ("related_links", "Ten coastal walks to take before the winter storms arrive") in removed
    assert ("related_links", "You may also like") in removed
    assert "warns of rising seas" not in article.text


def test_table_row_is_one_line_and_numbers_survive() -> None:
    html = _page(
        PARAS + "<table><tr><th>Port</th><th>High tide</th><th>Height</th></tr>"
        "<tr><td>Brest</td><td>06:12</td><td>6.9</td></tr>"
        "<tr><td>Saint-Malo</td><td>07:40</td><td>12.1</td></tr></table>"
    )
    article = articlegrade.clean(html)
    texts = [p.text for p in article.paragraphs]
    assert texts[-3:] == ["Port High tide Height", "Brest 06:12 6.9", "Saint-Malo 07:40 12.1"]


@pytest.mark.parametrize(
    "piece", [" ", "!", ".", ", ", "-", "/", "|", "(", "[", "a ", "1 ", "By A "]
)
def test_rules_on_long_runs_of_spaces_and_punctuation(piece: str) -> None:
    # Each rule is anchored or bounded; a 20,000-character run must come back (not hang) with a
    # kind only where the run is pure symbols.
    line = "x " + piece * (20_000 // len(piece))
    for rule in LINE_RULES:
        find = rule.pattern.search if rule.search else rule.pattern.fullmatch
        find(line)
    assert rule_kind(piece * 5_000) in (None, "stray_symbol")
