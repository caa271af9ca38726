"""Property-based tests: arbitrary Unicode documents and budgets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize import Document, SummarizeError, render_briefing, summarize

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
    assert again.to_json() == briefing.to_json() and render_briefing(again, "html") == render_briefing(briefing, "html")


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


# The CLI, driven like a careless or hostile user: arbitrary bytes as files, arbitrary option
# values. It must answer 0, 1 or 2 (an exception would escape main() and fail the test), and
# change nothing but its -o target.
OPTION_VALUES = st.one_of(st.integers(-3, 12).map(str), st.sampled_from(["", "x", "1e3", "9" * 40, "-", " 2"]))
OPTIONS = st.lists(st.one_of(
    st.tuples(st.sampled_from(["-n", "--words", "--max-bytes", "-j", "--timeout", "--min-story-size"]),
              OPTION_VALUES),
    st.tuples(st.just("-f"), st.sampled_from(["markdown", "html", "json", "text", "pdf", ""])),
    st.tuples(st.just("--language"), st.sampled_from(["english", "french", "russian", "klingon", "", "ENGLISH"])),
    st.tuples(st.just("--encoding"), st.sampled_from(["cp1251", "utf-8", "nope"])),
    st.tuples(st.sampled_from(["--stories", "-q", "--follow-links"])),
), max_size=4)
FILES = st.lists(st.one_of(st.binary(max_size=300), st.lists(WORDS, max_size=60).map(lambda w: " ".join(w).encode())),
                 min_size=1, max_size=3)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=FILES, options=OPTIONS, to_file=st.booleans())
def test_the_cli_never_fails_badly_on_any_bytes_and_options(tmp_path_factory, files, options, to_file):
    from summarize.cli import main

    root = tmp_path_factory.mktemp("cli")
    inputs = root / "in"
    inputs.mkdir()
    for number, data in enumerate(files):
        (inputs / f"{number}.txt").write_bytes(data)
    before = {path: path.read_bytes() for path in inputs.iterdir()}
    argv = [str(inputs), *(part for option in options for part in option)]
    if to_file:
        argv += ["-o", str(root / ("out" if "--stories" in argv else "out.md"))]
    status = main(argv)
    assert status in (0, 1, 2)
    assert {path: path.read_bytes() for path in inputs.iterdir()} == before
    assert {path.name for path in root.iterdir()} <= {"in", "out", "out.md"}


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=30).map(" ".join),
                      st.text(alphabet=" \u00a0\u200b\ufeff\x85\x7fab\t\n", max_size=20)))
def test_whitespace_folding_fast_path_folds_exactly_as_the_pattern(text):
    from summarize.model import _SPACE_RUN, collapse_whitespace

    assert collapse_whitespace(text) == _SPACE_RUN.sub(" ", text).strip()


ASCII_TEXTS = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ASCII_TEXTS, st.lists(st.sampled_from(["U.S", "AT&T", "11-12", "Kyiv's", "a_b", "__", "x.",
                                                          "-", "&", "'", ".", "é", "’", "9a", "A1-b2"]),
                                            max_size=30).map("".join)))
def test_the_ascii_word_patterns_find_what_the_unicode_ones_find(text):
    """Words of ASCII text are found with explicit classes (twice as fast): the same words as
    the Unicode patterns, or terms and cleaning counts would change."""
    import summarize.language as language_module
    from summarize.cues import TOKEN, tokens
    from summarize.language import get_language

    assert tokens(text) == TOKEN.findall(text)
    english = get_language("english")
    assert english.words(text) == language_module._WORD.findall(text)
    assert list(english.iter_words(text)) == language_module._WORD.findall(text)
