"""Many document sets in one call: a directory of sets, or JSON lines with a set id per document.

Sets are read one at a time and summarized by an engine: in this process (``jobs=1``), in a
local process pool (``jobs > 1``), or by any :class:`concurrent.futures.Executor` the caller
brings, a Dask cluster's among them. Only a bounded number of sets is in flight, so memory does
not grow with the batch, and results always come back in input order, identical to ``jobs=1``,
because each set is summarized alone by the same deterministic pipeline.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import importlib.util
import io
import itertools
import json
import logging
import os
import re
import sys
import unicodedata
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ._logging import get_logger
from .errors import BatchIncompleteError, InputError, OptionsError, SummarizeError, too_large
from .load import DEFAULT_MAX_BYTES, load_documents, unique_id
from .model import METADATA_KEYS, Briefing, Document

if TYPE_CHECKING:
    from .pipeline import Summarizer

__all__ = [
    "BatchResult",
    "DocumentSet",
    "SetNamer",
    "dask_executor",
    "iter_sets",
    "load_sets",
    "safe_file_names",
    "summarize_sets",
]

logger = get_logger(__name__)
_UNSAFE = re.compile(r"[^\w.-]+")  # letters of any script stay: "Україна" is not "set"
_MAX_NAME = 100
_GLOB_CHARACTERS = re.compile(r"[*?[]")
#: Where a line too long to parse names its set: the first characters of a JSON object.
_SET_FIELD = re.compile(r'"set"\s*:\s*"((?:[^"\\]|\\.)*)"')
# A line over the byte limit is not parsed whole; its "set" key is looked for this far in (a set
# id is short, and the writers we know put it first).
_SET_FIELD_REACH = 65536
#: Sets in flight per worker: enough that a slow set does not idle the others (results are
#: yielded in input order), few enough that memory stays flat whatever the batch's length.
IN_FLIGHT_PER_WORKER = 4
#: For an executor whose width cannot be read.
DEFAULT_IN_FLIGHT = 32


@dataclass(frozen=True, kw_only=True)
class DocumentSet:
    """The documents of one story, under the set id they were given; ``error`` says why a set
    that could not be read has no documents (it fails alone, the batch goes on)."""

    id: str
    documents: tuple[Document, ...]
    error: str | None = None


@dataclass(frozen=True, kw_only=True)
class BatchResult:
    """One set's briefing, or the one-line error that stopped it, and the warnings a single run
    on the set would have logged (``warnings``; not part of :meth:`to_dict`)."""

    set: str
    briefing: Briefing | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The JSON-lines record: ``{"set": id, **briefing}`` or ``{"set": id, "error": why}``."""
        return {"set": self.set, **(self.briefing.to_dict() if self.briefing else {"error": self.error})}

    def to_json_line(self) -> bytes:
        from .model import json_text

        return (json_text(self.to_dict()) + "\n").encode("utf-8")


# --- reading -------------------------------------------------------------------------------


@contextlib.contextmanager
def _open_lines(path: str) -> Iterator[IO[str]]:
    """The lines of ``path`` (gzipped or not; an fsspec URL when it has a scheme), or of
    standard input for ``-``, left open."""
    if path == "-":
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
        try:
            yield stdin
        finally:
            stdin.detach()  # closing the wrapper would close standard input for the caller
        return
    if "://" in path:
        import fsspec

        with fsspec.open(path, "rt", encoding="utf-8-sig", compression="infer") as stream:
            yield stream
        return
    # utf-8-sig: a byte-order mark some editors write is not the first line's first character.
    with (gzip.open(path, "rt", encoding="utf-8-sig") if path.endswith(".gz")
          else open(path, encoding="utf-8-sig")) as stream:
        yield stream


