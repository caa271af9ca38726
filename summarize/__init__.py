"""summarize: extractive multi-document summarization with cited, verbatim briefings.

    from summarize import summarize, load_documents, render_briefing
    briefing = summarize(load_documents(["seeds/"]), sentences=5)
    print(render_briefing(briefing, "markdown"))
"""

from __future__ import annotations

import importlib

# Read as True by type checkers, False here: `summarize --version` need not import typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .errors import InputError, NoSentencesError, OptionsError, SummarizeError
    from .formats import document_from_html
    from .load import load_documents
    from .model import Briefing, BriefingSentence, Document
    from .pipeline import Summarizer, summarize
    from .render import render_briefing
    from .stories import group_stories, summarize_stories

__all__ = [
    "Briefing",
    "BriefingSentence",
    "Document",
    "InputError",
    "NoSentencesError",
    "OptionsError",
    "SummarizeError",
    "Summarizer",
    "document_from_html",
    "group_stories",
    "load_documents",
    "render_briefing",
    "summarize",
    "summarize_stories",
]
__version__ = "0.1.0"

# Each public name and the module that defines it. Modules load on first use (PEP 562), so
# `summarize --version` and `--help` do not wait for nltk and scipy to import.
_HOMES = {
    "Briefing": "model", "BriefingSentence": "model", "Document": "model",
    "InputError": "errors", "NoSentencesError": "errors", "OptionsError": "errors", "SummarizeError": "errors",
    "Summarizer": "pipeline", "summarize": "pipeline", "document_from_html": "formats",
    "group_stories": "stories", "summarize_stories": "stories", "load_documents": "load",
    "render_briefing": "render",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


# A library never configures logging: its logger's NullHandler is attached by the modules that
# log (summarize/_logging.py), so that importing the package imports no logging at all.
