"""The public API: small, typed, documented, and free of side effects at import."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import summarize


def test_public_names():
    assert set(summarize.__all__) >= {"summarize", "load_documents", "Document", "Briefing", "SummarizeError"}
    for name in summarize.__all__:
        assert getattr(summarize, name).__doc__


def test_py_typed_ships():
    assert (Path(summarize.__file__).parent / "py.typed").exists()


def test_library_never_configures_logging():
    handlers = logging.getLogger("summarize").handlers
    assert all(isinstance(handler, logging.NullHandler) for handler in handlers)


def test_import_has_no_side_effects():
    code = ("import logging, sys; before = set(sys.modules); import summarize; "
            "assert logging.getLogger().handlers == []; print('ok')")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.strip() == "ok" and process.stderr == ""


def test_summarize_accepts_paths_texts_and_documents(seeds):
    text = (seeds / "004_2ceb528c8538ea49.txt").read_text(encoding="utf-8")
    from_path = summarize.summarize([seeds / "004_2ceb528c8538ea49.txt"], sentences=2)
    from_text = summarize.summarize([text], sentences=2)
    assert [s.text for s in from_path.sentences] == [s.text for s in from_text.sentences]
    assert from_path.documents[0].id == "004_2ceb528c8538ea49" and from_text.documents[0].id == "doc-1"


def test_document_with_none_title_gets_one_detected():
    document = summarize.Document(id="a", text="Floods Hit the North\n\nRain fell for five days in the north. "
                                  "Rivers burst their banks in three towns.", title=None)  # type: ignore[arg-type]
    briefing = summarize.summarize([document], sentences=1)
    assert briefing.documents[0].title == "Floods Hit the North"


def test_fallback_title_comes_from_content_not_noise():
    text = ("Press play to listen to this article\n"
            "The harbour authority closed the port on Friday after a storm damaged two piers and a crane.\n"
            "Ships were sent to the next port down the coast until repairs are done next month.\n")
    briefing = summarize.summarize([text], sentences=1)
    assert briefing.documents[0].title.startswith("The harbour authority closed the port")
