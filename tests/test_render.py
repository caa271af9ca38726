from __future__ import annotations

import json
from html.parser import HTMLParser

import markdown
import pytest

from summarize import OptionsError, render_briefing, summarize
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
    page = render_briefing(_briefing(), "html")
    parsed = _Collector()
    parsed.feed(page)
    assert set(parsed.tags) <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "ol", "li",
                                "a", "span", "code", "script"}
    assert parsed.tags.count("script") == 1 and page.count("<script>") == 1  # ours, at the end
    assert {name for name, _ in parsed.attributes} <= {
        "lang", "charset", "name", "content", "class", "href", "id", "aria-label", "role", "data-fragment"}
    hrefs = [value for name, value in parsed.attributes if name == "href"]
    assert hrefs and all(value.startswith("#source-") for value in hrefs)  # the javascript: URL is no link
    assert parsed.comments == []
    text = "".join(parsed.text)
    for sentence in HOSTILE:
        assert sentence in text  # shown literally, as written
    assert "<script>s</script>" in text and "javascript:alert(2)" not in page


def test_only_http_urls_become_links_and_markdown_never_escapes_them():
    from summarize.render import safe_url

    assert safe_url("https://example.org/a_b?x=1&y=2") == "https://example.org/a_b?x=1&y=2"
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://a b", "https://x/<y>", "ftp://x", None, ""):
        assert safe_url(bad) is None
    documents = (Document(id="a", text="x", title='The "big" story', url="https://news.example.org/000_story"),)
    briefing = Briefing(title="t", documents=documents, sentences=(
        BriefingSentence(text="A sentence of the story.", document="a", start=0, end=1, score=1.0, sources=("a",)),))
    markdown_text = render_briefing(briefing, "markdown")
    assert "[The \"big\" story](<https://news.example.org/000_story>)" in markdown_text
    assert '[1]: <https://news.example.org/000_story> "The \\"big\\" story"' in markdown_text
    rendered = markdown.markdown(markdown_text)
    assert rendered.count('href="https://news.example.org/000_story"') == 2  # the title and the citation


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
    lines = render_briefing(briefing, "markdown").splitlines()
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

    briefing = summarize(load_documents([seeds]))
    text = render_briefing(briefing, "text")
    assert "\\" not in text and "#" not in text and "](" not in text and "<" not in text
    lines = text.splitlines()
    assert lines[0] == briefing.title and "Sources:" in lines
    ids = [document.id for document in briefing.documents]
    for number, sentence in enumerate(briefing.sentences, start=1):
        markers = "".join(f"[{ids.index(source) + 1}]" for source in sentence.sources)
        assert f"{number}. {sentence.text} {markers}" in lines


def test_render_names_the_formats_when_given_an_unknown_one(seeds):
    from summarize import load_documents

    briefing = summarize(load_documents([seeds]), sentences=2)
    assert render_briefing(briefing) == render_briefing(briefing, "markdown")
    with pytest.raises(OptionsError, match="markdown, html, json, text"):
        render_briefing(briefing, "pdf")


def test_the_data_never_imports_its_presentation():
    # spaCy's pattern (Doc.to_dict, displacy imports Doc): model.py serialises itself and knows
    # nothing of render.py, which reads it.
    import ast
    import inspect

    from summarize import model

    imported = {node.module for node in ast.walk(ast.parse(inspect.getsource(model)))
                if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.endswith("render") for name in imported)
