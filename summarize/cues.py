"""Selection cues: wording that tells the selector a sentence cannot stand alone or only frames
the story. Their word lists live here, per language; :mod:`summarize.language` hands them to a
:class:`~summarize.language.Language`, :func:`summarize.represent.represent` marks each sentence,
and :class:`~summarize.select.Selector` lowers those sentences' scores (``dependent_weight``,
``framing_weight``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .language import Language

__all__ = ["ASCII_TOKEN", "CONNECTIVE_OPENERS", "DANGLING_OPENERS", "FRAMING_CUES", "RESTATEMENT_OPENERS", "TOKEN",
           "ascii_variant", "depends_on_context", "frames_the_story", "half_quotation", "tokens", "unattributed_quote"]

#: A word: letters or digits, joined by inner apostrophes, hyphens, periods or ampersands
#: (U.S, AT&T, 11-12, Kyiv's); a final period is left to the sentence. (Also represent's tokens.)
TOKEN = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*")


def ascii_variant(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` for text of ASCII characters alone, its letter-or-digit class ``[^\\W_]``
    written out as ``[A-Za-z0-9]``: over ASCII text the two match the same characters, and re
    reads the explicit class faster (the tokenizing of benchmarks/floor.py's 2,000 sentences:
    22 -> 19 ms)."""
    return re.compile(pattern.pattern.replace(r"[^\W_]", "[A-Za-z0-9]"), pattern.flags)


#: TOKEN for a text of ASCII characters alone (:func:`tokens` picks it).
ASCII_TOKEN = ascii_variant(TOKEN)


def tokens(text: str) -> list[str]:
    """The words :data:`TOKEN` finds in ``text``, found faster when it is all ASCII."""
    return (ASCII_TOKEN if text.isascii() else TOKEN).findall(text)

# Words that, opening a sentence, lean on the sentence before it ("These efforts", "But",
# "However"): quoted alone in a briefing, such a sentence reads as a dangling reference.
# Personal pronouns ("He said", "They") are not in the list: news names its subject once and
# goes on with "he", and penalising those sentences cost 0.2 ROUGE-1 on DUC 2004 (38.77 / 9.55
# with them, 38.95 / 9.61 without).
DANGLING_OPENERS: dict[str, frozenset[str]] = {
    "english": frozenset(
        """
        this these that those
        but however so also and or nor yet still then thus hence therefore meanwhile instead
        additionally moreover furthermore nevertheless nonetheless besides otherwise likewise
        similarly accordingly consequently afterwards later finally
        """.split()
    ),
}
# Phrases that open a restatement of what came before ("In other words, the poorest families
# will have less space", "In essence, this is a guarantee for Ukraine"): quoted alone, the
# sentence rewords a sentence the briefing may not carry. The Restatement connectives of the
# Penn Discourse Treebank that open a sentence before a comma. All 26 sentences of the DUC
# 2006-07 corpus that open so were read: each sums up or rewords the sentence before it. (In
# the seeds, a diplomat's "In essence, this is a guarantee ... equip its armed forces, finance
# them" restates the promise to keep up the aid, and was quoted beside it.)
RESTATEMENT_OPENERS: dict[str, str] = {
    "english": r"(?:in\s+(?:essence|other\s+words|short|sum|brief|effect)|put\s+simply|simply\s+put|that\s+is"
               r"|to\s+put\s+it\s+(?:another\s+way|simply))\s*,",
}
# Phrases that open a sentence by relating it to the one before ("In return, there will be a
# promise to continue the aid": in return for what?): the many-word counterparts of connectives
# :data:`DANGLING_OPENERS` already holds ("as a result" of "consequently", "in addition" of
# "additionally", "in return" and "in exchange" of "instead"), which only those single words
# used to catch. Before a comma, as with the restatements. 314 sentences of the DUC 2006-07
# corpus open so; two of each phrase (all of the rarer ones) were read with the sentence before
# them, and each leans on it. "In fact" and "In the end" are left out: they more often open a
# point that stands alone.
CONNECTIVE_OPENERS: dict[str, str] = {
    "english": r"(?:in\s+(?:return|exchange|turn|response|addition|contrast|particular)|as\s+a\s+result|by\s+contrast"
               r"|on\s+the\s+(?:other\s+hand|contrary)|even\s+so|for\s+(?:example|instance)|at\s+the\s+same\s+time"
               r"|to\s+that\s+end|because\s+of\s+(?:this|that)|as\s+such|after\s+that)\s*,",
}
# Constructions whose main clause only places the story inside something wider ("The effort is
# part of broader negotiations", "The sale came amid …"): the Edmundson (1969) cue method's
# stigma phrases, for framing that restates what the story is about instead of reporting a fact
# of it. No bag-of-words signal told these apart (see Selector.framing_weight); the wording does.
# Only the predicate form: "As part of a larger effort, the budget adds $5.5 million" opens a
# fact and is not matched.
FRAMING_CUES: dict[str, tuple[tuple[str, ...], str]] = {
    # (words one of which every match contains, lowercase; the pattern). The words gate the
    # pattern: a substring test is far cheaper than the search, and few sentences pass it.
    "english": (
        ("part", "amid", "backdrop"),
        r"\b(?:is|are|was|were|be|being|been|forms?|formed)\s+(?:(?:also|just|only|all)\s+)?"
        r"(?:a\s+|the\s+)?part\s+of\s+(?:a\s+|an\s+|the\s+)?(?:much\s+)?"
        r"(?:broader|larger|wider|bigger|greater|wider-ranging|overall)\b"
        r"|\b(?:comes|came)\s+(?:amid|amidst|against\s+(?:a|the)\s+backdrop)\b",
    ),
}

