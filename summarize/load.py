"""Load documents: files, directories, URLs, standard input, texts and ``Document`` objects.

Reading is careful rather than clever. Plain text is decoded by its byte-order mark, as UTF-8, or
in the legacy encoding that reads best as the document's language (:mod:`summarize.encodings`);
web pages, feeds, PDF and Word files are read by :mod:`summarize.formats`, and URLs fetched by
:mod:`summarize.fetch`. Binary, empty and unreadable inputs and failed URLs are skipped with a
warning that names them; a directory is walked in sorted order (so the result never depends on
the order the file system lists entries), without following symbolic links to directories (so
a link loop cannot trap the walk). Nothing is ever written.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from ._logging import get_logger
from .encodings import check_encoding
from .encodings import decode_bytes as decode_text
from .errors import InputError, OptionsError, SummarizeError, too_large
from .defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from .fetch import Fetched, fetch, is_url
from .formats import (
    document_from_html,
    documents_from_feed,
    html_charset,
    sniff_format,
    text_from_docx,
    text_from_pdf,
    with_metadata,
)
from .language import get_language
from .model import METADATA_KEYS, Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "read_url_list",
    "METADATA_FILE",
    "load_documents",
    "decode_bytes",
    "as_documents",
]

logger = get_logger(__name__)

#: The file endings read from a directory; a file named explicitly is read whatever its ending.
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".rss", ".atom", ".pdf", ".docx")
#: A JSON object in a directory mapping file names to ``title``/``source``/``url``/``date``.
METADATA_FILE = "sources.json"

#: A feed entry with less text than this is a teaser; ``follow_links`` fetches its page instead.
SHORT_ENTRY_CHARACTERS = 600


def decode_bytes(data: bytes, name: str = "<input>", *, language: str = "english", encoding: str | None = None) -> str:
    """The text of ``data`` (see :func:`summarize.encodings.decode_bytes`); :class:`InputError`
    for binary data."""
    return decode_text(data, name, language=get_language(language), encoding=encoding).text


_CHUNK = 1 << 20


def _too_large(name: str, limit: int, remaining: int) -> InputError:
    return too_large(f"{name}: the inputs together are" if remaining < limit else f"{name}: input is", limit)


def _read_limited(stream: BinaryIO, remaining: int, name: str, limit: int | None = None) -> bytes:
    """At most ``remaining`` bytes of ``stream``, read a chunk at a time: a limit of many
    gigabytes must not allocate them up front. More than that is :class:`InputError`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, remaining - size + 1))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > remaining:
            raise _too_large(name, remaining if limit is None else limit, remaining)


