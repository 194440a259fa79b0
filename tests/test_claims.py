"""The claims family: the shipped sentence detector, the marker counts, and the per-article values."""

from __future__ import annotations

import math
import re
import sys
import threading
from collections import Counter
from itertools import pairwise

import numpy as np
import pytest
from conftest import DATA, SAMPLES, need_shared
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------------------------------------
# The fast evaluation is exactly the plain one: reference implementations of the per-sentence
# features, markers and model score (one sentence at a time, every pattern run on the whole
# sentence), compared for equality on real and generated sentences.
# ---------------------------------------------------------------------------------------------


def _ref_features(sentence: str) -> list[float]:
    """``sentence_features`` as first written: every pattern run on every sentence."""
    c = claims
    s = c.normalize(sentence)
    n_words = max(len(s.split()), 1)
    low = s.lower()
    past = sum(1 for w in c._LOWER_WORD_RE.findall(low) if w in c._IRREGULAR_PAST) + len(
        c._ED_RE.findall(low)
    )
    modals = len(c._MODAL_RE.findall(s))
    first = len(c._FIRST_RE.findall(s))
    has_digit = any(ch.isdigit() for ch in s)
    has_percent = bool(c._PERCENT_RE.search(s))
    has_currency = bool(c._CURRENCY_RE.search(s))
    has_quantity = bool(has_percent or has_currency or c.QUANTITY_RE.search(s))
    has_year = bool(c._YEAR_RE.search(s))
    has_month = bool(c._MONTH_RE.search(s))
    specific = has_digit or has_year or has_month or has_quantity
    return [
        math.log1p(n_words),
        float(has_digit),
        math.log1p(len(c.NUMBER_RE.findall(s))),
        float(bool(c._NUMWORD_RE.search(s))),
        float(has_percent),
        float(has_currency),
        float(has_quantity),
        float(has_year),
        float(has_month),
        float(bool(c._TIME_REF_RE.search(s))),
        math.log1p(len(c.proper_names(s))),
        math.log1p(past),
        past / n_words,
        float(bool(c._PERFECT_RE.search(s))),
        math.log1p(modals),
        float(bool(c._OPINION_RE.search(s))),
        first / n_words,
        len(c._SECOND_RE.findall(s)) / n_words,
        float("?" in s),
        float("!" in s),
        float(bool(c._COMPARATIVE_RE.search(s))),
        float(bool(c._SUPERLATIVE_RE.search(s))),
        float(bool(c._NEGATION_RE.search(s))),
        float(bool(c._ATTRIBUTION_RE.search(s))),
        float(bool(c._IMPERATIVE_RE.match(s))),
        float(n_words < 6),
        float(first > 0 and past > 0),
        float(first > 0 and modals > 0),
        float(specific),
        float(past > 0 and modals == 0),
        float(modals > 0 and not specific),
    ]


def _ref_markers(sentence: str) -> dict[str, int]:
    s = claims.normalize(sentence)
    return {
        "numbers": len(claims.NUMBER_RE.findall(s)),
        "dates": len(claims.DATE_RE.findall(s)),
        "proper_names": len(claims.proper_names(s)),
        "quantities": len(claims.QUANTITY_RE.findall(s)),
    }


def _ref_block(params: dict, prefix: str, terms: list[str]) -> float:
    """One TF-IDF block scored for one sentence, terms in order of first occurrence."""
    index = {t: i for i, t in enumerate(params[f"{prefix}_vocab"])}
    idf = np.asarray(params[f"{prefix}_idf"], dtype=np.float64)
    coef = np.asarray(params[f"{prefix}_coef"], dtype=np.float64)
    known = [(index[t], n) for t, n in Counter(terms).items() if t in index]
    if not known:
        return 0.0
    cols = np.array([i for i, _ in known], dtype=np.int64)
    weights = (1.0 + np.log(np.array([n for _, n in known], dtype=np.float64))) * idf[cols]
    return float(weights @ coef[cols]) / float(np.sqrt(weights @ weights))


def _ref_probability(params: dict, sentence: str) -> float:
    feats = (np.asarray(_ref_features(sentence)) - np.asarray(params["feature_mean"])) / np.asarray(
        params["feature_scale"]
    )
    low, high = params["char_range"]
    decision = (
        float(params["intercept"])
        + _ref_block(params, "word", claims.word_terms(sentence))
        + _ref_block(params, "char", claims.char_terms(sentence, low, high))
        + float(feats @ np.asarray(params["feature_coef"], dtype=np.float64))
    )
    return 1.0 / (1.0 + math.exp(-decision))


