"""Render a briefing as Markdown, a standalone HTML page, JSON or plain text.

Every sentence is quoted verbatim and followed by citation markers ``[1][3]`` that point to the
numbered list of sources. Document text is never trusted: in Markdown its syntax is escaped so
the quote renders as written, and the HTML page is made from that escaped Markdown, so no tag,
attribute or link in the page comes from a document.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import markdown as markdown_lib

from .model import Briefing, Document

__all__ = [
    "FORMATS",
    "IndexEntry",
    "briefing_to_dict",
    "escape_markdown",
    "html_page",
    "render",
    "render_index",
    "render_many",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]

# Characters that make Markdown syntax inside a line (emphasis, code, links and images, closing
# heading marks, escapes); a backslash makes each literal in both CommonMark and
# Python-Markdown. Quotes never start a line (they follow "1. "), so list, quote and heading
# markers at a line's start cannot arise; "<" becomes an entity, since Python-Markdown passes raw
# HTML through and has no backslash escape for it.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape_markdown(text: str) -> str:
    """Make ``text`` render literally as Markdown: escape syntax, neutralise HTML and entities."""
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("<", "&lt;")


def _markers(briefing: Briefing, sources: tuple[str, ...]) -> str:
    number = {document.id: position for position, document in enumerate(briefing.documents, start=1)}
    return "".join(f"[{number[doc_id]}]" for doc_id in sources)


def _source_line(document: Document, *, escape: bool) -> str:
    quote = escape_markdown if escape else (lambda text: text)
    parts = [quote(document.title or document.id)]
    if document.source:
        parts.append(quote(document.source))
    if document.date:
        parts.append(quote(document.date))
    location = document.path or document.id
    parts.append(f"`{location.replace('`', '')}`" if escape else location)
    line = " — ".join(parts)
    if document.url:
        line += f" <{quote(document.url)}>" if not escape else f" ({quote(document.url)})"
    return line


def render_markdown(briefing: Briefing) -> str:
    lines = [f"# {escape_markdown(briefing.title)}", ""]
    for number, sentence in enumerate(briefing.sentences, start=1):
        # Bare "[1][3]" renders as written: no reference definitions exist for it to resolve to.
        lines.append(f"{number}. {escape_markdown(sentence.text)} {_markers(briefing, sentence.sources)}")
    lines += ["", "## Sources", ""]
    for number, document in enumerate(briefing.documents, start=1):
        lines.append(f"{number}. {_source_line(document, escape=True)}")
    return "\n".join(lines) + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 17px/1.55 Georgia, "Times New Roman", serif; max-width: 42rem; margin: 2rem auto;
       padding: 0 1rem; color: #1b1b1b; background: #fff; }}
h1 {{ font-size: 1.6rem; line-height: 1.25; }}
h2 {{ font-size: 1.1rem; margin-top: 2rem; border-top: 1px solid #ddd; padding-top: 1rem; }}
li {{ margin: 0.55rem 0; }}
code {{ font-size: 0.85em; color: #555; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def render_html(briefing: Briefing) -> str:
    """A complete standalone page, converted from the escaped Markdown briefing."""
    return html_page(render_markdown(briefing), briefing.title)


def html_page(markdown_text: str, title: str) -> str:
    """A standalone page from Markdown whose document text is already escaped."""
    body = markdown_lib.markdown(markdown_text, output_format="html")
    return _PAGE.format(title=html.escape(title), body=body)


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    return {
        "title": briefing.title,
        "documents": [
            {
                "id": document.id,
                "path": document.path,
                "title": document.title,
                "source": document.source,
                "url": document.url,
                "date": document.date,
            }
            for document in briefing.documents
        ],
        "sentences": [
            {
                "text": sentence.text,
                "document": sentence.document,
                "start": sentence.start,
                "end": sentence.end,
                "score": sentence.score,
                "sources": list(sentence.sources),
            }
            for sentence in briefing.sentences
        ],
    }


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def render_text(briefing: Briefing) -> str:
    lines = [briefing.title, ""]
    for number, sentence in enumerate(briefing.sentences, start=1):
        lines.append(f"{number}. {sentence.text} {_markers(briefing, sentence.sources)}")
    lines += ["", "Sources:"]
    for number, document in enumerate(briefing.documents, start=1):
        lines.append(f"[{number}] {_source_line(document, escape=False)}")
    return "\n".join(lines) + "\n"


#: Output formats by name; the CLI offers exactly these.
FORMATS = {
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
    "text": render_text,
}


def render(briefing: Briefing, format: str) -> str:
    return FORMATS[format](briefing)


#: What separates briefings printed one after another (stories on standard output).
_BRIEFING_SEPARATOR = "\n---\n\n"


def render_many(briefings: Sequence[Briefing], format: str) -> str:
    """Several briefings as one output: Markdown and text one after another, HTML one page."""
    if format == "html":
        title = briefings[0].title if len(briefings) == 1 else f"{len(briefings)} stories"
        return html_page(_BRIEFING_SEPARATOR.join(render_markdown(b) for b in briefings), title)
    return _BRIEFING_SEPARATOR.join(render(briefing, format) for briefing in briefings)


@dataclass(frozen=True, kw_only=True)
class IndexEntry:
    """One story in an index of stories: its title, its documents, and the file of its briefing
    (``None`` for stories too small to be briefed, listed as other articles)."""

    title: str
    documents: tuple[Document, ...]
    file: str | None = None


def _outlets(documents: Sequence[Document]) -> list[str]:
    return sorted({document.source for document in documents if document.source})


def _date_range(documents: Sequence[Document]) -> str:
    dates = sorted({document.date for document in documents if document.date})
    if not dates:
        return ""
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def _index_facts(entry: IndexEntry) -> list[str]:
    count = len(entry.documents)
    facts = [f"{count} article" + ("" if count == 1 else "s")]
    if _outlets(entry.documents):
        facts.append(", ".join(_outlets(entry.documents)))
    if _date_range(entry.documents):
        facts.append(_date_range(entry.documents))
    return facts


def render_index(entries: Sequence[IndexEntry], format: str) -> str:
    """The index of a ``--stories -o DIR`` run: each story's title (linked to its briefing),
    number of articles, outlets and dates; stories without a briefing under "Other articles"."""
    briefed = [entry for entry in entries if entry.file is not None]
    others = [entry for entry in entries if entry.file is None]
    if format == "json":
        records = [{"story": number, "title": entry.title, "file": entry.file,
                    "documents": [document.id for document in entry.documents],
                    "sources": _outlets(entry.documents),
                    "dates": sorted({d.date for d in entry.documents if d.date})}
                   for number, entry in enumerate(entries, start=1)]
        return json.dumps({"stories": records}, ensure_ascii=False, indent=2) + "\n"
    if format == "text":
        lines = [f"{len(briefed)} stories", ""]
        lines += [f"{number}. {entry.title} ({'; '.join(_index_facts(entry))}) {entry.file}"
                  for number, entry in enumerate(briefed, start=1)]
        if others:
            lines += ["", "Other articles:"]
            lines += [f"- {entry.title} ({'; '.join(_index_facts(entry))})" for entry in others]
        return "\n".join(lines) + "\n"
    lines = [f"# {len(briefed)} stories", ""]
    lines += [f"{number}. [{escape_markdown(entry.title)}]({entry.file}) — "
              + " — ".join(escape_markdown(fact) for fact in _index_facts(entry))
              for number, entry in enumerate(briefed, start=1)]
    if others:
        lines += ["", "## Other articles", ""]
        lines += ["- " + " — ".join(escape_markdown(part) for part in [entry.title, *_index_facts(entry)])
                  for entry in others]
    markdown_text = "\n".join(lines) + "\n"
    return html_page(markdown_text, f"{len(briefed)} stories") if format == "html" else markdown_text
