from __future__ import annotations

import datetime as dt
import json

import pytest

from summarize import Document, render_briefing, summarize
from summarize.dates import article_date, format_date, parse_date, relative_dates

SUNDAY = dt.date(2023, 7, 9)
MONDAY = dt.date(2023, 7, 10)


@pytest.mark.parametrize(("value", "day"), [
    ("2023-07-09", SUNDAY),
    ("2023-07-09 08:30:27", SUNDAY),
    ("2023-07-09T23:10:00+02:00", SUNDAY),
    ("Sun, 09 Jul 2023 10:00:00 GMT", SUNDAY),
    ("06/05/1998", None),  # June or May: never guessed
    ("2023-02-30", None),
    ("last week", None),
    ("", None),
    (None, None),
])
def test_parse_date(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize(("text", "date", "day"), [
    # A wire copy filed the next day: its dateline says when it was written.
    ("WASHINGTON, November 5 (Xinhua) -- A committee today endorsed it.", "1997-11-06", dt.date(1997, 11, 5)),
    ("KUALA LUMPUR, Sept. 30 (AP) -- The minister spoke.", "1999-10-01", dt.date(1999, 9, 30)),
    ("MOSCOW, December 31 (Xinhua) -- Fireworks.", "1999-01-01", dt.date(1998, 12, 31)),
    # A dateline far from the document's date is something else; no date, no year to give it.
    ("PARIS, March 2 (AP) -- The talks resumed.", "1998-06-10", dt.date(1998, 6, 10)),
    ("PARIS, March 2 (AP) -- The talks resumed.", None, None),
    ("The talks resumed in Paris, March 2 was the day.", "1998-03-05", dt.date(1998, 3, 5)),
])
def test_article_date_prefers_a_nearby_dateline(text, date, day):
    assert article_date(text, date) == day


def test_format_date_names_the_month():
    assert format_date(SUNDAY) == "9 July 2023"


def _days(text: str, written: dt.date) -> list[tuple[str, str]]:
    return [(text[note.start : note.end], note.date) for note in relative_dates(text, written)]


@pytest.mark.parametrize(("text", "written", "expected"), [
    # A weekday in a report is the latest such day: the article's own day included.
    ("The ministers met on Sunday in Vilnius.", MONDAY, [("Sunday", "2023-07-09")]),
    ("The ministers met on Monday in Vilnius.", MONDAY, [("Monday", "2023-07-10")]),
    ("The ministers met on Tuesday in Vilnius.", MONDAY, [("Tuesday", "2023-07-04")]),
    # ... or the next one when the sentence says it is still to come.
    ("The leaders will meet on Tuesday in Vilnius.", MONDAY, [("Tuesday", "2023-07-11")]),
    ("The summit is scheduled to open on Monday.", MONDAY, [("Monday", "2023-07-17")]),
    ("Ahead of Wednesday's talks, Kyiv asked for a timetable.", MONDAY, [("Wednesday", "2023-07-12")]),
    ("The talks broke down last Monday, before the summit.", MONDAY, [("Monday", "2023-07-03")]),
    ("Ministers will report on last Sunday's vote.", MONDAY, [("Sunday", "2023-07-09")]),
    # An event named by its day is the nearest such day, before or after.
    ("Votes were bought before Sunday's presidential election.", dt.date(2000, 7, 1), [("Sunday", "2000-07-02")]),
    ("Monday's meeting ended without a statement.", dt.date(2023, 7, 11), [("Monday", "2023-07-10")]),
    # A future word far before the weekday, or after it, is about something else.
    ("He said on Sunday that the alliance will decide on membership at a later summit.", MONDAY,
     [("Sunday", "2023-07-09")]),
    ("Yesterday the talks ended; today they resume and tomorrow they end.", MONDAY,
     [("Yesterday", "2023-07-09"), ("today", "2023-07-10"), ("tomorrow", "2023-07-11")]),
    # Names are not dates.
    ("Shoppers crowded the stores on Black Friday and on Super Tuesday.", MONDAY, []),
    ("She left Saturday Night Live and wrote for the Sunday Times.", MONDAY, []),
    ("The office opens Monday-Friday and the story ran in USA Today last year.", MONDAY, []),
    ("Sundays are quiet in the capital.", MONDAY, []),
])
def test_relative_dates(text, written, expected):
    assert _days(text, written) == expected


def test_weekday_names_are_english_only():
    assert relative_dates("Der Gipfel begann am Montag.", MONDAY, "german") == ()
    assert relative_dates("The summit opened on Monday.", MONDAY, "german") == ()


# Three reports of one story written on three days: the latest comes first in the input and its
# sentence leads its article, so without dates it would open the briefing.
REPORTS = [
    Document(id="late", date="2023-07-12", text=(
        "Alliance leaders closed the Vilnius summit on Wednesday with a joint pledge of long-term "
        "weapons deliveries to Kyiv.\n\nFrench officials said fighter jet training for Ukrainian "
        "pilots would start in Romania by August.")),
    Document(id="early", date="2023-07-10", text=(
        "President Zelensky demanded on Sunday a clear timetable for joining the alliance.\n\n"
        "Lithuanian police closed the old town streets and deployed air defence batteries around "
        "the capital.")),
    Document(id="middle", date="Tue, 11 Jul 2023 18:00:00 GMT", text=(
        "Turkey dropped its veto on Swedish membership today after talks with the Swedish prime "
        "minister.\n\nThe German chancellor announced a new package of tanks and artillery "
        "shells worth seven hundred million euros.")),
]


def test_dated_documents_are_briefed_in_the_order_they_were_written():
    briefing = summarize(REPORTS, sentences=3)
    written = {document.id: parse_date(document.date) for document in REPORTS}
    days = [written[sentence.document] for sentence in briefing.sentences]
    assert len(set(days)) > 1 and days == sorted(days)


def test_undated_documents_keep_the_order_by_position():
    undated = [Document(id=document.id, text=document.text) for document in REPORTS]
    briefing = summarize(undated, sentences=3)
    assert all(sentence.dates == () for sentence in briefing.sentences)
    # One undated document among dated ones: the time order cannot be told, so none is imposed.
    mixed = summarize([*REPORTS[:2], undated[2]], sentences=3)
    order = summarize([Document(id=d.id, text=d.text) for d in mixed.documents], sentences=3)
    assert [s.text for s in mixed.sentences] == [s.text for s in order.sentences]


def _noted_briefing():
    briefing = summarize(REPORTS, sentences=6)
    noted = [sentence for sentence in briefing.sentences if sentence.dates]
    assert noted, [sentence.text for sentence in briefing.sentences]
    return briefing, noted


def test_relative_dates_are_noted_in_every_format_and_the_quote_stays_verbatim():
    briefing, noted = _noted_briefing()
    for sentence in noted:
        document = next(d for d in REPORTS if d.id == sentence.document)
        assert document.text[sentence.start : sentence.end] == sentence.text
        for note in sentence.dates:
            word = sentence.text[note.start : note.end]
            day = format_date(dt.date.fromisoformat(note.date))
            expected = {"markdown": rf"{word} \[{day}\]", "text": f"{word} [{day}]",
                        "html": f'{word} <span class="note">[{day}]</span>'}
            for format, marked in expected.items():
                assert marked in render_briefing(briefing, format=format), format
    data = json.loads(render_briefing(briefing, format="json"))
    by_text = {sentence["text"]: sentence for sentence in data["sentences"]}
    for sentence in noted:
        assert by_text[sentence.text]["dates"] == [note.to_dict() for note in sentence.dates]
    unnoted = [s for s in data["sentences"] if not any(s["text"] == n.text for n in noted)]
    assert all("dates" not in sentence for sentence in unnoted)


def test_a_noted_date_resolves_against_its_own_article():
    briefing, noted = _noted_briefing()
    for sentence in noted:
        document = next(d for d in REPORTS if d.id == sentence.document)
        written = article_date(document.text, document.date)
        assert sentence.dates == relative_dates(sentence.text, written)


def test_html_marks_the_note_apart_from_the_quote():
    briefing, _ = _noted_briefing()
    page = render_briefing(briefing, format="html")
    assert '<span class="note">[' in page
