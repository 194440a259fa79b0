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
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, pairwise, repeat

import numpy as np

from ..article import Article
from ..text import WORD_RE, Memo, words
from .base import NAN, SignalResult, per_100_words, ratio

MODEL_NAME = "claims"
MODEL_KIND = "claims-logreg-v1"

# ---------------------------------------------------------------------------------------------
# Text normalisation and the n-gram terms the model reads (shared with training).
# ---------------------------------------------------------------------------------------------

#: The characters ``normalize`` folds, and their ASCII forms.
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
_TERM_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?!]")


def normalize(sentence: str) -> str:
    """Curly quotes and dashes folded to ASCII, so web text and the training transcripts agree."""
    if sentence.isascii():
        return sentence
    # One ``str.replace`` per character (much faster than ``str.translate``); the same result, as
    # every replacement is ASCII and so never replaced again.
    for curly, ascii_form in _QUOTES:
        sentence = sentence.replace(curly, ascii_form)
    return sentence


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
_PERFECT_TAIL = (
    r"\s+(?:been|[a-z]+ed|gone|done|made|taken|seen|given|got|gotten|lost"
    r"|won|grown|risen|fallen|cut|spent|built)"
)
_PERFECT_RE = re.compile(rf"\b(?:has|have|had|'ve|'s){_PERFECT_TAIL}\b", re.IGNORECASE)
_MODAL_RE = re.compile(
    r"\b(?:will|would|shall|should|could|can|may|might|must|ought|gonna|going to|need to|have to"
    r"|has to|got to)\b|'ll\b|'d\b",
    re.IGNORECASE,
)
_OPINION_VERBS = (
    r"(?:think|believe|feel|hope|want|wish|know|need|must|should|will|would|can"
    r"|am going|are going)"
)
_OPINION_RE = re.compile(
    rf"\b(?:i|we) {_OPINION_VERBS}\b|\b(?:i'm|we're) going\b|\bin my (?:opinion|view|judgment)\b"
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


# ---------------------------------------------------------------------------------------------
# Fast, exactly equivalent evaluation of the regular expressions above.
#
# Most of these patterns are ``\b(?:word|word ...)\b`` alternations with IGNORECASE, which the
# ``re`` engine tries at every position of the sentence. Two equivalences make them cheap on
# "plain" sentences: ASCII, or with only non-ASCII characters that lower-case to one character of
# the same ``\w``/``\s`` class, are no decimal digits and match no ASCII letter under IGNORECASE
# (all but "İ", "ı", "ſ" and the Kelvin sign; so Cyrillic, Greek, accented Latin, symbols). Other
# sentences run the patterns above unchanged.
#
# - every match contains one of a few whole words ("said", "may", the "ll" of "'ll") or a digit
#   or a short mark ("%"); a sentence with none of them cannot match, so the pattern is not run.
#   The words are looked up among the sentence's ``_TERM_TOKEN`` tokens split at apostrophes:
#   every ASCII-letters-only ``\w+`` run of a plain sentence is one of them (and so is every
#   letters-only ``[a-z']+`` run, which ``_LOWER_WORD_RE`` counts);
# - an IGNORECASE pattern matches a plain sentence exactly where the same pattern lower-cased,
#   without IGNORECASE, matches the lower-cased sentence (several times faster).
#
# ``tests/test_claims.py`` checks both against the plain patterns on generated sentences.
# ---------------------------------------------------------------------------------------------

_UPPER_ESCAPE = re.compile(r"\\[A-Z]")
_ASCII_CHARS = frozenset(map(chr, range(128)))
_ASCII_DIGIT = re.compile(r"[0-9]")
_FOLDS_TO_ASCII = re.compile(r"[a-z]", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_SPACE_CHAR = re.compile(r"\s")


@lru_cache(maxsize=4096)
def _plain_char(c: str) -> bool:
    r"""Whether the shortcuts stay exact with the non-ASCII character ``c`` in a sentence: it
    lower-cases to one character of the same ``\w`` and ``\s`` class, neither is a decimal digit
    (``\d``) and neither matches an ASCII letter under IGNORECASE."""
    low = c.lower()
    return (
        len(low) == 1
        and not c.isdecimal()
        and not low.isdecimal()
        and _FOLDS_TO_ASCII.match(c) is None
        and _FOLDS_TO_ASCII.match(low) is None
        and (_WORD_CHAR.match(c) is None) == (_WORD_CHAR.match(low) is None)
        and (_SPACE_CHAR.match(c) is None) == (_SPACE_CHAR.match(low) is None)
    )


def _is_plain(text: str) -> bool:
    """Whether the shortcuts stay exact for ``text`` (see above)."""
    return text.isascii() or all(map(_plain_char, set(text).difference(_ASCII_CHARS)))


class _Gate:
    """A pattern with a cheap necessary condition for it to match a plain sentence.

    A match needs a word of ``words`` among the sentence's lower-cased tokens, a substring of
    ``marks`` in the lower-cased sentence, or (``digit``) a digit; and, when ``also_words`` or
    ``also_marks`` are given, one of those too. ``bit`` is the gate's flag in a sentence's
    ``possible`` mask, ``index`` its position in ``_GATES``. ``fast`` is the pattern lower-cased
    without IGNORECASE, for the lower-cased sentence (``None``: the pattern is case-sensitive and
    runs on the sentence itself).

    ``split`` (gates opened by ``words``, and at most one mark): per gate word, a pattern that
    matches a plain lower-cased sentence without the mark exactly where ``fast`` matches with
    that word, so a match exists when one of the sentence's gate words' patterns matches; for a
    counted gate (``_COUNTED_GATES``) the words' matches never overlap, so the number of matches
    is their sum. Each starts with
    its word as literal text, which ``re`` finds with a fast substring search instead of trying
    every position (see ``_from_word``).

    ``no_words``: the pattern for a plain sentence with none of ``words`` among its gate words,
    matching exactly where ``fast`` (else ``regex``) does, on the same text.
    """

    __slots__ = (
        "also_marks",
        "also_words",
        "bit",
        "digit",
        "fast",
        "index",
        "marks",
        "no_words",
        "regex",
        "split",
        "words",
    )

    def __init__(
        self,
        index: int,
        regex: re.Pattern[str],
        words: str = "",
        marks: tuple[str, ...] = (),
        digit: bool = False,
        also_words: str = "",
        also_marks: tuple[str, ...] = (),
        split: dict[str, str] | None = None,
        no_words: str | None = None,
    ) -> None:
        self.index = index
        self.bit = 1 << index
        self.regex = regex
        self.words = frozenset(words.split())
        self.marks = marks
        self.digit = digit
        self.also_words = frozenset(also_words.split())
        self.also_marks = also_marks
        self.fast: re.Pattern[str] | None = None
        if regex.flags & re.IGNORECASE:
            if _UPPER_ESCAPE.search(regex.pattern):
                raise ValueError(f"cannot lower-case {regex.pattern!r}")
            self.fast = re.compile(regex.pattern.lower(), regex.flags & ~re.IGNORECASE)
        self.split: dict[str, re.Pattern[str]] | None = None
        if split is not None:
            if self.fast is None or len(marks) > 1 or digit or also_words or also_marks:
                raise ValueError("only a case-insensitive gate opened by words can split")
            if set(split) != self.words:
                raise ValueError("a split needs one pattern per gate word")
            self.split = {w: re.compile(pattern) for w, pattern in split.items()}
        self.no_words = None if no_words is None else re.compile(no_words)


def _from_word(words: str, rest: str = "") -> dict[str, str]:
    r"""Per word of ASCII letters, ``\b{word}{rest}\b`` written to start with the word: right
    after a word of ``n`` letters, "not ``n + 1`` word characters before" is the test ``\b``
    makes before its first letter."""
    return {w: rf"{w}(?<!\w{{{len(w) + 1}}}){rest}\b" for w in words.split()}


_MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr aug sep sept oct nov dec"
)
_QUANTITY_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million billion"
)
#: Whole words of ``_UNIT`` ("per" for "per cent", "member" for "member states").
_UNIT_WORDS = (
    "percent per percentage million billion trillion thousand hundred dollars euros pounds yen "
    "yuan rupees km kilometer kilometers kilometre kilometres mile miles kg kilogram kilograms "
    "ton tons tonnes meter meters metre metres feet foot inch inches acre acres hectare hectares "
    "square mph gw mw kwh barrels second seconds minute minutes hour hours day days week weeks "
    "month months year years decade decades centuries people persons troops soldiers member "
    "members countries nations states jobs employees workers students patients cases deaths "
    "users customers times"
)
_NUMWORD_WORDS = _QUANTITY_WORDS + " trillion dozen half third quarter percent"
# ``_YEAR_RE`` and ``DATE_RE`` without a month name, starting with a character class so that
# ``re`` skips to the digits and apostrophes (a plain sentence's only ``\d`` are ASCII digits).
# After one consumed digit, "not two word characters before" is the ``\b`` before the digit;
# after an apostrophe, "a word character and the apostrophe before" is the ``\b`` before it.
_YEAR_DIGITS = r"(?:(?<=1)[5-9][0-9][0-9]|(?<=2)0[0-9][0-9])s?\b"
_DECADE_TAIL = r"(?<=\w')[0-9]0s\b"
#: ``_YEAR_RE``: ``\b{_YEAR}s?\b|\b'\d0s\b``.
_YEAR_FROM_CHAR = rf"[0-9'](?:(?<!\w\w)(?<=[0-9]){_YEAR_DIGITS}|{_DECADE_TAIL})"
#: ``DATE_RE`` where no month name can match (its first three alternatives need one):
#: ``\b\d{4}-\d{2}-\d{2}\b|\b{_YEAR}s?\b|\b'\d0s\b``.
_DATE_FROM_CHAR = (
    rf"[0-9'](?:(?<!\w\w)(?<=[0-9])(?:[0-9]{{3}}-[0-9]{{2}}-[0-9]{{2}}\b|{_YEAR_DIGITS})"
    rf"|{_DECADE_TAIL})"
)
#: ``QUANTITY_RE`` lower-cased where no number word can match (each is a gate word):
#: ``[$€£¥]\s?\d...|\b\d[\d,.]*...{_UNIT}(?![\w])``, from one consumed character as above.
_QUANTITY_FROM_CHAR = (
    r"[$€£¥0-9](?:(?<=[$€£¥])\s?\d[\d,.]*(?:\s+(?:million|billion|trillion|thousand))?"
    r"|(?<=[0-9])(?<!\w\w)[\d,.]*(?:\s+(?:million|billion|trillion|thousand|hundred))?"
    rf"(?:-|\s+|\s*(?=%))(?:over\s+|more\s+)?{_UNIT.lower()}(?![\w]))"
)
_GATES: tuple[_Gate, ...] = (
    _NUMBER_GATE := _Gate(0, NUMBER_RE, digit=True),
    _DATE_GATE := _Gate(1, DATE_RE, _MONTH_WORDS, digit=True, no_words=_DATE_FROM_CHAR),
    _YEAR_GATE := _Gate(2, _YEAR_RE, digit=True, no_words=_YEAR_FROM_CHAR),
    _MONTH_GATE := _Gate(3, _MONTH_RE, _MONTH_WORDS),
    # A number (digits or words) and a unit, "%" or a currency sign.
    _QUANTITY_GATE := _Gate(
        4,
        QUANTITY_RE,
        _QUANTITY_WORDS,
        digit=True,
        also_words=_UNIT_WORDS,
        also_marks=("%", "$", "€", "£", "¥"),
        no_words=_QUANTITY_FROM_CHAR,
    ),
    _SOURCE_GATE := _Gate(
        5,
        SOURCE_RE,
        "according said says told reported reports announced stated estimated estimates found "
        "finds showed shows published study survey surveyed report poll analysis census data "
        "figures statistics reuters ap afp bloomberg",
    ),
    _HEDGE_GATE := _Gate(
        6,
        HEDGE_RE,
        "may might could can would should possibly possible potential potentially perhaps likely "
        "unlikely probably arguably generally often usually typically tend tends seem seems "
        "appear appears some many several various numerous certain significant significantly "
        "considerable substantial variety number range",
    ),
    _NUMWORD_GATE := _Gate(
        7,
        _NUMWORD_RE,
        _NUMWORD_WORDS,
        split=_from_word(_NUMWORD_WORDS),
    ),
    _PERCENT_GATE := _Gate(8, _PERCENT_RE, "per percent percentage", marks=("%",)),
    # A digit and a currency sign or word; or "million dollars".
    _CURRENCY_GATE := _Gate(
        9,
        _CURRENCY_RE,
        "dollars",
        digit=True,
        also_words="dollars euros pounds yen",
        also_marks=("$", "€", "£", "¥"),
    ),
    _TIME_REF_GATE := _Gate(
        10,
        _TIME_REF_RE,
        "yesterday last ago past since earlier year decade century today",
        # Each phrase by one of its words (only searched, so "last decade" may match twice).
        split=_from_word("yesterday ago since decade century today")
        | _from_word("last", " (?:year|week|month|night|time|decade|century)")
        | _from_word("earlier", " this")
        | {"past": r"in(?<!\w{3}) the past\b", "year": r"this(?<!\w{5}) year\b"},
    ),
    _PERFECT_GATE := _Gate(
        11,
        _PERFECT_RE,
        "has have had ve s",
        # "'ve" and "'s" need a word character before the apostrophe (the ``\b`` before it).
        split=_from_word("has have had", _PERFECT_TAIL)
        | {"ve": rf"'ve(?<=\w've){_PERFECT_TAIL}\b", "s": rf"'s(?<=\w's){_PERFECT_TAIL}\b"},
    ),
    # Whole words, so no two matches overlap.
    _MODAL_GATE := _Gate(
        12,
        _MODAL_RE,
        "will would shall should could can may might must ought gonna going need have has got ll d",
        split=_from_word("will would shall should could can may might must ought gonna")
        | _from_word("going need have has got", " to")
        | {"ll": r"'ll\b", "d": r"'d\b"},
    ),
    _OPINION_GATE := _Gate(
        13,
        _OPINION_RE,
        "i we my",
        split={
            "i": rf"i(?<!\w\w)(?: {_OPINION_VERBS}\b|'m going\b|'m (?:sure|convinced|confident)\b)",
            "we": rf"we(?<!\w{{3}})(?: {_OPINION_VERBS}\b|'re going\b)",
            "my": r"in(?<!\w{3}) my (?:opinion|view|judgment)\b",
        },
    ),
    # "i" and "we" match before an apostrophe ("i'm" counts its "i"), so the forms with one
    # never match: the pattern counts whole words.
    _FIRST_GATE := _Gate(
        14,
        _FIRST_RE,
        "i me my mine we us our ours",
        split=_from_word("i me my mine we us our ours"),
    ),
    # Likewise "you're" counts its "you".
    _SECOND_GATE := _Gate(15, _SECOND_RE, "you your yours", split=_from_word("you your yours")),
    _COMPARATIVE_GATE := _Gate(
        16, _COMPARATIVE_RE, "more less fewer better worse higher lower larger smaller bigger than"
    ),
    _SUPERLATIVE_GATE := _Gate(
        17,
        _SUPERLATIVE_RE,
        "most least best worst highest lowest largest smallest biggest first only",
        marks=("est",),
        # Without "est", ``[a-z]{3,}est`` cannot match.
        split=_from_word(
            "most least best worst highest lowest largest smallest biggest first only"
        ),
    ),
    # Without "n't", ``n't\b`` cannot match.
    _NEGATION_GATE := _Gate(
        18,
        _NEGATION_RE,
        "not no never nothing none",
        marks=("n't",),
        split=_from_word("not no never nothing none"),
    ),
    _ATTRIBUTION_GATE := _Gate(
        19,
        _ATTRIBUTION_RE,
        "according said says reported announced stated study survey data report",
        split=_from_word("said says reported announced stated study survey data report")
        | _from_word("according", " to"),
    ),
)
_ALL_GATES = (1 << len(_GATES)) - 1
#: Gates run for every sentence (sourcing and hedges only for some claims), and those counted.
_EAGER_GATES = _ALL_GATES & ~(_SOURCE_GATE.bit | _HEDGE_GATE.bit)
_COUNTED_GATES = sum(
    g.bit
    for g in (_NUMBER_GATE, _DATE_GATE, _QUANTITY_GATE, _MODAL_GATE, _FIRST_GATE, _SECOND_GATE)
)
_DIGIT_GATES = sum(g.bit for g in _GATES if g.digit)
#: Gates with a second condition.
_ALSO_GATES = sum(g.bit for g in _GATES if g.also_words or g.also_marks)
_ALSO_SHIFT = 32


