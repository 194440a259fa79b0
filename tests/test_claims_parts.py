"""The claims family's per-part shortcuts: what ``_Sentence`` reads from memoised parts and from
``_CAPITAL_START`` equals what the plain definitions give, on tricky and generated sentences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_claims import _ref_features, _ref_markers

from articlegrade.signals import claims
from articlegrade.text import words

# Pieces that stress the shortcuts: capitals opening words or not ("x'Y", "_A", "9Ab"), "I" and
# its contractions, apostrophes (straight and curly), underscores and digits next to letters,
# "-ed" and irregular past forms, numbers with separators, non-ASCII digits, letters and spaces,
# and every kind of whitespace ``str.split`` splits at.
_PIECES = (
    "I", "I'm", "I'M", "I've", "I'd'x", "It", "In", "Is", "i", "x'Y", "'Y", "_A", "a_B", "9Ab",
    "A", "Bob", "O'Neil", "a'B'c", "Y'all", "McDonald's", "walked", "x'walked", "walked_",
    "walked2", "used", "needed", "went", "said", "didn't", "they'd", "1", "3.5", "1,200", "19th",
    "1990s", "'90s", "٣", "²", "$5", "20%", "?", "!", "é", "Éric", "İstanbul", "ı", "ſaid",
    "\u212a", "Σίσυφος", "Тест", "café", "Japan’s", "‘quoted’", "“x”", "–", "(Reuters)",
    "interest", "best", "the", "more than", "a", "Zyx",
)  # fmt: skip
_GAPS = (" ", "  ", "", "\t", "\n", "\xa0", "\u2003", "\x1c", ", ", ". ", "-", "'", "(", ")")


def _check(sentence: str) -> None:
    prepared = claims._Sentence(sentence)
    text = claims.normalize(sentence)
    low = text.lower()
    assert prepared.terms == claims._TERM_TOKEN.findall(low), sentence
    assert prepared.n_words == len(words(text)), sentence
    assert prepared.raw_word_count() == len(words(sentence)), sentence
    assert prepared.names == len(claims.proper_names(sentence)), sentence
    past = sum(1 for w in claims._LOWER_WORD_RE.findall(low) if w in claims._IRREGULAR_PAST)
    assert prepared.past == past + len(claims._ED_RE.findall(low)), sentence
    assert prepared.has_digit == any(c.isdigit() for c in text), sentence
    number = claims._NUMBER_GATE.index
    assert prepared.found[number] == len(claims.NUMBER_RE.findall(text)), sentence
    assert prepared.features() == _ref_features(sentence), sentence
    assert prepared.markers() == _ref_markers(sentence), sentence


def _joined(parts: list[tuple[str, str, int]]) -> str:
    return "".join((p, p.upper(), p.lower())[case] + gap for p, gap, case in parts)


def test_parts_give_the_sentence_views_on_tricky_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences = [
        *_PIECES,
        *(f"So {p} and {p}." for p in _PIECES),
        *(f"{p}{gap}{q}" for p in _PIECES for q in ("I", "Bob", "walked", "3") for gap in _GAPS),
        "",
        " ",
        "He said I'M fine and I'd go; I'd'x, It is.",
        "'Tis the (Quoted) Text of O'Neil's McDonald's_Store 2B or 9Ab.",
    ]
    for sentence in sentences:
        _check(sentence)
    # Sentences of ``_PACK_LIMIT`` characters or more read ``_part_fields`` of the whole.
    monkeypatch.setattr(claims, "_PACK_LIMIT", 0)
    for sentence in sentences:
        _check(sentence)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS), st.integers(0, 2)),
        max_size=10,
    )
)
def test_parts_give_the_sentence_views(parts: list[tuple[str, str, int]]) -> None:
    _check(_joined(parts))


def test_packed_fields_cannot_overflow() -> None:
    # Every field total is at most twice the sentence's length, below one field's range, and
    # the three fields fit one machine word (``sum``'s fast path).
    assert 2 * claims._PACK_LIMIT <= 1 << claims._FIELD_BITS
    assert 3 * claims._FIELD_BITS <= 63
    longest = claims._PACK_LIMIT - 1
    for unit in ("1 ", "a ", "walked "):
        sentence = (unit * (longest // len(unit) + 1))[:longest]
        prepared = claims._Sentence(sentence)
        fields = claims._part_fields(sentence)
        assert (prepared.n_words, prepared.found[claims._NUMBER_GATE.index], prepared.past) == (
            fields
        )
        assert max(fields) >= longest // 8  # large totals, exact


def test_shortcut_assumptions_hold() -> None:
    # ``words`` still uses the pattern ``_CAPITAL_START`` and the part counts reason about.
    assert claims._WORDS_AS_ASSUMED
    # ``features`` unpacks ``found`` by position: each gate's ``index`` is its place in ``_GATES``.
    assert [g.index for g in claims._GATES] == list(range(len(claims._GATES))) == list(range(20))
    terms_of, fields_of = claims._part_memos()
    assert terms_of.size == fields_of.size == claims._PART_CACHE_SIZE
    model = claims.load_claim_model()
    assert len(model.word_bytes) == len(model.word_index)
    assert len(model.bigram_bytes) == len(model.bigram_index)
    for table, index in (
        (model.word_bytes, model.word_index),
        (model.bigram_bytes, model.bigram_index),
    ):
        keys = list(index)
        got = np.frombuffer(b"".join(table[k] for k in keys), dtype=np.int32)
        assert got.tolist() == [index[k] for k in keys]
