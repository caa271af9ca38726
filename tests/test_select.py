from __future__ import annotations

import numpy as np
import pytest

from summarize import Document, OptionsError, Summarizer, summarize
from summarize.model import document_numbers
from summarize.select import Budget, Selector

FLOOD = [
    "Heavy rain flooded the northern valley on Monday, forcing thousands of residents to leave their homes.",
    "Officials said the river rose four metres overnight and the emergency services evacuated the valley.",
    "The regional government promised compensation to farmers whose harvest was destroyed by the water.",
]
FLOOD_PARAPHRASE = [
    "On Monday heavy rain flooded the northern valley and thousands of residents had to leave their homes.",
    "Schools in the capital will stay closed on Tuesday because of a strike by bus drivers over pay.",
    "The regional government promised compensation to farmers whose crops were destroyed by the water.",
]

# Framing that two sources paraphrase, sharing the story's words with every sentence.
FLOOD_FRAMING = [
    "The rescue is part of a broader effort by the regional government to protect valley residents "
    "and farmers from heavy rain and floods.",
    "The evacuation is part of a wider push by the regional government to shield residents and "
    "farmers of the valley from heavy rain.",
]


def test_budget_validation():
    with pytest.raises(OptionsError):
        Budget(sentences=0)
    with pytest.raises(OptionsError):
        Budget(words=-1)
    assert Budget(sentences=2).full(2, 0) and not Budget(words=50).full(5, 49)


def test_paraphrases_are_cited_together_not_repeated():
    briefing = summarize(["\n".join(FLOOD), "\n".join(FLOOD_PARAPHRASE)], sentences=6)
    texts = [s.text for s in briefing.sentences]
    assert len(texts) == 4  # two shared facts, one fact of each document
    flood = next(s for s in briefing.sentences if "flooded" in s.text)
    assert set(flood.sources) == {"doc-1", "doc-2"}
    strike = next(s for s in briefing.sentences if "strike" in s.text)
    assert strike.sources == ("doc-2",)


def test_words_budget_is_never_exceeded_unless_overrun_is_allowed():
    briefing = summarize(["\n".join(FLOOD)], words=20)
    counts = [len(s.text.split()) for s in briefing.sentences]
    assert counts and sum(counts) <= 20
    # The first sentence (16 words) fits; the next ones (15, 14) would run over, so none follows.
    assert len(briefing.sentences) == 1
    overrun = summarize(["\n".join(FLOOD)], words=20, allow_overrun=True)
    counts = [len(s.text.split()) for s in overrun.sentences]
    assert sum(counts[:-1]) < 20 <= sum(counts)


def test_a_sentence_that_would_run_over_is_passed_for_a_shorter_one():
    long_second = "Officials said the river in the northern valley rose four metres overnight on Monday " \
                  "and the emergency services evacuated thousands of residents from twelve flooded villages."
    short_third = "Farmers in the valley will get compensation for the flooded harvest."
    briefing = summarize(["\n".join([FLOOD[0], long_second, short_third])], words=30)
    texts = [s.text for s in briefing.sentences]
    assert texts == [FLOOD[0], short_third]  # 16 + 11 words; the 26-word second would make 42
    explained = summarize(["\n".join([FLOOD[0], long_second, short_third])], words=30, explain=True).explain
    assert [p.reason for p in explained.passed if p.text == long_second] == ["does not fit the word budget"]


def test_a_words_budget_shorter_than_every_sentence_is_a_clear_error():
    with pytest.raises(OptionsError, match=r"no sentence fits in 5 words \(the shortest has \d+\).*--allow-overrun"):
        summarize(["\n".join(FLOOD)], words=5)
    assert len(summarize(["\n".join(FLOOD)], words=5, allow_overrun=True).sentences) == 1


def test_reading_order_follows_article_position():
    briefing = summarize(["\n".join(FLOOD)], sentences=3)
    assert [s.text for s in briefing.sentences] == FLOOD


def test_framing_gives_way_to_a_fact():
    from summarize.pipeline import Summarizer
    from summarize.select import Selector

    documents = ["\n".join([*FLOOD, FLOOD_FRAMING[0]]), "\n".join([*FLOOD_PARAPHRASE, FLOOD_FRAMING[1]])]

    def second_line(framing_weight: float) -> str:
        briefing = Summarizer(selector=Selector(framing_weight=framing_weight))(documents, sentences=2)
        return briefing.sentences[1].text

    # Unweighted, the corroborated framing outranks the compensation fact; weighted, it does not.
    assert second_line(1.0) in FLOOD_FRAMING
    assert "compensation" in second_line(Selector().framing_weight)


