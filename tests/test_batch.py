from __future__ import annotations

import gzip
import json

import pytest

from summarize import InputError
from summarize.batch import load_sets, safe_file_names, summarize_sets

STORIES = {
    "floods": ["Heavy rain flooded the northern valley on Monday and thousands of residents left their homes.",
               "On Monday heavy rain flooded the northern valley, and rescue teams evacuated thousands."],
    "bridge": ["The council approved a new bridge over the river on Tuesday after ten years of debate.",
               "A new bridge over the river was approved by the council on Tuesday, the mayor said."],
    "../escape": ["The harbour closed on Friday after a storm damaged two piers and a large crane.",
                  "A storm damaged two piers and a crane, and the harbour was closed on Friday."],
}


def _jsonl(path, stories=STORIES, compress=False):
    lines = [json.dumps({"set": set_id, "id": f"a{i}", "text": text})
             for set_id, texts in stories.items() for i, text in enumerate(texts)]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data, mtime=0) if compress else data)
    return path


def test_jsonl_sets_keep_order_of_first_appearance(tmp_path):
    sets = load_sets(_jsonl(tmp_path / "s.jsonl.gz", compress=True))
    assert [s.id for s in sets] == ["floods", "bridge", "../escape"]
    assert [d.id for d in sets[0].documents] == ["a0", "a1"]


def test_directory_sets_one_per_subdirectory(tmp_path):
    for set_id in ("b", "a"):
        (tmp_path / set_id).mkdir()
        for i, text in enumerate(STORIES["floods"]):
            (tmp_path / set_id / f"{i}.txt").write_text(text)
    assert [s.id for s in load_sets(tmp_path)] == ["a", "b"]


def test_parallel_results_equal_serial_and_keep_order(tmp_path):
    sets = load_sets(_jsonl(tmp_path / "s.jsonl"))
    serial = [(r.set, r.briefing.to_json()) for r in summarize_sets(sets, sentences=2)]
    parallel = [(r.set, r.briefing.to_json()) for r in summarize_sets(sets, sentences=2, jobs=2)]
    assert serial == parallel and [s for s, _ in serial] == ["floods", "bridge", "../escape"]


def test_a_configured_summarizer_runs_on_every_set_in_any_engine(tmp_path):
    from summarize import OptionsError, Summarizer
    from summarize.rank import TextRank
    from summarize.select import Selector

    sets = load_sets(_jsonl(tmp_path / "s.jsonl"))
    variant = Summarizer(ranker=TextRank(position_prior=0.0), selector=Selector(corroboration_weight=5.0))
    direct = [variant(list(s.documents), sentences=2).to_json() for s in sets]
    for jobs in (1, 2):
        batched = [r.briefing.to_json() for r in summarize_sets(sets, sentences=2, jobs=jobs, summarizer=variant)]
        assert batched == direct
    default = [r.briefing.to_json() for r in summarize_sets(sets, sentences=2)]
    assert default != direct  # the variant was really used
    with pytest.raises(OptionsError):
        summarize_sets(sets, language="german", summarizer=variant)


def test_a_failing_set_does_not_stop_the_batch(tmp_path):
    sets = load_sets(_jsonl(tmp_path / "s.jsonl", {"empty": ["...", "---"], **STORIES}))
    results = list(summarize_sets(sets))
    assert results[0].error and "no sentences" in results[0].error
    assert all(r.briefing for r in results[1:])


@pytest.mark.parametrize("line", ["not json", '{"text": "no set"}', '{"set": "a", "text": 5}'])
def test_bad_jsonl_line_is_reported_with_its_number(tmp_path, line):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"set": "a", "text": "Fine text here. More."}\n' + line + "\n")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        load_sets(path)


def test_file_names_cannot_escape_or_collide():
    names = safe_file_names(["../etc/passwd", "/abs/path", "a\x00b", "..", "", "Same", "same", "x/y", "x_y"], ".md")
    assert all("/" not in n and "\x00" not in n and not n.startswith(".") for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert names[0] == "etc_passwd.md"


def test_cli_batch_writes_one_file_per_set_inside_the_directory(cli, tmp_path):
    source = _jsonl(tmp_path / "s.jsonl")
    out = tmp_path / "out"
    result = cli("--batch", source, "-o", out, "-f", "json", "-n", "2")
    assert result.status == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["bridge.json", "escape.json", "floods.json"]
    assert not (tmp_path / "escape.json").exists()
    assert len(json.loads((out / "floods.json").read_text())["sentences"]) == 1  # the two say the same


def test_cli_batch_json_lines_on_stdout_and_failure_status(cli, tmp_path):
    source = _jsonl(tmp_path / "s.jsonl", {"empty": ["...", "---"], **STORIES})
    result = cli("--batch", source)
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [r["set"] for r in records] == ["empty", "floods", "bridge", "../escape"]
    assert "error" in records[0] and "sentences" in records[1]
    assert result.status == 1 and "1 of 4 sets failed" in result.err


def test_cli_needs_paths_or_batch_not_both(cli, tmp_path):
    assert cli().status == 2
    assert cli("seeds", "--batch", tmp_path).status == 2


def test_cli_batch_refuses_to_write_into_its_input_directory(cli, tmp_path):
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "a.txt").write_text(STORIES["floods"][0])
    result = cli("--batch", tmp_path, "-o", tmp_path / "set" / "out")
    assert result.status == 2 and "refusing" in result.err
    assert not (tmp_path / "set" / "out").exists()


def test_a_worker_sends_the_briefing_back_without_the_documents_it_was_sent():
    """The caller holds the set's documents: a worker returns only what cleaning changed in
    them (here the titles it found), and the caller's copy makes the same briefing."""
    import pickle
    from dataclasses import replace

    from summarize import Document
    from summarize.batch import BatchResult, DocumentSet, _Returned, _summarize_apart, _summarize_one
    from summarize.batch import _Job
    from summarize.pipeline import Summarizer

    texts = [f"{STORIES['floods'][i % 2]} {STORIES['bridge'][i % 2]} The count reached {i} by night."
             for i in range(20)]
    documents = tuple(Document(id=f"a{i}", text=text, title="Given" if i == 0 else "")
                      for i, text in enumerate(texts))
    document_set = DocumentSet(id="floods", documents=documents)
    job = _Job(summarizer=Summarizer(), sentences=2, words=None)
    whole = _summarize_one((document_set, job))
    returned = _summarize_apart((document_set, job))
    assert isinstance(returned, _Returned)
    wire = pickle.dumps(returned)
    assert b"The count reached" not in wire  # no document's text travels, only what cleaning changed
    assert len(wire) < len(pickle.dumps(whole)) / 2
    assert returned.documents[0] == (0, {}) and returned.documents[1][1] != {}  # a title was found
    assert returned.joined(documents).to_json_line() == whole.to_json_line()
    # A briefing document that the set does not hold (an id not sent) comes back whole.
    stranger = Document(id="elsewhere", text="Some other text.")
    odd = BatchResult(set="floods", briefing=replace(whole.briefing, documents=(*whole.briefing.documents, stranger)))
    assert _Returned.apart(odd, documents).joined(documents) == odd
    failed = BatchResult(set="x", error="no sentences found")
    assert _Returned.apart(failed, documents) is failed
