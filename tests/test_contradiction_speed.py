"""contradiction's shortcuts give what the plain computation gives: the lower-case tokenizer, the
stem memo and ``_reduce`` with a known lower-cased sentence."""

from __future__ import annotations

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
