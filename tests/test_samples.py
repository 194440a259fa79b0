"""Every file in samples/ cleaned from its path and checked against samples/expected.json.

The expectations (title, sentences that must survive, boilerplate that must go, kinds that must
be recorded) are written by hand from the pages; ``_doc`` in expected.json explains each key.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from conftest import SAMPLES

import articlegrade
from articlegrade.source import read_source

EXPECTED: dict = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(name for name in EXPECTED if not name.startswith("_"))


def _with(key: str) -> list[str]:
    return [name for name in NAMES if key in EXPECTED[name]]


@cache
def _clean(name: str) -> articlegrade.Article:
    return articlegrade.clean(SAMPLES / name)


def test_every_sample_has_expectations() -> None:
    files = sorted(p.name for p in SAMPLES.iterdir() if p.name != "expected.json")
    assert files == NAMES


def test_expectations_do_not_contradict_themselves() -> None:
    for name in NAMES:
        entry = EXPECTED[name]
        kept = [*entry["must_contain"], entry["starts_with"], entry["ends_with"]]
        for gone in entry["must_not_contain"]:
            assert not any(gone in s for s in kept), (name, gone)
        assert set(entry["headings"]) <= set(entry["must_contain"]), name


@pytest.mark.parametrize("name", NAMES)
def test_decoded_with_expected_encoding(name: str) -> None:
    assert read_source(SAMPLES / name).encoding == EXPECTED[name]["encoding"]


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    assert _clean(name).title == EXPECTED[name]["title"]


@pytest.mark.parametrize("name", NAMES)
def test_body_starts_and_ends_with_the_article(name: str) -> None:
    text = _clean(name).text
    assert text.startswith(EXPECTED[name]["starts_with"]), text[:200]
    assert text.endswith(EXPECTED[name]["ends_with"]), text[-200:]


@pytest.mark.parametrize("name", NAMES)
def test_content_kept(name: str) -> None:
    text = _clean(name).text
    missing = [s for s in EXPECTED[name]["must_contain"] if s not in text]
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_headings_kept_as_headings(name: str) -> None:
    headings = _clean(name).headings
    missing = [h for h in EXPECTED[name]["headings"] if h not in headings]
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_boilerplate_gone(name: str) -> None:
    text = _clean(name).text
    left = [s for s in EXPECTED[name]["must_not_contain"] if s in text]
    assert left == []


@pytest.mark.parametrize("name", NAMES)
def test_removed_kinds_recorded(name: str) -> None:
    found = {r.kind for r in _clean(name).removed}
    missing = sorted(set(EXPECTED[name]["removed_kinds"]) - found)
    assert missing == [], f"recorded kinds: {sorted(found)}"


@pytest.mark.parametrize("name", _with("conclusion_paragraphs"))
def test_conclusion_paragraphs_kept(name: str) -> None:
    article = _clean(name)
    conclusions = [
        p.text
        for p in article.paragraphs
        if not p.is_heading and p.text.startswith("In conclusion")
    ]
    assert len(conclusions) == EXPECTED[name]["conclusion_paragraphs"]


@pytest.mark.parametrize("name", _with("same_text_as"))
def test_html_page_cleans_like_its_text_copy(name: str) -> None:
    page = _clean(name)
    text = _clean(EXPECTED[name]["same_text_as"])
    assert page.source_format == "html"
    assert text.source_format == "text"
    assert page.title == text.title
    assert page.text == text.text
    assert page.headings == text.headings
