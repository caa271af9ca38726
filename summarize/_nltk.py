"""The two nltk modules we use (Punkt and the Snowball stemmers), without the rest of nltk.

``import nltk.tokenize.punkt`` first runs nltk's package ``__init__``, which imports nearly all
of nltk (parsers, corpora readers, WordNet, translation metrics, and through
``nltk.metrics.association`` SciPy's statistics): 0.43 s of every run on this machine, and
1.3 s before SciPy was kept out. Punkt needs a handful of small modules and Snowball one more.

So, when nltk is not imported yet, the packages on the way (``nltk``, ``nltk.tokenize``,
``nltk.stem``) are empty stand-ins that only say where their files are, and ``nltk.corpus``
(whose one use in Snowball is the stop words of ``ignore_stopwords=True``, which we never pass)
is a stand-in whose ``stopwords`` imports the real corpus on first use. The two modules are
imported through them, and then every nltk module name is removed from ``sys.modules`` again:
we keep our private copies of Punkt and Snowball, and a later ``import nltk`` anywhere in the
process imports the whole, real nltk as if we had never been there. The code that splits and
stems is nltk's own, byte for byte. If nltk is imported already, its modules are used as they
are; if the light import fails (a future nltk that needs its ``__init__``), the whole of nltk is
imported instead, so only the speed is at stake. ``tests/test_startup.py`` fails if the heavy
import comes back or if nltk stops working after ours.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
import types
from typing import Any

from ._logging import get_logger

__all__ = ["punkt", "snowball", "full_nltk", "may_have_data"]

logger = get_logger(__name__)

_MODULES = ("nltk.tokenize.punkt", "nltk.stem.snowball")


class _StopWords:
    """``nltk.corpus.stopwords`` for Snowball's ``ignore_stopwords``, imported when first used."""

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module("nltk.corpus").stopwords, name)


def _stand_in(name: str, directory: str | None) -> types.ModuleType:
    module = types.ModuleType(name, "stand-in while summarize imports Punkt and Snowball (see summarize._nltk)")
    if directory is not None:
        module.__path__ = [directory]
        module.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
        module.__spec__.submodule_search_locations = [directory]
    return module


def _light() -> tuple[types.ModuleType, ...]:
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk is not installed")
    root = list(spec.submodule_search_locations)[0]
    stand_ins = {name: _stand_in(name, os.path.join(root, *name.split(".")[1:]))
                 for name in ("nltk", "nltk.tokenize", "nltk.stem")}
    corpus = _stand_in("nltk.corpus", None)
    corpus.stopwords = _StopWords()  # type: ignore[attr-defined]
    stand_ins["nltk.corpus"] = corpus
    before = set(sys.modules)
    sys.modules.update(stand_ins)
    try:
        return tuple(importlib.import_module(name) for name in _MODULES)
    finally:
        for name in set(sys.modules) - before:  # the stand-ins and everything loaded through them
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


def full_nltk() -> types.ModuleType:
    """All of nltk, imported for real (for what the stand-ins do not cover, e.g. the pretrained
    Punkt models); SciPy's statistics are kept out while it loads, as before."""
    if "nltk" in sys.modules or "scipy.stats" in sys.modules:
        return importlib.import_module("nltk")
    stand_in = types.ModuleType("scipy.stats", "stand-in while nltk imports (see summarize._nltk)")

    def fisher_exact(*args: Any, **kwargs: Any) -> Any:
        from scipy.stats import fisher_exact as real

        return real(*args, **kwargs)

    stand_in.fisher_exact = fisher_exact  # type: ignore[attr-defined]
    sys.modules["scipy.stats"] = stand_in
    try:
        return importlib.import_module("nltk")
    finally:
        if sys.modules.get("scipy.stats") is stand_in:
            del sys.modules["scipy.stats"]


def _data_directories() -> list[str]:
    """Where nltk looks for its data by default (``nltk.data.path`` as nltk's ``data.py`` builds
    it on Unix): $NLTK_DATA, ~/nltk_data, then under the Python prefix and /usr."""
    directories = [os.path.expanduser(entry) for entry in os.environ.get("NLTK_DATA", "").split(os.pathsep) if entry]
    if "APPENGINE_RUNTIME" not in os.environ and os.path.expanduser("~/") != "~/":
        directories.append(os.path.expanduser("~/nltk_data"))
    if sys.platform.startswith("win"):
        directories += [os.path.join(sys.prefix, "nltk_data"), os.path.join(sys.prefix, "share", "nltk_data"),
                        os.path.join(sys.prefix, "lib", "nltk_data"),
                        os.path.join(os.environ.get("APPDATA", "C:\\"), "nltk_data"),
                        r"C:\nltk_data", r"D:\nltk_data", r"E:\nltk_data"]
    else:
        directories += [os.path.join(sys.prefix, "nltk_data"), os.path.join(sys.prefix, "share", "nltk_data"),
                        os.path.join(sys.prefix, "lib", "nltk_data"), "/usr/share/nltk_data",
                        "/usr/local/share/nltk_data", "/usr/lib/nltk_data", "/usr/local/lib/nltk_data"]
    return directories


def may_have_data(package: str) -> bool:
    """Whether nltk's data holds ``package`` (e.g. ``"tokenizers/punkt_tab"``), as a directory or
    a zip file. With nltk imported, its own ``nltk.data.path`` (which a program may have changed)
    is searched; else nltk's default places, so that finding nothing costs no import of nltk."""
    data = sys.modules.get("nltk.data")
    directories = list(getattr(data, "path", None) or _data_directories())
    return any(os.path.isdir(os.path.join(directory, package)) or os.path.isfile(os.path.join(directory, package + ".zip"))
               for directory in directories)


def _load() -> tuple[types.ModuleType, ...]:
    if "nltk" in sys.modules:
        return tuple(importlib.import_module(name) for name in _MODULES)
    try:
        return _light()
    except Exception as error:  # noqa: BLE001 - any failure: the whole nltk, only slower
        logger.debug("light import of nltk failed (%s); importing all of nltk", error)
        full_nltk()
        return tuple(importlib.import_module(name) for name in _MODULES)


punkt, snowball = _load()
