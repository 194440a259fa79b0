"""The bad-input matrix: every kind of input a crawler returns, with its exact outcome.

The library raises a typed error (``ArticlegradeError``) or returns a scorecard with a status; a
batch writes exactly one row per input with ``status`` and ``reason``. Big inputs are generated
here, in ``tmp_path``.
"""

from __future__ import annotations

import base64
import gzip
import random
import struct
import zlib
from pathlib import Path

import pytest
from conftest import SAMPLES

import articlegrade
from articlegrade.cleaning.html import parse_html
from articlegrade.cli import main
from articlegrade.grading import MAX_WORDS, TooLongError, grade_many
from articlegrade.output import read_rows
from articlegrade.source import read_source

GOOD = SAMPLES / "good-leap-second-retirement.html"
PARA = (
    "The river rose three feet overnight and the town council met at dawn to decide whether "
    "the old bridge should close. Engineers said the pillars were sound, but the mayor wanted a "
    "second opinion before letting lorries cross again. By noon the council had agreed to keep "
    "one lane open while the survey went ahead."
)
CAFE = "The café on the corner served a “naïve” crème brûlée — the mayor’s favourite."


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Bridge</title></head><body>{body}</body></html>"


ENGLISH = "".join(f"<p>{PARA} {CAFE}</p>" for _ in range(4))
GERMAN = (
    "<p>Der Fluss stieg über Nacht um drei Fuß, und der Stadtrat traf sich im Morgengrauen, um "
    "zu entscheiden, ob die alte Brücke geschlossen werden sollte. Die Ingenieure sagten, die "
    "Pfeiler seien solide, aber der Bürgermeister wollte eine zweite Meinung hören.</p>"
) * 3
JAPANESE = (
    "<p>"
    + "川の水位が一晩で三フィート上がり、町議会は夜明けに集まって古い橋を閉鎖するかどうかを決めた。"
    * 20
    + "</p>"
)

#: name -> (bytes of the file, expected outcome). An outcome is ("error", code, message part) for a
#: typed error / error row, or (status, grade or None, text the article must contain).
CASES: dict[str, tuple[bytes, tuple]] = {
    "empty.html": (b"", ("error", "no_article", "no text")),
    "whitespace.txt": (b"  \n\t \r\n   \n", ("error", "no_article", "no text")),
    "image.html": (_png(), ("error", "not_text", "a PNG image")),
    "document.html": (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        ("error", "not_text", "a PDF document"),
    ),
    "cp1252.html": (_page(ENGLISH).encode("cp1252"), ("ok", None, CAFE)),
    "latin1.html": (
        _page(
            ENGLISH.replace("“", '"').replace("”", '"').replace("—", "-").replace("’", "'"),
            "<meta charset='iso-8859-1'>",
        ).encode("latin-1"),
        ("ok", None, 'The café on the corner served a "naïve" crème brûlée'),
    ),
    "shift_jis.html": (
        _page(JAPANESE, "<meta charset='shift_jis'>").encode("shift_jis"),
        ("skipped", None, "川の水位が一晩で三フィート上がり"),
    ),
    "utf16.html": (
        "\ufeff".encode("utf-16-le").join([b"", _page(ENGLISH).encode("utf-16-le")]),
        ("ok", None, CAFE),
    ),
    "lying-charset.html": (
        _page(
            ENGLISH, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        ).encode("cp1252"),
        ("ok", None, CAFE),
    ),
    "no-body.html": (
        b"<html><head><title>Only a head</title></head></html>",
        ("error", "no_article", "no text"),
    ),
    "only-boilerplate.html": (
        _page(
            "<p>Subscribe to our newsletter</p><p>Share this on Facebook</p><p>Read more</p>"
            "<p>© 2024 Example Media. All rights reserved.</p><p>Leave a comment</p>"
        ).encode(),
        ("error", "no_article", "only boilerplate"),
    ),
    "german.html": (_page(GERMAN).encode(), ("skipped", None, "Der Fluss stieg über Nacht")),
    "malformed.html": (
        (
            f"<html><body><div><p>{PARA}<b><i>unclosed <a href='x>{PARA}</div></span></p>"
            f"<<p>>{PARA}</td></tr><p {PARA}<p>{PARA}</html></body>{PARA}"
        ).encode(),
        ("ok", None, "By noon the council had agreed"),
    ),
    "only-scripts.html": (
        b"<html><head><script>var a = 1;</script><style>p{color:red}</style></head><body>"
        b"<script>document.write('hello world, this is text');</script><noscript></noscript>"
        + b"<script>"
        + b"x=1;" * 5000
        + b"</script></body></html>",
        ("error", "no_article", "no text"),
    ),
}


