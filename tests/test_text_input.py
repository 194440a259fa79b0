"""Plain-text input: the first heading-like line is the title; short lines alone are a list, not headings."""

from __future__ import annotations

import articlegrade


def test_lines_ending_in_japanese_full_stops_are_paragraphs() -> None:
    text = "先日、改造したiPhoneを販売した男性が逮捕されました。\n\n報道によると、販売されたのは脱獄したiPhoneです。"
    article = articlegrade.clean(text)
    assert article.title == ""
    assert [p.is_heading for p in article.paragraphs] == [False, False]


def test_a_text_of_short_lines_is_a_list_not_headings() -> None:
    article = articlegrade.clean(
        "Stock Car 2018\n\nRound 1: 10 March – Interlagos\nRound 2: 8 April – Curitiba"
    )
    assert article.title == "Stock Car 2018"
    assert [(p.text, p.is_heading) for p in article.paragraphs] == [
        ("Round 1: 10 March – Interlagos", False),
        ("Round 2: 8 April – Curitiba", False),
    ]


def test_headings_above_paragraphs_stay_headings() -> None:
    article = articlegrade.clean("Title Here\n\nA Section\n\nBody sentence of the section.")
    assert [(p.text, p.is_heading) for p in article.paragraphs] == [
        ("A Section", True),
        ("Body sentence of the section.", False),
    ]


def test_short_text_in_another_script_is_not_english() -> None:
    from articlegrade.language import is_english
    from articlegrade.text import words

    assert not is_english(words("日本は北大西洋条約機構の加盟国ではない。"))
    assert not is_english(words("Москва является столицей России."))
    assert is_english(words("Short English note about Zürich."))
