"""Language resources: stop words (sumy's lists), a Snowball stemmer (nltk), the script, and for
scripts written without spaces between words a word segmenter.

Everything here ships inside the installed packages; nothing is downloaded. Chinese, Japanese and
Thai need their segmenter's extra (``pip install 'summarize[chinese]'``): without it, asking for
the language is an :class:`OptionsError` that names the extra, never a briefing of clauses.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import pkgutil
import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ._nltk import snowball
from .cues import CONNECTIVE_OPENERS, DANGLING_OPENERS, FRAMING_CUES, RESTATEMENT_OPENERS, ascii_variant

SnowballStemmer = snowball.SnowballStemmer

from .errors import OptionsError

__all__ = ["Language", "get_language", "languages_written_in", "supported_languages"]

# A written word: letters or digits, joined by inner hyphens, apostrophes or periods. Cleaning
# counts these; cues.TOKEN, which represent uses for terms, also joins at "&" ("AT&T" is one
# term). Made one, the cleaning counts of such words would change.
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_ASCII_WORD = ascii_variant(_WORD)  # the same words of ASCII text, found faster

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
# Scripts a language mixes in running text, where it is more than one.
_SCRIPT_FAMILIES = {
    "japanese": frozenset({"CJK", "HIRAGANA", "KATAKANA"}),
}
# Names news writes several ways. Matching is case-sensitive, so the pronoun "us" stays a stop
# word while "US" is the country. Each written form becomes one term, so "the US, Britain,
# Germany and France" and "the United States, the United Kingdom, France and Germany" share
# four terms, not two. Multi-word forms are replaced before words are found.
_NAME_ALIASES = {
    "english": {
        "us": ("US", "U.S", "USA", "U.S.A", "United States of America", "United States"),
        "uk": ("UK", "U.K", "Britain", "Great Britain", "United Kingdom"),
        "eu": ("EU", "E.U", "European Union"),
        "un": ("UN", "U.N", "United Nations"),
    },
}
_SUMY_STOP_WORD_LANGUAGES = (
    "arabic", "chinese", "czech", "english", "french", "german", "greek", "hebrew", "italian",
    "japanese", "korean", "polish", "portuguese", "slovak", "spanish", "swedish", "thai",
    "ukrainian",
)


def _jieba() -> Callable[[str], list[str]]:
    # jieba logs its dictionary loading at DEBUG to a stderr handler of its own, and its
    # pkg_resources import warns on new setuptools: neither is the user's business.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        jieba = importlib.import_module("jieba")
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    return lambda text: list(tokenizer.cut(text))


def _fugashi() -> Callable[[str], list[str]]:
    tagger = importlib.import_module("fugashi").Tagger()  # the UniDic of unidic-lite
    return lambda text: [word.surface for word in tagger(text)]


def _pythainlp() -> Callable[[str], list[str]]:
    word_tokenize = importlib.import_module("pythainlp.tokenize").word_tokenize
    return lambda text: list(word_tokenize(text, engine="newmm"))


#: Languages written without spaces between words: (the extra that installs the segmenter,
#: the modules it needs, what makes the segmenter). Jieba is the usual Chinese segmenter; fugashi
#: is MeCab with the UniDic of unidic-lite; PyThaiNLP's "newmm" is its default dictionary
#: segmenter, and its CRF model (python-crfsuite) finds Thai sentence ends (see split.py).
SEGMENTERS: dict[str, tuple[str, tuple[str, ...], Callable[[], Callable[[str], list[str]]]]] = {
    "chinese": ("chinese", ("jieba",), _jieba),
    "japanese": ("japanese", ("fugashi", "unidic_lite"), _fugashi),
    "thai": ("thai", ("pythainlp", "pycrfsuite"), _pythainlp),
}


@functools.lru_cache(maxsize=None)
def _segmenter(language: str) -> Callable[[str], Sequence[str]]:
    extra, modules, make = SEGMENTERS[language]
    missing = [module for module in modules if importlib.util.find_spec(module) is None]
    if missing:
        raise OptionsError(
            f"{language} is written without spaces between words and needs a word segmenter "
            f"({', '.join(missing)} not installed): pip install 'summarize[{extra}]'"
        )
    segment = make()

    # Each sentence is segmented by cleaning (its paragraph), by its tokens and by its word
    # count; a dictionary segmenter is the costly part of a run, so a text is segmented once.
    @functools.lru_cache(maxsize=1 << 14)
    def cached(text: str) -> tuple[str, ...]:
        return tuple(segment(text))

    return cached


def _sumy_stop_words(language: str) -> frozenset[str]:
    """sumy's stop-word list for ``language``, read from its package data as
    ``sumy.utils.get_stop_words`` reads it; importing ``sumy.utils`` would import requests and
    pycountry (0.05 s) to look up a name we give in full already."""
    if language not in _SUMY_STOP_WORD_LANGUAGES:
        return frozenset()
    data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt") or b""
    return frozenset(word.rstrip() for word in data.decode("utf-8").splitlines() if word)


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
    #: a sentence that opens with a match restates the one before it or relates itself to it (see
    #: :data:`summarize.cues.RESTATEMENT_OPENERS` and :data:`summarize.cues.CONNECTIVE_OPENERS`)
    leaning_opener: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    #: a sentence this matches only frames the story (see :data:`summarize.cues.FRAMING_CUES`), tried only when
    #: its lowercased text contains one of ``framing_keys``
    framing: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    framing_keys: tuple[str, ...] = ()
    stem: Callable[[str], str] = field(repr=False, compare=False)
    #: every script whose letters count as this language's (``script`` and the ones it mixes in)
    scripts: frozenset[str] = frozenset()
    #: splits text into words, for a script without spaces between them; ``None``: spaces do
    segment: Callable[[str], Sequence[str]] | None = field(default=None, repr=False, compare=False)
    #: written form of a name (one word, as written) → its term, e.g. ``"U.S"`` → ``"us"``
    name_terms: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: multi-word names (``"United States"``), each rewritten to a one-word form before words
    #: are found (``"US"``)
    long_names: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    short_forms: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: the first word of each multi-word name: a text holding none of them needs no rewriting
    long_name_heads: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def words(self, text: str) -> list[str]:
        """The written words of ``text`` (letters or digits; punctuation is not a word)."""
        if self.segment is None:
            return (_ASCII_WORD if text.isascii() else _WORD).findall(text)
        return [word for piece in self.segment(text) for word in _WORD.findall(piece)]

    def iter_words(self, text: str) -> Iterator[str]:
        """:meth:`words` one at a time, found as they are read: a caller that stops early does
        not pay for the rest of a long paragraph."""
        if self.segment is None:
            return (match.group() for match in (_ASCII_WORD if text.isascii() else _WORD).finditer(text))
        return iter(self.words(text))

    def word_count(self, text: str) -> int:
        """How many words ``text`` has, as budgets count them: spaced runs, or segmented words
        where the script has no spaces."""
        return len(text.split()) if self.segment is None else len(self.words(text))


def languages_written_in(script: str) -> tuple[str, ...]:
    """The supported languages whose running text is mostly in ``script`` (a Unicode script name's
    first word, e.g. ``"CYRILLIC"``), sorted; the Latin-script languages for ``"LATIN"``."""
    return tuple(name for name in supported_languages() if script in _scripts(name))


def _scripts(language: str) -> frozenset[str]:
    return _SCRIPT_FAMILIES.get(language, frozenset({_SCRIPTS.get(language, "LATIN")}))


def _leaning_opener(language: str) -> re.Pattern[str] | None:
    """One pattern for the restatement and connective openers of ``language``, if it has any."""
    openers = [table[language] for table in (RESTATEMENT_OPENERS, CONNECTIVE_OPENERS) if language in table]
    return re.compile("|".join(f"(?:{opener})" for opener in openers), re.IGNORECASE) if openers else None


@functools.lru_cache(maxsize=None)
def get_language(name: str) -> Language:
    """The resources for ``name`` (e.g. ``"english"``); :class:`OptionsError` if unsupported."""
    key = name.strip().lower()
    if key not in supported_languages():
        raise OptionsError(
            f"unsupported language {name!r}; choose one of: {', '.join(supported_languages())}"
        )
    stop_words = frozenset(word.lower() for word in _sumy_stop_words(key))
    if key in SnowballStemmer.languages:
        stem: Callable[[str], str] = functools.lru_cache(maxsize=1 << 18)(SnowballStemmer(key).stem)
    else:
        stem = str
    segment = _segmenter(key) if key in SEGMENTERS else None
    aliases = _NAME_ALIASES.get(key, {})
    framing = FRAMING_CUES.get(key)
    written = {form: term for term, forms in aliases.items() for form in forms}
    long_forms = sorted((form for form in written if " " in form), key=len, reverse=True)
    short_forms = {form: aliases[written[form]][0] for form in long_forms}
    return Language(
        name=key,
        stop_words=stop_words,
        script=_SCRIPTS.get(key, "LATIN"),
        scripts=_scripts(key),
        segment=segment,
        dangling_openers=DANGLING_OPENERS.get(key, frozenset()),
        leaning_opener=_leaning_opener(key),
        # ASCII case-insensitivity only: Unicode folding would let "AMİD" match while its
        # lower() holds no "amid", and the key gate would hide the match.
        framing=re.compile(framing[1], re.IGNORECASE | re.ASCII) if framing else None,
        framing_keys=framing[0] if framing else (),
        stem=stem,
        name_terms={form: term for form, term in written.items() if " " not in form},
        long_names=re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, long_forms))) if long_forms else None,
        short_forms=short_forms,
        long_name_heads=tuple(sorted({form.split(" ", 1)[0] for form in long_forms})),
    )
