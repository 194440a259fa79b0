"""``contradiction``: hedging, both-sides filler and self-contradiction between sentences.

Markers (per 100 words of body text, one compiled regex per kind, case-insensitive, word-bounded,
run once over each sentence, so matching is linear in the text):

- contrast / concession: however, but, although, though, even though, whereas, despite, in spite of,
  nevertheless, nonetheless, yet, conversely, on the other hand, while. Ambiguities, decided so:
  ``while`` counts only when it opens a sentence or follows a comma, semicolon or dash and is not
  followed by an -ing word ("While X, Y" / "X, while Y"); temporal "while he was away", "while
  walking" and "a while" do not count. ``yet`` counts only when it opens a sentence or follows a
  comma, semicolon or "and" ("and yet", ", yet"); "not yet", "has yet to", "yet another" do not.
  ``but also`` (after "not only") and ``as though`` (comparison) do not count.
- hedges: may, might, could, potentially, possibly, perhaps, it is/it's possible, likely, arguably,
  "some (people|critics|experts) (may|might|would) argue". ``May`` written with a capital is the
  month (or a name, Theresa May) unless it opens a sentence and is not followed by a number; every
  lower-case "may" is the modal. "could" counts whether it hedges or states past ability; "unlikely"
  is not "likely" (word boundaries).
- both-sides filler: fixed pairs (pros and cons, advantages and disadvantages, benefits and
  drawbacks/risks, strengths and weaknesses, upsides and downsides), "on (the) one hand", and the
  balancing clause "there are also (potential) downsides/drawbacks/risks/limitations/..." (which
  covers "while there are benefits, there are also downsides"). The evidence of a balancing clause
  is "benefit sentence ⟷ downside sentence" when a "there are (potential) benefits" sentence stands
  within the three sentences before it (or is the same sentence).

Self-contradiction: sentences are reduced to content-word stems; an inverted index from stem to
sentences yields the candidate pairs (sharing at least two content stems, stems found in more than
half the sentences ignored, at most ``MAX_PAIRS`` pairs examined, most-overlapping first). A pair is
flagged when its content overlap is high and it shows a conflict: a negation flip (one side negated,
the other not), a number mismatch (different numbers with shared words around them: the same
quantity or date given two values), or an antonym flip (increase/decrease, won/lost, before/after,
un-X/X ...). Each pair gets a strength in [0, 1]: overlap times the strongest conflict weight; the
article's score is the strongest pair's strength. The thresholds and weights are set by hand (see
``bench/contradiction.py`` for what they reach on ContraDoc).
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations, islice
from math import log
from operator import itemgetter

from ..article import Article
from ..text import Memo, lowers_like_ignorecase
from .base import NAN, SignalResult, per_100_words

MAX_PAIRS = 400  # candidate pairs examined per article, most-overlapping first
MIN_SHARED = 2  # content stems two sentences must share to be compared
MIN_OVERLAP = 0.2  # weighted overlap below which a pair is not flagged
TOP_EVIDENCE = 5  # flagged pairs kept as evidence

NAMES: dict[str, str] = {
    "contradiction.contrast_per_100_words": "contrast/concession markers (however, but, although, "
    "while ..., see module doc) per 100 words; >= 0; NaN for an empty body; higher = more "
    "back-and-forth",
    "contradiction.hedges_per_100_words": "hedges (may, might, could, possibly, likely ...) per 100 "
    "words; >= 0; NaN for an empty body; higher = more noncommittal",
    "contradiction.both_sides_per_100_words": "both-sides filler (pros and cons, on one hand, there "
    "are also potential downsides ...) per 100 words; >= 0; NaN for an empty body; higher = more "
    "hedged filler",
    "contradiction.score": "strength of the strongest self-contradicting sentence pair: content "
    "overlap x conflict weight (negation flip, number mismatch, antonym flip); 0..1; NaN under 2 "
    "sentences; higher = more likely self-contradictory",
    "contradiction.pairs": "sentence pairs flagged as conflicting (weighted content overlap >= 0.2 "
    "and a conflict); count >= 0; NaN under 2 sentences; higher = more contradictions",
}

# --- markers ---------------------------------------------------------------------------------

_CONTRAST_WORDS = (
    r"\b(?:on\s+the\s+other\s+hand|in\s+spite\s+of|even\s+though|however|although|whereas|"
    r"despite|nevertheless|nonetheless|conversely|but(?!\s+also\b)|(?<!\bas\s)though)\b"
)
_CONTRAST = re.compile(
    _CONTRAST_WORDS + r"|(?:^|[,;—–]\s*|\s-\s|^[\"“‘'(]\s*)\bwhile\b(?!\s+\w+ing\b)"
    r"|(?:^|[,;—–]\s*|\band\s+|^[\"“‘'(]\s*)\byet\b(?!\s+(?:to|another|again)\b)",
    re.IGNORECASE,
)
#: ``_CONTRAST`` without its "while" and "yet" alternatives: on a sentence whose lower-cased text
#: holds neither word those cannot match anywhere, so this finds the same matches, faster.
_CONTRAST_NO_WHILE_YET = re.compile(_CONTRAST_WORDS, re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:some\s+(?:people\s+|critics\s+|experts\s+)?(?:may\s+|might\s+|would\s+)?argue|"
    r"it\s+is\s+possible|it['’]s\s+possible|potentially|possibly|perhaps|arguably|likely|"
    r"might|could|may)\b",
    re.IGNORECASE,
)
_MONTH_MAY = re.compile(r"May(?!\s+(?:I|we|you|he|she|it|they|the|this|that|be|not)\b)")
_BOTH_FIXED = re.compile(
    r"\b(?:pros\s+and\s+cons|advantages\s+and\s+disadvantages|benefits\s+and\s+(?:drawbacks|"
    r"risks|downsides|disadvantages)|strengths\s+and\s+weaknesses|upsides\s+and\s+downsides|"
    r"on\s+(?:the\s+)?one\s+hand)\b",
    re.IGNORECASE,
)
_DOWN_WORDS = (
    r"(?:downsides?|drawbacks?|disadvantages?|risks?|limitations?|challenges?|concerns?|cons|"
    r"negatives?|costs?|dangers?|pitfalls?)"
)
_UP_WORDS = r"(?:benefits?|advantages?|upsides?|pros|positives?|opportunit(?:y|ies)|gains?)"
_QUAL = r"(?:(?:some|several|many|certain|a\s+few|potential|possible|significant|real|also)\s+)*"
_BOTH_BALANCE = re.compile(
    rf"\bthere\s+(?:are|is|may\s+be|might\s+be|can\s+be|could\s+be)\s+also\s+{_QUAL}"
    rf"(?:{_DOWN_WORDS}|{_UP_WORDS})\b"
    rf"|\bthere\s+(?:are|is)\s+{_QUAL}(?:{_DOWN_WORDS}|{_UP_WORDS})\b(?=[^.]*\bas\s+well\b)",
    re.IGNORECASE,
)
_BOTH_OPENER = re.compile(
    rf"\bthere\s+(?:are|is|may\s+be|might\s+be|can\s+be|could\s+be)\s+{_QUAL}"
    rf"(?:{_UP_WORDS}|{_DOWN_WORDS})\b",
    re.IGNORECASE,
)


# Cheap prefilters. Every match of a marker pattern contains one of its key words, so a sentence
# whose lower-cased text holds none of them has no match. That is exact as long as case-insensitive
# matching of the ASCII pattern letters agrees with ``str.lower``: it does for every character but
# four that ``re.IGNORECASE`` also matches to an ASCII letter (İ ı -> i, ſ -> s, Kelvin K -> k;
# checked over all of Unicode); sentences holding one of those skip the prefilter.
_CONTRAST_KEYS = (
    *("but", "while", "yet", "though", "however", "whereas", "theless"),
    *("conversely", "spite", "hand"),
)  # "although" and "even though" hold "though"; "nevertheless"/"nonetheless" "theless";
# "despite" and "in spite of" "spite"
_HEDGE_KEYS = ("may", "might", "could", "likely", "possib", "perhaps", "potentially", "argu")
_BOTH_FIXED_KEYS = ("pros", "advantages", "benefits", "strengths", "upsides", "hand")


def _holds(low: str, keys: tuple[str, ...]) -> bool:
    """Whether ``low`` contains one of ``keys`` (a loop of ``in``: faster than a regex of the keys
    or ``any`` over a generator)."""
    for key in keys:  # noqa: SIM110
        if key in low:
            return True
    return False


_THERE = "there"  # _BOTH_BALANCE and _BOTH_OPENER both start with "there"


def _count_hedges(sentence: str) -> int:
    n = 0
    for m in _HEDGE.finditer(sentence):
        if m.group(0) == "May" and (m.start() > 0 or _MONTH_MAY.match(sentence, m.start())):
            # Capitalised "May" inside a sentence is the month or a name; at the start it is the
            # month unless a pronoun, "the", "be" or "not" follows ("May 2020 saw ...").
            continue
        n += 1
    return n


def _both_sides(sentences: Sequence[str], lowered: Sequence[str | None] | None = None) -> list[str]:
    """Evidence of each both-sides instance (one string per instance). ``lowered``: each
    sentence lower-cased, or None where the key-word prefilter must not be used (see
    ``IGNORECASE_ODD``); computed when not given."""
    if lowered is None:
        lowered = [_lowered(s) for s in sentences]
    found: list[str] = []
    openers: dict[int, bool] = {}

    def opens(j: int) -> bool:
        hit = openers.get(j)
        if hit is None:
            low = lowered[j]
            hit = openers[j] = (low is None or _THERE in low) and bool(
                _BOTH_OPENER.search(sentences[j])
            )
        return hit

    for i, sentence in enumerate(sentences):
        low = lowered[i]
        if low is None or _holds(low, _BOTH_FIXED_KEYS):
            found.extend(sentence for _ in _BOTH_FIXED.finditer(sentence))
        if low is not None and _THERE not in low:
            continue
        balance = _BOTH_BALANCE.search(sentence)
        if not balance:
            continue
        if _BOTH_OPENER.search(sentence, 0, balance.start()):
            found.append(sentence)
            continue
        opener = next((sentences[j] for j in range(i - 1, max(-1, i - 4), -1) if opens(j)), None)
        found.append(f"{opener} ⟷ {sentence}" if opener else sentence)
    return found


def _lowered(sentence: str) -> str | None:
    """``sentence`` lower-cased for the key-word prefilters, None when they cannot be trusted."""
    return sentence.lower() if lowers_like_ignorecase(sentence) else None


# --- self-contradiction ----------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of a literal list."""
    return frozenset(text.split())


