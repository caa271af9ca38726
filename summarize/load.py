"""Load documents: files, directories, standard input, texts and ``Document`` objects.

Reading is careful rather than clever: the bytes of every input are decoded by their byte-order
mark, then as UTF-8, then as Windows-1252; binary files and empty files are skipped with a
warning that names them; a directory is walked in sorted order (so the result never depends on
the order the file system lists entries), without following symbolic links to directories (so
a link loop cannot trap the walk). Nothing is ever written.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "METADATA_FILE",
    "load_documents",
    "decode_bytes",
    "as_documents",
]

logger = logging.getLogger(__name__)

#: Inputs larger than this in total are refused before they are read (``--max-bytes``).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
#: The file endings read from a directory; a file named explicitly is read whatever its ending.
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown")
#: A JSON object in a directory mapping file names to ``title``/``source``/``url``/``date``.
METADATA_FILE = "sources.json"

_METADATA_KEYS = ("title", "source", "url", "date")
_MAGIC = (
    b"\x89PNG",
    b"PK\x03\x04",
    b"%PDF",
    b"\x1f\x8b",
    b"\xff\xd8\xff",
    b"GIF8",
    b"BZh",
    b"\x7fELF",
    b"7z\xbc\xaf",
    b"Rar!",
)
# Control bytes that never appear in text (tab, newlines, form feed and escape excepted).
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}


class _Skipped(Exception):
    """An input that is passed over with a warning (binary, empty), not an error by itself."""


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    head = data[:65536]
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls > 0.1 * len(head)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by where its NUL bytes fall."""
    head = data[:4096]
    if len(head) < 4 or head.count(0) < 0.3 * len(head):
        return None
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    encoding = "utf-16-le" if odd_nuls > 0.9 * head.count(0) else None
    if even_nuls > 0.9 * head.count(0):
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of a text file; raise :class:`InputError` for binary data.

    Order: a byte-order mark (UTF-32, UTF-16, UTF-8), then strict UTF-8, then Windows-1252
    (a superset of Latin-1 for printable text), with Latin-1 for the five bytes Windows-1252
    leaves undefined. Text is never decoded with replacement characters, so no mojibake.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
        (codecs.BOM_UTF8, "utf-8-sig"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: not valid {encoding.upper()} text ({error.reason})") from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"{name}: input is larger than the limit of {limit:,} bytes (raise it with --max-bytes)"
        )
    return data


def _document_id(stem: str, taken: set[str]) -> str:
    candidate = stem or "document"
    number = 2
    while candidate in taken:
        candidate = f"{stem or 'document'}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _read_metadata(directory: Path) -> dict[str, dict[str, str]]:
    path = directory / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        logger.warning("ignored %s: not a readable JSON object (%s)", path, error)
        return {}
    if not isinstance(raw, dict):
        logger.warning("ignored %s: expected a JSON object of file names", path)
        return {}
    metadata: dict[str, dict[str, str]] = {}
    for file_name, fields in raw.items():
        if isinstance(fields, dict):
            metadata[str(file_name)] = {
                key: str(fields[key]) for key in _METADATA_KEYS if fields.get(key) is not None
            }
    return metadata


