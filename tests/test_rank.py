from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp

from summarize.rank import TextRank, pagerank, similarity_graph


def _random_matrix(rows: int, cols: int, seed: int = 0) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random((rows, cols)) * (rng.random((rows, cols)) < 0.15)
    norms = np.linalg.norm(dense, axis=1)
    norms[norms == 0] = 1
    return sp.csr_matrix(dense / norms[:, None])


def test_exact_graph_is_symmetric_cosine_without_self_loops():
    matrix = _random_matrix(60, 40)
    graph = similarity_graph(matrix)
    expected = (matrix @ matrix.T).toarray()
    np.fill_diagonal(expected, 0)
    assert np.allclose(graph.toarray(), expected)
    assert graph.diagonal().sum() == 0


def test_blocked_top_k_graph_keeps_each_rows_strongest_edges():
    matrix = _random_matrix(300, 50, seed=1)
    exact = similarity_graph(matrix).toarray()
    approximate = similarity_graph(matrix, top_k=5, block_rows=64).toarray()
    assert np.allclose(approximate, approximate.T)
    assert approximate.diagonal().sum() == 0
    for row in range(300):
        strongest = np.sort(exact[row])[-5:]
        assert np.all(np.isin(np.round(strongest, 12), np.round(approximate[row], 12)))
    assert np.all((approximate == 0) | np.isclose(approximate, exact))


def test_pagerank_matches_networkx_reference():
    graph = similarity_graph(_random_matrix(40, 30, seed=2))
    prior = np.linspace(2, 1, 40)
    ours = pagerank(graph, prior, damping=0.85)
    reference = nx.pagerank(nx.from_numpy_array(graph.toarray()), alpha=0.85,
                            personalization=dict(enumerate(prior / prior.sum())), weight="weight")
    assert np.allclose(ours, [reference[i] for i in range(40)], atol=1e-5)  # networkx's own default tolerance
    assert np.isclose(ours.sum(), 1.0)


def test_pagerank_gives_networkx_own_numbers_as_the_pipeline_called_it():
    """The iteration replaced a call to networkx (issue 16: one PageRank on the default path);
    every briefing kept its bytes because the numbers are equal, not merely close."""
    graph = similarity_graph(_random_matrix(80, 30, seed=3))
    graph = graph.tolil()
    graph[5, :] = 0
    graph[:, 5] = 0  # a dangling node
    graph = graph.tocsr()
    graph.eliminate_zeros()
    prior = np.linspace(3, 1, 80) + 0.75 * (np.arange(80) % 7 == 0)
    ours = pagerank(graph, prior, damping=0.85)
    # Exactly the call the pipeline made before.
    personalization = {node: float(weight) / float(prior.sum()) for node, weight in enumerate(prior)}
    reference = nx.pagerank(nx.from_scipy_sparse_array(graph), alpha=0.85, personalization=personalization,
                            weight="weight", tol=1e-10, max_iter=1000, dangling=personalization)
    assert ours.tolist() == [reference[i] for i in range(80)]


def test_position_prior_favours_leads():
    class Flat(TextRank):
        def similarity(self, sentences, representation):
            n = len(sentences)
            return sp.csr_matrix(np.ones((n, n)) - np.eye(n))

    from summarize.model import Sentence
    sentences = [Sentence(document="d", paragraph=0, position=i, start=0, end=1, text="x")
                 for i in range(5)]
    scores = Flat(position_prior=1.0).rank(sentences, None).scores
    assert list(np.argsort(-scores)) == [0, 1, 2, 3, 4]
    uniform = Flat(position_prior=0.0, lead_weight=0.0).rank(sentences, None).scores
    assert np.allclose(uniform, 0.2)
    lead = Flat(position_prior=0.0, lead_weight=1.0).rank(sentences, None).scores
    assert lead[0] > lead[1] and np.allclose(lead[1:], lead[1])


def test_pagerank_reads_an_unsorted_or_duplicated_graph_as_its_canonical_form_and_leaves_it_alone():
    """A product's rows come out unsorted, and a variant's graph may repeat an entry: the scores
    are those of the sorted, summed graph, to the last bit, and the caller's graph is unchanged."""
    graph = similarity_graph(_random_matrix(60, 30, seed=4))
    graph.sort_indices()
    rng = np.random.default_rng(5)
    order = np.concatenate([start + rng.permutation(end - start)  # each row's entries shuffled in place
                            for start, end in zip(graph.indptr[:-1], graph.indptr[1:])])
    shuffled = sp.csr_matrix((graph.data[order], graph.indices[order], graph.indptr), shape=graph.shape)
    assert not shuffled.has_sorted_indices
    before = shuffled.copy()
    prior = np.linspace(2, 1, 60)
    canonical = graph.copy()
    canonical.sort_indices()
    assert pagerank(shuffled, prior, damping=0.85).tolist() == pagerank(canonical, prior, damping=0.85).tolist()
    assert np.array_equal(shuffled.indices, before.indices) and np.array_equal(shuffled.data, before.data)
    halves = sp.vstack([sp.coo_matrix(graph / 2), sp.coo_matrix(graph / 2)]).tocoo()
    doubled = sp.csr_matrix((halves.data, (halves.row % 60, halves.col)), shape=graph.shape)
    assert np.allclose(pagerank(doubled, prior, damping=0.85), pagerank(canonical, prior, damping=0.85), rtol=0, atol=1e-12)
