"""Render a briefing as Markdown, a standalone HTML page, JSON or plain text.

Every sentence is quoted verbatim and followed by citation markers ``[1][3]`` that point to the
numbered list of sources. Document text is never trusted: in Markdown its syntax is escaped so
the quote renders as written, and the HTML page is made from that escaped Markdown, so no tag,
attribute or link in the page comes from a document.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

import markdown as markdown_lib

from .dates import format_date
from .errors import OptionsError
from .model import Briefing, BriefingSentence, Document, Explanation, json_text, shown

__all__ = [
    "FORMATS",
    "IndexEntry",
    "escape_markdown",
    "html_page",
    "location",
    "render_briefing",
    "render_index",
    "render_many",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "safe_url",
    "text_fragment",
]

# Characters that make Markdown syntax inside a line (emphasis, code, links and images, closing
# heading marks, escapes); a backslash makes each literal in both CommonMark and
# Python-Markdown. Quotes never start a line (they follow "1. "), so list, quote and heading
# markers at a line's start cannot arise; "<" becomes an entity, since Python-Markdown passes raw
# HTML through and has no backslash escape for it.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape_markdown(text: str) -> str:
    """Make ``text`` render literally as Markdown, on one line: escape syntax, neutralise HTML
    and entities, fold newlines and control characters (see :func:`~summarize.model.shown`)."""
    text = _ENTITY_LIKE.sub("&amp;", shown(text))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("<", "&lt;")


def _quoted(sentence: BriefingSentence, escape: Callable[[str], str], note: Callable[[str], str]) -> str:
    """The sentence's text through ``escape``, with the day each relative date means after it,
    "on Sunday [9 July 2023].", and the full name after a surname that first mentions a person,
    "Holloway [Linda Holloway]" (``note`` marks the bracket up). Pieces between notes are escaped
    one by one; escaping strips a piece's ends, so the space that opened one is put back."""
    brackets = sorted([(date_note.end, format_date(dt.date.fromisoformat(date_note.date))) for date_note in sentence.dates]
                      + [(name_note.end, name_note.name) for name_note in sentence.names])
    if not brackets:
        return escape(sentence.text)
    out, last = "", 0
    for end, said in brackets:
        piece = sentence.text[last:end]
        out += (" " if piece[:1].isspace() and out else "") + escape(piece)
        out += " " + note(f"[{said}]")
        last = end
    piece = sentence.text[last:]
    return out + (" " if piece[:1].isspace() else "") + escape(piece)


def _numbers(briefing: Briefing) -> dict[str, int]:
    return {document.id: position for position, document in enumerate(briefing.documents, start=1)}


def _markers(briefing: Briefing, sources: tuple[str, ...], separator: str = "") -> str:
    number = _numbers(briefing)
    return separator.join(f"[{number[doc_id]}]" for doc_id in sources)


