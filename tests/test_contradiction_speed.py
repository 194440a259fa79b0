"""contradiction's shortcuts give what the plain computation gives: the lower-case tokenizer, the
stem memo and ``_reduce`` with a known lower-cased sentence."""

from __future__ import annotations

import re

from conftest import SAMPLES
from test_contradiction import brute_shared

import articlegrade
from articlegrade.signals import contradiction as C

SENTENCES = (
    "The Bridge’s 3 towers rose 1,200.5 feet in 1999, didn't they?",
    "It's NOT the Students' fault: rock'n'roll isn’t dead.",
    "İstanbul had 12 million people in 2020 and the KELVIN scale (K) says nothing.",
    "Prices increased by 2.5% but wages fell; the companies' profits doubled.",
    "٣ apples, O’Neil's cat and the ſ-shaped sign.",
    "",
)


def test_lower_token_pattern_matches_token_pattern_on_lowered_text() -> None:
    for s in SENTENCES:
        expected = [t.lower().replace("’", "'") for t in C._TOKEN.findall(s)]
        if C.lowers_like_ignorecase(s):
            assert C._LOWER_TOKEN.findall(s.lower().replace("’", "'")) == expected, s
    low = "the bridge's 3 towers rose 1,200.5 feet; didn't they?"
    assert C._LOWER_TOKEN.findall(low) == [
        *("the", "bridge's", "3", "towers", "rose", "1,200.5", "feet", "didn't", "they"),
    ]


def test_reduce_with_known_lowered_text_is_reduce() -> None:
    for s in SENTENCES:
        plain = C._reduce(s)
        known = C._reduce(s, C._lowered(s))
        assert plain.content == known.content and plain.words == known.words, s
        assert plain.negated == known.negated and plain._tokens == known._tokens, s
    s = C._reduce(SENTENCES[0])
    # stop words, negations, numbers and short words have no stem; plurals/possessives drop "s"
    assert s.content == {"bridge", "tower", "rose", "feet"}
    assert s.negated  # didn't
    assert "" not in C._reduce("It is not a, an or the.").content


def test_stem_memo_is_content_stem() -> None:
    memo = C._stems()
    for word in ("bridges", "companies", "the", "not", "12", "ox", "bus", "bridge's", "analysis"):
        assert memo[word] == C._content_stem(word), word
    assert memo["companies"] == "company" and memo["the"] == "" and memo["bus"] == "bus"
    assert memo.size == 1 << 15


# --- round 6 shortcuts ------------------------------------------------------------------------

#: ``_LOWER_TOKEN`` as it was, with greedy (backtracking) quantifiers.
_GREEDY_LOWER_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*")

TRICKY = (
    "rock'n'roll isn't dead'",
    "'tis the o'neil's' cat",
    "a''b x'1 1'x",
    "1,200.5, 3. 4,, 5.,6",
    "1..2 ,7 8. 9,a 10.5.6",
    "٣,٥ and ٣.x",
    "don't-stop-me'",
    "''' ,,, ...",
    "",
)


def _sample_sentences() -> list[str]:
    return [
        s
        for path in sorted(SAMPLES.glob("*.txt"))
        for s in articlegrade.clean(path.read_text(encoding="utf-8")).sentences
    ]


def test_possessive_token_pattern_finds_the_greedy_tokens() -> None:
    texts = [*TRICKY, *(s.lower().replace("’", "'") for s in (*SENTENCES, *_sample_sentences()))]
    for text in texts:
        assert C._LOWER_TOKEN.findall(text) == _GREEDY_LOWER_TOKEN.findall(text), text
    assert C._LOWER_TOKEN.findall(TRICKY[0]) == ["rock'n'roll", "isn't", "dead"]
    assert C._LOWER_TOKEN.findall(TRICKY[3]) == ["1,200.5", "3", "4", "5", "6"]


