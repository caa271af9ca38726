"""Select: choose the briefing's sentences from the ranking.

Greedy in order of score, a candidate is taken unless it states the same thing as a sentence
already taken. "States the same thing" is one signal used twice: the sentences of other
documents that are that close to a chosen sentence are its corroboration, cited with it; a
candidate that close to a chosen sentence is redundant and skipped. Using one threshold for
both means a fact is either cited with more sources or stated again, never both.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp

from .clean import notice_reason
from .cues import half_quotation, unattributed_quote
from .errors import OptionsError
from .model import Sentence, document_numbers
from .rank import Ranking
from .represent import Representation

__all__ = ["Budget", "Choice", "Corroboration", "SameFacts", "Selection", "Selector"]


#: The fewest words a quoted sentence has (``Selector.min_words``): a words budget holds at most
#: this many words' worth of sentences, so candidate pools sized by it never run short.
SHORTEST_SENTENCE_WORDS = 8


@dataclass(frozen=True, kw_only=True)
class Budget:
    """How long the briefing may be: a number of sentences, of words, or both (whichever
    is reached first). A words budget is never exceeded: a sentence that would run over is
    passed for the next one that fits. With ``overrun``, sentences are added until the words
    budget is reached, so the last may run over (the behaviour before, and ROUGE's protocol,
    which cuts every summary at its word limit itself)."""

    sentences: int | None = None
    words: int | None = None
    overrun: bool = False

    def __post_init__(self) -> None:
        for name in ("sentences", "words"):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise OptionsError(f"{name} must be a whole number, not {value!r}")
            if value < 1:
                raise OptionsError(f"{name} must be at least 1, not {value}")

    def full(self, sentences: int, words: int) -> bool:
        if self.sentences is not None and sentences >= self.sentences:
            return True
        return self.words is not None and words >= self.words

    def fits(self, words: int, more: int) -> bool:
        """Whether a sentence of ``more`` words may follow ``words`` words already taken."""
        return self.overrun or self.words is None or words + more <= self.words

    def expected_sentences(self) -> int:
        """A generous guess of how many sentences the budget takes (for candidate pools): a
        words budget filled with sentences of :data:`SHORTEST_SENTENCE_WORDS` words."""
        guesses = [self.sentences or 0, (self.words or 0) // SHORTEST_SENTENCE_WORDS]
        return max(1, *guesses)


@dataclass(frozen=True, kw_only=True)
class Selection:
    """A chosen sentence (index into the sentence list), its score and the ids of the documents
    that state it: its own first, then the others in input order."""

    index: int
    score: float
    sources: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Selector:
    """Greedy selection with one same-fact threshold for redundancy and corroboration.

    Values measured on the DUC 2004 dev half (ROUGE-1 / ROUGE-2 recall, 100 words as the
    benchmark runs it, one setting moved at a time from the defaults, which give 38.87 / 9.88;
    2026-11-23) and on the seeds (does the briefing change; ``tests/test_seeds.py`` says whether
    it still holds).

    Parameters
    ----------
    same_fact : float, default 0.3
        Similarity (:attr:`Representation.fact_matrix`) at or above which two sentences state
        the same thing. 0.25: 38.17 / 9.43; 0.35: 38.42 / 9.42; both change the seeds.
    corroboration_weight : float, default 0.4
        How much a sentence's score grows when every other independent source states it too (so
        a fact all sources report comes before a fact one source reports); the sources counted
        are the ones the sentence would be cited with. 2026-12-01 (and with ``--words 100``, the
        strict budget): 0.4 gives 39.04 / 10.08 (38.20 / 9.73), 0.3 39.02 / 10.02 (38.42 /
        9.82), 0.5 38.94 / 10.04 (37.91 / 9.39), 0.6 38.77 / 9.88 (37.97 / 9.39); at 0.4 the
        seed briefing carries the bilateral settlement at 6, 7 and 8 lines (at 6 since
        :data:`~summarize.cues.CONNECTIVE_OPENERS` lean on the sentence before), at 0.3 at 7 and
        8 only. When copies counted apart and only direct paraphrases counted, 0.4 gave 38.69 /
        9.75 and 0.3 38.87 / 9.88.
    copy_share : float, default 0.5
        Two documents are one source to corroboration when at least this share of the shorter
        one's quotable sentences (``min_words`` or more) stand word for word in the other: an
        updated version of a wire story, a syndicated reprint. A copy keeps every fact of its
        original, so counted apart it corroborates nothing yet raises the boost of all the
        original's facts. 10 of the 25 DUC 2004 dev clusters hold such copies. 0.3 gives the
        same scores as 0.5, 0.7 38.94 / 10.08 (38.16 / 9.66), and above 1.0 (the rule off)
        38.62 / 9.70 (37.92 / 9.40).
    min_words, max_words : int, default 8, 50
        Sentences outside this length are not quoted (datelines, fragments, run-ons) unless
        nothing else is left. ``max_words`` 50 took ROUGE from 38.63 / 9.79 to 38.84 / 9.84 when
        set; ``min_words`` 6 or 10 changes no dev score.
    pool : int, default 20
        How many candidates per expected sentence get their corroboration measured; 10 or 40
        changes no dev score and no seed briefing (it bounds the work on large sets).
    dependent_weight : float, default 0.5
        The factor on the score of a sentence that cannot stand alone
        (:func:`summarize.cues.depends_on_context`). 0.25 changes no dev score, 1.0 gives
        38.89 / 9.84; at 1.0 the seed briefing quotes lines opening with "But" and "This" and one with
        a quotation it does not close.
    framing_weight : float, default 0.5
        The factor on the score of a sentence that only places the story in a wider context
        (:func:`summarize.cues.frames_the_story`). Such a sentence shares the story's most
        common words with nearly every sentence, so TextRank ranks it high, and its paraphrases
        make it well corroborated; yet no term statistic tried (specificity, novelty, spread,
        centroid or headline similarity) told it from a fact, while its wording does. No dev
        score moves between 0.25 and 1.0; at 1.0 the seed briefing quotes the framing line.
    shared_witnesses, witness_share : int, float, default 2, 0.5
        A sentence also states a chosen sentence's fact when at least this many, and at least
        this share, of the chosen sentence's paraphrases are its paraphrases too (see
        :meth:`restates`); ``shared_witnesses=0`` turns the rule off. For loose translations of
        one report (the seeds): 0 or 3 changes the seed briefing and no dev score;
        ``witness_share`` 0.3 gives 38.78 / 9.87.
    """

    same_fact: float = 0.3
    corroboration_weight: float = 0.4
    copy_share: float = 0.5
    min_words: int = 8
    max_words: int = 50
    pool: int = 20
    dependent_weight: float = 0.5
    framing_weight: float = 0.5
    shared_witnesses: int = 2
    witness_share: float = 0.5

    def same_fact_similarity(self, representation: Representation, indices: np.ndarray) -> sp.csr_matrix:
        """Similarity of the sentences ``indices`` (rows) to every sentence (columns): the hook a
        variant overrides to change what counts as the same fact."""
        facts = representation.fact_matrix
        return sp.csr_matrix(facts[indices] @ facts.T)

    def restates(self, *, shared_witnesses: int, witnesses: int, other_sources: set[int],
                 chosen_sources: set[int]) -> bool:
        """Whether a sentence under the same-fact threshold with a chosen one still states its fact.

        Paraphrases of one fact do not all reach the threshold with each other: two loose
        translations of one report can each match a third source closely and each other only
        loosely. The chosen sentence has ``witnesses`` paraphrases; the sentence paraphrases
        ``shared_witnesses`` of them too. It is the same fact when that is at least
        :attr:`shared_witnesses` and at least :attr:`witness_share` of the witnesses, and every
        other source it has (``other_sources``) backs the chosen sentence already. It is then
        cited with the chosen sentence and never quoted after it.
        """
        needed = max(self.shared_witnesses, self.witness_share * witnesses)
        return self.shared_witnesses > 0 and shared_witnesses >= needed and other_sources <= chosen_sources

    def independent_sources(self, sentences: Sequence[Sentence], representation: Representation,
                            doc_of: np.ndarray) -> np.ndarray:
        """A source number per document (``doc_of``'s numbers): copies of one article
        (:attr:`copy_share`) share one, every other document has its own. Corroboration counts
        these sources, not documents."""
        documents = int(doc_of.max()) + 1 if len(doc_of) else 0
        quotable = representation.word_counts >= self.min_words
        numbers: dict[str, int] = {}
        text_of = [numbers.setdefault(sentence.text, len(numbers)) for sentence in sentences]
        # Document × quotable text, 1 where the document holds the text; products in C, since one
        # notice on every page of a 2,000-page pile would be 2 million pairs in a Python loop.
        holds = sp.csr_matrix((np.ones(int(quotable.sum())), (doc_of[quotable], np.array(text_of)[quotable])),
                              shape=(documents, max(len(numbers), 1)))
        holds.data[:] = 1.0  # a text twice in one document counts once
        own = np.asarray(holds.sum(axis=1)).ravel()
        shared = sp.coo_matrix(holds @ holds.T)
        copies = (shared.row != shared.col) & (shared.data >= self.copy_share * np.minimum(own[shared.row], own[shared.col]))
        rows, cols = shared.row[copies], shared.col[copies]  # both directions of each pair
        # Each group takes the number of its first document: the least number spreads along the
        # copy pairs until nothing changes (scipy's csgraph would import scipy.sparse.linalg, 50
        # ms of every start).
        source = np.arange(documents, dtype=np.int64)
        while True:
            before = source.copy()
            np.minimum.at(source, rows, source[cols])
            if np.array_equal(before, source):
                return source

    def eligible(self, sentences: Sequence[Sentence], representation: Representation) -> np.ndarray:
        """Sentences that may be quoted: within the length limits, not announcing what follows
        with a colon ("The picture is getting a ton of reaction online:"), which quoted alone
        points at nothing, not a quotation with nobody saying it (“We will not give up.”;
        see :func:`~summarize.cues.unattributed_quote`), and not the head or tail of a
        quotation that runs on (:func:`~summarize.cues.half_quotation`). Issue 20; no DUC 2004
        dev briefing held any of them, so no rule moved its scores. (Half quotations were
        penalised as dependent first; barring them changes no DUC briefing at ``--words 100``
        and makes sure at any budget.)"""
        lengths = representation.word_counts
        # A half quotation is a dependent sentence too (cues.depends_on_context), so only those
        # are read again: it was 4 of 6 ms here at 2,000 sentences.
        incomplete = np.array([sentence.text.rstrip().endswith((":", "：")) or unattributed_quote(sentence.text)
                               or (dependent and half_quotation(sentence.text))
                               for sentence, dependent in zip(sentences, representation.dependent.tolist(), strict=True)],
                              dtype=bool)
        eligible: np.ndarray = (lengths >= self.min_words) & (lengths <= self.max_words) & ~incomplete
        return eligible

    def penalized(self, representation: Representation, ranking: Ranking) -> np.ndarray:
        """PageRank scores after the penalties for a sentence that cannot stand alone and for one
        that only frames the story."""
        return (ranking.scores
                * np.where(representation.dependent, self.dependent_weight, 1.0)
                * np.where(representation.framing, self.framing_weight, 1.0))

    def select(
        self,
        sentences: Sequence[Sentence],
        representation: Representation,
        ranking: Ranking,
        budget: Budget,
        dates: Mapping[str, dt.date] | None = None,
        leans: Callable[[int], bool] | None = None,
    ) -> list[Selection]:
        if not sentences:
            return []
        return self.arrange(sentences, list(self.choose(sentences, representation, ranking, budget, leans).chosen),
                            dates)

    def choose(
        self,
        sentences: Sequence[Sentence],
        representation: Representation,
        ranking: Ranking,
        budget: Budget,
        leans: Callable[[int], bool] | None = None,
    ) -> Choice:
        """The greedy loop: candidates by boosted score, each taken unless a sentence taken before
        states its fact, until the budget is full. The record says what happened to each.

        ``leans``: whether a sentence leans on its article's sentences before it in a way the
        briefing cannot make good (an opening "He" or "They" whose person the article does not
        name plainly; see :meth:`summarize.names.PronounNotes.leans`). Asked only of the
        candidates reached, like the notice check; such a sentence is passed over."""
        doc_of = np.array(document_numbers(sentences), dtype=np.int64)
        doc_ids = {number: sentence.document for number, sentence in zip(doc_of.tolist(), sentences)}
        eligible = self.eligible(sentences, representation)
        if not eligible.any():
            eligible = np.ones(len(sentences), dtype=bool)
        scores = self.penalized(representation, ranking)
        # Highest score first; equal scores in input order, so no result depends on sort luck.
        by_score = np.lexsort((np.arange(len(sentences)), -scores))
        candidates = by_score[eligible[by_score]]
        # A caption or site notice inside a paragraph of text ("You can add location information
        # to your Tweets") is never quoted, so never counted as a confirmed fact either. Checked
        # only for the candidates reached: all 2,000 sentences of a large input would cost 24 ms.
        notices: dict[int, bool] = {}
        leaning: dict[int, bool] = {}

        def notice(index: int) -> bool:
            if index not in notices:
                notices[index] = notice_reason(sentences[index].text) is not None
            return notices[index]

        def passed_over(index: int) -> bool:
            if notice(index):
                return True
            if leans is None:
                return False
            if index not in leaning:
                leaning[index] = leans(index)
            return leaning[index]

        pool_size = self.pool * budget.expected_sentences()
        pool_list: list[int] = []
        reached = 0
        for index in candidates.tolist():
            if len(pool_list) == pool_size:
                break
            reached += 1
            if not passed_over(index):
                pool_list.append(index)
        pool = np.array(pool_list, dtype=np.int64)
        rest = candidates[reached:]
        facts = SameFacts(self, representation, doc_of, pool)
        corroboration = Corroboration(facts, scores, self.corroboration_weight,
                                      self.independent_sources(sentences, representation, doc_of))
        facts.fetch_around(pool)
        pool_scores = np.array([corroboration.boosted(int(index)) for index in pool])
        order = np.concatenate([pool[np.lexsort((np.arange(len(pool)), -pool_scores))], rest])

        # The same words twice are one fact even where the representation has nothing to compare
        # ("Yes." is all stop words): copies are covered with the sentence chosen.
        copies: dict[str, list[int]] = {}
        for position, sentence in enumerate(sentences):
            copies.setdefault(sentence.text, []).append(position)

        chosen: list[Selection] = []
        covered_by: dict[int, int] = {}
        words = considered = 0
        for index in order.tolist():
            if budget.full(len(chosen), words):
                break
            considered += 1
            if passed_over(index):
                continue
            if index in covered_by or not budget.fits(words, int(representation.word_counts[index])):
                continue
            same = facts.restating(index)
            for other in [*same.tolist(), *copies[sentences[index].text]]:
                covered_by.setdefault(other, index)
            chosen.append(Selection(index=index, score=corroboration.boosted(index),
                                    sources=tuple(doc_ids[number] for number in facts.sources(index, same))))
            words += int(representation.word_counts[index])
        return Choice(chosen=tuple(chosen), order=order, considered=considered, covered_by=covered_by,
                      scores=scores, corroboration=corroboration,
                      notices=frozenset(index for index, found in notices.items() if found),
                      leaning=frozenset(index for index, found in leaning.items() if found))

    def arrange(self, sentences: Sequence[Sentence], chosen: list[Selection],
                dates: Mapping[str, dt.date] | None = None) -> list[Selection]:
        """Reading order: by how far into its article each sentence stands (leads first, so the
        briefing opens with the news and ends with background), then by score. When ``dates``
        (document id → the day it was written) dates every quoted document and they span more
        than one day, earlier articles come first: the briefing reads in the order things were
        reported, and within a day as before. One undated article and the order cannot be told."""
        length: dict[str, int] = {}
        for sentence in sentences:
            length[sentence.document] = max(length.get(sentence.document, 0), sentence.position + 1)
        quoted = {sentences[selection.index].document for selection in chosen}
        days = {document: dates[document].toordinal() for document in quoted if dates and document in dates}
        in_time = len(days) == len(quoted) and len(set(days.values())) > 1

        def depth(selection: Selection) -> tuple[int, float, float, int]:
            sentence = sentences[selection.index]
            day = days[sentence.document] if in_time else 0
            return (day, sentence.position / length[sentence.document], -selection.score, selection.index)

        return sorted(chosen, key=depth)


class SameFacts:
    """Which sentences state the same fact as which: rows of the selector's same-fact similarity,
    computed for the whole candidate pool in one product and for any other sentence only when
    it is reached (one product for all missing rows: on 59,000 sentences a product per row cost
    10 ms each, and a chosen sentence's paraphrases can number in the hundreds)."""

    def __init__(self, selector: Selector, representation: Representation, doc_of: np.ndarray,
                 pool: np.ndarray) -> None:
        self._selector = selector
        self._representation = representation
        self.doc_of = doc_of
        same = selector.same_fact_similarity(representation, pool) >= selector.same_fact
        self._neighbours = {int(index): same.indices[same.indptr[row] : same.indptr[row + 1]]
                            for row, index in enumerate(pool)}
        self._restating: dict[int, np.ndarray] = {}
        self._candidates_of: dict[int, tuple[list[int], Counter[int], int]] = {}

    def fetch(self, indices: Sequence[int]) -> None:
        missing = sorted({index for index in indices if index not in self._neighbours})
        if missing:
            rows = sp.csr_matrix(self._selector.same_fact_similarity(self._representation, np.array(missing)))
            for row, index in enumerate(missing):
                start, end = rows.indptr[row], rows.indptr[row + 1]
                self._neighbours[index] = rows.indices[start:end][rows.data[start:end] >= self._selector.same_fact]

    def fetch_around(self, indices: np.ndarray) -> None:
        """Fetch, in two products, every row :meth:`restating` will ask of ``indices``: their
        paraphrases' rows, then their candidates' (a product per sentence asked cost 47
        products, 18 ms, for the pool of a 2,000-sentence input)."""
        if self._selector.shared_witnesses <= 0 or not len(indices):
            return
        self.fetch([witness for index in indices.tolist() for witness in self.neighbours(index).tolist()])
        self.fetch([other for index in indices.tolist() for other in self._candidates(index)[0]])

    def neighbours(self, index: int) -> np.ndarray:
        """The sentences at or above the same-fact threshold with ``index`` (itself included)."""
        self.fetch([index])
        neighbours: np.ndarray = self._neighbours[index]
        return neighbours

    def sources(self, index: int, same: np.ndarray | None = None) -> list[int]:
        """The document of ``index`` first, then those of ``same`` (default: its paraphrases)."""
        own = int(self.doc_of[index])
        members = self.neighbours(index) if same is None else same
        return [own, *sorted(set(self.doc_of[members].tolist()) - {own})]

    def restating(self, index: int) -> np.ndarray:
        """``index``'s paraphrases, and the sentences that restate it through them
        (:meth:`Selector.restates`)."""
        if index not in self._restating:
            self._restating[index] = self._restating_now(index)
        return self._restating[index]

    def _restating_now(self, index: int) -> np.ndarray:
        direct = self.neighbours(index)
        if self._selector.shared_witnesses <= 0:
            return direct
        backing = set(self.doc_of[direct].tolist())
        candidates, witnessed, witnesses = self._candidates(index)
        self.fetch(candidates)
        restating = [
            other for other in candidates
            if self._selector.restates(shared_witnesses=witnessed[other], witnesses=witnesses,
                                       other_sources=set(self.sources(other)[1:]), chosen_sources=backing)
        ]
        return np.union1d(direct, np.array(restating, dtype=direct.dtype))

    def _candidates(self, index: int) -> tuple[list[int], Counter[int], int]:
        """The sentences that share enough of ``index``'s paraphrases to be asked whether they
        restate it, how many each shares, and how many paraphrases ``index`` has."""
        if index not in self._candidates_of:
            self._candidates_of[index] = self._candidates_now(index)
        return self._candidates_of[index]

    def _candidates_now(self, index: int) -> tuple[list[int], Counter[int], int]:
        direct = self.neighbours(index)
        witnesses = [witness for witness in direct.tolist() if witness != index]
        self.fetch(witnesses)
        witnessed = Counter(other for witness in witnesses for other in self.neighbours(witness).tolist())
        direct_set = set(direct.tolist())
        candidates = [other for other, count in sorted(witnessed.items())
                      if other not in direct_set and count >= self._selector.shared_witnesses]
        return candidates, witnessed, len(witnesses)


@dataclass(frozen=True)
class Corroboration:
    """A sentence's score grown by the share of the other independent sources that state its
    fact (``source_of``: a number per document, equal for copies of one article; see
    :meth:`Selector.independent_sources`)."""

    facts: SameFacts
    scores: np.ndarray
    weight: float
    source_of: np.ndarray

    @cached_property
    def _others(self) -> int:
        """How many independent sources a fact can have besides its own (at least 1)."""
        return max(len(np.unique(self.source_of)) - 1, 1)

    def share(self, index: int) -> float:
        """The share of the other independent sources that state ``index``'s fact: the sources
        it would be cited with (its paraphrases and what restates it through them)."""
        stating = len(set(self.source_of[self.facts.sources(index, self.facts.restating(index))].tolist()))
        return (stating - 1) / self._others

    def boosted(self, index: int) -> float:
        return float(self.scores[index]) * (1.0 + self.weight * self.share(index))


@dataclass(frozen=True, kw_only=True, eq=False)
class Choice:
    """What the greedy loop did: the sentences chosen (in the order taken), every candidate in
    the order considered and how many were considered before the budget was full, and for each
    sentence whose fact a chosen one states, that chosen sentence. ``scores`` are PageRank after
    penalties; ``facts`` answers same-fact questions the same way the loop did. ``notices``: the
    candidates reached that a cleaning notice rule matches, passed over like ineligible ones;
    ``leaning``: those passed over as leaning on sentences the briefing does not carry (neither
    kind is among ``order``'s candidates)."""

    chosen: tuple[Selection, ...]
    order: np.ndarray
    considered: int
    covered_by: dict[int, int]
    scores: np.ndarray
    corroboration: Corroboration
    notices: frozenset[int] = frozenset()
    leaning: frozenset[int] = frozenset()

    @property
    def facts(self) -> SameFacts:
        return self.corroboration.facts
