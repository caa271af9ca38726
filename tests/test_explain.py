"""--explain: every reason agrees with the briefing it explains, in every format."""

from __future__ import annotations

import json
import math

import pytest

from summarize import Document, summarize
from summarize.cli import main
from summarize.render import render_briefing
from summarize.select import Selector

from .conftest import SEEDS


@pytest.fixture(scope="module")
def explained():
    return summarize([SEEDS], explain=True)


def test_explaining_changes_nothing_in_the_briefing(explained):
    plain = summarize([SEEDS])
    assert plain.explain is None and "explain" not in plain.to_dict()
    assert explained.sentences == plain.sentences and explained.title == plain.title


def test_each_line_is_explained_and_its_score_is_the_product_of_its_parts(explained):
    explanation = explained.explain
    assert [chosen.line for chosen in explanation.chosen] == list(range(1, len(explained.sentences) + 1))
    for chosen, sentence in zip(explanation.chosen, explained.sentences):
        assert chosen.text == sentence.text and chosen.document == sentence.document
        assert chosen.score == sentence.score
        factors = math.prod(factor for _, factor in chosen.penalties)
        assert chosen.pagerank * factors * chosen.boost == pytest.approx(chosen.score, rel=1e-3)
        assert chosen.sources == len(sentence.sources)
        # The boost counts the sources the line is cited with (no seed article copies another).
        others = (chosen.sources - 1) / (len(explained.documents) - 1)
        assert chosen.boost == pytest.approx(1.0 + Selector().corroboration_weight * others, abs=1e-4)
        # What a line restates is cited with it, and never quoted in the briefing.
        quoted = {s.text for s in explained.sentences}
        for restatement in chosen.restates:
            assert restatement.document in sentence.sources and restatement.text not in quoted
            assert 0 < restatement.similarity <= 1
        similarities = [r.similarity for r in chosen.restates]
        assert similarities == sorted(similarities, reverse=True)
    # Leads get a prior above the average sentence's; it falls with the place in the article, to
    # below the average for a line far down its article.
    assert any(c.position == 1 and c.prior > 1 for c in explanation.chosen)
    priors = [c.prior for c in sorted(explanation.chosen, key=lambda c: c.position)]
    assert priors == sorted(priors, reverse=True) and min(priors) < 1


def test_the_next_candidates_each_have_the_reason_they_are_out(explained):
    explanation = explained.explain
    assert len(explanation.passed) == 10
    ranks = [passed.rank for passed in explanation.passed]
    chosen_ranks = {chosen.rank for chosen in explanation.chosen}
    assert ranks == sorted(ranks) and not set(ranks) & chosen_ranks
    last_chosen = max(chosen_ranks)
    reasons = {passed.reason.split(" line")[0] for passed in explanation.passed}
    assert reasons == {"restates", "over the budget"}
    for passed in explanation.passed:
        if passed.reason == "over the budget":
            assert passed.rank > last_chosen and passed.line is None
        else:
            line = explained.sentences[passed.line - 1]
            assert passed.reason == f"restates line {passed.line}" and passed.similarity > 0
            assert passed.document in line.sources  # restated, so cited with that line
    # The ranks between the first and last chosen are all accounted for: chosen or passed.
    assert set(range(1, last_chosen + 1)) <= chosen_ranks | set(ranks)


def test_a_penalty_is_named_with_its_factor():
    documents = [
        Document(id="a", text="The storm flooded the northern valley towns on Monday night. "
                              "The flooding is part of a broader pattern of extreme weather across the region this year. "
                              "Rescue crews moved four hundred people from their homes by boat."),
        Document(id="b", text="Floods hit northern valley towns after the storm on Monday night. "
                              "The floods are part of a wider pattern of extreme weather across the region this year. "
                              "Crews rescued four hundred people from flooded homes by boat."),
    ]
    briefing = summarize(documents, sentences=1, explain=True)
    everything = [*briefing.explain.chosen, *briefing.explain.passed]
    framing = [item for item in everything if "part of" in item.text]
    assert framing and all(("frames the story instead of reporting it", 0.5) in item.penalties for item in framing)
    assert all(not item.penalties for item in everything if "part of" not in item.text)


def test_the_explanation_is_deterministic_and_in_every_format(explained):
    again = summarize([SEEDS], explain=True)
    for format in ("markdown", "html", "json", "text"):
        assert render_briefing(again, format) == render_briefing(explained, format)
    markdown = render_briefing(explained, "markdown")
    text = render_briefing(explained, "text")
    page = render_briefing(explained, "html")
    data = json.loads(render_briefing(explained, "json"))
    assert data["explain"] == explained.explain.to_dict()
    assert markdown.index("## Why these sentences") < markdown.index("## Sources")
    assert text.index("Why these sentences:") < text.index("Sources:")
    assert '<section class="explain">' in page and page.count("<tr>") == 1 + 6 + 1 + 10
    for passed in explained.explain.passed:
        for output in (markdown, text):
            assert f"| {passed.rank} |" in output or output.count(passed.reason)
    assert "restates line" in markdown and "over the budget" in text


def test_document_text_in_an_explanation_is_escaped():
    hostile = "The <script>alert(1)</script> council | approved the new budget on Monday after a long debate."
    documents = [Document(id="a", text=hostile + " The mayor said the plan pays for schools and roads for five years."),
                 Document(id="b", text="The council approved the new budget on Monday after a debate that ran long. "
                                       "Work on the bridge starts next spring, the mayor's office said on Monday.")]
    briefing = summarize(documents, sentences=1, explain=True)
    explained = [*briefing.explain.chosen, *briefing.explain.passed,
                 *(r for chosen in briefing.explain.chosen for r in chosen.restates)]
    assert any("<script>" in item.text for item in explained)  # the hostile sentence is in it
    assert "<script>alert" not in render_briefing(briefing, "html")
    assert "<script>alert" not in render_briefing(briefing, "markdown")


def test_cli_explain(tmp_path, capsys):
    assert main([str(SEEDS), "--explain", "-f", "json"]) == 0
    assert "explain" in json.loads(capsys.readouterr().out)
    assert main(["--batch", str(tmp_path), "--explain"]) == 2
    assert "--explain" in capsys.readouterr().err
