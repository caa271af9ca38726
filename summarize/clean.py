"""Clean: find the spans of a document that are content, and drop the rest.

Web copies of news carry menus, headings, photo captions, cookie and consent notices,
browser-upgrade notices in another language, platform footers and audio-player prompts. They are
recognised here by general rules about a line's shape and wording, never by the text of any
particular page:

* heading or menu: a short line with no sentence punctuation at its end;
* fragment: a line of four words or fewer;
* repeated line: the same line twice in one document (captions, share bars);
* caption or credit: ``Photo: ...``, ``Source: ...``, ``... contributed reporting``;
* boilerplate wording: cookies, privacy policy, "Powered by", "No comments", "Press play to
  listen", outdated-browser notices, newsletter prompts and the like;
* another language: a line whose letters are mostly in another script than the language's, or
  a long line without a single stop word of the language.

When the strict rules leave nothing (a list of headlines, a one-line note), the shape rules are
relaxed and only boilerplate wording is dropped, so the caller still gets a sensible result.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .language import Language
from .model import Block, strip_span

__all__ = ["Unit", "content_blocks", "split_units", "detect_title", "noise_reason", "notice_reason"]

# A sentence ends with one of these, possibly followed by closing quotes or brackets.
_TERMINAL = re.compile(r"[.!?…:;。！？：；][\"'”’»)\]」』）]*\s*$")
_MAX_HEADING_WORDS = 12
_MAX_FRAGMENT_WORDS = 4
_MIN_FOREIGN_CHECK_WORDS = 8
_NOTICE_HEAD = 300

@dataclass(frozen=True)
class _NoticeRule:
    """Wording that marks a paragraph as a caption or as boilerplate. ``keys`` are lowercase
    strings of which the wording contains at least one: a substring test on each key is far
    cheaper than the regex, which then runs only on the few paragraphs that could match."""

    reason: str
    keys: tuple[str, ...]
    pattern: re.Pattern[str]

    def matches(self, head: str, lowered: str) -> bool:
        # A plain loop: faster than any() over a generator, and than one regex of the keys.
        for key in self.keys:
            if key in lowered:
                return self.pattern.search(head) is not None
        return False


def _rule(reason: str, keys: str, pattern: str) -> _NoticeRule:
    return _NoticeRule(reason, tuple(keys.split("|")), re.compile(pattern, re.IGNORECASE | re.MULTILINE))


_NOTICE_RULES = (
    _rule("caption", "photo|image|picture|video|caption|credit|source|illustration|pictured",
          r"^\s*(photo|image|picture|video|caption|credit|source|illustration|file photo|pictured)"
          r"\s*(\(s\))?\s*[:|]"),
    _rule("caption", "getty|ap photo|afp photo|reuters/|shutterstock",
          r"\b(getty images|ap photo|afp photo|reuters/|shutterstock)\b"),
    _rule("caption", "contributed", r"\bcontributed (to )?(this )?report(ing)?\b"),
    _rule("caption", " by", r"^\s*(reporting|editing|writing|additional reporting) by\b"),
    _rule("boilerplate", "cookie",
          r"\bcookies?\b.*\b(use|uses|using|policy|consent|accept|settings|site|website)\b"
          r"|\b(use|uses|using|accept|consent to)\b.*\bcookies?\b"),
    _rule("boilerplate", "privacy", r"\bprivacy (policy|notice|statement|settings)\b"),
    _rule("boilerplate", "terms", r"\bterms (of|and) (use|service|conditions)\b"),
    _rule("boilerplate", "rights reserved|©|copyright",
          r"\ball rights reserved\b|^\s*(©|copyright\b)"),
    _rule("boilerplate", "powered", r"^\s*powered by\b"),
    _rule("boilerplate", "comment|leave a",
          r"^\s*(no|\d+) comments?\b|\bleave a (comment|reply)\b"),
    _rule("boilerplate", "play|listen",
          r"\b(press|click|tap) play\b|\blisten to (this|the) (article|story)\b"),
    _rule("boilerplate", "voiced|expressed|narrated|read aloud",
          r"\b(voiced|expressed|narrated|read aloud) by (an? )?(artificial intelligence|ai)\b"),
    _rule("boilerplate", "browser|javascript",
          r"\b(outdated|unsupported|old|modern|latest|newer) (web )?browser\b"
          r"|\b(update|upgrade) your browser\b|\b(enable|disabled?|requires?) javascript\b"),
    _rule("boilerplate", "subscribe|sign up|register",
          r"\b(subscribe|sign up|register)\b.*\b(newsletter|updates|free)\b"),
    _rule("boilerplate", "share|follow us",
          r"\b(share|follow us) on (facebook|twitter|x|telegram|social media)\b"),
    _rule("boilerplate", "read more|related|similar articles|you may also like|advertisement"
          "|sponsored|share this|recommended",
          r"^\s*(read more|related (articles?|stories|news)|similar articles|you may also like"
          r"|advertisement|sponsored( content)?|share this( article)?|recommended)\b"),
)


def notice_reason(text: str) -> str | None:
    """``"caption"`` or ``"boilerplate"`` when the wording at the head of ``text`` is a caption,
    credit or site notice, else ``None``."""
    # Notices and credits announce themselves early; reading only a paragraph's head keeps the
    # cost flat on long paragraphs (the profile of 800 articles showed these searches at 85%).
    head = text[:_NOTICE_HEAD]
    lowered = head.lower()
    for rule in _NOTICE_RULES:
        if rule.matches(head, lowered):
            return rule.reason
    return None


@dataclass(frozen=True, kw_only=True)
class Unit:
    """A paragraph or line of a document with its offsets, before the keep-or-drop decision."""

    paragraph: int
    start: int
    end: int
    text: str


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        spans.append((position, position + len(stripped)))
        position += len(line)
    return spans


def _is_wrapped(lines: list[str]) -> bool:
    """True for a hard-wrapped paragraph: long lines that mostly break mid-sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    open_ended = sum(1 for line in body if not _TERMINAL.search(line))
    return all(len(line.strip()) >= 30 for line in body) and open_ended > len(body) / 2


