"""readability: textstat's formulas with our sentences, sentence/paragraph stats, and ``ease``."""

from __future__ import annotations

import math

import numpy as np
import pytest
import textstat
from conftest import SAMPLES

import articlegrade
from articlegrade import Article, Paragraph
from articlegrade.model.storage import ModelError, save_model
from articlegrade.signals import readability as R

# Three sentences that blingfire and textstat split the same way; no headings, straight quotes.
HAND = (
    "The cat sat on the mat near the door. "
    "It was a sunny day and the children played outside happily. "
    "Nobody expected the extraordinary announcement from the municipal government that afternoon."
)
# Hand counts: words 9 + 11 + 11 = 31; syllables 9 + 16 + 29 = 54 (CMU: extraordinary 6,
# municipal 4, happily 3, ...); polysyllabic (>= 3) words: happily, nobody, expected,
# extraordinary, announcement, municipal, government, afternoon = 8.
WORDS, SENTENCES, SYLLABLES, POLY = 31, 3, 54, 8

EASY = (
    "Tom has a dog. The dog is big and brown. It likes to run in the park. Tom throws a ball. "
    "The dog runs fast and gets it. Then they go home. Tom gives the dog some water. The dog is "
    "happy. Tom is happy too."
)
HARD = (
    "Notwithstanding considerable institutional resistance, the municipal administration "
    "implemented comprehensive regulatory modifications intended to facilitate sustainable "
    "infrastructural development, although numerous commentators, particularly environmental "
    "organisations, questioned whether the anticipated socioeconomic consequences had been "
    "adequately evaluated. Consequently, parliamentary representatives demanded an independent "
    "investigation, emphasising that transparency, accountability and methodological rigour were "
    "indispensable prerequisites for legitimate governmental decision-making."
)


def article(*paragraphs: str, headings: tuple[str, ...] = ()) -> Article:
    return Article(
        title="",
        paragraphs=tuple(Paragraph(h, is_heading=True) for h in headings)
        + tuple(Paragraph(p) for p in paragraphs),
    )


def test_formulas_equal_textstat_and_hand_counts() -> None:
    a = article(HAND)
    assert len(a.sentences) == SENTENCES
    v = R.measure(a)
    wps, spw = WORDS / SENTENCES, SYLLABLES / WORDS
    expected = {
        "flesch_reading_ease": (206.835 - 1.015 * wps - 84.6 * spw, textstat.flesch_reading_ease),
        "flesch_kincaid_grade": (0.39 * wps + 11.8 * spw - 15.59, textstat.flesch_kincaid_grade),
        "smog_index": (1.043 * math.sqrt(30 * POLY / SENTENCES) + 3.1291, textstat.smog_index),
        "coleman_liau_index": (None, textstat.coleman_liau_index),
        "dale_chall": (None, textstat.dale_chall_readability_score),
    }
    for name, (by_hand, ts) in expected.items():
        assert v[f"readability.{name}"] == pytest.approx(ts(HAND), abs=1e-9), name
        if by_hand is not None:
            assert v[f"readability.{name}"] == pytest.approx(by_hand, abs=1e-9), name
    assert v["readability.flesch_reading_ease"] == pytest.approx(48.9789, abs=1e-4)
    assert v["readability.flesch_kincaid_grade"] == pytest.approx(8.9948, abs=1e-4)
    assert v["readability.syllables_per_word"] == pytest.approx(54 / 31)
    assert v["readability.polysyllable_share"] == pytest.approx(8 / 31)


def test_sentence_stats_of_a_three_sentence_text() -> None:
    v = R.measure(article(HAND))
    # lengths 9, 11, 11
    assert v["readability.sentence_length_mean"] == pytest.approx(31 / 3)
    assert v["readability.sentence_length_std"] == pytest.approx(math.sqrt(8 / 9))
    assert v["readability.sentence_length_cv"] == pytest.approx(math.sqrt(8 / 9) / (31 / 3))
    assert v["readability.sentence_length_max"] == 11
    assert v["readability.sentence_length_p90"] == 11
    assert v["readability.long_sentence_share"] == 0
    assert v["readability.commas_per_sentence"] == 0
    assert v["readability.paragraph_length_mean"] == 31
    assert math.isnan(v["readability.paragraph_length_cv"])  # one paragraph
    assert v["readability.sentences_per_paragraph"] == 3


