"""Defaults and names the command line needs before it reads any input.

This module imports nothing heavy, so ``summarize --help``, ``--version`` and usage errors answer
without loading the pipeline (nltk, scipy, networkx): the stage modules take their defaults from
here, and a test checks that the lists below match what the libraries offer.
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_SENTENCES",
    "DEFAULT_TIMEOUT",
    "FORMAT_NAMES",
    "LANGUAGES",
    "LARGE_SET_CHARACTERS",
]

#: The briefing length when neither ``sentences`` nor ``words`` is given: one screen.
DEFAULT_SENTENCES = 6
#: Inputs larger than this in total are refused before they are read (``--max-bytes``).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: Seconds a download may take before it is given up.
DEFAULT_TIMEOUT = 30
#: A set with more text than this (about 7,000 sentences, a second or more) shows a progress bar
#: when one is asked for; below it a bar would only flicker.
LARGE_SET_CHARACTERS = 1_000_000
#: The output formats (:data:`summarize.render.FORMATS` renders each).
FORMAT_NAMES = ("html", "json", "markdown", "text")
#: Languages with a stop-word list (sumy) or a Snowball stemmer (nltk), as
#: :func:`summarize.language.supported_languages` computes them.
LANGUAGES = (
    "arabic", "chinese", "czech", "danish", "dutch", "english", "finnish", "french", "german",
    "greek", "hebrew", "hungarian", "italian", "japanese", "korean", "norwegian", "polish",
    "portuguese", "romanian", "russian", "slovak", "spanish", "swedish", "thai", "ukrainian",
)