def _gate_bits(word: str, is_mark: bool) -> int:
    """Bits of the gates ``word`` (a token, or with ``is_mark`` a substring) opens, plus, shifted
    left by ``_ALSO_SHIFT``, the bits of the gates whose second condition it meets."""
    opens = sum(g.bit for g in _GATES if word in (g.marks if is_mark else g.words))
    meets = sum(g.bit for g in _GATES if word in (g.also_marks if is_mark else g.also_words))
    return opens | meets << _ALSO_SHIFT


#: Token -> ``_gate_bits``; substring -> ``_gate_bits``.
_WORD_GATES: dict[str, int] = {
    w: _gate_bits(w, False) for w in sorted({w for g in _GATES for w in g.words | g.also_words})
}
_MARK_GATES: tuple[tuple[str, int], ...] = tuple(
    (m, _gate_bits(m, True)) for m in sorted({m for g in _GATES for m in g.marks + g.also_marks})
)


_GATE_WORDS = frozenset(_WORD_GATES)


def _plan(plain: bool) -> dict[int, tuple]:
    """Per eager gate bit: its index, the pattern ``_Sentence`` runs, whether on the lower-cased
    sentence, whether its matches are counted (``_Sentence.count``) or searched (``search``),
    its ``split`` and the mark that rules it out (``""``: none), its ``words`` and ``no_words``
    (all ``None`` unless plain)."""
    return {
        g.bit: (
            g.index,
            g.fast if plain and g.fast is not None else g.regex,
            plain and g.fast is not None,
            bool(g.bit & _COUNTED_GATES),
            g.split if plain else None,
            g.marks[0] if g.marks else "",
            g.words if plain and g.no_words is not None else None,
            g.no_words if plain else None,
        )
        for g in _GATES
        if g.bit & _EAGER_GATES
    }


