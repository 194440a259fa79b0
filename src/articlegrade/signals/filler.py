"""``filler``: stock phrases of machine-written SEO text, and question headings that restate the title.

The phrase list is fixed in code, grouped by where it comes from (``GROUPS``: group -> (source,
patterns)). It was written from the published lists below and from the repository's two sample
pages (``samples/``), never mined from the reference data; ``docs/signals.md`` reports how often
each group occurs in the human and machine texts of the quality data, measured after the list was
frozen.

Matching is one compiled, case-insensitive alternation with word boundaries (longest phrase first,
so "stands as a testament to" is one hit, not two), run over every body sentence and heading (in
one search over them all, written for speed: see ``_matcher``); straight and curly apostrophes both
match; any run of whitespace matches a space.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..article import Article
from ..text import caseless, letter_class, lowers_like_ignorecase
from .base import NAN, SignalResult, per_100_words, ratio

_APOS = "['’‘]"

#: group -> (source, patterns). A pattern is a phrase in lower case; "'" matches either apostrophe,
#: a space matches any whitespace, and "(?:...)" alternations spell inflections.
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "conclusion": (
        "Quality data README (../shared/data/quality): 'In conclusion' and 'it is important to "
        "note' appear in 31% of title-generated English wiki texts and in no human text; 68% of M4 "
        "machine Wikipedia texts carry a 'Conclusion' section. Summary openers as listed by "
        "Wikipedia: Signs of AI writing (WikiProject AI Cleanup).",
        (
            "in conclusion",
            "to conclude",
            "in summary",
            "to summari(?:s|z)e",
            "to sum up",
            "all in all",
            "in closing",
        ),
    ),
    "importance_note": (
        "Quality data README ('it is important to note'); the brief's list ('it's worth noting'); "
        "Wikipedia: Signs of AI writing (editorialising asides).",
        (
            "it is important to (?:note|remember|consider|understand)",
            "it's important to (?:note|remember|consider|understand)",
            "it is worth (?:noting|mentioning)",
            "it's worth (?:noting|mentioning)",
            "it should be noted",
            "it is crucial to (?:note|remember|consider|understand)",
            "it's crucial to (?:note|remember|consider|understand)",
        ),
    ),
    "llm_vocabulary": (
        "Excess-vocabulary studies: Kobak et al. 2024/2025, 'Delving into ChatGPT usage in academic "
        "writing through excess vocabulary' (delves, showcasing, underscores, intricate, pivotal, "
        "meticulously); Liang et al. 2024, 'Monitoring AI-Modified Content at Scale' (commendable, "
        "meticulous, intricate) and 'Mapping the Increasing Use of LLMs in Scientific Papers' "
        "(realm, intricate, showcasing, pivotal); Wikipedia: Signs of AI writing (tapestry). Only "
        "rare words are kept: the common words of these lists (crucial, comprehensive, notably, "
        "potential, significant) are frequent in human prose too.",
        (
            "delv(?:e|es|ed|ing)",
            "intricate",
            "intricacies",
            "meticulous(?:ly)?",
            "commendable",
            "showcas(?:e|es|ed|ing)",
            "underscor(?:e|es|ed|ing)",
            "pivotal",
            "tapestry",
            "realm",
        ),
    ),
    "significance": (
        "Undue-significance phrases listed by Wikipedia: Signs of AI writing ('stands as a "
        "testament', 'plays a vital role', 'rich cultural heritage', 'enduring legacy'); the "
        "brief's list ('plays a significant role', 'a testament to', 'navigate the complexities', "
        "'unlock the potential', 'in the realm of').",
        (
            "(?:play|plays|played|playing) (?:a|an) (?:significant|crucial|vital|pivotal|key|"
            "important|essential|integral) role",
            "(?:stands|serves) as a testament to",
            "a testament to",
            "rich cultural heritage",
            "enduring legacy",
            "a pivotal moment",
            "navigat(?:e|es|ing) the complexities",
            "unlock(?:s|ing)? the (?:full )?potential",
            "in the realm of",
            "ever-evolving",
        ),
    ),
    "template": (
        "SEO blog templates from the brief's list ('in today's fast-paced world', 'the question "
        "arises', 'in this blog post, we will'); 'in this blog post, we will' and 'the question "
        "arises' open the Japan sample page, 'in this article, we will' the Korea sample page.",
        (
            "in today's (?:fast-paced|digital|modern|ever-changing) (?:world|age|era|landscape)",
            "the question arises",
            "in this (?:article|blog post|blog|post|guide),? we (?:will|'ll)",
            "without further ado",
        ),
    ),
    "vague": (
        "Hedged non-claims from the brief's list ('a complex issue that requires careful "
        "consideration', 'ultimately'), both in the Japan sample's conclusion; 'a variety of "
        "factors' from the same paragraph.",
        (
            "a complex (?:issue|one|topic|matter|question)",
            "(?:requires|require|requiring) careful consideration",
            "a (?:variety|multitude|myriad) of factors",
            "ultimately",
        ),
    ),
}

#: Question headings restate the title when at least this share of the heading's content words
#: (stop words and question words dropped, possessive 's and plural -s stripped) occur in the
#: title, and at least RESTATE_MIN_SHARED words are shared.
RESTATE_SHARE = 0.6
RESTATE_MIN_SHARED = 2
MAX_EVIDENCE = 20

_QUESTION_START = re.compile(
    r"^\s*(?:what|why|how|when|where|who|whom|whose|which|is|are|was|were|do|does|did|can|could|"
    r"should|would|will|has|have|had)\b",
    re.IGNORECASE,
)
_STOP_WORDS = (
    "a an the and or but if of in on at to for from by with about as into than then so not no yes "
    "is are was were be been being do does did has have had can could should would will shall may "
    "might must what why how when where who whom whose which that this these those there here it "
    "its they them their we our you your i he she his her us still now also just very more most "
    "any some all"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"\w+(?:['’]\w+)*")

NAMES: dict[str, str] = {
    "filler.phrases_per_100_words": "stock phrases of machine-written SEO text (every group in "
    "GROUPS, filler.py) per 100 body words; >= 0; NaN for an empty body; higher = more templated",
    **{
        f"filler.{group}_per_100_words": f"stock phrases of group '{group}' (GROUPS in filler.py, "
        "with its source) per 100 body words; >= 0; NaN for an empty body; higher = more templated"
        for group in GROUPS
    },
    "filler.sentences_with_phrase_share": "share of body sentences containing at least one stock "
    "phrase; 0..1; NaN without sentences; higher = more templated",
    "filler.question_headings_restating_title": "question headings (ending in '?' or opening with a "
    "question word) whose content words are >= 60% in the title, sharing >= 2; count >= 0; NaN "
    "without a title of 2+ content words; higher = FAQ padding around the title",
}


@dataclass(frozen=True)
class _Matcher:
    lower: re.Pattern[str]  # the pattern for lowercased text: lowercase letters, no classes
    groups: dict[str, str]  # regex group name -> phrase group
    caseless: str  # the pattern for any text, as written (compiled when needed: ``_caseless``)


def _to_regex(phrase: str) -> str:
    return phrase.replace("'", _APOS).replace(" ", r"\s+")


def _by_first_letter(phrase: str) -> list[tuple[str, str]]:
    """(first letter, the rest of the pattern) for each letter a phrase pattern can open with (it
    opens with a letter or a "(?:a|b)" group of letter-led alternatives)."""
    if not phrase.startswith("(?:"):
        return [(phrase[0], phrase[1:])]
    close = phrase.index(")")
    if "(" in phrase[3:close]:
        raise ValueError(f"filler: nested group at the start of {phrase!r}")
    rests: dict[str, list[str]] = {}
    for alternative in phrase[3:close].split("|"):
        rests.setdefault(alternative[0], []).append(alternative[1:])
    return [(letter, f"(?:{'|'.join(r)}){phrase[close + 1 :]}") for letter, r in rests.items()]


def _ends_with_letter(phrase: str) -> bool:
    """Whether every text a phrase pattern matches ends with a letter."""
    if phrase.endswith(")?"):  # with and without the optional group
        start = phrase.rindex("(?:")
        return _ends_with_letter(phrase[:start]) and _ends_with_letter(phrase[:-1])
    if phrase.endswith(")"):
        last_group = phrase[phrase.rindex("(?:") + 3 : -1]
        return all(alternative[-1:].isalpha() for alternative in last_group.split("|"))
    return phrase[-1:].isalpha()


#: Joins the units for one search: no phrase can match it, and it is no word character.
_SEPARATOR = "\x00"


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    r"""One alternation over every phrase, longest first, each named by a group (built once).

    Its match, less its first character, is what ``(?<!\w)(?:phrase|phrase|...)(?!\w)`` matches
    under ``re.IGNORECASE``; it is written so that the regex engine runs fast. It opens with the
    non-word character before the phrase (a class: the engine skips ahead to the next one instead of
    trying every position; every phrase ends with a letter, so a match never takes the character
    the next one opens with). It has no flag: every letter is the class of its cases
    (``articlegrade.text.caseless``; ``caseless``, compiled by ``_caseless``), or, in ``lower``,
    for lowercased text, the lowercase letter (see ``find_phrases``). The phrases are grouped by
    first letter, in the same order within a letter, and each alternative opens with its letter
    (which the engine checks before entering it); the empty named group at its end names the
    phrase.
    """
    entries = sorted(
        ((group, phrase) for group, (_, phrases) in GROUPS.items() for phrase in phrases),
        key=lambda e: -len(e[1]),
    )
    buckets: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for i, (group, phrase) in enumerate(entries):
        if not _ends_with_letter(phrase):
            raise ValueError(f"filler: phrase {phrase!r} must end with a letter")
        for letter, rest in _by_first_letter(phrase):
            name = f"p{i}{letter}"
            names[name] = group
            buckets.setdefault(letter, []).append(f"{_to_regex(rest)}(?P<{name}>)")

    def alternation(cased: bool) -> str:
        body = "|".join(
            f"[{letter_class(letter)}](?:{'|'.join(map(caseless, alternatives))})"
            if cased
            else f"{letter}(?:{'|'.join(alternatives)})"
            for letter, alternatives in buckets.items()
        )
        return rf"\W(?:{body})(?!\w)"

    return _Matcher(re.compile(alternation(False)), names, alternation(True))


@lru_cache(maxsize=1)
def _caseless() -> re.Pattern[str]:
    """``_matcher``'s pattern with a class of its cases for every letter, for text that
    ``find_phrases`` cannot lowercase (compiled on first use: it takes about 20 ms, the lowercase
    one 1 ms)."""
    return re.compile(_matcher().caseless)


@dataclass(frozen=True)
class Hit:
    """One stock phrase found: its group, the text matched and the sentence (or heading)."""

    group: str
    text: str
    sentence: str


def find_phrases(units: list[str]) -> list[list[Hit]]:
    """The stock phrases of each unit (a sentence or heading), in order."""
    matcher = _matcher()
    found: list[list[Hit]] = [[] for _ in units]
    # one search over the units joined; each starts after a separator
    starts = list(itertools.accumulate((len(u) + 1 for u in units), initial=1))
    joined = _SEPARATOR + _SEPARATOR.join(units)
    # Lowercase letters are faster to match than the classes of their cases. Where the text holds
    # no ``IGNORECASE_ODD`` character, a class takes a letter in either case and nothing else, and
    # ``str.lower`` maps just those to the lowercase letter, keeps word characters, whitespace and
    # the non-ASCII apostrophes what they are, and is one character to one when the length stays
    # (tests/test_style.py checks this on every code point): the same matches, at the same offsets.
    low = joined.lower()
    if lowers_like_ignorecase(joined) and len(low) == len(joined):
        matches = matcher.lower.finditer(low)
    else:
        matches = _caseless().finditer(joined)
    for m in matches:
        start = m.start() + 1
        k = bisect.bisect_right(starts, start) - 1
        group = matcher.groups[m.lastgroup]  # type: ignore[index]
        found[k].append(Hit(group, joined[start : m.end()], units[k]))
    return found


def _content(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.removesuffix("'s")
        if w in _STOP or w.isdigit():
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return out


def is_question(heading: str) -> bool:
    """A heading phrased as a question: ends in '?' or opens with a question word."""
    return heading.rstrip().endswith("?") or bool(_QUESTION_START.match(heading))


def restating_headings(article: Article) -> list[tuple[str, float]] | None:
    """Question headings that restate the title, with their share; None without a usable title."""
    title = _content(article.title)
    if len(title) < 2:
        return None
    found = []
    for heading in article.headings:
        if not is_question(heading):
            continue
        words = _content(heading)
        shared = len(words & title)
        if words and shared >= RESTATE_MIN_SHARED and shared / len(words) >= RESTATE_SHARE:
            found.append((heading, shared / len(words)))
    return found


def analyze(article: Article) -> SignalResult:
    """Stock-phrase rates and the phrases found, each with its sentence."""
    sentences = list(article.sentences)
    units = sentences + article.headings
    per_unit = find_phrases(units)
    hits = [h for unit_hits in per_unit for h in unit_hits]
    n_words = len(article.tokens)

    values: dict[str, float] = {"filler.phrases_per_100_words": per_100_words(len(hits), n_words)}
    evidence: dict[str, list[str]] = {}
    if hits:
        evidence["filler.phrases_per_100_words"] = [
            f"[{h.group}] {h.text} — {h.sentence}" for h in hits
        ][:MAX_EVIDENCE]
    for group in GROUPS:
        group_hits = [h for h in hits if h.group == group]
        key = f"filler.{group}_per_100_words"
        values[key] = per_100_words(len(group_hits), n_words)
        if group_hits:
            evidence[key] = [f"{h.text} — {h.sentence}" for h in group_hits][:MAX_EVIDENCE]
    values["filler.sentences_with_phrase_share"] = ratio(
        sum(1 for unit_hits in per_unit[: len(sentences)] if unit_hits), len(sentences)
    )
    restating = restating_headings(article)
    if restating is None:
        values["filler.question_headings_restating_title"] = NAN
    else:
        values["filler.question_headings_restating_title"] = float(len(restating))
        if restating:
            evidence["filler.question_headings_restating_title"] = [
                f"{heading} (share {share:.2f} of its words in the title)"
                for heading, share in restating
            ]
    return SignalResult(values, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
