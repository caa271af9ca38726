"""Bad input: one clear line on stderr and a non-zero status from the CLI; a documented
exception from the library; nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize import InputError, SummarizeError, load_documents, summarize
from summarize.pipeline import Summarizer

from .cases import BAD_INPUTS, BadInput

_LIBRARY_OPTIONS = {"-n": "sentences", "--words": "words", "--language": "language", "--max-bytes": "max_bytes"}
_LOAD_FLAGS = {"--private-urls": "private_urls"}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: case.name)
def test_cli_reports_one_line_and_fails(case: BadInput, tmp_path, cli):
    paths = case.make(tmp_path)
    before = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink())
    result = cli(*paths, *case.options, "-o", tmp_path / "out.md")
    assert result.status == case.exit_status
    lines = [line for line in result.err.splitlines() if "error" in line]
    assert len(lines) == 1 and case.message in lines[0], result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "out.md").exists()
    after = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink())
    assert before == after


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: case.name)
def test_library_raises_the_documented_error(case: BadInput, tmp_path):
    paths = case.make(tmp_path)
    flags = [option for option in case.options if option in _LOAD_FLAGS]
    pairs = [option for option in case.options if option not in _LOAD_FLAGS]
    options = dict(zip(pairs[::2], pairs[1::2]))
    load_kwargs: dict[str, object] = {_LOAD_FLAGS[flag]: True for flag in flags}
    if "--max-bytes" in options:
        load_kwargs["max_bytes"] = int(options.pop("--max-bytes"))
    if "--encoding" in options:
        load_kwargs["encoding"] = options.pop("--encoding")
    kwargs = {_LIBRARY_OPTIONS[key]: (value if key == "--language" else int(value)) for key, value in options.items()}
    with pytest.raises(case.error, match=case.message.replace(".", r"\.").replace("-", r"\-")) as raised:
        summarize(load_documents(paths, **load_kwargs), **kwargs)
    assert isinstance(raised.value, SummarizeError)


def test_unreadable_file_is_an_input_error(tmp_path, cli, monkeypatch):
    # Tests run as root in CI, where chmod 000 does not stop a read: simulate the refusal.
    path = tmp_path / "secret.txt"
    path.write_text("Text that nobody may read. It has two sentences.")
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = cli(path)
    assert result.status == 1 and "secret.txt: cannot read: permission denied" in result.err
    with pytest.raises(InputError, match="permission denied"):
        load_documents([path])


def test_non_numeric_budget_is_a_usage_error(tmp_path, cli):
    result = cli(tmp_path, "-n", "three")
    assert result.status == 2
    assert result.err.count("\n") == 1 and "whole number" in result.err


@pytest.mark.parametrize("value", [0, -1, 2.5, "3", True])
def test_library_rejects_bad_budgets(value):
    with pytest.raises(SummarizeError):
        summarize(["One sentence here is enough for a test. Another one follows it here."], sentences=value)


def test_budget_larger_than_the_input_gives_every_distinct_sentence():
    text = ("The river flooded the northern villages overnight after heavy rain. "
            "Rescue teams evacuated three hundred families from their homes by boat. "
            "The river flooded the northern villages overnight after heavy rain.")
    briefing = summarize([text], sentences=50)
    assert sorted(s.text for s in briefing.sentences) == sorted({
        "The river flooded the northern villages overnight after heavy rain.",
        "Rescue teams evacuated three hundred families from their homes by boat.",
    })


def test_summarize_rejects_a_single_string():
    with pytest.raises(TypeError):
        Summarizer()("a text, not a list of texts")


def test_readme_errors_section_lists_every_message():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    errors = readme[readme.index("## Errors"):]
    for case in BAD_INPUTS:
        assert case.message in errors, case.name