def test_headings_are_left_out_and_paragraph_stats() -> None:
    v = R.measure(article(HAND, "Short one here. And the end.", headings=("A Heading Of Words",)))
    # paragraphs of 31 and 6 words; sentences 9, 11, 11, 3, 3
    assert v["readability.paragraph_length_mean"] == pytest.approx(18.5)
    assert v["readability.paragraph_length_cv"] == pytest.approx(12.5 / 18.5)
    assert v["readability.paragraph_length_max"] == 31
    assert v["readability.sentences_per_paragraph"] == pytest.approx(2.5)
    assert v["readability.sentence_length_mean"] == pytest.approx(37 / 5)


def test_long_sentence_is_more_than_30_words() -> None:
    thirty = "Then " + " ".join(["word"] * 28) + " end."
    thirty_one = "Then " + " ".join(["word"] * 29) + " end."
    result = R.analyze(article(f"{thirty} {thirty_one} Short sentence here."))
    assert result.values["readability.long_sentence_share"] == pytest.approx(1 / 3)
    assert result.values["readability.sentence_length_max"] == 31
    assert result.evidence["readability.long_sentence_share"] == [thirty_one]


def test_word_rules_follow_textstat() -> None:
    assert R.sentence_words("The world’s e-commerce giant – said “no”.") == [
        "The",
        "world's",
        "ecommerce",
        "giant",
        "said",
        "no",
    ]
    curly = R.measure(article("The world’s biggest forest isn’t small. " * 3))
    straight = R.measure(article("The world's biggest forest isn't small. " * 3))
    assert curly == straight


def test_syllables_and_words_are_textstats() -> None:
    from textstat import backend

    for word in ["extraordinary", "municipal", "the", "xyzzyqat", "2024", "a1b2", "don't", "naïve"]:
        assert R.syllables(word) == backend.counts.count_syllables(word, R.LANG), word
    assert R.syllables("extraordinary") == 6 and R.syllables("municipal") == 4
    text = "The world’s e-commerce giant – said “no”, isnʼt it? Rock'n'roll, İstanbul, _x_ 3.5%."
    words = [w for w in map(R._word, text.split()) if w]
    assert words == [w.lower() for w in R.sentence_words(text)]


def test_mattr_by_hand() -> None:
    assert R.mattr(list("abab c".replace(" ", ""))) == pytest.approx(3 / 5)  # shorter than window
    # windows of 2 over a a b b: {a}, {a,b}, {b} -> (1 + 2 + 1) / (3 * 2)
    assert R.mattr(list("aabb"), window=2) == pytest.approx(4 / 6)
    assert math.isnan(R.mattr([]))


def _sliding_mattr(tokens: list[str], window: int) -> float:
    """The moving-average type-token ratio the plain way: every window, its distinct tokens."""
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    windows = [tokens[i : i + window] for i in range(len(tokens) - window + 1)]
    return sum(len(set(w)) for w in windows) / (len(windows) * window)


def test_mattr_equals_sliding_every_window() -> None:
    rng = np.random.default_rng(3)
    for n, vocabulary, window in [(120, 15, 50), (51, 40, 50), (300, 80, 50), (40, 5, 7)]:
        tokens = [f"w{i}" for i in rng.integers(0, vocabulary, n)]
        assert R.mattr(tokens, window) == _sliding_mattr(tokens, window)


def test_p90_is_numpys_linear_percentile() -> None:
    rng = np.random.default_rng(4)
    for n in [1, 2, 3, 7, 10, 11, 24, 57]:
        xs = rng.integers(1, 60, n).tolist()
        assert R._p90(xs) == float(np.percentile(xs, 90))


