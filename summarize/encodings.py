"""Decode the bytes of a text file: byte-order mark, UTF-8, then a detected legacy encoding.

Legacy encodings (Windows-1251 Russian, KOI8-R, ISO-8859-7 Greek, GB18030, Shift-JIS …) cannot be
told apart by their bytes alone with certainty. charset-normalizer proposes candidates; the
language the user named decides among them and the encodings usual for that language: the
decoding whose letters are in the language's script and whose words are its stop words wins.
Text is never decoded with replacement characters, so no mojibake reaches a briefing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from typing import TYPE_CHECKING

from ._logging import get_logger
from .errors import InputError, OptionsError

if TYPE_CHECKING:
    from .language import Language

__all__ = ["Decoded", "decode_bytes", "check_encoding", "LEGACY_ENCODINGS"]

logger = get_logger(__name__)

#: The legacy encodings a language's web pages and files were commonly saved in, most common first.
LEGACY_ENCODINGS: dict[str, tuple[str, ...]] = {
    "CYRILLIC": ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic"),
    "GREEK": ("iso8859_7", "cp1253"),
    "ARABIC": ("cp1256", "iso8859_6"),
    "HEBREW": ("cp1255", "iso8859_8"),
    "THAI": ("cp874", "tis_620"),
    "HANGUL": ("cp949", "euc_kr"),
    "chinese": ("gb18030", "big5"),
    "japanese": ("cp932", "euc_jp", "iso2022_jp"),
    "central": ("cp1250", "iso8859_2"),
    "turkish": ("cp1254", "iso8859_9"),
    "LATIN": ("cp1252", "iso8859_15", "latin_1"),
}
_CENTRAL_EUROPEAN = frozenset({"czech", "slovak", "polish", "hungarian", "slovene", "romanian", "croatian"})
_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\x1f\x8b", b"\xff\xd8\xff", b"GIF8", b"BZh",
          b"\x7fELF", b"7z\xbc\xaf", b"Rar!")
# Control bytes that never appear in text (tab, newlines, form feed and escape excepted).
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 65536  # bytes judged: enough words to tell, cheap on a large file
# Scores closer than this are equal (the earlier candidate wins); a rival decoding (another text)
# scoring within _CLOSE of the chosen one makes the guess unsure.
_TIE = 0.01
_CLOSE = 0.05
# An encoding unusual for the language must read that much better to be chosen: on a short text
# typographic quotes and dashes count as "mess" that a Baltic or Cyrillic reading turns into
# letters.
_UNUSUAL = 0.15
_ENOUGH_WORDS = 15
# Binary, not text: over 10% control bytes in the sample (text has tabs and newlines, which are
# not counted; a PNG or a zip file is full of the others).
_MAX_CONTROL_SHARE = 0.1
# UTF-16 without a byte-order mark: in its first 4 KB at least 30% NUL bytes (every other byte of
# Latin text), over 90% of them on one side (odd positions: little-endian).
_UTF16_HEAD = 4096
_UTF16_MIN_NUL_SHARE = 0.3
_UTF16_SIDE_SHARE = 0.9
# The chosen reading must put at least 90% of its letters in the language's scripts, and a long
# text at least 5% of its words among the language's stop words, or the guess is unsure.
_SURE_SCRIPT_SHARE = 0.9
_MIN_STOP_WORD_SHARE = 0.05


@dataclass(frozen=True)
class Decoded:
    """Text and how it was decoded; ``unsure`` when a legacy encoding was guessed on weak evidence."""

    text: str
    encoding: str
    unsure: bool = False


def check_encoding(name: str) -> str:
    """The codec name for ``name``; :class:`OptionsError` for an unknown encoding."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise OptionsError(f"unknown encoding {name!r} (examples: utf-8, cp1251, koi8-r, iso-8859-7, gb18030, shift_jis)") from None


def looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    head = data[:_SAMPLE]
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(head)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by where its NUL bytes fall."""
    head = data[:_UTF16_HEAD]
    if len(head) < 4 or head.count(0) < _UTF16_MIN_NUL_SHARE * len(head):
        return None
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    encoding = "utf-16-le" if odd_nuls > _UTF16_SIDE_SHARE * head.count(0) else None
    if even_nuls > _UTF16_SIDE_SHARE * head.count(0):
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _fit(text: str, language: Language) -> tuple[float, float]:
    """How well ``text`` reads as ``language``: the share of its letters in the language's script,
    and the share of its words (two letters or more) that are the language's stop words."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0, 0.0
    scripts = language.scripts
    counts = Counter(_script_of(char) for char in letters)
    in_script = sum(count for script, count in counts.items() if script in scripts) / len(letters)
    words = [word for word in _WORD.findall(text.lower()) if len(word) > 1]
    stops = sum(1 for word in words if word in language.stop_words) / len(words) if words else 0.0
    return in_script, stops