def _walk(directory: Path) -> list[Path]:
    """Supported files below ``directory`` in sorted order; hidden entries are skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, followlinks=False, onerror=_walk_error):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(SUPPORTED_SUFFIXES):
                continue
            found.append(Path(root) / name)
    return found


def _walk_error(error: OSError) -> None:
    logger.warning("skipped %s: %s", error.filename, error.strerror or error)


def _describe_os_error(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


class _Loader:
    """Reads paths into documents while keeping ids unique and the byte budget honest."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes_read = 0
        self.ids: set[str] = set()
        self.documents: list[Document] = []
        self.skipped: list[str] = []  # "name: reason", for the error when nothing remains

    def _remaining(self) -> int:
        return self.max_bytes - self.bytes_read

    def _add(self, data: bytes, *, name: str, stem: str, path: str | None, meta: dict[str, str]) -> None:
        self.bytes_read += len(data)
        try:
            text = decode_bytes(data, name)
        except InputError as error:
            self._skip(str(error))
            return
        if not text.strip():
            self._skip(f"{name}: empty file")
            return
        self.documents.append(
            Document(
                id=_document_id(stem, self.ids),
                text=text,
                title=meta.get("title", ""),
                path=path,
                source=meta.get("source"),
                url=meta.get("url"),
                date=meta.get("date"),
            )
        )

    def _skip(self, reason: str) -> None:
        self.skipped.append(reason)
        logger.warning("skipped %s", reason)

    def add_file(self, path: Path, meta: dict[str, str], *, named: bool) -> None:
        try:
            size = path.stat().st_size
            if size > self._remaining():
                raise InputError(
                    f"{path}: input is larger than the limit of {self.max_bytes:,} bytes"
                    " (raise it with --max-bytes)"
                )
            with path.open("rb") as stream:
                data = _read_limited(stream, self._remaining(), str(path))
        except OSError as error:
            if named:
                raise InputError(f"{path}: cannot read: {_describe_os_error(error)}") from None
            self._skip(f"{path}: cannot read: {_describe_os_error(error)}")
            return
        self._add(data, name=str(path), stem=path.stem, path=str(path), meta=meta)

    def add_directory(self, directory: Path) -> None:
        files = _walk(directory)
        if not files:
            raise InputError(
                f"{directory}: no {', '.join(SUPPORTED_SUFFIXES)} files in this directory"
            )
        metadata_by_dir: dict[Path, dict[str, dict[str, str]]] = {}
        for path in files:
            if path.parent not in metadata_by_dir:
                metadata_by_dir[path.parent] = _read_metadata(path.parent)
            self.add_file(path, metadata_by_dir[path.parent].get(path.name, {}), named=False)

    def add_stdin(self) -> None:
        data = _read_limited(sys.stdin.buffer, self._remaining(), "standard input")
        self._add(data, name="standard input", stem="stdin", path="-", meta={})

    def add_path(self, raw: str | os.PathLike[str]) -> None:
        if str(raw) == "-":
            self.add_stdin()
            return
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as error:  # a symbolic link loop, a name too long
            raise InputError(f"{path}: cannot read: {_describe_os_error(error)}") from None
        if not exists:
            if path.is_symlink():
                raise InputError(f"{path}: broken symbolic link")
            raise InputError(f"{path}: no such file or directory")
        if is_dir:
            self.add_directory(path)
        else:
            meta = _read_metadata(path.parent).get(path.name, {})
            self.add_file(path, meta, named=True)


def load_documents(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Document]:
    """Read files and directories (``-`` for standard input) into documents.

    Directories are searched recursively for ``.txt``, ``.md`` and ``.markdown`` files, in
    sorted order; a ``sources.json`` beside the files supplies titles and outlets. Binary and
    empty files are skipped with a logged warning. Raises :class:`InputError` when a path is
    missing or unreadable, when the inputs exceed ``max_bytes``, or when no document remains.
    """
    loader = _Loader(max_bytes)
    paths = list(paths)
    if not paths:
        raise InputError("no input: give at least one file or directory")
    for raw in paths:
        loader.add_path(raw)
    if not loader.documents:
        if loader.skipped:
            shown = "; ".join(loader.skipped[:3]) + ("; …" if len(loader.skipped) > 3 else "")
            raise InputError(f"nothing to summarize, every input was skipped ({shown})")
        raise InputError(f"no readable text in {', '.join(map(str, paths))}")
    return loader.documents


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
            documents.append(replace(item, id=_document_id(item.id, taken)) if item.id in taken else item)
            taken.add(item.id)
        elif isinstance(item, str):
            documents.append(Document(id=_document_id(f"doc-{number}", taken), text=item))
        elif isinstance(item, os.PathLike):
            for document in load_documents([item]):
                documents.append(replace(document, id=_document_id(document.id, taken)))
        else:
            raise TypeError(
                f"summarize() takes Document, pathlib.Path or str items, not {type(item).__name__}"
            )
    return documents