def test_words_of_a_paragraph_that_is_not_its_sentences_joined() -> None:
    # blingfire drops the word joiners and turns the line break into a space: the paragraph's words
    # are then counted on the paragraph itself (5 + 6 + 2 words)
    text = (
        "Jadi keliru karena Syiah beda.\nPelajari dulu sejarah Islam dari sumber. Bukan dgn.\u2060"
    )
    a = article(text)
    assert " ".join(a.sentences) != text.strip()
    v = R.measure(a)
    assert v["readability.paragraph_length_mean"] == len(R.sentence_words(text)) == 13
    assert v["readability.sentence_length_mean"] == pytest.approx(13 / 3)


@pytest.mark.parametrize(
    "text", ["Hello", "Hello.", "One two three four five six seven eight nine."]
)
def test_too_short_is_nan(text: str) -> None:
    values = R.measure(article(text))
    assert set(values) == set(R.NAMES)
    assert all(math.isnan(x) for x in values.values())


def test_empty_and_heading_only_articles_are_nan() -> None:
    for a in (article(), article(headings=("Only a heading with enough words to count here ok",))):
        assert all(math.isnan(x) for x in R.measure(a).values())


def test_single_sentence_has_formulas_but_no_spread_or_ease() -> None:
    v = R.measure(article("The quick brown fox jumps over the lazy dog near the river bank."))
    assert v["readability.sentence_length_mean"] == 13
    assert not math.isnan(v["readability.flesch_kincaid_grade"])
    assert math.isnan(v["readability.sentence_length_std"])
    assert math.isnan(v["readability.ease"])


def test_ease_orders_easy_above_hard() -> None:
    easy, hard = R.measure(article(EASY)), R.measure(article(HARD))
    assert easy["readability.ease"] > 2 > 0 > hard["readability.ease"]
    assert easy["readability.flesch_kincaid_grade"] < hard["readability.flesch_kincaid_grade"]


def test_names_are_documented_and_returned() -> None:
    values = R.measure(article(HAND))
    assert list(values) == list(R.NAMES)
    assert all(name.startswith("readability.") for name in R.NAMES)
    assert set(R.FEATURES) <= set(R.NAMES) and "readability.ease" not in R.FEATURES


def test_shipped_model_loads_and_matches_the_features() -> None:
    model = R.EaseModel.load()
    assert model.feature_names == R.FEATURES
    assert model.means.shape == model.scales.shape == model.coef.shape == (len(R.FEATURES),)
    # coef points towards easier text: reading ease up, grade levels down
    coef = dict(zip(model.feature_names, model.coef, strict=True))
    assert coef["readability.flesch_reading_ease"] > 0 > coef["readability.flesch_kincaid_grade"]
    # the mean training text of each level sits near its number: 0 adv, 1 int, 2 ele
    from articlegrade.model.storage import load_model

    meta = load_model(R.MODEL_NAME).meta
    assert meta["train_level_means"] == pytest.approx([2, 1, 0], abs=0.15)
    assert meta["cv_pair_accuracy_all_articles"] >= 0.98


def test_model_with_other_features_is_refused(tmp_path) -> None:
    model = R.ease_model()
    names = [*R.FEATURES[:-1], "readability.something_else"]
    path = save_model(
        tmp_path / "readability.json.gz",
        name="readability",
        kind=R.KIND,
        feature_names=names,
        params=model.params(),
    )
    with pytest.raises(ModelError, match="other features"):
        R.EaseModel.load(path)
    wrong_shape = save_model(
        tmp_path / "short.json",
        name="readability",
        kind=R.KIND,
        feature_names=R.FEATURES,
        params={**model.params(), "coef": [1.0, 2.0]},
    )
    with pytest.raises(ModelError, match="arrays"):
        R.EaseModel.load(wrong_shape)


def test_ease_model_arithmetic() -> None:
    model = R.ease_model()
    x = np.array(model.means) + np.array(model.scales)  # every z = 1
    assert model.ease(x) == pytest.approx(model.intercept + model.slope * model.coef.sum())
    assert model.ease(model.means) == pytest.approx(model.intercept)


def test_textstat_global_settings_do_not_change_our_values() -> None:
    before = R.measure(article(HAND))
    try:
        textstat.set_lang("de_DE")
        textstat.set_rounding_points(0)
        assert textstat.flesch_reading_ease(HAND) != pytest.approx(
            before["readability.flesch_reading_ease"]
        )
        after = R.measure(article(HAND))
    finally:
        textstat.set_lang("en_US")
        textstat.set_rounding_points(None)
    assert after == before