def _split_count(
    split: dict[str, re.Pattern[str]], present: frozenset[str], low: str, counted: bool
) -> int:
    """A split gate's number of matches in ``low`` (``counted``), else whether it has one (0/1):
    the sum over the sentence's gate words ``present`` (see ``_Gate``)."""
    n = 0
    for word in present.intersection(split):
        if counted:
            n += len(split[word].findall(low))
        elif split[word].search(low) is not None:
            return 1
    return n


#: ``_FLOAT[x]`` is ``float(x)`` for ``x`` in 0, 1, False, True (an index, not a call).
_FLOAT = (0.0, 1.0)

_PLAIN_PLAN = _plan(True)
_OTHER_PLAN = _plan(False)

# Per whitespace-separated part of a lower-cased sentence. The ``_TERM_TOKEN`` tokens, the
# ``words`` tokens, the ``NUMBER_RE`` matches, the ``[a-z']+`` runs ``_LOWER_WORD_RE`` finds and
# the ``_ED_RE`` matches never hold whitespace, and ``\b`` tests the same at the end of a part
# as beside whitespace (no word character there): so a sentence's are those of its parts, one
# after another. Parts repeat across sentences and documents, so they are memoised
# (``_part_memos``, bounded like the character columns).
#
# ``words`` reads the sentence itself, not its lower case; lower-casing ASCII changes no
# character's class, so the counts agree on ASCII sentences. The proper names of an ASCII
# sentence come without ``words``: a word starts at a word character with neither a word
# character, nor a word character and an apostrophe, before it (its apostrophes join the two
# sides into one word); ``_CAPITAL_START`` finds the capitals that open words (the checks
# follow the consumed capital, so ``re`` scans for the capital alone). ``_WORDS_AS_ASSUMED``:
# the pattern of ``words`` is still the one this reasons about, its last repeat greedy or
# possessive (the same tokens: tests/test_text_units.py), else ``words`` runs.
_WORDS_AS_ASSUMED = (
    WORD_RE.pattern in (r"\w+(?:['’]\w+)*", r"\w+(?:['’]\w+)*+") and WORD_RE.flags == re.UNICODE
)
_CAPITAL_START = re.compile(r"[A-Z](?<!\w\w)(?<!\w'\w)")
#: Parts each memo holds (as many as the character columns: the same lower-cased words).
_PART_CACHE_SIZE = 1 << 16
#: ``_part_memos`` packs a part's ``_part_fields`` into one int, ``_FIELD_BITS`` bits each, so
#: that ``sum`` adds them all at once; exact for a sentence shorter than ``_PACK_LIMIT``
#: characters, whose every total is below ``1 << _FIELD_BITS`` (a word, a number or a past
#: form takes at least one character, and one character is at most an irregular form and an
#: ``-ed`` word). Longer sentences get ``_part_fields`` of the whole sentence.
_FIELD_BITS = 21
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_PACK_LIMIT = 1 << (_FIELD_BITS - 2)


