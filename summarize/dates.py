"""Time: the dates documents carry, and the relative dates their sentences use.

A briefing quotes sentences from articles written on different days. "On Sunday" in a Monday
article and "on Sunday" in a Thursday one are different days, and a reader of the briefing sees
neither article's date. So when a document carries its date (web-page metadata, a feed entry,
``sources.json``, a batch's ``date`` key), the briefing

* reads in the order things were reported: sentences of earlier articles first (within one day,
  the usual order by position in the article), and
* notes, beside a relative date in a quoted sentence, the day it means: "Sunday [9 July 2023]".
  The quotation stays verbatim; the note is the renderer's, kept apart from the text in
  :class:`~summarize.model.DateNote` (offsets into the sentence).

Relative dates are resolved the way news writes them: a weekday is the latest such day on or
before the article's date, or the next one when the sentence speaks of what will happen ("will
meet on Tuesday"), or the nearest one for an event named by its day ("Sunday's election"), or the
one before the article's own day after "last"; "yesterday", "today" and "tomorrow" are the day
before, of, and after.
Weekday names are English only: other languages get the reading order but no notes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Sequence

from .model import DateNote, Document

__all__ = ["MONTHS", "WEEKDAYS", "article_date", "format_date", "parse_date", "relative_dates", "written_dates"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_RELATIVE = re.compile(r"\b(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|([Yy]esterday|[Tt]oday|"
                       r"[Tt]omorrow))\b")
_DAY_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1}
# Words that put a weekday ahead of the article's date ("will meet on Tuesday"), looked for only
# shortly before it, so that "said on Monday it will ..." stays in the past.
_FUTURE = re.compile(r"\b(?:will|won't|shall|is to|are to|plans? to|planned for|scheduled|expected to|"
                     r"due to|set to|next|upcoming|ahead of)\b", re.IGNORECASE)
# "Sunday's election" names an event, not when it was said: in a Saturday article it is tomorrow's,
# in a Monday one yesterday's (a week-old one would be "last Sunday's").
_LAST = re.compile(r"\b[Ll]ast\s+$")
_POSSESSIVE = re.compile(r"^['\u2019]s\b")
FUTURE_REACH = 60
"""How many characters before a weekday a future cue may stand: a clause ("will travel to
Vilnius for the summit on Tuesday" is 50)."""
# A weekday that is part of a name is no date: "Good Friday", "Super Tuesday", "Saturday Night
# Live", "the Sunday Times", "Monday-Friday"; so is a capitalised "Today" inside a sentence ("USA
# Today"). Read over every weekday in DUC 2006-07: a capitalised word right after is a name about
# half the time, so those are left unnoted rather than guessed.
_NAME_BEFORE = re.compile(r"\b(?:Good|Black|Cyber|Super|Ash|Easter|Palm|Holy|Maundy|Bloody|Fat|Shrove|Whit|"
                          r"Low|Trinity|Blue|Manic)\s+$|[-\u2013]$")
_NAME_AFTER = re.compile(r"^(?:\s+[A-Z]|-|\u2013|'s\s+[A-Z])")
# A wire dateline: "WASHINGTON, November 5 (Xinhua) --", "KUALA LUMPUR, March 27 (Xinhua)".
_DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40}, (" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?) "
                       r"(\d{1,2})(?:, \d{4})? ?(?:\(|--|\u2014|\u2013|_)")
DATELINE_REACH = 3
"""How many days a dateline may lie from the document's date and still be taken as the day it was
written: a wire copy filed after midnight, or in another time zone, carries the next day's date."""
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> dt.date | None:
    """The calendar day of a document's ``date``: ISO 8601 (``2023-07-09``, with or without a
    time) or an e-mail/RSS date (``Sun, 09 Jul 2023 10:00:00 GMT``); ``None`` for anything else,
    never a guess (``06/05/1998`` may be June or May)."""
    if not value:
        return None
    iso = _ISO_DAY.match(value)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed is not None else None


def article_date(text: str, date: str | None) -> dt.date | None:
    """The day an article was written: its dateline's day ("WASHINGTON, November 5 (Xinhua) --")
    where that lies within :data:`DATELINE_REACH` days of the document's ``date``, else the
    ``date``; ``None`` when the document is undated (a dateline gives no year)."""
    day = parse_date(date)
    if day is None:
        return None
    # The opening lines only: text.lstrip() would copy the whole article.
    line = _DATELINE.match(text[:320].lstrip()[:120])
    if line is None:
        return day
    month = next(number for number, name in enumerate(MONTHS, start=1) if name.startswith(line.group(1)[:3]))
    for year in (day.year, day.year - 1, day.year + 1):  # a dateline of 31 December on 1 January
        try:
            candidate = dt.date(year, month, int(line.group(2)))
        except ValueError:
            continue
        if abs((candidate - day).days) <= DATELINE_REACH:
            return candidate
    return day


def written_dates(documents: Sequence[Document]) -> dict[str, dt.date]:
    """Document id → the day it was written (:func:`article_date`), for the dated documents."""
    return {document.id: day for document in documents if (day := article_date(document.text, document.date))}


def format_date(day: dt.date) -> str:
    """``9 July 2023``: day, month name, year, as no reader misreads it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def relative_dates(text: str, written: dt.date, language: str = "english") -> tuple[DateNote, ...]:
    """The relative dates in ``text`` (a sentence of an article written on ``written``), each
    with the day it means, as offsets into ``text``."""
    if language != "english":
        return ()
    notes = []
    for match in _RELATIVE.finditer(text):
        weekday, word = match.group(1), match.group(2)
        before, after = text[: match.start()], text[match.end() :]
        if _NAME_BEFORE.search(before) or _NAME_AFTER.match(after) or (word == "Today" and before.strip()):
            continue
        if weekday is not None and _LAST.search(before):  # strictly before the article's day
            day = written - dt.timedelta(days=(written.weekday() - WEEKDAYS.index(weekday)) % 7 or 7)
        elif weekday is not None and _FUTURE.search(before[-FUTURE_REACH:]):  # the next such day
            day = written + dt.timedelta(days=(WEEKDAYS.index(weekday) - written.weekday()) % 7 or 7)
        elif weekday is not None and _POSSESSIVE.match(after):  # the nearest such day
            day = written + dt.timedelta(days=(WEEKDAYS.index(weekday) - written.weekday() + 3) % 7 - 3)
        elif weekday is not None:  # the latest such day, the article's own included
            day = written - dt.timedelta(days=(written.weekday() - WEEKDAYS.index(weekday)) % 7)
        else:
            day = written + dt.timedelta(days=_DAY_WORDS[word.lower()])
        notes.append(DateNote(start=match.start(), end=match.end(), date=day.isoformat()))
    return tuple(notes)
