"""One table of bad inputs drives both the CLI tests and the library tests."""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from summarize import InputError, NoSentencesError, OptionsError

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@dataclass(frozen=True)
class BadInput:
    name: str
    make: Callable[[Path], list[str]]  # builds the inputs in a temporary directory, returns argv paths
    error: type[Exception]
    message: str  # a phrase the one-line message must contain
    options: tuple[str, ...] = ()
    exit_status: int = 1


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _story(path: Path) -> list[str]:
    _write(path / "story.txt", "The council approved the new budget on Monday after a long debate. "
           "The mayor said the plan would fund schools and roads for five years.\n")
    return [str(path / "story.txt")]


def _symlink_loop(path: Path) -> list[str]:
    (path / "loop").mkdir()
    os.symlink(path / "loop", path / "loop" / "again")
    return [str(path / "loop")]


def _page_without_text(path: Path) -> list[str]:
    return [str(_write(path / "page.html", "<html><body><script>track('Subscribe now.');</script></body></html>"))]


def _cp1251(path: Path) -> list[str]:
    return [str(_write(path / "ru.txt", "Союзники готовят декларацию о гарантиях безопасности.".encode("cp1251")))]


BAD_INPUTS = [
    BadInput("missing path", lambda p: [str(p / "nope.txt")], InputError, "no such file or directory"),
    BadInput("empty directory", lambda p: [str((p / "empty").mkdir() or p / "empty")], InputError, "no .txt"),
    BadInput("directory without text files",
             lambda p: [str(_write(p / "d" / "image.png", PNG).parent)], InputError, "no .txt"),
    BadInput("binary file only", lambda p: [str(_write(p / "a.txt", PNG))], InputError, "binary"),
    BadInput("zip file only", lambda p: [str(_write(p / "a.zip", b"PK\x03\x04" + zlib.compress(b"x" * 500)))],
             InputError, "binary"),
    BadInput("empty file", lambda p: [str(_write(p / "a.txt", ""))], InputError, "empty"),
    BadInput("white space only", lambda p: [str(_write(p / "a.txt", " \n\n\t \n"))], InputError, "empty"),
    BadInput("no sentences", lambda p: [str(_write(p / "a.txt", "---\n***\n...\n"))], NoSentencesError, "no sentences"),
    BadInput("symlink loop only", _symlink_loop, InputError, "no .txt"),
    BadInput("too large", lambda p: [str(_write(p / "a.txt", "Word. " * 400))], InputError, "--max-bytes",
             options=("--max-bytes", "100")),
    BadInput("zero sentences", _story, OptionsError, "at least 1", options=("-n", "0"), exit_status=2),
    BadInput("negative words", _story, OptionsError, "at least 1", options=("--words", "-5"), exit_status=2),
    BadInput("unknown language", _story, OptionsError, "unsupported language",
             options=("--language", "klingon"), exit_status=2),
    BadInput("unknown encoding", _story, OptionsError, "unknown encoding",
             options=("--encoding", "klingon"), exit_status=2),
    BadInput("encoding that does not fit", _cp1251, InputError, "not valid utf-8 text", options=("--encoding", "utf-8")),
    BadInput("page without article text", _page_without_text, InputError, "no article text found in this page"),
    BadInput("feed without entries",
             lambda p: [str(_write(p / "news.rss", "<rss version='2.0'><channel><title>x</title></channel></rss>"))],
             InputError, "the feed has no entries"),
    BadInput("failed URL only", lambda p: ["http://127.0.0.1:9/story.html"], InputError, "connection refused",
             options=("--private-urls",)),
    BadInput("words budget shorter than every sentence", _story, OptionsError,
             "give a larger --words, or --allow-overrun", ("--words", "5"), exit_status=2),
]
