from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.clean import (
    _NOTICE_HEAD,
    _NOTICE_RULES,
    content_blocks,
    detect_title,
    noise_reason,
    notice_reason,
    split_units,
)
from summarize.language import get_language

EN = get_language("english")


@pytest.mark.parametrize("line, reason", [
    ("Home", "fragment"),
    ("Sport  Business  Weather  Contact us", "heading"),
    ("Ministers meet again on Friday in Brussels", "heading"),
    ("Photo: The minister speaks to reporters in Rome on Tuesday. Source: Reuters", "caption"),
    ("Jane Doe contributed reporting.", "caption"),
    ("This website uses cookies to improve your experience and to analyse traffic.", "boilerplate"),
    ("Powered by WordPress.", "boilerplate"),
    ("3 Comments", "boilerplate"),
    ("Listen to this article", "boilerplate"),
    ("Voiced by artificial intelligence.", "boilerplate"),
    ("Your browser is outdated, please update your browser to view this page properly.", "boilerplate"),
    ("Subscribe to our newsletter for free updates every morning, straight to your inbox.", "boilerplate"),
    ("Мы используем современные технологии, чтобы сайт работал быстро.", "other script"),
    ("El gobierno anunció nuevas medidas económicas para las familias durante el invierno.", "other language"),
])
def test_noise_is_recognised_by_general_rules(line, reason):
    assert noise_reason(line, EN) == reason


@pytest.mark.parametrize("line", [
    "The minister said the talks would continue next week in Brussels.",
    "“We will not give up,” she said.",
    "Prices rose 3.2% in May, the statistics office said on Tuesday.",
])
def test_content_is_kept(line):
    assert noise_reason(line, EN) is None


def test_hard_wrapped_paragraph_is_one_unit_and_line_paragraphs_are_many():
    wrapped = ("The committee met on Monday to discuss the new rules for \n"
               "fishing in the northern waters, which have been disputed \n"
               "for many years by the two neighbouring countries.\n")
    assert len(split_units(wrapped)) == 1
    lines = "First paragraph ends here.\nSecond paragraph ends here.\nThird one too.\n"
    assert [u.text for u in split_units(lines)] == [
        "First paragraph ends here.", "Second paragraph ends here.", "Third one too."]


def test_repeated_lines_are_dropped_and_offsets_point_into_the_text():
    text = ("Share this story on every network you know today.\n\n"
            "The bridge reopened on Monday after two years of repairs, officials said.\n\n"
            "Share this story on every network you know today.\n")
    blocks = content_blocks(text, EN)
    assert [text[b.start:b.end] for b in blocks] == [
        "The bridge reopened on Monday after two years of repairs, officials said."]


def test_list_of_headlines_falls_back_to_relaxed_rules():
    text = "Storm hits coast\nMarkets fall again\nElection date set\n"
    assert [text[b.start:b.end] for b in content_blocks(text, EN)] == [
        "Storm hits coast", "Markets fall again", "Election date set"]


def test_title_detection():
    assert detect_title("Menu\n\nFloods Hit the North Again\n\nRain fell for days. " * 1, EN) == "Floods Hit the North Again"
    assert detect_title("a lowercase dateline 2023\n\n" + "Long opening sentence " * 10 + ".", EN) == ""


def test_headline_at_the_top_is_the_title_not_body_text():
    text = ("Header Ads\n\nCity Council Approves the New Budget.\n\n"
            "The city council approved the new budget on Monday after a debate that lasted all night.\n")
    assert [text[b.start:b.end] for b in content_blocks(text, EN)] == [
        "The city council approved the new budget on Monday after a debate that lasted all night."]
    assert detect_title(text, EN) == "City Council Approves the New Budget."


_NOTICE_WORDS = [
    "photo", "Photo:", "Source |", "Getty Images", "AP Photo", "reuters/", "contributed", "to",
    "this", "reporting", "Reporting by", "cookies", "We use", "policy", "Privacy Policy",
    "Terms of Use", "All rights reserved", "©", "Copyright", "Powered by", "No comments", "3",
    "Leave a reply", "Press play", "Listen to the story", "voiced by AI", "outdated browser",
    "Update your browser", "enable JavaScript", "Subscribe", "newsletter", "Share on Facebook",
    "Read more", "Related stories", "Advertisement", "the", "minister", "said", ".", "\n",
    "İstanbul", "ﬁle",
]


@given(st.lists(st.sampled_from(_NOTICE_WORDS), max_size=12), st.sampled_from([" ", "", "  "]))
def test_keyword_gate_never_hides_a_match(words, glue):
    # The cheap substring test in front of each rule must pass whenever the rule's regex matches.
    text = glue.join(words)[:_NOTICE_HEAD]
    for rule in _NOTICE_RULES:
        if rule.pattern.search(text):
            assert any(key in text.lower() for key in rule.keys), (rule.reason, rule.keys, text)
    ungated = next((rule.reason for rule in _NOTICE_RULES if rule.pattern.search(text)), None)
    assert notice_reason(text) == ungated
