"""Write results safely: atomically, never over an input, never outside a chosen directory."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError, OptionsError

__all__ = ["write_atomic", "check_not_an_input", "prepare_output_directory"]


def check_not_an_input(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse ``target`` when it is one of the input files (or inside an input directory's
    files): writing there would destroy what the user gave us."""
    if not target.exists():
        return
    for raw in inputs:
        if str(raw) == "-":
            continue
        source = Path(raw)
        try:
            if source.is_dir():
                if target.resolve().is_relative_to(source.resolve()):
                    raise OptionsError(f"refusing to write {target}: it is inside the input directory {source}")
            elif source.exists() and os.path.samefile(source, target):
                raise OptionsError(f"refusing to write {target}: it is one of the input files")
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
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write {target}: {(error.strerror or str(error)).lower()}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
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
        raise OptionsError(f"with {option}, -o must name a directory, and {directory} is a file")
    target = directory.resolve()
    for raw in inputs:
        if str(raw) == "-":
            continue
        source = Path(raw).resolve()
        if source.is_dir() and target.is_relative_to(source):
            raise OptionsError(f"refusing to write into the input directory {raw}")
    try:
        directory.mkdir(exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot write {directory}: {(error.strerror or str(error)).lower()}") from None
