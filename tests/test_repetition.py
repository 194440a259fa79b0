"""repetition: Gopher values, title echoes, near-duplicates, conclusions and MTLD/MATTR on
hand-computed references and on the two seed pages."""

from __future__ import annotations

import math
import re

import pytest
from conftest import SAMPLES

import articlegrade
import articlegrade.text
from articlegrade import Article, Paragraph, Removal
from articlegrade.signals import repetition
from articlegrade.signals.base import SignalResult


def _article(*paragraphs: str, title: str = "", removed: tuple[Removal, ...] = ()) -> Article:
    return Article(
        title=title,
        paragraphs=tuple(
            Paragraph(p.removeprefix("# "), is_heading=p.startswith("# ")) for p in paragraphs
        ),
        removed=removed,
    )


def _seed(name: str) -> Article:
    return articlegrade.clean((SAMPLES / name).read_text(encoding="utf-8"))


def test_names_document_every_value_and_nothing_else() -> None:
    result = repetition.analyze(_article("One two three four five six seven eight nine ten."))
    assert isinstance(result, SignalResult)
    assert list(result.values) == list(repetition.NAMES)
    assert all(name.startswith("repetition.") for name in repetition.NAMES)
    assert repetition.measure(_article("x y z")).keys() == repetition.NAMES.keys()


def test_gopher_lines_paragraphs_and_short_ngrams_by_hand() -> None:
    # text = "the cat sat\n\nthe cat sat\n\na dog ran": 11 + 2 + 11 + 2 + 9 = 35 characters.
    # Paragraphs (and lines) ["the cat sat", "the cat sat", "a dog ran"]: 1 later copy of 3,
    # its 11 characters -> 1/3 and 11/35.
    # 2-grams: "the cat" x2 and "cat sat" x2 tie; the first seen wins: 7 chars x 2 = 14 -> 14/35.
    # 3-gram "the cat sat" x2: 11 x 2 = 22 -> 22/35. 4-grams all occur once; the first,
    # "the cat sat the" (15 chars) -> 15/35. No 5-gram repeats -> 0.
    values = repetition.measure(_article("the cat sat", "the cat sat", "a dog ran"))
    assert values["repetition.gopher_dup_para_frac"] == pytest.approx(1 / 3)
    assert values["repetition.gopher_dup_para_char_frac"] == pytest.approx(11 / 35)
    assert values["repetition.gopher_dup_line_frac"] == pytest.approx(1 / 3)
    assert values["repetition.gopher_dup_line_char_frac"] == pytest.approx(11 / 35)
    assert values["repetition.gopher_top_2gram_char_frac"] == pytest.approx(14 / 35)
    assert values["repetition.gopher_top_3gram_char_frac"] == pytest.approx(22 / 35)
    assert values["repetition.gopher_top_4gram_char_frac"] == pytest.approx(15 / 35)
    assert values["repetition.gopher_dup_5gram_char_frac"] == 0.0


def test_gopher_lines_differ_from_paragraphs_with_inner_newlines() -> None:
    # "a b\na b\n\nc d": paragraphs ["a b\na b", "c d"] have no copy; lines ["a b", "a b", "c d"]
    # have one (3 chars) -> line frac 1/3, line char frac 3/12 (text is 12 characters).
    values = repetition.measure(_article("a b\na b", "c d"))
    assert values["repetition.gopher_dup_para_frac"] == 0.0
    assert values["repetition.gopher_dup_line_frac"] == pytest.approx(1 / 3)
    assert values["repetition.gopher_dup_line_char_frac"] == pytest.approx(3 / 12)


