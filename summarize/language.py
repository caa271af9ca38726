"""Language resources: stop words (sumy's lists), a Snowball stemmer (nltk) and the script.

Everything here ships inside the installed packages; nothing is downloaded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable

from nltk.stem.snowball import SnowballStemmer
from sumy.utils import get_stop_words

from .errors import OptionsError

__all__ = ["Language", "get_language", "supported_languages"]

# The Unicode script a language is written in, as the first word of its letters' Unicode names.
_SCRIPTS = {
    "arabic": "ARABIC",
    "bulgarian": "CYRILLIC",
    "chinese": "CJK",
    "greek": "GREEK",
    "hebrew": "HEBREW",
    "japanese": "CJK",
    "korean": "HANGUL",
    "russian": "CYRILLIC",
    "thai": "THAI",
    "ukrainian": "CYRILLIC",
}
# Words that, opening a sentence, lean on the sentence before it ("These efforts", "But",
# "However"): quoted alone in a briefing, such a sentence reads as a dangling reference.
# Personal pronouns ("He said", "They") are not in the list: news names its subject once and
# goes on with "he", and penalising those sentences cost 0.2 ROUGE-1 on DUC 2004 (38.77 / 9.55
# with them, 38.95 / 9.61 without).
_DANGLING_OPENERS = {
    "english": frozenset(
        """
        this these that those
        but however so also and or nor yet still then thus hence therefore meanwhile instead
        additionally moreover furthermore nevertheless nonetheless besides otherwise likewise
        similarly accordingly consequently afterwards later finally
        """.split()
    ),
}
_SUMY_STOP_WORD_LANGUAGES = (
    "arabic", "chinese", "czech", "english", "french", "german", "greek", "hebrew", "italian",
    "japanese", "korean", "polish", "portuguese", "slovak", "spanish", "swedish", "thai",
    "ukrainian",
)


def supported_languages() -> tuple[str, ...]:
    """Languages with a stop-word list or a stemmer (sorted)."""
    stemmed = set(SnowballStemmer.languages) - {"porter"}
    return tuple(sorted(stemmed | set(_SUMY_STOP_WORD_LANGUAGES)))


@dataclass(frozen=True, kw_only=True)
class Language:
    """What the pipeline needs to know about a language."""

    name: str
    stop_words: frozenset[str]
    script: str
    dangling_openers: frozenset[str] = frozenset()
    stem: Callable[[str], str] = field(repr=False, compare=False)


@functools.lru_cache(maxsize=None)
def get_language(name: str) -> Language:
    """The resources for ``name`` (e.g. ``"english"``); :class:`OptionsError` if unsupported."""
    key = name.strip().lower()
    if key not in supported_languages():
        raise OptionsError(
            f"unsupported language {name!r}; choose one of: {', '.join(supported_languages())}"
        )
    try:
        stop_words = frozenset(word.lower() for word in get_stop_words(key))
    except LookupError:
        stop_words = frozenset()
    if key in SnowballStemmer.languages:
        stem: Callable[[str], str] = functools.lru_cache(maxsize=1 << 18)(SnowballStemmer(key).stem)
    else:
        stem = str
    return Language(
        name=key,
        stop_words=stop_words,
        script=_SCRIPTS.get(key, "LATIN"),
        dangling_openers=_DANGLING_OPENERS.get(key, frozenset()),
        stem=stem,
    )