def _plain_reduce(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """content, words, negated of a sentence as first written (the set of words, then stems)."""
    tokens = [t.lower().replace("’", "'") for t in C._TOKEN.findall(text)]
    words = frozenset(tokens)
    content = frozenset(C._content_stem(w) for w in words) - {""}
    negated = not words.isdisjoint(C._NEGATION) or any(w.endswith("n't") for w in words)
    return content, words, negated


def test_reduce_all_is_the_plain_reduction() -> None:
    sentences = [*SENTENCES, *TRICKY, *_sample_sentences()]
    reduced = C._reduce_all(sentences, [C._lowered(s) for s in sentences])
    assert len(reduced) == len(sentences)
    for s, r in zip(sentences, reduced, strict=True):
        assert (r.content, r.words, r.negated) == _plain_reduce(s), s
        one = C._reduce(s)
        assert (one.content, one.words, one.negated, one._tokens) == (
            r.content,
            r.words,
            r.negated,
            r._tokens,
        )
    assert "" not in C._reduce("It is not a, an or the.").content


def _plain_conflict_words(words: frozenset[str]) -> tuple[set[str], set[tuple[str, str]]]:
    table = C._antonyms()
    antonymous = {w for w in words if w in table}
    prefixed = {
        (w, w[len(p) :])
        for w in words
        for p in ("un", "non")
        if w.startswith(p) and len(w) > len(p) + 3
    }
    return antonymous, prefixed


def test_conflict_words_skip_only_sentences_without_prefixed_words() -> None:
    cases = [
        "The fund runs until June under the sun.",  # "un" only inside words: no prefixed word
        "An unhappy, non-binding and nonsensical undo of the unfair unit.",
        "Unlike before, the result was unknown and unusual.",
        "A nonsensical and nonstop plan.",  # "non" words only
        *SENTENCES,
        *_sample_sentences(),
    ]
    seen_prefixed = 0
    for s in cases:
        r = C._reduce(s)
        antonymous, prefixed = C._conflict_words(r._tokens)
        assert (set(antonymous), set(prefixed)) == _plain_conflict_words(r.words), s
        # from the set of words (as ``_antonym_conflict`` may be given) the same words
        assert C._conflict_words(r.words)[0] == antonymous
        assert set(C._conflict_words(r.words)[1]) == set(prefixed)
        seen_prefixed += bool(prefixed)
    assert C._conflict_words(C._reduce(cases[0])._tokens)[1] == ()
    assert set(C._conflict_words(C._reduce(cases[1])._tokens)[1]) == {
        ("unhappy", "happy"),
        ("nonsensical", "sensical"),
        ("unfair", "fair"),
    }
    assert set(C._conflict_words(C._reduce(cases[3])._tokens)[1]) == {
        ("nonsensical", "sensical"),
        ("nonstop", "stop"),
    }
    assert seen_prefixed >= 4


def _plain_antonym_conflict(a: C._Sent, b: C._Sent) -> float:
    table = C._antonyms()
    aw, bw = a.words, b.words
    a_ant, a_pre = _plain_conflict_words(aw)
    _, b_pre = _plain_conflict_words(bw)
    if any(w not in bw and any(x in bw and x not in aw for x in table[w]) for w in a_ant):
        return 1.0
    if any(w not in aw and root in aw for w, root in b_pre):
        return 1.0
    return 1.0 if any(w not in bw and root in bw for w, root in a_pre) else 0.0


def test_antonym_conflict_is_the_plain_test() -> None:
    planted = [
        "Sales increased in the north last year.",
        "Sales decreased in the north last year.",
        "The team was happy with the fair result.",
        "The team was unhappy with the unfair result.",
        "The unhappy team left.",
    ]
    sentences = [*planted, *_sample_sentences()[:60]]
    sents = [C._reduce(s) for s in sentences]
    fired = 0
    for a in sents:
        for b in sents:
            expected = _plain_antonym_conflict(a, b)
            assert C._antonym_conflict(a, b) == expected, (a.text, b.text)
            ca, cb = C._conflict_words(a._tokens), C._conflict_words(b._tokens)
            assert C._antonym_conflict(a, b, ca, cb) == expected
            fired += expected == 1.0
    assert C._antonym_conflict(sents[0], sents[1]) == 1.0  # increased / decreased
    assert C._antonym_conflict(sents[2], sents[3]) == 1.0  # fair / unfair
    assert C._antonym_conflict(sents[3], sents[4]) == 0.0  # "unhappy" in both
    assert fired >= 10


def test_candidate_pairs_order_is_most_shared_then_index_order() -> None:
    # distinct sentences (no repeated stem set): the pairs counted one by one, sorted by
    # (-shared stems, pair)
    sentences = _sample_sentences()
    sents = [C._reduce(s) for s in sentences]
    assert len({s.content for s in sents}) == len(sents)
    shared = brute_shared(sents)
    brute = sorted(
        (p for p, c in shared.items() if c >= C.MIN_SHARED), key=lambda p: (-shared[p], p)
    )
    pairs, _ = C.candidate_pairs(sents)
    assert pairs == brute[: C.MAX_PAIRS]
    counts = [shared[p] for p in pairs]
    assert len(set(counts)) > 1 and len(counts) > len(set(counts))  # several levels, ties in them
