"""``style``: function-word and punctuation profile, robust burstiness, specificity and keyword stuffing.

These are the named signals that tell tight human prose from machine filler without leaning on
length: every value is a rate (per 100 words or a share), never a count that grows with the text.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from ..article import Article
from .base import NAN, SignalResult, per_100_words, ratio

_FUNCTION_GROUPS: dict[str, frozenset[str]] = {
    "pronoun_first": frozenset(
        ["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"]
    ),
    "pronoun_second": frozenset(["you", "your", "yours", "yourself", "yourselves"]),
    "pronoun_third": frozenset(
        [
            "he",
            "him",
            "his",
            "himself",
            "she",
            "her",
            "hers",
            "herself",
            "they",
            "them",
            "their",
            "theirs",
            "themselves",
        ]
    ),
    "article": frozenset(["a", "an", "the"]),
    "preposition": frozenset(
        [
            "about",
            "above",
            "across",
            "after",
            "against",
            "along",
            "among",
            "around",
            "at",
            "before",
            "behind",
            "below",
            "beneath",
            "beside",
            "between",
            "beyond",
            "by",
            "down",
            "during",
            "except",
            "for",
            "from",
            "in",
            "inside",
            "into",
            "near",
            "of",
            "off",
            "on",
            "onto",
            "out",
            "outside",
            "over",
            "past",
            "since",
            "through",
            "throughout",
            "to",
            "toward",
            "towards",
            "under",
            "until",
            "up",
            "upon",
            "with",
            "within",
            "without",
        ]
    ),
    "conjunction": frozenset(
        [
            "and",
            "or",
            "nor",
            "but",
            "so",
            "yet",
            "because",
            "although",
            "though",
            "unless",
            "whereas",
            "while",
        ]
    ),
    "auxiliary": frozenset(
        [
            "am",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "have",
            "has",
            "had",
            "having",
            "do",
            "does",
            "did",
            "will",
            "would",
            "shall",
            "should",
            "can",
            "could",
            "may",
            "might",
            "must",
        ]
    ),
    "negation": frozenset(
        ["not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "n't"]
    ),
    "demonstrative": frozenset(["this", "that", "these", "those"]),
}
_FUNCTION_WORDS = frozenset().union(*_FUNCTION_GROUPS.values())
_GROUP_WORDS = {
    "pronoun_first": "first-person pronouns (I, we, our ...)",
    "pronoun_second": "second-person pronouns (you, your ...)",
    "pronoun_third": "third-person pronouns (he, she, they ...)",
    "article": "articles (a, an, the)",
    "preposition": "prepositions (of, in, on ...)",
    "conjunction": "conjunctions (and, but, because ...)",
    "auxiliary": "auxiliary and modal verbs (is, has, can, may ...)",
    "negation": "negations (not, no, never ...)",
    "demonstrative": "demonstratives (this, that, these, those)",
}
_STOP = _FUNCTION_WORDS | frozenset(
    [
        "it",
        "its",
        "it's",
        "as",
        "also",
        "more",
        "most",
        "other",
        "such",
        "than",
        "then",
        "there",
        "their",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "many",
        "much",
        "some",
        "very",
        "can",
        "just",
        "one",
        "two",
        "new",
    ]
)

_PUNCT: dict[str, re.Pattern[str]] = {
    "comma": re.compile(r","),
    "semicolon": re.compile(r";"),
    "colon": re.compile(r":(?!//)"),
    "dash": re.compile(r"—|–|(?<=\s)-(?=\s)|--"),
    "parenthesis": re.compile(r"\("),
    "quote": re.compile(r"[\"“”]"),
    "question": re.compile(r"\?"),
    "exclamation": re.compile(r"!"),
}
_DIGIT_TOKEN = re.compile(r"\d")
_CONTRACTION = re.compile(
    r"\b(?:\w+n['’]t|\w+['’](?:re|ve|ll|d|m)|(?:it|that|there|here|he|she|what|who|where|let)['’]s)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|stated)\b", re.IGNORECASE
)

NAMES: dict[str, str] = {
    **{
        f"style.fw_{group}": f"{_GROUP_WORDS[group]} per 100 words (lists in style.py); 0..100; "
        "a profile, no direction alone"
        for group in _FUNCTION_GROUPS
    },
    "style.function_word_share": "share of tokens that are function words; 0..1; machine text runs high",
    **{
        f"style.punct_{name}": f"{name} marks per 100 words; >= 0; a profile, no direction alone"
        for name in _PUNCT
    },
    "style.digit_tokens_per_100_words": "tokens containing a digit per 100 words; >= 0; higher = more specific",
    "style.contractions_per_100_words": "contractions (don't, it's) per 100 words; >= 0; higher = more conversational",
    "style.reporting_per_100_words": "reporting verbs and attributions (said, according to) per 100 words; "
    ">= 0; higher = more sourced, news-like",
    "style.sentence_length_robust_cv": "median absolute deviation / median of sentence lengths in words; "
    ">= 0; NaN under 3 sentences; low = monotone (burstiness measured robustly)",
    "style.sentence_length_range_share": "share of sentences under 10 or over 30 words; 0..1; NaN under 3 "
    "sentences; higher = burstier",
    "style.top_word_share": "count of the most frequent content word / content words; 0..1; NaN without "
    "content words; high = keyword stuffing",
    "style.top3_word_share": "counts of the 3 most frequent content words / content words; 0..1; high = stuffing",
    "style.title_word_density": "share of body content words that are content words of the title; 0..1; NaN "
    "without a title; high = keyword stuffing on the title",
    "style.mean_word_length": "mean characters per word token; > 0; NaN for an empty body",
}


def analyze(article: Article) -> SignalResult:
    """Style profile of one article."""
    tokens = [_POSSESSIVE.sub("", t.lower()) for t in article.tokens]
    n = len(tokens)
    text = article.text
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}

    counts = Counter(tokens)
    for group, members in _FUNCTION_GROUPS.items():
        values[f"style.fw_{group}"] = per_100_words(sum(counts[w] for w in members), n)
    values["style.function_word_share"] = ratio(sum(counts[w] for w in _FUNCTION_WORDS), n)
    for name, pattern in _PUNCT.items():
        values[f"style.punct_{name}"] = per_100_words(len(pattern.findall(text)), n)
    values["style.digit_tokens_per_100_words"] = per_100_words(
        sum(1 for t in tokens if _DIGIT_TOKEN.search(t)), n
    )
    values["style.contractions_per_100_words"] = per_100_words(len(_CONTRACTION.findall(text)), n)
    values["style.reporting_per_100_words"] = per_100_words(len(_REPORTING.findall(text)), n)

    lengths = [len(s.split()) for s in article.sentences]
    if len(lengths) >= 3:
        median = statistics.median(lengths)
        mad = statistics.median(abs(x - median) for x in lengths)
        values["style.sentence_length_robust_cv"] = ratio(mad, median)
        values["style.sentence_length_range_share"] = sum(
            1 for x in lengths if x < 10 or x > 30
        ) / len(lengths)
    else:
        values["style.sentence_length_robust_cv"] = NAN
        values["style.sentence_length_range_share"] = NAN

    content = [t for t in tokens if t not in _STOP and not t.isdigit() and len(t) > 2]
    content_counts = Counter(content)
    top = content_counts.most_common(3)
    values["style.top_word_share"] = ratio(top[0][1], len(content)) if top else NAN
    values["style.top3_word_share"] = ratio(sum(c for _, c in top), len(content)) if top else NAN
    if top:
        evidence["style.top_word_share"] = [f"{w} ×{c}" for w, c in top]
    title_words = {t.lower() for t in re.findall(r"\w+", article.title)} - _STOP
    title_words = {t for t in title_words if len(t) > 2}
    if title_words and content:
        values["style.title_word_density"] = sum(content_counts[w] for w in title_words) / len(
            content
        )
        evidence["style.title_word_density"] = sorted(title_words)
    else:
        values["style.title_word_density"] = NAN
    values["style.mean_word_length"] = ratio(sum(len(t) for t in tokens), n)
    return SignalResult(values, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
