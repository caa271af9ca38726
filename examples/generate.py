"""Regenerate the example briefings of seeds/ exactly as the CLI writes them.

    python examples/generate.py

tests/test_examples.py fails when these files are stale.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Output file → the CLI arguments that make it (run from the repository root).
EXAMPLES = {
    "examples/briefing.md": ["seeds", "-o", "examples/briefing.md"],
    "examples/briefing.html": ["seeds", "-o", "examples/briefing.html"],
    "examples/briefing.json": ["seeds", "-o", "examples/briefing.json"],
}


def main() -> int:
    from summarize.cli import main as cli

    os.chdir(REPO)
    for argv in EXAMPLES.values():
        status = cli(argv)
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
