"""The quality harness's own logic on a two-cluster fixture (the full run is a benchmark; CI has
neither the DUC data nor the Perl scorer)."""

from __future__ import annotations

import sys

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import quality  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "duc_tiny.jsonl"


def test_load_clusters_and_limit():
    clusters = quality.load_clusters(FIXTURE)
    assert [c.id for c in clusters] == ["t001", "t002"]
    assert len(clusters[0].documents) == 2 and len(clusters[0].references) == 2
    assert set(clusters[0].peers) == {"Lead", "Other"}
    assert [c.id for c in quality.load_clusters(FIXTURE, limit=1)] == ["t001"]


def test_truncate_words_cuts_the_last_sentence_at_the_limit():
    assert quality.truncate_words(["one two three", "four five six"], limit=5) == ["one two three", "four five"]
    assert quality.truncate_words(["a b", "", "c"], limit=10) == ["a b", "c"]
    assert quality.truncate_words(["a b c"], limit=3) == ["a b c"]


def test_table_is_sorted_by_rouge_2_and_formats_both_ways():
    overall = {"x": {"R1-r": 30.0, "R2-r": 5.0}, "y": {"R1-r": 25.0, "R2-r": 7.5}, "z": {"R1-r": 31.0, "R2-r": 5.0}}
    rows = quality.score_table(overall)
    assert [row["system"] for row in rows] == ["y", "z", "x"]
    markdown = quality.format_table(rows, markdown=True).splitlines()
    assert markdown[0].startswith("| rank | system") and markdown[2] == "| 1 | y | 25.00 | 7.50 |"
    plain = quality.format_table(rows, markdown=False).splitlines()
    assert plain[1].split() == ["1", "y", "25.00", "7.50"]


@pytest.mark.parametrize("system", ["ours", "lead", *quality.SUMY_SYSTEMS, "Lead"])
def test_every_system_summarizes_the_fixture(system):
    clusters = quality.load_clusters(FIXTURE)
    run = quality.systems_for(clusters, {system})[system]
    for cluster in clusters:
        summary = run(cluster)
        text = " ".join(cluster.documents + list(cluster.peers.values()))
        assert summary and all(sentence in " ".join(text.split()) for sentence in summary)


def test_unknown_system_is_refused():
    with pytest.raises(SystemExit, match="unknown systems"):
        quality.systems_for(quality.load_clusters(FIXTURE), {"nope"})


def test_missing_data_is_one_clear_error(tmp_path, capsys):
    assert quality.main(["--data", str(tmp_path / "none.jsonl")]) == 1
    assert "no data at" in capsys.readouterr().err