def _lines(stream: IO[str], limit: int) -> Iterator[tuple[str, bool]]:
    """Each line and whether it is whole; a line longer than ``limit`` characters is cut there
    and the rest skipped unread into memory, so one huge line cannot exhaust it."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith("\n"):
                pass
            yield line, False
        else:
            yield line, True


def _jsonl_sets(name: str, max_bytes: int) -> Iterator[DocumentSet]:
    """Sets from JSON lines, one at a time. A set's lines must be next to each other: that is
    what lets a file of any length stream through in constant memory."""
    current: str | None = None
    documents: list[Document] = []
    ids: set[str] = set()
    seen: set[str] = set()
    size, error = 0, None
    try:
        with _open_lines(name) as stream:
            for number, (line, whole) in enumerate(_lines(stream, max_bytes), start=1):
                if whole and not line.strip():
                    continue
                if not whole:
                    found = _SET_FIELD.search(line[:_SET_FIELD_REACH])
                    if found is None:
                        raise too_large(f"{name}:{number}: a line with no \"set\" at its start is", max_bytes)
                    set_id, raw = json.loads(f'"{found.group(1)}"'), None
                else:
                    raw = _parse_line(line, name, number)
                    set_id = raw["set"]
                if set_id != current:
                    if current is not None:
                        yield DocumentSet(id=current, documents=tuple(documents), error=error)
                    if set_id in seen:
                        raise InputError(f"{name}:{number}: set {set_id!r} continues here after other sets; "
                                         "a set's lines must be next to each other (sort the file by set)")
                    seen.add(set_id)
                    current, documents, ids, size, error = set_id, [], set(), 0, None
                size += len(line.encode("utf-8", "surrogatepass"))
                if error is None and (raw is None or size > max_bytes):
                    error, documents = str(too_large("the set is", max_bytes)), []
                if error is None and raw is not None:
                    documents.append(_document(raw, name, number, ids, len(documents)))
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as failure:
        raise InputError(f"{name}: cannot read: {failure}") from None
    if current is None:
        raise InputError(f"{name}: no documents in this file")
    yield DocumentSet(id=current, documents=tuple(documents), error=error)


def _parse_line(line: str, name: str, number: int) -> dict[str, Any]:
    try:
        raw = json.loads(line)
    except (ValueError, RecursionError):  # ValueError covers bad JSON and 4,300-digit numbers
        raw = None
    if not isinstance(raw, dict) or "set" not in raw or "text" not in raw:
        raise InputError(f"{name}:{number}: expected a JSON object with \"set\" and \"text\"")
    if not isinstance(raw["text"], str):
        raise InputError(f"{name}:{number}: \"text\" must be a string")
    if not isinstance(raw["set"], (str, int)) or isinstance(raw["set"], bool):
        raise InputError(f"{name}:{number}: \"set\" must be a string")
    raw["set"] = str(raw["set"])
    return raw


def _document(raw: dict[str, Any], name: str, number: int, taken: set[str], count: int) -> Document:
    unique = unique_id(str(raw.get("id") or f"doc-{count + 1}"), taken)
    meta = {key: (str(raw[key]) if raw.get(key) is not None else None) for key in METADATA_KEYS}
    return Document(id=unique, text=raw["text"], title=meta["title"] or "", path=f"{name}:{number}",
                    source=meta["source"], url=meta["url"], date=meta["date"])


def _directory_sets(directory: Path, max_bytes: int) -> Iterator[DocumentSet]:
    subdirectories = []
    for entry in sorted(directory.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        if entry.is_symlink():  # it may lead anywhere, the output directory among other places
            logger.warning("skipped set %s: a symbolic link (sets are read from real directories)", entry.name)
            continue
        subdirectories.append(entry)
    if not subdirectories:
        raise InputError(f"{directory}: no subdirectories (one document set per subdirectory)")
    for subdirectory in subdirectories:
        try:
            documents = load_documents([subdirectory], max_bytes=max_bytes)
        except InputError as error:
            yield DocumentSet(id=subdirectory.name, documents=(), error=str(error))
            continue
        yield DocumentSet(id=subdirectory.name, documents=tuple(documents))


def _shards(source: str) -> list[str]:
    """The files a glob or an fsspec URL (``s3://bucket/day/*.jsonl.gz``) names, sorted."""
    if "://" in source:
        try:
            import fsspec
        except ImportError:
            raise OptionsError(f"reading {source} needs fsspec: pip install 'summarize[dask]'") from None
        try:
            files = fsspec.open_files(source, "rb")
        except (ValueError, ImportError, OSError) as error:
            raise InputError(f"{source}: cannot open: {error}") from None
        return sorted(file.full_name for file in files)
    return sorted(glob.glob(source))


def iter_sets(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[DocumentSet]:
    """Document sets, read one at a time, from:

    - a directory: a set per subdirectory, in sorted order;
    - a JSON-lines file, optionally gzipped, of ``{"set", "text", "id", "title", "source", "url",
      "date"}`` objects, a set's lines next to each other; ``-`` reads them from standard input;
    - a glob of such files (``day/*.jsonl.gz``) or an fsspec URL (``s3://…``, ``file://…``,
      with fsspec installed), read shard after shard in sorted order.

    ``max_bytes`` bounds each set, not the whole batch: a set over it comes back with ``error``
    set and no documents. A path that is missing, or a line that is not a set's JSON object,
    raises :class:`InputError` when the reading reaches it.
    """
    name = os.fspath(source)
    if name == "-":
        yield from _jsonl_sets(name, max_bytes)
        return
    path = Path(name)
    if "://" not in name and path.is_dir():
        yield from _directory_sets(path, max_bytes)
        return
    if "://" not in name and path.is_file():
        yield from _jsonl_sets(name, max_bytes)
        return
    if "://" in name or _GLOB_CHARACTERS.search(name):
        shards = _shards(name)
        if not shards:
            raise InputError(f"{name}: no file matches")
        for shard in shards:
            yield from _jsonl_sets(shard, max_bytes)
        return
    raise InputError(f"{name}: no such file or directory")


def load_sets(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[DocumentSet]:
    """Every set of ``source`` at once (see :func:`iter_sets`, which streams them)."""
    return list(iter_sets(source, max_bytes=max_bytes))


# --- summarizing -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class _Job:
    """What every set of a batch is summarized with: sent to each worker with its set."""

    summarizer: Summarizer
    sentences: int | None
    words: int | None
    allow_overrun: bool = False


def _summarize_one(arguments: tuple[DocumentSet, _Job]) -> BatchResult:
    document_set, job = arguments
    # Kept, not logged: a worker's log lines named no set, came in the order the workers
    # finished, and a Dask worker's did not reach the user at all. :func:`_results` logs them
    # with the set's id, in input order, whatever the engine.
    warnings: list[str] = []
    try:
        briefing = job.summarizer(list(document_set.documents), sentences=job.sentences, words=job.words,
                                  allow_overrun=job.allow_overrun, on_warning=warnings.append)
    except SummarizeError as error:
        return BatchResult(set=document_set.id, error=str(error), warnings=tuple(warnings))
    except Exception as error:  # a defect on one set must not cost the others their briefings
        logger.exception("set %s: unexpected error", document_set.id)
        return BatchResult(set=document_set.id, error=f"unexpected error: {type(error).__name__}: {error}")
    return BatchResult(set=document_set.id, briefing=briefing, warnings=tuple(warnings))


def _reported(result: BatchResult) -> BatchResult:
    for warning in result.warnings:
        logger.warning("set %s: %s", result.set, warning)
    return result


#: A briefing's document as a worker sends it back: the place of the set's own document it is,
#: with the fields cleaning changed (a title found in the text), or the whole document when no
#: document of the set has its id.
_DocumentBack = tuple[int, dict[str, Any]] | Document


@dataclass(frozen=True)
class _Returned:
    """A set's result as a worker returns it, without the documents the caller sent: a briefing
    carries every document whole, so sending them back doubled the bytes of every set on the
    wire (a set of 25 articles: 152 KB back, 2 KB without them) and the caller's work to read
    them. :meth:`joined` puts the caller's own documents back in."""

    set: str
    briefing: Briefing
    documents: tuple[_DocumentBack, ...]
    warnings: tuple[str, ...] = ()

    @classmethod
    def apart(cls, result: BatchResult, sent: Sequence[Document]) -> _Returned | BatchResult:
        if result.briefing is None:
            return result
        place = {document.id: number for number, document in enumerate(sent)}
        back: list[_DocumentBack] = []
        for document in result.briefing.documents:
            number = place.get(document.id)
            if number is None:
                back.append(document)
                continue
            changed = {field.name: getattr(document, field.name) for field in fields(Document)
                       if getattr(document, field.name) != getattr(sent[number], field.name)}
            back.append((number, changed))
        return cls(set=result.set, briefing=replace(result.briefing, documents=()), documents=tuple(back),
                   warnings=result.warnings)

    def joined(self, sent: Sequence[Document]) -> BatchResult:
        documents = tuple(
            item if isinstance(item, Document)
            else (replace(sent[item[0]], **item[1]) if item[1] else sent[item[0]])
            for item in self.documents
        )
        return BatchResult(set=self.set, briefing=replace(self.briefing, documents=documents), warnings=self.warnings)


def _summarize_apart(arguments: tuple[DocumentSet, _Job]) -> _Returned | BatchResult:
    """:func:`_summarize_one` in a worker: the result without the set's documents."""
    return _Returned.apart(_summarize_one(arguments), arguments[0].documents)


def summarize_sets(
    sets: Iterable[DocumentSet],
    *,
    sentences: int | None = None,
    words: int | None = None,
    language: str = "english",
    jobs: int = 1,
    executor: Executor | None = None,
    in_flight: int | None = None,
    progress: bool = False,
    warn_mixed_stories: bool = True,
    summarizer: Summarizer | None = None,
    allow_overrun: bool = False,
) -> Iterator[BatchResult]:
    """Summarize every set, yielding results in input order as they are ready.

    Parameters
    ----------
    sets
        Any iterable, consumed lazily: a generator from :func:`iter_sets` streams a batch of any
        length through constant memory.
    sentences, words, language, allow_overrun
        As for :func:`summarize.summarize`, checked here, at the call.
    summarizer
        A configured :class:`~summarize.Summarizer` (another ranker or selector, say) to run on
        every set instead of the default one; then ``language`` and ``warn_mixed_stories`` are
        its own and must not be given. With processes or a cluster it must pickle (a class
        defined at module level).
    jobs
        Sets summarized at a time in a local process pool, capped at the number of sets and of
        CPUs (more processes than cores only add start-up cost); 1 runs them in this process.
    executor
        Any :class:`concurrent.futures.Executor` to run the sets on instead, e.g. a Dask
        ``Client.get_executor()`` or a pool of your own; it is not shut down. Not with ``jobs``.
    in_flight
        Sets submitted but not yet yielded; ``None`` means 4 per worker (32 for an executor
        whose width cannot be read).
    progress
        A progress bar on stderr.
    warn_mixed_stories
        Warn of a set that clearly tells several stories: the warning is in the set's
        ``BatchResult.warnings`` and logged here, as the result is yielded, with the set's id
        (from whichever process or machine ran the set).

    A set that fails yields a result with ``error`` set and the batch goes on. If the engine
    itself fails (a worker process killed, the cluster lost), :class:`BatchIncompleteError` is
    raised after the results before it; rerunning on the sets not done completes the batch.
    """
    from .pipeline import Summarizer
    from .select import Budget

    if summarizer is None:
        summarizer = Summarizer(language=language, warn_mixed_stories=warn_mixed_stories)
    elif language != "english" or not warn_mixed_stories:
        raise OptionsError("give language and warn_mixed_stories through the summarizer, not beside it")
    elif not isinstance(summarizer, Summarizer):
        raise OptionsError(f"summarizer must be a Summarizer, not {type(summarizer).__name__}")
    summarizer.resources  # bad options fail here, at the call, before any work
    Budget(sentences=sentences, words=words)
    for name, value in (("jobs", jobs), ("in_flight", in_flight if in_flight is not None else 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise OptionsError(f"{name} must be a whole number of at least 1, not {value!r}")
    if executor is not None and jobs != 1:
        raise OptionsError("give jobs or an executor, not both")
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise OptionsError(f"executor must be a concurrent.futures.Executor, not {type(executor).__name__}")
    job = _Job(summarizer=summarizer, sentences=sentences, words=words, allow_overrun=allow_overrun)
    total = len(sets) if isinstance(sets, Sequence) else None  # a stream's length is not known
    return _results(iter(sets), job, jobs=jobs, executor=executor, in_flight=in_flight,
                    progress=progress, total=total)


def _executor_width(executor: Executor) -> int | None:
    """How many sets ``executor`` runs at once, where it says."""
    workers = getattr(executor, "_max_workers", None)  # the standard library's pools
    if isinstance(workers, int):
        return workers
    client = getattr(executor, "_client", None)  # dask.distributed's ClientExecutor
    with contextlib.suppress(Exception):
        return max(1, sum(client.nthreads().values()))  # type: ignore[union-attr]
    return None


def _results(sets: Iterator[DocumentSet], job: _Job, *, jobs: int, executor: Executor | None,
             in_flight: int | None, progress: bool, total: int | None) -> Iterator[BatchResult]:
    owned = None
    if executor is None and jobs > 1:
        head = list(itertools.islice(sets, jobs))  # never more processes than sets
        workers = min(jobs, len(head), os.cpu_count() or 1)
        sets = itertools.chain(head, sets)
        if workers > 1:
            executor = owned = ProcessPoolExecutor(max_workers=workers, initializer=_worker_signals)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="set", file=sys.stderr, leave=False)
    pending: deque[tuple[DocumentSet, Future[_Returned | BatchResult] | BatchResult]] = deque()
    done = 0
    try:
        if executor is None:
            for document_set in sets:
                yield _failed(document_set) or _reported(_summarize_one((document_set, job)))
                if bar is not None:
                    bar.update()
            return
        window = in_flight or IN_FLIGHT_PER_WORKER * (_executor_width(executor) or DEFAULT_IN_FLIGHT // 4)
        for next_set in itertools.chain(sets, [None]):
            if next_set is not None:
                submitted: Future[_Returned | BatchResult] | BatchResult | None = _failed(next_set)
                if submitted is None:
                    try:
                        with _signals_held(owned is not None):
                            submitted = executor.submit(_summarize_apart, (next_set, job))
                    except Exception as error:
                        raise _incomplete(error, done, [*(s.id for s, _ in pending), next_set.id]) from None
                pending.append((next_set, submitted))
            while pending and (next_set is None or len(pending) >= window):
                oldest_set, oldest = pending[0]
                if isinstance(oldest, BatchResult):
                    result = oldest
                else:
                    try:
                        returned = oldest.result()
                    except Exception as error:
                        raise _incomplete(error, done, [s.id for s, _ in pending]) from None
                    result = returned.joined(oldest_set.documents) if isinstance(returned, _Returned) else returned
                pending.popleft()
                done += 1
                if bar is not None:
                    bar.update()
                yield _reported(result)
    finally:
        for _, waiting in pending:
            if not isinstance(waiting, BatchResult):
                waiting.cancel()
        if bar is not None:
            bar.close()
        if owned is not None:
            _stop_pool(owned)


def _failed(document_set: DocumentSet) -> BatchResult | None:
    """The result of a set that could not be read: nothing to send to a worker."""
    return None if document_set.error is None else BatchResult(set=document_set.id, error=document_set.error)


def _incomplete(error: BaseException, done: int, not_done: Sequence[str]) -> BatchIncompleteError:
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(error, BrokenProcessPool):
        reason = "a worker process died"
    else:
        text = str(error).strip().splitlines()
        reason = f"{type(error).__name__}" + (f": {text[0]}" if text else "")
    return BatchIncompleteError(reason, done=done, not_done=tuple(not_done))


def _worker_signals() -> None:
    """A pool worker leaves Ctrl-C to the parent, which stops the pool (else every worker prints
    its own KeyboardInterrupt), and dies of SIGTERM (a handler the parent set is not for it). It
    was started with both held (see :func:`_signals_held`): a SIGTERM sent meanwhile ends it now."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def _signals_held(hold: bool) -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while our pool takes a set: its first submissions start the worker
    processes, and a signal handled between a worker's start and the pool's record of it left
    that worker unstopped, and the process waiting for it forever at exit (a SIGTERM sent as the
    second worker appeared hung the batch: seen in tests). Held, the signal is handled as soon as
    the submission returns, with every worker on record. (A worker inherits the held mask and
    lets go of it first thing, in :func:`_worker_signals`.)"""
    import signal

    if not hold or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now, its workers with it: a batch that stops (an error, Ctrl-C,
    SIGTERM) must not leave processes behind, sleeping or still working."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            if process.is_alive():
                process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)


#: What a worker imports to summarize a set (checked by tests/test_scale.py): a local cluster's
#: workers are forked from a server that has imported them once (see :func:`dask_executor`).
WORKER_MODULES = (
    "distributed", "summarize.batch", "summarize.pipeline", "summarize.clean", "summarize.split",
    "summarize.represent", "summarize.rank", "summarize.select", "summarize.stories", "summarize.names",
    "summarize.dates", "summarize.explain", "scipy.cluster.hierarchy",
)


def _start_forkserver() -> bool:
    """Start this process's multiprocessing forkserver with :data:`WORKER_MODULES` imported,
    unless it runs already; False where there is none (not POSIX).

    Spawned, each worker of a local cluster was a fresh interpreter that imported distributed
    and then, at its first set, the pipeline: about a second before any set was done, on every
    worker at once. Forked from a server that imported them once, a worker starts with them;
    the server is started before this process imports distributed, so the two import side by
    side. (The server is single-threaded: forking it is safe where forking this process, which
    runs the scheduler's threads, is not.) Measured at 2 workers: start, first two sets and
    stop 2.9 s spawned, 2.1 s forked."""
    import multiprocessing
    from multiprocessing import forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    multiprocessing.get_context("forkserver").set_forkserver_preload(list(WORKER_MODULES))
    forkserver.ensure_running()
    return True


@contextlib.contextmanager
def dask_executor(scheduler: str, *, timeout: float = 30) -> Iterator[Executor]:
    """An executor on a Dask cluster for :func:`summarize_sets`: ``local:N`` starts a cluster of
    N worker processes on this machine for the ``with`` block (forked from a server that has
    imported the pipeline, where the platform has one); anything else is the address of a
    running scheduler (``tcp://host:8786``), whose workers need summarize installed."""
    local = re.fullmatch(r"local:(\d+)", scheduler.strip())
    workers = int(local.group(1)) if local else 0
    if local and not 1 <= workers <= 4096:
        raise OptionsError(f"local:N needs 1 to 4096 workers, not {workers}")
    forked = bool(local) and importlib.util.find_spec("distributed") is not None and _start_forkserver()
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise OptionsError("a Dask scheduler needs Dask: pip install 'summarize[dask]'") from None
    with contextlib.ExitStack() as stack:
        # Workers we start serve no dashboard, so their sampling profiler (a walk of the running
        # task's stack every 10 ms) would only take CPU from the sets. A local cluster's scheduler
        # lives in this process, and its developer logs (1,000 entries by default) hold on to
        # every logged task's set and briefing: measured, the client grew by 170 KB a set up to
        # 1,500 sets; with 20 entries it stays flat.
        settings: dict[str, object] = {"distributed.worker.profile.enabled": False,
                                       "distributed.admin.low-level-log-length": 20}
        if forked:
            settings["distributed.worker.multiprocessing-method"] = "forkserver"
        stack.enter_context(dask.config.set(settings))
        try:
            if local:
                # Workers log to our stderr. At the cluster's stop a worker's heartbeat can meet the
                # scheduler already closed, and Dask logs that as an ERROR with a traceback
                # ("Failed to communicate with scheduler during heartbeat", a StreamClosedError)
                # after a batch that went well: seen once in a few hundred runs under load. What
                # fails for real reaches the user as our own one-line error, so only CRITICAL
                # records of Dask's get through.
                cluster = stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                    silence_logs=logging.CRITICAL))
                client = stack.enter_context(Client(cluster, timeout=timeout))  # type: ignore[no-untyped-call]
            else:
                client = stack.enter_context(Client(scheduler, timeout=timeout))  # type: ignore[no-untyped-call]
        except ValueError as error:  # "bogus", "tcp://host" without a port
            raise OptionsError(f"not a Dask scheduler address: {scheduler!r} ({error}); give "
                               "tcp://HOST:PORT or local:N") from None
        except (OSError, TimeoutError) as error:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        yield client.get_executor(pure=False)


# --- naming ----------------------------------------------------------------------------------


class SetNamer:
    """A file name per set id, handed out in order, that stays inside the output directory (no
    separators, no ``..``, no NUL, not hidden) and never collides with an earlier one, even on a
    case-insensitive disk. The same ids in the same order always get the same names."""

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self._taken: set[str] = set()

    def __call__(self, set_id: str) -> str:
        stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", set_id)).strip("._")[:_MAX_NAME]
        while len(stem.encode("utf-8")) > 2 * _MAX_NAME:  # disks count bytes: 255 a name
            stem = stem[:-1]
        stem = stem or "set"
        candidate, number = stem, 2
        while candidate.lower() in self._taken:
            candidate, number = f"{stem}-{number}", number + 1
        self._taken.add(candidate.lower())
        return candidate + self.suffix


def safe_file_names(set_ids: Sequence[str], suffix: str) -> list[str]:
    """:class:`SetNamer`'s names for ``set_ids``, all at once."""
    namer = SetNamer(suffix)
    return [namer(set_id) for set_id in set_ids]
