"""Exception classes raised by the library.

Every error the library raises on purpose derives from :class:`SummarizeError`, so a caller can
catch one class. The CLI maps :class:`OptionsError` to exit status 2 (usage) and every other
:class:`SummarizeError` to exit status 1 (input problem).
"""

from __future__ import annotations

__all__ = ["SummarizeError", "InputError", "OptionsError", "NoSentencesError"]


class SummarizeError(Exception):
    """Base class of every error summarize raises on purpose."""


class InputError(SummarizeError):
    """A document or path cannot be used: missing, unreadable, binary, empty, too large."""


class NoSentencesError(InputError):
    """The documents were read but hold no sentence to summarize."""


class OptionsError(SummarizeError, ValueError):
    """An option is out of range: a budget of zero, an unknown language or format."""