def unique_id(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``, … when taken already; the one returned is taken now."""
    candidate = stem or "document"
    number = 2
    while candidate in taken:
        candidate = f"{stem or 'document'}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _read_metadata(directory: Path, remaining: int, limit: int) -> tuple[dict[str, dict[str, str]], int]:
    """The ``sources.json`` of ``directory`` (or nothing) and the bytes it took of the budget."""
    path = directory / METADATA_FILE
    if not path.is_file():
        return {}, 0
    try:
        with path.open("rb") as stream:
            data = _read_limited(stream, remaining, str(path), limit)
        raw = json.loads(data.decode("utf-8-sig"))  # a BOM is how some editors save UTF-8
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, InputError) as error:
        reason = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)[:100]
        logger.warning("ignored %s: not a readable JSON object (%s)", path, reason)
        return {}, 0
    if not isinstance(raw, dict):
        logger.warning("ignored %s: expected a JSON object of file names", path)
        return {}, len(data)
    metadata: dict[str, dict[str, str]] = {}
    for file_name, fields in raw.items():
        if not isinstance(fields, dict):
            logger.warning("ignored %s entry %r: expected an object of title, source, url, date", path, file_name)
            continue
        entry = {}
        for key in METADATA_KEYS:
            value = fields.get(key)
            if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
                entry[key] = str(value)
            elif value is not None:
                logger.warning("ignored %s: %r of %r is a %s, not text", path, key, file_name, type(value).__name__)
        metadata[str(file_name)] = entry
    return metadata, len(data)


def _walk(directory: Path) -> list[Path]:
    """Supported files below ``directory`` in sorted order (a directory's files before its
    subdirectories); hidden entries, links to directories and special files are skipped. A
    stack, not recursion, so no depth of nesting can overflow it."""
    found: list[Path] = []
    stack = [directory]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            if root == directory:
                raise
            _walk_error(error)
            continue
        subdirectories = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirectories.append(Path(entry.path))
                    continue
                if not entry.name.lower().endswith(SUPPORTED_SUFFIXES):
                    continue
                regular = entry.is_file()  # follows a link to a file; False for FIFOs, devices
                broken = not regular and entry.is_symlink() and not os.path.exists(entry.path)
            except OSError:
                regular, broken = False, True
            if not regular and not broken:  # a FIFO would wait for a writer forever
                logger.warning("skipped %s: not a regular file", entry.path)
                continue
            found.append(Path(entry.path))  # a broken link is kept: reading it says what is wrong
        stack.extend(reversed(subdirectories))
    return found


def _walk_error(error: OSError) -> None:
    logger.warning("skipped %s: %s", error.filename, error.strerror or error)


def _describe_os_error(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


class _Loader:
    """Reads paths and URLs into documents while keeping ids unique and the byte budget honest."""

    def __init__(self, max_bytes: int, *, language: str = "english", encoding: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, private_urls: bool = False, follow_links: bool = False) -> None:
        self.max_bytes = max_bytes
        self.language = get_language(language)
        self.encoding = check_encoding(encoding) if encoding else None
        self.timeout = timeout
        self.private_urls = private_urls
        self.follow_links = follow_links
        self.bytes_read = 0
        self.ids: set[str] = set()
        self.documents: list[Document] = []
        self.skipped: list[str] = []  # "name: reason", for the error when nothing remains
        self.files: dict[tuple[int, int], str] = {}  # (device, inode) of each file read: its name

    def _remaining(self) -> int:
        return self.max_bytes - self.bytes_read

    def _text(self, data: bytes, name: str) -> str:
        decoded = decode_text(data, name, language=self.language, encoding=self.encoding)
        if decoded.unsure:
            logger.warning("%s: not sure of the encoding; read as %s (set one with --encoding)", name, decoded.encoding)
        return decoded.text

    def _declared_text(self, data: bytes, name: str, declared: str | None = None) -> str:
        """The characters of a page (or text) by the encoding forced, declared by the server or
        in the page itself, else detected."""
        for charset in (declared, html_charset(data)) if self.encoding is None else ():
            if charset:
                try:
                    return data.decode(check_encoding(charset))
                except (UnicodeDecodeError, SummarizeError):
                    continue
        return self._text(data, name)

    def _add(self, data: bytes, *, name: str, stem: str, path: str | None, meta: dict[str, str],
             kind: str | None = None, url: str | None = None, charset: str | None = None) -> None:
        self.bytes_read += len(data)
        try:
            kind = kind or sniff_format(name, data)
            if kind == "feed":
                self._add_feed(data, name=name, stem=stem, path=path)
                return
            if kind == "html":
                page = document_from_html(self._declared_text(data, name, charset), id=stem, path=path, url=url)
                self._keep(with_metadata(page, meta), stem)
                return
            if kind == "pdf":
                text = text_from_pdf(data, name)
            elif kind == "docx":
                text = text_from_docx(data, name)
            else:
                # A charset the server declared wins over detection (plain text has no other).
                text = self._declared_text(data, name, charset) if charset else self._text(data, name)
        except InputError as error:
            self._skip(str(error))
            return
        if not text.strip():
            self._skip(f"{name}: empty file")
            return
        self._keep(Document(id=stem, text=text, title=meta.get("title", ""), path=path,
                            source=meta.get("source"), url=meta.get("url") or url, date=meta.get("date")), stem)

    def _keep(self, document: Document, stem: str) -> None:
        self.documents.append(replace(document, id=unique_id(stem, self.ids)))

    def _add_feed(self, data: bytes, *, name: str, stem: str, path: str | None) -> None:
        for entry in documents_from_feed(data, name=stem, path=path):
            if self.follow_links and entry.url and len(entry.text) < SHORT_ENTRY_CHARACTERS:
                try:
                    page = self._fetched_page(entry.url)
                except InputError as error:
                    logger.warning("kept the feed's summary of %s: %s", entry.id, error)
                else:
                    # The page's text, the feed's metadata where the page has none.
                    entry = replace(entry, text=page.text, title=entry.title or page.title,
                                    url=page.url or entry.url, date=entry.date or page.date)
            if not entry.text.strip():
                self._skip(f"{entry.path or entry.id}: an entry without text")
                continue
            self._keep(entry, entry.id)

    def _fetch(self, url: str) -> Fetched:
        return fetch(url, timeout=self.timeout, max_bytes=max(self._remaining(), 0), private=self.private_urls)

    def _fetched_page(self, url: str) -> Document:
        fetched = self._fetch(url)
        self.bytes_read += len(fetched.data)
        return document_from_html(self._declared_text(fetched.data, url, fetched.charset), id=_url_stem(fetched.url),
                                  path=url, url=fetched.url)

    def add_url(self, url: str) -> None:
        try:
            fetched = self._fetch(url)
        except InputError as error:
            self._skip(str(error))
            return
        kind = _CONTENT_TYPES.get(fetched.content_type)
        if kind is None and fetched.content_type:
            self._skip(f"{url}: not a web page, feed or text (content type {fetched.content_type})")
            return
        self._add(fetched.data, name=url, stem=_url_stem(fetched.url), path=url, meta={},
                  kind=None if kind == "sniff" else kind, url=fetched.url, charset=fetched.charset)

    def _skip(self, reason: str) -> None:
        self.skipped.append(reason)
        logger.warning("skipped %s", reason)

    def add_file(self, path: Path, meta: dict[str, str], *, named: bool) -> None:
        try:
            status = path.stat()
            key = (status.st_dev, status.st_ino)
            if key in self.files and stat.S_ISREG(status.st_mode):
                # Given twice (a path and its directory, a link): one source, not two that agree.
                logger.warning("skipped %s: the same file as %s", path, self.files[key])
                return
            if status.st_size > self._remaining():
                raise _too_large(str(path), self.max_bytes, self._remaining())
            with path.open("rb") as stream:
                data = _read_limited(stream, self._remaining(), str(path), self.max_bytes)
            self.files[key] = str(path)
        except OSError as error:
            if named:
                raise InputError(f"{path}: cannot read: {_describe_os_error(error)}") from None
            self._skip(f"{path}: cannot read: {_describe_os_error(error)}")
            return
        self._add(data, name=str(path), stem=path.stem, path=str(path), meta=meta)

    def metadata(self, directory: Path) -> dict[str, dict[str, str]]:
        metadata, size = _read_metadata(directory, self._remaining(), self.max_bytes)
        self.bytes_read += size
        return metadata

    def add_directory(self, directory: Path) -> None:
        try:
            files = _walk(directory)
        except OSError as error:
            raise InputError(f"{directory}: cannot read: {_describe_os_error(error)}") from None
        if not files:
            raise InputError(
                f"{directory}: no {', '.join(SUPPORTED_SUFFIXES)} files in this directory"
            )
        metadata_by_dir: dict[Path, dict[str, dict[str, str]]] = {}
        for path in files:
            if path.parent not in metadata_by_dir:
                metadata_by_dir[path.parent] = self.metadata(path.parent)
            self.add_file(path, metadata_by_dir[path.parent].get(path.name, {}), named=False)

    def add_stdin(self) -> None:
        if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None:
            raise InputError("standard input is closed")
        try:
            data = _read_limited(sys.stdin.buffer, self._remaining(), "standard input", self.max_bytes)
        except (OSError, ValueError) as error:  # closed underneath us
            raise InputError(f"standard input: cannot read: {error}") from None
        self._add(data, name="standard input", stem="stdin", path="-", meta={})

    def add_path(self, raw: str | os.PathLike[str]) -> None:
        if str(raw) == "-":
            self.add_stdin()
            return
        if isinstance(raw, str) and is_url(raw):
            self.add_url(raw)
            return
        if not str(raw):
            raise InputError("an empty path (\"\"): name a file or directory, or . for this one")
        path = Path(raw)
        try:
            os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise InputError(f"{path}: a symbolic link loop") from None
            if error.errno == errno.ENOENT and path.is_symlink():
                raise InputError(f"{path}: broken symbolic link") from None
            if error.errno == errno.ENOENT:
                raise InputError(f"{path}: no such file or directory") from None
            raise InputError(f"{path}: cannot read: {_describe_os_error(error)}") from None
        is_dir = path.is_dir()
        if is_dir:
            self.add_directory(path)
        else:
            self.add_file(path, self.metadata(path.parent).get(path.name, {}), named=True)


def load_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str = "english",
    encoding: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    private_urls: bool = False,
    follow_links: bool = False,
) -> list[Document]:
    """Read files, directories, ``http(s)://`` URLs and ``-`` (standard input) into documents.

    Directories are searched recursively for the endings in :data:`SUPPORTED_SUFFIXES`, in
    sorted order; a ``sources.json`` beside the files supplies titles and outlets (over what a web
    page says of itself). HTML pages and URLs give their main text and metadata; a feed gives one
    document per entry, and with ``follow_links`` an entry that carries only a short summary is
    replaced by its linked page. Plain text is decoded with ``encoding`` when given, else
    detected with the help of ``language``. URLs are fetched with ``timeout`` seconds and
    ``max_bytes`` as limits; ``private_urls`` allows addresses on this machine or the local
    network. Inputs that cannot be used (binary, empty, a failed URL) are skipped with a logged
    warning. Raises :class:`InputError` when a path is missing or unreadable, when the inputs
    exceed ``max_bytes``, or when no document remains; :class:`OptionsError` for an unknown
    language or encoding.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("load_documents() takes a list of paths; wrap one path in a list: [path]")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise OptionsError(f"max_bytes must be a whole number of at least 1, not {max_bytes!r}")
    loader = _Loader(max_bytes, language=language, encoding=encoding, timeout=timeout,
                     private_urls=private_urls, follow_links=follow_links)
    paths = list(paths)
    if not paths:
        raise InputError("no input: give at least one file, directory or URL")
    for raw in paths:
        loader.add_path(raw)
    if not loader.documents:
        if loader.skipped:
            shown = "; ".join(loader.skipped[:3]) + ("; …" if len(loader.skipped) > 3 else "")
            raise InputError(f"nothing to summarize, every input was skipped ({shown})")
        raise InputError(f"no readable text in {', '.join(map(str, paths))}")
    return loader.documents


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs of a file with one URL a line (blank lines and ``#`` comments ignored; ``-`` is
    standard input). Raises :class:`InputError` for a line that is not an http(s) URL."""
    try:
        if str(path) == "-":
            text = sys.stdin.read()
        else:
            text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"{path}: cannot read: {_describe_os_error(error)}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 list of URLs") from None
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"{path}:{number}: not an http(s) URL: {line[:80]}")
        urls.append(line)
    if not urls:
        raise InputError(f"{path}: no URLs in this file")
    return urls


def _url_stem(url: str) -> str:
    """A document id for a URL: the last part of its path without an ending, else its host."""
    parsed = urlsplit(url)
    parts = [part for part in parsed.path.split("/") if part]
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", parts[-1]) if parts else ""
    stem = re.sub(r"[^\w.-]+", "-", unquote(stem)).strip("-.")
    return stem or (parsed.hostname or "page")


# What a server's content type says a download is; "sniff" looks at the bytes.
_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "sniff",
    "text/xml": "sniff",
    "text/plain": "text",
    "text/markdown": "text",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


def as_documents(items: Sequence[Document | str | os.PathLike[str]]) -> list[Document]:
    """Turn the mixed inputs of :func:`summarize.summarize` into documents with unique ids.

    A ``str`` is always a document's text (never a path); a :class:`pathlib.Path` is read like
    :func:`load_documents` reads it; a :class:`Document` is kept, its id made unique if needed.
    """
    if isinstance(items, (str, bytes, Document, os.PathLike)):
        raise TypeError("summarize() takes a list of documents, not a single one")
    documents: list[Document] = []
    taken: set[str] = set()
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            documents.append(replace(item, id=unique_id(item.id, taken)) if item.id in taken else item)
            taken.add(item.id)
        elif isinstance(item, str):
            documents.append(Document(id=unique_id(f"doc-{number}", taken), text=item))
        elif isinstance(item, os.PathLike):
            for document in load_documents([item]):
                documents.append(replace(document, id=unique_id(document.id, taken)))
        else:
            raise TypeError(
                f"summarize() takes Document, pathlib.Path or str items, not {type(item).__name__}"
            )
    return documents