def test_batched_scores_equal_one_sentence_at_a_time_to_the_last_bit() -> None:
    params = load_model("claims", kind=claims.MODEL_KIND).params
    sentences = [
        *_seed("seed-why-is-japan-not-in-nato.txt").sentences,
        *HAND.sentences,
        "",
        "?",
        "Prices rose 5% in 2020–2021, said the “Bureau” of Labor Statistics.",
    ]
    assert claims.sentence_scores(sentences) == [_ref_probability(params, s) for s in sentences]
    assert claims.load_claim_model().decision(FACT) == pytest.approx(
        -math.log(1.0 / _ref_probability(params, FACT) - 1.0), abs=1e-9
    )
    for s in sentences:
        assert claims.sentence_features(s) == _ref_features(s)
        assert claims.sentence_markers(s) == _ref_markers(s)


# Words that open the gates (and near misses) and phrases that match the patterns, in several
# cases, with digits, marks and non-ASCII text (curly quotes, accents, Cyrillic, Greek, currency
# signs, the long s and Kelvin sign that IGNORECASE folds to "s" and "k", non-ASCII digits).
_VOCAB = sorted(
    {w for g in claims._GATES for w in g.words | g.also_words}
    | {"According to", "SAID", "(Reuters)", "(AP)", "May", "Sept.", "Jan.", "March", "I'm", "we're"}
    | {"you'll", "I'd", "can't", "didn't", "it's", "'ve", "biggest", "interest", "taller than"}
    | {"1990s", "'90s", "19th", "3.5", "1,200", "50,000", "$5", "20%", "5-year", "2021-03-04"}
    | {"5 per cent", "20 percent", "3 million dollars", "two million", "a hundred people"}
    | {"has been", "have gone", "Japan's been", "this year", "last week", "in the past", "2019"}
    | {"more than", "a variety of", "tends to", "data from", "a 2019 study", "the survey"}
    | {"March 3, 2001", "5 May 2020", "May 2024", "Sept. 11", "1,200 workers", "$5 million"}
    | {"50,000 troops", "12 km", "I think", "in my opinion", "we're going", "I'm sure", "need to"}
    | {"going to", "took", "talked", "_x", "x2was", "ten-year", "4 dollars", "10yen", "7 times"}
    | {"a million people", "the 2019 report", "has 5 percentage points", "Let's", "it'll"}
    | {"ſaid", "\u212a", "café", "Japan’s", "“quoted”", "–", "¹²", "٣", "€5", "Ünited", "İs"}
    | {"£3 million", "¥20", "Тест данные", "ΣΑΣ", "ǅ", "ẞ", "ﬆ", "µ", "x²", "a\xa0said", "…", "ı"}
    # Edges of the split and no-month patterns: a word character or apostrophe next to a gate
    # word, a year or a number; a month-less date; a number word or currency before a unit.
    | {"x'90s", "_1990", "a1990", "21990", "15999", "2019-1-1", "1999s'", "1'90s", "2000-01-011"}
    | {"I'd'x", "i'mx", "xi think", "begin my view", "in  my view", "I am going", "We can"}
    | {"x've done", "'s been", "has_been", "going  to", "got to", "have to", "gonna", "ours"}
    | {"5_ km", "x5 km", "$x5", "$ 5", "5 %", "5 over people", "3.5-km", "5 more times", "5km"}
)
_SEPARATORS = [" ", " ", " ", ", ", "-", "'", " (", ") ", ". ", "?", "!", "", "\n"]


def _check_same_as_plain(sentence: str) -> None:
    text = claims.normalize(sentence)
    prepared = claims._Sentence(sentence)
    for gate in claims._GATES:
        assert prepared.count(gate) == len(gate.regex.findall(text)), (sentence, gate.bit)
        assert prepared.search(gate) == bool(gate.regex.search(text)), (sentence, gate.bit)
    assert prepared.features() == _ref_features(sentence), sentence
    assert prepared.markers() == _ref_markers(sentence), sentence
    assert prepared.raw_word_count() == len(articlegrade.text.words(sentence))


# Contexts in which a gate word completes a match of its pattern.
_CONTEXTS = (
    "{w}", "the {w}", "5 {w}", "one {w}", "a million {w}", "data {w}", "{w} to", "{w} from",
    "has {w}", "{w} been", "{w} than", "in the {w}", "I {w}", "last {w}", "a {w} of", "{w} 2020",
    "$5 {w}", "5-{w}", "{w} 3, 2001", "we {w} going", "going {w}", "{w} people", "{w} percent",
    "{w} this", "we'{w} been", "a {w} people",
)  # fmt: skip


