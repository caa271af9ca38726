"""Rank: TextRank over the sentences of all documents together.

One similarity graph joins every sentence of every source (TF-IDF cosine, no self-loops), and
PageRank finds the sentences the whole set keeps returning to. A variant overrides
one hook: :meth:`TextRank.similarity` for other edges, :meth:`TextRank.prior` for another
teleport distribution.

Small sets get the exact graph, every positive edge. Large sets (above ``exact_limit``
sentences) get a sparse approximation built in row blocks: each sentence keeps its ``top_k``
strongest edges of at least ``large_min_similarity``, and terms found in more than
``max_term_sentences`` sentences (near-stop-words with a tiny IDF) do not make edges. Memory and
time then grow linearly with the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .model import Sentence
from .represent import Representation

__all__ = ["Ranking", "TextRank", "similarity_graph"]


@dataclass(frozen=True, kw_only=True, eq=False)
class Ranking:
    """A score per sentence (PageRank, summing to 1), read-only. (The graph it was computed on
    is :meth:`TextRank.similarity`'s to give; nothing downstream reads it.)"""

    scores: np.ndarray

    def __post_init__(self) -> None:
        scores = np.array(self.scores, dtype=float)
        scores.setflags(write=False)
        object.__setattr__(self, "scores", scores)


def _top_k_per_row(block: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep the k largest entries of each row (ties broken by column, for determinism)."""
    counts = np.diff(block.indptr)
    if counts.max(initial=0) <= k:
        return block
    rows = np.repeat(np.arange(block.shape[0]), counts)
    order = np.lexsort((block.indices, -block.data, rows))
    rank_in_row = np.arange(len(order)) - np.repeat(block.indptr[:-1], counts)
    keep = order[rank_in_row < k]
    return sp.csr_matrix(
        (block.data[keep], (rows[keep], block.indices[keep])), shape=block.shape
    )


# Products of rows that share no term come out as 0 or as rounding noise: neither is an edge.
_ROUNDING = 1e-12


def similarity_graph(
    matrix: sp.csr_matrix,
    *,
    top_k: int | None = None,
    min_similarity: float = 0.0,
    max_term_sentences: int | None = None,
    block_rows: int = 2048,
) -> sp.csr_matrix:
    """Symmetric cosine-similarity graph of the rows of ``matrix`` (L2-normalised), no diagonal.

    With ``top_k`` the product is computed in blocks of ``block_rows`` rows and each row keeps
    its ``top_k`` strongest edges (an edge stays when either end keeps it).
    """
    n = matrix.shape[0]
    if max_term_sentences is not None:
        sentence_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
        matrix = sp.csr_matrix(matrix @ sp.diags((sentence_frequency <= max_term_sentences).astype(float)))
        matrix.eliminate_zeros()
    transposed = matrix.T.tocsr()
    blocks = []
    step = block_rows if top_k else max(n, 1)
    for first in range(0, n, step):
        block = sp.csr_matrix(matrix[first : first + step] @ transposed)
        _zero_diagonal(block, first)
        block.data[block.data < max(min_similarity, _ROUNDING)] = 0
        block.eliminate_zeros()
        if top_k:
            block = _top_k_per_row(block, top_k)
        blocks.append(block)
    if len(blocks) == 1:  # the exact graph: one block, nothing to stack (a copy of every edge)
        graph = blocks[0]
    else:
        graph = sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((n, n))
    if top_k:
        graph = graph.maximum(graph.T).tocsr()
    return graph


def _zero_diagonal(block: sp.csr_matrix, first_row: int) -> None:
    rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr))
    block.data[block.indices == rows + first_row] = 0


@dataclass(frozen=True, kw_only=True)
class TextRank:
    """TextRank with TF-IDF cosine edges and a position prior.

    Values measured on the DUC 2004 dev half (ROUGE-1 / ROUGE-2 recall, 100 words as the
    benchmark runs it, one setting moved at a time from the defaults, which give 38.87 / 9.88;
    2026-11-23).

    Parameters
    ----------
    damping : float, default 0.85
        PageRank's damping factor, as in the PageRank and TextRank papers. 0.75: 38.48 / 9.52;
        0.95: 37.99 / 8.95.
    position_prior : float, default 0.5
        Weights the teleport step toward the first sentences of each document (news puts its
        facts first): sentence ``i`` of a document gets ``1 / (i + 1) ** position_prior``; 0
        makes the teleport uniform, as in the original TextRank. 0: 38.18 / 8.88; 1.0: 39.12 / 9.66.
    lead_weight : float, default 0.0
        Added to the teleport weight of each document's first sentence, on top of the position
        prior. Human summaries of the DUC 2004 dev clusters draw 32.7% of their sentences from
        an article's first sentence (``benchmarks/readability.py``); at 0.75 (the default until
        issue 20) 57.7% of ours were openers and briefings read as a pile of leads, at 0.5
        48.5%, at 0.25 45.4%, at 0 39.8%. ROUGE-1 / ROUGE-2: 39.28 / 9.82 at 0.75, 38.97 / 9.67
        at 0.5, 38.83 / 9.88 at 0.25, 38.87 / 9.88 at 0: no loss on ROUGE-2, 0.4 of ROUGE-1.
    min_similarity : float, default 0.0
        Edges weaker than this are dropped on the exact graph (every positive edge stays).
    exact_limit : int, default 4000
        Above this many sentences the graph is the sparse approximation below; no DUC 2004
        cluster and no seed set comes near it, so their briefings use the exact graph.
    top_k, large_min_similarity, max_term_sentences : default 20, 0.1, 300
        The approximation: each sentence keeps its 20 strongest edges of at least 0.1, and
        terms in more than 300 sentences make no edges. Chosen for time and memory on the
        DUC 2006–07 corpus as one set (59,000 sentences in 7.6 s and 280 MB; README speed table).
    """

    damping: float = 0.85
    position_prior: float = 0.5
    lead_weight: float = 0.0
    min_similarity: float = 0.0
    exact_limit: int = 4000
    top_k: int = 20
    large_min_similarity: float = 0.1
    max_term_sentences: int = 300

    def similarity(self, sentences: Sequence[Sentence], representation: Representation) -> sp.csr_matrix:
        """The weighted, symmetric edges between sentences (the hook a variant overrides)."""
        large = len(sentences) > self.exact_limit
        return similarity_graph(
            representation.matrix,
            top_k=self.top_k if large else None,
            min_similarity=self.large_min_similarity if large else self.min_similarity,
            max_term_sentences=self.max_term_sentences if large else None,
        )

    def prior(self, sentences: Sequence[Sentence], representation: Representation) -> np.ndarray:
        """Teleport weights, one per sentence (the hook a variant overrides)."""
        positions = np.array([sentence.position for sentence in sentences], dtype=float)
        prior: np.ndarray = 1.0 / (positions + 1.0) ** self.position_prior + self.lead_weight * (positions == 0)
        return prior

    def rank(self, sentences: Sequence[Sentence], representation: Representation) -> Ranking:
        if not sentences:
            return Ranking(scores=np.zeros(0))
        graph = self.similarity(sentences, representation)
        prior = self.prior(sentences, representation)
        return Ranking(scores=pagerank(graph, prior, damping=self.damping))


def pagerank(graph: sp.csr_matrix, prior: np.ndarray, *, damping: float) -> np.ndarray:
    """PageRank of a weighted undirected graph with the teleport distribution ``prior``.

    A sparse power iteration with networkx's semantics and its tolerance here (1e-10 per node),
    on every input: networkx itself (the reference in ``tests/test_rank.py``) first builds a
    dict-of-dicts graph, about 1 KB an edge (22 s and 560 MB for the 1.7 million edges of
    59,000 sentences), and importing it costs 0.1 s of every run. The DUC 2004 and seed
    briefings are the same bytes either way."""
    return sparse_pagerank(graph, prior, damping=damping)


def sparse_pagerank(
    graph: sp.csr_matrix, prior: np.ndarray, *, damping: float, tol: float = 1e-10, max_iter: int = 1000
) -> np.ndarray:
    """Power iteration on the sparse graph, step for step as networkx's ``pagerank`` computes it
    (rows normalised by their weight; dangling nodes and the teleport step follow ``prior``;
    a uniform start; stop when the L1 change is under ``n * tol``), so the scores are the same
    floating-point numbers networkx gives."""
    n = graph.shape[0]
    # Two conversions do the work of three: the graph's CSC arrays, read as CSR, are its
    # transpose with every row sorted (CSC keeps each column's entries in row order), which is
    # what the iteration multiplies by; converted back they are the graph with its rows sorted,
    # whose sums add each row's weights in column order, as networkx's do. (Sorting the graph,
    # then transposing it, took three.)
    columns = sp.csc_matrix(graph, dtype=float, copy=True)
    columns.sum_duplicates()
    out_weight = np.asarray(columns.tocsr().sum(axis=1)).ravel()
    dangling = np.where(out_weight == 0)[0]
    inverse = out_weight.copy()
    inverse[inverse != 0] = 1.0 / inverse[inverse != 0]
    # x @ T, as networkx writes it, makes scipy transpose T on every step; T's transpose built
    # once adds the same products in the same order (column by column of T), so the same floats.
    # Its entries are A[i, j] * inverse[i], each the one product networkx's row scaling makes.
    transposed = sp.csr_matrix((columns.data * inverse[columns.indices], columns.indices, columns.indptr),
                               shape=(n, n))
    teleport = prior.astype(float) / float(prior.sum())
    teleport = teleport / teleport.sum()
    scores = np.repeat(1.0 / n, n)
    for _ in range(max_iter):
        previous = scores
        scores = damping * (transposed @ previous + sum(previous[dangling]) * teleport) + (1 - damping) * teleport
        if np.absolute(scores - previous).sum() < n * tol:
            break
    return np.asarray(scores, dtype=float)