def split_units(text: str) -> list[Unit]:
    """Cut a text into paragraphs: blank lines separate chunks; a chunk whose lines are hard
    wrapped is one paragraph, any other chunk is a paragraph per line."""
    chunks: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        if text[start:end].strip():
            chunks[-1].append((start, end))
        elif chunks[-1]:
            chunks.append([])
    units: list[Unit] = []
    for chunk in chunks:
        if not chunk:
            continue
        lines = [text[start:end] for start, end in chunk]
        groups = [chunk] if _is_wrapped(lines) else [[span] for span in chunk]
        for group in groups:
            start, end = strip_span(text, group[0][0], group[-1][1])
            units.append(Unit(paragraph=len(units), start=start, end=end, text=text[start:end]))
    return units


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _dominant_script(text: str) -> str | None:
    if text.isascii():  # the common case, without a Unicode name lookup per character
        return "LATIN" if any(char.isalpha() for char in text) else None
    counts = Counter(_script(char) for char in text if char.isalpha())
    return counts.most_common(1)[0][0] if counts else None


def noise_reason(unit_text: str, language: Language, *, strict: bool = True) -> str | None:
    """Why a paragraph is not content (a short label), or ``None`` when it is content."""
    notice = notice_reason(unit_text)
    if notice is not None:
        return notice
    words = language.words(unit_text)
    if not words:
        return "no words"
    if not strict:
        return None
    script = _dominant_script(unit_text)
    if script is not None and script not in language.scripts:
        return "other script"
    if len(words) <= _MAX_FRAGMENT_WORDS:
        return "fragment"
    if len(words) <= _MAX_HEADING_WORDS and not _TERMINAL.search(unit_text):
        return "heading"
    if language.stop_words and len(words) >= _MIN_FOREIGN_CHECK_WORDS:
        if not any(word.lower() in language.stop_words for word in words):
            return "other language"
    return None


def content_blocks(text: str, language: Language) -> list[Block]:
    """The paragraphs of ``text`` that are content, as offsets into ``text``. A headline at the
    top is the document's title, not a sentence of its body, and is left out too."""
    units = split_units(text)
    headline = _headline(units, language)
    repeated = {
        key for key, count in Counter(" ".join(unit.text.split()).lower() for unit in units).items()
        if count > 1
    }
    for strict in (True, False):
        kept = [
            Block(paragraph=unit.paragraph, start=unit.start, end=unit.end)
            for unit in units
            if noise_reason(unit.text, language, strict=strict) is None
            and (not strict or " ".join(unit.text.split()).lower() not in repeated)
            and (not strict or unit is not headline)
        ]
        if kept:
            return kept
    return []


def _headline(units: list[Unit], language: Language) -> Unit | None:
    """The first paragraph that starts with a capital or a quote, holds one sentence at most, and
    is short: 3 to 20 words without final punctuation, or up to 14 words with it (a lead
    sentence runs longer). It must stand before the running text and be followed by more."""
    for position, unit in enumerate(units[:6]):
        words = language.words(unit.text)
        if noise_reason(unit.text, language, strict=False) is not None or len(words) < 3:
            continue
        limit = 14 if _TERMINAL.search(unit.text) else 20
        if len(words) > limit or position == len(units) - 1:
            return None
        first = unit.text.lstrip()[:1]
        one_sentence = not re.search(r"[.!?][\"'”’]*\s+\S", unit.text)
        if one_sentence and (first.isupper() or first in "\"'“‘«"):
            return unit
    return None


def detect_title(text: str, language: Language) -> str:
    """A headline at the top of the text, or ``""`` (see :func:`_headline`)."""
    headline = _headline(split_units(text), language)
    return " ".join(headline.text.split()) if headline else ""
