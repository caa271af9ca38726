"""Many document sets in one call: a directory of sets, or JSON lines with a set id per document.

Sets run in parallel processes with ``jobs > 1``; results always come back in input order and are
identical to ``jobs=1``, because each set is summarized alone by the same deterministic pipeline.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import InputError, OptionsError, SummarizeError
from .load import DEFAULT_MAX_BYTES, load_documents
from .model import Briefing, Document

__all__ = ["DocumentSet", "BatchResult", "load_sets", "summarize_sets", "safe_file_names"]

logger = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 100


@dataclass(frozen=True, kw_only=True)
class DocumentSet:
    """The documents of one story, under the set id they were given."""

    id: str
    documents: tuple[Document, ...]


@dataclass(frozen=True, kw_only=True)
class BatchResult:
    """One set's briefing, or the one-line error that stopped it."""

    set: str
    briefing: Briefing | None = None
    error: str | None = None


@contextlib.contextmanager
def _open_lines(path: Path) -> Iterator[IO[str]]:
    """The lines of ``path`` (gzipped or not), or of standard input for ``-``, left open."""
    if str(path) == "-":
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
        try:
            yield stdin
        finally:
            stdin.detach()  # closing the wrapper would close standard input for the caller
        return
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")) as stream:
        yield stream


def _jsonl_sets(path: Path, max_bytes: int) -> list[DocumentSet]:
    sets: dict[str, list[Document]] = {}
    taken: dict[str, set[str]] = {}
    size = 0
    try:
        with _open_lines(path) as stream:
            for number, line in enumerate(stream, start=1):
                size += len(line)
                if size > max_bytes:
                    raise InputError(f"{path}: input is larger than the limit of {max_bytes:,} bytes"
                                     " (raise it with --max-bytes)")
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                    set_id, text = str(raw["set"]), raw["text"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise InputError(f"{path}:{number}: expected a JSON object with \"set\" and \"text\"") from None
                if not isinstance(text, str):
                    raise InputError(f"{path}:{number}: \"text\" must be a string")
                doc_id = str(raw.get("id") or f"doc-{len(sets.get(set_id, [])) + 1}")
                ids = taken.setdefault(set_id, set())
                unique, suffix = doc_id, 2
                while unique in ids:
                    unique, suffix = f"{doc_id}-{suffix}", suffix + 1
                ids.add(unique)
                meta = {key: (str(raw[key]) if raw.get(key) is not None else None)
                        for key in ("title", "source", "url", "date")}
                sets.setdefault(set_id, []).append(Document(
                    id=unique, text=text, title=meta["title"] or "", path=f"{path}:{number}",
                    source=meta["source"], url=meta["url"], date=meta["date"]))
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    if not sets:
        raise InputError(f"{path}: no documents in this file")
    return [DocumentSet(id=set_id, documents=tuple(docs)) for set_id, docs in sets.items()]


def _directory_sets(directory: Path, max_bytes: int) -> list[DocumentSet]:
    subdirectories = sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not subdirectories:
        raise InputError(f"{directory}: no subdirectories (one document set per subdirectory)")
    sets = []
    for subdirectory in subdirectories:
        try:
            documents = load_documents([subdirectory], max_bytes=max_bytes)
        except InputError as error:
            logger.warning("skipped set %s: %s", subdirectory.name, error)
            continue
        sets.append(DocumentSet(id=subdirectory.name, documents=tuple(documents)))
    if not sets:
        raise InputError(f"{directory}: no readable document set")
    return sets


def load_sets(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[DocumentSet]:
    """Document sets from a directory (a set per subdirectory, in sorted order) or a JSON-lines
    file, optionally gzipped, of ``{"set", "text", "id", "title", "source", "url", "date"}``
    objects (sets in order of first appearance); ``-`` reads JSON lines from standard input."""
    path = Path(source)
    if str(source) == "-":
        return _jsonl_sets(path, max_bytes)
    if path.is_dir():
        return _directory_sets(path, max_bytes)
    if path.is_file():
        return _jsonl_sets(path, max_bytes)
    raise InputError(f"{path}: no such file or directory")


def _summarize_one(arguments: tuple[DocumentSet, dict[str, object]]) -> BatchResult:
    from .pipeline import Summarizer

    document_set, options = arguments
    summarizer = Summarizer(language=str(options.get("language", "english")),
                            warn_mixed_stories=bool(options.get("warn_mixed_stories", True)))
    try:
        briefing = summarizer(list(document_set.documents), sentences=options.get("sentences"),  # type: ignore[arg-type]
                              words=options.get("words"))  # type: ignore[arg-type]
    except SummarizeError as error:
        return BatchResult(set=document_set.id, error=str(error))
    return BatchResult(set=document_set.id, briefing=briefing)


def summarize_sets(
    sets: Sequence[DocumentSet],
    *,
    sentences: int | None = None,
    words: int | None = None,
    language: str = "english",
    jobs: int = 1,
    progress: bool = False,
    warn_mixed_stories: bool = True,
) -> Iterator[BatchResult]:
    """Summarize every set, yielding results in input order; ``jobs`` processes in parallel.
    A set that fails yields a result with ``error`` set instead of stopping the batch.
    ``warn_mixed_stories`` logs a warning for a set that clearly tells several stories."""
    from .language import get_language
    from .select import Budget

    get_language(language)  # bad options fail here, at the call, before any work
    Budget(sentences=sentences, words=words)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise OptionsError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    options = {"sentences": sentences, "words": words, "language": language,
               "warn_mixed_stories": warn_mixed_stories}
    return _results(sets, options, jobs, progress)


def _results(sets: Sequence[DocumentSet], options: dict[str, object], jobs: int, progress: bool) -> Iterator[BatchResult]:
    work = [(document_set, options) for document_set in sets]
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(work), unit="set", file=sys.stderr, leave=False)
    try:
        jobs = min(jobs, len(work))  # never more processes than sets
        if jobs <= 1:
            results: Iterator[BatchResult] = map(_summarize_one, work)
        else:
            pool = ProcessPoolExecutor(max_workers=jobs)
            results = pool.map(_summarize_one, work, chunksize=1)
        for result in results:
            if bar is not None:
                bar.update()
            yield result
    finally:
        if bar is not None:
            bar.close()
        if jobs > 1:
            pool.shutdown(cancel_futures=True)


def safe_file_names(set_ids: Sequence[str], suffix: str) -> list[str]:
    """A file name per set id that stays inside the output directory (no separators, no ``..``,
    no NUL, not hidden) and never collides with another, even on a case-insensitive disk."""
    names, taken = [], set()
    for set_id in set_ids:
        stem = _UNSAFE.sub("_", set_id).strip("._")[:_MAX_NAME] or "set"
        candidate, number = stem, 2
        while candidate.lower() in taken:
            candidate, number = f"{stem}-{number}", number + 1
        taken.add(candidate.lower())
        names.append(candidate + suffix)
    return names
