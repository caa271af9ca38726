"""The command line answers --help, --version and usage errors without loading the pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from summarize.defaults import FORMAT_NAMES, LANGUAGES
from summarize.language import supported_languages
from summarize.render import FORMATS

HEAVY = ("nltk", "scipy", "numpy", "networkx", "sumy", "markdown", "trafilatura", "feedparser", "charset_normalizer")


def test_the_light_lists_match_what_the_libraries_offer():
    assert LANGUAGES == supported_languages()
    assert FORMAT_NAMES == tuple(sorted(FORMATS))


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["-n", "0", "seeds"], ["--language", "klingon", "seeds"],
                                  ["--encoding", "nope", "seeds"]])
def test_quick_answers_import_nothing_heavy(argv):
    code = ("import sys, contextlib, io\n"
            "from summarize.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            f"    status = main({argv!r})\n"
            f"print(status, sorted(m for m in {HEAVY!r} if m in sys.modules))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    status, heavy = process.stdout.split(" ", 1)
    assert status in ("0", "2") and heavy.strip() == "[]", process.stderr


# What `python -c pass` does not import and a quick answer need not: together about 60 ms, twice
# Python's own start.
QUICK_ANSWER_NEEDS_NOT = ("logging", "typing", "dataclasses", "inspect", "json", "signal", "pathlib", "encodings.idna",
                          "shutil")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["-n", "0", "seeds"]])
def test_quick_answers_import_only_what_they_use_of_the_standard_library(argv):
    code = ("import sys\n"
            "before = set(sys.modules)\n"
            "import contextlib, io\n"
            "from summarize.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            f"    main({argv!r})\n"
            f"print(sorted(m for m in {QUICK_ANSWER_NEEDS_NOT!r} if m in sys.modules and m not in before))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.strip() == "[]", process.stdout + process.stderr


def test_the_public_api_still_resolves_every_name():
    import summarize

    for name in summarize.__all__:
        assert getattr(summarize, name) is not None
    with pytest.raises(AttributeError):
        summarize.no_such_name  # noqa: B018


def test_a_briefing_imports_neither_all_of_nltk_nor_networkx_nor_sumy_utils():
    code = ("import sys\n"
            "from summarize import summarize\n"
            "summarize(['The council approved the new budget on Monday after a long debate. '\n"
            "           'The mayor said the plan pays for schools and roads for five years.'], sentences=1)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('nltk', 'networkx', 'requests', 'pycountry')\n"
            "             or m in ('sumy.utils', 'scipy.stats')))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.strip() == "[]", process.stdout + process.stderr


def test_nltk_imported_after_ours_is_the_whole_real_nltk():
    code = ("import sys, importlib, summarize.pipeline\n"
            "from summarize.language import get_language\n"
            "print('scipy.stats' in sys.modules)\n"
            "association = importlib.import_module('nltk.metrics.association')\n"
            "print(round(association.fisher_exact([[8, 2], [1, 5]], alternative='less')[1], 6))\n"
            "import scipy.stats\n"
            "print(type(scipy.stats.fisher_exact).__name__, scipy.stats.__name__ == 'scipy.stats', hasattr(scipy.stats, 'norm'))\n"
            "import nltk\n"
            "print(callable(nltk.word_tokenize), nltk.tokenize.punkt.PunktSentenceTokenizer.__name__,\n"
            "      nltk.stem.snowball.SnowballStemmer('german').stem('Häuser') == get_language('german').stem('häuser'))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.split("\n")[:4] == ["False", "0.999126", "function True True",
                                              "True PunktSentenceTokenizer True"], process.stderr


def test_nltk_imported_before_ours_is_used_as_it_is():
    code = ("import nltk, sys\n"
            "import summarize.split as split, summarize.language as language\n"
            "print(split.punkt is sys.modules['nltk.tokenize.punkt'], language.snowball is nltk.stem.snowball)")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.strip() == "True True", process.stderr


def test_stop_words_are_sumys_lists_exactly():
    from sumy.utils import get_stop_words

    from summarize.language import _SUMY_STOP_WORD_LANGUAGES, _sumy_stop_words

    for name in _SUMY_STOP_WORD_LANGUAGES:
        assert _sumy_stop_words(name) == get_stop_words(name), name


@pytest.mark.parametrize("columns", ["50", "100", "not a number"])
def test_help_is_laid_out_as_argparse_lays_it_out(monkeypatch, columns):
    # Our formatter reads the terminal's width without shutil; the text must not change.
    import argparse

    from summarize.cli import _build_parser

    monkeypatch.setenv("COLUMNS", columns)
    ours = _build_parser()
    theirs = _build_parser()
    theirs.formatter_class = argparse.RawDescriptionHelpFormatter
    assert ours.format_help() == theirs.format_help()
