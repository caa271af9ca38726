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
    "examples/briefing-explain.md": ["seeds", "--explain", "-o", "examples/briefing-explain.md"],
}


#: Screenshots of examples/briefing.html: file → (viewport width, colour scheme). Made with
#: Playwright and the system Chromium when both are installed (the test extra and .ci/run).
SCREENSHOTS = {
    "examples/briefing-1200-light.png": (1200, "light"),
    "examples/briefing-360-dark.png": (360, "dark"),
}


def screenshots() -> None:
    import shutil

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("generate.py: no Chromium for the screenshots (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, (width, scheme) in SCREENSHOTS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            page.goto((REPO / "examples" / "briefing.html").as_uri())
            page.screenshot(path=str(REPO / name), full_page=True)
            page.close()
        browser.close()


def main() -> int:
    from summarize.cli import main as cli

    os.chdir(REPO)
    for argv in EXAMPLES.values():
        status = cli(argv)
        if status:
            return status
    screenshots()
    return 0


if __name__ == "__main__":
    sys.exit(main())
