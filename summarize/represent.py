"""Represent: sentences as stemmed content words and as L2-normalised TF-IDF vectors.

Words are lowercased, stop words (sumy's list for the language) dropped, the rest stemmed with
nltk's Snowball stemmer. Numbers and acronyms stay tokens (``g7``, ``2008``, ``a.m``): news turns
on them, and a country or union written several ways is one term (``US``, ``U.S.``, ``United
States`` are all ``us``). IDF is computed over documents, not sentences, so a term every source
repeats is not mistaken for a rare one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from types import MappingProxyType

import numpy as np
import scipy.sparse as sp

from .cues import depends_on_context, frames_the_story, tokens
from .language import Language
from .model import Sentence, document_numbers

__all__ = ["Representation", "tokenize", "represent"]

_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, kw_only=True, eq=False)
class Representation:
    """Per sentence: its content-word stems and word count; together: the TF-IDF matrix
    (one L2-normalised row a sentence: term presence times document IDF) and the vocabulary of
    its columns.

    ``fact_matrix`` is a second view for telling whether two sentences state the same fact:
    term presence weighted by IDF over sentences. Across a few paraphrased sources nearly every
    story word is in every document, so document IDF barely separates "NATO" from "umbrella";
    sentence IDF does, and paraphrases of one fact stand out from sentences merely on topic.

    Nothing in it can be changed (tuples, a read-only mapping, read-only arrays including the
    matrices' values): every later stage reads it and none may change what another one sees.
    """

    terms: tuple[tuple[str, ...], ...]
    #: ``terms`` with ``""`` where a stop word stood, so words side by side can be told from
    #: words that only follow each other (the story grouper's word pairs)
    gapped_terms: tuple[tuple[str, ...], ...]
    word_counts: np.ndarray
    dependent: np.ndarray
    framing: np.ndarray
    matrix: sp.csr_matrix
    fact_matrix: sp.csr_matrix
    vocabulary: Mapping[str, int]
    idf: np.ndarray

    def __post_init__(self) -> None:
        for array in (self.word_counts, self.dependent, self.framing, self.idf, self.matrix.data,
                      self.fact_matrix.data):
            array.setflags(write=False)


def tokenize(text: str, language: Language, cache: dict[str, str] | None = None, *,
             keep_gaps: bool = False) -> list[str]:
    """The stemmed content words of ``text``, in order. ``cache`` (word as written → term, ``""``
    for a stop word) lets a caller tokenizing many sentences stem each distinct word once.
    With ``keep_gaps`` a stop word leaves ``""`` in its place, so a caller can tell words that
    stand side by side (a phrase) from words that only follow each other."""
    known = {} if cache is None else cache
    # The heads gate the pattern: a substring test is far cheaper than the search, and few
    # sentences name "United States" or "European Union".
    if language.long_names is not None and any(head in text for head in language.long_name_heads):
        text = language.long_names.sub(lambda match: language.short_forms[match.group()], text)
    if language.segment is None:
        words = tokens(text)
    else:  # a script without spaces: the segmenter finds the words, the pattern drops punctuation
        words = [word for piece in language.segment(text) for word in tokens(piece)]
    for word in words:
        if word not in known:
            known[word] = _term(word, language)
    # Whole-list lookups: a loop that appends term by term cost a third of tokenizing.
    if keep_gaps:
        return list(map(known.__getitem__, words))
    return [term for term in map(known.__getitem__, words) if term]


def _term(word: str, language: Language) -> str:
    # (Called once per distinct word; the cheap tests guard the character loop, which most
    # words do not need.)
    possessive = word.endswith(_POSSESSIVE)
    name = language.name_terms.get(word[:-2] if possessive else word)  # "Britain's" is Britain too
    if name is not None:
        return name
    lowered = word.lower()
    if lowered.endswith(_POSSESSIVE):
        lowered = lowered[:-2]
    lowered = lowered.replace("’", "'")
    if not lowered or lowered in language.stop_words:
        return ""
    # Acronyms and numbers are kept whole: Snowball would turn "u.s" into "u." and "1990s" into "1990".
    if "." in lowered or (not lowered.isalpha() and any(char.isdigit() for char in lowered)):
        return lowered
    return language.stem(lowered)


def represent(sentences: Sequence[Sentence], language: Language) -> Representation:
    """TF-IDF vectors of ``sentences`` with IDF over the documents they come from."""
    cache: dict[str, str] = {}
    gapped_terms = [tokenize(sentence.text, language, cache, keep_gaps=True) for sentence in sentences]
    terms = [list(filter(None, gapped)) for gapped in gapped_terms]
    word_counts = np.array([language.word_count(s.text) for s in sentences], dtype=np.int32)
    dependent = np.array([depends_on_context(s.text, language) for s in sentences], dtype=bool)
    framing = np.array([frames_the_story(s.text, language) for s in sentences], dtype=bool)
    # Columns in the order terms first appear.
    codes = TermNumbers()
    cols = np.fromiter(map(codes.__getitem__, chain.from_iterable(terms)), dtype=np.int64)
    vocabulary = dict(codes)
    rows = np.repeat(np.arange(len(sentences), dtype=np.int64), [len(t) for t in terms])
    doc_of_row = np.array(document_numbers(sentences), dtype=np.int64)
    n_docs = len(set(doc_of_row.tolist())) or 1
    # Document frequency: distinct (document, term) pairs, counted per term.
    width = max(len(vocabulary), 1)
    pairs = np.unique(doc_of_row[rows] * width + cols)
    df = np.bincount(pairs % width, minlength=len(vocabulary)).astype(float)
    # Smoothed IDF, as scikit-learn's: a term in every document keeps a weight of 1, not 0.
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    counts = sp.csr_matrix(
        (np.ones(len(rows)), (rows, cols)),
        shape=(len(sentences), len(vocabulary)),
    )
    counts.sum_duplicates()
    # Binary TF: within one sentence a repeated word is rarely more central. On DUC 2004 presence
    # gave 38.63 / 9.79 (ROUGE-1 / 2) against 38.51 / 9.56 for sublinear TF (1 + log tf).
    presence = counts.copy()
    presence.data[:] = 1.0
    matrix = _l2_normalized(presence.multiply(idf[np.newaxis, :]).tocsr())
    sentence_frequency = np.bincount(presence.indices, minlength=len(vocabulary))
    sentence_idf = np.log((1.0 + len(sentences)) / (1.0 + sentence_frequency)) + 1.0
    fact_matrix = _l2_normalized(presence.multiply(sentence_idf[np.newaxis, :]).tocsr())
    return Representation(
        terms=tuple(tuple(sentence_terms) for sentence_terms in terms),
        gapped_terms=tuple(tuple(gapped) for gapped in gapped_terms),
        word_counts=word_counts,
        dependent=dependent,
        framing=framing,
        matrix=matrix,
        fact_matrix=fact_matrix,
        vocabulary=MappingProxyType(vocabulary),
        idf=idf,
    )


class TermNumbers(dict[str, int]):
    """Term → number, 0, 1, 2 … in the order terms are first looked up: looking up a new term
    numbers it, so ``map(numbers.__getitem__, terms)`` numbers a whole list with the lookups in C
    (a setdefault per word was 15 ms at 2,000 sentences). ``preset`` terms keep the numbers given
    (the story vectors give the stop-word gap ``""`` -1) and take none of the count."""

    def __init__(self, preset: Mapping[str, int] | None = None) -> None:
        super().__init__(preset or {})
        self._preset = len(self)

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self) - self._preset
        return number


def _l2_normalized(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)