_STOP = _wordset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just let me more most much must my myself no nor not now of off on once
    one only or other our ours ourselves out over own same say said says she should so some such
    than that the their theirs them themselves then there these they this those through to too
    under until up upon us very was we were what when where which while who whom whose why will
    with would you your yours yourself also however although though yet may might shall many
    well still back way made make get got like new first last later another since without within
    became become becomes around among along across toward towards per via who's it's that's
    there's mr mrs ms dr st"""
)
_NEGATION = _wordset(
    """not no never none nobody nothing neither nor cannot can't won't don't doesn't didn't isn't
    aren't wasn't weren't hasn't haven't hadn't couldn't wouldn't shouldn't mustn't without
    fail fails failed failing refuse refuses refused unable lack lacks lacked"""
)
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
# "one" is left out: it is mostly a pronoun ("one of the ...").
_NUM_WORDS = {w: str(i) for i, w in enumerate(_NUMBER_NAMES.split()) if i >= 2}
_MONTHS = _wordset(
    "january february march april may june july august september october november december"
)
_ANTONYM_PAIRS = """
increase decrease|increased decreased|increases decreases|increasing decreasing|increase reduce
increased reduced|increased fell|increased declined|rise fall|rose fell|risen fallen|rises falls
rising falling|grew shrank|grow shrink|gain loss|gained lost|gains losses|higher lower|high low
larger smaller|large small|bigger smaller|big small|greater smaller|greater lesser|more fewer
most least|maximum minimum|majority minority|increase cut|expanded reduced|expand shrink
won lost|win lose|wins loses|winning losing|winner loser|victory defeat|won defeated|beat lost
before after|earlier later|early late|first last|begin end|began ended|beginning end|start end
started ended|start stop|started stopped|opened closed|open closed|opens closes|arrive leave
arrived left|arrived departed|entered left|joined left|join leave|enter exit|entered exited
accept reject|accepted rejected|accepts rejects|agree disagree|agreed disagreed|agreed refused
allow forbid|allowed forbade|allowed banned|allow ban|allowed prohibited|approve disapprove
approved disapproved|approved rejected|support oppose|supported opposed|supports opposes
supporter opponent|supporters opponents|praise criticize|praised criticized|praised criticised
praise criticise|alive dead|live die|lived died|survived died|survive die|survived killed
saved killed|save kill|rescued abandoned|born died|birth death|buy sell|bought sold|buys sells
buyer seller|import export|imports exports|strong weak|stronger weaker|strongest weakest
love hate|loved hated|loves hates|like dislike|liked disliked|happy sad|happy unhappy|happily sadly
glad sad|joy sorrow|celebrate mourn|celebrated mourned|celebrates mourns|calm angry|calm agitated
calm turmoil|calm anxious|angry pleased|amused furious|amusing infuriating|pleased displeased
rich poor|wealthy poor|wealth poverty|young old|younger older|youngest oldest|ancient modern
true false|truth lie|success failure|succeeded failed|succeed fail|successful unsuccessful
positive negative|legal illegal|guilty innocent|convicted acquitted|married divorced
present absent|include exclude|included excluded|includes excludes|public private|north south
northern southern|east west|eastern western|northward southward|eastward westward|always never
everyone nobody|everything nothing|all none|remember forget|remembered forgot|hide reveal
hid revealed|hidden revealed|friend enemy|friends enemies|ally enemy|allies enemies|friendly hostile
easy difficult|easy hard|easier harder|simple complex|cheap expensive|cheaper costlier|fast slow
faster slower|quickly slowly|quick slow|hot cold|warm cold|wet dry|light dark|full empty
safe dangerous|safer riskier|healthy sick|healthy ill|better worse|best worst|good bad|major minor
add remove|added removed|adds removes|inside outside|above below|top bottom|domestic foreign
internal external|rural urban|possible impossible|likely unlikely|able unable|known unknown
common rare|often rarely|usually rarely|frequently rarely|same different|similar different
confirm deny|confirmed denied|admit deny|admitted denied|attack defend|attacked defended
pass fail|passed failed|trust distrust|trusted distrusted|kind cruel|polite rude|honest dishonest
loyal disloyal|obey disobey|obeyed disobeyed|behaved misbehaved|obedient disobedient
increase drop|increased dropped|raise lower|raised lowered|hire fire|hired fired|employed unemployed
wins defeats|gain lose|ahead behind|inferior superior|upper lower|maximum minimal|lowest highest
least most|less more|minimum maximum|worst best|wrong right|correct incorrect|real fake|sober drunk
awake asleep|visible invisible|armed unarmed|married single|interested bored|attracted repulsed
attraction repulsion|thousands few|many few|long short|longer shorter
reluctant eager|reluctantly eagerly|willing unwilling|willingly unwillingly|deliberately accidentally
intentionally accidentally|voluntarily forcibly|secretly openly|lowered raised|encouraged discouraged
encourage discourage|welcomed rejected|welcome reject|ignored noticed|ignore notice|lost found
lose find|loses finds|destroyed built|destroy build|demolished built|sank floated|sink float
"""


