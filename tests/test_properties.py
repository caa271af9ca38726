"""Property-based tests: arbitrary Unicode documents and budgets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import Document, SummarizeError, summarize

from .conftest import assert_verbatim

WORDS = st.sampled_from(["the", "council", "voted", "Kyiv", "NATO", "2023", "U.S.", "said", "rain", "“quote”",
                         "é", "\x00", "\t", "—", "<b>", "**", "Ünïcode", "фото", ".", "!", "?", "\n", "\n\n"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=4), sentences=st.integers(1, 8))
def test_any_documents_give_a_valid_briefing_or_a_documented_error(texts, sentences):
    documents = [Document(id=f"d{i}", text=text) for i, text in enumerate(texts)]
    try:
        briefing = summarize(documents, sentences=sentences)
    except SummarizeError:
        return
    assert len(briefing.sentences) <= sentences
    assert_verbatim(briefing)
    again = summarize(documents, sentences=sentences)
    assert again.to_json() == briefing.to_json() and again.to_html() == briefing.to_html()


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(st.lists(WORDS, min_size=5, max_size=80).map(" ".join), min_size=2, max_size=4),
       words=st.integers(1, 120))
def test_words_budget_is_respected(texts, words):
    try:
        briefing = summarize(texts, words=words)
    except SummarizeError:
        return
    counts = [len(s.text.split()) for s in briefing.sentences]
    # Only the last sentence chosen may run over; reading order may put it anywhere, and the
    # largest count bounds it.
    assert sum(counts) - max(counts, default=0) < words


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)))
def test_output_is_independent_of_the_order_files_are_created(tmp_path_factory, order):
    texts = [f"Report {i}: the council approved the budget on Monday after debate number {i}. "
             f"Member {i} said the vote on the plan for schools and roads was close." for i in range(5)]
    directory = tmp_path_factory.mktemp("set")
    for i in order:
        (directory / f"{i}.txt").write_text(texts[i], encoding="utf-8")
    from summarize import load_documents

    briefing = summarize(load_documents([directory]))
    reference = summarize([Document(id=str(i), text=texts[i]) for i in range(5)])
    assert [(s.text, s.document, s.sources) for s in briefing.sentences] == [
        (s.text, s.document, s.sources) for s in reference.sentences]
