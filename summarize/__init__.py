"""summarize: extractive multi-document summarization with cited, verbatim briefings.

    from summarize import summarize, load_documents
    briefing = summarize(load_documents(["seeds/"]), sentences=5)
    print(briefing.to_markdown())
"""

from __future__ import annotations

import logging

from .errors import InputError, NoSentencesError, OptionsError, SummarizeError
from .formats import document_from_html
from .load import load_documents
from .model import Briefing, BriefingSentence, Document
from .pipeline import Summarizer, summarize
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
    "summarize",
    "summarize_stories",
]
__version__ = "0.1.0"

# A library never configures logging; the application (our CLI, or the caller's) does.
logging.getLogger(__name__).addHandler(logging.NullHandler())