@lru_cache(maxsize=1)
def _antonyms() -> dict[str, frozenset[str]]:
    """Word -> its antonyms (symmetric), from the hand list above."""
    table: dict[str, set[str]] = defaultdict(set)
    for chunk in re.split(r"[|\n]", _ANTONYM_PAIRS):
        parts = chunk.split()
        if len(parts) == 2:
            a, b = parts
            table[a].add(b)
            table[b].add(a)
    return {k: frozenset(v) for k, v in table.items() if v}


_NUM_WORD_SET = frozenset(_NUM_WORDS)
#: Tokens that are never content words (besides numbers and words under 3 letters).
_NOT_CONTENT = _STOP | _NEGATION | _NUM_WORD_SET

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’][A-Za-z]+)*")
#: ``_TOKEN`` on lower-cased text with ’ made ': the same tokens (no upper-case ASCII letter or ’
#: is left), the word branch first (the two branches start with different characters, so at most
#: one can match at a place and their order changes nothing; words are the commoner, a little
#: faster). Its quantifiers are possessive (``++``, ``*+``: no backtracking states kept, a little
#: faster) and it finds the same tokens: nothing follows a branch's last repeat, so the greedy
#: match never backtracks into a repeat once it has found its longest extent.
_LOWER_TOKEN = re.compile(r"[a-z]++(?:'[a-z]++)*+|\d++(?:[.,]\d++)*+")


