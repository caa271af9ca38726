from __future__ import annotations

import json
from html.parser import HTMLParser

import markdown
import pytest

from summarize import summarize
from summarize.model import Briefing, BriefingSentence, Document
from summarize.render import escape_markdown

HOSTILE = [
    "<script>alert('x')</script> The mayor said the <b>vote</b> was fair and final.",
    "An image <img src=x onerror=alert(1)> was posted with the council statement today.",
    "A link [click here](javascript:alert(1)) appeared in the minister's message today.",
    "The **bold** claim and _italic_ note and `code` span were all in the council report.",
    "# Not a heading, and <!-- a comment --> and &amp; an entity stayed in the text here.",
]


def _briefing() -> Briefing:
    documents = (Document(id="evil", text=" ".join(HOSTILE), title="<i>Title</i> **x**",
                          source="<script>s</script>", url="javascript:alert(2)", path="evil.txt"),)
    sentences = tuple(
        BriefingSentence(text=text, document="evil", start=0, end=0, score=0.1, sources=("evil",))
        for text in HOSTILE
    )
    return Briefing(title="<i>Title</i> **x**", documents=documents, sentences=sentences)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def test_html_has_no_element_attribute_or_link_from_document_text():
    page = _briefing().to_html()
    parsed = _Collector()
    parsed.feed(page)
    assert set(parsed.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "ol", "li", "p", "code"}
    assert all(name in {"lang", "charset", "name", "content"} for name, _ in parsed.attributes)
    assert parsed.comments == []
    text = "".join(parsed.text)
    for sentence in HOSTILE:
        assert sentence in text  # shown literally, as written
    assert "<script>s</script>" in text and "javascript:alert(2)" in text


@pytest.mark.parametrize("sentence", HOSTILE)
def test_escaped_markdown_renders_as_written(sentence):
    html = markdown.markdown(escape_markdown(sentence))
    parsed = _Collector()
    parsed.feed(html)
    assert parsed.tags == ["p"]
    assert "".join(parsed.text) == sentence


def test_markdown_lists_sentences_with_markers_and_sources(seeds):
    from summarize import load_documents

    briefing = summarize(load_documents([seeds]))
    lines = briefing.to_markdown().splitlines()
    assert lines[0].startswith("# ")
    items = [line for line in lines if line[:2].rstrip(".").isdigit()]
    assert len(items) == len(briefing.sentences) + len(briefing.documents)
    assert "## Sources" in lines
    for sentence, line in zip(briefing.sentences, items):
        number = [d.id for d in briefing.documents].index(sentence.document) + 1
        assert line.endswith("]") and f"[{number}]" in line


def test_json_shape(seeds):
    from summarize import load_documents

    payload = json.loads(summarize(load_documents([seeds]), sentences=2).to_json())
    assert set(payload) == {"title", "documents", "sentences"}
    assert set(payload["documents"][0]) == {"id", "path", "title", "source", "url", "date"}
    assert set(payload["sentences"][0]) == {"text", "document", "start", "end", "score", "sources"}
    assert len(payload["sentences"]) == 2


def test_text_output_has_no_markup(seeds):
    from summarize import load_documents

    text = summarize(load_documents([seeds])).to_text()
    assert "\\" not in text and "#" not in text and "Sources:" in text