def _part_terms(part: str) -> tuple[str, ...]:
    """The ``_TERM_TOKEN`` tokens of one part."""
    return tuple(_TERM_TOKEN.findall(part))


def _part_fields(part: str) -> tuple[int, int, int]:
    """Of one part: its ``words`` tokens, its ``NUMBER_RE`` matches, its past-tense forms
    (irregular forms among its ``[a-z']+`` runs, and ``-ed`` words)."""
    runs = _LOWER_WORD_RE.findall(part)
    past = sum(map(_IRREGULAR_PAST.__contains__, runs)) + len(_ED_RE.findall(part))
    return len(words(part)), len(NUMBER_RE.findall(part)), past


def _packed_fields(part: str) -> int:
    """``_part_fields`` packed (see ``_FIELD_BITS``)."""
    n_words, numbers, past = _part_fields(part)
    return n_words | numbers << _FIELD_BITS | past << 2 * _FIELD_BITS


@lru_cache(maxsize=1)
def _part_memos() -> tuple[Memo, Memo]:
    """Bounded memos of ``_part_terms`` and ``_packed_fields``."""
    return Memo(_part_terms, _PART_CACHE_SIZE), Memo(_packed_fields, _PART_CACHE_SIZE)


class _Sentence:
    """One sentence, normalised once, with the views every feature, marker and term reads.

    ``text``: ``normalize(sentence)``; ``low``: its lower case; ``low_words``: ``low.split()``;
    ``terms``: the ``_TERM_TOKEN`` tokens of ``low``; ``n_words``: ``len(words(text))``;
    ``plain``: whether the shortcuts apply; ``present``: its ``_gate_words`` (plain only, else
    empty); ``possible``: bits of the gates whose pattern may match (all unless plain); ``found``:
    per gate of ``_EAGER_GATES`` (by index), its number of matches if counted, else whether it
    matches; ``names``: the number of proper names (see ``proper_names``); ``past``: irregular
    past forms plus ``-ed`` words, as ``sentence_features`` counts them.
    """

    __slots__ = (
        "found",
        "has_digit",
        "low",
        "low_words",
        "n_words",
        "names",
        "past",
        "plain",
        "possible",
        "present",
        "raw",
        "terms",
        "text",
    )

    def __init__(self, sentence: str) -> None:
        self.raw = sentence
        self.text = s = normalize(sentence)
        self.low = low = s.lower()
        self.low_words = parts = low.split()
        terms_of, fields_of = _part_memos()
        self.terms = terms = list(chain.from_iterable(map(terms_of.__getitem__, parts)))
        if len(low) < _PACK_LIMIT:
            packed = sum(map(fields_of.__getitem__, parts))
            part_words = packed & _FIELD_MASK
            numbers = packed >> _FIELD_BITS & _FIELD_MASK
            self.past = packed >> 2 * _FIELD_BITS
        else:
            part_words, numbers, self.past = _part_fields(low)
        is_ascii = s.isascii()
        # Lower-casing ASCII changes letters only: the numbers are those of ``s``, and every
        # ASCII digit is in one.
        ascii_digit = numbers > 0 if is_ascii else _ASCII_DIGIT.search(s) is not None
        # Any character with ``str.isdigit`` (an ASCII digit is one).
        self.has_digit = ascii_digit or (not is_ascii and any(map(str.isdigit, s)))
        # ``words(s)`` is read for its length and its proper names only; an ASCII sentence gets
        # both without it (see ``_CAPITAL_START`` and ``_part_fields``) unless a capital "I"
        # opens a word after the first (it may be "I" or "I'm", which are no names).
        caps = _CAPITAL_START.findall(s) if is_ascii and _WORDS_AS_ASSUMED else None
        if caps and _WORD_CHAR.search(s).group().isupper():
            del caps[0]  # the sentence's first word
        if caps is None or "I" in caps:
            tokens = words(s)
            self.n_words = len(tokens)
            self.names = len(
                [t for t in tokens[1:] if t[:1].isupper() and t.lower() not in _I_FORMS]
            )
        else:
            self.n_words = part_words
            self.names = len(caps)
        if is_ascii or _is_plain(s):
            self.plain = True
            self.present = present = _gate_words(low, terms)
            self.possible = possible = _possible_gates(low, present, ascii_digit)
            plan = _PLAIN_PLAN
        else:
            self.plain = False
            self.present = present = frozenset()
            self.possible = possible = _ALL_GATES
            plan = _OTHER_PLAN
        self.found = found = [0] * len(_GATES)
        # ``count`` / ``search`` of each eager gate that may match, inlined.
        bits = possible & _EAGER_GATES
        if is_ascii:
            found[_NUMBER_GATE.index] = numbers
            bits &= ~_NUMBER_GATE.bit
        while bits:
            bit = bits & -bits
            bits ^= bit
            index, regex, on_low, counted, split, mark, gate_words, no_words = plan[bit]
            if split is not None and (not mark or mark not in low):
                found[index] = _split_count(split, present, low, counted)
                continue
            if gate_words is not None and gate_words.isdisjoint(present):
                regex = no_words
            target = low if on_low else s
            found[index] = len(regex.findall(target)) if counted else bool(regex.search(target))

    def search(self, gate: _Gate) -> bool:
        """``bool(gate.regex.search(self.text))``."""
        if not self.possible & gate.bit:
            return False
        if gate.no_words is not None and self.plain and gate.words.isdisjoint(self.present):
            return gate.no_words.search(self.text if gate.fast is None else self.low) is not None
        if gate.fast is not None and self.plain:
            if gate.split is not None and not any(m in self.low for m in gate.marks):
                return bool(_split_count(gate.split, self.present, self.low, False))
            return gate.fast.search(self.low) is not None
        return gate.regex.search(self.text) is not None

    def count(self, gate: _Gate) -> int:
        """``len(gate.regex.findall(self.text))``."""
        if not self.possible & gate.bit:
            return 0
        if gate.no_words is not None and self.plain and gate.words.isdisjoint(self.present):
            return len(gate.no_words.findall(self.text if gate.fast is None else self.low))
        if gate.fast is not None and self.plain:
            # Only a counted gate's split has disjoint matches (see ``_GATES``).
            counted = gate.bit & _COUNTED_GATES
            if gate.split is not None and counted and not any(m in self.low for m in gate.marks):
                return _split_count(gate.split, self.present, self.low, True)
            return len(gate.fast.findall(self.low))
        return len(gate.regex.findall(self.text))

    def raw_word_count(self) -> int:
        """``len(words(raw sentence))``: normalising changes the tokens only by folding ``‘``."""
        return self.n_words if "‘" not in self.raw else len(words(self.raw))

    def features(self) -> list[float]:
        """``sentence_features``: the named features, in ``FEATURE_NAMES`` order."""
        s = self.text
        # ``found`` in ``_GATES`` order (a gate's ``index`` is its position there; the features
        # are compared with ``sentence_features``' plain definitions in tests/test_claims_parts.py);
        # the searched gates hold 0/1 or a bool, which ``_FLOAT`` turns into the ``float`` of it.
        (
            numbers,
            _,
            year,
            month,
            quantities,
            _,
            _,
            number_word,
            percent,
            currency,
            time_reference,
            perfect,
            modals,
            opinion,
            first,
            second,
            comparative,
            superlative,
            negation,
            attribution,
        ) = self.found
        # Lower-casing a plain sentence keeps every character's whitespace class (``str.split``
        # and ``\s`` test the same property), so both have as many words.
        n_words = max(len(self.low_words) if self.plain else len(s.split()), 1)
        past = self.past
        has_digit = self.has_digit
        has_quantity = percent or currency or quantities > 0
        specific = has_digit or year or month or has_quantity
        return [
            math.log1p(n_words),
            _FLOAT[has_digit],
            math.log1p(numbers),
            _FLOAT[number_word],
            _FLOAT[percent],
            _FLOAT[currency],
            _FLOAT[has_quantity],
            _FLOAT[year],
            _FLOAT[month],
            _FLOAT[time_reference],
            math.log1p(self.names),
            math.log1p(past),
            past / n_words,
            _FLOAT[perfect],
            math.log1p(modals),
            _FLOAT[opinion],
            first / n_words,
            second / n_words,
            _FLOAT["?" in s],
            _FLOAT["!" in s],
            _FLOAT[comparative],
            _FLOAT[superlative],
            _FLOAT[negation],
            _FLOAT[attribution],
            _FLOAT[_IMPERATIVE_RE.match(s) is not None],
            _FLOAT[n_words < 6],
            _FLOAT[first > 0 and past > 0],
            _FLOAT[first > 0 and modals > 0],
            _FLOAT[specific],
            _FLOAT[past > 0 and modals == 0],
            _FLOAT[modals > 0 and not specific],
        ]

    def markers(self) -> dict[str, int]:
        """``sentence_markers``: counts of numbers, dates, proper names and quantities."""
        found = self.found
        return {
            "numbers": found[_NUMBER_GATE.index],
            "dates": found[_DATE_GATE.index],
            "proper_names": self.names,
            "quantities": found[_QUANTITY_GATE.index],
        }