def _legacy_candidates(language: Language) -> tuple[str, ...]:
    if language.name in ("chinese", "japanese", "turkish"):
        own = LEGACY_ENCODINGS[language.name]
    elif language.name in _CENTRAL_EUROPEAN:
        own = LEGACY_ENCODINGS["central"]
    else:
        own = LEGACY_ENCODINGS.get(language.script, ())
    return own + LEGACY_ENCODINGS["LATIN"]


def _detect(data: bytes, language: Language) -> Decoded:
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    sample = data[:_SAMPLE]
    proposed = [match.encoding for match in from_bytes(sample)]
    # The language's usual encodings first: among equally good readings (short text, or
    # encodings that differ only in letters the text lacks) the usual one is the likelier.
    usual = _legacy_candidates(language)
    candidates = list(dict.fromkeys([*usual, *proposed[:5]]))
    scored: list[tuple[float, float, str, str]] = []  # score, share in script, encoding, text
    for encoding in candidates:
        prior = 0.0 if encoding in usual else -_UNUSUAL
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        in_script, stops = _fit(text[:_SAMPLE], language)
        # charset-normalizer's own measure of garbled text (odd symbols, mixed case and scripts)
        scored.append((in_script + stops - mess_ratio(text[:_SAMPLE], 1.0) + prior, in_script, encoding, text))
    if not scored:  # Latin-1 decodes any bytes; reached only if every codec above refused
        return Decoded(data.decode("latin-1"), "latin_1", unsure=True)
    # The best score; among near-equals the earlier candidate.
    best = max(scored, key=lambda row: row[0])
    chosen = next(row for row in scored if row[0] >= best[0] - _TIE)
    rivals = [row for row in scored if row[3] != chosen[3] and row[0] >= chosen[0] - _CLOSE]
    # Unsure: the letters are not the language's script, another reading is as good, or a text
    # long enough to hold stop words holds none of the language's (read in the wrong code page,
    # or written in another language than the one named).
    words = [word for word in _WORD.findall(chosen[3][:_SAMPLE]) if len(word) > 1]
    foreign = bool(language.stop_words) and len(words) >= _ENOUGH_WORDS and _fit(chosen[3][:_SAMPLE], language)[1] < _MIN_STOP_WORD_SHARE
    unsure = chosen[1] < _SURE_SCRIPT_SHARE or bool(rivals) or foreign
    return Decoded(chosen[3], codecs.lookup(chosen[2]).name, unsure=unsure)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray Windows-1252 bytes (one file pasted together from two
    sources: "café" in UTF-8, then "naïve" in cp1252), decoded as such; ``None`` when the bytes
    are not mostly UTF-8. Reading it all as cp1252 would turn every UTF-8 letter into mojibake,
    so UTF-8 must be a main encoding: a valid multi-byte sequence for every few stray bytes.
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = len(_HIGH_BYTES.findall(data)) - sum(map(len, sequences))
    if not sequences or stray > _STRAY_PER_SEQUENCE * len(sequences):
        return None
    pieces, last_stray = [], -2
    for match in _UTF8_PIECE.finditer(data):
        piece = match.group()
        try:
            pieces.append(piece.decode("utf-8"))
        except UnicodeDecodeError:  # a stray byte, or a sequence strict UTF-8 refuses (overlong)
            # A cp1252 letter stands alone among ASCII ("naïve"); strays side by side are a
            # multi-byte legacy encoding (GB18030, Shift_JIS, cp1251 words), not this case.
            if match.start() == last_stray:
                return None
            last_stray = match.end()
            pieces.append(piece.decode("cp1252", errors="replace"))
    return "".join(pieces)


_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
#: Stray bytes a mostly-UTF-8 file may hold per valid multi-byte sequence. Legacy text has few
#: valid sequences by chance (in cp1251, an upper-case letter before "і" or "ё"; in cp1252,
#: "Ã©" only where mojibake already is) and a stray byte for nearly every non-ASCII letter.
_STRAY_PER_SEQUENCE = 4
_UTF8_PIECE = re.compile(rb"[\x00-\x7f]+|" + _UTF8_SEQUENCE.pattern + rb"|[\x80-\xff]")


def decode_bytes(data: bytes, name: str = "<input>", *, language: Language | None = None,
                 encoding: str | None = None) -> Decoded:
    """Decode the bytes of a text file; raise :class:`InputError` for binary data.

    ``encoding`` forces one. Otherwise: a byte-order mark (UTF-32, UTF-16, UTF-8), UTF-16 without
    one, strict UTF-8, then the legacy encoding that charset-normalizer proposes or that is usual
    for ``language`` (default English) and that reads best as that language.
    """
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: not valid {encoding} text ({error.reason} at byte {error.start})") from None
    for bom, bom_encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
        (codecs.BOM_UTF8, "utf-8-sig"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(bom_encoding), bom_encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: not valid {bom_encoding.upper()} text ({error.reason})") from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return Decoded(utf16, "utf-16")
    if looks_binary(data):
        raise InputError(f"{name}: binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return Decoded(mixed, "utf-8+cp1252", unsure=True)
    if language is None:
        from .language import get_language

        language = get_language("english")
    return _detect(data, language)