def _stem(word: str) -> str:
    """A light stem: lower case, possessive and plural -s dropped ("bridges" -> "bridge")."""
    if word[-1:] != "s":  # none of the endings below
        return word
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class _Sent:
    """One sentence reduced for comparison: ``content`` (its content stems), ``negated``, and,
    worked out on first use from the lower-cased tokens (only the sentences of a pair that passes
    the overlap test need them), ``words`` (every lower-cased word, for antonyms) and ``numbers``
    ((number, content stems around it))."""

    __slots__ = ("_numbers", "_tokens", "_words", "content", "negated", "text")

    def __init__(
        self,
        text: str,
        content: frozenset[str],
        negated: bool,
        tokens: list[str],
    ) -> None:
        self.text = text
        self.content = content
        self.negated = negated
        self._tokens = tokens  # the lower-cased tokens, in order
        self._words: frozenset[str] | None = None
        self._numbers: tuple[tuple[str, frozenset[str]], ...] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The set of the lower-cased tokens."""
        words = self._words
        if words is None:
            words = self._words = frozenset(self._tokens)
        return words

    @property
    def numbers(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """(number, content stems of the four tokens either side) of each number token."""
        numbers = self._numbers
        if numbers is None:
            numbers = self._numbers = _numbers(self.text, self._tokens)
        return numbers


_PREFIXES = ("un", "non")


def _content_stem(tok: str) -> str:
    """The content stem of a lower-cased token; "" when it is no content word (a number, a stop
    word, a negation or a word under 3 letters). Memoised (``_stems``): words recur across texts."""
    if tok in _NOT_CONTENT or len(tok) < 3 or tok[0].isdigit():
        return ""
    return _stem(tok)


@lru_cache(maxsize=1)
def _stems() -> Memo:
    """The bounded memo of ``_content_stem`` (32,768 words; a hit is one dict look-up in C)."""
    return Memo(_content_stem, 1 << 15)


_DIGIT = re.compile(r"\d")


def _reduce(text: str, low: str | None = None) -> _Sent:
    """One sentence reduced for comparison (see ``_Sent``); ``low``: ``_lowered(text)`` when known
    (``text.lower()``, or None when ``lowers_like_ignorecase(text)`` is false: a ``low`` given
    means the test passed, so it is not repeated)."""
    return _reduce_all((text,), (low if low is not None else _lowered(text),))[0]


def _reduce_all(sentences: Sequence[str], lowered: Sequence[str | None]) -> list[_Sent]:
    """``_reduce`` of each sentence; ``lowered``: the sentences as ``_lowered`` gives them (one
    loop for all, the look-ups it needs taken once)."""
    stems = _stems().__getitem__
    findall = _LOWER_TOKEN.findall
    no_negation = _NEGATION.isdisjoint
    out: list[_Sent] = []
    for text, low in zip(sentences, lowered, strict=True):
        if low is not None:
            # Lower-casing keeps every token boundary (only İ and the Kelvin sign lower to an
            # ASCII letter, checked over all of Unicode) and the pattern treats ' and ’ alike: one
            # call for the whole sentence gives the tokens lower-cased one by one.
            if "’" in low:
                low = low.replace("’", "'")
            tokens = findall(low)
        else:
            tokens = [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]
            low = "n't"  # no shortcut below
        # every token goes through the memo (the words of _NOT_CONTENT map to "" there too, and
        # ``filter(None, ...)`` drops the ""s, the only false strings): measured faster than
        # making the set of words first and taking "" out of the stems
        content = frozenset(filter(None, map(stems, tokens)))
        negated = not no_negation(tokens) or (
            "n't" in low and any(w.endswith("n't") for w in tokens)
        )
        out.append(_Sent(text, content, negated, tokens))
    return out


def _numbers(text: str, lowered: list[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """``_Sent.numbers`` of a sentence and its lower-cased tokens."""
    numbers: list[tuple[str, frozenset[str]]] = []
    # a digit is always inside a number token (the word tokens are ASCII letters)
    if _DIGIT.search(text) or not _NUM_WORD_SET.isdisjoint(lowered):
        for i, tok in enumerate(lowered):
            if tok[0].isdigit() or tok in _NUM_WORDS:
                value = _NUM_WORDS.get(tok, tok.replace(",", ""))
                window = lowered[max(0, i - 4) : i] + lowered[i + 1 : i + 5]
                ctx = frozenset(
                    _stem(w)
                    for w in window
                    if w not in _STOP and not w[0].isdigit() and w not in _MONTHS and len(w) > 2
                )
                numbers.append((value, ctx))
    return tuple(numbers)


def _number_conflict(a: _Sent, b: _Sent) -> float:
    """1 when A and B give different numbers with shared words around them, 0.5 when the numbers
    differ but only the sentences (not the windows) share words, else 0."""
    if not a.numbers or not b.numbers:
        return 0.0
    values_a = {v for v, _ in a.numbers}
    values_b = {v for v, _ in b.numbers}
    only_a = [(v, c) for v, c in a.numbers if v not in values_b]
    only_b = [(v, c) for v, c in b.numbers if v not in values_a]
    if not only_a or not only_b:
        return 0.0
    best = 0.0
    for va, ca in only_a:
        year_a = len(va) == 4 and va[:2] in ("17", "18", "19", "20")
        for vb, cb in only_b:
            year_b = len(vb) == 4 and vb[:2] in ("17", "18", "19", "20")
            if year_a != year_b:
                continue
            best = max(best, 1.0 if ca & cb else 0.5)
    return best


@lru_cache(maxsize=1)
def _antonymous() -> frozenset[str]:
    """The words with an antonym in the table."""
    return frozenset(_antonyms())


_ConflictWords = tuple[frozenset[str], tuple[tuple[str, str], ...]]


def _conflict_words(words: Collection[str]) -> _ConflictWords:
    """The words of a sentence ``_antonym_conflict`` can fire on: those with an antonym in the
    table, and (word, root) for un-/non- words whose root has 4+ letters (``_antonym_conflict``
    only asks whether one of them fires, so their order does not matter). ``words``: the
    sentence's lower-cased tokens (a repeated token changes nothing), the list or the set."""
    antonymous = _antonymous().intersection(words)
    # Every word follows a space in ``joined``: a word opening with "un" or "non" puts " un" or
    # " non" there, so when neither occurs no word has a prefix and the word loop is skipped.
    joined = " " + " ".join(words)
    if " un" not in joined and " non" not in joined:
        return antonymous, ()
    prefixed = tuple(
        (w, w[len(prefix) :])
        for w in frozenset(words)
        if w.startswith(_PREFIXES)
        for prefix in _PREFIXES
        if w.startswith(prefix) and len(w) - len(prefix) >= 4
    )
    return antonymous, prefixed


