from __future__ import annotations

import itertools
import json
import re

import pytest

from summarize import Document, OptionsError, group_stories, load_documents, summarize, summarize_stories
from summarize.stories import StoryGrouper, brief_stories, shared_paragraphs, story_slug

from .stories_data import CHESS, FLOOD, LONE, write_pile


def _documents(*groups: dict[str, str]) -> list[Document]:
    return [Document(id=name, text=text) for group in groups for name, text in group.items()]


def _ids(stories) -> list[set[str]]:
    return [{document.id for document in story} for story in stories]


def test_seeds_are_one_story(seeds):
    stories = group_stories(load_documents([seeds]))
    assert len(stories) == 1 and len(stories[0]) == 5


def test_two_small_stories_separate_and_a_lone_article_stands_alone():
    stories = group_stories(_documents(FLOOD, CHESS, LONE))
    assert sorted(map(sorted, _ids(stories))) == sorted([sorted(FLOOD), sorted(CHESS), sorted(LONE)])
    assert len(stories[-1]) == 1  # largest first


def test_file_order_does_not_change_the_stories_or_their_order():
    documents = _documents(FLOOD, CHESS, LONE)
    expected = _ids(group_stories(documents))
    for permutation in itertools.islice(itertools.permutations(documents), 0, 5040, 97):
        stories = group_stories(list(permutation))
        assert _ids(stories) == expected
        for story in stories:  # documents keep the order they were given in
            positions = [permutation.index(document) for document in story]
            assert positions == sorted(positions)


def test_summarize_stories_cites_only_each_storys_documents():
    briefings = summarize_stories(_documents(FLOOD, CHESS, LONE), sentences=2)
    stories = group_stories(_documents(FLOOD, CHESS, LONE))
    assert len(briefings) == len(stories)
    for briefing, story in zip(briefings, stories):
        assert {document.id for document in briefing.documents} == {document.id for document in story}
        cited = {source for sentence in briefing.sentences for source in sentence.sources}
        assert cited <= {document.id for document in story}


def test_summarize_stories_briefs_each_story_with_a_configured_summarizer():
    from summarize import Summarizer
    from summarize.select import Selector

    variant = Summarizer(selector=Selector(corroboration_weight=5.0))
    documents = _documents(FLOOD, CHESS, LONE)
    briefings = summarize_stories(documents, sentences=2, summarizer=variant, jobs=2)
    direct = [variant(list(story), sentences=2) for story in group_stories(documents)]
    assert [b.to_json() for b in briefings] == [b.to_json() for b in direct]
    assert [b.to_json() for b in summarize_stories(documents, sentences=2)] != [b.to_json() for b in direct]
    with pytest.raises(OptionsError):
        summarize_stories(documents, language="german", summarizer=variant)


def test_grouper_settings_are_checked():
    with pytest.raises(OptionsError):
        StoryGrouper(threshold=1.5)
    with pytest.raises(OptionsError):
        summarize_stories(_documents(FLOOD), language="klingon")


def test_attach_joins_a_loner_to_the_story_it_points_to_and_zero_turns_it_off():
    from summarize import Summarizer
    from summarize.stories import paragraph_terms

    documents = _documents(FLOOD, CHESS, LONE)
    summarizer = Summarizer()
    vectors = StoryGrouper().vectors(paragraph_terms(summarizer.clean(documents), summarizer.resources))
    similarity = (vectors @ vectors.T).toarray()
    closest = max(similarity[i, j] for i in range(len(documents)) for j in range(i))
    # Just below the closest pair: that pair is the only group, everyone else is alone.
    alone = group_stories(documents, grouper=StoryGrouper(threshold=closest - 0.001, attach=0.0))
    assert [len(story) for story in alone] == [2, 1, 1, 1, 1, 1]
    attached = group_stories(documents, grouper=StoryGrouper(threshold=closest - 0.001, attach=0.3))
    assert _ids(attached)[0] == set(FLOOD) or _ids(attached)[0] == set(CHESS)
    assert [len(story) for story in attached] == [3, 1, 1, 1, 1]  # the other story's loners stay apart


@pytest.mark.parametrize("title, slug", [
    ("Western allies race to finalize a declaration", "western-allies-race-to-finalize-a-declaration"),
    ("Zürich: “Café” owners’ €40 rule!", "zurich-cafe-owners-40-rule"),
    ("Союзники", "story"),
    ("a" * 80, "a" * 60),
])
def test_story_slug(title, slug):
    assert story_slug(title) == slug


# --- command line ---------------------------------------------------------------------------

def test_cli_stories_json_lines_cite_their_own_story(cli, tmp_path):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS, LONE)
    result = cli("--stories", pile, "-f", "json", "-n", "2")
    assert result.status == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [record["story"] for record in records] == [1, 2, 3]
    stems = [{document["id"] for document in record["documents"]} for record in records]
    assert sorted(map(sorted, stems)) == sorted(sorted(name[:-4] for name in group) for group in (FLOOD, CHESS, LONE))
    for record, ids in zip(records, stems):
        assert {source for sentence in record["sentences"] for source in sentence["sources"]} <= ids


@pytest.mark.parametrize("fmt, index", [("markdown", "index.md"), ("html", "index.html")])
def test_cli_stories_directory_has_an_index_whose_links_resolve(cli, tmp_path, fmt, index):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS, LONE)
    out = tmp_path / "out"
    result = cli("--stories", pile, "-o", out, "-f", fmt, "-n", "2")
    assert result.status == 0, result.err
    page = (out / index).read_text(encoding="utf-8")
    links = re.findall(r'\]\(([^)]+)\)', page) if fmt == "markdown" else re.findall(r'href="([^"]+)"', page)
    assert len(links) == 3
    for link in links:
        assert (out / link).is_file()
    assert sorted(p.name for p in out.iterdir()) == sorted([*links, index])
    assert re.match(r"0[123]-[a-z0-9-]+\.(md|html)$", links[0])
    assert "3 articles" in page and "1 article" in page


