from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize import Briefing, Document
from summarize.cli import main
from summarize.model import collapse_whitespace

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


def assert_verbatim(briefing: Briefing) -> None:
    """Every sentence stands at its offsets in the document it quotes (white space folded)."""
    texts = {document.id: document.text for document in briefing.documents}
    for sentence in briefing.sentences:
        original = texts[sentence.document][sentence.start : sentence.end]
        assert collapse_whitespace(original) == sentence.text
        assert sentence.sources[0] == sentence.document


def assert_json_verbatim(payload: dict, documents: dict[str, str]) -> None:
    for sentence in payload["sentences"]:
        original = documents[sentence["document"]][sentence["start"] : sentence["end"]]
        assert collapse_whitespace(original) == sentence["text"]


class CliResult:
    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def cli(capsysbinary):
    def run(*argv: str) -> CliResult:
        status = main([str(arg) for arg in argv])
        captured = capsysbinary.readouterr()
        return CliResult(status, captured.out.decode("utf-8"), captured.err.decode("utf-8"))

    return run


def make_document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text)
