"""Model files: plain JSON (optionally gzip-compressed), never pickle, so loading runs no code.

A model file holds named numeric arrays and lists of strings (``params``), the names of the
features it expects, and a stamp: package and scikit-learn versions, the training data's SHA-256,
the training command and its metrics. A SHA-256 over the canonical JSON of everything else is
stored in ``checksum`` and verified on load, so a tampered or truncated file is refused.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ModelError

FORMAT = "articlegrade-model"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ModelFile:
    """A loaded model: ``name``, ``kind`` (what code evaluates it), ``feature_names``,
    ``params`` (arrays and vocabularies) and ``meta`` (versions, data hash, metrics)."""

    name: str
    kind: str
    feature_names: tuple[str, ...]
    params: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    def check_features(self, expected: Sequence[str]) -> None:
        """Raise ModelError unless the model was trained on exactly ``expected`` features."""
        if tuple(expected) != self.feature_names:
            missing = sorted(set(expected) - set(self.feature_names))
            extra = sorted(set(self.feature_names) - set(expected))
            raise ModelError(
                f"model {self.name!r} was trained on other features than this version computes "
                f"(missing from model: {missing[:5]}, unknown to this version: {extra[:5]}); "
                "retrain it with this version"
            )


def models_dir() -> Path:
    """Where shipped models live: inside the installed package, else the source tree's models/."""
    packaged = Path(__file__).resolve().parent.parent / "models"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "models"


def model_path(name: str) -> Path:
    """Path of a shipped model by name (``claims`` -> models/claims.json.gz)."""
    base = models_dir()
    for suffix in (".json.gz", ".json"):
        path = base / f"{name}{suffix}"
        if path.is_file():
            return path
    raise ModelError(f"no shipped model named {name!r} in {base}")


def _checksum(doc: dict[str, Any]) -> str:
    body = {k: v for k, v in doc.items() if k != "checksum"}
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def hash_files(paths: Iterable[str | os.PathLike]) -> str:
    """SHA-256 over the bytes of the given files, in order: the training-data stamp."""
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def save_model(
    path: str | os.PathLike,
    *,
    name: str,
    kind: str,
    feature_names: Sequence[str],
    params: dict[str, Any],
    meta: dict[str, Any] | None = None,
) -> Path:
    """Write a model file (gzip when ``path`` ends in .gz). Arrays must be JSON-ready lists.

    Written deterministically: keys sorted, no timestamp unless the caller puts one in ``meta``.
    """
    import sklearn

    from .. import __version__

    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name,
        "kind": kind,
        "package_version": __version__,
        "sklearn_version": sklearn.__version__,
        "feature_names": list(feature_names),
        "params": params,
        "meta": meta or {},
    }
    doc["checksum"] = _checksum(doc)
    blob = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name.endswith(".gz"):
        blob = gzip.compress(blob, compresslevel=9, mtime=0)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(blob)
    os.replace(tmp, path)
    return path


def _resolve(ref: str | os.PathLike) -> Path:
    """A path as given; a bare name (no folder, no .json/.gz ending) as a shipped model."""
    text = os.fspath(ref)
    if isinstance(ref, os.PathLike) or os.sep in text or text.endswith((".json", ".gz")):
        return Path(text)
    return model_path(text)


def load_model(name_or_path: str | os.PathLike, kind: str | None = None) -> ModelFile:
    """Load a model by shipped name or by path; verify format, checksum and (if given) kind."""
    path = _resolve(name_or_path)
    try:
        blob = path.read_bytes()
        if blob[:2] == b"\x1f\x8b":
            blob = gzip.decompress(blob)
        doc = json.loads(blob.decode("utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{path}: no such model file") from None
    except (OSError, EOFError, ValueError) as exc:
        raise ModelError(f"{path}: not a readable model file ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ModelError(f"{path}: not an articlegrade model file")
    if doc.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{path}: model format {doc.get('format_version')} is not {FORMAT_VERSION}; retrain it"
        )
    if doc.get("checksum") != _checksum(doc):
        raise ModelError(f"{path}: checksum mismatch: the file was changed after training; refused")
    if kind is not None and doc.get("kind") != kind:
        raise ModelError(f"{path}: a {doc.get('kind')!r} model, expected {kind!r}")
    meta = dict(doc.get("meta") or {})
    meta |= {k: doc[k] for k in ("package_version", "sklearn_version") if k in doc}
    return ModelFile(
        name=doc["name"],
        kind=doc["kind"],
        feature_names=tuple(doc["feature_names"]),
        params=doc["params"],
        meta=meta,
    )


def utc_now() -> str:
    """Current UTC time, ISO 8601, for a model's ``meta`` when a caller wants one."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
