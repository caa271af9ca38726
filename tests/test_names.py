from __future__ import annotations

import json

import pytest

from summarize import Document, render_briefing, summarize
from summarize.language import get_language
from summarize.names import pronoun_note, surname_notes

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


# Pronouns: who "He" or "She" is, read off the sentences before it in its article.
PRONOUN_DOCUMENTS = DOCUMENTS + """
State Department spokesman James P. Rubin said the talks went well. James P. Rubin told
reporters more. Rubin said officials were worried. Foreign Minister Ismail Cem left for Rome.
Ismail Cem spoke on Sunday, and Cem said the visit mattered to the foreign ministry. Anwar was held
at Anwar's house. Rep. Bob Livingston resigned, and Rep. Bob Livingston left the house. A statement
from Livingston followed.
"""


def _pronoun(before: list[str], sentence: str) -> tuple[str, str] | None:
    note = pronoun_note(before, sentence, PRONOUN_DOCUMENTS, STOP)
    return None if note is None else (sentence[note.start : note.end], note.name)


@pytest.mark.parametrize(("before", "sentence", "expected"), [
    # the one person the sentence before quotes, whoever else it names
    (["Officials confirmed that Holloway is being held, Rubin said."], "He said he had no news.",
     ("He", "James P. Rubin")),
    # else its subject, the first name it holds, when that is a person's
    (["Foreign Minister Ismail Cem left for Rome on Sunday to meet Linda Holloway."],
     "He criticized the ministry.", ("He", "Ismail Cem")),
    # the nearest sentence that names anyone decides; one naming no one is passed over
    (["Holloway said the vote was fair.", "The board met again on Monday."], "She said it would stand.",
     ("She", "Linda Holloway")),
    # "from Livingston" reads like a place, but a title and a first name say person
    (["Rep. Bob Livingston, who confessed, stunned the chamber on Saturday."], "He urged the president to quit.",
     ("He", "Bob Livingston")),
])
def test_a_pronoun_that_opens_a_quoted_sentence_gets_the_person_it_stands_for(before, sentence, expected):
    assert _pronoun(before, sentence) == expected


@pytest.mark.parametrize(("before", "sentence"), [
    # the subject is no known person (a place rule keeps Anwar out): Mahathir would be wrong
    (["Anwar was fired by Linda Holloway on Monday."], "He then spoke out."),
    # a "he" before the first name is the sentence's subject, and Holloway is not
    (["But he was suddenly fired by Holloway on Monday."], "He then spoke out."),
    # two people quoted
    (["Holloway said the vote was fair, and Rubin said it was not."], "He left early."),
    # the way back crosses a sentence that opens on a pronoun: its person is further back still
    (["Rubin said the talks went well.", "He said, however, that his support was personal."], "He also said more."),
    # a pronoun inside a quotation is the speaker's to resolve
    (["Rubin said the talks went well."], "``He wrote the virus,'' said Smith."),
    # no one named at all within reach
    (["The board met again on Monday."], "She said it would stand."),
    # not a pronoun that opens the sentence
    (["Rubin said the talks went well."], "The ministry said he was right."),
])
def test_no_pronoun_note_unless_the_article_says_plainly_who(before, sentence):
    assert _pronoun(before, sentence) is None


def test_the_briefing_notes_who_a_pronoun_is_in_every_format():
    pile = [
        Document(id="a", text=(
            "State Department spokesman James P. Rubin said the dissident Xu Wenli was detained in "
            "Beijing on Monday for founding an opposition party.\n\nJames P. Rubin said officials "
            "asked for the dissident's release.\n\nHe said he had no information from the Chinese "
            "authorities about the dissident Xu Wenli.")),
        Document(id="b", text=(
            "The dissident Xu Wenli was detained in Beijing on Monday for founding an opposition "
            "party, Rubin said.\n\nHe said he had no information from the Chinese authorities about "
            "the dissident Xu Wenli or his party.")),
    ]
    briefing = summarize(pile, sentences=3)
    noted = [s for s in briefing.sentences if s.text.startswith("He said")]
    assert noted and noted[0].names[0].name == "James P. Rubin", [(s.text, s.names) for s in briefing.sentences]
    assert noted[0].names[0].start == 0 and noted[0].names[0].end == 2
    assert "He [James P. Rubin] said he had no information" in render_briefing(briefing, format="text")