def test_gated_patterns_equal_the_plain_patterns_on_each_phrase() -> None:
    for phrase in _VOCAB:
        for variant in (phrase, phrase.capitalize(), phrase.upper()):
            for sentence in (variant, f"So {variant}.", f"{variant}, then 3 ({variant})"):
                _check_same_as_plain(sentence)
    for word in sorted({w for g in claims._GATES for w in g.words | g.also_words}):
        for context in _CONTEXTS:
            _check_same_as_plain(context.format(w=word))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_VOCAB), st.sampled_from(_SEPARATORS), st.integers(0, 2)),
        max_size=8,
    )
)
def test_gated_patterns_equal_the_plain_patterns(parts: list[tuple[str, str, int]]) -> None:
    _check_same_as_plain(
        "".join((w, w.capitalize(), w.upper())[case] + sep for w, sep, case in parts).strip()
    )


def test_gated_patterns_equal_the_plain_patterns_on_claimbuster() -> None:
    from articlegrade.training import claims as training

    data = need_shared(DATA / "claims")
    rows = training.read_jsonl(data / training.TEST_FILE)
    for row in rows[::2]:
        _check_same_as_plain(row["text"])


def test_gates_are_distinct_flags_and_refuse_patterns_they_cannot_lower_case() -> None:
    assert [g.bit for g in claims._GATES] == [1 << i for i in range(len(claims._GATES))]
    with pytest.raises(ValueError):
        claims._Gate(0, re.compile(r"\bsaid\S", re.IGNORECASE), "said")
    assert claims.normalize("plain ASCII") == "plain ASCII"
    assert claims.normalize("Japan’s “navy” – 1") == 'Japan\'s "navy" - 1'
    assert claims.normalize("‘a’ “b” c–d—e …") == "'a' \"b\" c-d-e …"
    # A split needs one pattern per gate word, and only a word-opened case-insensitive gate.
    with pytest.raises(ValueError):
        claims._Gate(0, re.compile(r"\bsaid\b", re.IGNORECASE), "said says", split={"said": "said"})
    with pytest.raises(ValueError):
        claims._Gate(0, re.compile(r"\bsaid\b"), "said", split={"said": "said"})
    with pytest.raises(ValueError):
        claims._Gate(
            0, re.compile(r"\bsaid\b", re.IGNORECASE), "said", digit=True, split={"said": "said"}
        )


def _count_in_order_reference(columns: np.ndarray, bounds: list[int]) -> tuple:
    cols: list[int] = []
    counts: list[int] = []
    offsets = [0]
    for start, end in pairwise(bounds):
        counter = Counter(columns[start:end].tolist())  # insertion order: first occurrence
        cols += counter
        counts += counter.values()
        offsets.append(len(cols))
    return cols, counts, offsets


def test_count_in_order_with_small_and_large_keys() -> None:
    rng = np.random.default_rng(0)
    for high, n in ((40, 300), (35_000, 5_000), (1 << 20, 4_000), (1 << 30, 50)):
        # Ranges that make the sort keys fit int32 and ranges that need int64.
        columns = rng.integers(0, high, size=n).astype(np.int32)
        columns[::7] = columns[0]  # repeats within and across groups
        cuts = np.sort(rng.integers(0, n + 1, size=12))
        bounds = [0, *cuts.tolist(), n]
        got_cols, got_counts, got_offsets = claims._count_in_order(columns, np.asarray(bounds))
        want = _count_in_order_reference(columns, bounds)
        assert (got_cols.tolist(), got_counts.tolist(), got_offsets) == want
    empty = claims._count_in_order(np.zeros(0, dtype=np.int32), np.zeros(3, dtype=np.intp))
    assert (empty[0].tolist(), empty[1].tolist(), empty[2]) == ([], [], [0, 0, 0])


def test_character_columns_cache_is_bounded_and_exact() -> None:
    model = claims.load_claim_model()
    low, high = model.char_range
    cache = claims._CharColumns(model.char_index, low, high)
    for i in range(claims._CHAR_CACHE_SIZE + 10):
        cache[f"w{i}"]
        assert len(cache) <= claims._CHAR_CACHE_SIZE
    assert "w0" not in cache and f"w{claims._CHAR_CACHE_SIZE + 9}" in cache  # the older half goes
    for word in ("unemployment", "the", "x", "naïve"):
        want = [
            model.char_index[g] for g in claims.char_terms(word, low, high) if g in model.char_index
        ]
        assert np.frombuffer(cache[word], dtype=np.int32).tolist() == want


def test_character_columns_cache_is_safe_with_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    # The model (and its cache) is shared by every thread: forgetting the older half while
    # another thread fills or forgets must neither raise nor lose the bound.
    monkeypatch.setattr(claims, "_CHAR_CACHE_SIZE", 64)
    model = claims.load_claim_model()
    cache = claims._CharColumns(model.char_index, *model.char_range)
    errors: list[str] = []

    def fill(thread: int) -> None:
        try:
            for i in range(20_000):
                cache[f"w{thread}_{i}"]
        except Exception as error:  # any error is the failure
            errors.append(repr(error))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=fill, args=(t,)) for t in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(cache) <= 64 + 4