@pytest.mark.parametrize("shared, witnesses, other_sources, chosen_sources, expected", [
    (2, 3, {0, 2}, {1, 0, 2, 3}, True),    # two of three paraphrases shared, no foreign source
    (3, 4, {0}, {0, 1}, True),
    (1, 1, {0, 2}, {1, 0, 2, 3}, False),   # one shared paraphrase is never enough
    (2, 3, {0, 4}, {1, 0, 2, 3}, False),   # source 4 backs it but not the chosen fact
    (2, 9, {0, 2}, {1, 0, 2, 3}, False),   # two of nine: most witnesses tell the two apart
])
def test_restates_needs_most_witnesses_shared_and_no_foreign_source(shared, witnesses, other_sources,
                                                                     chosen_sources, expected):
    from summarize.select import Selector

    kwargs = dict(shared_witnesses=shared, witnesses=witnesses, other_sources=other_sources,
                  chosen_sources=chosen_sources)
    assert Selector().restates(**kwargs) is expected
    assert Selector(shared_witnesses=0).restates(**kwargs) is False


def test_a_sentence_that_announces_what_follows_with_a_colon_is_not_quoted():
    teaser = "The picture of the flooded valley is getting a ton of reaction online from residents:"
    documents = ["\n".join([teaser, *FLOOD]), "\n".join([teaser, *FLOOD_PARAPHRASE])]
    briefing = summarize(documents, sentences=6)
    assert briefing.sentences and all(not s.text.endswith(":") for s in briefing.sentences)
    # Without the rule it would lead: it opens both documents and shares their words.
    from summarize.pipeline import Summarizer
    from summarize.select import Selector

    class Permissive(Selector):
        def eligible(self, sentences, representation):
            lengths = representation.word_counts
            return (lengths >= self.min_words) & (lengths <= self.max_words)

    loose = Summarizer(selector=Permissive())(documents, sentences=6)
    assert any(s.text == teaser for s in loose.sentences)


@pytest.mark.parametrize("notice", [
    "You can add location information to your Tweets, such as your city or precise location.",
    "Image copyright Getty Images Image caption Residents were taken to safety by boat.",
])
def test_a_site_notice_inside_a_paragraph_is_never_quoted_or_counted(notice):
    # Past the first 300 characters a paragraph is not searched for notices by cleaning, so the
    # selector checks each sentence it reaches. Both documents carry the notice, word for word:
    # without the check it would be quoted and cited to both, as a confirmed fact.
    def documents(tail: str) -> list[str]:
        return [" ".join([*FLOOD, FLOOD[0], tail]), " ".join([*FLOOD_PARAPHRASE, FLOOD_PARAPHRASE[0], tail])]

    assert len(" ".join([*FLOOD, FLOOD[0]])) > 300
    briefing = summarize(documents(notice), sentences=8)
    assert briefing.sentences and notice not in [s.text for s in briefing.sentences]
    plain = "Residents of the valley were taken to safety by boat, officials said on Monday."
    assert plain in [s.text for s in summarize(documents(plain), sentences=8).sentences]


def test_a_quotation_nobody_says_is_not_quoted():
    quote = "“We will rebuild every house in the northern valley before the winter comes.”"
    documents = ["\n".join([FLOOD[0], quote, *FLOOD[1:]]), "\n".join([FLOOD_PARAPHRASE[0], quote, *FLOOD_PARAPHRASE[1:]])]
    assert quote not in [s.text for s in summarize(documents, sentences=6).sentences]
    attributed = quote.replace("comes.”", "comes,” the governor said.")
    documents = [document.replace(quote, attributed) for document in documents]
    assert attributed in [s.text for s in summarize(documents, sentences=6).sentences]


@pytest.mark.parametrize("half", [
    "School is about as safe a place as you can put your kids in the valley this winter.''",
    "``Gardeners usually have to experiment to find the best crops for their soil in the valley.",
    "“We will rebuild every house in the northern valley before the winter comes, and then",
])
def test_the_head_or_tail_of_a_quotation_that_runs_on_is_not_quoted(half):
    documents = ["\n".join([FLOOD[0], half, *FLOOD[1:]]), "\n".join([FLOOD_PARAPHRASE[0], half, *FLOOD_PARAPHRASE[1:]])]
    assert half not in [s.text for s in summarize(documents, sentences=6).sentences]
    whole = "``We will rebuild every house in the northern valley before the winter,'' the governor said."
    documents = ["\n".join([FLOOD[0], whole, *FLOOD[1:]]), "\n".join([FLOOD_PARAPHRASE[0], whole, *FLOOD_PARAPHRASE[1:]])]
    assert whole in [s.text for s in summarize(documents, sentences=6).sentences]


