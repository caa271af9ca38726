"""One contract every ranker and selector variant must keep, in the manner of scikit-learn's
``check_estimator``: add a variant to ``RANKERS`` or ``SELECTORS`` and it is checked like the
default. The checks run on the seeds (five paraphrasing web copies) and on a set of our own."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
import scipy.sparse as sp

from summarize import Document, Summarizer, load_documents
from summarize.model import Sentence
from summarize.rank import Ranking, TextRank
from summarize.represent import Representation
from summarize.select import Budget, Selector

from .conftest import SEEDS, assert_verbatim


@dataclass(frozen=True, kw_only=True)
class _WordOverlap(TextRank):
    """A variant that overrides one hook: edges count shared terms instead of TF-IDF cosine."""

    def similarity(self, sentences, representation):
        presence = representation.matrix.copy()
        presence.data[:] = 1.0
        graph = sp.csr_matrix(presence @ presence.T)
        graph.setdiag(0)
        graph.eliminate_zeros()
        return graph


@dataclass(frozen=True, kw_only=True)
class _FlatPrior(TextRank):
    def prior(self, sentences, representation):
        return np.ones(len(sentences))


@dataclass(frozen=True, kw_only=True)
class _CosineFacts(Selector):
    """A variant that judges "the same fact" on the ranking's TF-IDF vectors."""

    def same_fact_similarity(self, representation, indices):
        return sp.csr_matrix(representation.matrix[indices] @ representation.matrix.T)


RANKERS = [
    TextRank(),
    TextRank(position_prior=0.0),
    TextRank(lead_weight=0.75),  # the lead bonus before issue 20
    TextRank(exact_limit=10),  # the sparse top-k graph on a small set
    _WordOverlap(),
    _FlatPrior(),
]
SELECTORS = [
    Selector(),
    Selector(shared_witnesses=0),
    Selector(corroboration_weight=0.0, dependent_weight=1.0, framing_weight=1.0),
    Selector(same_fact=0.6, pool=1),
    _CosineFacts(),
]
BUDGETS = [Budget(sentences=1), Budget(sentences=4), Budget(words=60), Budget(sentences=3, words=40)]

OWN = [
    Document(id="a", text="Heavy rain flooded the northern valley on Monday, forcing thousands to leave their homes. "
                          "Officials said the river rose four metres overnight and rescuers evacuated the valley. "
                          "The regional government promised compensation to farmers who lost their harvest."),
    Document(id="b", text="On Monday heavy rain flooded the northern valley and thousands had to leave their homes. "
                          "Schools in the capital will stay closed on Tuesday because of a strike by bus drivers. "
                          "The government promised compensation to farmers whose crops the water destroyed."),
]


def _stages(documents) -> tuple[list[Sentence], Representation]:
    summarizer = Summarizer()
    sentences = summarizer.split(summarizer.clean(documents))
    return sentences, summarizer.represent(sentences)


@pytest.fixture(scope="module", params=["seeds", "own"])
def prepared(request):
    return _stages(load_documents([SEEDS]) if request.param == "seeds" else OWN)


@pytest.mark.parametrize("ranker", RANKERS, ids=lambda r: repr(r)[:60])
def test_ranker_contract(ranker, prepared):
    sentences, representation = prepared
    n = len(sentences)
    graph = sp.csr_matrix(ranker.similarity(sentences, representation))
    assert graph.shape == (n, n)
    assert abs(graph - graph.T).max() == 0, "edges are symmetric"
    assert not graph.diagonal().any(), "no self-loops"
    assert graph.data.min() > 0 if graph.nnz else True, "edges have positive weight"
    prior = ranker.prior(sentences, representation)
    assert prior.shape == (n,) and (prior > 0).all()
    first = ranker.rank(sentences, representation)
    again = ranker.rank(sentences, representation)
    assert first.scores.shape == (n,) and (first.scores >= 0).all()
    assert first.scores.sum() == pytest.approx(1.0, abs=1e-9), "scores are a distribution"
    assert np.array_equal(first.scores, again.scores), "deterministic to the bit"


@pytest.mark.parametrize("selector", SELECTORS, ids=lambda s: repr(s)[:60])
@pytest.mark.parametrize("budget", BUDGETS, ids=repr)
def test_selector_contract(selector, budget, prepared):
    sentences, representation = prepared
    ranking = TextRank().rank(sentences, representation)
    chosen = selector.select(sentences, representation, ranking, budget)
    assert chosen == selector.select(sentences, representation, ranking, budget), "deterministic"
    indices = [selection.index for selection in chosen]
    assert chosen and len(set(indices)) == len(indices) and all(0 <= i < len(sentences) for i in indices)
    counts = [int(representation.word_counts[i]) for i in indices]
    if budget.sentences is not None:
        assert len(chosen) <= budget.sentences
    if budget.words is not None:
        assert sum(counts) <= budget.words, "a words budget is never exceeded"
    for selection in chosen:
        own = sentences[selection.index].document
        assert selection.sources[0] == own and len(set(selection.sources)) == len(selection.sources)
    # No two lines state the same fact by the selector's own measure.
    if len(indices) > 1:
        similar = sp.csr_matrix(selector.same_fact_similarity(representation, np.array(indices)))[:, indices].toarray()
        np.fill_diagonal(similar, 0)
        assert similar.max() < selector.same_fact
    # Reading order: by relative position in the source article.
    length: dict[str, int] = {}
    for sentence in sentences:
        length[sentence.document] = max(length.get(sentence.document, 0), sentence.position + 1)
    depths = [sentences[i].position / length[sentences[i].document] for i in indices]
    assert depths == sorted(depths)
    assert selector.select([], representation, Ranking(scores=np.zeros(0)), budget) == []


@pytest.mark.parametrize("ranker", RANKERS, ids=lambda r: repr(r)[:60])
@pytest.mark.parametrize("selector", SELECTORS, ids=lambda s: repr(s)[:60])
def test_every_pairing_briefs_the_seeds_verbatim_and_deterministically(ranker, selector):
    summarizer = Summarizer(ranker=ranker, selector=selector)
    documents = load_documents([SEEDS])
    first = summarizer(documents, sentences=4)
    assert 1 <= len(first.sentences) <= 4
    assert_verbatim(first)
    assert summarizer(documents, sentences=4).to_json() == first.to_json()
