"""The examples in examples/ are what the CLI writes today, and the library example runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import main

from .conftest import REPO

sys.path.insert(0, str(REPO / "examples"))
from generate import EXAMPLES  # noqa: E402


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_is_current(name, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    argv = list(EXAMPLES[name])
    fresh = tmp_path / Path(name).name
    argv[argv.index("-o") + 1] = str(fresh)
    assert main(argv) == 0
    assert fresh.read_bytes() == (REPO / name).read_bytes(), (
        f"{name} is stale: run python examples/generate.py")


def test_library_example_runs():
    process = subprocess.run([sys.executable, str(REPO / "examples" / "library_usage.py")],
                             capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stderr
    assert "quoted from" in process.stdout and "error: " in process.stdout
