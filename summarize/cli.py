"""The command line: parse options, call the library, write the briefing. No logic of its own."""

from __future__ import annotations

import argparse
import os  # imported by Python's own start-up already
import re
import sys

from . import __version__
from .defaults import (
    DEFAULT_MAX_BYTES,
    DEFAULT_SENTENCES,
    DEFAULT_TIMEOUT,
    FORMAT_NAMES,
    LANGUAGES,
    LARGE_SET_CHARACTERS,
)
from .errors import NoSentencesError, OptionsError, SummarizeError

# Read as True by type checkers (mypy and pyright know the name), False here: importing typing
# costs --version a fifth of its time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path
    from typing import Any, NoReturn

    from .model import Document
    from .output import JsonLinesFile, JsonLinesStream, SetFiles

# The pipeline (nltk, scipy, networkx: a second or more to import) is imported by the functions
# that run it, so --help, --version and usage errors answer at once. So are the standard modules
# only a run needs (logging, pathlib, signal, dataclasses, shutil): `summarize --version` imports
# argparse and this package's light modules, and answers within three times `python -c pass`.

__all__ = ["main", "parse_args"]

_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                   ".json": "json", ".txt": "text"}
_SUFFIXES = {"markdown": ".md", "html": ".html", "json": ".json", "text": ".txt"}

_DESCRIPTION = """\
Summarize a set of documents about one story into a short briefing. Every sentence of the
briefing is quoted verbatim from a source and cites every source that says the same thing.
"""

