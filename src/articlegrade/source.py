"""Turn what the caller passed (str, bytes or a path) into decoded text, and tell HTML from text.

- ``str`` is always content, never a file name.
- ``bytes`` is a raw page: decoded from a byte-order mark, else from the charset the page declares
  (``<meta charset>``, ``http-equiv`` content type or an XML declaration) when the bytes really decode
  with it, else from charset-normalizer's guess. Undecodable bytes never raise a decoding error.
- ``os.PathLike`` is a file to read as bytes.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, NotTextError

#: Magic numbers of common binary formats a crawler returns instead of a page.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x7fELF", "an executable"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)

# Markup that only HTML has: a doctype, or any of the common structural / text tags.
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|article|main|section|span|h[1-6]|br|meta|title"
    r"|table|ul|ol|li|a\s|img|script|style|header|footer|nav)\b",
    re.IGNORECASE,
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """True when ``text`` holds a lone surrogate (U+D800..U+DFFF), the only characters UTF-8
    cannot encode: asking the encoder is several times faster than a regex scan."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded input: ``text``, whether it ``is_html``, the ``encoding`` used (None for str input)
    and the ``path`` it came from (None unless a path was given)."""

    text: str
    is_html: bool
    encoding: str | None = None
    path: str | None = None


def read_source(source: str | bytes | os.PathLike) -> Document:
    """Decode ``source`` and decide whether it is HTML or plain text.

    Raises ``InputError`` for an unreadable file or an unsupported type and ``NotTextError`` for
    binary content.
    """
    path: str | None = None
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        try:
            data: bytes | str = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory, not a page") from None
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, str):
        data = source
    else:
        raise InputError(
            f"expected str (content), bytes (a raw page) or a path, got {type(source).__name__}"
        )

    encoding: str | None = None
    if isinstance(data, bytes):
        text, encoding = decode_bytes(data)
    else:
        text = data
    _reject_binary_text(text)
    if has_surrogate(text):  # a str with lone surrogates cannot be encoded or parsed
        text = _SURROGATE.sub("\ufffd", text)
    return Document(text=text, is_html=looks_like_html(text), encoding=encoding, path=path)


#: Largest page a gzip-compressed input may inflate to (guards against decompression bombs).
MAX_INFLATED_BYTES = 64 * 1024 * 1024


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_INFLATED_BYTES)
    except zlib.error:
        raise NotTextError("the input is damaged gzip-compressed data") from None
    if inflater.unconsumed_tail:
        raise NotTextError("the input inflates to more than 64 MiB: refused") from None
    return out


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a raw page; return ``(text, encoding)``. Never raises a decoding error.

    Gzip-compressed bytes (a saved ``.html.gz`` page) are inflated first.
    """
    if data.startswith(b"\x1f\x8b"):
        data = _gunzip(data)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotTextError(f"the input is {what}, not a web page or text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name.replace("-sig", "")

    declared = _declared_charset(data[:4096])
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # the page lies about its charset or names an unknown one: detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not _looks_utf16(data[:4096]):
        raise NotTextError("the input is binary data, not a web page or text")

    from charset_normalizer import from_bytes  # imported here: only undeclared non-UTF-8 needs it

    results = from_bytes(data)
    best = results.best()
    if best is not None:
        best = _prefer_cp1252(results, best)
        return str(best), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"


#: How much more "chaos" (charset-normalizer's mess ratio) windows-1252 may show than the best guess
#: and still be preferred: Western pages are the common case, and on short Latin text the detector
#: often ranks a Baltic or Central-European code page first ("après" read as cp1257 "aprčs").
_CP1252_SLACK = 0.05


def _prefer_cp1252(results, best):
    """Take windows-1252 over the best guess when it reads the bytes about as cleanly."""
    if best.encoding == "cp1252":
        return best
    for match in results:
        if (
            match.encoding == "cp1252"
            and match.chaos <= best.chaos + _CP1252_SLACK
            and match.coherence >= best.coherence
        ):
            return match
    return best


def _declared_charset(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").strip().lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read pages declared latin-1 / ascii as windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def _looks_utf16(head: bytes) -> bool:
    """Unmarked UTF-16 text: every other byte is NUL."""
    return len(head) >= 4 and (
        head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4
    )


#: The control characters counted as a sign of binary data, as bytes: C0 controls other than tab,
#: line feed, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes(range(0x20)).translate(None, b"\t\n\x0b\x0c\r")


def _control_count(text: str) -> int:
    """How many characters of ``text`` are in ``_CONTROL_BYTES``, counted on its UTF-8 bytes
    (faster than a regex over the text): a byte below 0x20 in UTF-8 is always that character
    itself, never part of a longer character's encoding."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _reject_binary_text(text: str) -> None:
    sample = text[:8192]
    if not sample:
        return
    controls = _control_count(sample)
    if "\x00" in sample or controls > max(8, len(sample) // 20):
        raise NotTextError("the input is binary data, not a web page or text")


def looks_like_html(text: str) -> bool:
    """True when ``text`` carries HTML markup (a doctype or at least two common tags)."""
    head = text[:20000]
    for found, _ in enumerate(_HTML_TAG.finditer(head), 1):
        if found >= 2:
            return True
    return head.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