SEED_VALUES = {
    # file: (words, FK grade, Flesch reading ease, mean sentence length, ease)
    "seed-is-japan-and-korea-part-of-nato.txt": (1426, 13.593, 29.396, 17.847, -0.676),
    "seed-why-is-japan-not-in-nato.txt": (1194, 12.806, 34.964, 17.806, 0.214),
}


@pytest.mark.parametrize("name", sorted(SEED_VALUES))
def test_seed_values(name: str) -> None:
    """Machine-written SEO filler reads at US grade ~13, harder than OneStopEnglish's advanced
    level (ease ~0). The values move when cleaning changes what the body holds."""
    words, fk, fre, wps, ease = SEED_VALUES[name]
    a = articlegrade.clean((SAMPLES / name).read_text(encoding="utf-8"))
    v = R.measure(a)
    assert a.words == words
    assert v["readability.flesch_kincaid_grade"] == pytest.approx(fk, abs=1e-3)
    assert v["readability.flesch_reading_ease"] == pytest.approx(fre, abs=1e-3)
    assert v["readability.sentence_length_mean"] == pytest.approx(wps, abs=1e-3)
    assert v["readability.ease"] == pytest.approx(ease, abs=0.01)


def test_training_pairs_and_accuracy_by_hand() -> None:
    from articlegrade.training.readability import level_accuracy, pair_accuracy, pairs

    level = np.array([0, 1, 2, 0, 2])
    art = np.array([0, 0, 0, 1, 1])
    assert pairs(level, art).tolist() == [[0, 1], [0, 2], [1, 2], [3, 4]]
    ease = np.array([2.0, 1.0, 1.0, 0.5, 0.0])  # ties are wrong: (1, 2) fails
    assert pair_accuracy(ease, level, art) == pytest.approx(3 / 4)
    # ease 2 -> ele (0), 1 -> int (1), 0.5 rounds to 0 -> adv (2), 0 -> adv
    assert level_accuracy(ease, level) == pytest.approx(3 / 5)


def test_fit_learns_the_direction_and_the_level_scale() -> None:
    from articlegrade.training.readability import fit

    rng = np.random.default_rng(0)
    n_articles = 40
    level = np.tile([0, 1, 2], n_articles)
    article_ids = np.repeat(np.arange(n_articles), 3)
    X = rng.normal(size=(len(level), len(R.FEATURES)))
    X[:, 1] += 2.0 * level + np.repeat(rng.normal(size=n_articles), 3)  # FK grade rises with level
    model = fit(X, level, article_ids, C=1.0)
    ease = model.ease(X)
    assert model.coef[1] < 0 and abs(model.coef[1]) == max(abs(model.coef))
    means = [ease[level == lv].mean() for lv in (0, 1, 2)]
    assert means == pytest.approx([2, 1, 0], abs=0.2)


def test_shipped_model_was_trained_on_the_shared_data() -> None:
    from conftest import DATA, need_shared

    from articlegrade.model.storage import hash_files, load_model

    path = need_shared(DATA / "readability" / "onestopenglish.jsonl")
    meta = load_model(R.MODEL_NAME).meta
    assert meta["data_sha256"] == hash_files([path])
    assert meta["command"] == "python -m articlegrade.training.readability"


def test_memos_hold_the_word_functions_and_are_bounded() -> None:
    text = "The world’s e-commerce giant – said “no”, isnʼt it? Rock'n'roll, İstanbul, _x_ 3.5%."
    R.measure(Article(title="", paragraphs=(Paragraph(text),)))
    word_of, counts_of = R._memos()
    assert word_of.size == counts_of.size == R.MEMO_SIZE
    for token in text.split():
        assert word_of[token] == R._word(token)
        if word_of[token]:
            assert counts_of[word_of[token]] == R._word_counts(word_of[token])
    # extraordinary: 6 syllables (polysyllabic), 13 letters (long), not an easy word
    assert R._unpack(counts_of["extraordinary"]) == (6, 1, 13, 1, 1)
