from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.clean import (
    _NOTICE_HEAD,
    _NOTICE_RULES,
    caption_prefix,
    content_blocks,
    detect_title,
    language_mismatch,
    noise_reason,
    notice_reason,
    split_units,
)
from summarize.language import get_language

from .test_languages import TEXTS

EN = get_language("english")


NOISE_BY_GENERAL_RULES = [
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
]


@pytest.mark.parametrize("line", [
    "The minister said the talks would continue next week in Brussels.",
    "“We will not give up,” she said.",
    "Prices rose 3.2% in May, the statistics office said on Tuesday.",
])
def test_content_is_kept(line):
    assert noise_reason(line, EN) is None


@pytest.mark.parametrize(("paragraph", "reason"), [
    # The word scan stops once it has seen enough words and a stop word; these pin its edges.
    ("El gobierno anunció nuevas medidas económicas para las familias durante el invierno "
     "pasado mientras presente con ayudas directas para los hogares más pobres del país entero the", None),
    ("El gobierno anunció nuevas medidas económicas para las familias durante el invierno "
     "pasado mientras presente con ayudas directas para los hogares más pobres del país entero", "other language"),
    ("Gobierno anunció medidas nuevas económicas familias invierno.", None),  # 7 words: too short to judge
    ("Gobierno anunció medidas nuevas económicas familias invierno pasado.", "other language"),  # 8
    ("Ministers met again on Friday in Brussels and agreed on the steps", "heading"),  # 12 words
    ("Ministers met again on Friday in Brussels and agreed on the first steps", None),  # 13
])
def test_word_limits_and_the_stop_word_test_read_the_whole_paragraph(paragraph, reason):
    assert noise_reason(paragraph, EN) == reason


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
    "İstanbul", "ﬁle", "FILE -", "In this", "file photo", "Image copyright", "Image caption",
    "Tweets", "location information to your", "pic.twitter.com/x", "View this post on Instagram",
    "Slash pages from every domain", "Wayback Machine", "(all times local)", "|", "Senate", "House",
    "(For use by", "New York Times News Service", "clients)", "&QL;", "(END OPTIONAL TRIM)",
    "XXXX END OF STORY", "(Story will move in the", "Distributed by", "Special Features)",
    "To purchase this material", "NONSUBSCRIBERS:",
]


def test_every_notice_key_can_be_absent():
    # An empty key is in every paragraph: its rule's regex would run on all of them (the
    # navigation rule's "|" once split into two empty keys).
    assert all(key for rule in _NOTICE_RULES for key in rule.keys)


@given(st.lists(st.sampled_from(_NOTICE_WORDS), max_size=12), st.sampled_from([" ", "", "  "]))
def test_keyword_gate_never_hides_a_match(words, glue):
    # The cheap substring test in front of each rule must pass whenever the rule's regex matches.
    text = glue.join(words)[:_NOTICE_HEAD]
    for rule in _NOTICE_RULES:
        if rule.pattern.search(text):
            assert any(key in text.lower() for key in rule.keys), (rule.reason, rule.keys, text)
    ungated = next((rule.reason for rule in _NOTICE_RULES if rule.pattern.search(text)), None)
    assert notice_reason(text) == ungated


# Web-copy notices that open or fill a paragraph (issue 20), each beside a sentence of news that
# shares its words and must stay.
WEB_COPY_NOTICES = [
    ("Image copyright Getty Images Image caption Mr Johnson was speaking in Downing Street", "caption"),
    ("Media caption The moment the bridge collapsed, filmed by a passer-by", "caption"),
    ("FILE - In this Jan. 5, 2017, file photo, President Barack Obama speaks in Chicago.", "caption"),
    ("You can add location information to your Tweets, such as your city or precise location.",
     "boilerplate"),
    ("You always have the option to delete your Tweet location history. Learn more", "boilerplate"),
    ("Not a good look for the senator pic.twitter.com/AbC123xYz — Jane Roe (@janeroe) July 9, 2023",
     "boilerplate"),
    ("View this post on Instagram A post shared by The Band (@theband) on Jul 9, 2023 at 5:12pm PDT",
     "boilerplate"),
    ("- Slash pages from every domain on the web: a list of all pages we could find on each domain.",
     "boilerplate"),
    ("These crawls are part of an effort to archive pages as they are created and archive the pages "
     "that they refer to.", "boilerplate"),
    ("Marcos' return: The latest (all times local):", "boilerplate"),
    ("Archives: Senate | House | Administration | Courts | Elections | Campaign finance | Lobbying",
     "navigation"),
    # A news wire's notes to its editors (every match over DUC 2004 dev and DUC 2006-07 read: 261).
    ("&UR; (For use by New York Times News Service clients) &QL; &LR;", "boilerplate"),
    ("For Use By Clients of the New York Times News Service", "boilerplate"),
    ("(Distributed by New York Times Special Features)", "boilerplate"),
    ("(Story can end here. Optional add follows.)", "boilerplate"),
    ("(END OPTIONAL TRIM.)", "boilerplate"),
    ("&QL; XXXX END OF STORY &QL;", "boilerplate"),
    ("By Laura Vecsey. (Story will move in the ``s'' category.)", "boilerplate"),
    ("&UR; NEW AMERICA NEWS SERVICE &QC; &UR; (Distributed by New York Times Special Features) &QC; "
     "&UR; To purchase this material contact the sales executive.", "boilerplate"),
    ("&UR; NONSUBSCRIBERS: To publish a ``separate-buy'' feature article, it must be purchased.", "boilerplate"),
]


@pytest.mark.parametrize("line, reason", NOISE_BY_GENERAL_RULES + WEB_COPY_NOTICES)
def test_noise_is_recognised_by_general_rules(line, reason):
    assert noise_reason(line, EN) == reason


