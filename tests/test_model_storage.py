"""Model files: JSON, checksummed, stamped; a tampered file is refused and nothing in it runs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articlegrade.model.storage import ModelError, load_model, save_model


def _save(path: Path) -> Path:
    return save_model(
        path,
        name="toy",
        kind="toy-linear",
        feature_names=["a.x", "b.y"],
        params={"coef": [0.5, -1.25], "intercept": 0.1},
        meta={"data_sha256": "0" * 64, "command": "python make_toy.py"},
    )


@pytest.mark.parametrize("name", ["toy.json", "toy.json.gz"])
def test_round_trip_and_stamp(tmp_path: Path, name: str) -> None:
    model = load_model(_save(tmp_path / name), kind="toy-linear")
    assert model.name == "toy" and model.feature_names == ("a.x", "b.y")
    assert model.params == {"coef": [0.5, -1.25], "intercept": 0.1}
    assert model.meta["package_version"] and model.meta["sklearn_version"]
    assert model.meta["data_sha256"] == "0" * 64


def test_saving_twice_gives_identical_bytes(tmp_path: Path) -> None:
    assert _save(tmp_path / "a.json.gz").read_bytes() == _save(tmp_path / "b.json.gz").read_bytes()


def test_tampered_file_is_refused(tmp_path: Path) -> None:
    path = _save(tmp_path / "toy.json")
    doc = json.loads(path.read_text())
    doc["params"]["coef"][0] = 50.0
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelError, match="checksum mismatch"):
        load_model(path)


def test_pickle_payload_is_not_a_model_and_never_runs(tmp_path: Path) -> None:
    import pickle

    marker = tmp_path / "ran"

    class Boom:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    path = tmp_path / "evil.json.gz"
    path.write_bytes(gzip.compress(pickle.dumps(Boom())))
    with pytest.raises(ModelError, match="not a readable model file"):
        load_model(path)
    assert not marker.exists()


def test_wrong_kind_and_feature_mismatch(tmp_path: Path) -> None:
    path = _save(tmp_path / "toy.json")
    with pytest.raises(ModelError, match="expected 'quality-logistic'"):
        load_model(path, kind="quality-logistic")
    with pytest.raises(ModelError, match="trained on other features"):
        load_model(path).check_features(["a.x", "c.z"])


def test_missing_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "absent.json")
