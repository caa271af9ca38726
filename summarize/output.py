"""Write results safely: atomically, never over an input, never outside a chosen directory."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, OptionsError

if TYPE_CHECKING:
    from .batch import BatchResult
    from .model import Briefing

__all__ = ["write_atomic", "check_not_an_input", "prepare_output_directory", "SetFiles", "JsonLinesFile",
           "JsonLinesStream", "write_stdout"]


def check_not_an_input(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse ``target`` when writing it would destroy or pollute what the user gave us: one of
    the input files, the ``sources.json`` read beside one, standard input's file (``summarize -
    -o in.txt < in.txt``), or a place inside an input directory (the next run would read it)."""
    try:
        resolved = target.resolve()
        existing = os.stat(target) if target.exists() else None
    except (OSError, RuntimeError):
        return
    for raw in inputs:
        if str(raw) == "-":
            try:
                stdin = os.fstat(0)
            except OSError:
                continue
            if existing is not None and stat.S_ISREG(stdin.st_mode) and \
                    (stdin.st_dev, stdin.st_ino) == (existing.st_dev, existing.st_ino):
                raise OptionsError(f"refusing to write {target}: it is the file standard input reads")
            continue
        if "://" in str(raw):
            continue
        source = Path(raw)
        try:
            if source.is_dir():
                if resolved.is_relative_to(source.resolve()):
                    raise OptionsError(f"refusing to write {target}: it is inside the input directory {source}")
                continue
            if existing is None:
                continue
            if source.exists() and os.path.samefile(source, target):
                raise OptionsError(f"refusing to write {target}: it is one of the input files")
            metadata = source.parent / "sources.json"
            if metadata.exists() and os.path.samefile(metadata, target):
                raise OptionsError(f"refusing to write {target}: it is the sources.json read with {source}")
        except OSError:
            continue


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same directory and a rename,
    so ``target`` is either untouched or complete, even if the process is interrupted.

    Links and special files are honoured, never replaced: a symbolic link is written through
    (atomically, beside the file it points to); a character device, FIFO or socket
    (``/dev/stdout``, a pipe) is written directly, as there is nothing to rename over.
    """
    try:
        mode = os.stat(target).st_mode  # follows links: what the name finally is
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise InputError(f"cannot write {target}: {(error.strerror or str(error)).lower()}") from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        try:
            with open(target, "wb") as stream:
                stream.write(data)
        except OSError as error:
            raise InputError(f"cannot write {target}: {(error.strerror or str(error)).lower()}") from None
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"cannot write {target}: directory {directory} does not exist")
    if len(os.fsencode(target.name)) > 200:  # with the temporary file's prefix, over the 255 of most disks
        raise InputError(f"cannot write {target.name[:40]}…: the file name is too long")
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write {target}: {(error.strerror or str(error)).lower()}") from None
    try:
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:  # a full disk, a quota
            raise InputError(f"cannot write {target}: {(error.strerror or str(error)).lower()}") from None
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def prepare_output_directory(directory: Path, inputs: Iterable[str | os.PathLike[str]], *, option: str) -> None:
    """Make ``directory`` ready to take one file per briefing: it must not be a file, nor lie
    inside an input directory (the next run would read its own output); it is created if new.
    ``option`` names the mode in the error (``--batch``, ``--stories``)."""
    if directory.exists() and not directory.is_dir():
        raise OptionsError(f"with {option}, -o must name a directory (or, with --batch, a .jsonl or "
                           f".jsonl.gz file), and {directory} is a file")
    target = directory.resolve()
    for raw in inputs:
        if str(raw) == "-":
            continue
        source = Path(raw).resolve()
        if source.is_dir() and target.is_relative_to(source):
            raise OptionsError(f"refusing to write into the input directory {raw}")
    if not directory.parent.is_dir() and str(directory.parent):
        raise InputError(f"cannot write {directory}: directory {directory.parent} does not exist")
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot write {directory}: {(error.strerror or str(error)).lower()}") from None


# --- a batch's outputs -----------------------------------------------------------------------
# Each takes results one at a time, in input order, and holds nothing but file names in memory.
# ``claim(index, set_id)`` names where a set's result goes, or says ``None`` when --resume finds
# it already done; ``write(name, result)`` stores it (False for a failed set); ``finish()``
# completes the output once every set is in.


class SetFiles:
    """``-o DIR``: one file per set, each written atomically, so a file that exists is whole."""

    def __init__(self, directory: Path, suffix: str, render: Callable[[Briefing], bytes], *,
                 inputs: Sequence[str], resume: bool) -> None:
        from .batch import SetNamer

        self._created = not directory.exists()
        prepare_output_directory(directory, inputs, option="--batch")
        self.directory, self.render, self.inputs, self.resume = directory, render, inputs, resume
        self._namer = SetNamer(suffix)

    def claim(self, index: int, set_id: str) -> str | None:
        name = self._namer(set_id)
        return None if self.resume and (self.directory / name).is_file() else name

    def write(self, name: str, result: BatchResult) -> bool:
        if result.briefing is None:
            return False
        target = self.directory / name
        check_not_an_input(target, self.inputs)
        write_atomic(target, self.render(result.briefing))
        return True

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        """The run stopped: an output directory this run created and left empty is removed."""
        if self._created:
            with contextlib.suppress(OSError):
                self.directory.rmdir()  # only if empty


class JsonLinesFile:
    """``-o FILE.jsonl`` (or ``.jsonl.gz``): one JSON line per set in input order.

    Lines are appended to ``FILE.partial`` (plain text even for ``.gz``), which becomes ``FILE``
    when the batch completes, so ``FILE`` itself is never partial. With ``resume`` the complete
    lines of ``FILE.partial`` (or of a finished ``FILE``) are kept, a torn last line is cut off,
    and the sets they hold are skipped; they must be the input's first sets, in order.
    """

    def __init__(self, path: Path, *, inputs: Sequence[str], resume: bool) -> None:
        self.path, self.partial = path, path.with_name(path.name + ".partial")
        self.compressed = path.name.endswith(".gz")
        for target in (path, self.partial):
            check_not_an_input(target, inputs)
            if target.is_dir():
                raise OptionsError(f"-o {path}: {target} is a directory")
        if not (path.parent if str(path.parent) else Path(".")).is_dir():
            raise InputError(f"cannot write {path}: directory {path.parent} does not exist")
        self.done: list[str] = []
        if resume and path.is_file() and not self.partial.exists():
            self._reopen_finished()
        try:
            if resume and self.partial.is_file():
                self.done = self._complete_prefix()
                self._stream = open(self.partial, "ab")
            else:
                self._stream = open(self.partial, "wb")
        except OSError as error:
            raise InputError(f"cannot write {self.partial}: {(error.strerror or str(error)).lower()}") from None

    def _reopen_finished(self) -> None:
        """A finished FILE becomes the partial again, so a resumed run can add to it."""
        import gzip
        import shutil

        with (gzip.open(self.path, "rb") if self.compressed else open(self.path, "rb")) as source, \
                open(self.partial, "wb") as target:
            shutil.copyfileobj(source, target)

    def _complete_prefix(self) -> list[str]:
        """The set ids of the partial's whole lines; what follows them is cut off."""
        import json

        done, end = [], 0
        with open(self.partial, "rb") as stream:
            for line in stream:
                try:
                    record = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    record = None
                if not isinstance(record, dict) or not isinstance(record.get("set"), str):
                    break
                done.append(record["set"])
                end += len(line)
        os.truncate(self.partial, end)
        return done

    def claim(self, index: int, set_id: str) -> str | None:
        if index < len(self.done):
            if self.done[index] != set_id:
                raise InputError(f"cannot resume: {self.partial} holds set {self.done[index]!r} where the "
                                 f"input has {set_id!r} (was it written for other input?)")
            return None
        return ""

    def write(self, name: str, result: BatchResult) -> bool:
        self._stream.write(result.to_json_line())
        self._stream.flush()
        return result.briefing is not None

    def finish(self) -> None:
        import gzip
        import shutil

        self._stream.close()
        if self.compressed:
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                                 dir=self.path.parent if str(self.path.parent) else ".")
            with open(self.partial, "rb") as source, os.fdopen(handle, "wb") as raw, \
                    gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as target:
                shutil.copyfileobj(source, target)
            os.replace(temporary, self.partial)
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        """The run stopped: keep what a --resume can use, but an empty partial file is only
        clutter, and is removed."""
        self._stream.close()
        with contextlib.suppress(OSError):
            if os.path.getsize(self.partial) == 0:
                os.unlink(self.partial)


class JsonLinesStream:
    """No ``-o``: JSON lines on standard output."""

    def claim(self, index: int, set_id: str) -> str | None:
        return ""

    def write(self, name: str, result: BatchResult) -> bool:
        write_stdout(result.to_json_line())
        return result.briefing is not None

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


def write_stdout(data: bytes) -> None:
    """``data`` to standard output; a closed or full one is :class:`InputError`, not a traceback
    (a closed pipe stays BrokenPipeError: the reader has gone, and that is no error of ours)."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise InputError("standard output is closed")
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        reason = (error.strerror or str(error)).lower() if isinstance(error, OSError) else str(error)
        raise InputError(f"cannot write to standard output: {reason}") from None