def _antonym_conflict(
    a: _Sent,
    b: _Sent,
    ca: _ConflictWords | None = None,
    cb: _ConflictWords | None = None,
) -> float:
    """1 when a word of A has its antonym in B (and not in A) or un-/non-X faces X, else 0
    (``ca``/``cb``: the sentences' ``_conflict_words``, when already known)."""
    a_antonymous, a_prefixed = ca if ca is not None else _conflict_words(a._tokens)
    b_prefixed = (cb if cb is not None else _conflict_words(b._tokens))[1]
    if not a_antonymous and not a_prefixed and not b_prefixed:
        return 0.0  # none of the loops below has a word to try (the sets are not built)
    table = _antonyms()
    aw, bw = a.words, b.words
    for w in a_antonymous:
        # an antonym of w in B and not in A: (antonyms in B) not all in A
        if w not in bw and not (table[w] & bw).issubset(aw):
            return 1.0
    for w, root in b_prefixed:
        if w not in aw and root in aw:
            return 1.0
    for w, root in a_prefixed:
        if w not in bw and root in bw:
            return 1.0
    return 0.0


#: Conflict weights: how strongly each kind of conflict, at full overlap, signals a contradiction.
WEIGHTS: dict[str, float] = {"negation": 0.9, "number": 0.8, "antonym": 0.7}


