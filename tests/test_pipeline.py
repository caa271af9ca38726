from __future__ import annotations

import sys

import pytest

from summarize import Document, pipeline, summarize
from summarize.batch import DocumentSet, summarize_sets

TEXTS = [
    "The council approved a new bridge over the river on Tuesday after ten years of debate.",
    "A new bridge over the river was approved by the council on Tuesday, the mayor said.",
    "Work on the bridge starts in spring and should take two years, the engineers said.",
]


def test_stage_bar_shows_for_a_large_set_when_asked(capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "LARGE_SET_CHARACTERS", 100)
    with_bar = summarize(TEXTS, progress=True)
    err = capsys.readouterr().err
    assert "stage" in err and "select" in err
    assert summarize(TEXTS).to_json() == with_bar.to_json()  # the bar changes nothing else
    assert capsys.readouterr().err == ""


def test_no_stage_bar_for_a_small_set(capsys):
    summarize(TEXTS, progress=True)
    assert capsys.readouterr().err == ""


def test_stage_bar_is_closed_when_a_stage_fails(capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "LARGE_SET_CHARACTERS", 10)
    with pytest.raises(pipeline.NoSentencesError):
        summarize(["+" * 50], progress=True)
    assert "split" in capsys.readouterr().err


def test_batch_bar_counts_sets(capsys):
    sets = [DocumentSet(id=f"s{i}", documents=(Document(id="a", text=text),)) for i, text in enumerate(TEXTS)]
    assert len(list(summarize_sets(sets, progress=True))) == 3
    assert "/3 " in capsys.readouterr().err  # tqdm redraws at most every 0.1 s: the count may not show


@pytest.mark.parametrize("tty, quiet, shown", [(True, False, True), (True, True, False), (False, False, False)])
def test_cli_shows_a_bar_only_on_a_terminal_and_not_with_quiet(cli, tmp_path, monkeypatch, tty, quiet, shown):
    monkeypatch.setattr(pipeline, "LARGE_SET_CHARACTERS", 100)
    for i, text in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(text)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    result = cli(tmp_path, *(["--quiet"] if quiet else []))
    assert result.status == 0 and "bridge" in result.out
    assert ("stage" in result.err) is shown


def test_on_stage_reports_every_stage_in_order_then_done():
    from summarize import Summarizer

    seen = []
    Summarizer()(["The council approved the new budget on Monday after a long debate. "
                  "The mayor said the plan pays for schools and roads for five years."],
                 sentences=1, on_stage=seen.append)
    assert seen == ["clean", "split", "represent", "stories", "rank", "select", "done"]
    seen.clear()
    Summarizer(warn_mixed_stories=False)(["The council approved the new budget on Monday after a long debate."],
                                         on_stage=seen.append)
    assert seen == ["clean", "split", "represent", "rank", "select", "done"]
