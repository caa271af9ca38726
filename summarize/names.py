"""Names: who a surname in a quoted sentence is, when the briefing has not said, and who an
opening "He" or "She" is (:func:`pronoun_note`).

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
* they never treat it as a place: "in Africa", "from Miami" (unless they give it a title and a
  first name too).

Over the 95 DUC 2006-07 sets at ``--words 100`` (385 sentences, 2026-11-30) that finds eleven
first mentions, all of them right (the README lists them); without the last two tests it also
named "Saharan Africa" and "Elian's Miami". A title and a first name ("Rep. Bob Livingston")
outweigh a place-like use ("a statement from Livingston"). English only: the cues are English
words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from .dates import MONTHS, WEEKDAYS
from .model import NameNote, Sentence

__all__ = ["PRONOUN_REACH", "PronounNotes", "opens_on_a_pronoun", "pronoun_note", "surname_notes"]

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


#: How many sentences before a quoted one, in its article, are read for whom its "He" or "She" is.
PRONOUN_REACH = 3
_NAME_GOES_ON = re.compile(r"\s+(?:[A-Z]\.\s+)?[A-Z][a-z]")
# A sentence that opens on a personal pronoun as its subject: "He said ...", "She left."
_PRONOUN_OPENING = re.compile(r"^\(?\s*(He|She)\b")
_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def pronoun_note(before: Sequence[str], sentence: str, text: str,
                 stop_words: frozenset[str] | set[str]) -> NameNote | None:
    """Who "He" or "She" opening ``sentence`` is, when the sentences ``before`` it in its own
    article (nearest last) say so plainly; ``None`` when they do not.

    The nearest earlier sentence that names anyone decides: the one person it quotes ("...,
    Rubin said"), else its subject, the first name it holds ("Erez opened talks", "Rep. Bob
    Livingston, who ..."), when that name is a person's. Anything less plain (two people
    quoted, a first name that is no person's, a "he" or "she" before the first name, as in a
    sentence that itself opens on a pronoun or "But he was fired by Mahathir") and the note is
    left out. A pronoun inside a quotation ("``He wrote the virus,'' said Smith") is the
    speaker's to resolve and is left alone. A person is a capitalised word the documents
    (``text``) treat as one (see the module's evidence), noted by full name where they give
    one."""
    return _pronoun_note(before, sentence, text, _LowerCase(text), stop_words)


def _pronoun_note(before: Sequence[str], sentence: str, text: str, lower: _LowerCase,
                  stop_words: frozenset[str] | set[str]) -> NameNote | None:
    opening = _PRONOUN_OPENING.match(sentence)
    if opening is None:
        return None
    for earlier in reversed(before):
        subject: str | None = None
        named = False
        first_name_at: int | None = None
        quoted: set[str] = set()
        for match in _CAPITALISED.finditer(earlier):
            word = match.group()
            if _NAME_GOES_ON.match(earlier, match.end()) or not _may_be_a_name(word, lower, stop_words):
                continue  # not a name, or "Bob" of "Bob Livingston": the surname stands for the person
            name = _person_name(word, text, lower, stop_words)
            if not named:
                named, subject, first_name_at = True, name, match.start()
            if name is not None and (_SAYS_AFTER.match(earlier[match.end() :])
                                     or _SAYS_BEFORE.search(earlier[: match.start()])):
                quoted.add(name)
        # "But he was fired by Mahathir": a "he" before the first name is the sentence's
        # subject, and its person is further back still.
        pronoun = _HE_OR_SHE.search(earlier)
        if pronoun is not None and (first_name_at is None or pronoun.start() < first_name_at):
            return None
        if named:
            person = next(iter(quoted)) if len(quoted) == 1 else subject if not quoted else None
            return None if person is None else NameNote(start=opening.start(1), end=opening.end(1), name=person)
    return None


# "They" as a subject: a group the article has named before, never one person to note.
_SUBJECT_PRONOUN_OPENING = re.compile(r"^\(?\s*(?:He|She|They)\b")


def opens_on_a_pronoun(text: str) -> bool:
    """True when ``text`` opens on "He", "She" or "They" as its subject: it leans on a sentence
    before it unless someone says who."""
    return _SUBJECT_PRONOUN_OPENING.match(text) is not None


class PronounNotes:
    """Who the "He" or "She" opening each of ``sentences`` is (:func:`pronoun_note`, reading the
    sentences before it in its own document), found once a sentence and shared: the selector
    passes over a sentence no one can be named for (:meth:`leans`), and the briefing notes the
    name of the one it quotes (:meth:`note`). ``text``: all the documents, the evidence."""

    def __init__(self, sentences: Sequence[Sentence], text: str, stop_words: frozenset[str] | set[str]) -> None:
        self.text = text
        self._sentences = sentences
        self._stop_words = stop_words
        self._lower = _LowerCase(text)
        self._notes: dict[int, NameNote | None] = {}

    def note(self, index: int) -> NameNote | None:
        """Who the "He" or "She" opening sentence ``index`` is, ``None`` when not plain."""
        if index not in self._notes:
            sentence = self._sentences[index]
            before = [self._sentences[earlier].text for earlier in range(max(0, index - PRONOUN_REACH), index)
                      if self._sentences[earlier].document == sentence.document]
            self._notes[index] = _pronoun_note(before, sentence.text, self.text, self._lower, self._stop_words)
        return self._notes[index]

    def leans(self, index: int) -> bool:
        """True when sentence ``index`` opens on "He", "She" or "They" and :meth:`note` cannot
        say who: quoted alone it would point at no one ("He urged the president to follow his
        example")."""
        return opens_on_a_pronoun(self._sentences[index].text) and self.note(index) is None


def _person_name(word: str, text: str, lower_words: _LowerCase, stop_words: frozenset[str] | set[str]) -> str | None:
    """The name to write for ``word`` when the documents treat it as a person: the full name
    where they give one (see :func:`_full_name`), else the word itself; ``None`` for anything else."""
    evidence = _evidence(word, text, lower_words, stop_words)
    if evidence is None or not evidence[0]:
        return None
    return _given_full_name(evidence[1]) or word


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
    evidence = _evidence(surname, text, lower_words, stop_words)
    if evidence is None or not evidence[0]:
        return None
    return _given_full_name(evidence[1])


def _evidence(word: str, text: str, lower_words: _LowerCase,
              stop_words: frozenset[str] | set[str]) -> tuple[bool, Counter[str]] | None:
    """What the documents say of ``word``: whether they treat it as a person at least once, and
    the full names they write it in ("Linda Holloway": how often each); ``None`` when it is no
    name at all (a stop word, a title, a weekday or a month, a word they write in lower case too)
    or a place."""
    if not _may_be_a_name(word, lower_words, stop_words):
        return None
    firsts: Counter[str] = Counter()
    person = place = titled_in_full = False
    for start in _occurrences(text, word):
        end = start + len(word)
        before, after = text[max(0, start - _REACH) : start], text[end : end + _REACH]
        if _PLACE_BEFORE.search(before):
            place = True
        first = _FIRST_NAME.search(before)
        if first is not None:
            given = first.group(1)
            if given.lower() not in stop_words and given not in _TITLES and given.lower() not in lower_words:
                firsts[" ".join((before[first.start() :] + word).split())] += 1
        # "Ms. Holloway", "Rep. Bob Livingston", "said Holloway", "Holloway said".
        if first is not None and _TITLE_BEFORE.search(before[: first.start()]):
            person = titled_in_full = True
        if _TITLE_BEFORE.search(before) or _SAYS_BEFORE.search(before) or (
                _SAYS_AFTER.match(after) and (first is not None or not _capitalised_before(before))):
            person = True
    # "in Kansas", "from Miami": a place, unless the documents give it a title and a first name
    # too ("Rep. Bob Livingston" and "a statement from Livingston").
    if place and not titled_in_full:
        return None
    return person, firsts


def _may_be_a_name(word: str, lower_words: _LowerCase, stop_words: frozenset[str] | set[str]) -> bool:
    # A weekday or a month is no one's name ("Barak Thursday"); a word written in lower case too
    # is a common word.
    return not (word.lower() in stop_words or word in _TITLES or word in _CALENDAR or word.lower() in lower_words)


def _given_full_name(firsts: Counter[str]) -> str | None:
    """The full name the documents give most, when they give it often enough."""
    if not firsts:
        return None
    full, count = firsts.most_common(1)[0]
    if count < _MIN_FULL or count < _FULL_SHARE * sum(firsts.values()):
        return None
    return full
