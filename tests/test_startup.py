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


def test_the_public_api_still_resolves_every_name():
    import summarize

    for name in summarize.__all__:
        assert getattr(summarize, name) is not None
    with pytest.raises(AttributeError):
        summarize.no_such_name  # noqa: B018


def test_the_pipeline_loads_nltk_without_scipy_stats_and_nltk_still_works():
    code = ("import sys, importlib, summarize.pipeline\n"
            "print('scipy.stats' in sys.modules)\n"
            "association = importlib.import_module('nltk.metrics.association')\n"
            "print(round(association.fisher_exact([[8, 2], [1, 5]], alternative='less')[1], 6))\n"
            "import scipy.stats\n"
            "print(type(scipy.stats.fisher_exact).__name__, scipy.stats.__name__ == 'scipy.stats', hasattr(scipy.stats, 'norm'))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.split("\n")[:3] == ["False", "0.999126", "function True True"], process.stderr
