"""The claims family: the shipped sentence detector, the marker counts, and the per-article values."""

from __future__ import annotations

import math

import pytest
from conftest import DATA, SAMPLES, need_shared

import articlegrade
from articlegrade import Article, Paragraph
from articlegrade.model import load_model, model_path
from articlegrade.signals import claims

FACT = "The unemployment rate fell to 3.5 percent in November 2019."
OPINION = "I think we need to do better for our children."

# A tiny article whose marker counts are worked out by hand below.
HAND = Article(
    title="Jobs",
    paragraphs=(
        Paragraph("Jobs report", is_heading=True),
        Paragraph(
            "The unemployment rate fell to 3.5 percent in November 2019, according to the Bureau of "
            "Labor Statistics. I think we need to do better for our children. There are potential "
            "benefits to this approach."
        ),
        Paragraph("Acme Corp hired 1,200 workers in 2021. Prices may rise."),
    ),
)
# Body words (text.words; "3.5" and "1,200" are two tokens each; the heading is not a body sentence):
# 18 + 10 + 7 + 8 + 3 = 46.
HAND_WORDS = 46


def _seed(name: str) -> Article:
    return articlegrade.clean((SAMPLES / name).read_text(encoding="utf-8"))


def test_shipped_model_loads_with_matching_features_and_small_size() -> None:
    model = load_model("claims", kind=claims.MODEL_KIND)
    assert model.feature_names == claims.FEATURE_NAMES
    assert len(claims.FEATURE_NAMES) == len(claims.sentence_features(FACT)) == 31
    assert len(model.params["feature_coef"]) == 31
    assert len(model.params["word_vocab"]) == len(model.params["word_coef"]) <= 15_000
    assert len(model.params["char_vocab"]) == len(model.params["char_idf"]) <= 20_000
    assert 0.2 <= model.params["threshold"] <= 0.8
    assert model.meta["data_files"][0] == "claimbuster_3class_train.jsonl"
    assert model.meta["command"].startswith("python -m articlegrade.training.claims")
    assert model_path("claims").stat().st_size < 2_000_000
    assert claims.load_claim_model() is claims.load_claim_model()


def test_fact_ranks_above_opinion() -> None:
    fact, opinion = claims.sentence_scores([FACT, OPINION])
    assert fact > opinion
    assert fact >= claims.claim_threshold() > opinion
    assert claims.sentence_scores([]) == []


def test_sentence_markers_by_hand() -> None:
    assert claims.sentence_markers(
        "The unemployment rate fell to 3.5 percent in November 2019, according to the Bureau "
        "of Labor Statistics."
    ) == {"numbers": 2, "dates": 1, "proper_names": 4, "quantities": 1}
    assert claims.sentence_markers("Acme Corp hired 1,200 workers in 2021.") == {
        "numbers": 2,
        "dates": 1,
        "proper_names": 1,
        "quantities": 1,
    }
    assert claims.sentence_markers(OPINION) == {
        "numbers": 0,
        "dates": 0,
        "proper_names": 0,
        "quantities": 0,
    }
    # "May" is a month only beside a day or a year; a modal "may" never is.
    assert claims.DATE_RE.findall("It opened on 5 May 2020 and may close in May 2024.") == [
        "5 May 2020",
        "May 2024",
    ]
    assert claims.DATE_RE.findall("Prices rose in the 1990s and on March 3, 2001.") == [
        "1990s",
        "March 3, 2001",
    ]
    assert claims.QUANTITY_RE.findall("It cost $5 million, 20% more, for 50,000 troops.") == [
        "$5 million",
        "20%",
        "50,000 troops",
    ]
    assert claims.proper_names("Yesterday I said NATO and Japan’s navy met.") == ["NATO", "Japan's"]


