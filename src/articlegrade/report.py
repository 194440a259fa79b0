"""``articlegrade explain``: a readable report of one page's grade."""

from __future__ import annotations

import math

from .model.quality import QualityModel
from .scorecard import Scorecard


def _fmt(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{value:.3g}"


def explain(card: Scorecard, model: QualityModel) -> str:
    """Grade, the reasons with their evidence, the signals against typical values, the boilerplate."""
    lines = [
        f"{card.title or '(no title)'}",
        f"grade {card.grade}  quality {card.quality:.2f}  ({card.words} words; model {card.model_version})",
        "",
        "Why the grade is not higher:" if card.reasons else "Nothing pulls this grade down.",
    ]
    for i, reason in enumerate(card.reasons, 1):
        lines.append(
            f"  {i}. {reason.label}: {_fmt(reason.value)} (typical good article {_fmt(reason.typical)}; "
            f"effect {reason.contribution:+.2f})"
        )
        lines.extend(f"       - {e[:160]}" for e in reason.evidence[:3])
    lines += ["", "Signals the grade uses, against a typical good article:"]
    typical = model.typical
    for name, t in zip(model.feature_names, typical, strict=True):
        lines.append(
            f"  {name:<48} {_fmt(card.signals.get(name, math.nan)):>9}  typical {_fmt(float(t))}"
        )
    lines += ["", f"Boilerplate removed ({card.boilerplate_removed} lines):"]
    lines.extend(f"  [{kind}] {text[:120]}" for kind, text in card.removed_lines)
    return "\n".join(lines)
