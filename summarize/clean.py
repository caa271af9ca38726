"""Clean: find the spans of a document that are content, and drop the rest.

Web copies of news carry menus, headings, photo captions, cookie and consent notices,
browser-upgrade notices in another language, platform footers and audio-player prompts. They are
recognised here by general rules about a line's shape and wording, never by the text of any
particular page:

* heading or menu: a short line with no sentence punctuation at its end;
* fragment: a line of four words or fewer;
* repeated line: the same line twice in one document (captions, share bars);
* caption or credit: ``Photo: ...``, ``Source: ...``, ``... contributed reporting``, ``Image
  copyright ... Image caption ...``, ``FILE - In this ... file photo``, an agency credit
  (``Name/Getty Images``, ``(AP Photo/Name)``);
* a credit or caption that *opens* a paragraph of text ("Barry Brecheisen/Getty Images There is
  no question ...", "(Photo: ...) Story Highlights ...") is cut off and the text kept;
* boilerplate wording: cookies, privacy policy, "Powered by", "No comments", "Press play to
  listen", outdated-browser notices, newsletter prompts, embedded-tweet and Instagram notices,
  web-archive crawl notices, live-blog headers "(all times local)" and the like;
* navigation: a line of short items between pipes ("Archives: Senate | House | ...");
* another language: a line whose letters are mostly in another script than the language's, or
  a long line without a single stop word of the language.

When the strict rules leave nothing (a list of headlines, a one-line note), the shape rules are
relaxed and only boilerplate wording is dropped, so the caller still gets a sensible result.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .language import Language, get_language, languages_written_in
from .model import Block, CleanedDocument, Document, collapse_whitespace, strip_span

__all__ = ["ENGLISH_STOP_WORD_SHARE", "Cleaner", "Unit", "caption_prefix", "content_blocks", "split_units",
           "detect_title", "language_mismatch", "noise_reason", "notice_reason"]

# A sentence ends with one of these, possibly followed by closing quotes or brackets.
_TERMINAL = re.compile(r"[.!?…:;。！？：；][\"'”’»)\]」』）]*\s*$")
_NOTICE_HEAD = 300  # see Cleaner.notice_head

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


def _rule(reason: str, keys: str | tuple[str, ...], pattern: str) -> _NoticeRule:
    """``keys``: "a|b" for the keys a and b, or a tuple when a key holds "|"."""
    return _NoticeRule(reason, tuple(keys.split("|")) if isinstance(keys, str) else keys,
                       re.compile(pattern, re.IGNORECASE | re.MULTILINE))


_NOTICE_RULES = (
    _rule("caption", "photo|image|picture|video|caption|credit|source|illustration|pictured",
          r"^\s*(photo|image|picture|video|caption|credit|source|illustration|file photo|pictured)"
          r"\s*(\(s\))?\s*[:|]"),
    # An agency named as a credit (beside a slash, in parentheses, or ending the paragraph), not
    # an agency named in a sentence ("pictures Getty Images licensed to newspapers"). EPA only
    # after the slash: "EPA/DHA" is a fatty acid in DUC 2006-07.
    _rule("caption", "/|getty images|ap photo|afp photo|shutterstock",
          r"/\s?(getty images|ap|afp|reuters|epa|shutterstock)\b|\b(getty images|ap photo|afp|reuters)\s?/"
          r"|\b(getty images|ap photo|afp photo|shutterstock)\b(?=[^()\n]*\))"
          r"|\b(getty images|ap photo|afp photo|shutterstock)[\s.)]*$"),
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
    _rule("caption", "image copyright|image caption|media caption",
          r"^\s*(image (copyright|caption)|media caption)\b"),
    _rule("caption", "file", r"^\s*file\s*[-–—:]\s*(in )?this\b.{0,200}\b(file )?(photo|image|picture)\b"),
    _rule("boilerplate", "tweet|twitter",
          r"\blocation information to your tweets\b|\bdelete your tweet location history\b"
          r"|^\s*tweet\s+(view comments|share)\b|\bpic\.twitter\.com/"),
    _rule("boilerplate", "instagram|a post shared by",
          r"^\s*view (this )?(post|photo|profile) on instagram\b|^\s*a post shared by\b"),
    _rule("boilerplate", "crawl|wayback|slash pages",
          r"\bslash pages from every domain\b|\bwayback machine\b|\bthese crawls are part of\b"
          r"|\bcrawl(ed)? (data|by|of) (the )?(internet archive|archive team|common crawl)\b"),
    _rule("boilerplate", "all times", r"\(all times (local|[a-z]{2,4})\)"),
    # A news wire's notes to its editors, carried into the copies it sends out.
    _rule("boilerplate", "for use by|distributed by|optional|end of story|story has moved|story will move"
          "|to purchase this|nonsubscribers",
          r"^[^\w(]*(&\w+;\s*)*\((for use by|distributed by|story can end here|(begin|end) optional trim)\b[^()\n]{0,100}\)"
          r"(\([a-z]\))?[\W_]*(&\w+;[\W_]*)*$"
          r"|^[^\w(]*(&\w+;\s*)*for use by (clients of )?(the )?[\w .]{0,40}news service\b"
          r"|\bx{3,4} end of story\b|\(story (has moved|will move) in the\b"
          r"|\(distributed by [^()\n]{0,60}\b(news service|syndicate|special features)\)"
          r"|\bto purchase this (material|article|story)\b|\bnonsubscribers:"),
    _rule("navigation", ("|",), r"^[^|\n]{1,40}(\|[^|\n]{1,40}){2,}\|?\s*$"),
    _rule("boilerplate", "read more|related|similar articles|you may also like|advertisement"
          "|sponsored|share this|recommended",
          r"^\s*(read more|related (articles?|stories|news)|similar articles|you may also like"
          r"|advertisement|sponsored( content)?|share this( article)?|recommended)\b"),
)


# A photo credit: a name and an agency, either way round, or "(Photo: ...)". Names are capitalised
# words; agencies are the wire services and photo libraries whose credits open web copies.
_AGENCY = (r"(?:Getty Images|AFP(?: via Getty Images)?|AP(?: Photo)?|Reuters|EPA(?:-EFE)?|Shutterstock"
           r"|Bloomberg|NurPhoto|Anadolu(?: Agency)?|Xinhua|SOPA Images|USA TODAY|Pool)")
_NAME = r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}"
_PERSON = r"[A-Z][a-z'’-]+(?:\s[A-Z]\.)?\s[A-Z][\w'’-]+"  # first and last name: where a credit ends
_CREDIT = (rf"(?:(?i:photo|image|picture)s?(?i: credit)?\s*:\s*)?"
           rf"(?:{_NAME}\s?/\s?{_AGENCY}(?:\s?/\s?{_AGENCY})?|{_AGENCY}\s?/\s?(?:{_AGENCY}|{_PERSON}))")
# What else opens a paragraph before its body on news sites: highlight and share bars.
_BAR = r"(?i:story highlights|tweet view comments|tweet share|share tweet)"
_CREDIT_PREFIX = re.compile(
    rf"^\s*(?:(?:{_CREDIT}|\((?i:photo|image)s?\s*:[^()\n]{{1,80}}\)|{_BAR})[\s,;:|]*)+(?=[\"“‘'A-Z0-9])")
# A caption that ends in a parenthesised credit, with the body after it on the same line:
# "FILE - In this 2017 file photo, ... (AP Photo/Evan Vucci) The president said ...".
_CAPTION_THEN_BODY = re.compile(
    r"^\s*(?i:file\s*[-–—:]|in this\b|(?:photo|image|picture)s?\s*:|pictured\b)[^\n]{0,300}?"
    rf"\((?:[^()\n]{{0,60}}\b(?:{_AGENCY}|(?i:photo))\b[^()\n]{{0,60}})\)[\s,;:|]*(?=[\"“‘'A-Z])")


def caption_prefix(text: str) -> int:
    """How many characters at the start of ``text`` are a photo credit or caption before its body
    text ("Barry Brecheisen/Getty Images There is no question ..."), 0 when none: the body
    stays; the credit goes."""
    for pattern in (_CREDIT_PREFIX, _CAPTION_THEN_BODY):
        match = pattern.match(text)
        if match and match.end() < len(text.rstrip()):
            return match.end()
    return 0


_KEYED_RULES = tuple((key, rule) for rule in _NOTICE_RULES for key in rule.keys)


def notice_reason(text: str, *, head: int = _NOTICE_HEAD) -> str | None:
    """``"caption"`` or ``"boilerplate"`` when the wording at the head of ``text`` (its first
    ``head`` characters, see :attr:`Cleaner.notice_head`) is a caption, credit or site notice,
    else ``None``."""
    head_text = text[:head]
    lowered = head_text.lower()
    # Every rule's keys in one flat list, in rule order: a method call per rule cost more than
    # the substring tests (8 ms of 2,000 sentences' cleaning). A rule whose key is present but
    # whose pattern fails is not tried again for its other keys, as NoticeRule.matches does.
    tried = None
    for key, rule in _KEYED_RULES:
        if rule is not tried and key in lowered:
            if rule.pattern.search(head_text) is not None:
                return rule.reason
            tried = rule
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


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _dominant_script(text: str) -> str | None:
    if text.isascii():  # the common case, without a Unicode name lookup per character
        return "LATIN" if any(char.isalpha() for char in text) else None
    counts = Counter(_script(char) for char in text if char.isalpha())
    return counts.most_common(1)[0][0] if counts else None


#: Below this share of English stop words, a text does not read as English. Measured
#: 2026-12-01: whole inputs of English news hold 41.5-55 % (the 120 DUC 2004 dev and
#: 2006-07 sets, lowest 41.5 %; the seeds 43-53 % each), single English articles 13 % at the
#: least (a table of figures); the foreign samples of ``tests/test_languages.py`` 0-19 %
#: (Portuguese the most). Other languages' lists are too short to tell by: Czech text holds 21 %
#: Czech stop words, Hebrew 7 % Hebrew ones, so for them only the script is checked.
ENGLISH_STOP_WORD_SHARE = 0.25
#: How much of the input the language check reads: its first sentences, some 800 words.
LANGUAGE_SAMPLE_CHARACTERS = 5_000
#: Fewer words than this and the stop words are not counted: a headline is no proof.
LANGUAGE_SAMPLE_MIN_WORDS = 40
#: Fewer letters than this and the script is not judged (a name or two in another script).
LANGUAGE_SAMPLE_MIN_LETTERS = 40


def language_mismatch(texts: Iterable[str], language: Language) -> str | None:
    """Why ``texts`` (the input's sentences, in order) do not read as ``language``, or ``None``:
    their letters are mostly of a script the language is not written in, or, for English, too
    few of their words are stop words (:data:`ENGLISH_STOP_WORD_SHARE`). A user who forgets
    ``--language`` gets a briefing whose stop words, stems and cleaning fit another language."""
    sample = []
    size = 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= LANGUAGE_SAMPLE_CHARACTERS:
            break
    joined = " ".join(sample)
    script = _dominant_script(joined)
    if (script is not None and script not in language.scripts
            and sum(map(str.isalpha, joined)) >= LANGUAGE_SAMPLE_MIN_LETTERS):
        candidates = languages_written_in(script)
        named = f"--language {' or '.join(candidates)}" if 0 < len(candidates) <= 3 else "--language NAME"
        shown = script if script == "CJK" else script.title()
        return (f"the documents are written mostly in {shown} script, which {language.name.title()} is not "
                f"written in; name their language ({named}, or language= in Python)")
    if language.name != "english":
        return None
    words = [word.lower() for word in language.iter_words(joined)]
    if len(words) >= LANGUAGE_SAMPLE_MIN_WORDS:
        share = _stop_word_share(words, language)
        # A list of names and figures has few stop words of any language; English text under
        # another language's list always had fewer than under English's.
        if share < ENGLISH_STOP_WORD_SHARE and any(
                _stop_word_share(words, get_language(other)) > share
                for other in languages_written_in("LATIN") if other != language.name):
            return (f"the documents do not read as English: {share:.0%} of their words are English stop words "
                    f"(English news: over 40%); name their language (--language NAME, or language= in Python)")
    return None


def _stop_word_share(words: Sequence[str], language: Language) -> float:
    return sum(word in language.stop_words for word in words) / len(words)


@dataclass(frozen=True, kw_only=True)
class Cleaner:
    """Which paragraphs of a document are content: the rules of this module, with every number
    they use named here. :func:`content_blocks` and the other functions of this module are these
    methods on the default ``Cleaner()``; :class:`~summarize.Summarizer` holds one.

    The shape thresholds were set by reading the seeds' web noise. DUC 2004 is clean newswire
    and does not move with them: ``max_fragment_words`` 3 to 5, ``max_heading_words`` 10 to 14
    and ``min_foreign_check_words`` 6 to 10 each leave all 25 dev briefings (``--words 100``)
    unchanged (measured 2026-11-23), so the seeds are what pins them.

    Parameters
    ----------
    max_fragment_words : int, default 4
        A paragraph of this many words or fewer is a fragment (a byline, "Read more", a lone
        date or place). At 3, a four-word line of a seed page is kept as a sentence, which
        shifts the positions after it and reorders two lines of the seed briefing.
    max_heading_words : int, default 12
        A paragraph of this many words or fewer that does not end like a sentence is a heading
        or a menu line.
    min_foreign_check_words : int, default 8
        A paragraph of at least this many words without one stop word of the language is in
        another language (a browser notice in Ukrainian on an English page); shorter ones can
        lack stop words in any language.
    notice_head : int, default 300
        Only the first this many characters of a paragraph are searched for notice wording:
        notices announce themselves early, and reading whole paragraphs was 85% of cleaning time
        on 800 corpus articles.
    wrapped_line_characters : int, default 30
        A chunk of lines is one hard-wrapped paragraph (not a list of lines) when every line but
        the last is at least this long and most of them break mid-sentence; DUC newswire wraps
        at 60 to 80 characters, menus and lists run shorter.
    headline_units : int, default 6
        A headline is looked for among the first this many paragraphs (after a menu or a
        dateline), never further down.
    headline_min_words, headline_max_words, headline_max_words_ended : int, default 3, 20, 14
        A headline has at least 3 words and at most 20, or 14 when it ends like a sentence (a
        lead sentence runs longer). In seeds/003 the top headline was quoted as a fact before
        headlines were left out of the body.
    title_words : int, default 12
        A document with no title and no headline is titled by this many opening words of its
        content: enough to tell stories apart in an index, short enough for one line.
    shared_paragraphs : frozenset of str, default empty
        Paragraphs (:meth:`paragraph_key`) known to be boilerplate because they stand word for
        word in articles of different stories (a wire service's sales notice, "XXXX END OF
        STORY", an embedded-tweet notice): never content, so never quoted and never counted as
        a second source's confirmation. ``--stories`` fills it from the pile
        (:func:`summarize.stories.shared_paragraphs`); one set alone cannot tell.
    """

    max_fragment_words: int = 4
    max_heading_words: int = 12
    min_foreign_check_words: int = 8
    notice_head: int = _NOTICE_HEAD
    wrapped_line_characters: int = 30
    headline_units: int = 6
    headline_min_words: int = 3
    headline_max_words: int = 20
    headline_max_words_ended: int = 14
    title_words: int = 12
    shared_paragraphs: frozenset[str] = frozenset()

    @staticmethod
    def paragraph_key(text: str) -> str:
        """What two paragraphs share when they say the same words: case and white space aside."""
        return collapse_whitespace(text).lower()

    def paragraph_keys(self, text: str) -> set[str]:
        """The :meth:`paragraph_key` of every paragraph of ``text``, credits cut as cleaning
        cuts them."""
        return {self.paragraph_key(self._without_caption(unit).text) for unit in self.split_units(text)}

    def split_units(self, text: str) -> list[Unit]:
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
            groups = [chunk] if self._is_wrapped(lines) else [[span] for span in chunk]
            for group in groups:
                start, end = strip_span(text, group[0][0], group[-1][1])
                units.append(Unit(paragraph=len(units), start=start, end=end, text=text[start:end]))
        return units

    def _is_wrapped(self, lines: list[str]) -> bool:
        """True for a hard-wrapped paragraph: long lines that mostly break mid-sentence."""
        if len(lines) < 2:
            return False
        body = lines[:-1]
        open_ended = sum(1 for line in body if not _TERMINAL.search(line))
        return all(len(line.strip()) >= self.wrapped_line_characters for line in body) and open_ended > len(body) / 2

    def noise_reason(self, unit_text: str, language: Language, *, strict: bool = True) -> str | None:
        """Why a paragraph is not content (a short label), or ``None`` when it is content."""
        notice = notice_reason(unit_text, head=self.notice_head)
        if notice is not None:
            return notice
        words, any_stop_word = self._word_profile(unit_text, language)
        if not words:
            return "no words"
        if not strict:
            return None
        script = _dominant_script(unit_text)
        if script is not None and script not in language.scripts:
            return "other script"
        if words <= self.max_fragment_words:
            return "fragment"
        if words <= self.max_heading_words and not _TERMINAL.search(unit_text):
            return "heading"
        if language.stop_words and words >= self.min_foreign_check_words and not any_stop_word:
            return "other language"
        return None

    def _word_profile(self, text: str, language: Language) -> tuple[int, bool]:
        """How many words ``text`` has, counted only as far as a rule above looks (one past the
        largest word limit), and whether one of its words is a stop word. Most paragraphs have
        a stop word among their first few words, so the scan stops early: listing every word of
        every paragraph was a third of cleaning time."""
        enough = max(self.max_fragment_words, self.max_heading_words, self.min_foreign_check_words) + 1
        stop_words = language.stop_words
        count, any_stop_word = 0, False
        for word in language.iter_words(text):
            count += 1
            if not any_stop_word and word.lower() in stop_words:
                any_stop_word = True
            if any_stop_word and count >= enough:
                break
        return count, any_stop_word

    def content_blocks(self, text: str, language: Language) -> list[Block]:
        """The paragraphs of ``text`` that are content, as offsets into ``text``. A headline at
        the top is the document's title, not a sentence of its body, and is left out too."""
        units = self.split_units(text)
        return self._content(units, self.headline(units, language), language)

    def clean(self, document: Document, language: Language) -> CleanedDocument:
        """``document`` with its content blocks (:meth:`content_blocks`) and a title: its own, or
        the headline cleaning found at the top, or the opening words of its content (after
        cleaning, so never a menu or an audio-player prompt), or its id. One pass over the text."""
        units = self.split_units(document.text)
        headline = self.headline(units, language)
        blocks = tuple(self._content(units, headline, language))
        if not (document.title or "").strip():
            title = collapse_whitespace(headline.text) if headline else ""
            if not title and blocks:
                title = self.opening(document.text[blocks[0].start : blocks[0].end], language)
            document = replace(document, title=title or document.id)
        return CleanedDocument(document=document, blocks=blocks)

    def opening(self, text: str, language: Language) -> str:
        """The first :attr:`title_words` words of ``text``, with "…" when there are more: the
        title of a document that has none and no headline."""
        limit = self.title_words
        if language.segment is not None:  # no spaces to cut at: cut after the last word that fits
            end = 0
            words = language.words(text)
            for word in words[:limit]:
                end = text.index(word, end) + len(word)
            return collapse_whitespace(text[:end]) + ("…" if len(words) > limit else "")
        words = text.split()
        return " ".join(words[:limit]) + ("…" if len(words) > limit else "")

    def _content(self, units: list[Unit], headline: Unit | None, language: Language) -> list[Block]:
        # The headline is found before credits are cut: a paragraph that opens with a credit is
        # body text, and its body must not pass for a headline.
        units = [self._without_caption(unit) for unit in units]
        keys = [self.paragraph_key(unit.text) for unit in units]
        repeated = {key for key, count in Counter(keys).items() if count > 1} | self.shared_paragraphs
        for strict in (True, False):
            kept = [
                Block(paragraph=unit.paragraph, start=unit.start, end=unit.end)
                for unit, key in zip(units, keys, strict=True)
                if self.noise_reason(unit.text, language, strict=strict) is None
                and (not strict or key not in repeated)
                and (not strict or headline is None or unit.paragraph != headline.paragraph)
            ]
            if kept:
                return kept
        return []

    @staticmethod
    def _without_caption(unit: Unit) -> Unit:
        """``unit`` without a photo credit or caption that opens it (see :func:`caption_prefix`):
        a page whose every paragraph opens with a credit must keep its paragraphs' text."""
        skip = caption_prefix(unit.text)
        if not skip:
            return unit
        start, end = strip_span(unit.text, skip, len(unit.text))
        return Unit(paragraph=unit.paragraph, start=unit.start + start, end=unit.start + end,
                    text=unit.text[start:end])

    def headline(self, units: list[Unit], language: Language) -> Unit | None:
        """The first paragraph that starts with a capital or a quote, holds one sentence at most,
        and is short (see the ``headline_*`` parameters). It must stand before the running text
        and be followed by more."""
        for position, unit in enumerate(units[: self.headline_units]):
            words = language.words(unit.text)
            if self.noise_reason(unit.text, language, strict=False) is not None or len(words) < self.headline_min_words:
                continue
            limit = self.headline_max_words_ended if _TERMINAL.search(unit.text) else self.headline_max_words
            if len(words) > limit or position == len(units) - 1:
                return None
            first = unit.text.lstrip()[:1]
            one_sentence = not re.search(r"[.!?][\"'”’]*\s+\S", unit.text)
            if one_sentence and (first.isupper() or first in "\"'“‘«"):
                return unit
        return None

    def detect_title(self, text: str, language: Language) -> str:
        """A headline at the top of the text, or ``""`` (see :meth:`headline`)."""
        headline = self.headline(self.split_units(text), language)
        return collapse_whitespace(headline.text) if headline else ""


_DEFAULT = Cleaner()


def split_units(text: str) -> list[Unit]:
    """:meth:`Cleaner.split_units` of the default cleaner."""
    return _DEFAULT.split_units(text)


def noise_reason(unit_text: str, language: Language, *, strict: bool = True) -> str | None:
    """:meth:`Cleaner.noise_reason` of the default cleaner."""
    return _DEFAULT.noise_reason(unit_text, language, strict=strict)


def content_blocks(text: str, language: Language) -> list[Block]:
    """:meth:`Cleaner.content_blocks` of the default cleaner."""
    return _DEFAULT.content_blocks(text, language)


def detect_title(text: str, language: Language) -> str:
    """:meth:`Cleaner.detect_title` of the default cleaner."""
    return _DEFAULT.detect_title(text, language)
