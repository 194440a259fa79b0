"""style: function-word, punctuation, contraction and reporting rates, burstiness, stuffing; values
counted by hand on short texts."""

from __future__ import annotations

import math
import re

import pytest

from articlegrade import Article, Paragraph
from articlegrade.signals import style
from articlegrade.text import IGNORECASE_ODD

# 25 tokens: He said Don’t go It’s 5 p m see https x com the dog’s bowl red was full really Yes
# According to Ann they’ve left
TEXT = (
    'He said: "Don’t go." It’s 5 p.m. — see https://x.com; the dog’s bowl (red) -- was full - '
    "really? Yes! According to Ann, they’ve left."
)


def _article(*paragraphs: str, title: str = "") -> Article:
    return Article(title=title, paragraphs=tuple(Paragraph(p) for p in paragraphs))


def test_rates_counted_by_hand() -> None:
    article = _article(TEXT, title="Dog bowl news")
    assert len(article.tokens) == 25
    result = style.analyze(article)
    v = result.values
    assert list(v) == list(style.NAMES)
    # one mark = 4 per 100 words
    assert v["style.punct_comma"] == 4.0
    assert v["style.punct_semicolon"] == 4.0
    assert v["style.punct_colon"] == 4.0  # "said:"; the colon of https:// is no punctuation
    assert v["style.punct_dash"] == 12.0  # "—", "--" and " - "; the hyphen of no word
    assert v["style.punct_parenthesis"] == 4.0
    assert v["style.punct_quote"] == 8.0
    assert v["style.punct_question"] == 4.0
    assert v["style.punct_exclamation"] == 4.0
    assert v["style.digit_tokens_per_100_words"] == 4.0  # "5"
    assert v["style.contractions_per_100_words"] == 12.0  # Don’t, It’s, they’ve (not dog’s)
    assert v["style.reporting_per_100_words"] == 8.0  # said, According to
    # he, the, to, was ("It’s" is "it", not a function word of the groups)
    assert v["style.function_word_share"] == pytest.approx(4 / 25)
    assert v["style.fw_pronoun_third"] == 4.0
    assert v["style.fw_article"] == 4.0
    assert v["style.fw_preposition"] == 4.0
    assert v["style.fw_auxiliary"] == 4.0
    assert v["style.fw_pronoun_first"] == v["style.fw_negation"] == 0.0
    # 15 content words, each once: said don’t see https com dog bowl red full really yes
    # according ann they’ve left
    assert v["style.top_word_share"] == pytest.approx(1 / 15)
    assert v["style.top3_word_share"] == pytest.approx(3 / 15)
    assert result.evidence["style.top_word_share"] == ["said ×1", "don’t ×1", "see ×1"]
    assert v["style.title_word_density"] == pytest.approx(2 / 15)  # dog, bowl of dog bowl news
    assert result.evidence["style.title_word_density"] == ["bowl", "dog", "news"]
    # lowercased token lengths, the 's of dog’s and it’s dropped: 84 characters
    assert v["style.mean_word_length"] == pytest.approx(84 / 25)


def test_reporting_words_are_whole_words_in_any_case() -> None:
    text = "SAID once. Unsaid twice. Saidx no. They Reported it, Stated it and told us. Says who?"
    # 16 tokens; SAID, Reported, Stated, told, Says
    v = style.measure(_article(text))
    assert v["style.reporting_per_100_words"] == pytest.approx(100 * 5 / 16)


def test_sentence_burstiness_by_hand() -> None:
    short = "Cats sleep here."
    middle = "The old brown cat sleeps in the warm sun near the door."
    long = "Then " + " ".join(["very"] * 33) + " long."
    v = style.measure(_article(f"{short} {middle} {long}"))
    # lengths 3, 12, 35: median 12, absolute deviations 9, 0, 23 -> MAD 9
    assert v["style.sentence_length_robust_cv"] == pytest.approx(9 / 12)
    assert v["style.sentence_length_range_share"] == pytest.approx(2 / 3)


def test_empty_body_is_nan_not_zero() -> None:
    v = style.measure(_article())
    assert math.isnan(v["style.function_word_share"])
    assert math.isnan(v["style.mean_word_length"])
    assert math.isnan(v["style.top_word_share"])
    assert math.isnan(v["style.sentence_length_robust_cv"])


@pytest.mark.parametrize(
    "text",
    [
        "No reporting verb here at all. Just words.",
        "The mayor said no. According to him, it was told before.",
        "The mayor ſaid no and it was ſtated twice.",  # long s: caseless, not in the lowercase text
        "He SAYS so; ANNOUNCED, reported; unsaid, saidx.",
        "Tōkyō officials said the line opens in 2026.",
        "said,said _said said_ saidsaid 'said' according  to according\nto according tolD",
        "According to SAID: to-told, told’s, announced2 reported… stated. Says",
        "İstanbul officials said so; KELVİN told them",  # dotted capital I: lower() is longer
        "The \u212aelvin sign said no, and Σ told ΟΔΟΣ.",
    ],
)
def test_reporting_shortcut_is_the_regex_count(text: str) -> None:
    """Without a reporting word in the lowercased tokens the regex is not run: the same count."""
    article = _article(text)
    raw = "\n".join(article.tokens)
    expected = len(style._REPORTING.findall("\n" + article.text))
    assert style._reporting(article.text, raw) == expected
    assert style.measure(article)["style.reporting_per_100_words"] == pytest.approx(
        100 * expected / len(article.tokens)
    )


def test_lowercasing_keeps_what_the_shortcuts_rely_on() -> None:
    """On every code point but the ``IGNORECASE_ODD`` ones, ``str.lower`` gives one character, a
    word character for a word character, whitespace for whitespace, and an ASCII character only
    for an ASCII one (so a caseless ASCII class and a lowercase letter agree): what
    ``style._reporting`` and ``filler.find_phrases`` rely on to search the lowercased text."""
    odd = set(IGNORECASE_ODD.pattern.strip("[]"))
    chars = "".join(chr(i) for i in range(0x110000) if chr(i) not in odd)
    low = chars.lower()
    assert len(low) == len(chars)
    for cls in (r"\w", r"\s"):
        mask = re.compile(cls)
        assert [m.start() for m in mask.finditer(chars)] == [m.start() for m in mask.finditer(low)]
    ascii_at = [i for i, c in enumerate(chars) if c.isascii()]
    assert [i for i, c in enumerate(low) if c.isascii()] == ascii_at
    assert all(low[i] == chars[i].lower() for i in ascii_at)
    for mark in "’‘":  # (filler's apostrophes)
        assert low.count(mark) == chars.count(mark) == 1 and low.index(mark) == chars.index(mark)
    assert len("İ".lower()) == 2 and "İ" in odd  # the one longer lowercase is an odd one


def test_reporting_shortcut_counts_the_long_s() -> None:
    text = "The mayor ſaid no and it was ſtated twice."
    raw = "\n".join(_article(text).tokens)
    assert style._reporting(text, raw) == 2


def test_top_words_keep_first_seen_order_on_ties() -> None:
    # beta, alpha and gamma occur twice each: the top three in order of first occurrence
    text = "Beta alpha gamma delta. Gamma alpha beta. Epsilon zeta."
    result = style.analyze(_article(text))
    assert result.evidence["style.top_word_share"] == ["beta ×2", "alpha ×2", "gamma ×2"]
    assert result.values["style.top3_word_share"] == pytest.approx(6 / 9)
