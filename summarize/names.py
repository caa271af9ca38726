"""Names: who a surname in a quoted sentence is, when the briefing has not said.

News names a person in full once ("Linda Holloway, the board's chair") and by surname after. A
briefing quotes sentences out of their articles, so its first mention of a person may be the
surname alone: "the state board of education, lead by Holloway, approved ...". When the documents
name that person in full, the briefing notes it beside the quote, as it notes dates:
"Holloway [Linda Holloway]". The quotation stays verbatim; the note is kept apart
(:class:`~summarize.model.NameNote`).

A capitalised word is taken for a person's surname only on evidence in the documents, all of it
read around the word's own occurrences, found by plain string search:

* the documents write it after one first name, most times (four in five) the same one, at least
  twice: "Linda Holloway" (a first name is capitalised, never written in lower case in the
  documents, and not a title or a stop word);
* they treat it as a person at least once: "Ms. Holloway", "Holloway said", "said Linda
  Holloway";
* they never treat it as a place: "in Africa", "from Miami".

Over the 95 DUC 2006-07 sets at ``--words 100`` (385 sentences, 2026-11-30) that finds eight
first mentions, all of them right (the README lists them); without the last two tests it also
named "Saharan Africa" and "Elian's Miami". English only: the cues are English words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from .dates import MONTHS, WEEKDAYS
from .model import NameNote

__all__ = ["surname_notes"]

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "Col", "Lt", "Sgt", "Rev", "Judge", "Justice",
           "President", "Premier", "Minister", "Governor", "Senator", "Mayor", "Chancellor", "Secretary",
           "Chairman", "Chairwoman", "Chief", "Prince", "Princess", "King", "Queen", "Pope", "Coach", "Professor",
           "Detective", "Sheriff", "Officer")
_TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(_TITLES) + r")\.?\s+$")
_SAYS = r"(?:said|says|told|added|asked|wrote|testified|declared|insisted|argued)"
_SAYS_BEFORE = re.compile(rf"\b{_SAYS}\s+$")
_SAYS_AFTER = re.compile(rf"^,?\s+{_SAYS}\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|across|throughout|near|at)\s+(?:the\s+)?$")
# One first name, maybe a middle initial, right before the surname: "Linda Holloway", "George W. Bush".
_FIRST_NAME = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?$")
_CALENDAR = frozenset(WEEKDAYS + MONTHS)
_MIN_FULL = 2
_FULL_SHARE = 0.8
_REACH = 40  # characters before or after an occurrence that the cues are read in


def surname_notes(sentences: Sequence[str], text: str, stop_words: frozenset[str] | set[str]) -> list[tuple[NameNote, ...]]:
    """For each of ``sentences`` (the briefing's, in reading order), the surnames it mentions first
    and alone, each with the full name the documents (``text``, all of them) give it."""
    lower = _LowerCase(text)
    said: set[str] = set()
    notes: list[tuple[NameNote, ...]] = []
    for sentence in sentences:
        found: list[NameNote] = []
        for match in _CAPITALISED.finditer(sentence):
            word = match.group()
            if word in said:
                continue
            said.add(word)
            before = sentence[: match.start()]
            if _capitalised_before(before):  # part of a longer name here, "Linda Holloway"
                continue
            name = _full_name(word, text, lower, stop_words)
            if name is not None:
                end = match.end() + (2 if sentence[match.end() : match.end() + 2] in ("'s", "’s") else 0)
                found.append(NameNote(start=match.start(), end=end, name=name))
        notes.append(tuple(found))
    return notes


def _capitalised_before(before: str) -> bool:
    words = before.rstrip().rsplit(None, 1)
    return bool(words) and before[-1:].isspace() and words[-1][:1].isupper() and not _TITLE_BEFORE.search(before)


class _LowerCase:
    """Whether the documents write a word in lower case ("hill", "company"): then it is a common
    word, capitalised only where a sentence starts with it. One search per word asked, each for
    the word's letters (fast); a set of every lower-case word would cost 15 ms on 2,000 sentences."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = next(_occurrences(self._text, word), None) is not None
        return self._known[word]


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` as a whole word. str.find, not a pattern: a pattern that
    starts with a word boundary is tried at every character, ten times slower on 270,000."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield start
        start = text.find(word, end)


def _full_name(surname: str, text: str, lower_words: _LowerCase, stop_words: frozenset[str] | set[str]) -> str | None:
    # A weekday or a month is no one's name ("Barak Thursday"); a word written in lower case too
    # is a common word.
    if surname.lower() in stop_words or surname in _TITLES or surname in _CALENDAR or surname.lower() in lower_words:
        return None
    firsts: Counter[str] = Counter()
    person = False
    for start in _occurrences(text, surname):
        end = start + len(surname)
        before, after = text[max(0, start - _REACH) : start], text[end : end + _REACH]
        if _PLACE_BEFORE.search(before):
            return None
        first = _FIRST_NAME.search(before)
        if first is not None:
            given = first.group(1)
            if given.lower() not in stop_words and given not in _TITLES and given.lower() not in lower_words:
                firsts[" ".join((before[first.start() :] + surname).split())] += 1
        if _TITLE_BEFORE.search(before) or _SAYS_BEFORE.search(before) or (
                _SAYS_AFTER.match(after) and (first is not None or not _capitalised_before(before))):
            person = True
    if not person or not firsts:
        return None
    full, count = firsts.most_common(1)[0]
    if count < _MIN_FULL or count < _FULL_SHARE * sum(firsts.values()):
        return None
    return full