@dataclass(frozen=True, slots=True)
class Pair:
    """A candidate pair: sentence indices, weighted overlap, conflict kinds and strength."""

    i: int
    j: int
    overlap: float
    conflicts: dict[str, float]
    strength: float


def candidate_pairs(
    sents: list[_Sent], max_pairs: int = MAX_PAIRS
) -> tuple[list[tuple[int, int]], dict[str, float]]:
    """Pairs of sentence indices sharing >= MIN_SHARED content stems (inverted index), most shared
    first (ties in index order), capped at ``max_pairs``; and the in-article idf of each stem.

    Sentences with the same content stems share the same number of stems with any other
    sentence, so when some repeat the counting is done once per distinct stem set and only the
    pairs that make the cut are spelled out: repeated text costs no more than its distinct
    sentences (``_group_pairs``)."""
    groups: dict[frozenset[str], list[int]] = {}
    for k, s in enumerate(sents):
        groups.setdefault(s.content, []).append(k)
    n = len(sents)
    limit = max(3, n // 2)
    if len(groups) < n:
        return _group_pairs(list(groups), list(groups.values()), n, limit, max_pairs)
    index: dict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(sents):
        for w in s.content:
            index[w].append(k)
    # the idf depends on the posting length only: one log per distinct length
    by_len = {c: log((n + 1) / (c + 0.5)) for c in set(map(len, index.values()))}
    idf = {w: by_len[len(p)] for w, p in index.items()}
    # (earlier, later): postings ascend; one count over all of them (not one update per stem)
    shared: Counter[tuple[int, int]] = Counter(
        chain.from_iterable(
            combinations(postings, 2) for postings in index.values() if 2 <= len(postings) <= limit
        )
    )
    pairs = [p for p, c in shared.items() if c >= MIN_SHARED]
    # most shared first, ties in index order: sorted by pair, then a stable sort by count
    # (reverse=True keeps equal counts in their order), the order of the key (-count, pair)
    pairs.sort()
    pairs.sort(key=shared.__getitem__, reverse=True)
    return pairs[:max_pairs], idf


def _group_pairs(
    contents: list[frozenset[str]], members: list[list[int]], n: int, limit: int, max_pairs: int
) -> tuple[list[tuple[int, int]], dict[str, float]]:
    """``candidate_pairs`` of ``n`` sentences given as groups with equal content stems
    (``contents[g]``; ``members[g]``: the group's sentence indices, ascending)."""
    sizes = [len(m) for m in members]
    index: dict[str, list[int]] = defaultdict(list)  # stem -> groups holding it, ascending
    for g, content in enumerate(contents):
        for w in content:
            index[w].append(g)
    get_size = sizes.__getitem__
    totals = {w: sum(map(get_size, gs)) for w, gs in index.items()}  # sentences with w
    # the idf depends on the total only: one log per distinct total
    by_total = {t: log((n + 1) / (t + 0.5)) for t in set(totals.values())}
    idf = {w: by_total[total] for w, total in totals.items()}
    counted = [gs for w, gs in index.items() if 2 <= totals[w] <= limit]
    # (group, later group) -> stems counted; group -> stems counted (pairs inside the group)
    shared: Counter[tuple[int, int]] = Counter(
        chain.from_iterable(combinations(gs, 2) for gs in counted)
    )
    within: Counter[int] = Counter(g for gs in counted for g in gs if sizes[g] > 1)
    levels: dict[int, list[tuple[int, int]]] = defaultdict(list)  # stems shared -> group pairs
    for gh, c in shared.items():
        if c >= MIN_SHARED:
            levels[c].append(gh)
    for g, c in within.items():
        if c >= MIN_SHARED:
            levels[c].append((g, g))
    pairs: list[tuple[int, int]] = []
    for c in sorted(levels, reverse=True):
        need = max_pairs - len(pairs)
        if need <= 0:
            break
        level = levels[c]
        size = sum(
            len(members[g]) * (len(members[h]) if g != h else len(members[g]) - 1) // (1 + (g == h))
            for g, h in level
        )
        if size <= need:  # every pair of the level is kept: spell them out and sort them
            kept = [
                pair
                for g, h in level
                for pair in (
                    combinations(members[g], 2)
                    if g == h
                    else ((x, y) if x < y else (y, x) for x in members[g] for y in members[h])
                )
            ]
            kept.sort()  # the pairs are distinct: the order heapq.merge gives
            pairs.extend(kept)
            continue
        runs = (_pairs_between(members[g], members[h], g == h) for g, h in level)
        pairs.extend(islice(heapq.merge(*runs), need))  # each run ascends: the smallest first
    return pairs, idf


def _pairs_between(a: list[int], b: list[int], same: bool) -> Iterator[tuple[int, int]]:
    """The sentence pairs (earlier, later) of one sentence of ``a`` and one of ``b`` (two of
    ``a`` when ``same``), in ascending order; ``a`` and ``b`` ascend and are disjoint."""
    if same:
        yield from combinations(a, 2)
        return
    for x, other in sorted([(x, b) for x in a] + [(x, a) for x in b], key=itemgetter(0)):
        for y in other[bisect_right(other, x) :]:
            yield x, y


def _weight(s: _Sent, idf: dict[str, float]) -> float:
    """idf weight of a sentence's content stems (``math.fsum`` is exact, so the value does not
    depend on the set's iteration order, which follows the per-process string hash)."""
    return math.fsum(map(idf.__getitem__, s.content))


def _overlap(
    a: _Sent, b: _Sent, idf: dict[str, float], wa: float | None = None, wb: float | None = None
) -> float:
    """idf-weighted overlap of content stems: shared weight / the smaller sentence's weight
    (``wa``/``wb``: the sentences' ``_weight``, when already known)."""
    common = a.content & b.content
    if not common:
        return 0.0
    if wa is None:
        wa = _weight(a, idf)
    if wb is None:
        wb = _weight(b, idf)
    denom = min(wa, wb)  # min, not Dice: Dice measured 0.562 vs 0.583 AUC on ContraDoc
    return math.fsum(map(idf.__getitem__, common)) / denom if denom > 0 else 0.0


def score_pairs(sentences: tuple[str, ...] | list[str]) -> list[Pair]:
    """Every examined candidate pair with its overlap, conflicts and strength, strongest first."""
    sents = _reduce_all(sentences, [_lowered(s) for s in sentences])
    pairs, idf = candidate_pairs(sents)
    weights: dict[int, float] = {}
    conflict_words = {}
    for k in {k for pair in pairs for k in pair}:
        weights[k] = _weight(sents[k], idf)
        conflict_words[k] = _conflict_words(sents[k]._tokens)
    out: list[Pair] = []
    for i, j in pairs:
        a, b = sents[i], sents[j]
        overlap = _overlap(a, b, idf, weights[i], weights[j])
        conflicts = {
            "negation": 1.0 if a.negated != b.negated else 0.0,
            "number": _number_conflict(a, b),
            "antonym": _antonym_conflict(a, b, conflict_words[i], conflict_words[j]),
        }
        weight = max(WEIGHTS[k] * v for k, v in conflicts.items())
        out.append(Pair(i, j, overlap, conflicts, min(1.0, overlap * weight)))
    out.sort(key=lambda p: (-p.strength, p.i, p.j))
    return out


def _flagged(
    sentences: Sequence[str], lowered: Sequence[str | None] | None = None
) -> list[tuple[float, int, int]]:
    """(strength, i, j) of the pairs ``analyze`` flags (overlap >= MIN_OVERLAP, strength > 0),
    strongest first, ties in index order: the flagged pairs of ``score_pairs`` with the same
    values, skipping work that cannot change them. A pair under MIN_OVERLAP is never flagged, so
    its conflicts are not computed, and a conflict at full value whose weight is the largest of
    those left (negation, then number, by ``WEIGHTS``) ends the checks for that pair.
    ``lowered``: the sentences lower-cased as ``_lowered`` gives them, when known."""
    if lowered is None:
        lowered = [_lowered(s) for s in sentences]
    return _flag_pairs(_reduce_all(sentences, lowered))


def _flag_pairs(sents: list[_Sent]) -> list[tuple[float, int, int]]:
    """``_flagged`` of the reduced sentences."""
    pairs, idf = candidate_pairs(sents)
    get_idf = idf.__getitem__
    fsum = math.fsum
    weights: list[float | None] = [None] * len(sents)  # ``_weight``, filled on first use
    conflict_words: list[_ConflictWords | None] = [None] * len(sents)  # filled on first use
    w_neg, w_num, w_ant = WEIGHTS["negation"], WEIGHTS["number"], WEIGHTS["antonym"]
    negation_wins = w_neg >= max(w_num, w_ant)
    number_wins = w_num >= w_ant
    out: list[tuple[float, int, int]] = []
    for i, j in pairs:
        a, b = sents[i], sents[j]
        # ``_overlap`` written out (the same operations, so the same float)
        wi = weights[i]
        if wi is None:
            wi = weights[i] = fsum(map(get_idf, a.content))
        wj = weights[j]
        if wj is None:
            wj = weights[j] = fsum(map(get_idf, b.content))
        denom = wi if wi <= wj else wj  # min(wi, wj) without the call
        if denom <= 0:
            continue  # overlap 0
        overlap = fsum(map(get_idf, a.content & b.content)) / denom  # 0.0 when disjoint
        if overlap < MIN_OVERLAP:
            continue
        negation = w_neg if a.negated != b.negated else 0.0
        if negation and negation_wins:
            weight = negation
        else:
            # no call when a side has no number (``_number_conflict`` would give 0)
            number = _number_conflict(a, b) if a.numbers and b.numbers else 0.0
            if number == 1.0 and number_wins:
                weight = max(negation, w_num)
            else:
                ca = conflict_words[i]
                if ca is None:
                    ca = conflict_words[i] = _conflict_words(a._tokens)
                cb = conflict_words[j]
                if cb is None:
                    cb = conflict_words[j] = _conflict_words(b._tokens)
                weight = max(negation, w_num * number, w_ant * _antonym_conflict(a, b, ca, cb))
        strength = min(1.0, overlap * weight)
        if strength > 0:
            out.append((strength, i, j))
    out.sort(key=lambda p: (-p[0], p[1], p[2]))
    return out


def analyze(article: Article) -> SignalResult:
    """Marker rates and self-contradiction of one article."""
    sentences = article.sentences
    n_words = article.words
    contrast: list[str] = []
    hedges: list[str] = []
    n_contrast = n_hedges = 0
    # ``_lowered`` of each sentence, written out (one call fewer a sentence)
    lowered = [s.lower() if lowers_like_ignorecase(s) else None for s in sentences]
    for s, low in zip(sentences, lowered, strict=True):
        if low is None or _holds(low, _CONTRAST_KEYS):
            if low is None or "while" in low or "yet" in low:
                c = len(_CONTRAST.findall(s))
            else:
                c = len(_CONTRAST_NO_WHILE_YET.findall(s))
            if c:
                n_contrast += c
                contrast.append(s)
        if low is None or _holds(low, _HEDGE_KEYS):
            h = _count_hedges(s)
            if h:
                n_hedges += h
                hedges.append(s)
    both = _both_sides(sentences, lowered)
    values = {
        "contradiction.contrast_per_100_words": per_100_words(n_contrast, n_words),
        "contradiction.hedges_per_100_words": per_100_words(n_hedges, n_words),
        "contradiction.both_sides_per_100_words": per_100_words(len(both), n_words),
    }
    evidence = {
        "contradiction.contrast_per_100_words": contrast,
        "contradiction.hedges_per_100_words": hedges,
        "contradiction.both_sides_per_100_words": both,
    }
    if len(sentences) < 2:
        values["contradiction.score"] = NAN
        values["contradiction.pairs"] = NAN
        return SignalResult(values, evidence)
    flagged = _flagged(sentences, lowered)
    values["contradiction.score"] = flagged[0][0] if flagged else 0.0
    values["contradiction.pairs"] = float(len(flagged))
    evidence["contradiction.score"] = [
        f"{sentences[i]} ⟷ {sentences[j]}" for _, i, j in flagged[:TOP_EVIDENCE]
    ]
    return SignalResult(values, evidence)


def measure(article: Article) -> dict[str, float]:
    """Values only (see ``NAMES``)."""
    return analyze(article).values
