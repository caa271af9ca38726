"""The dataclasses that flow between the pipeline stages.

Every stage takes and returns these small frozen records, so a sentence never forgets where it
came from: the document id and character offsets set by :mod:`summarize.split` travel unchanged
to the rendered briefing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import InputError

__all__ = ["METADATA_KEYS", "Document", "Block", "CleanedDocument", "Sentence", "document_numbers", "DateNote", "NameNote", "BriefingSentence", "Briefing", "Explanation", "Chosen", "Passed",
           "Restatement", "collapse_whitespace", "strip_span", "shown", "json_text"]

# Control characters count as white space: a quote must never carry a NUL or an escape sequence
# into a terminal or a page, and the verbatim check compares texts after this same folding.
_SPACE_RUN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b\ufeff]+")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inward past white space in ``text``, as ``str.strip`` would cut."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def collapse_whitespace(text: str) -> str:
    """Fold every run of white space (and control characters) into one space, and strip."""
    # Most sentences hold no white space but single ASCII spaces, and every other character the
    # pattern folds is non-printable: then folding changes nothing but the ends. The check is a
    # third of the regex's cost (20 ms of a 2,000-sentence run went to this function).
    if "  " not in text and text.isprintable():
        return text.strip()
    return _SPACE_RUN.sub(" ", text).strip()


_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that reorder what follows them (U+202E turns "[1] [2]" into "]2[ ]1["): they are
# dropped from what a reader sees; JSON keeps them, escaped.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What a terminal may act on and JSON leaves raw: C1 controls (U+009B starts an escape sequence
# like ESC [), line and paragraph separators, and the bidi controls above.
_JSON_UNSAFE = re.compile("[\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` as a reader is shown it, on one line: runs of white space and control characters
    (newlines, ESC, NUL, C1) become one space, and bidi controls are dropped, so no field of any
    input can start a new Markdown block, drive a terminal or reverse the citations after it."""
    return collapse_whitespace(_BIDI_CONTROLS.sub("", text))


def json_text(value: object, *, indent: int | None = None) -> str:
    """``json.dumps`` that keeps non-ASCII text readable but escapes what a terminal acts on."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


#: The metadata a document may carry beside its text: what a ``sources.json`` entry, a JSON-lines
#: record or a web page's own metadata may give it.
METADATA_KEYS = ("title", "source", "url", "date")


@dataclass(frozen=True, kw_only=True)
class Document:
    """One source document: its text exactly as read, and what is known about it."""

    id: str
    text: str
    title: str = ""
    path: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        # Checked where documents enter, so a NaN from a data frame or an id given as a number
        # fails here with its name, not deep in the pipeline with an AttributeError.
        if not isinstance(self.id, str) or not self.id:
            raise InputError(f"Document id must be a non-empty str, not {self.id!r}")
        if not isinstance(self.text, str):
            raise InputError(f"Document {self.id!r}: text must be a str, not {type(self.text).__name__} ({self.text!r:.40})")
        if self.title is None:
            object.__setattr__(self, "title", "")  # no title is an empty one
        for name in ("title", "path", "source", "url", "date"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"Document {self.id!r}: {name} must be a str or None, "
                                 f"not {type(value).__name__} ({value!r:.40})")
        for name in ("id", "text", "title", "path", "source", "url", "date"):
            value = getattr(self, name)
            if value and _SURROGATE.search(value):
                # A lone surrogate (from surrogateescape, or broken JSON) cannot be written as
                # UTF-8; U+FFFD takes its place, one character for one, so offsets still hold.
                object.__setattr__(self, name, _SURROGATE.sub("\ufffd", value))

    def __repr__(self) -> str:
        fields = [f"id={self.id!r}", f"title={self.title!r}", f"chars={len(self.text)}"]
        fields += [f"{name}={getattr(self, name)!r}" for name in ("source", "date", "url") if getattr(self, name)]
        return f"Document({', '.join(fields)})"


@dataclass(frozen=True, kw_only=True)
class Block:
    """A span of a document's text that cleaning kept as content (a paragraph or a line)."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class CleanedDocument:
    """A document and the spans of its text that cleaning kept as content, in text order: what
    cleaning hands to splitting (and to story grouping), so the two never travel apart."""

    document: Document
    blocks: tuple[Block, ...]


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """One sentence, located in its document by character offsets into ``Document.text``.
    ``document`` is the document's id, the one id type every stage and the briefing use
    (:func:`document_numbers` numbers them where arrays need numbers)."""

    document: str
    paragraph: int
    position: int
    start: int
    end: int
    text: str


def document_numbers(sentences: Sequence[Sentence]) -> list[int]:
    """Each sentence's document as a number, 0 for the first document met: sentences come in
    document order, so the numbers keep it (sources sorted by number are in input order)."""
    numbers: dict[str, int] = {}
    return [numbers.setdefault(sentence.document, len(numbers)) for sentence in sentences]


@dataclass(frozen=True, kw_only=True)
class DateNote:
    """A relative date in a quoted sentence ("Sunday", "yesterday": ``start``/``end`` offsets into
    the sentence's text) and the day it means (``date``, ISO 8601), from its article's date."""

    start: int
    end: int
    date: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "date": self.date}


@dataclass(frozen=True, kw_only=True)
class NameNote:
    """A person named by surname alone at their first mention in the briefing, or a "He" or
    "She" that opens a quoted sentence (``start``/``end`` offsets into the sentence's text, a
    possessive "'s" included), and the name the documents give them (``name``: the full name
    where they give one)."""

    start: int
    end: int
    name: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "name": self.name}


