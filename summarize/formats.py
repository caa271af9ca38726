"""Read what people save from the web: HTML pages, RSS/Atom feeds, and (with an extra) PDF and Word.

* HTML goes through trafilatura, the field's standard main-text extractor: it drops navigation,
  cookie banners, share buttons, related-article lists and footers, and reads the page's title,
  site name, date and canonical (or ``og:``) URL, which become the document's metadata.
* A feed (feedparser) becomes one document per entry: the entry's title, link and date, the
  feed's title as its source, and the entry's content (or summary) as its text.
* PDF (pypdf) and .docx (python-docx) are the optional extra ``summarize[documents]``; without
  it such a file is skipped with a message that names the extra.

A format is recognised by the file ending or, for HTML and feeds, by the first bytes.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import replace
from typing import Any

from .errors import InputError
from .model import METADATA_KEYS, Document, collapse_whitespace

__all__ = [
    "DOCUMENT_EXTRA",
    "document_from_html",
    "documents_from_feed",
    "html_charset",
    "sniff_format",
    "text_from_docx",
    "text_from_pdf",
]

#: The pip extra that reads PDF and Word files.
DOCUMENT_EXTRA = "pip install 'summarize[documents]'"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_FEED_SUFFIXES = (".rss", ".atom")
_HTML_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                        re.IGNORECASE | re.DOTALL)
_FEED_HEAD = re.compile(rb"<(?:rss[\s>]|feed[^>]*xmlns=[\"']http://www\.w3\.org/2005/Atom|rdf:RDF[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# How far into a file its kind is judged (a doctype, <html>, <rss>, <feed> opens it), and how far a
# page's declared charset is looked for (HTML says within the first 1,024 bytes; some pages put
# comments and scripts first).
_SNIFF_BYTES = 2048
_CHARSET_BYTES = 4096


def sniff_format(name: str, data: bytes) -> str:
    """``"html"``, ``"feed"``, ``"pdf"``, ``"docx"`` or ``"text"``, by ending, then by content."""
    lowered = name.lower()
    if data.startswith(b"%PDF") or lowered.endswith(".pdf"):
        return "pdf"
    if lowered.endswith(".docx"):
        return "docx"
    head = data[:_SNIFF_BYTES]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
    if b"\x00" in head[:200]:  # UTF-16/32 text: judged by its ending only
        head = head.replace(b"\x00", b"")
    if lowered.endswith(_FEED_SUFFIXES) or (not lowered.endswith(_HTML_SUFFIXES) and _FEED_HEAD.search(head)):
        return "feed"
    if lowered.endswith(_HTML_SUFFIXES) or _HTML_HEAD.match(head):
        return "html"
    return "text"


def html_charset(data: bytes) -> str | None:
    """The encoding a page declares (``<meta charset>``, http-equiv, or the XML declaration)."""
    head = data[:_CHARSET_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def document_from_html(html: str, *, id: str = "page", path: str | None = None, url: str | None = None) -> Document:
    """A :class:`Document` of a web page's main text, with its title, site name (as ``source``),
    date and canonical URL from the page (``url`` when the page names none).

    Raises :class:`InputError` when the page has no article text to extract.
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True,  # no deduplicate: its cache is process-wide, so
        # the same page read twice in one process would come back empty the second time
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(f"{path or url or id}: no article text found in this page")
    title = _clean(getattr(extracted, "title", None)) or ""
    # Paragraphs one blank line apart, as our cleaning reads plain text. The headline is the
    # title, not a sentence of the story: trafilatura keeps it as the first line, and pages
    # often repeat it in the body.
    headline = _letters(title)
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    body = "\n\n".join(line for line in paragraphs if not headline or _letters(line) != headline)
    if not body:
        raise InputError(f"{path or url or id}: no article text found in this page")
    return Document(
        id=id,
        text=body + "\n",
        title=title,
        path=path,
        source=_clean(getattr(extracted, "sitename", None)),
        url=_clean(getattr(extracted, "url", None)) or url,
        date=_clean(getattr(extracted, "date", None)),
    )


def _letters(text: str) -> str:
    """``text`` reduced to its lowercase letters and digits, to compare headlines."""
    return "".join(char for char in text.lower() if char.isalnum())


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = collapse_whitespace(str(value))
    return text or None


def _fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), a paragraph per block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    marked = re.sub(r"(?i)<\s*(?:/?p|br|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>", "\n\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except Exception:  # lxml raises several types for hopeless markup
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    for element in root.iter("script", "style"):
        element.drop_tree()
    paragraphs = [collapse_whitespace(part) for part in root.text_content().split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return _clean(entry.get("published") or entry.get("updated"))


def documents_from_feed(data: bytes, *, name: str, path: str | None = None) -> list[Document]:
    """One document per entry of an RSS or Atom feed: the entry's content or summary as text, its
    title, link and date, and the feed's title as the source. Ids are ``<name>-1``, ``-2`` …;
    :attr:`Document.path` is ``path#N``. Entries without text are left out."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError(f"{path or name}: not a readable RSS or Atom feed")
        raise InputError(f"{path or name}: the feed has no entries")
    feed_title = _clean(parsed.feed.get("title"))
    documents = []
    for number, entry in enumerate(parsed.entries, start=1):
        contents = [item.get("value", "") for item in entry.get("content", []) if item.get("value")]
        body = max((_fragment_text(content) for content in contents), key=len, default="")
        summary = _fragment_text(entry.get("summary", "") or "")
        text = body if len(body) >= len(summary) else summary
        documents.append(Document(
            id=f"{name}-{number}",
            text=text + "\n" if text else "",
            title=_clean(entry.get("title")) or "",
            path=f"{path}#{number}" if path else None,
            source=feed_title,
            url=_clean(entry.get("link")),
            date=_entry_date(entry),
        ))
    return documents


def text_from_pdf(data: bytes, name: str) -> str:
    """The text of a PDF, a paragraph per page block (the ``documents`` extra)."""
    try:
        import pypdf
    except ImportError:
        raise InputError(f"{name}: a PDF file; to read PDF files, {DOCUMENT_EXTRA}") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # pypdf raises many types for damaged files
        raise InputError(f"{name}: not a readable PDF ({type(error).__name__})") from None
    return "\n\n".join(page.strip() for page in pages if page.strip())


def text_from_docx(data: bytes, name: str) -> str:
    """The text of a Word .docx file, a paragraph per paragraph (the ``documents`` extra)."""
    try:
        import docx
    except ImportError:
        raise InputError(f"{name}: a Word file; to read .docx files, {DOCUMENT_EXTRA}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged files
        raise InputError(f"{name}: not a readable .docx file ({type(error).__name__})") from None
    return "\n\n".join(paragraph.text.strip() for paragraph in document.paragraphs if paragraph.text.strip())


def with_metadata(document: Document, meta: dict[str, str]) -> Document:
    """``document`` with the fields of a sources.json entry put over what the page said."""
    fields = {key: value for key, value in meta.items() if key in METADATA_KEYS and value}
    return replace(document, **fields) if fields else document
