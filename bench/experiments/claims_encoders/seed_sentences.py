"""The two seed articles' body sentences as articlegrade splits them, for the timing scripts (run
with /work/venv; the separate torch venv has no articlegrade).

    /work/venv/bin/python bench/experiments/claims_encoders/seed_sentences.py [--work DIR]

Writes <work>/seed_sentences.json: {file name: {"words": article.words, "sentences": [...]}} for
<repo>/samples/seed-*.txt, each through articlegrade.clean().
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import articlegrade

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="output folder (not the repo)")
    args = ap.parse_args(argv)
    out = {}
    for path in sorted((ROOT / "samples").glob("seed-*.txt")):
        article = articlegrade.clean(path.read_text(encoding="utf-8"))
        out[path.name] = {"words": article.words, "sentences": list(article.sentences)}
    args.work.mkdir(parents=True, exist_ok=True)
    (args.work / "seed_sentences.json").write_text(json.dumps(out))
    print({k: len(v["sentences"]) for k, v in out.items()})


if __name__ == "__main__":
    main()
