"""Readability of our briefings on news we did not tune on, beside what human summaries do.

    python benchmarks/readability.py                 # DUC 2004 dev clusters and DUC 2006-07 sets
    python benchmarks/readability.py --sets 20       # the first 20 DUC 2006-07 sets only

For each collection, at ``--words 100`` (the CLI default: never over the budget) and at
``--words 100 --allow-overrun``, it prints:

- openers: the share of chosen sentences that are the first sentence of their article, and the
  same share for the human summaries (DUC 2004 only, where they exist): each sentence of a human
  summary is matched to the source sentence it shares the most content words with;
- colon: the share of chosen sentences that end in ":" (their follow-up is missing);
- quotes: the share of chosen sentences that are a quotation nobody is said to have said
  (:func:`summarize.cues.unattributed_quote`);
- half quotes: the share that open or close a quotation they do not contain, the head or tail
  of one that runs over several sentences (:func:`summarize.cues.half_quotation`; such a
  sentence is penalised, not barred, so this is reported rather than targeted);
- pronouns: the share that open on "He", "She" or "They" with no note saying who
  (:func:`summarize.names.pronoun_note`);
- notices: the share of chosen sentences that a cleaning notice rule matches (captions, credits,
  site notices; :func:`summarize.clean.notice_reason`);
- overruns: the share of briefings longer than the word budget, and the longest;
- failures: the share of sets with no briefing.

Targets (issue 20): 0 for all but openers, which is reported beside the human figure.
Data: ``../shared/benchmarks/duc2004/dev.jsonl`` and ``../shared/corpora/duc2006-2007.jsonl.gz``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DUC2004 = REPO.parent / "shared" / "benchmarks" / "duc2004" / "dev.jsonl"
DUC2006 = REPO.parent / "shared" / "corpora" / "duc2006-2007.jsonl.gz"
WORDS = 100


def duc2004(path: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                raw = json.loads(line)
                yield raw["cluster"], raw["documents"], raw["references"]


def duc2006(path: Path, limit: int | None) -> Iterator[tuple[str, list[str], list[str]]]:
    sets: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                raw = json.loads(line)
                sets.setdefault(raw["set"], []).append(raw["text"])
    for number, name in enumerate(sorted(sets)):
        if limit is not None and number >= limit:
            break
        yield name, sets[name], []


def _human_openers(documents: Sequence[str], references: Sequence[str]) -> tuple[int, int]:
    """(reference sentences matched to an article's first sentence, reference sentences)."""
    from summarize import Summarizer
    from summarize.language import get_language
    from summarize.load import as_documents
    from summarize.represent import tokenize

    summarizer = Summarizer()
    language = get_language("english")
    docs = as_documents(list(documents))
    sentences = summarizer.split(summarizer.clean(docs))
    source_terms = [set(tokenize(sentence.text, language)) for sentence in sentences]
    openers = total = 0
    for reference in references:
        for text in re.split(r"(?<=[.!?])\s+", reference.strip()):
            terms = set(tokenize(text, language))
            if len(terms) < 3:
                continue
            best = max(range(len(sentences)), key=lambda i: (len(terms & source_terms[i]), -i))
            total += 1
            openers += sentences[best].position == 0
    return openers, total


def measure(collection: Sequence[tuple[str, list[str], list[str]]], overrun: bool) -> dict[str, float]:
    from summarize import Summarizer, SummarizeError
    from summarize.clean import notice_reason
    from summarize.cues import half_quotation, unattributed_quote
    from summarize.load import as_documents
    from summarize.names import opens_on_a_pronoun

    summarizer = Summarizer()
    chosen = openers = colon = quotes = halves = pronouns = notices = overruns = failures = 0
    longest = 0
    for _name, documents, _references in collection:
        docs = as_documents(list(documents))
        sentences = summarizer.split(summarizer.clean(docs))
        first = {(s.document, s.start) for s in sentences if s.position == 0}
        try:
            briefing = summarizer(docs, words=WORDS, allow_overrun=overrun)
        except SummarizeError:
            failures += 1
            continue
        words = sum(len(sentence.text.split()) for sentence in briefing.sentences)
        longest = max(longest, words)
        overruns += words > WORDS
        for sentence in briefing.sentences:
            chosen += 1
            openers += (sentence.document, sentence.start) in first
            colon += sentence.text.rstrip().endswith(":")
            quotes += unattributed_quote(sentence.text)
            halves += half_quotation(sentence.text)
            pronouns += opens_on_a_pronoun(sentence.text) and not any(note.start <= 1 for note in sentence.names)
            notices += notice_reason(sentence.text) is not None
    sets = len(collection)
    return {"sets": sets, "sentences": chosen, "openers": openers / max(chosen, 1), "colon": colon / max(chosen, 1),
            "quotes": quotes / max(chosen, 1), "halves": halves / max(chosen, 1),
            "pronouns": pronouns / max(chosen, 1),
            "notices": notices / max(chosen, 1), "overruns": overruns / max(sets, 1), "longest": longest,
            "failures": failures / max(sets, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", type=int, metavar="N", help="only the first N DUC 2006-07 sets")
    args = parser.parse_args(argv)
    for path in (DUC2004, DUC2006):
        if not path.is_file():
            parser.error(f"{path}: no such file (see ../shared)")
    collections = {"DUC 2004 dev": list(duc2004(DUC2004)), "DUC 2006-07": list(duc2006(DUC2006, args.sets))}
    human = [_human_openers(documents, references) for _, documents, references in collections["DUC 2004 dev"]]
    human_share = sum(o for o, _ in human) / max(sum(t for _, t in human), 1)
    print(f"human summaries (DUC 2004 dev): {human_share:.1%} of their sentences match an article's first sentence")
    print("| collection | budget | sets | sentences | openers | ends in ':' | whole quotes | half quotes | pronouns "
          "| notices | over budget | longest | failed |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, collection in collections.items():
        for overrun in (False, True):
            row = measure(collection, overrun)
            budget = f"--words {WORDS}" + (" --allow-overrun" if overrun else "")
            print(f"| {name} | `{budget}` | {row['sets']} | {row['sentences']} | {row['openers']:.1%} | "
                  f"{row['colon']:.1%} | {row['quotes']:.1%} | {row['halves']:.1%} | {row['pronouns']:.1%} | {row['notices']:.1%} | {row['overruns']:.1%} | {row['longest']} | "
                  f"{row['failures']:.1%} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