def test_gopher_duplicate_ngrams_skip_overlaps_by_hand() -> None:
    # Words: one two three four five six one two three four five six seven (13 tokens).
    # Word characters 3+3+5+4+4+3 = 22, twice, + 5 = 49; + 12 spaces = 61 characters.
    # 5-grams: positions 0..5 are new; position 6 "one two three four five" repeats -> +19
    # characters, jump to 11 > 8 (the last start): 19/61.
    # 6-grams: position 6 "one ... six" repeats -> +22, jump to 12: 22/61 (more than the 5-gram
    # value: the greedy jump stops the 5-gram scan before "six").
    # 7-grams: "one two three four five six seven" never occurred before -> 0.
    text = "one two three four five six one two three four five six seven"
    values = repetition.measure(_article(text))
    assert len(text) == 61
    assert values["repetition.gopher_dup_5gram_char_frac"] == pytest.approx(19 / 61)
    assert values["repetition.gopher_dup_6gram_char_frac"] == pytest.approx(22 / 61)
    assert values["repetition.gopher_dup_7gram_char_frac"] == 0.0
    # "six one two three four five" (6-gram at position 5) is not a repeat -> most frequent
    # 2-gram "one two" x2: 7 chars x 2 = 14/61.
    assert values["repetition.gopher_top_2gram_char_frac"] == pytest.approx(14 / 61)


def test_gopher_undefined_on_empty_and_short_text() -> None:
    empty = repetition.measure(_article())
    assert all(math.isnan(empty[f"repetition.{k}"]) for k in repetition.GOPHER_THRESHOLDS)
    one_word = repetition.measure(_article("Hello"))
    assert math.isnan(one_word["repetition.gopher_top_2gram_char_frac"])
    assert one_word["repetition.gopher_dup_5gram_char_frac"] == 0.0


