from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

from summarize import load_documents, summarize
from summarize.cli import parse_args

from .conftest import assert_json_verbatim


def test_parse_args_defaults_and_format_from_suffix(tmp_path):
    args = parse_args(["seeds"])
    assert (args.sentences, args.words, args.format, args.language) == (None, None, "markdown", "english")
    assert parse_args(["seeds", "-o", "x.html"]).format == "html"
    assert parse_args(["seeds", "-o", "x.json", "-f", "text"]).format == "text"


def test_cli_and_library_agree(cli, seeds):
    result = cli(seeds, "-f", "json", "-n", "4")
    assert result.status == 0 and result.err == ""
    library = summarize(load_documents([seeds]), sentences=4)
    assert result.out == library.to_json()
    assert_json_verbatim(result.json(), {d.id: d.text for d in library.documents})


def test_help_teaches_with_examples(cli):
    result = cli("--help")
    assert result.status == 0
    for option in ("--sentences", "--words", "--format", "--output", "--language", "example"):
        assert option in result.out


def test_output_file_is_written_atomically_and_inputs_are_untouched(cli, seeds, tmp_path):
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    target = tmp_path / "brief.html"
    assert cli(seeds, "-o", target).status == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]  # no temporary file left
    assert before == {p.name: p.read_bytes() for p in seeds.iterdir()}


def test_refuses_to_overwrite_an_input(cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The vote passed on Monday after a long night of debate. The mayor welcomed it.")
    original = story.read_bytes()
    result = cli(story, "-o", story)
    assert result.status == 2 and "refusing" in result.err
    assert story.read_bytes() == original


def test_failed_render_leaves_previous_output_intact(cli, tmp_path, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text("The vote passed on Monday after a long night of debate. The mayor welcomed it.")
    target = tmp_path / "out.md"
    target.write_text("previous")

    import summarize.output as output
    monkeypatch.setattr(output.os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt()))
    assert cli(story, "-o", target).status == 130
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md", "story.txt"]


def test_warning_for_skipped_file_and_quiet(cli, tmp_path):
    (tmp_path / "a.txt").write_text("The vote passed on Monday after a long night of debate. The mayor welcomed it.")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = cli(tmp_path)
    assert result.status == 0 and "summarize: warning: skipped" in result.err and "b.txt" in result.err
    assert cli(tmp_path, "--quiet").err == ""


def test_python_dash_m_and_stdin(seeds):
    text = (seeds / "004_2ceb528c8538ea49.txt").read_bytes()
    process = subprocess.run([sys.executable, "-m", "summarize", "-", "-n", "2", "-f", "text"],
                             input=text, capture_output=True, check=False)
    assert process.returncode == 0, process.stderr
    from summarize import Document, summarize

    # The same two sentences the library gives for that text (stdin is the document "-").
    library = summarize([Document(id="-", text=text.decode("utf-8"))], sentences=2)
    assert len(library.sentences) == 2
    numbered = [line for line in process.stdout.decode().splitlines() if line[:3] in ("1. ", "2. ")]
    assert [line.split(" [", 1)[0][3:] for line in numbered] == [s.text for s in library.sentences]


def test_output_onto_a_symlink_writes_through_and_keeps_the_link(cli, seeds, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    os.symlink(real, link)
    assert cli(seeds, "-n", "1", "-o", link).status == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]  # no temporary file left


def test_output_onto_a_fifo_writes_into_it(cli, seeds, tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert cli(seeds, "-n", "1", "-o", fifo, "-f", "json").status == 0
    reader.join(timeout=30)
    assert json.loads(received[0])["sentences"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_onto_dev_stdout_writes_stdout_and_leaves_the_device(seeds):
    before = os.lstat("/dev/stdout")
    process = subprocess.run([sys.executable, "-m", "summarize", str(seeds), "-n", "1", "-o", "/dev/stdout"],
                             capture_output=True, check=False)
    assert process.returncode == 0, process.stderr
    assert process.stdout.decode().startswith("# ")
    after = os.lstat("/dev/stdout")
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (stat.S_IFMT(before.st_mode), before.st_ino)
