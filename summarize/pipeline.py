"""The pipeline: load → clean → split → represent → rank → select, and the public ``summarize``."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ._logging import get_logger
from .clean import Cleaner, language_mismatch
from .dates import relative_dates, written_dates
from .defaults import DEFAULT_SENTENCES, LARGE_SET_CHARACTERS
from .errors import NoSentencesError, OptionsError
from .explain import explain as explain_choice
from .language import Language, get_language
from .load import as_documents
from .model import Briefing, BriefingSentence, CleanedDocument, DateNote, Document, NameNote, Sentence
from .names import PronounNotes, surname_notes
from .rank import Ranking, TextRank
from .represent import Representation, represent
from .select import Budget, Selection, Selector
from .split import Splitter

__all__ = ["DEFAULT_SENTENCES", "LARGE_SET_CHARACTERS", "Summarizer", "summarize"]

logger = get_logger(__name__)

_STAGES = ("clean", "split", "represent", "stories", "rank", "select")


@dataclass(frozen=True, kw_only=True)
class Summarizer:
    """The whole pipeline, one method a stage, so a variant or a benchmark can run or replace
    any stage alone. :func:`summarize` is this with its defaults.

    Parameters
    ----------
    language : str, default "english"
        Stop words, stemmer, script and cues (:func:`summarize.language.get_language`).
    cleaner : Cleaner
        Which paragraphs are content (:class:`summarize.clean.Cleaner`, every threshold named).
    splitter : Splitter
        Sentence splitting limits (:class:`summarize.split.Splitter`).
    ranker : TextRank
        The graph and PageRank (:class:`summarize.rank.TextRank`).
    selector : Selector
        Redundancy, corroboration, budget and order (:class:`summarize.select.Selector`).
    warn_mixed_stories : bool, default True
        Log a warning when the documents clearly tell several unrelated stories (off where the
        caller has grouped them into stories already).
    warn_other_language : bool, default True
        Log a warning when the documents do not read as ``language``
        (:func:`summarize.clean.language_mismatch`; off where the caller has checked the whole
        input already, as :func:`summarize.stories.brief_stories` does for its stories).
    """

    language: str = "english"
    cleaner: Cleaner = field(default_factory=Cleaner)
    splitter: Splitter = field(default_factory=Splitter)
    ranker: TextRank = field(default_factory=TextRank)
    selector: Selector = field(default_factory=Selector)
    warn_mixed_stories: bool = True
    warn_other_language: bool = True

    @property
    def resources(self) -> Language:
        return get_language(self.language)

    def clean(self, documents: Sequence[Document]) -> list[CleanedDocument]:
        """Each document's content blocks, and its title (see :meth:`Cleaner.clean`)."""
        return [self.cleaner.clean(document, self.resources) for document in documents]

    def split(self, cleaned: Sequence[CleanedDocument]) -> list[Sentence]:
        return self.splitter.split(cleaned, self.splitter.tokenizer(self.resources.name))

    def represent(self, sentences: Sequence[Sentence]) -> Representation:
        return represent(sentences, self.resources)

    def rank(self, sentences: Sequence[Sentence], representation: Representation) -> Ranking:
        return self.ranker.rank(sentences, representation)

    def select(
        self,
        sentences: Sequence[Sentence],
        representation: Representation,
        ranking: Ranking,
        budget: Budget,
        dates: Mapping[str, dt.date] | None = None,
        leans: Callable[[int], bool] | None = None,
    ) -> list[Selection]:
        return self.selector.select(sentences, representation, ranking, budget, dates, leans)

    def pronouns(self, documents: Sequence[Document], sentences: Sequence[Sentence]) -> PronounNotes | None:
        """Who the "He" or "She" opening each sentence is, for the selector (which passes over a
        sentence it cannot name) and the briefing (which notes the name); see
        :class:`~summarize.names.PronounNotes`. ``None`` for languages other than English: the
        pronouns and the evidence are English words."""
        if self.resources.name != "english":
            return None
        return PronounNotes(sentences, "\n\n".join(document.text for document in documents), self.resources.stop_words)

    def warn_if_several_stories(self, documents: Sequence[Document], sentences: Sequence[Sentence],
                                representation: Representation,
                                on_warning: Callable[[str], None] | None = None) -> None:
        """Log one warning (or hand it to ``on_warning``) when the documents clearly tell
        unrelated stories: one briefing would mix them, and :func:`summarize.summarize_stories`
        briefs each apart. Each document's paragraphs are read off the sentences' terms, not
        tokenized a second time."""
        if len(documents) < 4:  # two stories of two documents each, at the least
            return
        from .stories import MIXED_INPUT_THRESHOLD, StoryGrouper, several_stories, stories_at

        position = {document.id: number for number, document in enumerate(documents)}
        paragraphs: list[list[list[str]]] = [[] for _ in documents]
        last: tuple[str, int] | None = None
        for sentence, gapped in zip(sentences, representation.gapped_terms, strict=True):
            if (sentence.document, sentence.paragraph) != last:
                paragraphs[position[sentence.document]].append([])
                last = (sentence.document, sentence.paragraph)
            paragraphs[position[sentence.document]][-1].extend(gapped)
        grouper = StoryGrouper()
        loose, found = stories_at(documents, paragraphs, [MIXED_INPUT_THRESHOLD, grouper.threshold], grouper)
        if several_stories(loose):
            _warn(f"the input seems to tell {len(found)} unrelated stories; one briefing will mix them "
                  "(--stories, or summarize_stories() in Python, briefs each apart)", on_warning)

    def warn_if_other_language(self, sentences: Sequence[Sentence],
                               on_warning: Callable[[str], None] | None = None) -> None:
        """Log one warning (or hand it to ``on_warning``) when the sentences do not read as the
        summarizer's language (see :func:`summarize.clean.language_mismatch`)."""
        reason = language_mismatch((sentence.text for sentence in sentences), self.resources)
        if reason is not None:
            _warn(reason, on_warning)

    def briefing(
        self,
        documents: Sequence[Document],
        sentences: Sequence[Sentence],
        selections: Sequence[Selection],
        dates: Mapping[str, dt.date] | None = None,
        pronouns: PronounNotes | None = None,
    ) -> Briefing:
        """The briefing of the chosen sentences, with the notes beside each quote: the days its
        relative dates mean (``dates``: document id → the day it was written, see
        :func:`~summarize.dates.written_dates`; found from ``documents`` when not given), the full names of the
        people it is first to mention by surname, and who an opening "He" or "She" is
        (``pronouns``: from :meth:`pronouns` over ``sentences``, made here when not given)."""
        written = written_dates(documents) if dates is None else dates

        def notes(sentence: Sentence) -> tuple[DateNote, ...]:
            day = written.get(sentence.document)
            return relative_dates(sentence.text, day, self.resources.name) if day else ()

        quoted = [sentences[selection.index].text for selection in selections]
        names: list[tuple[NameNote, ...]] = [() for _ in quoted]
        pronouns = self.pronouns(documents, sentences) if pronouns is None else pronouns
        if pronouns is not None:
            names = surname_notes(quoted, pronouns.text, self.resources.stop_words)
            for number, selection in enumerate(selections):
                pronoun = pronouns.note(selection.index)
                if pronoun is not None:
                    names[number] = (pronoun, *names[number])
        chosen = tuple(
            BriefingSentence(
                text=sentences[selection.index].text,
                document=sentences[selection.index].document,
                start=sentences[selection.index].start,
                end=sentences[selection.index].end,
                score=round(selection.score, 6),
                sources=selection.sources,
                dates=notes(sentences[selection.index]),
                names=people,
            )
            for selection, people in zip(selections, names, strict=True)
        )
        return Briefing(title=_briefing_title(documents, chosen), documents=tuple(documents), sentences=chosen,
                        language=self.resources.name)

    def __call__(
        self,
        documents: Sequence[Document | str | os.PathLike[str]],
        *,
        sentences: int | None = None,
        words: int | None = None,
        progress: bool = False,
        explain: bool = False,
        on_stage: Callable[[str], None] | None = None,
        allow_overrun: bool = False,
        on_warning: Callable[[str], None] | None = None,
    ) -> Briefing:
        """The briefing of ``documents``. With ``progress``, a large set (see
        :data:`LARGE_SET_CHARACTERS`) shows its stages on a progress bar on stderr. ``on_stage``
        is called with each stage's name as it starts (``clean``, ``split``, ``represent``,
        ``stories`` (the mixed-stories check, when on), ``rank``, ``select``) and with ``"done"``
        at the end: the benchmarks time the stages
        through it instead of running them one by one themselves. With
        ``explain``, the briefing's ``explain`` says why each line is in and the next candidates
        are out (see :class:`~summarize.model.Explanation`). A ``words`` budget is never
        exceeded unless ``allow_overrun`` (see :class:`~summarize.select.Budget`). A warning
        about the input (it tells several stories, or is not in ``language``) is logged, or
        given to ``on_warning`` instead:
        a batch returns each set's warnings with its result, so that they name the set and reach
        the caller from any worker process."""
        budget = Budget(
            sentences=DEFAULT_SENTENCES if sentences is None and words is None else sentences,
            words=words,
            overrun=allow_overrun,
        )
        docs = as_documents(documents)
        if not docs:
            raise NoSentencesError("no documents to summarize")
        large = sum(len(document.text) for document in docs) > LARGE_SET_CHARACTERS
        with _stage_bar(progress and large, on_stage) as stage:
            stage("clean")
            cleaned = self.clean(docs)
            docs = [item.document for item in cleaned]
            stage("split")
            split = self.split(cleaned)
            if not split:
                raise NoSentencesError(
                    "no sentences found in the input"
                    + (f" ({', '.join(d.id for d in docs[:5])})" if docs else "")
                )
            split, copies = _cap_copies(split)
            if self.warn_other_language:
                self.warn_if_other_language(split, on_warning)
            stage("represent")
            representation = self.represent(split)
            if self.warn_mixed_stories:
                stage("stories")
                self.warn_if_several_stories(docs, split, representation, on_warning)
            stage("rank")
            ranking = self.rank(split, representation)
            stage("select")
            dates = written_dates(docs)
            pronouns = self.pronouns(docs, split)
            leans = None if pronouns is None else pronouns.leans
            if not explain:
                selections = self.select(split, representation, ranking, budget, dates, leans)
                _check_fits(selections, representation, budget, lambda: self.selector.eligible(split, representation))
                briefing = self.briefing(docs, split, _with_copies(selections, split, copies), dates, pronouns)
            else:
                choice = self.selector.choose(split, representation, ranking, budget, leans)
                selections = self.selector.arrange(split, list(choice.chosen), dates)
                _check_fits(selections, representation, budget, lambda: self.selector.eligible(split, representation))
                briefing = self.briefing(docs, split, _with_copies(selections, split, copies), dates, pronouns)
                briefing = replace(briefing, explain=explain_choice(
                    split, representation, ranking, self.ranker.prior(split, representation), choice,
                    selections, self.selector))
            stage("done")
            return briefing


