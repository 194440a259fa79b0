"""Typed errors raised by the library.

Every error carries a short machine-readable ``code`` (used as the ``reason`` column of a batch row)
and a human message. The CLI turns them into one-line messages; it never shows a traceback for them.
"""

from __future__ import annotations


class ArticlegradeError(Exception):
    """Base class of every error articlegrade raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ArticlegradeError):
    """The input could not be read (missing file, unsupported type)."""

    code = "unreadable"


class NotTextError(InputError):
    """The input is not text: a binary file (image, PDF, archive) or bytes that decode to garbage."""

    code = "not_text"


class NoArticleError(ArticlegradeError):
    """Cleaning left no article: the page was empty, only markup, or only boilerplate.

    ``removed`` holds the lines that were taken out, so a caller can see why nothing was left.
    """

    code = "no_article"

    def __init__(self, message: str, removed: tuple = ()) -> None:
        super().__init__(message)
        self.removed = removed


class TooLongError(ArticlegradeError):
    """The article left after cleaning is longer than ``grading.MAX_WORDS``: not graded."""

    code = "too_long"


class DocumentTimeout(ArticlegradeError):
    """Grading one page took longer than its time limit."""

    code = "timeout"


class ModelError(ArticlegradeError):
    """A model file is missing, damaged, tampered with, or does not fit this version."""

    code = "model_error"
