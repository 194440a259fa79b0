"""The two source pages as given (plain text): every boilerplate line out, every content line in."""

from __future__ import annotations

from conftest import SAMPLES

import articlegrade


def _clean(name: str) -> articlegrade.Article:
    return articlegrade.clean((SAMPLES / name).read_text(encoding="utf-8"))


def test_japan_seed_boilerplate_removed_with_kinds() -> None:
    article = _clean("seed-why-is-japan-not-in-nato.txt")
    assert article.title == "Why is japan not in nato?"
    assert [(r.kind, r.text) for r in article.removed] == [
        (
            "affiliate_disclosure",
            "This article may contain affiliate links. For details, visit our Affiliate Disclosure page.",
        ),
        ("title_echo", "Why is japan not in nato?"),
        ("title_echo", "Why is japan not in nato?"),
        ("scroll_to_top", "Scroll to top"),
    ]
    assert "Scroll to top" not in article.text
    assert "affiliate" not in article.text.lower()
    assert "Why is japan not in nato?" not in article.text
    assert article.text.startswith(
        "The North Atlantic Treaty Organization, commonly known as NATO,"
    )
    assert article.text.endswith("its relationships with other countries in the region.")
    assert "Japan’s Pacifist Constitution" in article.headings


def test_korea_seed_keeps_both_conclusions() -> None:
    article = _clean("seed-is-japan-and-korea-part-of-nato.txt")
    assert article.title == "Is Japan and Korea part of NATO?"
    kinds = {r.kind for r in article.removed}
    assert kinds == {"tracking_artifact", "comment_form", "scroll_to_top"}
    for gone in (
        "website free tracking",
        "Leave a Comment",
        "Required fields are marked",
        "Scroll to Top",
    ):
        assert gone not in article.text
    conclusions = [p.text for p in article.paragraphs if p.text.startswith("In conclusion")]
    assert len(conclusions) == 2
    assert "Is Japan a member of NATO yes or no?" in article.headings
    assert article.text.endswith("help ensure peace and stability in the region and beyond.")