def _gate_words(low: str, terms: list[str]) -> frozenset[str]:
    """The gate words among a sentence's ``_TERM_TOKEN`` tokens ``terms`` and the parts of those
    with an apostrophe (``low``: the lower-cased sentence)."""
    present = _GATE_WORDS.intersection(terms)
    if "'" in low:
        parts = [part for term in terms if "'" in term for part in term.split("'")]
        present |= _GATE_WORDS.intersection(parts)
    return present


def _possible_gates(low: str, present: frozenset[str], digit: bool) -> int:
    """Bits of the gates whose pattern may match a plain sentence (lower-cased ``low``, its
    ``_gate_words`` ``present``, ``digit``: whether it has a digit)."""
    bits = _DIGIT_GATES if digit else 0
    for word in present:
        bits |= _WORD_GATES[word]
    for mark, mark_bits in _MARK_GATES:
        if mark in low:
            bits |= mark_bits
    return bits & _ALL_GATES & ((bits >> _ALSO_SHIFT) | ~_ALSO_GATES)


def proper_names(sentence: str) -> list[str]:
    """Capitalised words that do not open the sentence ("I" and its contractions excluded)."""
    toks = words(normalize(sentence))
    return [t for t in toks[1:] if t[:1].isupper() and t.lower() not in _I_FORMS]


