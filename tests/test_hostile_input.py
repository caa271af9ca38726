"""Odd but valid input gives a sensible briefing, never a traceback."""

from __future__ import annotations

import random

import pytest

from summarize import InputError, load_documents, summarize

from .conftest import assert_verbatim

STORY = ("The council approved the new budget on Monday after a long debate. "
         "The mayor said the plan would fund schools and roads for five years. "
         "Opposition members voted against it and promised to appeal.")

CASES = {
    "no sentence punctuation": "the council approved the budget on monday after a long debate " * 30,
    "list of headlines": "Storm hits coast\nMarkets fall again\nElection date set\nCouncil passes budget\n",
    "single sentence": "The council approved the new budget on Monday after a long debate.",
    "50,000-character line": ("word " * 10_000).strip(),
    "control characters": "The council\x07 approved\x1b[31m the budget\x00 on Monday after a debate. " * 3,
    "another language": "Le conseil a approuvé le nouveau budget lundi après un long débat. "
                        "Le maire a dit que le plan financerait les écoles et les routes.",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_input_gives_a_verbatim_briefing(name):
    briefing = summarize([CASES[name]], sentences=3)
    assert 1 <= len(briefing.sentences) <= 3
    assert_verbatim(briefing)
    for sentence in briefing.sentences:
        assert not any(ord(char) < 32 for char in sentence.text)
        assert len(sentence.text.split()) <= 80


def test_identical_documents_cite_each_other_once():
    briefing = summarize([STORY, STORY, STORY], sentences=5)
    assert len({s.text for s in briefing.sentences}) == len(briefing.sentences) == 3
    assert all(set(s.sources) == {"doc-1", "doc-2", "doc-3"} for s in briefing.sentences)


def test_a_200_mb_input_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk, no memory
    with pytest.raises(InputError, match="larger than the limit"):
        load_documents([big])


def test_output_does_not_depend_on_the_order_files_were_written(tmp_path):
    texts = {f"{name}.txt": f"{STORY} Source {name} adds that the vote was close." for name in "abcdef"}
    outputs = []
    for attempt in range(2):
        directory = tmp_path / f"run{attempt}" / "set"
        directory.mkdir(parents=True)
        names = sorted(texts)
        random.Random(attempt).shuffle(names)
        for name in names:
            (directory / name).write_text(texts[name])
        briefing = summarize(load_documents([directory]))
        outputs.append([(s.text, s.document, s.sources) for s in briefing.sentences])
    assert outputs[0] == outputs[1]