@dataclass(frozen=True, kw_only=True)
class BriefingSentence:
    """A sentence of the briefing: quoted from ``document`` and stated also by ``sources``.
    ``dates``: the relative dates in it and the days they mean, when its document is dated;
    ``names``: the persons it is the first to mention, by surname alone, with their full names."""

    text: str
    document: str
    start: int
    end: int
    score: float
    sources: tuple[str, ...]
    dates: tuple[DateNote, ...] = ()
    names: tuple[NameNote, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Restatement:
    """A sentence of another place judged to state a chosen sentence's fact (and so cited with
    it, never quoted after it), with its same-fact similarity to the chosen sentence."""

    document: str
    start: int
    end: int
    text: str
    similarity: float

    def to_dict(self) -> dict[str, object]:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text,
                "similarity": self.similarity}


@dataclass(frozen=True, kw_only=True)
class Chosen:
    """Why a line of the briefing is there: ``score`` is ``pagerank`` × each penalty's factor ×
    ``boost``. ``pagerank`` is the sentence's centrality in the similarity graph with a teleport
    toward early sentences; ``prior`` is that teleport weight against the average sentence's
    (above 1 for a lead). ``boost`` is 1 + the corroboration weight × the share of the other
    independent sources that state the fact (``sources`` documents in all; copies of one article
    count as one source, see :meth:`summarize.select.Selector.independent_sources`). ``rank`` is the place it was
    considered in (by boosted score); ``restates`` are the sentences it covers, most similar
    first (at most :data:`EXPLAINED_RESTATEMENTS`; ``restated`` counts them all)."""

    line: int
    rank: int
    document: str
    text: str
    score: float
    pagerank: float
    position: int
    prior: float
    penalties: tuple[tuple[str, float], ...]
    sources: int
    boost: float
    restates: tuple[Restatement, ...]
    restated: int

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line, "rank": self.rank, "document": self.document, "text": self.text,
            "score": self.score, "pagerank": self.pagerank, "position": self.position, "prior": self.prior,
            "penalties": [{"reason": reason, "factor": factor} for reason, factor in self.penalties],
            "sources": self.sources, "boost": self.boost,
            "restates": [restatement.to_dict() for restatement in self.restates], "restated": self.restated,
        }


@dataclass(frozen=True, kw_only=True)
class Passed:
    """A candidate that was not chosen, and why: it restates ``line`` (with ``similarity``; none
    for a copy of its words), or the budget was full before it was reached. ``penalties`` are
    what lowered its score, if anything."""

    rank: int
    document: str
    start: int
    end: int
    text: str
    score: float
    reason: str
    line: int | None = None
    similarity: float | None = None
    penalties: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "rank": self.rank, "document": self.document, "start": self.start, "end": self.end,
            "text": self.text, "score": self.score, "reason": self.reason, "line": self.line,
            "similarity": self.similarity,
            "penalties": [{"reason": reason, "factor": factor} for reason, factor in self.penalties],
        }


#: How many restated sentences an explanation lists per line, and how many passed candidates.
EXPLAINED_RESTATEMENTS = 10
EXPLAINED_PASSED = 10


@dataclass(frozen=True, kw_only=True)
class Explanation:
    """Why the briefing holds what it holds: each line's reasons, and the next candidates by
    score that were not chosen with the reason for each."""

    chosen: tuple[Chosen, ...]
    passed: tuple[Passed, ...]
    #: the corroboration weight and the same-fact threshold the selection used
    corroboration_weight: float
    same_fact: float

    def to_dict(self) -> dict[str, object]:
        return {
            "corroboration_weight": self.corroboration_weight,
            "same_fact": self.same_fact,
            "chosen": [chosen.to_dict() for chosen in self.chosen],
            "passed": [passed.to_dict() for passed in self.passed],
        }


@dataclass(frozen=True, kw_only=True)
class Briefing:
    """The result of :func:`summarize.summarize`: chosen sentences and the documents they cite."""

    title: str
    documents: tuple[Document, ...]
    sentences: tuple[BriefingSentence, ...] = field(default_factory=tuple)
    #: the language the documents were read in (the HTML page's ``lang``)
    language: str = "english"
    #: why these sentences, when asked for (``summarize(..., explain=True)``, ``--explain``)
    explain: Explanation | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        return (f"Briefing(title={self.title!r}, documents={len(self.documents)}, "
                f"sentences={len(self.sentences)}, language={self.language!r})")

    def to_dict(self) -> dict[str, object]:
        """The briefing as plain data (what ``-f json`` writes): title, documents with their
        metadata, sentences with their offsets and sources, and ``explain`` when asked for."""
        return {
            "title": self.title,
            "documents": [
                {"id": document.id, "path": document.path, "title": document.title, "source": document.source,
                 "url": document.url, "date": document.date}
                for document in self.documents
            ],
            "sentences": [
                {"text": sentence.text, "document": sentence.document, "start": sentence.start,
                 "end": sentence.end, "score": sentence.score, "sources": list(sentence.sources)}
                # Only where there are some: undated input keeps the shape it always had.
                | ({"dates": [note.to_dict() for note in sentence.dates]} if sentence.dates else {})
                | ({"names": [note.to_dict() for note in sentence.names]} if sentence.names else {})
                for sentence in self.sentences
            ],
        } | ({"explain": self.explain.to_dict()} if self.explain is not None else {})

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON with a final newline: the bytes of ``-f json``. For
        Markdown, HTML and text, see :func:`summarize.render_briefing`."""
        return json_text(self.to_dict(), indent=2) + "\n"
