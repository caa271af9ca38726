"""The package's loggers.

A library never configures logging; the application does (our CLI, or the caller's). The one
thing the package sets is a ``NullHandler`` on its logger, so that its warnings never reach
Python's last-resort handler when the application configured nothing. It is attached here, when
the first module that logs is imported, and not by ``import summarize``: ``summarize --version``
and ``--help`` then never import :mod:`logging` (a quarter of their time).
"""

from __future__ import annotations

import logging

__all__ = ["get_logger"]

logging.getLogger("summarize").addHandler(logging.NullHandler())


def get_logger(name: str) -> logging.Logger:
    """The logger of module ``name`` (``__name__``), under the package logger."""
    return logging.getLogger(name)