@pytest.mark.parametrize("line", [
    "The file photo, taken in 2017, shows the president speaking in Chicago to supporters.",
    "In this file, the court set out why the photo could not be used as evidence at the trial.",
    "The senator posted a photo on Twitter and deleted it an hour later, her office said.",
    "Archive staff said the crawl of government websites would be finished before the inauguration.",
    "The vote was 52-48, with all times for debate used up by Tuesday evening, aides said.",
    "The images, which Getty Images licensed to several newspapers, showed the flooded town.",
    "Distributed by the Red Cross, the food reached the valley before the second storm on Monday.",
    "The drug is for use by patients whose pain the older medicines could not relieve, the agency said.",
    # A body sentence after a wire note in one paragraph keeps the paragraph.
    "(BEGIN OPTIONAL TRIM) Asked his favorite way to eat strawberries, the grower has a quick answer.",
    "The paper ended its story with the words of the mayor, who said the town would rebuild.",
])
def test_news_that_shares_their_words_is_kept(line):
    assert noise_reason(line, EN) is None


@pytest.mark.parametrize("line, body", [
    ("Barry Brecheisen/Getty Images There is no question that the plan will be revised, he said.",
     "There is no question that the plan will be revised, he said."),
    ("AP Photo/Evan Vucci President Trump spoke to reporters at the White House on Monday.",
     "President Trump spoke to reporters at the White House on Monday."),
    ("Photo: Win McNamee/Getty Images The Senate voted 52 to 48 on Friday to confirm the judge.",
     "The Senate voted 52 to 48 on Friday to confirm the judge."),
    ("(Photo: Jack Gruber, USA TODAY) Story Highlights The president said the talks would go on.",
     "The president said the talks would go on."),
    ("FILE - In this 2017 file photo, the president speaks. (AP Photo/Evan Vucci) The White House "
     "said on Monday that it would respond.", "The White House said on Monday that it would respond."),
    ("Tweet View Comments The mayor resigned on Monday after weeks of pressure from the council.",
     "The mayor resigned on Monday after weeks of pressure from the council."),
])
def test_a_credit_that_opens_a_paragraph_goes_and_the_body_stays(line, body):
    text = f"{line}\n\nThe council will meet again next week to choose a successor, officials said.\n"
    blocks = content_blocks(text, EN)
    assert text[blocks[0].start:blocks[0].end] == body
    assert caption_prefix(line) == len(line) - len(body)


@pytest.mark.parametrize("line", [
    "Reuters reported on Monday that the talks had failed after two days.",
    "AP and Reuters both reported the vote, which came late on Friday night.",
    "In this case, the court (which met on Monday) Said nothing about the photo.",
    "Barry Brecheisen/Getty Images",
])
def test_text_that_only_looks_like_a_credit_is_not_cut(line):
    assert caption_prefix(line) == 0


def test_an_article_whose_every_paragraph_opens_with_a_credit_keeps_its_text():
    # Issue 20: such an article lost every paragraph to the caption rule, and a set of two
    # articles failed with "no sentences found".
    paragraphs = [
        "Barry Brecheisen/Getty Images There is no question the storm was the worst in decades.",
        "Scott Olson/Getty Images Crews worked through the night to restore power to the city.",
        "Scott Olson/Getty Images About 40,000 homes were still without power on Sunday morning.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    kept = [text[b.start:b.end] for b in content_blocks(text, EN)]
    assert kept == [paragraph.split("Images ", 1)[1] for paragraph in paragraphs]
    from summarize import summarize

    other = text.replace("Barry Brecheisen", "Kena Betancur").replace("Scott Olson", "Joe Raedle")
    assert [s.text for s in summarize([text, other], sentences=2).sentences][0] in kept


# Each sample three times over: the check counts stop words only from 40 words on.
@pytest.mark.parametrize("language", sorted(set(TEXTS) - {"english"}))
def test_text_in_another_language_is_told_from_english_and_not_from_itself(language):
    sentences = [TEXTS[language]] * 3
    reason = language_mismatch(sentences, EN)
    assert reason is not None and "--language" in reason
    assert language_mismatch(sentences, get_language(language)) is None


def test_another_script_names_the_languages_written_in_it():
    reason = language_mismatch([TEXTS["russian"]] * 3, EN)
    assert "Cyrillic" in reason and "--language russian or ukrainian" in reason


def test_english_news_and_an_english_list_of_names_read_as_english():
    """A list of awards has few stop words of any language (16 % here), but more English ones
    than any other language's: it is English, not a foreign text."""
    winners = ["Winners of the Golden Globe Awards, presented Sunday night:",
               "PICTURE, DRAMA: Saving Private Ryan.", "ACTRESS, DRAMA: Cate Blanchett, Elizabeth.",
               "ACTOR, DRAMA: Jim Carrey, The Truman Show.", "PICTURE, MUSICAL OR COMEDY: Shakespeare In Love.",
               "ACTRESS, MUSICAL OR COMEDY: Gwyneth Paltrow, Shakespeare In Love.",
               "ACTOR, MUSICAL OR COMEDY: Michael Caine, Little Voice.",
               "DIRECTOR: Steven Spielberg, Saving Private Ryan.",
               "SCREENPLAY: Marc Norman and Tom Stoppard, Shakespeare In Love.",
               "FOREIGN LANGUAGE FILM: Central Station, Brazil."]
    assert language_mismatch(winners, EN) is None
    assert language_mismatch([TEXTS["english"]] * 3, EN) is None


def test_too_little_text_to_judge_says_nothing():
    assert language_mismatch(["Le gouvernement a annoncé de nouvelles mesures."], EN) is None
