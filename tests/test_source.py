"""Reading input: str is content, bytes are decoded by BOM / declared charset / detection, paths are read."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from articlegrade import InputError, NotTextError
from articlegrade.source import decode_bytes, looks_like_html, read_source

PAGE = (
    "<html><head><meta charset='{cs}'><title>Café</title></head><body><p>{body}</p></body></html>"
)
BODY = "José Müller ordered crème brûlée at the café in Zürich."


def test_str_is_content_never_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("file content", encoding="utf-8")
    doc = read_source(str(tmp_path / "page.txt"))
    assert doc.text == str(tmp_path / "page.txt")
    assert doc.is_html is False and doc.encoding is None


def test_path_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(cs="utf-8", body=BODY).encode("utf-8"))
    doc = read_source(path)
    assert BODY in doc.text and doc.is_html and doc.path == str(path)


def test_declared_cp1252_is_honoured() -> None:
    text, encoding = decode_bytes(PAGE.format(cs="windows-1252", body=BODY).encode("cp1252"))
    assert BODY in text and encoding == "cp1252"


def test_declared_latin1_is_read_as_windows_1252() -> None:
    # WHATWG: a page labelled iso-8859-1 is decoded as windows-1252 (curly quotes live at 0x93/0x94).
    raw = PAGE.format(cs="iso-8859-1", body="“Quoted” Müller").encode("cp1252")
    text, encoding = decode_bytes(raw)
    assert "“Quoted” Müller" in text and encoding == "cp1252"


def test_lying_charset_falls_back_to_detection() -> None:
    raw = PAGE.format(cs="utf-8", body=BODY * 3).encode("cp1252")  # says utf-8, is cp1252
    text, _ = decode_bytes(raw)
    assert "José Müller" in text and "\ufffd" not in text


def test_utf16_with_bom() -> None:
    raw = PAGE.format(cs="utf-16", body=BODY).encode("utf-16")
    text, encoding = decode_bytes(raw)
    assert BODY in text and encoding == "utf-16"


def test_undeclared_shift_jis_is_detected() -> None:
    sentence = "日本は北大西洋条約機構の加盟国ではないが、協力関係を深めている。"
    raw = ("<html><body><p>" + sentence * 4 + "</p></body></html>").encode("shift_jis")
    text, encoding = decode_bytes(raw)
    assert sentence in text
    assert encoding.replace("_", "").lower() in {
        "shiftjis",
        "cp932",
        "shiftjis2004",
        "shiftjisx0213",
    }


def test_gzip_page_is_inflated() -> None:
    raw = gzip.compress(PAGE.format(cs="utf-8", body=BODY).encode("utf-8"))
    text, _ = decode_bytes(raw)
    assert BODY in text


def test_undecodable_bytes_never_raise_decode_errors() -> None:
    text, _ = decode_bytes(b"Plain text with a stray byte \xff\xfe\xfa in it. " * 5)
    assert "Plain text with a stray byte" in text


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "executable"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_input_is_refused(raw: bytes, what: str) -> None:
    with pytest.raises(NotTextError, match=what):
        read_source(raw)


def test_missing_file_and_directory_and_wrong_type(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.html")
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)
    with pytest.raises(InputError, match="got int"):
        read_source(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><title>x</title>", True),
        ("<div><p>Hello</p></div>", True),
        ("Use the <p> tag for paragraphs.", False),
        ("Why is japan not in nato?\n\nThe North Atlantic Treaty Organization ...", False),
    ],
)
def test_html_is_told_from_text(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_undeclared_cp1251_russian_stays_cyrillic() -> None:
    sentence = (
        "Москва является столицей России и крупнейшим городом страны по численности населения. "
    )
    text, encoding = decode_bytes((sentence * 4).encode("cp1251"))
    assert sentence in text and encoding == "cp1251"


def test_surrogate_test_finds_exactly_the_lone_surrogates() -> None:
    from articlegrade.source import has_surrogate

    for code in (0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0x41, 0xFFFD, 0x1F600):
        assert has_surrogate(f"ab{chr(code)}c") is (0xD800 <= code <= 0xDFFF), hex(code)
    assert read_source("a\ud83d b").text == "a\ufffd b"  # half an emoji pair is replaced


def test_control_count_on_bytes_is_the_character_count() -> None:
    # _reject_binary_text counts the control characters below 0x20 (white space excepted) on the
    # UTF-8 bytes; the count must be that of the characters, whatever else the text holds.
    import random
    import re

    from articlegrade import source

    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x20)] + ["a", " ", "é", "€", "𝔸", "\ud800", "\x7f", "\x85"]
    control = re.compile("[\x00-\x08\x0e-\x1f]")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert source._control_count(text) == len(control.findall(text)), repr(text)
    assert sorted(source._CONTROL_BYTES) == [*range(0x00, 0x09), *range(0x0E, 0x20)]
