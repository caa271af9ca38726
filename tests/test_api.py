"""The public API: small, typed, documented, and free of side effects at import."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import summarize


def test_public_names():
    assert set(summarize.__all__) >= {"summarize", "load_documents", "Document", "Briefing", "SummarizeError"}
    importlib.import_module("summarize.render")  # a submodule must never shadow a public name

    for name in summarize.__all__:
        value = getattr(summarize, name)
        assert not inspect.ismodule(value), name
        # Written, not the signature a dataclass gets when it has no docstring.
        assert value.__doc__ and not value.__doc__.startswith(f"{name}("), name


@pytest.mark.parametrize("module", ["render", "select", "rank", "clean", "split", "stories", "model"])
def test_every_public_name_of_a_stage_module_has_a_docstring(module):
    stage = importlib.import_module(f"summarize.{module}")
    for name in stage.__all__:
        value = getattr(stage, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__doc__ and not value.__doc__.startswith(f"{name}("), f"{module}.{name}"


def test_py_typed_ships():
    assert (Path(summarize.__file__).parent / "py.typed").exists()


def test_library_never_configures_logging():
    # In a fresh process: tests that run the CLI in this one configure its logging, as it should.
    code = ("import logging, summarize\n"
            "summarize.summarize(['The council approved the new budget on Monday after a long debate. '\n"
            "                     'The mayor said the plan pays for schools and roads for five years.'])\n"
            "handlers = logging.getLogger('summarize').handlers + logging.getLogger().handlers\n"
            "print(all(isinstance(handler, logging.NullHandler) for handler in handlers),\n"
            "      any(isinstance(handler, logging.NullHandler) for handler in logging.getLogger('summarize').handlers))")
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.stdout.strip() == "True True", process.stderr


def test_a_warning_never_reaches_pythons_last_resort_handler(tmp_path):
    # No logging configured: the warning about an empty file is the application's to show.
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "story.txt").write_text("The council approved the new budget on Monday after a long debate.",
                                        encoding="utf-8")
    code = ("import sys, summarize\n"
            f"summarize.load_documents([{str(tmp_path)!r}])\n"
            "if sys.argv[1:] == ['bare']:  # the same warning with the package's NullHandler removed\n"
            "    import logging; logging.getLogger('summarize').handlers.clear()\n"
            f"    summarize.load_documents([{str(tmp_path)!r}])\n")
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    bare = subprocess.run([sys.executable, "-c", code, "bare"], capture_output=True, text=True, check=False)
    assert quiet.returncode == bare.returncode == 0, quiet.stderr + bare.stderr
    assert quiet.stderr == "" and "empty.txt" in bare.stderr


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


@pytest.mark.parametrize("fields, message", [
    ({"id": "row-7", "text": "Some text.", "title": float("nan")}, "Document 'row-7': title must be a str or None, not float"),
    ({"id": 1, "text": "Some text."}, "Document id must be a non-empty str, not 1"),
    ({"id": "", "text": "Some text."}, "Document id must be a non-empty str"),
    ({"id": "b", "text": b"bytes"}, "Document 'b': text must be a str, not bytes"),
    ({"id": "n", "text": None}, "Document 'n': text must be a str, not NoneType"),
    ({"id": "u", "text": "Some text.", "url": 3}, "Document 'u': url must be a str or None, not int"),
])
def test_documents_of_the_wrong_type_fail_where_they_enter(fields, message):
    with pytest.raises(summarize.InputError, match=re.escape(message)):
        summarize.Document(**fields)


def test_a_missing_title_is_an_empty_one():
    assert summarize.Document(id="a", text="x", title=None).title == ""


def test_batch_options_are_checked_at_the_call():
    from summarize.batch import summarize_sets

    for bad in ({"language": "klingon"}, {"sentences": 0}, {"jobs": 0}, {"jobs": True}):
        with pytest.raises(summarize.OptionsError):
            summarize_sets([], **bad)  # raises before anything is iterated


def test_reprs_are_short(seeds):
    briefing = summarize.summarize(summarize.load_documents([seeds]))
    assert len(repr(briefing)) < 200 and "documents=5" in repr(briefing) and "sentences=6" in repr(briefing)
    assert all(len(repr(document)) < 400 and "chars=" in repr(document) for document in briefing.documents)
