"""grade / grade_many / to_frame / SignalFeaturizer / score and explain CLI, with the shipped model."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES

import articlegrade
from articlegrade.cli import main
from articlegrade.features import default_features
from articlegrade.model.quality import QualityModel
from articlegrade.model.storage import ModelError, load_model, save_model
from articlegrade.signals import measure_all

SEEDS = sorted(SAMPLES.glob("seed-*"))  # both sources, as text and as HTML pages
JAPAN = SAMPLES / "seed-why-is-japan-not-in-nato.txt"
GOOD = sorted(SAMPLES.glob("good-*.html"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_pages_get_the_lowest_band_with_reasons(path: Path) -> None:
    card = articlegrade.grade(path)
    assert card.status == "ok" and card.grade == "F"
    assert card.quality < QualityModel.load().bands["D"]
    assert len(card.reasons) == 3
    assert all(r.contribution < 0 and r.label for r in card.reasons)
    assert card.removed.get("scroll_to_top") == 1


def test_good_samples_grade_well() -> None:
    assert len(GOOD) >= 2
    for path in GOOD:
        card = articlegrade.grade(path)
        assert card.grade in {"A", "B"}, (path.name, card.grade, card.quality, card.top_reasons)


def test_shipped_model_is_stamped() -> None:
    model = QualityModel.load()
    assert list(model.feature_names) == default_features()
    for key in ("package_version", "sklearn_version", "data_sha256", "command", "cv_roc_auc"):
        assert model.meta[key], key
    raw = load_model("quality")
    assert raw.kind == "quality-additive-logistic"


def test_model_with_unknown_signal_is_refused(tmp_path: Path) -> None:
    raw = load_model("quality")
    names = [*raw.feature_names[:-1], "gone.signal"]
    path = save_model(
        tmp_path / "old.json", name="old", kind=raw.kind, feature_names=names, params=raw.params
    )
    with pytest.raises(ModelError, match="does not compute"):
        QualityModel.load(path)


def test_grade_many_keeps_order_and_turns_bad_pages_into_rows(tmp_path: Path) -> None:
    png = tmp_path / "logo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    german = tmp_path / "de.txt"
    german.write_text(
        "Die Musik ist eine universelle Sprache, die unabhängig von der Kultur verstanden wird. "
        * 6,
        encoding="utf-8",
    )
    sources = [SEEDS[0], tmp_path / "missing.txt", png, german, SEEDS[1]]
    cards = list(articlegrade.grade_many(sources))
    assert [c.path for c in cards] == [str(s) for s in sources]
    assert [c.status for c in cards] == ["ok", "error", "error", "skipped", "ok"]
    assert cards[1].reason.startswith("unreadable:") and cards[2].reason.startswith("not_text:")
    assert cards[3].reason.startswith("not_english:") and cards[3].grade == ""
    parallel = list(articlegrade.grade_many(sources, workers=2))
    assert [c.to_dict() for c in parallel] == [c.to_dict() for c in cards]


def test_to_frame_has_the_csv_columns() -> None:
    frame = articlegrade.to_frame(articlegrade.grade_many(SEEDS))
    assert list(frame.columns[:10]) == [
        "path", "url", "title", "status", "reason", "grade", "quality", "words",
        "boilerplate_removed", "top_reasons",
    ]  # fmt: skip
    assert list(frame["grade"]) == ["F"] * 4


def test_featurizer_in_a_pipeline() -> None:
    featurizer = articlegrade.SignalFeaturizer().fit()
    X = featurizer.transform([SEEDS[0], articlegrade.clean(SEEDS[1])])
    assert X.shape == (2, len(default_features()))
    assert list(featurizer.get_feature_names_out()) == default_features()
    small = articlegrade.SignalFeaturizer(["style.top_word_share", "style.punct_quote"]).fit()
    assert small.transform([SEEDS[0]]).shape == (1, 2)
    with pytest.raises(ValueError, match="unknown signal"):
        articlegrade.SignalFeaturizer(["nope.x"]).fit()
    one_word = articlegrade.Article(title="", paragraphs=(articlegrade.Paragraph("Hello."),))
    row = (
        articlegrade.SignalFeaturizer(["style.sentence_length_robust_cv"])
        .fit()
        .transform([one_word])
    )
    assert math.isnan(row[0, 0])


def test_score_cli_writes_one_row_per_input(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in SEEDS:
        (pages / seed.name).write_bytes(seed.read_bytes())
    (pages / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    out = tmp_path / "scorecard.csv"
    assert main(["score", str(pages), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [Path(r["path"]).name for r in rows] == sorted(p.name for p in pages.iterdir())
    assert [r["status"] for r in rows] == ["error", "ok", "ok", "ok", "ok"]
    assert rows[0]["reason"].startswith("no_article:")
    assert [r["grade"] for r in rows[1:]] == ["F"] * 4 and all(r["top_reasons"] for r in rows[1:])
    assert "5 pages: F 4, error 1" in capsys.readouterr().err
    assert not list(tmp_path.glob(".articlegrade-*"))  # the partial file was moved into place


def test_score_cli_jsonl_and_explain(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "s.jsonl"
    assert main(["score", str(JAPAN), "-o", str(out), "-q"]) == 0
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["grade"] == "F" and len(row["reasons"]) == 3
    capsys.readouterr()
    assert main(["explain", str(JAPAN)]) == 0
    report = capsys.readouterr().out
    assert "grade F" in report and "[title_echo] Why is japan not in nato?" in report
    assert "[scroll_to_top] Scroll to top" in report


def test_contributions_sum_to_the_logit_gap() -> None:
    model = QualityModel.load()
    values = measure_all(articlegrade.clean(JAPAN))
    x = np.array([values.get(n, np.nan) for n in model.feature_names])
    gap = model.decision(x)[0] - (model.reference.sum() + model.intercept)
    assert model.contributions(x).sum() == pytest.approx(gap)
    quality, contributions = model.explain(x)
    assert quality == pytest.approx(model.quality(x)[0])
    assert contributions == pytest.approx(model.contributions(x))


def test_grade_merges_the_families_like_analyze_all() -> None:
    from articlegrade.grading import _analyze_all
    from articlegrade.signals import analyze_all

    for path in sorted(SAMPLES.glob("*.html"))[:3]:
        article = articlegrade.clean(path.read_bytes())
        values, evidence = _analyze_all(article)
        expected = analyze_all(article)
        assert list(values) == list(expected.values)  # the same order, key by key
        assert [v if v == v else "nan" for v in values.values()] == [
            v if v == v else "nan" for v in expected.values.values()
        ]
        assert list(evidence.items()) == list(expected.evidence.items())
