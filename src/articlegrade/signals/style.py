"""``style``: function-word and punctuation profile, robust burstiness, specificity and keyword stuffing.

These are the named signals that tell tight human prose from machine filler without leaning on
length: every value is a rate (per 100 words or a share), never a count that grows with the text.
"""

from __future__ import annotations

import heapq
import re
import statistics
from collections import Counter
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

from ..article import Article
from ..text import caseless, lowers_like_ignorecase
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

#: Punctuation marks counted, each by its rule in ``_punctuation``.
_PUNCT: dict[str, str] = {
    "comma": ",",
    "semicolon": ";",
    "colon": ": (not that of a URL, followed by //)",
    "dash": "— or – or -- or a hyphen between spaces",
    "parenthesis": "(",
    "quote": '" or “ or ”',
    "question": "?",
    "exclamation": "!",
}
#: A hyphen that counts as a dash: between whitespace, or the first of "--" (non-overlapping).
_HYPHEN_DASH = re.compile(r"-(?:(?<=\s-)(?=\s)|-)")
_DIGIT_LINE = re.compile(r"\d[^\n]*")
_APOSTROPHE = re.compile("['’]")
_CONTRACTION = re.compile(
    r"\b(?:\w+n['’]t|\w+['’](?:re|ve|ll|d|m)|(?:it|that|there|here|he|she|what|who|where|let)['’]s)\b",
    re.IGNORECASE,
)
_POSSESSIVE_LINE = re.compile(r"['’]s$", re.MULTILINE)
#: ``\b(?:said|says|told|according to|reported|announced|stated)\b`` under re.IGNORECASE, but
#: taking the non-word character before the word: it opens with a class, so the engine skips
#: ahead instead of trying every position (counted on the text with a non-word character put
#: before it; the words end with letters, so no match takes the character the next one needs).
_REPORTING = re.compile(
    caseless(r"\W(?:s(?:aid|ays|tated)|told|a(?:ccording to|nnounced)|reported)") + r"\b"
)
#: What ``_REPORTING`` matches after its non-word character, lowercased: see ``_reporting``.
_REPORTING_PHRASES = (
    "said",
    "says",
    "stated",
    "told",
    "according to",
    "announced",
    "reported",
)
_WORD_CHAR = re.compile(r"\w").match


def _reporting(text: str, raw: str) -> int:
    """``_REPORTING`` matches in ``text`` (counted after a line break put before it), given the
    body's tokens joined by line breaks (``raw``).

    Counted with ``str.find`` in the lowercased text, each phrase's occurrences with a non-word
    character (or the start) before and a non-word character (or the end) after, as the pattern
    asks. Where the tokens (so the text: the letters ``IGNORECASE_ODD`` names are word characters)
    hold none of ``IGNORECASE_ODD``, a caseless class takes an ASCII letter in either case and
    nothing else, which is what lowercasing maps to that letter alone; ``str.lower`` is one
    character to one except for "İ" (an odd one), so positions agree when the lengths do
    (tests/test_style.py checks both on every code point). Two matches cannot overlap (the one
    non-word character inside a match is the space of "according to", and no phrase is "to" and a
    word's end), so the per-phrase counts add up to the regex count. Otherwise: the regex."""
    low = text.lower()
    if not lowers_like_ignorecase(raw) or len(low) != len(text):
        return len(_REPORTING.findall("\n" + text))
    count = 0
    for phrase in _REPORTING_PHRASES:
        at = low.find(phrase)
        while at >= 0:
            end = at + len(phrase)  # (no phrase overlaps itself: resuming at its end misses none)
            if not (at and _WORD_CHAR(text, at - 1)) and not _WORD_CHAR(text, end):
                count += 1
            at = low.find(phrase, end)
    return count


def _punctuation(text: str) -> dict[str, int]:
    """How many of each mark of ``_PUNCT`` ``text`` holds."""
    return {
        "comma": text.count(","),
        "semicolon": text.count(";"),
        "colon": text.count(":") - text.count("://"),
        "dash": text.count("—") + text.count("–") + len(_HYPHEN_DASH.findall(text)),
        "parenthesis": text.count("("),
        "quote": text.count('"') + text.count("“") + text.count("”"),
        "question": text.count("?"),
        "exclamation": text.count("!"),
    }


@lru_cache(maxsize=1 << 14)
def _token_contractions(token: str) -> int:
    """Contractions in one token (memoised: the same few tokens recur)."""
    return len(_CONTRACTION.findall(token))


def _contractions(joined_tokens: str) -> int:
    """Contractions (``_CONTRACTION``) in the tokens joined by line breaks.

    A contraction lies inside one token (a word, its apostrophe and what follows it), so only the
    tokens with an apostrophe are searched, each as a whole (from line break to line break)."""
    count = 0
    end = -1
    for m in _APOSTROPHE.finditer(joined_tokens):
        if m.start() < end:  # another apostrophe of the token just searched
            continue
        start = joined_tokens.rfind("\n", 0, m.start()) + 1
        end = joined_tokens.find("\n", m.start())
        if end < 0:
            end = len(joined_tokens)
        count += _token_contractions(joined_tokens[start:end])
    return count


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
    raw = "\n".join(article.tokens)
    n = len(article.tokens)
    # every token lowercased, a final 's dropped (one pass over the tokens joined by line breaks)
    lowered = _POSSESSIVE_LINE.sub("", raw.lower())
    tokens = lowered.split("\n") if n else []
    text = article.text
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}

    counts = Counter(tokens)
    get = counts.get
    for group, members in _FUNCTION_GROUPS.items():
        values[f"style.fw_{group}"] = per_100_words(sum(map(get, members, repeat(0))), n)
    values["style.function_word_share"] = ratio(sum(map(get, _FUNCTION_WORDS, repeat(0))), n)
    for name, count in _punctuation(text).items():
        values[f"style.punct_{name}"] = per_100_words(count, n)
    values["style.digit_tokens_per_100_words"] = per_100_words(len(_DIGIT_LINE.findall(lowered)), n)
    values["style.contractions_per_100_words"] = per_100_words(_contractions(raw), n)
    values["style.reporting_per_100_words"] = per_100_words(_reporting(text, raw), n)

    lengths = list(map(len, map(str.split, article.sentences)))
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

    # (the length test first: it drops most function words without a set look-up; the same keys)
    content_counts = {
        t: c for t, c in counts.items() if len(t) > 2 and t not in _STOP and not t.isdigit()
    }
    n_content = sum(content_counts.values())
    # ``Counter(content_counts).most_common(3)``, which is this call (ties in insertion order)
    top = heapq.nlargest(3, content_counts.items(), key=itemgetter(1))
    values["style.top_word_share"] = ratio(top[0][1], n_content) if top else NAN
    values["style.top3_word_share"] = ratio(sum(c for _, c in top), n_content) if top else NAN
    if top:
        evidence["style.top_word_share"] = [f"{w} ×{c}" for w, c in top]
    title_words = {t.lower() for t in re.findall(r"\w+", article.title)} - _STOP
    title_words = {t for t in title_words if len(t) > 2}
    if title_words and n_content:
        values["style.title_word_density"] = (
            sum(content_counts.get(w, 0) for w in title_words) / n_content
        )
        evidence["style.title_word_density"] = sorted(title_words)
    else:
        values["style.title_word_density"] = NAN
    values["style.mean_word_length"] = ratio(len(lowered) - (n - 1) if n else 0, n)
    return SignalResult(values, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
