"""``discourse``: how sentences open and link: stock connectives and monotone sentence openers.

Machine-written text links its sentences with a small set of sentence-initial connectives
("Additionally,", "Furthermore,", "Moreover,", "Overall,") far more often than people do (Kobak et
al. 2024, *Delving into ChatGPT usage in academic writing through excess vocabulary*, list
"additionally", "notably", "furthermore" among the excess words; the *Signs of AI writing* guide
of WikiProject AI Cleanup names them too), and SEO filler opens sentence after sentence with the
same word (the keyword: "Japan ... Japan ... Japan ..."). Values are shares of sentences, so
they do not grow with the length of the text.
"""

from __future__ import annotations

import re
from collections import Counter

from ..article import Article
from ..text import caseless
from .base import NAN, SignalResult, ratio

#: Sentence-initial connectives, each followed by a comma or a space.
CONNECTIVES: tuple[str, ...] = (
    "additionally",
    "furthermore",
    "moreover",
    "in addition",
    "overall",
    "consequently",
    "therefore",
    "thus",
    "hence",
    "notably",
    "importantly",
    "firstly",
    "secondly",
    "thirdly",
    "lastly",
    "finally",
    "similarly",
    "likewise",
    "conversely",
    "ultimately",
    "in summary",
    "in conclusion",
    "in essence",
    "as a result",
    "for instance",
    "for example",
    "on the other hand",
    "in contrast",
    "nevertheless",
    "nonetheless",
)


def _connective_pattern() -> str:
    r"""``^["'“‘(]?(?:connective|...)\b[,\s]`` matched case-insensitively, written without the
    flag (``caseless``) and with the connectives grouped by first letter (same order within a
    letter): each group opens with its letter, which the regex engine checks before entering it."""
    by_letter: dict[str, list[str]] = {}
    for c in CONNECTIVES:
        by_letter.setdefault(c[0], []).append(re.escape(c[1:]))
    groups = "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())
    return "^[\"'“‘(]?" + caseless(f"(?:{groups})") + r"\b[,\s]"


_CONNECTIVE = re.compile(_connective_pattern())
_FIRST_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
#: Fewer sentences than this: opener statistics are undefined (NaN).
MIN_SENTENCES = 5

NAMES: dict[str, str] = {
    "discourse.connective_opener_share": "share of body sentences opening with a stock connective "
    "(Additionally, Furthermore, Moreover, Overall ... CONNECTIVES in discourse.py); 0..1; NaN under 5 "
    "sentences; higher = more machine-like linking",
    "discourse.top_opener_share": "sentences opening with the most frequent content word (function "
    "words such as 'the', 'it', 'in' not counted) / sentences; 0..1; NaN under 5 sentences; higher = "
    "monotone openers",
    "discourse.keyword_opener_share": "sentences whose first word is a content word of the title / "
    "sentences; 0..1; NaN under 5 sentences or without a title; higher = keyword-led filler",
}

_TITLE_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "by",
        "at",
        "as",
        "from",
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "which",
        "does",
        "do",
        "did",
        "can",
        "will",
        "not",
        "no",
        "yes",
        "part",
    ]
)
#: First words that are not content: articles, pronouns, prepositions, conjunctions, auxiliaries.
_FUNCTION_OPENERS = _TITLE_STOP | frozenset(
    [
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "but",
        "so",
        "if",
        "while",
        "after",
        "before",
        "during",
        "since",
        "although",
        "though",
        "because",
        "however",
        "also",
        "then",
        "now",
        "one",
        "some",
        "many",
        "most",
        "all",
        "each",
        "both",
        "such",
    ]
)


def analyze(article: Article) -> SignalResult:
    """Connective and opener shares of one article, with the sentences as evidence."""
    sentences = article.sentences
    n = len(sentences)
    if n < MIN_SENTENCES:
        return SignalResult({name: NAN for name in NAMES})
    connective = list(filter(_CONNECTIVE.match, sentences))
    search = _FIRST_WORD.search
    firsts = [m.group(0).lower().replace("’", "'") if (m := search(s)) else "" for s in sentences]
    counts = Counter(f for f in firsts if f and f not in _FUNCTION_OPENERS)
    top_word, top_count = counts.most_common(1)[0] if counts else ("", 0)
    title_words = {
        w.lower().replace("’", "'").removesuffix("'s") for w in _FIRST_WORD.findall(article.title)
    } - _TITLE_STOP
    keyword_led = (
        [s for s, f in zip(sentences, firsts, strict=True) if f.removesuffix("'s") in title_words]
        if title_words
        else []
    )
    values = {
        "discourse.connective_opener_share": len(connective) / n,
        "discourse.top_opener_share": ratio(top_count, n),
        "discourse.keyword_opener_share": len(keyword_led) / n if title_words else NAN,
    }
    evidence = {
        "discourse.connective_opener_share": connective[:10],
        "discourse.top_opener_share": [f"{top_word!r} opens {top_count} of {n} sentences"]
        if top_count
        else [],
        "discourse.keyword_opener_share": keyword_led[:10],
    }
    return SignalResult(values, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
