"""Reliability, round three: no input overwritten, no markup or terminal control injected, no
blow-up on repetition, limits and odd environments give one line, never a traceback.

Each family is one table; the reproductions from the adversarial pass are its first cases."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import Document, load_documents, render_briefing, summarize
from summarize.batch import DocumentSet, iter_sets, safe_file_names, summarize_sets
from summarize.split import WINDOW_CHARACTERS, _windows

STORY = ("Heavy rain flooded the northern valley on Monday and thousands of residents left their homes. "
         "Rescue teams evacuated three hundred families by boat, the regional governor said.\n")


def _run(*argv: object, stdin: bytes | None = None, cwd: Path | None = None, timeout: float = 120,
         **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "summarize", *map(str, argv)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=timeout, **kwargs)


def _one_line_error(result: subprocess.CompletedProcess[bytes], status: int, phrase: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert phrase in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("summarize: error")]) == 1


# --- 1. nothing the user gave is modified -----------------------------------------------------

def _batch_into_its_own_directory(tmp: Path) -> tuple[list[object], Path]:
    source = tmp / "sets.json"
    source.write_text(json.dumps({"set": "sets", "text": STORY}) + "\n")
    return ["--batch", "sets.json", "-o", ".", "-f", "json"], source


def _stdin_file_as_output(tmp: Path) -> tuple[list[object], Path]:
    (tmp / "in.txt").write_text(STORY)
    return ["-", "-o", "in.txt"], tmp / "in.txt"


def _sources_json_as_output(tmp: Path) -> tuple[list[object], Path]:
    (tmp / "d").mkdir()
    (tmp / "d" / "a.txt").write_text(STORY)
    (tmp / "d" / "sources.json").write_text(json.dumps({"a.txt": {"source": "Wire"}}))
    return ["d/a.txt", "-o", "d/sources.json"], tmp / "d" / "sources.json"


def _output_inside_the_input_directory(tmp: Path) -> tuple[list[object], Path]:
    (tmp / "d").mkdir()
    (tmp / "d" / "a.txt").write_text(STORY)
    return ["d", "-o", "d/brief.md"], tmp / "d" / "a.txt"


def _set_directory_linking_to_the_output(tmp: Path) -> tuple[list[object], Path]:
    (tmp / "sets" / "real").mkdir(parents=True)
    (tmp / "sets" / "real" / "a.txt").write_text(STORY)
    (tmp / "out").mkdir()
    (tmp / "out" / "keep.txt").write_text(STORY)
    os.symlink(tmp / "out", tmp / "sets" / "linked")
    return ["--batch", "sets", "-o", "out"], tmp / "out" / "keep.txt"


OVERWRITES = [
    pytest.param(_batch_into_its_own_directory, "it is one of the input files", id="batch-set-named-like-input"),
    pytest.param(_stdin_file_as_output, "the file standard input reads", id="stdin-file"),
    pytest.param(_sources_json_as_output, "sources.json read with", id="sources-json"),
    pytest.param(_output_inside_the_input_directory, "inside the input directory", id="inside-input-dir"),
]


@pytest.mark.parametrize(("make", "phrase"), OVERWRITES)
def test_an_input_is_never_overwritten(tmp_path, make, phrase):
    argv, protected = make(tmp_path)
    before = protected.read_bytes()
    with open(protected, "rb") as stdin:  # standard input redirected from the file, as a shell does
        result = subprocess.run([sys.executable, "-m", "summarize", *map(str, argv)], stdin=stdin,
                                capture_output=True, cwd=tmp_path, timeout=120)
    _one_line_error(result, 2, phrase)
    assert protected.read_bytes() == before
    assert not (tmp_path / "d" / "brief.md").exists()


def test_a_set_directory_that_links_elsewhere_is_not_read(tmp_path):
    argv, protected = _set_directory_linking_to_the_output(tmp_path)
    result = _run(*argv, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped set linked: a symbolic link" in result.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["keep.txt", "real.md"]


# --- 2. no markup, link scheme or control character from any field reaches a reader -----------

HOSTILE = [
    "x\n\n<img src=x onerror=alert(1)>\n\ny.txt",
    "x\n\n[1]: javascript:alert(1)\n\n.txt",
    "\x1b]0;owned\x07title \x1b[2J",
    "caf\u202eé [9]",
    "a\u2028b\x85c\x9bd",
]
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_TEXT = ("The council approved the new budget on Monday after a long debate in the town hall. "
         "The mayor said the plan would pay for schools, roads and the new bridge over the river. ")


def _assert_inert(briefing, field_values: list[str]) -> None:
    markdown, text, page = render_briefing(briefing, "markdown"), render_briefing(briefing, "text"), render_briefing(briefing, "html")
    for output in (markdown, text, page):
        assert not _CONTROL.search(output.replace("\n", "")), repr(output[:200])
    assert "<img" not in page and "javascript:" not in page.replace("javascript:alert", "")
    assert not re.search(r"(?m)^\[\d+\]:\s*javascript", markdown)
    import markdown as markdown_lib

    assert "<img" not in markdown_lib.markdown(markdown)  # as a Markdown viewer would show it
    # The structure holds: a title, one line per sentence, a Sources heading, one line per source.
    assert len(markdown.split("\n## Sources\n")) == 2
    sources = markdown.split("\n## Sources\n")[1].strip().splitlines()
    assert len([line for line in sources if re.match(r"\d+\. ", line)]) == len(briefing.documents)
    json_out = briefing.to_json()
    assert not re.search("[\x80-\x9f\u202a-\u202e]", json_out)
    assert json.loads(json_out)["documents"][0]["title"] == briefing.documents[0].title  # data kept exact


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_names_and_metadata_stay_text(value):
    documents = [Document(id=value + str(n), title=value, source=value, date=value, path=value + ".txt",
                          url="javascript:alert(1)", text=_TEXT) for n in range(2)]
    _assert_inert(summarize(documents, sentences=2), HOSTILE)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=30), min_size=4, max_size=4))
def test_any_field_text_renders_inert(fields):
    document = Document(id=fields[0], title=fields[1], source=fields[2], date=fields[3], path=fields[0],
                        text=_TEXT + fields[1])
    _assert_inert(summarize([document], sentences=2), fields)


def test_a_hostile_file_name_reaches_no_page_as_markup(tmp_path):
    name = "x\n\n<img src=x onerror=alert(1)>\n\ny.txt"
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / name).write_text(STORY)
    result = _run(tmp_path / "d", "-f", "html")
    assert result.returncode == 0 and b"<img" not in result.stdout
    result = _run(tmp_path / "d", "-f", "text")
    assert not _CONTROL.search(result.stdout.decode().replace("\n", ""))


# --- 3. repetition stays near-linear ---------------------------------------------------------

def test_copies_of_one_sentence_give_one_line():
    briefing = summarize(["The council approved the new budget on Monday after a long debate. " * 3000])
    assert [s.text for s in briefing.sentences] == ["The council approved the new budget on Monday after a long debate."]


def test_copies_of_one_article_cite_every_copy():
    documents = [Document(id=f"copy-{n}", text=STORY) for n in range(60)]
    briefing = summarize(documents, sentences=2)
    assert briefing.sentences and all(len(s.sources) == 60 for s in briefing.sentences)


def test_words_only_stop_words_are_not_repeated():
    assert [s.text for s in summarize(["Yes. " * 50]).sentences] == ["Yes."]


def test_a_long_block_is_cut_into_windows_at_sentence_ends():
    text = "Yes. " * 100_000
    windows = list(_windows(text, 0, len(text)))
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(end - start <= WINDOW_CHARACTERS for start, end in windows)
    assert all(a[1] == b[0] for a, b in zip(windows, windows[1:]))
    assert all(text[end - 2 : end] == ". " for _, end in windows[:-1])


def test_an_unexpected_error_in_one_set_does_not_stop_the_batch(monkeypatch):
    from summarize import pipeline

    original = pipeline.Summarizer.__call__

    def failing(self, documents, **options):
        if documents[0].id == "boom":
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")
        return original(self, documents, **options)

    monkeypatch.setattr(pipeline.Summarizer, "__call__", failing)
    sets = [DocumentSet(id=name, documents=(Document(id=name, text=STORY),)) for name in ("a", "boom", "c")]
    results = list(summarize_sets(sets))
    assert [r.briefing is not None for r in results] == [True, False, True]
    assert "TimeoutError" in results[1].error


# --- 5. limits -------------------------------------------------------------------------------

def test_a_huge_byte_limit_is_not_allocated(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    assert _run(tmp_path / "a.txt", "--max-bytes", 30_000_000_000).returncode == 0


@pytest.mark.parametrize("value", [str(2**63), "9" * 5000])
def test_an_absurd_number_is_a_usage_error(value):
    _one_line_error(_run("seeds", "--max-bytes", value), 2, "--max-bytes")


def test_sources_json_counts_against_the_limit(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sources.json").write_text(json.dumps({"a.txt": {"title": "x" * 5000}}))
    result = _run(tmp_path, "--max-bytes", 2000)
    assert result.returncode == 0 and "ignored" in result.stderr.decode() and "x" * 100 not in result.stdout.decode()


def test_jobs_never_exceed_sets_or_cpus(monkeypatch):
    from summarize import batch

    created = []

    class Recording(batch.ProcessPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            created.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Recording)
    sets = [DocumentSet(id=str(n), documents=(Document(id="a", text=STORY),)) for n in range(3)]
    assert len(list(summarize_sets(sets, jobs=1000))) == 3
    assert created == [] or created[0] <= min(3, os.cpu_count() or 1)


# --- 6. malformed data and odd environments: one line, no traceback ---------------------------

def _nested_sources(tmp: Path) -> list[object]:
    (tmp / "a.txt").write_text(STORY)
    (tmp / "sources.json").write_text("[" * 100_000)
    return [tmp]


def _huge_number_sources(tmp: Path) -> list[object]:
    (tmp / "a.txt").write_text(STORY)
    (tmp / "sources.json").write_text('{"a.txt": {"date": ' + "9" * 5000 + "}}")
    return [tmp]


def _sources_with_bom_and_odd_types(tmp: Path) -> list[object]:
    (tmp / "a.txt").write_text(STORY)
    (tmp / "sources.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(
        {"a.txt": {"source": "Wire", "title": ["not", "text"], "date": 2023}}).encode())
    return [tmp, "-f", "json"]


def _deep_directories(tmp: Path) -> list[object]:
    path = tmp / "deep"
    path.mkdir()
    (path / "a.txt").write_text(STORY)
    for _ in range(1100):
        path = path / "d"
        os.mkdir(path)
    return [tmp / "deep"]


def _fifo_in_directory(tmp: Path) -> list[object]:
    (tmp / "a.txt").write_text(STORY)
    os.mkfifo(tmp / "pipe.txt")
    return [tmp]


def _same_file_twice(tmp: Path) -> list[object]:
    (tmp / "a.txt").write_text(STORY)
    return [tmp / "a.txt", tmp, "-f", "json"]


BRIEFED_ANYWAY = [
    pytest.param(_nested_sources, "not a readable JSON object", id="sources-nested"),
    pytest.param(_huge_number_sources, "not a readable JSON object", id="sources-huge-number"),
    pytest.param(_sources_with_bom_and_odd_types, "'title' of 'a.txt' is a list", id="sources-bom-types"),
    pytest.param(_deep_directories, "", id="deep-directories"),
    pytest.param(_fifo_in_directory, "not a regular file", id="fifo"),
    pytest.param(_same_file_twice, "the same file as", id="same-file-twice"),
]


@pytest.mark.parametrize(("make", "warning"), BRIEFED_ANYWAY)
def test_odd_inputs_still_give_a_briefing(tmp_path, make, warning):
    result = _run(*make(tmp_path), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in err, err
    assert warning in err
    if make is _deep_directories:  # shutil.rmtree recurses: pytest could not clean this up
        chain = [tmp_path / "deep"]
        while (chain[-1] / "d").is_dir():
            chain.append(chain[-1] / "d")
        for directory in reversed(chain[1:]):
            directory.rmdir()
    if make is _same_file_twice:
        payload = json.loads(result.stdout)
        assert len(payload["documents"]) == 1 and all(s["sources"] == ["a"] for s in payload["sentences"])
    if make is _sources_with_bom_and_odd_types:
        payload = json.loads(result.stdout)
        assert payload["documents"][0]["source"] == "Wire" and payload["documents"][0]["date"] == "2023"


def _corrupt_gzip(tmp: Path) -> list[object]:
    data = gzip.compress((json.dumps({"set": "a", "text": STORY}) + "\n").encode() * 50)
    (tmp / "sets.jsonl.gz").write_bytes(data[:30] + b"\x00" * 20 + data[50:])
    return ["--batch", tmp / "sets.jsonl.gz"]


ONE_LINE_ERRORS = [
    pytest.param(_corrupt_gzip, 1, "cannot read", id="corrupt-gzip"),
    pytest.param(lambda t: ["seeds", "-o", "/dev/full"], 1, "no space left on device", id="full-disk"),
    pytest.param(lambda t: ["seeds", "-o", t / ("x" * 300 + ".md")], 1, "too long", id="long-name"),
    pytest.param(lambda t: ["--batch", "seeds", "-o", t / "missing" / "out"], 1, "does not exist", id="batch-missing-parent"),
    pytest.param(lambda t: [""], 1, "an empty path", id="empty-path"),
    pytest.param(lambda t: [(os.symlink(t / "loop", t / "loop"), t / "loop")[1]], 1, "symbolic link loop", id="link-loop"),
]


@pytest.mark.parametrize(("make", "status", "phrase"), ONE_LINE_ERRORS)
def test_malformed_data_and_environments_give_one_line(tmp_path, make, status, phrase):
    _one_line_error(_run(*make(tmp_path), cwd=Path(__file__).resolve().parents[1]), status, phrase)


def test_closed_and_full_standard_streams(tmp_path):
    repo = Path(__file__).resolve().parents[1]
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "summarize", "seeds"], stdout=full, stderr=subprocess.PIPE,
                                cwd=repo, timeout=60)
    _one_line_error(result, 1, "cannot write to standard output")
    shell = subprocess.run(f"{sys.executable} -m summarize seeds >&-; echo status=$?", shell=True, cwd=repo,
                           capture_output=True, timeout=60)
    assert b"standard output is closed" in shell.stderr and b"status=1" in shell.stdout
    shell = subprocess.run(f"{sys.executable} -m summarize - <&-; echo status=$?", shell=True, cwd=repo,
                           capture_output=True, timeout=60)
    assert b"standard input is closed" in shell.stderr and b"status=1" in shell.stdout


# --- 8. surprises ----------------------------------------------------------------------------

def test_a_bare_string_is_not_walked_as_characters():
    with pytest.raises(TypeError, match="wrap one path in a list"):
        load_documents("/")  # type: ignore[arg-type]


def test_set_ids_in_any_script_keep_their_letters():
    assert safe_file_names(["Україна", "日本", "Україна"], ".md") == ["Україна.md", "日本.md", "Україна-2.md"]
    assert len(safe_file_names(["語" * 300], ".md")[0].encode()) <= 255


def test_a_jsonl_file_with_a_byte_order_mark_is_read(tmp_path):
    source = tmp_path / "sets.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + (json.dumps({"set": "a", "text": STORY}) + "\n").encode())
    assert [s.id for s in iter_sets(source)] == ["a"]


def test_a_lone_surrogate_is_written_not_a_traceback():
    briefing = summarize([Document(id="a", title="bad \ud800 title", text=STORY.replace("Monday", "Mon\udcffday"))])
    assert "\ufffd" in render_briefing(briefing, "markdown") and briefing.to_json().encode("utf-8")


def test_a_file_of_utf8_with_a_few_cp1252_bytes_reads_without_mojibake(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Le café est près de la gare, dit le maire de la ville à midi. ".encode()
                     + "Une idée naïve, répond le préfet.".encode("cp1252"))
    document = load_documents([path], language="french")[0]
    assert "café" in document.text and "naïve" in document.text and "Ã" not in document.text


def test_error_and_warning_lines_carry_no_terminal_controls(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(STORY)
    (tmp_path / "d" / "\x1b]0;owned\x07\u202e.txt").write_bytes(b"\x00\x01binary")
    result = _run(tmp_path / "d")
    assert result.returncode == 0 and b"\\x1b]0;owned\\x07" in result.stderr
    assert not _CONTROL.search(result.stderr.decode().replace("\n", ""))
    result = _run("--language", "\x1b[2Jklingon", tmp_path / "d")
    assert result.returncode == 2 and b"\x1b" not in result.stderr
