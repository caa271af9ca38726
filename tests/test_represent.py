from __future__ import annotations

import numpy as np
import pytest

from summarize.language import get_language
from summarize.model import Sentence
from summarize.represent import depends_on_context, represent, tokenize

EN = get_language("english")


def _sentences(texts_by_doc: list[list[str]]) -> list[Sentence]:
    return [
        Sentence(document=f"d{d}", doc_index=d, paragraph=0, position=i, start=0, end=len(t), text=t)
        for d, texts in enumerate(texts_by_doc) for i, t in enumerate(texts)
    ]


def test_tokens_keep_numbers_and_acronyms_and_drop_stop_words():
    assert tokenize("The G7 and the U.S. promised in 2008 that Kyiv's bid was running at 9 a.m.", EN) == [
        "g7", "us", "promis", "2008", "kyiv", "bid", "run", "9", "a.m"]


@pytest.mark.parametrize("written, term", [
    ("US", "us"), ("U.S.", "us"), ("USA", "us"), ("United States", "us"), ("United States of America", "us"),
    ("UK", "uk"), ("U.K.", "uk"), ("Britain", "uk"), ("Great Britain", "uk"), ("United Kingdom", "uk"),
    ("EU", "eu"), ("European Union", "eu"), ("UN", "un"), ("United Nations", "un"),
])
def test_a_name_written_several_ways_is_one_term(written, term):
    assert tokenize(f"Officials from the {written} met envoys", EN) == ["offici", term, "met", "envoy"]


def test_a_possessive_name_is_the_name():
    assert tokenize("Britain's envoy and the United States’ envoy", EN) == ["uk", "envoy", "us", "envoy"]


def test_names_are_matched_as_written_so_pronouns_stay_stop_words():
    assert tokenize("Officials told us about the US delegation", EN) == ["offici", "told", "us", "deleg"]
    # Lowercase or partial forms are ordinary words.
    assert tokenize("united states of matter", EN) == ["unit", "state", "matter"]
    assert tokenize("The United Statesmen", EN) == ["unit", "statesmen"]


def test_aliases_make_paraphrases_that_name_countries_differently_alike():
    rep = represent(_sentences([["The United States and the United Kingdom back Kyiv."],
                                ["The US and Britain back Kyiv."]]), EN)
    assert (rep.matrix[0] @ rep.matrix[1].T).toarray()[0, 0] == pytest.approx(1.0)


def test_rows_are_unit_vectors_and_idf_counts_documents():
    sentences = _sentences([["Tanks and tanks arrive.", "Air defense arrives."], ["Tanks arrive again."]])
    rep = represent(sentences, EN)
    norms = np.sqrt(np.asarray(rep.matrix.multiply(rep.matrix).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0)
    # "tank" is in both documents, "air" in one: a rarer term across documents weighs more.
    assert rep.idf[rep.vocabulary["air"]] > rep.idf[rep.vocabulary["tank"]]
    assert list(rep.word_counts) == [4, 3, 3]


def test_empty_sentence_has_a_zero_row():
    rep = represent(_sentences([["The and of.", "Real words here."]]), EN)
    assert rep.matrix[0].nnz == 0


@pytest.mark.parametrize("text, dependent", [
    ("These efforts are part of broader talks.", True),
    ("However, the plan failed.", True),
    ("in discussions with the allies.", True),
    ("“We will equip their forces,” he said", False),
    ("This is a guarantee,” said the diplomat.", True),
    ("The council approved the budget.", False),
    ("It is expected that the vote will pass.", False),
])
def test_depends_on_context(text, dependent):
    assert depends_on_context(text, EN) is dependent
