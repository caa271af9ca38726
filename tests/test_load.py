from __future__ import annotations

import codecs
import io
import json
import os
import sys

import pytest

from summarize import Document, InputError, load_documents
from summarize.load import as_documents, decode_bytes

TEXT = "Café owners in Zürich said the “new rules” cost €40 a day. Prices rose."


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with BOM
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.encode("utf-16-le"),  # no BOM
    lambda t: t.encode("utf-32"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf32"])
def test_decodes_unicode_encodings(encode):
    assert decode_bytes(encode(TEXT)) == TEXT


def test_decodes_windows_1252_and_latin_1_without_mojibake():
    assert decode_bytes("Café “quoted” – €5".encode("cp1252")) == "Café “quoted” – €5"
    assert decode_bytes("naïve façade".encode("latin-1")) == "naïve façade"
    # 0x81 is undefined in Windows-1252: some reading is chosen, never a replacement character.
    odd = decode_bytes(b"undefined \x81 byte")
    assert odd.startswith("undefined ") and odd.endswith(" byte") and len(odd) == 16 and "\ufffd" not in odd


def test_refuses_binary():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


def test_text_with_a_few_nul_and_control_bytes_is_still_text():
    assert decode_bytes(b"A sentence.\x00 Another\x07 one.") == "A sentence.\x00 Another\x07 one."


def test_directory_is_read_in_sorted_order_with_metadata(tmp_path):
    for name in ["b.txt", "a.md", "c.markdown", "skip.csv", ".hidden.txt"]:
        (tmp_path / name).write_text(f"Text of {name}. It is here.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Nested text. It is here.")
    (tmp_path / "sources.json").write_text(json.dumps({"b.txt": {"title": "Bee", "source": "Outlet", "url": "u"}}))
    documents = load_documents([tmp_path])
    assert [d.id for d in documents] == ["a", "b", "c", "d"]
    bee = documents[1]
    assert (bee.title, bee.source, bee.url, bee.date) == ("Bee", "Outlet", "u", None)


def test_broken_metadata_is_ignored_with_a_warning(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("Some text. More text.")
    (tmp_path / "sources.json").write_text("{not json")
    assert load_documents([tmp_path])[0].title == ""
    assert "sources.json" in caplog.text


def test_binary_among_text_is_skipped_with_a_warning(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("Real text. With two sentences.")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    documents = load_documents([tmp_path])
    assert [d.id for d in documents] == ["a"]
    assert "b.txt" in caplog.text and "binary" in caplog.text


def test_ids_stay_unique(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text("One. Two.")
    (tmp_path / "y" / "same.txt").write_text("Three. Four.")
    assert [d.id for d in load_documents([tmp_path])] == ["same", "same-2"]


def test_symlink_loop_inside_a_tree_is_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text("Text here. And more.")
    os.symlink(tmp_path, tmp_path / "loop")
    assert [d.id for d in load_documents([tmp_path])] == ["a"]


def test_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Piped text. Second sentence.".encode())))
    (document,) = load_documents(["-"])
    assert (document.id, document.path, document.text) == ("stdin", "-", "Piped text. Second sentence.")


def test_max_bytes_counts_all_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("x. " * 40)
    (tmp_path / "b.txt").write_text("y. " * 40)
    load_documents([tmp_path], max_bytes=240)
    with pytest.raises(InputError, match="max-bytes"):
        load_documents([tmp_path], max_bytes=200)


def test_as_documents_mixes_texts_paths_and_documents(tmp_path):
    (tmp_path / "file.txt").write_text("From a file. Indeed.")
    documents = as_documents(["seeds/not-a-path.txt", tmp_path / "file.txt", Document(id="doc-1", text="Mine.")])
    assert documents[0].text == "seeds/not-a-path.txt"  # a str is text, never a path
    assert [d.id for d in documents] == ["doc-1", "file", "doc-1-2"]