_EPILOG = """\
examples:
  summarize seeds/                      six-sentence Markdown briefing of a directory
  summarize a.txt b.txt -n 3            three sentences from two files
  summarize seeds/ --words 100 -f text  about 100 words, plain text
  summarize seeds/ -o briefing.html     a standalone HTML page (format from the file ending)
  cat story.txt | summarize             read standard input (also: summarize -)
  summarize page.html https://example.com/story   saved pages and URLs: main text, title, outlet, date
  summarize feed.xml --follow-links     one document per feed entry, short entries read from their page
  summarize --language russian old.txt  a legacy encoding (here Windows-1251) is detected for the language
  summarize --batch stories/ -o out/ -j 2   one briefing per subdirectory, two at a time
  summarize --batch sets.jsonl.gz > briefings.jsonl   JSON lines in, JSON lines out
  summarize --batch 'day/*.jsonl.gz' -o day.jsonl.gz --scheduler tcp://10.0.0.5:8786
                                        shards on a Dask cluster; add --resume after a failure
  summarize --stories downloads/ -o today/   one briefing per story found, and today/index.md
  summarize --stories downloads/ --min-story-size 3 -f json   stories of 3+ articles, JSON lines

inputs: files (any name) and directories (searched for .txt, .md, .markdown, .html, .htm, .rss,
.atom, .pdf, .docx files in sorted order), http(s) URLs, standard input; a sources.json in a
directory may give each file a title, source, url and date (over what a web page says):
  {"article.txt": {"title": "...", "source": "Politico", "url": "https://...", "date": "2023-07-09"}}

exit status: 0 success, 1 an input problem (missing, unreadable, binary, empty, no sentences,
too large), 2 a usage problem (bad option).
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (and exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {_printable(message)} (see --help)\n")


def _terminal_columns() -> int:
    """What shutil.get_terminal_size() gives for the width, without importing shutil, which
    imports bz2, lzma and zlib: a tenth of ``--help``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """The description and epilog as written; the width as argparse takes it (the terminal's,
    less 2), read by :func:`_terminal_columns`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         width if width is not None else _terminal_columns() - 2)


#: The largest number an option takes: far beyond any real use (2**53 bytes is 8 PiB), and small
#: enough that no arithmetic or allocation on it overflows.
_LARGEST = 2**53


def _positive(text: str) -> int:
    try:
        value = int(text) if len(text) < 30 else None
    except ValueError:
        value = None
    if value is None:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text[:30]!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    if value > _LARGEST:
        raise argparse.ArgumentTypeError(f"must be at most {_LARGEST:,}, not {value:,}")
    return value


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="summarize",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a file (text, HTML page, RSS/Atom feed; PDF and .docx with the "
                             "documents extra), a directory of them, an http(s):// URL, or - for "
                             "standard input (read also when no PATH is given and input is piped)")
    web = parser.add_argument_group("web pages, feeds and encodings")
    web.add_argument("--urls", metavar="FILE",
                     help="also read the URLs listed in FILE, one a line (# starts a comment)")
    web.add_argument("--follow-links", action="store_true",
                     help="for a feed entry that carries only a short summary, fetch and read the "
                          "page it links to")
    web.add_argument("--timeout", type=_positive, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help=f"give up on a URL after this many seconds (default: {DEFAULT_TIMEOUT})")
    web.add_argument("--private-urls", action="store_true",
                     help="allow URLs on this machine or a private network (refused by default, "
                          "so a shared service cannot be pointed at its own network)")
    web.add_argument("--encoding", metavar="NAME",
                     help="read text files in this encoding (e.g. cp1251, koi8-r, gb18030) "
                          "instead of detecting it")
    budget = parser.add_argument_group("length (default: %d sentences)" % DEFAULT_SENTENCES)
    budget.add_argument("-n", "--sentences", type=_positive, metavar="N",
                        help="at most N sentences, e.g. -n 4")
    budget.add_argument("--words", type=_positive, metavar="N",
                        help="at most N words: a sentence that would run over is passed for a "
                             "shorter one that fits, e.g. --words 100")
    budget.add_argument("--allow-overrun", action="store_true",
                        help="with --words, add sentences until N is reached, so the last may run "
                             "over (more of the top sentences, for a reader who cuts the text anyway)")
    out = parser.add_argument_group("output")
    out.add_argument("-f", "--format", choices=FORMAT_NAMES, metavar="FORMAT",
                     help="markdown (default), html (a standalone page), json, or text; "
                          "with -o, guessed from the file ending")
    out.add_argument("-o", "--output", type=_path, metavar="FILE",
                     help="write to FILE (atomically; never over an input file) instead of "
                          "standard output (- is standard output), e.g. -o briefing.html")
    out.add_argument("--explain", action="store_true",
                     help="add why each sentence is in (its rank, PageRank, position prior, "
                          "corroboration boost, penalties, the sentences it restates) and why the "
                          "next ten candidates are out; JSON gets an \"explain\" key")
    stories = parser.add_argument_group("a pile of articles about several stories")
    stories.add_argument("--stories", action="store_true",
                         help="group the inputs into stories (found, not given) and write one "
                              "briefing per story, largest first; with -o DIR one file per story "
                              "plus an index, else all briefings on stdout (-f json: JSON lines "
                              "with a \"story\" number)")
    stories.add_argument("--min-story-size", type=_positive, default=1, metavar="N",
                         help="with --stories, brief only stories of at least N articles; the "
                              "others are listed in the index as other articles (default: 1)")
    batch = parser.add_argument_group("many document sets")
    batch.add_argument("--batch", metavar="SOURCE",
                       help="summarize many sets, read one at a time: a directory with one set per "
                            "subdirectory, or a JSON-lines file (.jsonl or .jsonl.gz) of {\"set\", "
                            "\"text\", \"id\", \"title\", ...} objects with each set's lines together "
                            "(- reads standard input; a quoted glob such as 'day/*.jsonl.gz' or an "
                            "fsspec URL such as s3://bucket/day/ reads shards in order); -o DIR "
                            "writes one file per set, -o FILE.jsonl[.gz] one JSON line per set, "
                            "else JSON lines go to stdout")
    batch.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                       help="with --batch or --stories, summarize N sets or stories at a time in "
                            "parallel processes, at most one per CPU (same results, same order)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --batch, run the sets on a Dask cluster (the dask extra): a "
                            "scheduler's address such as tcp://host:8786, or local:N for N worker "
                            "processes on this machine (same results, same order)")
    batch.add_argument("--resume", action="store_true",
                       help="with --batch and -o, skip the sets whose output is already complete "
                            "(after an interrupted run, give the same command with --resume)")
    parser.add_argument("--language", default="english", metavar="NAME",
                        help="language of the documents, for stop words, stemming and cleaning; "
                             "a warning says when they do not read as it "
                             f"(default: english; one of {', '.join(LANGUAGES)}; chinese, japanese "
                             "and thai need their word segmenter: pip install 'summarize[chinese]' …)")
    parser.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="refuse inputs larger than N bytes in total; with --batch, a set larger "
                             f"than N fails alone and the others go on (default: {DEFAULT_MAX_BYTES:,})")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no warnings (skipped files) and no progress bar (shown on a terminal "
                             f"for --batch and for sets of over {LARGE_SET_CHARACTERS:,} characters); errors still print")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _stdin_is_piped() -> bool:
    try:
        return sys.stdin is not None and not sys.stdin.isatty() and sys.stdin.fileno() >= 0
    except (OSError, ValueError, AttributeError):  # closed, or replaced (e.g. by a test runner)
        return False


def _path(value: str) -> Path:
    from pathlib import Path

    return Path(value)


def parse_args(argv: Sequence[str] | None = None, *, stdin_piped: bool | None = None) -> argparse.Namespace:
    """Parse command-line arguments (``argv`` without the program name). With no PATH, no
    --urls and no --batch, piped standard input is the input (``stdin_piped``: whether it is,
    found out when ``None``)."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.output is not None and str(args.output) == "-":
        args.output = None
    if args.language.strip().lower() not in LANGUAGES:
        parser.error(f"unsupported language {args.language!r}; choose one of: {', '.join(LANGUAGES)}")
    if args.encoding is not None:
        from .encodings import check_encoding

        try:
            args.encoding = check_encoding(args.encoding)
        except OptionsError as error:
            parser.error(str(error))
    if not args.paths and not args.batch and not args.urls:
        if stdin_piped if stdin_piped is not None else _stdin_is_piped():
            args.paths = ["-"]
    if bool(args.paths or args.urls) == bool(args.batch):
        parser.error("give either PATH... (or --urls FILE) or --batch SOURCE")
    if args.stories and args.batch:
        parser.error("--stories groups the articles of PATH... into stories; it does not go with --batch")
    if args.explain and (args.batch or args.stories):
        parser.error(f"--explain explains one briefing; it does not go with "
                     f"{'--batch' if args.batch else '--stories'}")
    if args.allow_overrun and args.words is None:
        parser.error("--allow-overrun goes with --words")
    if args.min_story_size != 1 and not args.stories:
        parser.error("--min-story-size goes with --stories")
    if (args.scheduler or args.resume) and not args.batch:
        parser.error(f"{'--scheduler' if args.scheduler else '--resume'} goes with --batch")
    if args.scheduler and args.jobs != 1:
        parser.error("give --jobs (processes on this machine) or --scheduler (a Dask cluster), not both")
    if args.resume and args.output is None:
        parser.error("--resume needs -o: it skips the sets already written there")
    if _is_lines_file(args.output) and args.batch and args.format not in (None, "json"):
        parser.error(f"-o {args.output} holds JSON lines; -f {args.format} does not go with it")
    if args.format is None:
        suffix = args.output.suffix.lower() if args.output else ""
        args.format = _SUFFIX_FORMATS.get(suffix, "markdown")
    return args