def test_mtld_reference_value() -> None:
    # Tokens: the cat sat the cat on my old red mat all day (12).
    # Forward: TTR 1, 1, 1, 3/4, 3/5 = 0.6 <= 0.72 -> 1 factor; the rest (7 new words) has TTR 1,
    # a partial factor of 0 -> 12 / 1 = 12.
    # Backward: day ... on (7 new), cat, the, sat (10/10), cat 10/11, the 10/12: no factor; the
    # partial factor is (1 - 10/12) / (1 - 0.72) = 0.5952... -> 12 / 0.5952 = 20.16.
    # MTLD = (12 + 20.16) / 2 = 16.08.
    tokens = ["the", "cat", "sat", "the", "cat", "on", "my", "old", "red", "mat", "all", "day"]
    assert repetition.mtld(tokens) == pytest.approx(16.08)
    values = repetition.measure(_article("The cat sat, the cat on my old red mat all day."))
    assert values["repetition.mtld"] == pytest.approx(16.08)
    # ab ab ab ab ab: factors close at every third token both ways -> 10 / 3.
    assert repetition.mtld(["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]) == pytest.approx(
        10 / 3
    )


def test_mtld_undefined_under_ten_tokens_or_without_any_factor() -> None:
    assert math.isnan(repetition.mtld(["a", "b", "a", "b", "a", "b", "a", "b", "a"]))
    assert math.isnan(repetition.mtld([f"w{i}" for i in range(30)]))  # no repeat: no factor


def test_mattr_reference_value() -> None:
    # 50 distinct words then "w0 w0" (52 tokens): windows 0..49 and 1..50 hold 50 types (1.0),
    # window 2..51 holds w2..w49, w0, w0 = 49 types (0.98) -> (1 + 1 + 0.98) / 3.
    tokens = [f"w{i}" for i in range(50)] + ["w0", "w0"]
    assert repetition.mattr(tokens) == pytest.approx((1 + 1 + 0.98) / 3)
    assert math.isnan(repetition.mattr(tokens[:49]))


def test_title_echo_counts_body_occurrences_and_removed_lines() -> None:
    removed = (
        Removal("Why is japan not in nato?", "title_echo"),
        Removal("Scroll to top", "scroll_to_top"),
    )
    article = _article(
        "Many ask: why is Japan not in NATO? The answer is long.",
        "Why  is Japan not in NATO today, people wonder.",
        "Japan is not in NATO.",
        title="Why is japan not in nato?",
        removed=removed,
    )
    result = repetition.analyze(article)
    # 1 removed title_echo line + 2 body occurrences (case and spacing ignored).
    assert result.values["repetition.title_echo"] == 3.0
    assert result.evidence["repetition.title_echo"][0] == "removed: Why is japan not in nato?"
    assert "why is Japan not in NATO?" in result.evidence["repetition.title_echo"][1]
    assert math.isnan(repetition.measure(_article("Text."))["repetition.title_echo"])
    # two-word titles are not searched in the body
    assert (
        repetition.measure(_article("Japan Japan", title="Japan NATO"))["repetition.title_echo"]
        == 0.0
    )


def test_title_echo_matches_curly_apostrophes() -> None:
    article = _article("We ask: what’s next for NATO? Nobody knows.", title="What's next for NATO")
    assert repetition.measure(article)["repetition.title_echo"] == 1.0


def test_repeated_headings() -> None:
    article = _article("# Overview", "Text one here.", "# overview ", "Text two here.", "# Other")
    result = repetition.analyze(article)
    assert result.values["repetition.repeated_headings"] == 1.0
    assert result.evidence["repetition.repeated_headings"] == ["overview "]


def test_near_duplicate_sentences_and_paragraphs() -> None:
    a = "The United States has played a significant role in Japan's defense since the war."
    b = "The United States has played a significant role in Japan’s defense, as noted."
    c = "Cats sleep for most of the day and hunt for small prey at night."
    result = repetition.analyze(_article(f"{a} {c}", b))
    # b: 13 tokens -> 11 shingles; a: 14 tokens -> 12 shingles. The 9 shingles of "the united
    # states ... japan's defense" (11 shared tokens; apostrophes unified) are in both;
    # "japan's defense as" and "defense as noted" are not -> overlap 9 / min(12, 11) = 0.82 >= 0.6.
    # Eligible sentences 3 (c shares nothing), one restates -> 1/3.
    assert result.values["repetition.near_duplicate_sentence_share"] == pytest.approx(1 / 3)
    assert "(overlap 0.82)" in result.evidence["repetition.near_duplicate_sentence_share"][0]
    # Paragraphs: the second (b, 11 shingles) shares the same 9 with the first -> 9/11; 1 of 2.
    assert result.values["repetition.near_duplicate_paragraph_share"] == pytest.approx(1 / 2)
    assert "(overlap 0.82)" in result.evidence["repetition.near_duplicate_paragraph_share"][0]
    short = repetition.measure(_article("Japan is not a member of NATO.", "Korea is not either."))
    assert math.isnan(short["repetition.near_duplicate_sentence_share"])  # under 8 words each


def test_conclusions_count_sections_once() -> None:
    article = _article(
        "In summary, this part sums up the first half.",
        "Overall the weather was fine.",  # no comma: not an opener
        "# Conclusion",
        "In conclusion, this is inside the conclusion section already.",
        "# Next steps",
        "Overall, a third conclusion-style paragraph.",
    )
    result = repetition.analyze(article)
    assert result.values["repetition.conclusion_count"] == 3.0
    assert result.evidence["repetition.conclusion_count"] == [
        "In summary, this part sums up the first …",  # first 8 words
        "heading: Conclusion",
        "Overall, a third conclusion-style paragraph.",
    ]


def test_japan_seed() -> None:
    result = repetition.analyze(_seed("seed-why-is-japan-not-in-nato.txt"))
    values = result.values
    # 2 stray title lines removed by cleaning + "The question arises: Why is Japan not in NATO?"
    assert values["repetition.title_echo"] == 3.0
    assert sum(e.startswith("removed: ") for e in result.evidence["repetition.title_echo"]) == 2
    assert values["repetition.conclusion_count"] == 1.0
    assert result.evidence["repetition.conclusion_count"] == [
        "In conclusion, Japan’s absence from NATO is a …"
    ]
    assert values["repetition.repeated_headings"] == 0.0
    assert values["repetition.gopher_dup_para_frac"] == 0.0
    assert result.evidence["repetition.gopher_top_2gram_char_frac"] == ["United States ×16"]
    assert result.evidence["repetition.gopher_dup_10gram_char_frac"] == [
        "United States has played a significant role in Japan’s defense"
    ]
    assert len(result.evidence["repetition.near_duplicate_sentence_share"]) == 2
    assert values["repetition.mtld"] == pytest.approx(58.19, abs=0.01)
    assert values["repetition.mattr"] == pytest.approx(0.7484, abs=1e-4)


def test_korea_seed() -> None:
    result = repetition.analyze(_seed("seed-is-japan-and-korea-part-of-nato.txt"))
    values = result.values
    assert values["repetition.conclusion_count"] == 2.0
    assert result.evidence["repetition.conclusion_count"] == [
        "In conclusion, Japan and South Korea are not …",
        "In conclusion, while Japan and South Korea are …",
    ]
    assert values["repetition.title_echo"] == 0.0
    assert result.evidence["repetition.gopher_top_4gram_char_frac"] == ["Japan and South Korea ×21"]
    assert values["repetition.mtld"] == pytest.approx(76.01, abs=0.01)


def test_near_duplicate_ties_go_to_the_earliest_unit_and_copies_are_exact() -> None:
    # u0 and u1 hold 6 shingles each; u2 is u0's 8 words + u1's 8 words: it contains both, so
    # the overlap with each is 6 / min(6, 13) = 1.0 -- a tie, which goes to the earlier unit u0.
    u0 = "alpha beta gamma delta epsilon zeta eta theta"
    u1 = "one two three four five six seven eight"
    u2 = f"{u0} {u1}"
    # u3 copies u2: overlap 1.0 with u0 (earliest), not with u2 itself; u4 copies u1.
    units = [u0, u1, u2, u2, u1]
    eligible, flagged, pairs = repetition.near_duplicates(units)
    assert (eligible, flagged) == (5, 3)
    assert pairs == [(0, 2, 1.0), (0, 3, 1.0), (1, 4, 1.0)]
    # above an overlap of 1 nothing restates anything, copies included
    assert repetition.near_duplicates(units, threshold=1.01) == (5, 0, [])


def test_one_sentence_repeated_thousands_of_times() -> None:
    # One 14-word sentence, 2,000 times in one paragraph: every later copy restates the first.
    sentence = "The quick brown fox jumps over one of the lazy dogs near the river."
    result = repetition.analyze(_article(" ".join([sentence] * 2000)))
    assert result.values["repetition.near_duplicate_sentence_share"] == pytest.approx(1999 / 2000)
    evidence = result.evidence["repetition.near_duplicate_sentence_share"]
    assert evidence[0] == f"{sentence} ⟷ {sentence} (overlap 1.00)"
    assert len(evidence) == 20


def test_paragraph_shingles_match_their_own_tokens() -> None:
    # Paragraph shingles are built from their sentences' tokens when the paragraph is exactly
    # those sentences; a paragraph whose sentences are not (a paragraph "x") falls back to its
    # own tokens. Both must give what tokenising each paragraph gives.
    paras = [
        "Kelvin’s law  holds here. It holds for all the metals we tested in the lab.",
        "It holds for all the metals we tested in the lab. Kelvin's law holds here.",
        "ΟΔΟΣ ΣΑΣ is Greek. It holds for all the metals we tested in the lab today.",
    ]
    sentences = [s for p in paras for s in articlegrade.text.split_sentences(p)]

    def grams(text: str) -> frozenset[tuple[str, ...]]:
        tokens = articlegrade.text.words(text.lower().replace("’", "'"))
        if len(tokens) < 8:
            return frozenset()
        return frozenset(zip(tokens, tokens[1:], tokens[2:], strict=False))

    for units in (paras, ["x", *paras]):
        shingler = repetition._Shingler()
        sets = shingler.paragraphs(units, sentences)
        names = {v: k for k, v in shingler.ids.items()}
        assert [frozenset(names[i] for i in s) for s in sets] == [grams(p) for p in units]
    # Paragraphs of short sentences (under 8 words, a single word, none at all): their 3-grams
    # inside and across sentences, some spanning three sentences, must be the paragraph's own.
    short = [
        "Yes. No. Maybe so. It is what it is, he said. Fine.",
        "One. Two! — Three four five six seven eight nine ten. Eleven.",
        "A b. C. D e f. G h. I.",
        "Short one. Another one. And a third.",
    ]
    short_sentences = [s for p in short for s in articlegrade.text.split_sentences(p)]
    assert len(short_sentences) == 14
    shingler = repetition._Shingler()
    sets = shingler.paragraphs(short, short_sentences)
    names = {v: k for k, v in shingler.ids.items()}
    assert [frozenset(names[i] for i in s) for s in sets] == [grams(p) for p in short]
    assert all(sets[:3]) and not sets[3]  # the last paragraph has 7 words
    # 15, 15 and 16 tokens -> 13, 13, 14 shingles. 0-1 share "it holds ... the lab" (9) and
    # "kelvin's law holds here" (2, apostrophes unified): 11/13. 2 shares the 9 with both 0 and 1:
    # 9/13 each, a tie that goes to 0.
    assert repetition.near_duplicates(paras) == (3, 2, [(0, 1, 11 / 13), (0, 2, 9 / 13)])


def _brute_gopher_ngrams(tokens: list[str]) -> list[object]:
    """Top n-gram (2..4) and duplicate n-gram (5..10) results counted the plain way: every n-gram
    in a Counter, and the left-to-right scan of the module docstring over every start."""
    from collections import Counter

    out: list[object] = []
    for n in (2, 3, 4):
        grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        if not grams:
            out.append((0, (), 0))
            continue
        gram, count = Counter(grams).most_common(1)[0]
        out.append(((sum(map(len, gram)) + n - 1) * count, gram, count))
    for n in range(5, 11):
        seen: set[tuple[str, ...]] = set()
        repeated: dict[tuple[str, ...], None] = {}
        chars = i = 0
        while i + n <= len(tokens):
            gram = tuple(tokens[i : i + n])
            if gram in seen:
                chars += sum(map(len, gram))
                repeated[gram] = None
                i += n
            else:
                seen.add(gram)
                i += 1
        out.append((chars, list(repeated)))
    return out


def test_repeated_start_levels_give_the_plain_ngram_counts() -> None:
    # Level n keeps only the starts whose (n-1)-gram prefix and suffix both repeat; on texts
    # with every kind of repeat (random tokens from a tiny vocabulary, runs of one token, a
    # repeated block) the values must equal counting every n-gram.
    import random

    rng = random.Random(7)
    texts = [[rng.choice("abcAB") for _ in range(rng.randrange(0, 60))] for _ in range(300)]
    texts += [["a"] * k for k in range(12)]
    texts.append(("one two three four five six " * 2 + "seven").split())
    for tokens in texts:
        levels = repetition._repeated_starts(tokens, 10)
        ours: list[object] = [
            repetition.top_ngram_chars(tokens, n, levels[n][1]) for n in (2, 3, 4)
        ]
        ours += [repetition.duplicate_ngram_chars(tokens, n, levels[n]) for n in range(5, 11)]
        assert ours == _brute_gopher_ngrams(tokens), tokens


def test_title_echo_prefilter_never_hides_a_match() -> None:
    # _may_echo skips compiling the title pattern when a title word is missing from the
    # lower-cased body; where re.IGNORECASE matches more than lower-casing (the Kelvin sign
    # matches "k") or the title is not ASCII it must not skip.
    kelvin = _article("The \u212aelvin scale starts at zero.", title="Kelvin scale starts")
    assert repetition.measure(kelvin)["repetition.title_echo"] == 1.0
    assert repetition._may_echo("kelvin scale starts", "The \u212aelvin scale starts.")
    assert not repetition._may_echo("kelvin scale starts", "The Celsius scale starts.")
    assert repetition._may_echo("ſun and sea", "The sun and sea.")
    greek = _article("ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΘΑΛΑΣΣΑ σήμερα.", title="Οδος προς την θαλασσα")
    assert repetition.measure(greek)["repetition.title_echo"] == 1.0
    for title, body in (
        ("Why is Japan not in NATO", "Many ask why IS japan NOT in nato today."),
        ("Why is Japan not in NATO", "Many ask why Japan is not in NATO."),
        ("What's next for NATO", "We ask: what’s next for NATO? Nobody knows."),
    ):
        pattern = repetition._title_pattern(title)
        core = repetition._title_core(title)
        assert pattern is not None and core is not None
        matches = bool(pattern.search(repetition._apostrophes(body)))
        assert repetition._may_echo(core, body) or not matches
        assert repetition.measure(_article(body, title=title))["repetition.title_echo"] == float(
            matches
        )


def test_gopher_lines_and_paragraphs_split_once_only_when_equal() -> None:
    # gopher() splits once when every newline run has an even length of 2 or more; runs of 1 or
    # 3 newlines must still give the line split its own values.
    for text in ("a b\n\nc d\n\na b", "a b\nc d\n\na b\nc d", "a b\n\n\nc d\n\n\n\na b\nc d"):
        values, _ = repetition.gopher(text, articlegrade.text.words(text))
        for unit, pattern in (("para", r"\n{2,}"), ("line", r"\n+")):
            parts = re.split(pattern, text)
            copies = len(parts) - len(set(parts))
            assert values[f"gopher_dup_{unit}_frac"] == copies / len(parts), (text, unit)
    values, _ = repetition.gopher("a b\nc d\n\nc d\na b", ["a", "b", "c", "d", "c", "d", "a", "b"])
    assert values["gopher_dup_line_frac"] == 0.5 and values["gopher_dup_para_frac"] == 0.0


def test_gopher_line_and_paragraph_values_equal_the_regex_splits() -> None:
    # gopher() splits on "\n\n" with str.split when every newline run is exactly two newlines,
    # else with the patterns; on texts with runs of 1 to 4 newlines (and lines that repeat) the
    # values and evidence must be those of re.split with the module docstring's patterns.
    import random

    rng = random.Random(5)
    for _ in range(400):
        parts = [rng.choice(["a b", "c d", "e", "a b c"]) for _ in range(rng.randrange(1, 8))]
        text = parts[0]
        for part in parts[1:]:
            text += "\n" * rng.choice([1, 2, 2, 2, 3, 4]) + part
        values, evidence = repetition.gopher(text, articlegrade.text.words(text))
        for unit, pattern in (("para", r"\n{2,}"), ("line", r"\n+")):
            units = re.split(pattern, text)
            copies = [u for k, u in enumerate(units) if u in units[:k]]
            assert values[f"gopher_dup_{unit}_frac"] == len(copies) / len(units), text
            assert values[f"gopher_dup_{unit}_char_frac"] == sum(map(len, copies)) / len(text)
            assert evidence.get(f"gopher_dup_{unit}_frac", []) == list(dict.fromkeys(copies))


def test_coded_near_duplicates_equal_the_shingler_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    # _unit_codes numbers 3-grams by their tokens' numbers and slices paragraphs out of the row of
    # sentence tokens; _near_duplicates_coded pairs units with numpy. Both lists of units must give
    # near_duplicates' values on the _Shingler's sets, for aligned, unaligned, whitespace-only and
    # short-sentence paragraphs, and on the two seed pages.
    cases = []
    for name in ("seed-why-is-japan-not-in-nato.txt", "seed-is-japan-and-korea-part-of-nato.txt"):
        article = _seed(name)
        cases.append((article.sentences, [p.text for p in article.paragraphs if not p.is_heading]))
    paras = [
        "Yes. No. Maybe so. It is what it is, he said. Fine. It is what it is, he said.",
        "It is what it is, he said. Kelvin’s law holds here for all the metals we tested.",
        "   ",
        "It is what it is, he said. Kelvin's law holds here for all the metals we tested.",
    ]
    sentences_of_paras = [s for p in paras for s in articlegrade.text.split_sentences(p)]
    cases.append((tuple(sentences_of_paras), paras))
    cases.append((tuple(sentences_of_paras), ["x", *paras]))  # nothing aligns after "x"
    cases.append(((), []))
    flagged = 0
    for sentences, paragraphs in cases:
        shingler = repetition._Shingler()
        expected = [
            repetition.near_duplicates(sentences, sets=list(map(shingler, sentences))),
            repetition.near_duplicates(paragraphs, sets=shingler.paragraphs(paragraphs, sentences)),
        ]
        coded = repetition._unit_codes(sentences, paragraphs)
        assert coded is not None
        codes, sentence_bounds, paragraph_bounds, _ = coded
        assert len(sentence_bounds) == len(sentences)
        assert len(paragraph_bounds) == len(paragraphs)
        ours = repetition._near_duplicates_coded(codes, (sentence_bounds, paragraph_bounds))
        assert ours == expected
        flagged += sum(e[1] for e in expected)
    assert flagged >= 4  # the cases hold restated units
    assert repetition._align(paras, sentences_of_paras)[2] is None
    assert repetition._align(["x", *paras], sentences_of_paras) == [None] * 5
    article = _article(*paras)
    coded_result = repetition.analyze(article)
    monkeypatch.setattr(repetition, "_CODE_BITS", 3)  # 3 bits: too few, no codes
    assert repetition._unit_codes(*cases[-2]) is None
    fallback = repetition.analyze(article)  # the _Shingler's sets and near_duplicates
    assert fallback.evidence == coded_result.evidence
    assert "repetition.near_duplicate_sentence_share" in fallback.evidence
    for name, value in fallback.values.items():
        assert value == coded_result.values[name] or math.isnan(value), name


def test_coded_near_duplicates_equal_the_sets_on_random_units() -> None:
    # Copies, subsets, units sharing a few 3-grams, short units and ties of overlap: for each
    # later unit the earliest unit of highest overlap >= the threshold, as near_duplicates
    # finds it; several lists at once (kinds) never pair across lists.
    import random

    rng = random.Random(11)
    for _ in range(300):
        units: list[list[str]] = []
        for _ in range(rng.randrange(0, 12)):
            if units and rng.random() < 0.3:
                base = rng.choice(units)
                cut = rng.randrange(0, len(base) + 1)
                units.append(base[cut:] if rng.random() < 0.5 else base[:cut] + base)
            else:
                units.append([rng.choice("abcdef") for _ in range(rng.randrange(0, 20))])
        text_units = [" ".join(u) for u in units]
        for threshold in (0.6, 1.0, 0.3):
            shingler = repetition._Shingler()
            sets = list(map(shingler, text_units))
            expected = repetition.near_duplicates(text_units, threshold, sets=sets)
            coded = repetition._unit_codes(text_units, text_units)
            assert coded is not None
            codes, bounds, pbounds, _ = coded
            ours = repetition._near_duplicates_coded(codes, (bounds, pbounds), threshold)
            assert ours == [expected, expected], (text_units, threshold)
            with pytest.MonkeyPatch.context() as patch:  # many pairs: the sets' way
                patch.setattr(repetition, "_PAIRS_PER_ENTRY", 0)
                patch.setattr(repetition, "_PAIRS_FREE", 0)
                ours = repetition._near_duplicates_coded(codes, (bounds, pbounds), threshold)
            assert ours == [expected, expected], (text_units, threshold)
