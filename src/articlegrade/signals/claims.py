"""``claims``: how many sentences state facts, how specific those facts are, and whether they are sourced.

A sentence-level detector (``models/claims.json.gz``, trained by
``python -m articlegrade.training.claims`` on ClaimBuster debate sentences) gives each body sentence the
probability that it states a fact (ClaimBuster's "unimportant" or "check-worthy factual" classes) rather
than an opinion, a promise, a question or filler. It is a logistic regression over three blocks,
evaluated here with numpy: word 1-2-grams (numbers folded to ``<num>``) and character 2-5-grams inside
word boundaries, each TF-IDF weighted (sublinear tf, L2-normalised), and the named sentence features of
``FEATURE_NAMES`` (numbers, dates, quantities, names, tense, modals, opinion markers, questions, ...),
standardised. The decision threshold stored in the model was chosen by cross-validation on the
training data.

On top of it, regular expressions count the specific details an article's sentences carry (numbers,
dates, quantities, names), the textual attributions that source a claim ("according to", "said",
"a study by", "(Reuters)"), and the hedges that make a claim vague ("potential", "may", "many").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from ..article import Article
from ..text import words
from .base import NAN, SignalResult, per_100_words, ratio

MODEL_NAME = "claims"
MODEL_KIND = "claims-logreg-v1"

# ---------------------------------------------------------------------------------------------
# Text normalisation and the n-gram terms the model reads (shared with training).
# ---------------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_TERM_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?!]")


def normalize(sentence: str) -> str:
    """Curly quotes and dashes folded to ASCII, so web text and the training transcripts agree."""
    return sentence.translate(_QUOTES)


def word_terms(sentence: str) -> list[str]:
    """Word unigrams and bigrams of the lower-cased sentence; numbers become ``<num>``."""
    toks = [
        "<num>" if t[0].isdigit() else t for t in _TERM_TOKEN.findall(normalize(sentence).lower())
    ]
    return toks + [f"{a} {b}" for a, b in pairwise(toks)]


def char_terms(sentence: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams (``low``..``high``) of each lower-cased word padded with one space a side."""
    out: list[str] = []
    for word in normalize(sentence).lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            out.extend(padded[i : i + n] for i in range(size - n + 1))
    return out