_SAFE_URL = re.compile(r"^https?://[^\s<>\\\x00-\x1f\x7f]+$", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` when it may become a link: http(s) only, no white space, no markup characters."""
    return url if url and _SAFE_URL.match(url) else None


def location(document: Document) -> str:
    """Where a document came from, as shown to readers: a URL as given, a local file by its name
    only (an absolute path says nothing to a reader and leaks the author's folders)."""
    path = document.path
    if not path:
        return document.id
    if path == "-":
        return "standard input"
    if re.match(r"^https?://", path, re.IGNORECASE):
        return path
    name, _, entry = path.partition("#")  # a feed entry: feed.xml#3
    return PurePath(name).name + (f"#{entry}" if entry else "")


def _source_line(document: Document, *, escape: bool) -> str:
    quote = escape_markdown if escape else shown
    title = quote(document.title or document.id)
    url = safe_url(document.url)
    parts = [f"[{title}](<{url}>)" if escape and url else title]
    if document.source:
        parts.append(quote(document.source))
    if document.date:
        parts.append(quote(document.date))
    place = location(document)
    if place != url:
        parts.append(f"`{_code(place)}`" if escape else shown(place))
    line = " — ".join(parts)
    if url and not escape:
        line += f" <{url}>"
    return line


def _code(text: str) -> str:
    """``text`` for a Markdown code span: one line, no backquote to end it early."""
    return shown(text).replace("`", "")


def _definition_title(document: Document) -> str:
    text = shown(document.title or document.id)
    return text.replace("\\", "\\\\").replace('"', '\\"')


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown: a numbered list of quoted sentences, each followed by reference
    links to its sources, then the numbered sources with their URLs as link definitions."""
    lines = [f"# {escape_markdown(briefing.title)}", ""]
    for number, sentence in enumerate(briefing.sentences, start=1):
        # "[5] [1]": a reference link each where the source has a URL (defined below), plain
        # text otherwise. Spaced, because "[5][1]" would be one link, "5", to reference 1.
        quoted = _quoted(sentence, escape_markdown, escape_markdown)
        lines.append(f"{number}. {quoted} {_markers(briefing, sentence.sources, ' ')}")
    if briefing.explain is not None:
        lines += ["", *_explain_markdown(briefing, briefing.explain)]
    lines += ["", "## Sources", ""]
    for number, document in enumerate(briefing.documents, start=1):
        lines.append(f"{number}. {_source_line(document, escape=True)}")
    definitions = [f'[{number}]: <{safe_url(document.url)}> "{_definition_title(document)}"'
                   for number, document in enumerate(briefing.documents, start=1) if safe_url(document.url)]
    if definitions:
        lines += ["", *definitions]
    return "\n".join(lines) + "\n"


#: The page's ``lang`` for each language we read (ISO 639-1).
LANGUAGE_CODES = {
    "arabic": "ar", "bulgarian": "bg", "chinese": "zh", "czech": "cs", "danish": "da", "dutch": "nl",
    "english": "en", "finnish": "fi", "french": "fr", "german": "de", "greek": "el", "hebrew": "he",
    "hungarian": "hu", "italian": "it", "japanese": "ja", "korean": "ko", "norwegian": "no",
    "polish": "pl", "portuguese": "pt", "romanian": "ro", "russian": "ru", "slovak": "sk",
    "spanish": "es", "swedish": "sv", "thai": "th", "turkish": "tr", "ukrainian": "uk",
}

# Colours: text on background contrast is 16.9:1 (light) and 15.0:1 (dark); links 7.0:1 and
# 8.4:1; the muted grey of file names 7.5:1 and 9.0:1 (WCAG AA asks 4.5:1).
_STYLE = """
:root { color-scheme: light dark; --text: #1b1b1b; --page: #ffffff; --link: #0b57d0; --muted: #555555;
        --rule: #dddddd; --tip: #f4f4f4; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e6e3; --page: #121212; --link: #8ab4f8; --muted: #b0b0b0; --rule: #3a3a3a; --tip: #262626; }
}
html { background: var(--page); }
body { font: 17px/1.55 Georgia, "Times New Roman", serif; max-width: 42rem; margin: 2rem auto;
       padding: 0 1rem; color: var(--text); background: var(--page); overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.1rem; margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
li { margin: 0.55rem 0; }
a { color: var(--link); }
a.quote { color: inherit; text-decoration: none; }
a.quote:hover, a.quote:focus { text-decoration: underline; }
.cites { white-space: nowrap; }
.cite { position: relative; text-decoration: none; font-size: 0.85em; }
.cite .tip { display: none; position: absolute; right: 0; bottom: 1.6em; z-index: 1; width: max-content;
             max-width: min(20rem, 80vw); white-space: normal; padding: 0.4rem 0.6rem; font-size: 0.85rem;
             color: var(--text); background: var(--tip); border: 1px solid var(--rule); border-radius: 4px; }
.cite:hover .tip, .cite:focus .tip { display: block; }
code { font-size: 0.85em; color: var(--muted); word-break: break-all; }
.sources :target { outline: 2px solid var(--link); outline-offset: 2px; }
@media print {
  body { max-width: none; margin: 0; color: #000; background: #fff; }
  a { color: #000; }
  .sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
  .cite .tip { display: none; }
}
"""
# The day a relative date means and the full name of a person first named by surname are the
# renderer's words, not the source's: set apart in the muted grey. Only on a page with such notes,
# as below.
_NOTE_STYLE = ".note { color: var(--muted); font-size: 0.9em; }\n"
# Only on a page with an explanation, so every other page keeps its bytes.
_EXPLAIN_STYLE = """.explain .scroll { overflow-x: auto; }
.explain table { border-collapse: collapse; font-size: 0.85rem; line-height: 1.35; }
.explain th { white-space: nowrap; overflow-wrap: normal; }
.explain th, .explain td { padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: left;
                           vertical-align: top; }
.explain td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.explain p, .explain li { font-size: 0.9rem; }
"""
# Sentences link to their place in the source page where the browser can find it (a text
# fragment), else to the source entry: without support the fragment would be ignored.
_SCRIPT = """if ("fragmentDirective" in document) {
  for (const link of document.querySelectorAll("a[data-fragment]")) link.href = link.dataset.fragment;
}"""


def text_fragment(url: str, text: str, words: int = 4) -> str:
    """``url`` with a text fragment (``#:~:text=start,end``) that finds ``text`` on the page."""
    tokens = text.split()

    def encode(part: str) -> str:
        return quote(part, safe="").replace("-", "%2D")

    if len(tokens) <= 2 * words:
        directive = encode(" ".join(tokens))
    else:
        directive = f"{encode(' '.join(tokens[:words]))},{encode(' '.join(tokens[-words:]))}"
    return f"{url.split('#', 1)[0]}#:~:text={directive}"


def _note(bracket: str) -> str:
    return f'<span class="note">{_h(bracket)}</span>'


def _h(text: str) -> str:
    """``text`` for an HTML page: one line, no bidi controls, escaped (quotes too)."""
    return html.escape(shown(text), quote=True)


def _cite(number: int, document: Document, anchor: str = "source") -> str:
    about = " — ".join(shown(part) for part in (document.source, document.title or document.id, document.date) if part)
    label = html.escape(f"Source {number}: {about}", quote=True)
    return (f'<a class="cite" href="#{anchor}-{number}" aria-label="{label}">[{number}]'
            f'<span class="tip" role="tooltip">{html.escape(about)}</span></a>')


def render_html(briefing: Briefing) -> str:
    """A complete standalone page: citations link to the source list, sources to their URLs,
    sentences to their place in the source page. Every piece of document text is escaped."""
    return _page(_html_body(briefing), briefing.title, briefing.language, script=bool(briefing.sentences))


def _html_body(briefing: Briefing, anchor: str = "source") -> str:
    """The page body of one briefing; ``anchor`` prefixes the source entries' ids, so several
    briefings can share a page."""
    documents = {document.id: document for document in briefing.documents}
    numbers = _numbers(briefing)
    items = []
    for sentence in briefing.sentences:
        quoted = documents[sentence.document]
        url = safe_url(quoted.url)
        fragment = f' data-fragment="{html.escape(text_fragment(url, sentence.text), quote=True)}"' if url else ""
        cites = "".join(_cite(numbers[doc_id], documents[doc_id], anchor) for doc_id in sentence.sources)
        items.append(f'<li><a class="quote" href="#{anchor}-{numbers[sentence.document]}"{fragment}>'
                     f'{_quoted(sentence, _h, _note)}</a> <span class="cites">{cites}</span></li>')
    sources = []
    for number, document in enumerate(briefing.documents, start=1):
        url = safe_url(document.url)
        title = _h(document.title or document.id)
        parts = [f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title]
        parts += [_h(value) for value in (document.source, document.date) if value]
        place = location(document)
        if place != url:
            parts.append(f"<code>{_h(place)}</code>")
        sources.append(f'<li id="{anchor}-{number}">{" — ".join(parts)}</li>')
    explained = _explain_html(briefing, briefing.explain, anchor) if briefing.explain is not None else ""
    return (f"<main>\n<h1>{_h(briefing.title)}</h1>\n<ol class=\"briefing\">\n" + "\n".join(items)
            + f"\n</ol>{explained}\n<h2>Sources</h2>\n<ol class=\"sources\">\n" + "\n".join(sources) + "\n</ol>\n</main>")


def _page(body: str, title: str, language: str = "english", *, script: bool = False) -> str:
    lang = LANGUAGE_CODES.get(language, "en")
    style = (_STYLE + (_NOTE_STYLE if '<span class="note">' in body else "")
             + (_EXPLAIN_STYLE if '<section class="explain">' in body else ""))
    tail = f"\n<script>\n{_SCRIPT}\n</script>" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_h(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}{tail}\n</body>\n</html>\n")


def html_page(markdown_text: str, title: str, language: str = "english") -> str:
    """A standalone page from Markdown whose document text is already escaped (index pages)."""
    return _page(markdown_lib.markdown(markdown_text, output_format="html"), title, language)


def render_json(briefing: Briefing) -> str:
    """The briefing as indented JSON: :meth:`~summarize.Briefing.to_json`."""
    return briefing.to_json()


def render_text(briefing: Briefing) -> str:
    """The briefing as plain text: numbered sentences with ``[n]`` source markers, then the
    sources; no markup, and control characters of the documents shown visibly."""
    lines = [shown(briefing.title), ""]
    for number, sentence in enumerate(briefing.sentences, start=1):
        lines.append(f"{number}. {_quoted(sentence, shown, str)} {_markers(briefing, sentence.sources)}")
    if briefing.explain is not None:
        lines += ["", *_explain_text(briefing, briefing.explain)]
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


def render_briefing(briefing: Briefing, format: str = "markdown") -> str:
    """``briefing`` as ``format``: ``"markdown"``, ``"html"`` (a standalone page), ``"json"``
    (:meth:`Briefing.to_json`) or ``"text"``. Presentation lives here and reads the data;
    the data (:mod:`summarize.model`) never imports it."""
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise OptionsError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}") from None
    return renderer(briefing)


#: What separates briefings printed one after another (stories on standard output).
_BRIEFING_SEPARATOR = "\n---\n\n"


def render_many(briefings: Sequence[Briefing], format: str) -> str:
    """Several briefings as one output: Markdown and text one after another, HTML one page."""
    if format == "html":
        title = briefings[0].title if len(briefings) == 1 else _stories_heading(len(briefings))
        # One page: each story's source ids its own (story 2's source 1 is #s2-source-1).
        bodies = [_html_body(briefing, f"s{k}-source") for k, briefing in enumerate(briefings, start=1)]
        return _page("\n<hr>\n".join(bodies), title, briefings[0].language, script=True)
    return _BRIEFING_SEPARATOR.join(render_briefing(briefing, format) for briefing in briefings)


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


def _stories_heading(count: int) -> str:
    return f"{count} {'story' if count == 1 else 'stories'}"


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
        return json_text({"stories": records}, indent=2) + "\n"
    if format == "text":
        lines = [_stories_heading(len(briefed)), ""]
        lines += [f"{number}. {shown(entry.title)} ({shown('; '.join(_index_facts(entry)))}) {entry.file}"
                  for number, entry in enumerate(briefed, start=1)]
        if others:
            lines += ["", "Other articles:"]
            lines += [f"- {shown(entry.title)} ({shown('; '.join(_index_facts(entry)))})" for entry in others]
        return "\n".join(lines) + "\n"
    lines = [f"# {_stories_heading(len(briefed))}", ""]
    lines += [f"{number}. [{escape_markdown(entry.title)}]({entry.file}) — "
              + " — ".join(escape_markdown(fact) for fact in _index_facts(entry))
              for number, entry in enumerate(briefed, start=1)]
    if others:
        lines += ["", "## Other articles", ""]
        lines += ["- " + " — ".join(escape_markdown(part) for part in [entry.title, *_index_facts(entry)])
                  for entry in others]
    markdown_text = "\n".join(lines) + "\n"
    return html_page(markdown_text, _stories_heading(len(briefed))) if format == "html" else markdown_text


# --- Explanations (``--explain``): the same rows in every format -------------------------------

_SHORT_WORDS = 14


def _short(text: str) -> str:
    """The opening words of a sentence, enough to find it: explanations quote, briefings cite."""
    words = shown(text).split()
    return " ".join(words[:_SHORT_WORDS]) + ("…" if len(words) > _SHORT_WORDS else "")


def _formula(explanation: Explanation) -> str:
    return ("A line's score is its PageRank (centrality in the graph of similar sentences, with a "
            "teleport toward each article's first sentences: the prior, against an average sentence's) "
            "× each penalty × the corroboration boost (1 + "
            f"{explanation.corroboration_weight:g} × the share of the other sources with a paraphrase of it; "
            "copies of one article, half their sentences word for word alike, count as one source). "
            f"Sentences at or above a same-fact similarity of {explanation.same_fact:g} with a line "
            "(or restating it through its paraphrases) are cited with it and never quoted after it. "
            "Rank: the order candidates were considered in, by boosted score.")


def _penalties(penalties: tuple[tuple[str, float], ...]) -> str:
    return "; ".join(f"×{factor:g} {reason}" for reason, factor in penalties) or "—"


def _chosen_rows(briefing: Briefing, explanation: Explanation) -> list[list[str]]:
    return [[str(chosen.line), str(chosen.rank), f"{chosen.score:.6f}", f"{chosen.pagerank:.6f}",
             f"{chosen.position} (×{chosen.prior:g})", f"{chosen.sources} (×{chosen.boost:g})",
             _penalties(chosen.penalties)]
            for chosen in explanation.chosen]


_CHOSEN_HEADER = ["line", "rank", "score", "PageRank", "sentence of its article (prior)",
                  "sources (boost)", "penalties"]
_PASSED_HEADER = ["rank", "sentence", "source", "score", "why not"]


def _why_not(passed_reason: str, similarity: float | None, penalties: tuple[tuple[str, float], ...]) -> str:
    why = passed_reason + (f" (similarity {similarity:.2f})" if similarity is not None else "")
    return why + (f"; score {_penalties(penalties)}" if penalties else "")


def _passed_rows(briefing: Briefing, explanation: Explanation) -> list[list[str]]:
    number = _numbers(briefing)
    return [[str(passed.rank), _short(passed.text), f"[{number[passed.document]}]", f"{passed.score:.6f}",
             _why_not(passed.reason, passed.similarity, passed.penalties)]
            for passed in explanation.passed]


def _restated(briefing: Briefing, explanation: Explanation) -> list[tuple[int, list[tuple[str, str, str]]]]:
    """Per line with restatements: (line, [(marker, opening words, similarity)], …)."""
    number = _numbers(briefing)
    return [(chosen.line,
             [(f"[{number[r.document]}]", _short(r.text), f"{r.similarity:.2f}") for r in chosen.restates]
             + ([("", f"and {chosen.restated - len(chosen.restates)} more", "")]
                if chosen.restated > len(chosen.restates) else []))
            for chosen in explanation.chosen if chosen.restated]


_MARKER = re.compile(r"^\[\d+\]$")


def _markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    # A source marker stays as written, "[4]", as in the briefing's lines.
    def cell(text: str) -> str:
        return text if _MARKER.match(text) else escape_markdown(text).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]


def _explain_markdown(briefing: Briefing, explanation: Explanation) -> list[str]:
    lines = ["## Why these sentences", "", escape_markdown(_formula(explanation)), "",
             *_markdown_table(_CHOSEN_HEADER, _chosen_rows(briefing, explanation))]
    restated = _restated(briefing, explanation)
    if restated:
        lines += ["", "Stated also by (same-fact similarity), cited with the line:", ""]
        for line, items in restated:
            quoted = "; ".join(f"{marker} “{escape_markdown(text)}” ({similarity})" if similarity
                               else escape_markdown(text) for marker, text, similarity in items)
            lines.append(f"- line {line}: {quoted}")
    if explanation.passed:
        lines += ["", "### Not chosen: the next candidates", "",
                  *_markdown_table(_PASSED_HEADER, _passed_rows(briefing, explanation))]
    return lines


def _text_table(header: list[str], rows: list[list[str]]) -> list[str]:
    table = [header, *rows]
    widths = [max(len(row[column]) for row in table) for column in range(len(header))]
    return ["  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip() for row in table]


def _explain_text(briefing: Briefing, explanation: Explanation) -> list[str]:
    lines = ["Why these sentences:", _formula(explanation), "",
             *_text_table(_CHOSEN_HEADER, _chosen_rows(briefing, explanation))]
    for line, items in _restated(briefing, explanation):
        lines.append(f"line {line} is stated also by:")
        lines += [f"  {marker} ({similarity}) {text}" if similarity else f"  {text}" for marker, text, similarity in items]
    if explanation.passed:
        lines += ["", "Not chosen (the next candidates):",
                  *_text_table(_PASSED_HEADER, [[shown(value) for value in row]
                                                for row in _passed_rows(briefing, explanation)])]
    return lines


def _html_table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    head = "".join(f"<th scope=\"col\">{_h(name)}</th>" for name in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="number">{_h(value)}</td>' if column in numeric else f"<td>{_h(value)}</td>"
                         for column, value in enumerate(row)) + "</tr>\n"
        for row in rows
    )
    return f'<div class="scroll"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table></div>'


def _explain_html(briefing: Briefing, explanation: Explanation, anchor: str) -> str:
    parts = ['\n<section class="explain">', "<h2>Why these sentences</h2>", f"<p>{_h(_formula(explanation))}</p>",
             _html_table(_CHOSEN_HEADER, _chosen_rows(briefing, explanation), {0, 1, 2, 3})]
    restated = _restated(briefing, explanation)
    if restated:
        parts.append("<p>Stated also by (same-fact similarity), cited with the line:</p>\n<ul>")
        for line, items in restated:
            quoted = "; ".join(f"{_h(marker)} “{_h(text)}” ({_h(similarity)})" if similarity else _h(text)
                               for marker, text, similarity in items)
            parts.append(f"<li>line {line}: {quoted}</li>")
        parts.append("</ul>")
    if explanation.passed:
        parts += ["<h3>Not chosen: the next candidates</h3>",
                  _html_table(_PASSED_HEADER, _passed_rows(briefing, explanation), {0, 3})]
    parts.append("</section>")
    return "\n".join(parts)
