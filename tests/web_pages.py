"""Web pages, feeds and a local web server of our own making, for the real-input tests.

The seed articles are wrapped in the chrome of a real news page: navigation, a cookie banner,
share buttons, a list of related articles, a newsletter box, a footer, inline scripts, and the
``og:``/``article:`` metadata that pages carry. No test needs the internet: the server listens
on 127.0.0.1 only and serves what a test gives it.
"""

from __future__ import annotations

import html
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OUTLETS = ["UNIAN", "The Gaze", "Financial Times", "Radio Svoboda", "Politico Europe"]
DATES = ["2023-07-10", "2023-07-09", "2023-06-16", "2023-07-10", "2023-07-09"]
# Every piece of chrome: none may reach a briefing.
CHROME = [
    "We use cookies", "Accept all", "Share on Facebook", "Share on X", "Related articles",
    "Russia launches a new wave of drone attacks on the port of Odesa overnight",
    "Sign up for our morning newsletter", "All rights reserved", "Privacy policy",
    "Subscribe now for unlimited access", "window.dataLayer", "Most read", "Skip to content",
    "The finance ministry expects inflation to slow to four percent by the end of the year",
]


def page(title: str, paragraphs: list[str], *, outlet: str, date: str, url: str, lang: str = "en") -> str:
    """A news page around ``paragraphs``, with the chrome listed in :data:`CHROME`."""
    body = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{e(title)} | {e(outlet)}</title>
<meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="{e(outlet)}">
<meta property="og:url" content="{e(url)}">
<link rel="canonical" href="{e(url)}">
<meta property="article:published_time" content="{date}T08:30:00+00:00">
<script>window.dataLayer = window.dataLayer || []; console.log("Subscribe now for unlimited access.");</script>
</head>
<body>
<a href="#main" class="skip">Skip to content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to give you the best experience on our website. By continuing to browse you agree to our use of cookies. <button>Accept all</button></div>
<main id="main">
<article>
<h1>{e(title)}</h1>
<div class="byline">By the {e(outlet)} staff, {date}</div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
{body}
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">Russia launches a new wave of drone attacks on the port of Odesa overnight.</a></li>
<li><a href="/b">The finance ministry expects inflation to slow to four percent by the end of the year.</a></li>
</ul></aside>
<aside class="popular"><h3>Most read</h3><ol><li><a href="/c">Ten things to know about the summit</a></li></ol></aside>
<div class="newsletter">Sign up for our morning newsletter and get the news first, free every weekday.</div>
</main>
<footer><p>© 2023 {e(outlet)}. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p></footer>
<script>document.querySelectorAll('.share a').forEach(function (a) {{ a.addEventListener('click', track); }});</script>
</body>
</html>
"""


def seed_pages(seeds: Path, directory: Path) -> dict[str, dict[str, str]]:
    """Write an HTML copy of every seed article into ``directory``; return what each page says
    of itself (outlet, date, url) by file name."""
    import json

    titles = json.loads((seeds / "sources.json").read_text(encoding="utf-8"))
    directory.mkdir(parents=True, exist_ok=True)
    facts = {}
    for number, path in enumerate(sorted(seeds.glob("*.txt"))):
        # A line of the saved text was an element of the page: a paragraph, a caption, a menu.
        paragraphs = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        name = path.stem + ".html"
        url = f"https://news{number}.example.org/world/{path.stem}"
        facts[name] = {"source": OUTLETS[number], "date": DATES[number], "url": url}
        (directory / name).write_text(
            page(titles[path.name]["title"], paragraphs, outlet=OUTLETS[number], date=DATES[number], url=url),
            encoding="utf-8",
        )
    return facts


def feed(entries: list[dict[str, str]], *, title: str = "World news — Example Wire", atom: bool = False) -> str:
    """An RSS 2.0 (or Atom) feed of ``entries`` (``title``, ``link``, ``date``, ``summary`` and
    optionally ``content``; HTML in them is escaped as feeds do)."""
    e = html.escape
    if atom:
        items = "".join(
            f"<entry><title>{e(entry['title'])}</title><link href=\"{e(entry['link'])}\"/>"
            f"<id>{e(entry['link'])}</id><updated>{entry['date']}T09:00:00Z</updated>"
            f"<summary type=\"html\">{e(entry['summary'])}</summary>"
            + (f"<content type=\"html\">{e(entry['content'])}</content>" if entry.get("content") else "")
            + "</entry>"
            for entry in entries
        )
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>{e(title)}</title><id>urn:example</id><updated>2023-07-10T09:00:00Z</updated>{items}</feed>")
    items = "".join(
        f"<item><title>{e(entry['title'])}</title><link>{e(entry['link'])}</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y 09:00:00 +0000', time.strptime(entry['date'], '%Y-%m-%d'))}</pubDate>"
        f"<description>{e(entry['summary'])}</description>"
        + (f"<content:encoded>{e(entry['content'])}</content:encoded>" if entry.get("content") else "")
        + "</item>"
        for entry in entries
    )
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{e(title)}</title><link>https://wire.example.org/</link><description>News</description>{items}</channel></rss>")


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
    delays: dict[str, float] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path in self.delays:
            time.sleep(self.delays[path])
        status, content_type, body, headers = self.routes.get(path, (404, "text/html", b"<h1>Not found</h1>", {}))
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # silence the request log
        pass


class LocalServer:
    """Routes a test sets: ``serve(path, body, content_type, status, headers)``,
    ``redirect(path, to)``, ``delay(path, seconds)``; ``url(path)`` is its address."""

    def __init__(self, server: http.server.ThreadingHTTPServer) -> None:
        self.server = server
        self.handler: type[_Handler] = server.RequestHandlerClass  # type: ignore[assignment]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def serve(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
              status: int = 200, headers: dict[str, str] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.handler.routes[path] = (status, content_type, data, headers or {})
        return self.url(path)

    def redirect(self, path: str, to: str) -> str:
        return self.serve(path, b"", status=302, headers={"Location": to})

    def delay(self, path: str, seconds: float) -> None:
        self.handler.delays[path] = seconds


@contextmanager
def local_server() -> Iterator[LocalServer]:
    handler = type("Handler", (_Handler,), {"routes": {}, "delays": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(server)
    finally:
        server.shutdown()
        server.server_close()
