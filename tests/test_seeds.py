"""End-to-end properties of the briefing of seeds/, the project's reference input."""

from __future__ import annotations

import re

import pytest

from summarize import load_documents, render_briefing, summarize

from .conftest import assert_verbatim

# Facts the seed articles state in several paraphrases, each group named by phrases that only
# its own paraphrases contain (checked against the articles by the first test below).
PARAPHRASES = {
    "declaration talks": [r"small group of Western allies are engaged", r"emergency discussions to conclude",
                          r"small group of Western allies is trying to finalize", r"urgently agreeing on a draft"],
    "the four powers and Kyiv": [r"deliberating this matter with Kyiv", r"discussed the issue with Kyiv",
                                 r"have been in contact with other NATO",
                                 r"the US, Britain, Germany and France want to conclude an agreement with Ukraine"],
    "umbrella": [r"security umbrella\" for countries", r"general framework for all nations",
                 r"create an “umbrella” for all countries"],
    "broader negotiations": [r"part of broader negotiations", r"part of a larger discussion"],
    # The promise to keep up the aid and the diplomat's "guarantee … that we will continue to
    # equip its armed forces, finance them" are one fact (issue 18), so one group.
    "continued assistance": [r"promises to continue providing", r"promise to continue to provide",
                             r"promises to continue most of the aid", r"manifest itself in promises",
                             r"guarantee for Ukraine that we will", r"guarantee to Ukraine that we will",
                             r"fundamental guarantee of Ukraine"],
    "bilateral details": [r"bilateral basis what the obligations", r"establish bilateral agreements with Ukraine regarding",
                          r"determine bilaterally with Ukraine what they", r"determine bilaterally with Ukraine “what"],
    "no firm promise": [r"will not receive the firm promise", r"unlikely to receive a firm promise",
                        r"won't receive the firm commitment", r"unlikely to get the firm promise"],
    "Biden and Sunak": [r"Biden will meet with UK Prime Minister", r"Biden will meet with British Prime Minister",
                        r"Biden is set to meet with UK Prime Minister"],
    "temporary commitments": [r"determine what temporary security commitments", r"intermediate security commitments",
                              r"working on temporary security commitments", r"what security commitments they can give"],
}
# The key facts by which issue 2 judges a briefing, each carried by one of the groups above.
# "How they will be settled" (bilaterally, "from air defense to tanks") is asserted at 6, 7 and 8
# lines (below).
KEY_FACTS = {
    "what the allies are preparing and when": {"declaration talks"},
    "who is negotiating it": {"the four powers and Kyiv"},
    "what Ukraine will and will not get": {"temporary commitments", "no firm promise"},
    "what the guarantees consist of": {"umbrella", "continued assistance"},
}
# A group that only frames the story: quoting it wastes a line.
FRAMING = {"broader negotiations"}
NOISE = [
    "Menu", "Photo:", "cookies", "Cookie Policy", "Outdated Browser", "Google Chrome", "Powered by",
    "No comments", "Header Ads", "Press play", "Expressed by artificial intelligence",
    "contributed reporting", "Similar articles", "latest news", "Last minute details",
]


@pytest.fixture(scope="module")
def briefing(seeds):
    return summarize(load_documents([seeds]))


@pytest.fixture(scope="module")
def documents(seeds):
    return load_documents([seeds])


def _group(text: str) -> str | None:
    for name, patterns in PARAPHRASES.items():
        if any(re.search(pattern, text) for pattern in patterns):
            return name
    return None


def test_each_paraphrase_phrase_is_in_the_seeds(documents):
    everything = "\n".join(document.text for document in documents)
    for patterns in PARAPHRASES.values():
        for pattern in patterns:
            assert re.search(pattern, everything), pattern


def test_briefing_is_short_and_verbatim(briefing):
    assert 3 <= len(briefing.sentences) <= 6
    assert sum(len(s.text.split()) for s in briefing.sentences) < 250
    assert_verbatim(briefing)


@pytest.mark.parametrize("lines", [None, 6, 7, 8])
def test_no_fact_is_stated_twice(briefing, documents, lines):
    """At the default length and at 6, 7 and 8 lines (issue 18): the diplomat's "In essence, this
    is a guarantee ... finance them" restates the promise to keep up the aid, and the two were
    quoted side by side at 7 and 8 lines until a restatement opener counted as leaning on the
    sentence before."""
    chosen = briefing if lines is None else summarize(documents, sentences=lines)
    groups = [_group(sentence.text) for sentence in chosen.sentences]
    named = [group for group in groups if group]
    assert len(named) == len(set(named)), groups
    assert len({s.text for s in chosen.sentences}) == len(chosen.sentences)


@pytest.mark.parametrize("lines", [None, 6, 7, 8])
def test_six_to_eight_lines_carry_how_the_guarantees_will_be_settled(briefing, documents, lines):
    """Each country settles its commitment bilaterally with Ukraine: four outlets report it (issue
    18). At six lines it came in once "In return, there will be a promise …" counted as leaning
    on the sentence before (in return for what?) and no longer held the line ahead of it."""
    chosen = briefing if lines is None else summarize(documents, sentences=lines)
    groups = {_group(sentence.text) for sentence in chosen.sentences}
    assert "bilateral details" in groups, groups


def test_sources_that_report_a_chosen_fact_are_cited(briefing, documents):
    """Every outlet whose article states a chosen fact is cited with it, loose machine
    translations included (they are caught through the paraphrases they share)."""
    checked = 0
    for sentence in briefing.sentences:
        group = _group(sentence.text)
        if group is None:
            continue
        reporting = {
            document.id for document in documents
            if any(re.search(pattern, document.text) for pattern in PARAPHRASES[group])
        }
        missing = reporting - set(sentence.sources)
        assert not missing, (group, missing)
        checked += 1
    assert checked >= 4


def test_every_key_fact_is_carried(briefing):
    groups = {_group(sentence.text) for sentence in briefing.sentences}
    missing = [fact for fact, carriers in KEY_FACTS.items() if not carriers & groups]
    assert not missing, missing


def test_no_line_only_frames_the_story(briefing):
    framing = [s.text for s in briefing.sentences if _group(s.text) in FRAMING]
    assert not framing, framing


def test_widely_reported_facts_come_before_single_source_ones(briefing):
    """Most of the briefing is facts that at least three of the five outlets report."""
    corroborated = [s for s in briefing.sentences if len(s.sources) >= 3]
    assert len(corroborated) >= len(briefing.sentences) - 1


def test_no_noise_in_any_format(briefing):
    for rendered in (render_briefing(briefing, "markdown"), render_briefing(briefing, "text"), briefing.to_json(), render_briefing(briefing, "html")):
        body = rendered.split("Sources")[0]
        for noise in NOISE:
            assert noise not in body, noise
        assert not re.search(r"[\u0400-\u04FF]", rendered)


def test_output_is_byte_identical_across_runs(seeds):
    first = summarize(load_documents([seeds]))
    second = summarize(load_documents([seeds]))
    for fmt in ("markdown", "html", "json", "text"):
        assert render_briefing(first, fmt) == render_briefing(second, fmt)
