"""Stories: group a pile of articles (a feed, a day's downloads) into the stories they tell.

Each document becomes one TF-IDF vector over the pile, made with the pipeline's own cleaning,
stop words and stems: content stems and adjacent-stem pairs (``nato summit``: two stories that
share their words rarely share their phrases), sublinear term counts, paragraphs weighted down
the further they stand from the top (news states its story first and its background last).
Documents are then joined by average-link agglomerative clustering (scipy) while the mean cosine
between two groups is at least :attr:`StoryGrouper.threshold`. The number of stories is found
that way, not given. A document left alone at that threshold joins the story whose centroid it
is closest to when that closeness reaches :attr:`StoryGrouper.attach`: an article that tells a
story from an unusual angle shares less with each article than they share with each other, but
still points to their common centre; an article about nothing else in the pile stays alone.

Results never depend on the order the documents come in: they are clustered in a canonical order
(by text, then id), and stories come back largest first, ties by their first document in that
order.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from ._logging import get_logger
from .batch import BatchResult, DocumentSet, summarize_sets
from .errors import OptionsError
from .language import Language, get_language
from .load import as_documents
from .model import Briefing, CleanedDocument, Document
from .represent import TermNumbers, tokenize

if TYPE_CHECKING:
    from .clean import Cleaner
    from .pipeline import Summarizer

__all__ = [
    "MIXED_INPUT_THRESHOLD",
    "StoryGrouper",
    "brief_stories",
    "group_stories",
    "paragraph_terms",
    "several_stories",
    "shared_paragraphs",
    "stories_at",
    "story_labels",
    "story_slug",
    "story_title",
    "summarize_stories",
]

logger = get_logger(__name__)

#: Plain mode warns of mixed input only when stories stay apart even at this looser threshold.
#: Measured (benchmarks data): no warning on any of the 25 DUC 2004 clusters, 10 of the 95
#: broader DUC 2006-07 topic sets, and a warning on 216 of the 300 two-cluster DUC 2004 mixes and
#: 87 of 100 mixes of three articles from each of two DUC 2006-07 sets. At 0.06: 15 of 95 topic
#: sets warned; at 0.04, only 130 of 300 mixes caught.
MIXED_INPUT_THRESHOLD = 0.05


@dataclass(frozen=True, kw_only=True)
class StoryGrouper:
    """Groups documents into stories.

    Parameters
    ----------
    threshold : float, default 0.11
        Average-link cosine similarity at or above which two groups of documents tell one
        story. Chosen on the ``benchmarks/stories.py`` piles (DUC 2004 dev, 25 events; DUC
        2006-07, 95 topics), B-cubed F1 with ``attach`` (2026-11-30): 0.09 gives 0.835 / 0.861,
        0.11 0.919 / 0.841, 0.13 0.907 / 0.814, 0.15 0.913 / 0.770. Merging stories whose
        centroids are close afterwards (cosine 0.3-0.5) gained nothing on either pile.
    attach : float, default 0.15
        Cosine between a lone document and a story's normalised centroid at or above which the
        document joins that story. 0 never attaches; too low a value would join an unrelated
        article to the nearest story. Unrelated news articles score 0.02-0.08.
    lead_decay : float, default 8.0
        Paragraph ``i`` (0-based, after cleaning) weighs ``1 / (1 + i / lead_decay)``: the eighth
        paragraph counts half as much as the first. Raised B-cubed F1 on DUC 2006-07 by about
        0.01 and left DUC 2004 unchanged.
    """

    threshold: float = 0.11
    attach: float = 0.15
    lead_decay: float = 8.0

    def __post_init__(self) -> None:
        for name in ("threshold", "attach"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise OptionsError(f"{name} must be between 0 and 1, not {value!r}")
        if self.lead_decay <= 0:
            raise OptionsError(f"lead_decay must be positive, not {self.lead_decay!r}")

    def vectors(self, paragraphs: Sequence[Sequence[Sequence[str]]]) -> sp.csr_matrix:
        """L2-normalised TF-IDF rows, one per document, from each document's paragraphs given as
        lists of stems in order (``""`` where a stop word stood: no pair spans it)."""
        vocabulary = TermNumbers({"": -1})
        code_of = vocabulary.__getitem__
        codes: list[int] = []
        lengths: list[int] = []  # tokens per paragraph
        weights: list[float] = []  # per paragraph
        documents: list[int] = []  # per paragraph
        for row, document in enumerate(paragraphs):
            for rank, terms in enumerate(document):
                codes.extend(map(code_of, terms))  # map over a dict: the lookups run in C
                lengths.append(len(terms))
                weights.append(1.0 / (1.0 + rank / self.lead_decay))
                documents.append(row)
        words = len(vocabulary) - 1
        code = np.array(codes, dtype=np.int64)
        token_weight = np.repeat(np.array(weights), lengths)
        token_row = np.repeat(np.array(documents, dtype=np.int64), lengths)
        paragraph = np.repeat(np.arange(len(lengths)), lengths)
        word = code >= 0
        # A pair: two stems side by side in one paragraph.
        pair = word[:-1] & word[1:] & (paragraph[:-1] == paragraph[1:])
        pair_keys, pair_code = np.unique(code[:-1][pair] * max(words, 1) + code[1:][pair], return_inverse=True)
        rows = np.concatenate([token_row[word], token_row[:-1][pair]])
        cols = np.concatenate([code[word], words + pair_code.ravel()])
        values = np.concatenate([token_weight[word], token_weight[:-1][pair]])
        width = max(words + len(pair_keys), 1)
        matrix = sp.csr_matrix((values, (rows, cols)), shape=(len(paragraphs), width))
        matrix.sum_duplicates()
        # Sublinear weight: 1 + log(weight) above 1 (a term's second mention adds less).
        matrix.data = np.where(matrix.data > 1.0, 1.0 + np.log(np.maximum(matrix.data, 1.0)), matrix.data)
        df = np.bincount(matrix.indices, minlength=width)
        # Smoothed IDF, as for sentences (scikit-learn's formula). A pair counts only when two
        # documents share it: a document's own phrases number in the hundreds and would swamp
        # its length, while its own single words must stay, or two unrelated articles would be
        # judged by the few words they share.
        idf = np.log((1.0 + len(paragraphs)) / (1.0 + df)) + 1.0
        idf[words:][df[words:] < 2] = 0.0
        matrix = sp.csr_matrix(matrix @ sp.diags(idf))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)

    def tree(self, vectors: sp.csr_matrix, distances: np.ndarray | None = None) -> np.ndarray | None:
        """The average-link dendrogram of ``vectors`` (scipy's linkage matrix), ``None`` for fewer
        than two documents. Cutting one tree at two heights costs one clustering, not two.
        ``distances``: the condensed cosine distances, when already computed."""
        if vectors.shape[0] < 2:
            return None
        from scipy.cluster.hierarchy import linkage

        condensed = _condensed_cosine_distances(vectors) if distances is None else distances
        tree: np.ndarray = linkage(condensed, method="average")
        return tree

    def labels(self, vectors: sp.csr_matrix, tree: np.ndarray | None = None, *,
               threshold: float | None = None) -> np.ndarray:
        """A story number per row of ``vectors`` (numbers are arbitrary; equal means one story).
        ``tree`` reuses a dendrogram from :meth:`tree`; ``threshold`` cuts it elsewhere than
        :attr:`threshold`."""
        if vectors.shape[0] < 2:
            return np.zeros(vectors.shape[0], dtype=np.int64)
        from scipy.cluster.hierarchy import fcluster

        tree = self.tree(vectors) if tree is None else tree
        cut = self.threshold if threshold is None else threshold
        labels = fcluster(tree, t=1.0 - cut, criterion="distance").astype(np.int64)
        return self._attach_loners(vectors, labels)

    def _attach_loners(self, vectors: sp.csr_matrix, labels: np.ndarray) -> np.ndarray:
        if self.attach <= 0:
            return labels
        names, inverse, sizes = np.unique(labels, return_inverse=True, return_counts=True)
        groups = np.flatnonzero(sizes > 1)
        loners = np.flatnonzero(sizes == 1)
        if not len(groups) or not len(loners):
            return labels
        membership = sp.csr_matrix(
            (np.ones(len(labels)), (inverse, np.arange(len(labels)))), shape=(len(names), len(labels))
        )
        centroids = sp.csr_matrix(membership[groups] @ vectors)  # sparse: dense would be groups × vocabulary
        lengths = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
        similarity = np.asarray((membership[loners] @ vectors @ centroids.T).todense()) / np.maximum(lengths, 1e-12)
        best = np.argmax(similarity, axis=1)  # first of equals: groups are in a canonical order
        result: np.ndarray = labels.copy()
        for row, loner in enumerate(loners):
            if similarity[row, best[row]] >= self.attach:
                result[inverse == loner] = names[groups[best[row]]]
        return result


def _condensed_cosine_distances(vectors: sp.csr_matrix, block_rows: int = 1024) -> np.ndarray:
    """``1 - cosine`` for every pair (i < j), in scipy's condensed order, built in row blocks
    so the full square matrix never exists (2,375 documents: 22 MB instead of 45 MB twice)."""
    n = vectors.shape[0]
    transposed = vectors.T.tocsc()
    condensed = np.empty(n * (n - 1) // 2)
    position = 0
    for first in range(0, n, block_rows):
        block = np.asarray((vectors[first : first + block_rows] @ transposed).todense())
        for offset, row in enumerate(block):
            i = first + offset
            tail = row[i + 1 :]
            condensed[position : position + len(tail)] = tail
            position += len(tail)
    np.clip(1.0 - condensed, 0.0, 2.0, out=condensed)
    return condensed


def _paragraph_terms(cleaned: CleanedDocument, language: Language, cache: dict[str, str]) -> list[list[str]]:
    text = cleaned.document.text
    return [tokenize(text[block.start : block.end], language, cache, keep_gaps=True) for block in cleaned.blocks]


def canonical_order(documents: Sequence[Document]) -> list[int]:
    """Indices of ``documents`` in an order that does not depend on the order given."""
    return sorted(range(len(documents)), key=lambda i: (documents[i].text, documents[i].id))


def story_labels(
    documents: Sequence[Document],
    paragraphs: Sequence[Sequence[Sequence[str]]],
    grouper: StoryGrouper | None = None,
) -> list[list[int]]:
    """Stories as lists of indices into ``documents``, largest first, each in input order.
    ``paragraphs`` holds each document's paragraph stems (see :meth:`StoryGrouper.vectors`)."""
    grouper = grouper or StoryGrouper()
    return stories_at(documents, paragraphs, [grouper.threshold], grouper)[0]


def stories_at(
    documents: Sequence[Document],
    paragraphs: Sequence[Sequence[Sequence[str]]],
    thresholds: Sequence[float],
    grouper: StoryGrouper | None = None,
) -> list[list[list[int]]]:
    """:func:`story_labels` at each of ``thresholds``, from one clustering."""
    grouper = grouper or StoryGrouper()
    order = canonical_order(documents)
    vectors = grouper.vectors([paragraphs[i] for i in order])
    distances = _condensed_cosine_distances(vectors) if vectors.shape[0] >= 2 else np.zeros(0)
    trees: list[np.ndarray | None] = []
    canonical_rank = {index: rank for rank, index in enumerate(order)}

    def grouped(labels: np.ndarray) -> list[list[int]]:
        stories: dict[int, list[int]] = {}
        for rank, label in enumerate(labels.tolist()):
            stories.setdefault(label, []).append(order[rank])
        # Largest first; among equals the one whose first document comes first canonically.
        ranked = sorted(stories.values(), key=lambda members: (-len(members), canonical_rank[members[0]]))
        return [sorted(members) for members in ranked]

    def labels(cut: float) -> np.ndarray:
        # Every pair closer than the cut: every average-link merge is too, so one story, and
        # scipy's clustering (0.2 s to import, most of a small run) is not needed to say so.
        if distances.size == 0 or distances.max() < 1.0 - cut - 1e-9:
            return np.zeros(vectors.shape[0], dtype=np.int64)
        if not trees:
            trees.append(grouper.tree(vectors, distances))
        return grouper.labels(vectors, trees[0], threshold=cut)

    return [grouped(labels(cut)) for cut in thresholds]


def story_slug(title: str, limit: int = 60) -> str:
    """A file-name-safe slug of a story's title: ASCII letters and digits joined by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or (words[0][:limit] if words else "story")


def paragraph_terms(cleaned: Sequence[CleanedDocument], language: Language) -> list[list[list[str]]]:
    """Each cleaned document's content paragraphs as stems, ``""`` where a stop word stood: the
    input of :meth:`StoryGrouper.vectors`."""
    cache: dict[str, str] = {}
    return [_paragraph_terms(item, language, cache) for item in cleaned]


def shared_paragraphs(stories: Sequence[Sequence[Document]], cleaner: Cleaner | None = None) -> frozenset[str]:
    """The paragraphs (:meth:`Cleaner.paragraph_key`) that stand word for word in articles of at
    least two of ``stories``: boilerplate of the pages or the wire that carried them, not news,
    since one paragraph does not report two stories. In the DUC 2006-07 pile grouped into stories
    they are sales and contact notices, "XXXX END OF STORY", "(For use by New York Times News
    Service clients)"; within one story a paragraph repeated by two outlets is left alone (a wire
    report reprinted is a source each time)."""
    from .clean import Cleaner

    cleaner = cleaner or Cleaner()
    seen: dict[str, int] = {}
    shared: set[str] = set()
    for number, story in enumerate(stories):
        keys = set().union(*(cleaner.paragraph_keys(document.text) for document in story))
        for key in keys:
            if seen.setdefault(key, number) != number:
                shared.add(key)
    return frozenset(key for key in shared if key)


def several_stories(stories: Sequence[Sequence[int]]) -> bool:
    """Whether grouped input clearly tells unrelated stories: two stories or more that two or
    more documents each report. One odd article beside a story is not enough to say so."""
    return sum(1 for story in stories if len(story) >= 2) >= 2


def group_stories(
    documents: Sequence[Document | str | os.PathLike[str]],
    *,
    language: str = "english",
    grouper: StoryGrouper | None = None,
) -> list[tuple[Document, ...]]:
    """Group ``documents`` into stories: one tuple of documents per story, largest story first
    (ties broken by content, never by input order), documents in input order within a story.

    ``documents`` takes what :func:`summarize.summarize` takes. The number of stories is found,
    not given; a document about nothing else in the input is a story of its own.
    """
    from .pipeline import Summarizer

    summarizer = Summarizer(language=language)
    docs = as_documents(documents)
    paragraphs = paragraph_terms(summarizer.clean(docs), summarizer.resources)
    return [tuple(docs[i] for i in members) for members in story_labels(docs, paragraphs, grouper)]


def story_title(story: Sequence[Document], language: str = "english") -> str:
    """A title for a story that has no briefing: its first document's own title, else its
    headline or opening words (as a briefing would title it)."""
    from .pipeline import Summarizer

    summarizer = Summarizer(language=language)
    first = list(story[:1])
    return summarizer.clean(first)[0].document.title if first else ""


def summarize_stories(
    documents: Sequence[Document | str | os.PathLike[str]],
    *,
    sentences: int | None = None,
    words: int | None = None,
    language: str = "english",
    jobs: int = 1,
    progress: bool = False,
    summarizer: Summarizer | None = None,
    allow_overrun: bool = False,
) -> list[Briefing]:
    """One briefing per story of ``documents`` (see :func:`group_stories`), in the same order.

    ``jobs`` briefs that many stories at a time in parallel processes, with identical results.
    ``summarizer``: a configured :class:`~summarize.Summarizer` to brief each story with (its
    language groups the stories too); then ``language`` is not given.
    A story in which no sentence is found (say, one article that cleaning empties) is left out
    with a logged warning, so one bad article never costs the other stories their briefings.
    """
    if summarizer is not None and language != "english":
        raise OptionsError("give the language through the summarizer, not beside it")
    stories = group_stories(documents, language=summarizer.language if summarizer else language)
    results = brief_stories(stories, sentences=sentences, words=words, language=language, jobs=jobs,
                            progress=progress, summarizer=summarizer, allow_overrun=allow_overrun)
    return [result.briefing for result in results if result.briefing is not None]


def brief_stories(
    stories: Sequence[Sequence[Document]],
    *,
    sentences: int | None = None,
    words: int | None = None,
    language: str = "english",
    jobs: int = 1,
    progress: bool = False,
    summarizer: Summarizer | None = None,
    allow_overrun: bool = False,
    pile: Sequence[Sequence[Document]] | None = None,
) -> Iterator[BatchResult]:
    """A :class:`~summarize.batch.BatchResult` per story, in order, its ``set`` the story's
    number (1-based); a story that fails is logged and has ``error`` set. A story is one story:
    the mixed-stories warning is off for its briefing (on ``summarizer`` too), and the language
    is checked once for all the stories, not in each. Paragraphs that
    stand in articles of two stories of ``pile`` (every story of the input, briefed or not;
    default ``stories``) are boilerplate (:func:`shared_paragraphs`) and quoted in none."""
    from .clean import language_mismatch
    from .pipeline import Summarizer

    summarizer = summarizer or Summarizer(language=language)
    shared = shared_paragraphs(stories if pile is None else pile, summarizer.cleaner)
    cleaner = replace(summarizer.cleaner, shared_paragraphs=summarizer.cleaner.shared_paragraphs | shared)
    # One look at the language for the whole input, not one warning per story.
    if summarizer.warn_other_language:
        reason = language_mismatch((document.text for story in stories for document in story), summarizer.resources)
        if reason is not None:
            logger.warning("%s", reason)
    summarizer = replace(summarizer, warn_mixed_stories=False, warn_other_language=False, cleaner=cleaner)
    sets = [DocumentSet(id=str(number), documents=tuple(story)) for number, story in enumerate(stories, start=1)]
    for result in summarize_sets(sets, sentences=sentences, words=words, jobs=jobs, progress=progress,
                                 summarizer=summarizer, allow_overrun=allow_overrun):
        if result.briefing is None:
            story = sets[int(result.set) - 1]
            logger.warning("story %s (%s) left out: %s", result.set,
                           ", ".join(document.id for document in story.documents[:3])
                           + (", …" if len(story.documents) > 3 else ""), result.error)
        yield result