def sentence_features(sentence: str) -> list[float]:
    """The named features of one sentence, in ``FEATURE_NAMES`` order."""
    return _Sentence(sentence).features()


# ---------------------------------------------------------------------------------------------
# The model, evaluated with numpy.
#
# Word terms and character n-grams share one column space (word columns first). All sentences of a
# call are scored together: the columns of their known terms go into one array, are counted per
# sentence and block in the order the terms first occur, and get their tf-idf weights and
# coefficients in one step; only the dot products run sentence by sentence, on each slice and in
# that order. That is the order (and the numpy call) of scoring one sentence and block at a time,
# so every probability is the same to the last bit.
# ---------------------------------------------------------------------------------------------

#: Words the character-column memo holds. Warmed on half of the 1,400 quality texts, it missed
#: 9.8% of the other half's words at 1 << 15 and 5.7% at 1 << 16 (the same as at 1 << 18).
_CHAR_CACHE_SIZE = 1 << 16


class _CharColumns(Memo):
    """Lower-cased word -> the columns of its known character n-grams, in ``char_terms`` order, as
    the bytes of a native ``int32`` array. A ``Memo`` of ``_CHAR_CACHE_SIZE`` words (about 10 MB
    full: 161 bytes a word, measured with tracemalloc)."""

    __slots__ = ("high", "index", "low")

    def __init__(self, index: dict[str, int], low: int, high: int) -> None:
        super().__init__(self._columns, _CHAR_CACHE_SIZE)
        self.index, self.low, self.high = index, low, high

    def _columns(self, word: str) -> bytes:
        padded = f" {word} "
        size = len(padded)
        grams = [
            padded[i : i + n] for n in range(self.low, self.high + 1) for i in range(size - n + 1)
        ]
        get = self.index.get
        return array("i", [c for c in map(get, grams) if c is not None]).tobytes()


