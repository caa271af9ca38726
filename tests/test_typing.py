"""The package type-checks under ``mypy --strict`` (configured in pyproject.toml: only the
third-party libraries without type information are taken as Any)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_mypy_strict_finds_no_error(tmp_path):
    process = subprocess.run(
        [sys.executable, "-m", "mypy", "summarize", "--cache-dir", str(tmp_path / "cache")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    assert "Success: no issues found" in process.stdout
