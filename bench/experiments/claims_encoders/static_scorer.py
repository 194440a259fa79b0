"""Torch-free static sentence vectors: BERT-uncased word-piece tokenizer in pure Python + a table.

Used from /work/venv (numpy only) by timing_static.py. ``WordPiece(vocab).ids(text)`` reproduces
the HF tokenizer of all-MiniLM-L6-v2 (BertNormalizer lowercase, no accent stripping since
strip_accents=None+lowercase means strip; BertPreTokenizer; greedy longest-match WordPiece, '##'
continuation, [UNK] for unmatched words, max 100 chars/word). ``embed(texts)`` = mean of table rows
(L2-normalised), the same vectors classify.py trained on (the "inp" and "m2v" representations).
The tables are read from <work>/static, written by embed.py and embed_static.py.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


_PLAIN = re.compile(r"[ -~\t\n\r]*")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")


class WordPiece:
    def __init__(self, vocab: list[str]):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.unk = self.vocab["[UNK]"]
        self.cache: dict[str, list[int]] = {}

    def _normalize(self, text: str) -> str:
        out = []
        for ch in text:
            cp = ord(ch)
            if (
                cp == 0
                or cp == 0xFFFD
                or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r")
            ):
                continue
            if ch in " \t\n\r" or unicodedata.category(ch) == "Zs":
                out.append(" ")
            elif _is_cjk(cp):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        text = "".join(out).lower()
        # lowercase=True with strip_accents=None strips accents (NFD, drop Mn)
        text = unicodedata.normalize("NFD", text)
        return "".join(c for c in text if unicodedata.category(c) != "Mn")

    def _word(self, word: str) -> list[int]:
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        if len(word) > 100:
            res = [self.unk]
        else:
            res, start = [], 0
            while start < len(word):
                end = len(word)
                cur = None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.vocab:
                        cur = self.vocab[piece]
                        break
                    end -= 1
                if cur is None:
                    res = [self.unk]
                    break
                res.append(cur)
                start = end
        self.cache[word] = res
        return res

    def ids(self, text: str) -> list[int]:
        if _PLAIN.fullmatch(text):  # printable ASCII: BERT's rules reduce to one regex
            out: list[int] = []
            for tok in _ASCII_TOKEN.findall(text.lower()):
                out.extend(self._word(tok))
            return out
        out = []
        for chunk in self._normalize(text).split():
            word = []
            for ch in chunk:
                if _is_punct(ch):
                    if word:
                        out.extend(self._word("".join(word)))
                        word = []
                    out.extend(self._word(ch))
                else:
                    word.append(ch)
            if word:
                out.extend(self._word("".join(word)))
        return out


class StaticEmbedder:
    def __init__(self, table: np.ndarray, vocab: list[str], dims: int | None = None):
        self.table = table if dims is None else table[:, :dims]
        self.table = np.ascontiguousarray(self.table)
        self.wp = WordPiece(vocab)

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, t in enumerate(texts):
            ids = self.wp.ids(t)
            if ids:
                v = self.table[ids].mean(axis=0, dtype=np.float32)
                out[i] = v / (np.linalg.norm(v) + 1e-8)
        return out


def load(static: Path, kind: str = "inp", dims: int | None = None) -> StaticEmbedder:
    """The "inp" (input embeddings) or "m2v" table from the folder ``static``, as float16."""
    if kind == "inp":
        table = np.load(static / "input_embeddings.npy")
        vocab = (static / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    else:
        table = np.load(static / "m2v_table.npy")
        vocab = (static / "m2v_vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    return StaticEmbedder(table.astype(np.float16), vocab, dims)