def _count_in_order(
    columns: np.ndarray, bounds: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Per group, its distinct columns in order of first occurrence and how often each occurs.

    ``columns`` holds the groups' columns one after another, group ``i`` at
    ``columns[bounds[i] : bounds[i + 1]]``. Returns (columns, counts, where each group's
    distinct columns start, then their total). One sort of ``column << shift | position`` brings
    each column's occurrences together in position order.
    """
    n = len(columns)
    shift = n.bit_length()
    # int32 keys (a faster sort) when every key fits, else int64; the order is the same.
    dtype = np.int32 if (int(columns.max(initial=0)) + 1) << shift <= 1 << 31 else np.int64
    keys = columns.astype(dtype) << shift
    keys |= np.arange(n, dtype=dtype)
    keys.sort()
    sorted_cols = keys >> shift
    positions = keys & ((1 << shift) - 1)
    # The group of each position: +1 at every group start after the first (empty groups add
    # theirs at the same place), summed.
    group = np.bincount(bounds[1:-1], minlength=n + 1)[:n].cumsum()
    sorted_group = group[positions]
    starts_run = np.empty(n, dtype=bool)
    starts_run[:1] = True
    np.not_equal(sorted_cols[1:], sorted_cols[:-1], out=starts_run[1:])
    starts_run[1:] |= sorted_group[1:] != sorted_group[:-1]
    starts = np.flatnonzero(starts_run)
    first = positions[starts]
    counts = np.zeros(n, dtype=np.intp)
    counts[first] = np.diff(starts, append=n)
    first.sort()
    return columns[first], counts[first], np.searchsorted(first, bounds).tolist()


@dataclass(frozen=True)
class ClaimModel:
    """The claim detector: word and character TF-IDF terms, standardised named features, an
    intercept, a threshold.

    ``word_index`` / ``char_index`` map terms to columns of ``idf`` and ``coef`` (character
    columns follow the word columns); ``bigram_index`` maps a pair of word tokens to the column
    of their bigram; ``word_bytes`` / ``bigram_bytes`` are the same maps with each column as the
    4 bytes of a native ``int32`` (as ``char_columns`` gives them); ``char_columns[word]`` gives
    the character columns of one lower-cased word (memoised, bounded: see ``_CharColumns``).
    """

    word_index: dict[str, int]
    bigram_index: dict[tuple[str, str], int]
    char_index: dict[str, int]
    word_bytes: dict[str, bytes]
    bigram_bytes: dict[tuple[str, str], bytes]
    idf: np.ndarray
    coef: np.ndarray
    char_range: tuple[int, int]
    feature_mean: np.ndarray
    feature_scale: np.ndarray
    feature_coef: np.ndarray
    intercept: float
    threshold: float
    char_columns: _CharColumns

    @classmethod
    def from_params(cls, params: dict) -> ClaimModel:
        """Build from a model file's ``params`` (see ``articlegrade.training.claims``)."""
        word_vocab, char_vocab = params["word_vocab"], params["char_vocab"]
        if len(word_vocab) + len(char_vocab) >= 1 << 31:
            raise ValueError("too many terms for int32 columns")
        char_index = {t: i for i, t in enumerate(char_vocab, start=len(word_vocab))}
        low, high = int(params["char_range"][0]), int(params["char_range"][1])
        # f"{a} {b}" == term exactly when (a, b) == term.split(" ") for tokens a, b without
        # spaces (``_TERM_TOKEN`` tokens never hold one) and a term with exactly one space.
        bigram_index = {
            (pair[0], pair[1]): i
            for i, t in enumerate(word_vocab)
            if len(pair := t.split(" ")) == 2
        }
        word_index = {t: i for i, t in enumerate(word_vocab)}
        # Column ``i`` as the bytes of an ``int32`` array, as ``_CharColumns`` stores them.
        column_bytes = array("i", range(len(word_vocab))).tobytes()
        return cls(
            word_index=word_index,
            bigram_index=bigram_index,
            char_index=char_index,
            word_bytes={t: column_bytes[4 * i : 4 * i + 4] for t, i in word_index.items()},
            bigram_bytes={p: column_bytes[4 * i : 4 * i + 4] for p, i in bigram_index.items()},
            idf=np.asarray(params["word_idf"] + params["char_idf"], dtype=np.float64),
            coef=np.asarray(params["word_coef"] + params["char_coef"], dtype=np.float64),
            char_range=(low, high),
            feature_mean=np.asarray(params["feature_mean"], dtype=np.float64),
            feature_scale=np.asarray(params["feature_scale"], dtype=np.float64),
            feature_coef=np.asarray(params["feature_coef"], dtype=np.float64),
            intercept=float(params["intercept"]),
            threshold=float(params["threshold"]),
            char_columns=_CharColumns(char_index, low, high),
        )

    def _term_columns(self, sentences: Sequence[_Sentence]) -> tuple[np.ndarray, np.ndarray]:
        """Columns of the known terms of each sentence, in term order: first every sentence's
        ``word_terms``, then every sentence's ``char_terms``; and where each of these groups
        starts, then the number of columns."""
        # Each group's columns as the bytes of an ``int32`` array (unknown terms give b""), so
        # one join and ``np.frombuffer`` make the array and the byte lengths the bounds.
        get, bigram = self.word_bytes.get, self.bigram_bytes.get
        chunks: list[bytes] = []
        for sentence in sentences:
            toks = sentence.terms
            if sentence.has_digit:
                toks = ["<num>" if t[0].isdigit() else t for t in toks]
            chunks.append(
                b"".join(map(get, toks, repeat(b"")))
                + b"".join(map(bigram, pairwise(toks), repeat(b"")))
            )
        cache = self.char_columns
        chunks += [b"".join(map(cache.__getitem__, s.low_words)) for s in sentences]
        bounds = np.fromiter(
            accumulate(map(len, chunks), initial=0), dtype=np.intp, count=len(chunks) + 1
        )
        bounds >>= 2  # 4 bytes a column
        return np.frombuffer(b"".join(chunks), dtype=np.int32), bounds

    def _term_scores(self, sentences: Sequence[_Sentence]) -> list[float]:
        """Per sentence, the word-block then the character-block contributions to the log-odds:
        sublinear tf times idf, L2-normalised, dotted with the coefficients (0 without terms)."""
        cols, counts, offsets = _count_in_order(*self._term_columns(sentences))
        weights = (1.0 + np.log(counts.astype(np.float64))) * self.idf[cols]
        coefs = self.coef[cols]
        out: list[float] = []
        for start, end in pairwise(offsets):
            if start == end:
                out.append(0.0)
                continue
            # ``ndarray.dot`` of two contiguous float64 vectors is the BLAS ddot ``@`` calls.
            w = weights[start:end]
            out.append(float(w.dot(coefs[start:end])) / math.sqrt(float(w.dot(w))))
        return out

    def _decisions(self, sentences: Sequence[_Sentence]) -> list[float]:
        """The log-odds that each (prepared) sentence states a fact."""
        if not sentences:
            return []
        scores = self._term_scores(sentences)
        word_scores, char_scores = scores[: len(sentences)], scores[len(sentences) :]
        feats = np.asarray([s.features() for s in sentences], dtype=np.float64)
        feats = (feats - self.feature_mean) / self.feature_scale
        coef = self.feature_coef
        return [
            self.intercept + w + c + float(f.dot(coef))
            for w, c, f in zip(word_scores, char_scores, feats, strict=True)
        ]

    def decision(self, sentence: str) -> float:
        """The log-odds that ``sentence`` states a fact."""
        return self._decisions([_Sentence(sentence)])[0]

    def _probabilities(self, sentences: Sequence[_Sentence]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-d)) for d in self._decisions(sentences)]

    def probabilities(self, sentences: Sequence[str]) -> list[float]:
        """Probability that each sentence states a fact."""
        return self._probabilities([_Sentence(s) for s in sentences])


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
    return _Sentence(sentence).markers()


def is_specific(markers: dict[str, int]) -> bool:
    """A sentence is specific when it carries a number, a date or a quantity."""
    return bool(markers["numbers"] or markers["dates"] or markers["quantities"])


def analyze(article: Article) -> SignalResult:
    """Claim density, specificity, sourcing and vagueness of one article's body sentences."""
    sentences = list(article.sentences)
    values: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    if not sentences:
        return SignalResult(dict.fromkeys(NAMES, NAN), {})

    prepared = [_Sentence(s) for s in sentences]
    n_words = sum(p.raw_word_count() for p in prepared)
    model = load_claim_model()
    probs = model._probabilities(prepared)
    markers = [p.markers() for p in prepared]
    claims = [i for i, p in enumerate(probs) if p >= model.threshold]
    specific = [i for i in claims if is_specific(markers[i])]
    unsourced = [i for i in specific if not prepared[i].search(_SOURCE_GATE)]
    vague = [i for i in claims if not is_specific(markers[i]) and prepared[i].search(_HEDGE_GATE)]

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
