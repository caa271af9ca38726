"""nltk, imported without the second it spends on scipy.stats that we never use.

``import nltk`` runs nltk's package ``__init__``, which imports ``nltk.collocations`` and through
it ``nltk.metrics.association``, whose one use of SciPy is ``from scipy.stats import
fisher_exact``: about 1.0 of nltk's 1.3 s of import on this machine (``python -X importtime``),
most of ``summarize seeds/``. While nltk imports, ``scipy.stats`` is a stand-in whose
``fisher_exact`` imports and calls the real one on first use; the stand-in is removed as soon as
nltk is loaded, so a later ``import scipy.stats`` gets SciPy's own module and nltk's Fisher test
gives what it always gave, only a second later. Punkt and the Snowball stemmers are untouched.
When nltk or scipy.stats is already imported there is nothing to save and nothing is done.
``tests/test_startup.py`` fails if scipy.stats comes back.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["nltk"]


def _fisher_exact(*args: Any, **kwargs: Any) -> Any:
    from scipy.stats import fisher_exact

    return fisher_exact(*args, **kwargs)


def _import_nltk() -> types.ModuleType:
    if "nltk" in sys.modules or "scipy.stats" in sys.modules:
        import nltk as loaded

        return loaded
    stand_in = types.ModuleType("scipy.stats", "stand-in while nltk imports (see summarize._nltk)")
    stand_in.fisher_exact = _fisher_exact  # type: ignore[attr-defined]
    sys.modules["scipy.stats"] = stand_in
    try:
        import nltk as loaded
    finally:
        if sys.modules.get("scipy.stats") is stand_in:
            del sys.modules["scipy.stats"]
    return loaded


nltk = _import_nltk()
