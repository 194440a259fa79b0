"""How well the English gate (articlegrade.language) tells English prose from other languages.

Data: ../shared/data/quality (iu corpus: en, de, fr, es rows with a `language` field; M4: en). Prints the
distribution of the English-function-word share per language and the error rates at the threshold, and writes
bench/results/language.json. Rows whose text is plainly in another language than their label are counted as
they are labelled (the errors they cause are listed).

Run from the repository root: python bench/language.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quality"
RESULTS = ROOT / "bench" / "results" / "language.json"


def main() -> int:
    from articlegrade.language import MIN_SHARE, MIN_TOKENS, english_share, is_english
    from articlegrade.text import words

    rows = [json.loads(line) for line in (DATA / "iu_human_ai_corpus.jsonl").open(encoding="utf-8")]
    rows += [
        {**r, "text": r["text_clean"]}
        for r in (
            json.loads(line)
            for line in (DATA / "m4_llama2_wikipedia_wikihow.jsonl").open(encoding="utf-8")
        )
    ]
    shares: dict[str, list[float]] = defaultdict(list)
    wrong: list[dict] = []
    for r in rows:
        tokens = words(r["text"])
        shares[r["language"]].append(english_share(tokens))
        if is_english(tokens) != (r["language"] == "en"):
            wrong.append(
                {
                    "id": r["id"],
                    "label": r["language"],
                    "share": round(english_share(tokens), 3),
                    "start": r["text"][:80],
                }
            )
    result = {
        "command": "python bench/language.py",
        "threshold": MIN_SHARE,
        "min_tokens": MIN_TOKENS,
        "per_language": {
            lang: {
                "n": len(v),
                "min": round(float(np.min(v)), 3),
                "p01": round(float(np.percentile(v, 1)), 3),
                "median": round(float(np.median(v)), 3),
                "p99": round(float(np.percentile(v, 99)), 3),
                "max": round(float(np.max(v)), 3),
            }
            for lang, v in sorted(shares.items())
        },
        "disagreements_with_label": wrong,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"English function-word share by labelled language (threshold {MIN_SHARE})")
    print(f"{'lang':<5} {'n':>5} {'min':>6} {'p01':>6} {'median':>7} {'p99':>6} {'max':>6}")
    for lang, v in result["per_language"].items():
        print(
            f"{lang:<5} {v['n']:>5} {v['min']:>6.3f} {v['p01']:>6.3f} {v['median']:>7.3f} {v['p99']:>6.3f} {v['max']:>6.3f}"
        )
    print(f"{len(wrong)} of {len(rows)} rows judged against their label:")
    for w in wrong:
        print(f"  {w['id']:<28} label {w['label']} share {w['share']:.3f}  {w['start']!r}")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
