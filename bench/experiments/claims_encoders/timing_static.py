"""Runtime cost of the torch-free variants and of the current model (run with /work/venv, after
embed.py, embed_static.py and seed_sentences.py).

    /work/venv/bin/python bench/experiments/claims_encoders/timing_static.py [--work DIR]

Same 20-sentence documents as timing_minilm.py. Static embedding = pure-Python word-piece
tokenizer (static_scorer.WordPiece, identical ids to the HF tokenizer) + mean of float16 table rows
(+ PCA projection for inp_pcaK) + a dot product. "cold" = a fresh word cache per document.
The projection and weights are random matrices of the right shapes (timing only). Writes
<work>/timing_static.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import static_scorer  # noqa: E402

from articlegrade.signals import claims  # noqa: E402

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def chunks(s, n=20):
    return [s[i : i + n] for i in range(0, len(s) - n + 1, n)]


def timeit(fn, docs, reps=5):
    runs = []
    for _ in range(reps):
        for d in docs:
            t = time.perf_counter()
            fn(d)
            runs.append(time.perf_counter() - t)
    return round(1000 * float(np.median(runs)), 3)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="work folder (not the repo)")
    args = ap.parse_args(argv)

    seeds = json.loads((args.work / "seed_sentences.json").read_text())
    web = [c for v in seeds.values() for c in chunks(v["sentences"])]
    with open(DATA / "claimbuster_3class_test.jsonl", encoding="utf-8") as fh:
        debate = chunks([json.loads(line)["text"] for line in fh])[:8]
    cur = claims.load_claim_model()
    out: dict = {}
    t = time.perf_counter()
    emb = static_scorer.load(args.work / "static", "inp")
    out["load_inp_table_s"] = round(time.perf_counter() - t, 3)
    proj = np.random.default_rng(0).standard_normal((384, 64)).astype(np.float32)  # PCA-shaped
    w = np.random.default_rng(1).standard_normal(65).astype(np.float32)

    def static_warm(d):
        e = emb.embed(d)
        return (e @ proj) @ w[:64]

    def static_cold(d):
        emb.wp.cache.clear()
        return static_warm(d)

    def current_cold(d):
        cur.char_columns.cache_clear()
        return cur.probabilities(d)

    def stack(d):
        p = np.clip(np.asarray(cur.probabilities(d)), 1e-9, 1 - 1e-9)
        return (emb.embed(d) @ proj) @ w[:64] + np.log(p / (1 - p)) * w[64]

    for name, docs in (("web (seed articles)", web), ("debate (ClaimBuster test)", debate)):
        for d in docs:
            cur.probabilities(d)
            static_warm(d)
        out[name] = {
            "docs": len(docs),
            "current_model_ms_per_doc_warm": timeit(cur.probabilities, docs),
            "current_model_ms_per_doc_cold_char_cache": timeit(current_cold, docs),
            "static_embed_ms_per_doc_warm_cache": timeit(static_warm, docs),
            "static_embed_ms_per_doc_cold_cache": timeit(static_cold, docs),
            "stack_current_plus_static_ms_per_doc_warm": timeit(stack, docs),
        }
    print(json.dumps(out, indent=1))
    (args.work / "timing_static.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