PRONOUN = "She said the old bridge to the northern valley would stay closed for repairs until the end of the month."
NAMED = "Mayor Anna Berg said the emergency services worked through the night in the valley."


def test_a_sentence_opening_on_a_pronoun_no_one_is_named_for_is_not_quoted():
    documents = ["\n".join([FLOOD[0], PRONOUN, *FLOOD[1:]]), "\n".join([FLOOD_PARAPHRASE[0], PRONOUN, *FLOOD_PARAPHRASE[1:]])]
    briefing = summarize(documents, sentences=6)
    assert PRONOUN not in [s.text for s in briefing.sentences]
    # Named just before, in both articles: the same sentence is quoted, with who "She" is.
    documents = [d.replace(PRONOUN, f"{NAMED}\n{PRONOUN}") for d in documents]
    quoted = {s.text: s for s in summarize(documents, sentences=6).sentences}
    assert PRONOUN in quoted, list(quoted)
    assert [(PRONOUN[n.start : n.end], n.name) for n in quoted[PRONOUN].names] == [("She", "Anna Berg")]


def test_copies_of_one_article_are_one_source_to_corroboration():
    """An updated wire story or a reprint keeps every fact of its original: it is cited with
    them, but does not count as a second source confirming them."""
    update = "\n".join([*FLOOD, "Rescue teams reached the last cut-off village of the valley late on Monday night."])
    briefing = summarize(["\n".join(FLOOD), update, "\n".join(FLOOD_PARAPHRASE)], sentences=6, explain=True)
    assert briefing.explain is not None
    chosen = {line.text: line for line in briefing.explain.chosen}
    river = next(line for text, line in chosen.items() if "river rose" in text)
    assert river.sources == 2 and river.boost == 1.0  # the story and its update: one source
    flood = next(line for text, line in chosen.items() if "flooded the northern valley" in text)
    assert flood.sources == 3 and flood.boost == pytest.approx(1.0 + Selector().corroboration_weight)


def test_independent_sources_joins_copies_and_nothing_else():
    summarizer = Summarizer()
    reprint = "\n".join(FLOOD[:2])  # the shorter one: all of its sentences stand in the original
    borrowing = "\n".join([*FLOOD_PARAPHRASE[:2], FLOOD[2]])  # one sentence of three word for word
    documents = [Document(id=name, text=text) for name, text in
                 (("original", "\n".join(FLOOD)), ("borrowing", borrowing), ("reprint", reprint))]
    sentences = summarizer.split(summarizer.clean(documents))
    representation = summarizer.represent(sentences)
    doc_of = np.array(document_numbers(sentences))
    # A third of the borrowing article stands in the original: not a copy at 0.5, one at 0.3.
    assert Selector().independent_sources(sentences, representation, doc_of).tolist() == [0, 1, 0]
    assert Selector(copy_share=0.3).independent_sources(sentences, representation, doc_of).tolist() == [0, 0, 0]
    assert Selector(copy_share=1.01).independent_sources(sentences, representation, doc_of).tolist() == [0, 1, 2]


def test_copies_of_copies_are_one_source_named_by_the_first_document():
    lines = [f"The {place} reported {n + 3} metres of water in its streets and {n + 2} closed roads on Monday."
             for n, place in enumerate(["mayor of Arlen", "hospital of Brisk", "school in Corm", "police of Dunn",
                                        "bakery in Evle", "museum of Fenn", "station at Gorr", "port of Hale"])]
    # Each shares half its sentences with the next and none with the one after: one chain.
    chain = [lines[4:8], lines[2:6], lines[0:4], FLOOD_PARAPHRASE]
    texts = ["\n".join(body) for body in chain]
    summarizer = Summarizer()
    sentences = summarizer.split(summarizer.clean([Document(id=f"d{k}", text=t) for k, t in enumerate(texts)]))
    doc_of = np.array(document_numbers(sentences))
    found = Selector().independent_sources(sentences, summarizer.represent(sentences), doc_of)
    assert found.tolist() == [0, 0, 0, 3]
