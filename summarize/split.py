"""Split: cut the content blocks of each document into sentences with character offsets.

NLTK's pretrained Punkt model (``punkt_tab``) is used when it is installed. Otherwise Punkt runs
with a list of English abbreviations of our own, so the project never needs ``nltk.download()``.
Punkt looks for a period and a space; Chinese and Japanese end sentences with 。！？ and no space,
so they are split at those marks, and Thai, which marks a sentence end with a space it also uses
inside sentences, by PyThaiNLP's CRF model (the ``thai`` extra).

Training Punkt on the input itself was tried and dropped: on the 25 DUC 2004 clusters it left
ROUGE unchanged (38.51 / 9.56 both ways), on 80 corpus articles it changed one split in 2,520,
on the five seeds (too little text) it learned "G7" and "fit" as abbreviations, and it cost
0.63 s of a 0.9 s run on 2,000 sentences.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from typing import TYPE_CHECKING

from ._logging import get_logger
from ._nltk import full_nltk, may_have_data, punkt

if TYPE_CHECKING:  # the same classes, named for the type checker (nltk has no type information)
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer
else:
    PunktLanguageVars = punkt.PunktLanguageVars
    PunktParameters = punkt.PunktParameters
    PunktSentenceTokenizer = punkt.PunktSentenceTokenizer

from .model import CleanedDocument, Sentence, collapse_whitespace, strip_span

__all__ = [
    "ABBREVIATIONS", "MAX_SENTENCE_WORDS", "SentenceSplitter", "Splitter", "WINDOW_CHARACTERS", "sentence_tokenizer",
    "split_documents",
]

logger = get_logger(__name__)

#: Abbreviations (lowercase, without their final period) after which a period ends no sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr sgt cpl pvt adm gov sen rep rev hon pres supt
    insp jr sr st mt ft ave blvd rd co corp inc ltd llc bros dept univ assn est approx vs etc
    no nos vol pp fig jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.s.a u.k u.n e.u a.m p.m e.g i.e cf al d.c n.y l.a
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")
#: A "sentence" longer than this (a line with no punctuation) is cut into pieces at spaces.
MAX_SENTENCE_WORDS = 80


class SentenceSplitter(Protocol):
    """What split needs of a sentence tokenizer: the spans of the sentences of a text."""

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]: ...


class _FullStopSplitter:
    """Sentences of Chinese or Japanese: each ends at a run of 。！？ (or ASCII ! and ?), with the
    closing quotes and brackets that follow it. An ASCII period ends none: in this text it is a
    decimal point, an abbreviation or a Latin-script name."""

    _END = re.compile(r"[。！？!?．]+[」』”’）)\]]*")

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        start = 0
        for match in self._END.finditer(text):
            yield from _trimmed(text, start, match.end())
            start = match.end()
        yield from _trimmed(text, start, len(text))


class _ThaiSplitter:
    """Sentences of Thai by PyThaiNLP's CRF sentence segmenter, located in the text in order."""

    def __init__(self) -> None:
        self._sent_tokenize = importlib.import_module("pythainlp.tokenize").sent_tokenize

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        position = 0
        for piece in self._sent_tokenize(text, engine="crfcut"):
            piece = piece.strip()
            found = text.find(piece, position) if piece else -1
            if found < 0:  # not verbatim (never seen): the rest stays one span, not lost
                break
            yield found, found + len(piece)
            position = found + len(piece)
        yield from _trimmed(text, position, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = strip_span(text, start, end)
    if start < end:
        yield start, end


class _LanguageVars(PunktLanguageVars):  # type: ignore[misc]  # nltk's class is Any to mypy
    """Punkt's defaults, with typographic closing quotes kept on the sentence they close."""

    _re_boundary_realignment = re.compile(r"[\"'”’»)\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def _pretrained(language: str) -> PunktSentenceTokenizer | None:
    if not may_have_data("tokenizers/punkt_tab"):  # the usual case: no import of nltk.data at all
        return None
    nltk = full_nltk()
    try:
        nltk.data.find(f"tokenizers/punkt_tab/{language}/")
    except LookupError:
        return None
    try:
        return nltk.tokenize.PunktTokenizer(language)
    except (LookupError, OSError, ValueError):  # a partial or broken installation
        logger.debug("punkt_tab for %s found but not loadable; using our own", language)
        return None


def sentence_tokenizer(language: str) -> SentenceSplitter:
    """The pretrained Punkt model if installed, else Punkt with our abbreviations; for Chinese,
    Japanese and Thai, their own splitter."""
    if language in ("chinese", "japanese"):
        return _FullStopSplitter()
    if language == "thai":
        return _ThaiSplitter()
    pretrained: SentenceSplitter | None = _pretrained(language)
    if pretrained is not None:
        return pretrained
    params = PunktParameters()
    params.abbrev_types.update(ABBREVIATIONS)
    tokenizer: SentenceSplitter = PunktSentenceTokenizer(params, lang_vars=_LanguageVars())
    return tokenizer


def _cut_long(text: str, start: int, end: int, limit: int = MAX_SENTENCE_WORDS) -> list[tuple[int, int]]:
    """Cut a span of more than ``limit`` words into verbatim pieces at spaces."""
    # str.split counts the same runs as the pattern (both split at str.isspace), in C and without
    # a match object per word: nearly every sentence is short, and this was 5% of a briefing.
    if len(text[start:end].split()) <= limit:
        return [(start, end)]
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= limit:
        return [(start, end)]
    pieces = []
    for first in range(0, len(words), limit):
        chunk = words[first : first + limit]
        pieces.append((start + chunk[0].start(), start + chunk[-1].end()))
    return pieces


#: Punkt's search for sentence endings slows down more than linearly on one long block, and nltk
#: gives it a time limit: 500 KB of "Yes. Yes. …" in one paragraph hits it. Longer blocks are cut
#: into windows of about this many characters first, after a sentence end where there is one.
#: No paragraph of the seeds or of DUC comes near it, so their sentences are unchanged.
WINDOW_CHARACTERS = 20_000
_WINDOW_END = re.compile(r"[.!?…。！？][\"'”’)\]]*\s+")


def _windows(text: str, start: int, end: int, size: int = WINDOW_CHARACTERS) -> Iterator[tuple[int, int]]:
    while end - start > size:
        limit = start + size
        ends = [match.end() for match in _WINDOW_END.finditer(text, limit - size // 4, limit)]
        if ends:
            cut = ends[-1]
        else:
            space = text.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else limit
        yield start, cut
        start = cut
    yield start, end


def _spans(tokenizer: SentenceSplitter, text: str, start: int, end: int,
           window: int = WINDOW_CHARACTERS) -> Iterator[tuple[int, int]]:
    """Punkt's sentence spans of ``text[start:end]``, as offsets in ``text``."""
    for window_start, window_end in _windows(text, start, end, window):
        try:
            spans = list(tokenizer.span_tokenize(text[window_start:window_end]))
        except TimeoutError:  # nltk's regex time limit: the window stays one span, cut by words
            spans = [(0, window_end - window_start)]
        for span_start, span_end in spans:
            yield window_start + span_start, window_start + span_end


@dataclass(frozen=True, kw_only=True)
class Splitter:
    """Sentences with their places: the settings of this module's splitting, held by
    :class:`~summarize.Summarizer`; :func:`split_documents` is :meth:`split` of the default.

    Parameters
    ----------
    max_sentence_words : int, default 80 (:data:`MAX_SENTENCE_WORDS`)
        A "sentence" longer than this (a line with no punctuation, a list run together) is cut
        into verbatim pieces at spaces, so a briefing never quotes a wall of text. No sentence
        of the DUC 2004 clusters or the seeds is that long, and the selector quotes 50 words at
        most anyway (:attr:`Selector.max_words`).
    window_characters : int, default 20,000 (:data:`WINDOW_CHARACTERS`)
        A block longer than this goes to Punkt in windows cut after a sentence end: Punkt's
        search slows down more than linearly on one long block and nltk gives it a time limit
        (500 KB of "Yes. Yes. …" hit it). No paragraph of the seeds or of DUC comes near it.
    """

    max_sentence_words: int = MAX_SENTENCE_WORDS
    window_characters: int = WINDOW_CHARACTERS

    def tokenizer(self, language: str) -> SentenceSplitter:
        """The sentence tokenizer for ``language`` (see :func:`sentence_tokenizer`)."""
        return sentence_tokenizer(language)

    def split(self, cleaned: Sequence[CleanedDocument], tokenizer: SentenceSplitter) -> list[Sentence]:
        """Sentences of every document, in document order, each located by offsets in its text."""
        return _split(cleaned, tokenizer, self.max_sentence_words, self.window_characters)


def split_documents(cleaned: Sequence[CleanedDocument], tokenizer: SentenceSplitter) -> list[Sentence]:
    """Sentences of every document, in document order, each located by offsets in its text."""
    return _split(cleaned, tokenizer, MAX_SENTENCE_WORDS, WINDOW_CHARACTERS)


def _split(cleaned: Sequence[CleanedDocument], tokenizer: SentenceSplitter, max_words: int,
           window: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    for item in cleaned:
        document = item.document
        position = 0
        for block in item.blocks:
            for span_start, span_end in _spans(tokenizer, document.text, block.start, block.end, window):
                for start, end in _cut_long(document.text, span_start, span_end, max_words):
                    text = collapse_whitespace(document.text[start:end])
                    if not any(char.isalnum() for char in text):
                        continue
                    sentences.append(
                        Sentence(
                            document=document.id,
                            paragraph=block.paragraph,
                            position=position,
                            start=start,
                            end=end,
                            text=text,
                        )
                    )
                    position += 1
    return sentences