def _write(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(CASES[name][0])
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_library_outcome(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name)
    kind, code_or_grade, text = CASES[name][1]
    if kind == "error":
        with pytest.raises(articlegrade.ArticlegradeError) as info:
            articlegrade.grade(path)
        assert info.value.code == code_or_grade
        assert text in str(info.value)
        return
    article = articlegrade.clean(path)
    assert text in article.text
    card = articlegrade.grade(path)
    assert card.status == kind
    if kind == "skipped":
        assert card.reason.startswith("not_english: 0% of words")
        assert card.grade == "" and card.words == article.words
    else:
        assert card.grade in {"A", "B", "C", "D", "F"} and card.reason == ""


def test_declared_and_detected_encodings(tmp_path: Path) -> None:
    # latin-1 is read as windows-1252, as browsers do; a lying utf-8 declaration is overruled.
    expected = {
        "cp1252.html": "cp1252",
        "latin1.html": "cp1252",
        "shift_jis.html": "shift_jis",
        "utf16.html": "utf-16",
        "lying-charset.html": "cp1252",
    }
    for name, encoding in expected.items():
        doc = read_source(_write(tmp_path, name))
        assert (doc.encoding, doc.is_html) == (encoding, True), name
        assert "\ufffd" not in doc.text, name


def test_batch_writes_one_row_per_input_with_status_and_reason(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in CASES:
        _write(pages, name)
    out = tmp_path / "out.csv"
    assert main(["score", str(pages), "-o", str(out), "-q", "--timeout", "60"]) == 0
    import csv

    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [Path(r["path"]).name for r in rows] == sorted(CASES)
    for row in rows:
        kind, code, _ = CASES[Path(row["path"]).name][1]
        assert row["status"] == kind, row
        if kind == "error":
            assert row["reason"].startswith(f"{code}: "), row
        elif kind == "skipped":
            assert row["reason"].startswith("not_english: "), row
        else:
            assert row["reason"] == "" and row["grade"], row
    assert len(read_rows(out, "csv")) == len(CASES)


def test_100000_nested_divs_keep_their_text(tmp_path: Path) -> None:
    # libxml2 stops at 256 levels and drops the rest of the page; the page is parsed again
    # flattened, so the paragraph inside the nest and the one after it both survive.
    n = 100_000
    page = f"<html><body><h1>Deep</h1>{'<div>' * n}<p>{PARA}</p>{'</div>' * n}<p>{CAFE}</p></body></html>"
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    article = articlegrade.clean(path)
    assert [p.text for p in article.paragraphs] == [PARA, CAFE]
    assert articlegrade.grade(path).status == "ok"


def test_a_page_nested_past_the_limit_in_unflattenable_tags_is_a_typed_error() -> None:
    # <noscript> is kept by the flattening (its text is skipped) and nests without bound.
    page = "<html><body>" + "<noscript>x " * 400 + "</body></html>"
    with pytest.raises(articlegrade.NoArticleError, match="deeper than the HTML parser allows"):
        parse_html(page)


def test_moderately_deep_page_is_walked_without_recursion() -> None:
    # 250 levels (under libxml2's limit) walked by the iterative walker with a tiny stack.
    import sys

    page = "<html><body>" + "<div><span>" * 120 + f"<p>{PARA}</p>" + "</span></div>" * 120
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        article = articlegrade.clean(page + "</body></html>")
    finally:
        sys.setrecursionlimit(limit)
    assert [p.text for p in article.paragraphs] == [PARA]


def test_20_mb_page_of_inline_data_is_graded(tmp_path: Path) -> None:
    # A real article with 20 MB of inline script data, a base64 image and an inline SVG: the
    # shape of a bloated page a crawler returns. Graded like the article itself.
    rng = random.Random(5)
    data = bytes(rng.getrandbits(8) for _ in range(1_000)) * 6_000
    bloat = (
        '<script>window.__STATE__={"k":"' + "x" * 10_000_000 + '"}</script>'
        '<img src="data:image/png;base64,' + base64.b64encode(data).decode() + '">'
        "<svg>" + '<path d="M0 0L1 1"/>' * 100_000 + "</svg>"
    )
    page = GOOD.read_text(encoding="utf-8").replace("</body>", bloat + "</body>")
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    card = articlegrade.grade(path)
    reference = articlegrade.grade(GOOD)
    assert (card.status, card.grade, card.words) == ("ok", reference.grade, reference.words)
    assert card.quality == pytest.approx(reference.quality, abs=1e-9)


def test_500000_word_text_is_refused_as_too_long(tmp_path: Path) -> None:
    paragraph = (PARA + " ") * 10
    n_paragraphs = 500_000 // len(paragraph.split()) + 1
    path = tmp_path / "long.txt"
    path.write_text("A very long text\n\n" + "\n\n".join([paragraph] * n_paragraphs))
    with pytest.raises(TooLongError, match=f"at most {MAX_WORDS:,} words") as info:
        articlegrade.grade(path)
    assert info.value.code == "too_long"
    assert str(info.value).startswith("the article has 500,500 words")  # 1,001 × 500 words
    rows = list(grade_many([path, GOOD], workers=0))
    assert [r.status for r in rows] == ["error", "ok"]
    assert rows[0].reason.startswith("too_long: the article has")


def test_unsupported_source_types_are_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(articlegrade.InputError, match="got int"):
        articlegrade.grade(42)  # type: ignore[arg-type]
    with pytest.raises(articlegrade.InputError, match="no such file"):
        articlegrade.grade(tmp_path / "missing.html")
    with pytest.raises(articlegrade.InputError, match="is a directory"):
        articlegrade.grade(tmp_path)
    with pytest.raises(articlegrade.NotTextError, match="damaged gzip"):
        articlegrade.grade(gzip.compress(b"<p>hello</p>")[:10] + b"\xff" * 20)