def depends_on_context(text: str, language: Language) -> bool:
    """True when a sentence cannot stand alone: it opens with a word that points back ("These
    efforts", "But", "However"), with a restatement ("In other words,"; see
    :data:`RESTATEMENT_OPENERS`) or with a connective of several words ("In return,"; see
    :data:`CONNECTIVE_OPENERS`), starts in lowercase (the tail of a broken sentence), or
    opens or closes a quotation it does not contain (:func:`half_quotation`)."""
    stripped = text.lstrip("\"'“‘«( ")
    if not stripped or stripped[0].islower():
        return True
    first = TOKEN.match(stripped)
    if first and first.group().lower() in language.dangling_openers:
        return True
    if language.leaning_opener is not None and language.leaning_opener.match(stripped):
        return True
    return half_quotation(text)


def half_quotation(text: str) -> bool:
    """True when a sentence opens or closes a quotation it does not contain: the head or the
    tail of a quotation that runs over several sentences ("School is as safe a place as you can
    put your kids.''"). Typographic, straight and newswire marks (``...'', or ''...'' where
    the first '' opens)."""
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return True
    if "''" in text or "``" in text:
        openers = len(_NEWSWIRE_APOSTROPHES_OPENING.findall(text))
        return text.count("``") + openers != text.count("''") - openers
    return False


# Two apostrophes open a newswire quotation where a word would start: ''Star Wars'' fans.
_NEWSWIRE_APOSTROPHES_OPENING = re.compile(r"(?:^|(?<=[\s(\[]))''(?=\w)")


def frames_the_story(text: str, language: Language) -> bool:
    """True when a sentence's main clause only places the story in a wider context ("The effort
    is part of broader negotiations …") rather than reporting something of it."""
    if language.framing is None:
        return False
    lowered = text.lower()
    return any(key in lowered for key in language.framing_keys) and language.framing.search(text) is not None


# Opening and closing quotation marks, typographic, straight, guillemets and newswire's ``...''.
_OPENING_QUOTE = re.compile(r"^\s*(?:``|[“\"«„‘'])")
_CLOSING_QUOTE = re.compile(r"(?:''|[”\"»“’'])\s*[.!?…]?\s*$")
_ANY_CLOSING_QUOTE = re.compile(r"''|[”\"»]")


def unattributed_quote(text: str) -> bool:
    """True when a sentence is a quotation and nothing else (“We will not give up.”): quoted
    alone in a briefing, nobody said it. “We will not give up,” she said, and a quotation that
    ends mid-sentence, are attributed and do not match."""
    opening = _OPENING_QUOTE.match(text)
    if not opening:  # most sentences: no need to look at their end
        return False
    closing = _CLOSING_QUOTE.search(text)
    if not closing or closing.start() <= opening.end():
        return False
    # The first closing mark after the opening one must be the last: else words stand between
    # two quotations ("..., " he said, "...").
    inner = _ANY_CLOSING_QUOTE.search(text, opening.end())
    return inner is not None and inner.start() >= closing.start()