# What a terminal acts on (ESC, C1 controls, newlines inside a message) or what reorders the line
# (bidi controls): a file name or title may carry any of them into an error message.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _printable(message: str) -> str:
    """``message`` for stderr: one line, with controls written as escapes (``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), message)


def _error(message: object) -> None:
    print(f"summarize: error: {_printable(str(message))}", file=sys.stderr)


def _configure_logging(quiet: bool) -> None:
    import logging

    class _LowercaseLevel(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return _printable(super().format(record).replace(record.levelname, record.levelname.lower(), 1))

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LowercaseLevel("summarize: %(levelname)s: %(message)s"))
    root = logging.getLogger("summarize")
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.WARNING)
    root.propagate = False
    # The libraries that read web pages log their own view of a failure; ours is the one line
    # the user needs (a failed URL says why), so theirs stay out of the terminal.
    for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


def _batch_output(args: argparse.Namespace, inputs: list[str]) -> JsonLinesFile | JsonLinesStream | SetFiles:
    from .output import JsonLinesFile, JsonLinesStream, SetFiles
    from .render import render_briefing

    if args.output is None:
        return JsonLinesStream()
    if _is_lines_file(args.output):
        return JsonLinesFile(args.output, inputs=inputs, resume=args.resume)
    fmt = args.format
    return SetFiles(args.output, _SUFFIXES[fmt], lambda briefing: render_briefing(briefing, fmt).encode("utf-8"),
                    inputs=inputs, resume=args.resume)


def _is_lines_file(path: Path | None) -> bool:
    return path is not None and path.name.lower().endswith((".jsonl", ".jsonl.gz"))


def run_batch(args: argparse.Namespace) -> int:
    import contextlib
    import glob
    import logging
    from collections import deque
    from pathlib import Path

    logger = logging.getLogger("summarize.cli")

    from .batch import DocumentSet, dask_executor, iter_sets, summarize_sets
    from .errors import BatchIncompleteError

    inputs = glob.glob(args.batch) if "://" not in args.batch and not Path(args.batch).exists() else [args.batch]
    output = _batch_output(args, inputs)
    names: deque[str] = deque()
    skipped = 0

    def to_do() -> Iterator[DocumentSet]:  # the sets --resume does not find done, naming each
        nonlocal skipped
        for index, document_set in enumerate(iter_sets(args.batch, max_bytes=args.max_bytes)):
            name = output.claim(index, document_set.id)
            if name is None:
                skipped += 1
                continue
            names.append(name)
            yield document_set

    engine = dask_executor(args.scheduler, timeout=args.timeout) if args.scheduler else contextlib.nullcontext()
    progress = sys.stderr.isatty() and not args.quiet
    done = failed = 0
    try:
        with engine as executor:
            for result in summarize_sets(to_do(), sentences=args.sentences, words=args.words,
                                         language=args.language, jobs=args.jobs, executor=executor,
                                         progress=progress, allow_overrun=args.allow_overrun):
                done += 1
                if not output.write(names.popleft(), result):
                    failed += 1
                    if args.output is not None:
                        logger.warning("set %s failed: %s", result.set, result.error)
    except BatchIncompleteError as error:
        output.abandon()
        hint = "; run the same command with --resume to finish" if args.output is not None else ""
        _error(f"{error}{hint}")
        return 1
    except BaseException:  # a bad line in the input, Ctrl-C, SIGTERM: the error is reported above us
        output.abandon()
        raise
    output.finish()
    if skipped:
        logger.warning("resumed: %d sets were already done, %d summarized now", skipped, done)
    if failed:
        _error(f"{failed} of {done} sets failed")
        return 1
    return 0


def _load(args: argparse.Namespace) -> list[Document]:
    from .load import load_documents, read_url_list

    paths = [*args.paths, *(read_url_list(args.urls) if args.urls else [])]
    return load_documents(paths, max_bytes=args.max_bytes, language=args.language, encoding=args.encoding,
                          timeout=args.timeout, private_urls=args.private_urls, follow_links=args.follow_links)


def run_stories(args: argparse.Namespace) -> int:
    from .model import json_text
    from .output import prepare_output_directory, write_atomic, write_stdout
    from .render import IndexEntry, render_briefing, render_index, render_many
    from .stories import brief_stories, group_stories, story_slug, story_title

    documents = _load(args)
    stories = group_stories(documents, language=args.language)
    briefed_numbers = [number for number, story in enumerate(stories) if len(story) >= args.min_story_size]
    briefed = [stories[number] for number in briefed_numbers]
    if args.output is not None:
        prepare_output_directory(args.output, args.paths, option="--stories")
    progress = sys.stderr.isatty() and not args.quiet
    results = list(brief_stories(briefed, sentences=args.sentences, words=args.words,
                                 language=args.language, jobs=args.jobs, progress=progress,
                                 allow_overrun=args.allow_overrun, pile=stories))
    briefings = [result.briefing for result in results if result.briefing is not None]
    if not briefings:
        raise NoSentencesError("no story could be briefed: no sentences found in any of them")
    if args.output is None:
        if args.format == "json":
            lines = [json_text({"story": number, **briefing.to_dict()}) + "\n"
                     for number, briefing in enumerate(briefings, start=1)]
            data = "".join(lines)
        else:
            data = render_many(briefings, args.format)
        write_stdout(data.encode("utf-8"))
        return 0
    suffix = _SUFFIXES[args.format]
    width = max(2, len(str(len(briefings))))
    entries, number = [], 0
    briefing_of = {number: result.briefing for number, result in zip(briefed_numbers, results)}
    for story_number, story in enumerate(stories):
        briefing = briefing_of.get(story_number)
        if briefing is None:
            entries.append(IndexEntry(title=story_title(story, args.language), documents=tuple(story)))
            continue
        number += 1
        name = f"{number:0{width}d}-{story_slug(briefing.title)}{suffix}"
        write_atomic(args.output / name, render_briefing(briefing, args.format).encode("utf-8"))
        entries.append(IndexEntry(title=briefing.title, documents=briefing.documents, file=name))
    index = "index.md" if args.format == "markdown" else f"index{suffix}"
    write_atomic(args.output / index, render_index(entries, args.format).encode("utf-8"))
    return 0


def run(args: argparse.Namespace) -> int:
    if args.batch:
        return run_batch(args)
    if args.stories:
        return run_stories(args)
    from .output import check_not_an_input, write_atomic, write_stdout
    from .pipeline import Summarizer
    from .render import render_briefing

    if args.output is not None:
        check_not_an_input(args.output, args.paths)  # before any work, not after it
    summarizer = Summarizer(language=args.language)
    documents = _load(args)
    briefing = summarizer(documents, sentences=args.sentences, words=args.words,
                          progress=sys.stderr.isatty() and not args.quiet, explain=args.explain,
                          allow_overrun=args.allow_overrun)
    data = render_briefing(briefing, args.format).encode("utf-8")
    if args.output is None:
        write_stdout(data)
    else:
        check_not_an_input(args.output, args.paths)  # again: the input may have appeared meanwhile
        write_atomic(args.output, data)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``summarize`` and ``python -m summarize``; returns the exit status."""
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C before the run started, or while printing the error
        print("summarize: interrupted", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exit:  # --help, --version, or a usage error already printed
        return exit.code if isinstance(exit.code, int) else 2
    _configure_logging(args.quiet)
    previous = _end_on_sigterm()
    try:
        return run(args)
    except _Terminated:
        print("summarize: terminated", file=sys.stderr)
        return 143
    except OptionsError as error:
        _error(error)
        return 2
    except SummarizeError as error:
        _error(error)
        return 1
    except MemoryError:  # the input is too large for this machine's memory (or its ulimit)
        _error("out of memory: the input is too large for this machine (lower --max-bytes, or split it)")
        return 1
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that ``finally`` blocks stop worker processes
    and remove temporary files before the process ends, as they do for Ctrl-C."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _end_on_sigterm() -> Any:
    import signal

    try:
        return signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread (a caller running main() in a thread): leave it
        return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