# ---------------------------------------------------------------------------------------------
# Specific details, attribution and hedges (regular expressions over one sentence).
# ---------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
#: A date: month (May only beside a day or year) with optional day and year, a year or decade, or ISO.
DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"(?:,?\s+{_YEAR})?(?![\w])"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+May\b(?:,?\s+{_YEAR})?"
    rf"|\bMay\s+(?:\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|{_YEAR})\b"
    rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b{_YEAR}s?\b|\b'\d0s\b"
)
#: A number written in digits (``3.5``, ``1,000``, ``2019``, the ``19`` of ``COVID-19``).
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a million|a billion)"
)
_UNIT = (
    r"(?:%|percent|per cent|percentage points?|million|billion|trillion|thousand|hundred"
    r"|dollars|euros|pounds|yen|yuan|rupees|km|kilomet(?:er|re)s?|miles?|kg|kilograms?|tons?|tonnes"
    r"|met(?:er|re)s?|feet|foot|inch(?:es)?|acres?|hectares?|square|mph|gw|mw|kwh|barrels"
    r"|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries"
    r"|people|persons|troops|soldiers|members?|member states|countries|nations|states|jobs"
    r"|employees|workers|students|patients|cases|deaths|users|customers|times)"
)
#: A quantity: a number with a unit, percent or currency (``3.5 percent``, ``$5``, ``50,000 troops``).
QUANTITY_RE = re.compile(
    rf"[$€£¥]\s?\d[\d,.]*(?:\s+(?:million|billion|trillion|thousand))?"
    rf"|\b(?:\d[\d,.]*|{_NUMBER_WORD})(?:\s+(?:million|billion|trillion|thousand|hundred))?"
    rf"(?:-|\s+|\s*(?=%))(?:over\s+|more\s+)?{_UNIT}(?![\w])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(rf"\b{_YEAR}s?\b|\b'\d0s\b")
_MONTH_RE = re.compile(rf"\b{_MONTH}(?![\w])|\bMay\s+\d")
_I_FORMS = frozenset({"i", "i'm", "i've", "i'll", "i'd"})
#: Textual attribution: a reporting verb, "according to", a study, survey or data source, a wire tag.
SOURCE_RE = re.compile(
    r"\baccording to\b|\b(?:said|says|told|reported|reports|announced|stated|estimated|estimates"
    r"|found|finds|showed|shows|published)\b|\b(?:a|the|one)\s+(?:\d{4}\s+)?(?:study|survey|report"
    r"|poll|analysis|census)\b|\bdata (?:from|by)\b|\bfigures (?:from|by)\b|\bstatistics (?:from|by)\b"
    r"|\bsurvey(?:ed)?\b|\((?:Reuters|AP|AFP|Bloomberg)\)",
    re.IGNORECASE,
)
#: Hedges and vague quantifiers that make a claim unverifiable ("potential", "may", "many").
HEDGE_RE = re.compile(
    r"\b(?:may|might|could|can|would|should|possibly|possible|potential(?:ly)?|perhaps|likely"
    r"|unlikely|probably|arguably|generally|often|usually|typically|tends? to|seems?|appears? to"
    r"|some|many|several|various|numerous|certain|significant(?:ly)?|considerable|substantial"
    r"|a (?:variety|number|range) of)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Named sentence features for the model.
# ---------------------------------------------------------------------------------------------

_NUMWORD_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen"
    r"|half|third|quarter|percent)\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE)
_CURRENCY_RE = re.compile(
    r"[$€£¥]\s?\d|\b\d[\d,.]*\s?(?:dollars|euros|pounds|yen)\b|\b(?:million|billion|trillion) dollars\b",
    re.IGNORECASE,
)
_TIME_REF_RE = re.compile(
    r"\b(?:yesterday|last (?:year|week|month|night|time|decade|century)|ago|in the past|since"
    r"|earlier this|this year|decade|century|today)\b",
    re.IGNORECASE,
)
_PAST_FORMS = (
    "was were had did said went made took came saw knew got gave found thought told became "
    "left felt brought began kept held wrote stood heard meant met ran paid sat spoke lay "
    "led read grew lost fell sent built understood drew broke spent rose drove bought wore "
    "chose sought threw caught dealt won fought taught fed fled shot hid forgot swore"
)
_IRREGULAR_PAST = frozenset(_PAST_FORMS.split())
_ED_RE = re.compile(r"\b[a-z]{3,}ed\b")
_LOWER_WORD_RE = re.compile(r"[a-z']+")
_PERFECT_RE = re.compile(
    r"\b(?:has|have|had|'ve|'s)\s+(?:been|[a-z]+ed|gone|done|made|taken|seen|given|got|gotten|lost"
    r"|won|grown|risen|fallen|cut|spent|built)\b",
    re.IGNORECASE,
)
_MODAL_RE = re.compile(
    r"\b(?:will|would|shall|should|could|can|may|might|must|ought|gonna|going to|need to|have to"
    r"|has to|got to)\b|'ll\b|'d\b",
    re.IGNORECASE,
)
_OPINION_RE = re.compile(
    r"\b(?:i|we) (?:think|believe|feel|hope|want|wish|know|need|must|should|will|would|can"
    r"|am going|are going)\b|\b(?:i'm|we're) going\b|\bin my (?:opinion|view|judgment)\b"
    r"|\bi'm (?:sure|convinced|confident)\b",
    re.IGNORECASE,
)
_FIRST_RE = re.compile(
    r"\b(?:i|me|my|mine|we|us|our|ours|i'm|i've|i'd|i'll|we're|we've|we'll|we'd)\b", re.IGNORECASE
)
_SECOND_RE = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b", re.IGNORECASE)
_COMPARATIVE_RE = re.compile(
    r"\b(?:more|less|fewer|better|worse|higher|lower|larger|smaller|bigger)\b|\b[a-z]{3,}er than\b",
    re.IGNORECASE,
)
_SUPERLATIVE_RE = re.compile(
    r"\b(?:most|least|best|worst|highest|lowest|largest|smallest|biggest|first|only)\b|\b[a-z]{3,}est\b",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(r"\b(?:not|no|never|nothing|none)\b|n't\b", re.IGNORECASE)
_ATTRIBUTION_RE = re.compile(
    r"\b(?:according to|said|says|reported|announced|stated|study|survey|data|report)\b",
    re.IGNORECASE,
)
_IMPERATIVE_RE = re.compile(
    r"^(?:let|let's|please|look|listen|join|think|imagine|remember)\b", re.IGNORECASE
)

#: The model's named sentence features, in the order of its coefficients.
FEATURE_NAMES: tuple[str, ...] = (
    "len_log",
    "has_digit",
    "numbers_log",
    "has_number_word",
    "has_percent",
    "has_currency",
    "has_quantity",
    "has_year",
    "has_month",
    "has_time_reference",
    "proper_names_log",
    "past_verbs_log",
    "past_verb_share",
    "has_perfect",
    "modals_log",
    "opinion_marker",
    "first_person_share",
    "second_person_share",
    "question",
    "exclamation",
    "comparative",
    "superlative",
    "negation",
    "attribution",
    "imperative",
    "short",
    "first_person_past",
    "first_person_modal",
    "specific",
    "past_no_modal",
    "modal_no_specific",
)


def proper_names(sentence: str) -> list[str]:
    """Capitalised words that do not open the sentence ("I" and its contractions excluded)."""
    toks = words(normalize(sentence))
    return [t for t in toks[1:] if t[:1].isupper() and t.lower() not in _I_FORMS]


def sentence_features(sentence: str) -> list[float]:
    """The named features of one sentence, in ``FEATURE_NAMES`` order."""
    s = normalize(sentence)
    n_words = max(len(s.split()), 1)
    low = s.lower()
    past = sum(1 for w in _LOWER_WORD_RE.findall(low) if w in _IRREGULAR_PAST) + len(
        _ED_RE.findall(low)
    )
    modals = len(_MODAL_RE.findall(s))
    first = len(_FIRST_RE.findall(s))
    has_digit = any(c.isdigit() for c in s)
    has_percent = bool(_PERCENT_RE.search(s))
    has_currency = bool(_CURRENCY_RE.search(s))
    has_quantity = bool(has_percent or has_currency or QUANTITY_RE.search(s))
    has_year = bool(_YEAR_RE.search(s))
    has_month = bool(_MONTH_RE.search(s))
    specific = has_digit or has_year or has_month or has_quantity
    return [
        math.log1p(n_words),
        float(has_digit),
        math.log1p(len(NUMBER_RE.findall(s))),
        float(bool(_NUMWORD_RE.search(s))),
        float(has_percent),
        float(has_currency),
        float(has_quantity),
        float(has_year),
        float(has_month),
        float(bool(_TIME_REF_RE.search(s))),
        math.log1p(len(proper_names(s))),
        math.log1p(past),
        past / n_words,
        float(bool(_PERFECT_RE.search(s))),
        math.log1p(modals),
        float(bool(_OPINION_RE.search(s))),
        first / n_words,
        len(_SECOND_RE.findall(s)) / n_words,
        float("?" in s),
        float("!" in s),
        float(bool(_COMPARATIVE_RE.search(s))),
        float(bool(_SUPERLATIVE_RE.search(s))),
        float(bool(_NEGATION_RE.search(s))),
        float(bool(_ATTRIBUTION_RE.search(s))),
        float(bool(_IMPERATIVE_RE.match(s))),
        float(n_words < 6),
        float(first > 0 and past > 0),
        float(first > 0 and modals > 0),
        float(specific),
        float(past > 0 and modals == 0),
        float(modals > 0 and not specific),
    ]


# ---------------------------------------------------------------------------------------------
# The model, evaluated with numpy.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """One TF-IDF block: term -> column, idf and coefficient per column."""

    index: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray

    def score(self, terms: Iterable[str]) -> float:
        index = self.index
        known = [(index[t], c) for t, c in Counter(terms).items() if t in index]
        if not known:
            return 0.0
        cols = np.fromiter((i for i, _ in known), dtype=np.int64, count=len(known))
        tf = 1.0 + np.log(np.fromiter((c for _, c in known), dtype=np.float64, count=len(known)))
        weights = tf * self.idf[cols]
        return float(weights @ self.coef[cols]) / float(np.sqrt(weights @ weights))


@dataclass(frozen=True)
class ClaimModel:
    """The claim detector: two TF-IDF blocks, standardised named features, an intercept, a threshold."""

    words: _Block
    chars: _Block
    char_range: tuple[int, int]
    feature_mean: np.ndarray
    feature_scale: np.ndarray
    feature_coef: np.ndarray
    intercept: float
    threshold: float

    @classmethod
    def from_params(cls, params: dict) -> ClaimModel:
        """Build from a model file's ``params`` (see ``articlegrade.training.claims``)."""

        def block(prefix: str) -> _Block:
            vocab = params[f"{prefix}_vocab"]
            return _Block(
                {t: i for i, t in enumerate(vocab)},
                np.asarray(params[f"{prefix}_idf"], dtype=np.float64),
                np.asarray(params[f"{prefix}_coef"], dtype=np.float64),
            )

        return cls(
            words=block("word"),
            chars=block("char"),
            char_range=(int(params["char_range"][0]), int(params["char_range"][1])),
            feature_mean=np.asarray(params["feature_mean"], dtype=np.float64),
            feature_scale=np.asarray(params["feature_scale"], dtype=np.float64),
            feature_coef=np.asarray(params["feature_coef"], dtype=np.float64),
            intercept=float(params["intercept"]),
            threshold=float(params["threshold"]),
        )

    def decision(self, sentence: str) -> float:
        """The log-odds that ``sentence`` states a fact."""
        feats = (np.asarray(sentence_features(sentence)) - self.feature_mean) / self.feature_scale
        low, high = self.char_range
        return (
            self.intercept
            + self.words.score(word_terms(sentence))
            + self.chars.score(char_terms(sentence, low, high))
            + float(feats @ self.feature_coef)
        )

    def probabilities(self, sentences: Sequence[str]) -> list[float]:
        """Probability that each sentence states a fact."""
        return [1.0 / (1.0 + math.exp(-self.decision(s))) for s in sentences]


@lru_cache(maxsize=1)
def load_claim_model() -> ClaimModel:
    """The shipped detector (``models/claims.json.gz``), loaded and checked once."""
    from ..model import load_model

    model = load_model(MODEL_NAME, kind=MODEL_KIND)
    model.check_features(FEATURE_NAMES)
    return ClaimModel.from_params(model.params)


def sentence_scores(sentences: Sequence[str]) -> list[float]:
    """Probability (0..1) that each sentence states a fact (ClaimBuster UFS or CFS), in order."""
    return load_claim_model().probabilities(sentences)


def claim_threshold() -> float:
    """Probability at or above which a sentence counts as a claim (chosen by CV on training data)."""
    return load_claim_model().threshold


# ---------------------------------------------------------------------------------------------
# Per-article signals.
# ---------------------------------------------------------------------------------------------

NAMES: dict[str, str] = {
    "claims.per_100_words": "body sentences whose fact probability >= the model threshold, per 100 body "
    "words (headings excluded); >= 0; NaN for an empty body; higher = denser in factual statements",
    "claims.share": "claim sentences / body sentences; 0..1; NaN without sentences; higher = more factual",
    "claims.mean_probability": "mean fact probability over body sentences; 0..1; NaN without sentences; "
    "higher = more factual",
    "claims.numbers_per_100_words": "numbers written in digits (3.5, 1,000, 2019) per 100 body words; >= 0; "
    "NaN for an empty body; higher = more specific",
    "claims.dates_per_100_words": "date expressions (November 2019, 5 May, 1949, the 1990s) per 100 body "
    "words; >= 0; NaN for an empty body; higher = more specific",
    "claims.proper_names_per_100_words": "capitalised words that do not open their sentence (not 'I') per "
    "100 body words; >= 0; NaN for an empty body; higher = more named entities",
    "claims.quantities_per_100_words": "a number with a unit, percent or currency (3.5 percent, $5 million, "
    "50,000 troops) per 100 body words; >= 0; NaN for an empty body; higher = more specific",
    "claims.specific_share": "claim sentences with a number, date or quantity / claim sentences; 0..1; NaN "
    "without claims; higher = more checkable",
    "claims.sourced_share": "specific claims with a textual attribution in the sentence (according to, "
    "said, reported, a study by, data from, survey, (Reuters)) / specific claims; 0..1; NaN without "
    "specific claims; higher = better sourced",
    "claims.vague_share": "claim sentences with a hedge or vague quantifier (may, could, potential, many, "
    "some, significant) and no number, date or quantity / claim sentences; 0..1; NaN without claims; "
    "higher = vaguer, filler-like",
}

_EVIDENCE_LIMIT = 5


def sentence_markers(sentence: str) -> dict[str, int]:
    """Counts of specific details in one sentence: numbers, dates, proper names, quantities."""
    s = normalize(sentence)
    return {
        "numbers": len(NUMBER_RE.findall(s)),
        "dates": len(DATE_RE.findall(s)),
        "proper_names": len(proper_names(s)),
        "quantities": len(QUANTITY_RE.findall(s)),
    }


def is_specific(markers: dict[str, int]) -> bool:
    """A sentence is specific when it carries a number, a date or a quantity."""
    return bool(markers["numbers"] or markers["dates"] or markers["quantities"])


def analyze(article: Article) -> SignalResult:
    """Claim density, specificity, sourcing and vagueness of one article's body sentences."""
    sentences = list(article.sentences)
    n_words = sum(len(words(s)) for s in sentences)
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    if not sentences:
        return SignalResult(dict.fromkeys(NAMES, NAN), {})

    model = load_claim_model()
    probs = model.probabilities(sentences)
    markers = [sentence_markers(s) for s in sentences]
    claims = [i for i, p in enumerate(probs) if p >= model.threshold]
    specific = [i for i in claims if is_specific(markers[i])]
    unsourced = [i for i in specific if not SOURCE_RE.search(normalize(sentences[i]))]
    vague = [
        i
        for i in claims
        if not is_specific(markers[i]) and HEDGE_RE.search(normalize(sentences[i]))
    ]

    values["claims.per_100_words"] = per_100_words(len(claims), n_words)
    values["claims.share"] = len(claims) / len(sentences)
    values["claims.mean_probability"] = float(sum(probs) / len(probs))
    for key in ("numbers", "dates", "proper_names", "quantities"):
        values[f"claims.{key}_per_100_words"] = per_100_words(sum(m[key] for m in markers), n_words)
    values["claims.specific_share"] = ratio(len(specific), len(claims))
    values["claims.sourced_share"] = ratio(len(specific) - len(unsourced), len(specific))
    values["claims.vague_share"] = ratio(len(vague), len(claims))

    top = sorted(claims, key=lambda i: (-probs[i], i))[:_EVIDENCE_LIMIT]
    if top:
        evidence["claims.per_100_words"] = [f"{probs[i]:.2f} {sentences[i]}" for i in top]
    if unsourced:
        evidence["claims.sourced_share"] = [sentences[i] for i in unsourced[:_EVIDENCE_LIMIT]]
    if vague:
        evidence["claims.vague_share"] = [sentences[i] for i in vague[:_EVIDENCE_LIMIT]]
    return SignalResult(values, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
