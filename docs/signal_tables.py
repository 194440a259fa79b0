"""Print the signal reference of one family as a Markdown table, with the values of the two seed pages.

    python docs/signal_tables.py readability claims contradiction style discourse

docs/signals.md carries the output; re-run after a signal changes.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import articlegrade
from articlegrade.signals import FAMILIES, family

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEEDS = {
    "Japan seed": SAMPLES / "seed-why-is-japan-not-in-nato.txt",
    "Korea seed": SAMPLES / "seed-is-japan-and-korea-part-of-nato.txt",
}


def table(name: str) -> str:
    module = family(name)
    values = {label: module.measure(articlegrade.clean(path)) for label, path in SEEDS.items()}
    lines = [
        f"| signal | meaning; formula; range; direction | {' | '.join(SEEDS)} |",
        "|---|---|---|---|",
    ]
    for signal, doc in module.NAMES.items():
        cells = []
        for label in SEEDS:
            v = values[label][signal]
            cells.append("NaN" if math.isnan(v) else f"{v:.4g}")
        lines.append(f"| `{signal}` | {doc.replace('|', '/')} | {' | '.join(cells)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    for name in sys.argv[1:] or FAMILIES:
        print(f"<!-- python docs/signal_tables.py {name} -->")
        print(table(name))
        print()
