"""The HTML briefing in a real browser: Playwright driving Debian's Chromium (installed by .ci/run).

Playwright's own browser download cannot reach its server here, so the system Chromium is
launched by path. Where no Chromium is installed these tests skip, saying so; CI installs it.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from summarize import load_documents, render_briefing, summarize

from .web_pages import seed_pages

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is part of the test extra")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("BROWSER TESTS NOT RUN: no Chromium on this machine (apt-get install chromium; .ci/run does)",
                allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WIDTHS = (320, 360, 1200)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(seeds, tmp_path_factory, cli_module):
    """The seeds briefing (local files) and the briefing of their web copies (sources with URLs)."""
    directory = tmp_path_factory.mktemp("pages")
    web = seed_pages(seeds, directory / "web")
    assert cli_module(seeds, "-o", directory / "seeds.html") == 0
    assert cli_module(directory / "web", "-o", directory / "web.html") == 0
    return {"seeds": directory / "seeds.html", "web": directory / "web.html"}, web


@pytest.fixture(scope="module")
def cli_module():
    from summarize.cli import main

    return lambda *argv: main([str(arg) for arg in argv])


def _open(browser, path: Path, width: int = 1200, scheme: str = "light"):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("which", ["seeds", "web"])
def test_every_citation_link_resolves_and_groups_never_wrap(browser, pages, which):
    page = _open(browser, pages[0][which], width=320)
    unresolved = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))""")
    assert unresolved == []
    assert page.locator("a.cite").count() >= 6
    lines = page.evaluate("() => [...document.querySelectorAll('.cites')].map(c => c.getClientRects().length)")
    assert lines and set(lines) == {1}
    page.close()


def test_source_titles_link_to_their_urls_and_sentences_to_their_place(browser, pages):
    (_, web) = pages
    page = _open(browser, pages[0]["web"])
    hrefs = page.evaluate("() => [...document.querySelectorAll('.sources li a')].map(a => a.href)")
    assert sorted(hrefs) == sorted(fact["url"] for fact in web.values())
    quotes = page.evaluate("() => [...document.querySelectorAll('a.quote')].map(a => a.getAttribute('href'))")
    assert quotes and all("#:~:text=" in href and href.startswith("https://news") for href in quotes)
    tip = page.locator("a.cite").first
    tip.focus()
    assert page.locator("a.cite .tip").first.is_visible()
    shown = page.locator("a.cite .tip").first.inner_text()
    assert re.search(r"(UNIAN|The Gaze|Financial Times|Radio Svoboda|Politico Europe) — .+ — 2023-\d\d-\d\d", shown)
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["seeds", "web"])
def test_no_horizontal_scroll(browser, pages, which, width):
    page = _open(browser, pages[0][which], width=width)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.close()


def _luminance(css: str) -> float:
    red, green, blue = (int(value) / 255 for value in re.findall(r"\d+", css)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_dark_mode_and_contrast(browser, pages):
    colours = {}
    for scheme in ("light", "dark"):
        page = _open(browser, pages[0]["web"], scheme=scheme)
        colours[scheme] = page.evaluate("""() => {
            const style = e => getComputedStyle(e);
            return {page: style(document.body).backgroundColor, text: style(document.body).color,
                    link: style(document.querySelector('.sources a')).color,
                    muted: style(document.querySelector('code') || document.body).color};
        }""")
        page.close()
    assert colours["light"]["page"] != colours["dark"]["page"]
    assert colours["light"]["text"] != colours["dark"]["text"]
    for scheme, found in colours.items():
        for role in ("text", "link", "muted"):
            assert _contrast(found[role], found["page"]) >= 4.5, (scheme, role, found)


def test_lang_follows_the_language(browser, tmp_path, cli_module):
    (tmp_path / "de.txt").write_text(
        "Die Regierung hat am Montag einen neuen Haushalt beschlossen. Der Plan sieht mehr Geld für Schulen "
        "und Straßen vor. Die Opposition kritisierte die Entscheidung scharf.", encoding="utf-8")
    assert cli_module(tmp_path / "de.txt", "--language", "german", "-o", tmp_path / "de.html") == 0
    page = _open(browser, tmp_path / "de.html")
    assert page.evaluate("() => document.documentElement.lang") == "de"
    page.close()


def test_print_shows_the_source_urls(browser, pages):
    pypdf = pytest.importorskip("pypdf", reason="pypdf is part of the test extra")
    page = _open(browser, pages[0]["web"])
    pdf = page.pdf()
    page.close()
    text = "".join(page_.extract_text() for page_ in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    flat = re.sub(r"\s+", "", text)
    for number in range(5):
        assert f"https://news{number}.example.org/world/" in flat


@pytest.mark.parametrize("which", ["seeds", "web"])
def test_no_absolute_local_path_in_the_page(browser, pages, which):
    page = _open(browser, pages[0][which])
    text = page.evaluate("() => document.body.innerText")
    page.close()
    assert not re.search(r"(^|\s|`)(/tmp/|/home/|/root/|/Users/|[A-Z]:\\)", text), text
    assert "000_e9d9c24006681ce3" in text  # the file name is still there


def test_one_h1_and_an_ordered_source_list_with_ids(browser, pages):
    page = _open(browser, pages[0]["seeds"])
    assert page.locator("h1").count() == 1
    ids = page.evaluate("() => [...document.querySelectorAll('ol.sources > li')].map(li => li.id)")
    assert ids == [f"source-{n}" for n in range(1, 6)]
    labels = page.evaluate("() => [...document.querySelectorAll('a.cite')].map(a => a.getAttribute('aria-label'))")
    assert all(label.startswith("Source ") and len(label) > 12 for label in labels)
    page.close()


def test_library_and_cli_pages_agree(pages, seeds):
    assert render_briefing(summarize(load_documents([seeds])), "html") == pages[0]["seeds"].read_text(encoding="utf-8")
