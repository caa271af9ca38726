from __future__ import annotations

import json

import pytest

from summarize import Document, render_briefing, summarize
from summarize.language import get_language
from summarize.names import surname_notes

STOP = get_language("english").stop_words

# What the documents say around the names: a full name, a title or a speech verb, and places.
DOCUMENTS = """
Linda Holloway, the board's chair, said the standards would stand. Holloway said the vote was fair.
Linda Holloway told reporters the board would meet again. Teachers in Kansas protested the vote.
The company said profits fell. Howard Schultz said sales were strong. Howard Schultz, the chief
executive, spoke on Thursday. Schultz said the stores would stay open. Reporters from Miami and
Elian's Miami relatives waited. Sen. Miami is no one here. Barak Thursday met the envoys.
"""


def _notes(*sentences: str) -> list[list[tuple[str, str]]]:
    found = surname_notes(list(sentences), DOCUMENTS, STOP)
    return [[(sentence[note.start : note.end], note.name) for note in notes]
            for sentence, notes in zip(sentences, found, strict=True)]


def test_a_surname_alone_at_its_first_mention_gets_the_full_name():
    assert _notes("The board, lead by Holloway, approved new standards.") == [[("Holloway", "Linda Holloway")]]


def test_only_the_first_mention_and_only_alone():
    assert _notes("Linda Holloway defended the standards on Monday.",
                  "Holloway said the vote was fair and final.",
                  "Schultz's stores stayed open, Schultz said.") == [
        [], [], [("Schultz's", "Howard Schultz")]]


@pytest.mark.parametrize("sentence", [
    "Teachers in Kansas protested the vote on Monday.",  # a place, never a person
    "Company executives said profits fell.",  # written in lower case too: a common word
    "Relatives in Miami waited for the decision.",  # "from Miami": a place, whatever a title says
    "The envoys met on Thursday in the capital.",  # "Barak Thursday" is not a name
    "Bouchard said the talks would go on.",  # no full name in the documents
])
def test_no_note_without_evidence_of_a_person_named_in_full(sentence):
    assert _notes(sentence) == [[]]


PILE = [
    Document(id="a", text=(
        "The Kansas state board of education, lead by Holloway, approved new science standards that "
        "drop evolution from the state tests.\n\nThe new science standards of the Kansas board drop "
        "evolution from the tests, and teachers protested.")),
    Document(id="b", text=(
        "Kansas teachers and scientists protested the new science standards of the state board of "
        "education.\n\nLinda Holloway told reporters that the vote was six to four.\n\nLinda "
        "Holloway, a former teacher, has led the board since 1997.")),
]


def test_every_format_notes_the_name_and_the_quote_stays_verbatim():
    briefing = summarize(PILE, sentences=1)
    noted = [sentence for sentence in briefing.sentences if sentence.names]
    assert noted, [sentence.text for sentence in briefing.sentences]
    sentence = noted[0]
    document = next(d for d in PILE if d.id == sentence.document)
    assert sentence.text in document.text.replace("\n\n", " ")
    assert render_briefing(briefing, format="text").count("Holloway [Linda Holloway]") == 1
    assert r"Holloway \[Linda Holloway\]" in render_briefing(briefing, format="markdown")
    assert 'Holloway <span class="note">[Linda Holloway]</span>' in render_briefing(briefing, format="html")
    data = json.loads(render_briefing(briefing, format="json"))
    names = [s["names"] for s in data["sentences"] if "names" in s]
    assert names == [[note.to_dict() for note in sentence.names]]


def test_other_languages_get_no_name_notes():
    briefing = summarize(PILE, sentences=1, language="german")
    assert any("lead by Holloway" in sentence.text for sentence in briefing.sentences)
    assert all(sentence.names == () for sentence in briefing.sentences)