def _warn(warning: str, on_warning: Callable[[str], None] | None) -> None:
    if on_warning is None:
        logger.warning("%s", warning)
    else:
        on_warning(warning)


#: The copies of one sentence (the same text, white space folded) that go on to the graph. Copies
#: make the similarity graph and the same-fact search grow with their square: 14,700 copies of
#: one sentence took 53 s and 3.6 GB. No sentence of the seeds or of DUC 2004 is repeated nearly
#: this often, so their briefings are unchanged; the copies left out still count as sources.
MAX_COPIES = 16


def _check_fits(selections: Sequence[Selection], representation: Representation, budget: Budget,
                eligible: Callable[[], np.ndarray]) -> None:
    """A words budget shorter than every sentence leaves nothing to quote: say so, with the way
    out. (``eligible`` is only called then: the check costs nothing when the briefing has lines.)"""
    if not selections and budget.words is not None and len(representation.word_counts):
        mask = eligible()
        counts = representation.word_counts[mask] if mask.any() else representation.word_counts
        shortest = int(counts.min())
        raise OptionsError(f"no sentence fits in {budget.words} words (the shortest has {shortest}); "
                           "give a larger --words, or --allow-overrun to let the last sentence run over")


def _cap_copies(sentences: list[Sentence]) -> tuple[list[Sentence], dict[str, list[str]]]:
    """The sentences with at most :data:`MAX_COPIES` of each text, and for each text that had
    more, the ids of the documents whose copies were left out."""
    seen: dict[str, int] = {}
    kept: list[Sentence] = []
    left_out: dict[str, list[str]] = {}
    for sentence in sentences:
        count = seen.get(sentence.text, 0)
        seen[sentence.text] = count + 1
        if count < MAX_COPIES:
            kept.append(sentence)
        else:
            left_out.setdefault(sentence.text, []).append(sentence.document)
    return (kept, left_out) if left_out else (sentences, left_out)


