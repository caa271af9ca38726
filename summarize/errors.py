"""Exception classes raised by the library.

Every error the library raises on purpose derives from :class:`SummarizeError`, so a caller can
catch one class. The CLI maps :class:`OptionsError` to exit status 2 (usage) and every other
:class:`SummarizeError` to exit status 1 (input problem).
"""

from __future__ import annotations

__all__ = ["SummarizeError", "InputError", "OptionsError", "NoSentencesError", "BatchIncompleteError", "too_large"]


class SummarizeError(Exception):
    """Base class of every error summarize raises on purpose."""


class InputError(SummarizeError):
    """A document or path cannot be used: missing, unreadable, binary, empty, too large."""


def too_large(subject: str, limit: int) -> InputError:
    """The one message for input over a byte limit, wherever it is found (a file, the inputs
    together, a URL, a batch line or set): it names both ways to raise the limit, since the
    library and the CLI share it."""
    return InputError(f"{subject} larger than the limit of {limit:,} bytes "
                      "(raise it with --max-bytes, or max_bytes= in Python)")


class NoSentencesError(InputError):
    """The documents were read but hold no sentence to summarize."""


class OptionsError(SummarizeError, ValueError):
    """An option is out of range: a budget of zero, an unknown language or format."""


class BatchIncompleteError(SummarizeError):
    """A batch stopped part-way: a worker process died or the connection to a cluster was lost.

    Every result yielded before it is complete; ``not_done`` names the sets that were in flight
    (every later set of the input is not done either), and ``reason`` says what happened.
    """

    def __init__(self, reason: str, *, done: int, not_done: tuple[str, ...]) -> None:
        self.reason, self.done, self.not_done = reason, done, not_done
        shown = ", ".join(repr(set_id) for set_id in not_done[:5]) + (", …" if len(not_done) > 5 else "")
        super().__init__(f"the batch stopped after {done:,} sets: {reason}; not done: {shown or 'none in flight'}"
                         " and every later set")
