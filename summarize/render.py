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
from typing import Any

import markdown as markdown_lib

from .model import Briefing, Document

__all__ = [
    "FORMATS",
    "briefing_to_dict",
    "escape_markdown",
    "render",
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
    body = markdown_lib.markdown(render_markdown(briefing), output_format="html")
    return _PAGE.format(title=html.escape(briefing.title), body=body)


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
