from __future__ import annotations

import nltk
import pytest

from summarize import Document
from summarize.model import Block, CleanedDocument, collapse_whitespace
from summarize.split import MAX_SENTENCE_WORDS, sentence_tokenizer, split_documents


def _split(text: str) -> list[str]:
    document = Document(id="d", text=text)
    cleaned = CleanedDocument(document=document, blocks=(Block(paragraph=0, start=0, end=len(text)),))
    sentences = split_documents([cleaned], sentence_tokenizer("english"))
    for sentence in sentences:
        assert collapse_whitespace(text[sentence.start:sentence.end]) == sentence.text
    return [s.text for s in sentences]


def test_abbreviations_do_not_end_sentences():
    text = ("Mr. Smith met Dr. Jones at 9 a.m. on Monday. Gen. Miller flew to the U.S. "
            "embassy, e.g. for talks. They left.")
    assert _split(text) == ["Mr. Smith met Dr. Jones at 9 a.m. on Monday.",
                            "Gen. Miller flew to the U.S. embassy, e.g. for talks.", "They left."]


def test_closing_quotes_stay_with_their_sentence():
    assert _split("He said: “We are ready.” Then he left.") == ["He said: “We are ready.”", "Then he left."]


def test_offsets_span_wrapped_lines():
    text = "The first sentence runs over\ntwo lines. The second is short."
    assert _split(text) == ["The first sentence runs over two lines.", "The second is short."]


def test_overlong_sentences_are_cut_into_verbatim_pieces():
    pieces = _split(" ".join(["word"] * (MAX_SENTENCE_WORDS * 2 + 5)))
    assert [len(p.split()) for p in pieces] == [MAX_SENTENCE_WORDS, MAX_SENTENCE_WORDS, 5]


def test_pretrained_punkt_is_used_when_installed(monkeypatch):
    from summarize import split

    split._pretrained.cache_clear()
    marker = object()
    monkeypatch.setattr(split, "may_have_data", lambda package: True)
    monkeypatch.setattr(nltk.data, "find", lambda resource: resource)
    monkeypatch.setattr(nltk.tokenize, "PunktTokenizer", lambda language: marker)
    try:
        assert sentence_tokenizer("english") is marker
    finally:
        split._pretrained.cache_clear()


def test_without_nltk_data_no_download_is_attempted(monkeypatch):
    from summarize import split

    split._pretrained.cache_clear()

    def missing(resource):
        raise LookupError(resource)

    def forbidden(*args, **kwargs):
        raise AssertionError("nltk.download() must never be called")

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk, "download", forbidden)
    try:
        tokenizer = sentence_tokenizer("english")
        assert "u.s" in tokenizer._params.abbrev_types
    finally:
        split._pretrained.cache_clear()


def test_nltk_data_is_looked_for_where_nltk_looks_without_importing_it(tmp_path):
    """With no nltk imported, finding no punkt_tab costs no import of nltk.data; a punkt_tab in
    $NLTK_DATA (a directory or a zip) is found as nltk.data.find would find it."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from summarize._nltk import may_have_data\n"
            "print(may_have_data('tokenizers/punkt_tab'), 'nltk.data' in sys.modules)")
    run = lambda env: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: E731
                                     env=env, check=False).stdout.split()
    import os

    env = dict(os.environ, NLTK_DATA=str(tmp_path), HOME=str(tmp_path))
    system_wide = any(os.path.exists(os.path.join(prefix, "tokenizers", "punkt_tab")) for prefix in (
        f"{sys.prefix}/nltk_data", f"{sys.prefix}/share/nltk_data", f"{sys.prefix}/lib/nltk_data",
        "/usr/share/nltk_data", "/usr/local/share/nltk_data", "/usr/lib/nltk_data", "/usr/local/lib/nltk_data"))
    assert run(env) == [str(system_wide), "False"]
    (tmp_path / "tokenizers" / "punkt_tab" / "english").mkdir(parents=True)
    assert run(env) == ["True", "False"]
    (tmp_path / "tokenizers" / "punkt_tab" / "english").rmdir()
    (tmp_path / "tokenizers" / "punkt_tab").rmdir()
    (tmp_path / "tokenizers" / "punkt_tab.zip").write_bytes(b"")
    assert run(env) == ["True", "False"]


def test_word_counts_by_split_and_by_pattern_agree_on_every_character():
    # _cut_long gates its pattern with str.split: the two must call the same characters spaces.
    import re

    space = re.compile(r"\s")
    assert [c for c in map(chr, range(0x110000)) if c.isspace() != bool(space.fullmatch(c))] == []
