"""Cleaning: page or text in, the article out with every boilerplate line removed and recorded."""

from .pipeline import clean, rule_kind
from .rules import KINDS, LINE_RULES

__all__ = ["KINDS", "LINE_RULES", "clean", "rule_kind"]
