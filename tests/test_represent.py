from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.language import get_language
from summarize.model import Sentence
from summarize.cues import depends_on_context, frames_the_story, unattributed_quote
from summarize.represent import represent, tokenize

EN = get_language("english")


def _sentences(texts_by_doc: list[list[str]]) -> list[Sentence]:
    return [
        Sentence(document=f"d{d}", paragraph=0, position=i, start=0, end=len(t), text=t)
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


def test_nothing_in_a_representation_can_be_changed():
    # Every later stage reads the same representation; none may change what another one sees.
    rep = represent(_sentences([["Tanks and tanks arrive.", "Air defense arrives."], ["Tanks arrive again."]]), EN)
    with pytest.raises(TypeError):
        rep.vocabulary["tank"] = 99  # type: ignore[index]
    with pytest.raises(AttributeError):
        rep.terms[0].append("x")  # type: ignore[attr-defined]
    for array in (rep.word_counts, rep.dependent, rep.framing, rep.idf, rep.matrix.data, rep.fact_matrix.data):
        with pytest.raises(ValueError, match="read-only"):
            array[0] = array[0]


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
    ("We are seeing our crime rates come down.''", True),  # newswire's closing mark, opened before
    ("``We are seeing our crime rates come down,'' the mayor said.", False),
    ("``We will not stop here,'' he said, ``not until the vote.", True),
    ("For months, ''Star Wars'' fans have analysed every second of the trailer.", False),
    ("''At first I didn't really want to work,'' the former ''Seinfeld'' star said.", False),
    ("To Jerry's credit, he never censored anything,'' said Larry David of ``Seinfeld''.", True),
    # A restatement opener rewords the sentence before (cues.RESTATEMENT_OPENERS).
    ("\"In essence, this is a guarantee for Ukraine that we will continue to equip its forces.", True),
    ("In other words, the poorest families will have less space.", True),
    ("In effect, it increases the time the receptors are exposed.", True),
    ("Put simply, no deal was reached.", True),
    ("In short order the council approved the budget.", False),
    ("In Essence Magazine, she wrote about the summit.", False),
    ("In sum total, the aid reached $40 billion.", False),
    # A connective of several words relates the sentence to the one before (cues.CONNECTIVE_OPENERS).
    ("In return, there will be a promise to continue to provide much of the assistance.", True),
    ("As a result, the capsules are sliding off the vessel's hull.", True),
    ("“On the other hand, reaching out would cost him support.", True),
    ("In return for immunity, she testified before the grand jury.", False),
    ("As a result of the storm, 40 flights were cancelled.", False),
    ("In addition to the fine, the company must pay damages.", False),
])
def test_depends_on_context(text, dependent):
    assert depends_on_context(text, EN) is dependent


@pytest.mark.parametrize("text, framing", [
    ("The effort is part of broader negotiations on how allies should support Kyiv.", True),
    ("She noted that the initiative is part of a larger discussion within NATO.", True),
    ("The surge in home schooling is part of a broader trend.", True),
    ("The debate was also part of a much wider battle over the party's direction.", True),
    ("The sale comes amid a jettisoning of assets by the parent company.", True),
    ("The move came against a backdrop of a severe water shortage.", True),
    # A fact that opens with a framing phrase, or "part of" something specific, is a fact.
    ("As part of a larger effort to help farmers, the budget adds $5.5 million for research.", False),
    ("The radar is part of the air defense package Germany sent in May.", False),
    ("The news came as a surprise to the ministers.", False),
    ("Great harvests often come amid chaotic inefficiency.", False),
])
def test_frames_the_story(text, framing):
    assert frames_the_story(text, EN) is framing


def test_a_language_without_framing_cues_flags_nothing():
    assert frames_the_story("Die Gespräche sind Teil breiterer Verhandlungen.", get_language("german")) is False
    rep = represent(_sentences([["The effort is part of broader talks on aid.", "Tanks arrive on Monday."]]), EN)
    assert list(rep.framing) == [True, False]


# Fragments of matches and near misses, in cases and scripts that lower() and the regex's
# case-insensitivity could treat differently.
_FRAMING_WORDS = ["The effort", "is part of a broader", "IS Part of the WIDER", "were also part of much larger",
                  "is part of", "part of a broader", "a broader", "talks",
                  "came amid", "comes AMİD", "came amidst", "comes against the backdrop", "came against a bacKdrop",
                  "apart", "party", "\u00a0", ".", "İ", "ﬁ"]


@given(st.lists(st.sampled_from(_FRAMING_WORDS), max_size=10), st.sampled_from([" ", "", "  "]))
def test_framing_key_gate_never_hides_a_match(words, glue):
    text = glue.join(words)
    assert frames_the_story(text, EN) is (EN.framing.search(text) is not None)


@pytest.mark.parametrize("text, alone", [
    ("“We will not give up.”", True),
    ("\"We are ready to talk to anyone who wants peace.\"", True),
    ("``We are ready to talk to anyone who wants peace.''", True),  # newswire's quotation marks
    ("“We are ready”.", True),
    ("“We will not give up,” she said.", False),
    ("``It was a disaster,'' the mayor said on Monday.", False),
    ("“A ceasefire,” he said, “is the first step.”", False),
    ("The minister said “no.”", False),
    ("The ``Big Three'' carmakers met on Monday.", False),
    ("'Tis the season, the mayor's office said.", False),
])
def test_unattributed_quote(text, alone):
    assert unattributed_quote(text) is alone