def test_cli_min_story_size_lists_small_stories_as_other_articles(cli, tmp_path):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS, LONE)
    out = tmp_path / "out"
    assert cli("--stories", pile, "-o", out, "--min-story-size", "2").status == 0
    index = (out / "index.md").read_text(encoding="utf-8")
    assert len(list(out.glob("0*.md"))) == 2
    other = index[index.index("## Other articles"):]
    assert "Porto" in other and "1 article" in other
    stdout = cli("--stories", pile, "--min-story-size", "2", "-f", "json")
    assert len(stdout.out.splitlines()) == 2


def test_cli_stories_jobs_give_identical_bytes(cli, tmp_path):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS, LONE)
    one = cli("--stories", pile, "-f", "json", "-j", "1")
    two = cli("--stories", pile, "-f", "json", "-j", "2")
    assert one.status == two.status == 0 and one.out == two.out


@pytest.mark.parametrize("argv, message", [
    (["--stories", "--batch", "sets.jsonl"], "does not go with --batch"),
    (["seeds", "--min-story-size", "2"], "--min-story-size goes with --stories"),
    (["--stories", "seeds", "--min-story-size", "0"], "at least 1"),
])
def test_cli_stories_usage_errors(cli, argv, message):
    result = cli(*argv)
    assert result.status == 2 and message in result.err and result.err.count("\n") == 1


def test_cli_stories_output_safety(cli, tmp_path):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS)
    before = {p.name: p.read_bytes() for p in pile.iterdir()}
    inside = cli("--stories", pile, "-o", pile / "out")
    assert inside.status == 2 and "refusing to write into the input directory" in inside.err
    a_file = tmp_path / "file.md"
    a_file.write_text("keep me")
    assert cli("--stories", pile, "-o", a_file).status == 2
    assert a_file.read_text() == "keep me"
    assert before == {p.name: p.read_bytes() for p in pile.iterdir()}


def test_plain_mode_warns_about_mixed_input_but_not_for_the_seeds(cli, tmp_path, seeds):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS, LONE)
    mixed = cli(pile, "-n", "2")
    assert mixed.status == 0
    warnings = [line for line in mixed.err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "3 unrelated stories" in warnings[0] and "--stories" in warnings[0]
    assert cli(pile, "-n", "2", "-q").err == ""
    assert cli(seeds, "-n", "2").err == ""
    assert "warning" not in cli("--stories", pile, "-n", "2").err


def test_cli_stories_html_on_stdout_is_one_page_whose_anchors_resolve(cli, tmp_path):
    pile = write_pile(tmp_path / "pile", FLOOD, CHESS, LONE)
    result = cli("--stories", pile, "-f", "html", "-n", "2")
    assert result.status == 0 and result.out.count("<!DOCTYPE html>") == 1
    targets = set(re.findall(r'href="#([^"]+)"', result.out))
    assert targets and targets <= set(re.findall(r'id="([^"]+)"', result.out))
    assert {target.split("-")[0] for target in targets} == {"s1", "s2", "s3"}


# A site's notice that carries none of the notice rules' wording, on pages of two stories.
NOTICE = "Readers can reach the newsroom at any hour of the day through the main switchboard and by letter."


def _with_notice() -> list[Document]:
    return [Document(id=name, text=text + "\n" + NOTICE + "\n" if name.startswith(("flood", "chess-wire")) else text)
            for name, text in {**FLOOD, **CHESS, **LONE}.items()]


def test_a_paragraph_on_pages_of_two_stories_is_boilerplate_and_never_quoted():
    documents = _with_notice()
    flood = [document for document in documents if document.id.startswith("flood")]
    # Alone, the flood story cannot tell: three pages state the notice, and it is quoted as a fact.
    assert any(NOTICE in sentence.text for sentence in summarize(flood, sentences=6).sentences)
    stories = group_stories(documents)
    assert shared_paragraphs(stories) == {NOTICE.lower()}
    for briefing in summarize_stories(documents, sentences=6):
        assert all(NOTICE not in sentence.text for sentence in briefing.sentences)


def test_a_story_left_out_of_the_briefings_still_marks_what_it_shares():
    stories = group_stories(_with_notice())
    flood = next(story for story in stories if story[0].id.startswith("flood"))
    alone = next(iter(brief_stories([flood], sentences=6)))
    assert any(NOTICE in sentence.text for sentence in alone.briefing.sentences)
    with_pile = next(iter(brief_stories([flood], sentences=6, pile=stories)))
    assert all(NOTICE not in sentence.text for sentence in with_pile.briefing.sentences)


def test_one_story_repeating_a_paragraph_keeps_it():
    # Two outlets printing one wire paragraph are two sources for it, not boilerplate.
    assert shared_paragraphs([_documents(FLOOD, {"flood-copy.txt": FLOOD["flood-wire.txt"]})]) == frozenset()


def test_cli_stories_leave_out_what_pages_of_two_stories_share(cli, tmp_path):
    # The notice is on the flood pages and on the lone article, whose story is not briefed.
    noted = {name: text + "\n" + NOTICE + "\n" for name, text in {**FLOOD, **LONE}.items()}
    pile = write_pile(tmp_path / "pile", noted, CHESS)
    result = cli("--stories", pile, "-f", "json", "-n", "6", "--min-story-size", "2")
    assert result.status == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    assert len(records) == 2 and all(NOTICE not in sentence["text"] for record in records
                                     for sentence in record["sentences"])