def test_hand_made_article_values() -> None:
    result = claims.analyze(HAND)
    v = result.values
    assert set(v) == set(claims.NAMES)
    # numbers: 3.5, 2019, 1,200, 2021; dates: November 2019, 2021;
    # names: November, Bureau, Labor, Statistics, Corp; quantities: 3.5 percent, 1,200 workers.
    assert v["claims.numbers_per_100_words"] == pytest.approx(100 * 4 / HAND_WORDS)
    assert v["claims.dates_per_100_words"] == pytest.approx(100 * 2 / HAND_WORDS)
    assert v["claims.proper_names_per_100_words"] == pytest.approx(100 * 5 / HAND_WORDS)
    assert v["claims.quantities_per_100_words"] == pytest.approx(100 * 2 / HAND_WORDS)
    probs = claims.sentence_scores(HAND.sentences)
    threshold = claims.claim_threshold()
    # The two statements with figures are claims; the opinion, the hedge and the forecast are not.
    assert [p >= threshold for p in probs] == [True, False, False, True, False]
    assert v["claims.per_100_words"] == pytest.approx(100 * 2 / HAND_WORDS)
    assert v["claims.share"] == pytest.approx(2 / 5)
    assert v["claims.mean_probability"] == pytest.approx(sum(probs) / 5)
    assert v["claims.specific_share"] == 1.0
    # Only the first claim names a source ("according to").
    assert v["claims.sourced_share"] == 0.5
    assert v["claims.vague_share"] == 0.0
    assert result.evidence["claims.sourced_share"] == ["Acme Corp hired 1,200 workers in 2021."]
    assert result.evidence["claims.per_100_words"][0].endswith("Bureau of Labor Statistics.")


def test_vague_claims_and_undefined_values() -> None:
    article = Article(
        title="",
        paragraphs=(
            Paragraph("Several companies have seen significant gains from the new rules."),
            Paragraph("What should we do next?"),
        ),
    )
    v = claims.measure(article)
    assert v["claims.share"] == 0.5
    assert v["claims.vague_share"] == 1.0
    assert v["claims.specific_share"] == 0.0
    assert math.isnan(v["claims.sourced_share"])  # no specific claim to source
    empty = claims.measure(Article(title="t", paragraphs=(Paragraph("Heading", is_heading=True),)))
    assert set(empty) == set(claims.NAMES)
    assert all(math.isnan(x) for x in empty.values())


def test_values_on_the_seeds() -> None:
    japan = claims.analyze(_seed("seed-why-is-japan-not-in-nato.txt"))
    korea = claims.analyze(_seed("seed-is-japan-and-korea-part-of-nato.txt"))
    jv, kv = japan.values, korea.values
    # Model-free markers, exact. Japan: 30 (member countries), 19 (19th century), 50,000 (troops),
    # 19 (COVID-19); no date; quantities "30 member", "50,000 troops".
    japan_words = sum(
        len(articlegrade.text.words(s))
        for s in _seed("seed-why-is-japan-not-in-nato.txt").sentences
    )
    assert jv["claims.numbers_per_100_words"] == pytest.approx(100 * 4 / japan_words)
    assert jv["claims.dates_per_100_words"] == 0.0
    assert jv["claims.quantities_per_100_words"] == pytest.approx(100 * 2 / japan_words)
    # The Korea page dates NATO's enlargements (1949, 1952, ...): more dates than the Japan page.
    assert kv["claims.dates_per_100_words"] > 1.0
    # Filler pages: most sentences read as factual statements, few carry a figure, almost none is
    # sourced, and a quarter or more of the claims are hedged and vague.
    for v in (jv, kv):
        assert 0.5 <= v["claims.share"] <= 0.85
        assert v["claims.specific_share"] <= 0.3
        assert v["claims.sourced_share"] <= 0.1
        assert v["claims.vague_share"] >= 0.2
        assert v["claims.proper_names_per_100_words"] > 10
    assert (
        "The United States maintains a large military presence in Japan, with over 50,000 troops "
        "stationed there." in japan.evidence["claims.sourced_share"]
    )
    assert (
        "However, there are also potential downsides to Japan joining NATO."
        in japan.evidence["claims.vague_share"]
    )


def test_training_helpers_on_the_data() -> None:
    from articlegrade.training import claims as training

    data = need_shared(DATA / "claims")
    extra, labels, stats = training.extra_sentences(data, "cfs")
    assert set(labels) == {1}
    assert stats["overlap_test_text"] > 0  # the file shares sentences with the test split ...
    test_keys = {training._key(r["text"]) for r in training.read_jsonl(data / training.TEST_FILE)}
    assert not any(training._key(t) in test_keys for t in extra)  # ... which are all left out
    y = [1, 1, 0, 0]
    assert training.choose_threshold(y, [[0.9, 0.7, 0.6, 0.1]])[1] == 1.0