def _with_copies(selections: list[Selection], sentences: Sequence[Sentence],
                 copies: dict[str, list[str]]) -> list[Selection]:
    """Selections citing also the documents whose copies of the sentence were left out."""
    if not copies:
        return selections
    result = []
    for selection in selections:
        extra = copies.get(sentences[selection.index].text, [])
        sources = tuple(dict.fromkeys([*selection.sources, *extra]))
        result.append(replace(selection, sources=sources))
    return result


@contextlib.contextmanager
def _stage_bar(enabled: bool, on_stage: Callable[[str], None] | None = None) -> Iterator[Callable[[str], None]]:
    """A function to call as each stage starts (and with ``"done"``); it calls ``on_stage`` and
    moves a tqdm bar on stderr when enabled."""
    report = on_stage or (lambda name: None)
    if not enabled:
        yield report
        return
    from tqdm import tqdm

    with tqdm(total=len(_STAGES), unit="stage", file=sys.stderr, leave=False) as bar:
        def stage(name: str) -> None:
            report(name)
            if name in _STAGES:
                bar.update(_STAGES.index(name) - bar.n)
                bar.set_description_str(name)

        yield stage


def _briefing_title(documents: Sequence[Document], chosen: Sequence[BriefingSentence]) -> str:
    """The title of the document most quoted in the briefing (ties: the earliest quoted)."""
    if not chosen:
        return documents[0].title if documents else ""
    counts: dict[str, int] = {}
    for sentence in chosen:
        counts[sentence.document] = counts.get(sentence.document, 0) + len(sentence.sources)
    best = max(counts, key=lambda doc_id: counts[doc_id])
    return next(document.title for document in documents if document.id == best)


def summarize(
    documents: Sequence[Document | str | os.PathLike[str]],
    *,
    sentences: int | None = None,
    words: int | None = None,
    language: str = "english",
    progress: bool = False,
    explain: bool = False,
    allow_overrun: bool = False,
) -> Briefing:
    """Summarize a set of documents about one story into a cited briefing.

    ``documents`` holds :class:`Document` objects, :class:`pathlib.Path` objects (files or
    directories, read like :func:`load_documents`), or ``str`` texts (a ``str`` is always text,
    never a path). The budget is ``sentences`` or ``words`` (never exceeded: a sentence that
    would run over is passed for a shorter one; ``allow_overrun`` lets the last run over
    instead); with neither, six sentences. ``progress`` shows a bar on stderr for a large set. Raises
    :class:`SummarizeError` subclasses on bad input. With ``explain``, ``briefing.explain`` says
    why each line is in and why the next ten candidates are out (``--explain`` on the CLI).
    """
    return Summarizer(language=language)(documents, sentences=sentences, words=words, progress=progress,
                                         explain=explain, allow_overrun=allow_overrun)
