"""Speed and scale: our pipeline against sumy's TextRank and LexRank on the same input, same run.

    python benchmarks/speed.py                  # sizes 500 … whole corpus
    python benchmarks/speed.py --sizes 500,2000 --cap 60 --json out.json

Input: real articles from ``../shared/corpora/duc2006-2007.jsonl.gz`` (never copied into this
repository), whole articles in file order until a size in sentences is reached. Every
measurement runs in a fresh child process, so peak memory (max RSS) is that run's alone; ours
runs --repeat times per size (the median is reported), each peer once (seconds, not milliseconds).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "corpora" / "duc2006-2007.jsonl.gz"
DEFAULT_JSON = REPO / "benchmarks" / "results" / "speed.json"
DEFAULT_SIZES = (500, 2000, 8000, 32000, 0)  # 0: the whole corpus


def load_articles(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def take_sentences(articles: list[dict], size: int) -> list[dict]:
    """Whole articles, in order, until about ``size`` sentences (by our splitter's count)."""
    sys.path.insert(0, str(REPO))
    from summarize import Document, Summarizer

    if size == 0:
        return articles
    summarizer = Summarizer()
    chosen, count = [], 0
    for article in articles:
        document = Document(id=article["id"], text=article["text"])
        count += len(summarizer.split(summarizer.clean([document])))
        chosen.append(article)
        if count >= size:
            break
    return chosen


def _ours(articles: list[dict], queue: mp.Queue) -> None:
    """The pipeline's own call, timed stage by stage through its ``on_stage`` callback."""
    sys.path.insert(0, str(REPO))
    from summarize import Document, Summarizer, render_briefing

    documents = [Document(id=a["id"], text=a["text"], title=a.get("title") or "") for a in articles]
    marks: list[tuple[str, float]] = []
    started = time.perf_counter()
    briefing = Summarizer()(documents, sentences=6, on_stage=lambda name: marks.append((name, time.perf_counter())))
    render_briefing(briefing, "markdown")
    total = time.perf_counter() - started
    stages = {name: end - start for (name, start), (_, end) in zip(marks, marks[1:])}
    sentences = Summarizer().split(Summarizer().clean(documents))  # untimed: the count only
    queue.put({"sentences": len(sentences), "seconds": total, "stages": stages,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _sumy(name: str, articles: list[dict], queue: mp.Queue) -> None:
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "benchmarks"))
    from quality import Cluster, _split_cluster, _Words
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cluster = Cluster(id="x", documents=[a["text"] for a in articles], references=[], peers={})
    per_document = _split_cluster(cluster)  # our split, untimed: sumy's own needs NLTK data
    started = time.perf_counter()
    words = _Words()
    document = ObjectDocumentModel([Paragraph([Sentence(t, words) for t in s]) for s in per_document if s])
    summarizer = {"sumy-TextRank": TextRankSummarizer, "sumy-LexRank": LexRankSummarizer}[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summarizer(document, 6)
    queue.put({"seconds": time.perf_counter() - started,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _whole_call(texts: list[str], queue: mp.Queue) -> None:
    """The public call, as a user makes it (its copy cap included), on ``texts``."""
    sys.path.insert(0, str(REPO))
    from summarize import Document, summarize

    started = time.perf_counter()
    briefing = summarize([Document(id=f"d{n}", text=text) for n, text in enumerate(texts)])
    queue.put({"seconds": time.perf_counter() - started, "lines": len(briefing.sentences),
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def repetitive_rows(articles: list[dict], cap: float) -> list[tuple[str, int, dict | None]]:
    """Repetition must not cost more than the same amount of ordinary text: one sentence 10,000
    times, one article 1,000 times, and real articles of the same size beside them."""
    sentence = "The council approved the new budget on Monday after a long debate in the town hall. "
    article = articles[0]["text"]
    ordinary_chars = len(article) * 1000
    ordinary, size = [], 0
    for candidate in articles:
        if size >= ordinary_chars:
            break
        ordinary.append(candidate["text"])
        size += len(candidate["text"])
    cases = [("one sentence x 10,000 (one document)", [sentence * 10_000]),
             ("one article x 1,000 (1,000 documents)", [article] * 1000),
             ("real articles, same characters", ordinary)]
    return [(name, sum(map(len, texts)), measure(_whole_call, (texts,), cap=cap)) for name, texts in cases]


def measure(target, args: tuple, cap: float) -> dict | None:
    """Run ``target`` in a fresh process; None when it does not finish within ``cap`` seconds."""
    queue: mp.Queue = mp.Queue()
    process = mp.get_context("fork").Process(target=target, args=(*args, queue))
    process.start()
    process.join(cap)
    if process.is_alive():
        process.kill()
        process.join()
        return None
    return queue.get() if not queue.empty() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="sentence counts, 0 for the whole corpus (default: %(default)s)")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a peer run is abandoned")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--no-batch", action="store_true", help="skip timing the 95-set batch")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of ours per size, the median reported (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"speed.py: error: no data at {args.data} (use --data PATH)", file=sys.stderr)
        return 1
    articles = load_articles(args.data)
    rows = []
    peers_alive = {"sumy-TextRank": True, "sumy-LexRank": True}
    for size in (int(s) for s in args.sizes.split(",")):
        chosen = take_sentences(articles, size)
        # Ours takes well under a second at small sizes, where one run is mostly noise.
        runs = [measure(_ours, (chosen,), cap=600) for _ in range(max(1, args.repeat))]
        ours = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
        row = {"size": size or "all", "articles": len(chosen), "chars": sum(len(a["text"]) for a in chosen), "ours": ours}
        for name in peers_alive:
            result = measure(_sumy, (name, chosen), cap=args.cap) if peers_alive[name] else None
            peers_alive[name] = result is not None  # a peer that timed out is not tried on larger sizes
            row[name] = result
        rows.append(row)
        _print_row(row)
    for earlier, later in zip(rows, rows[1:]):
        a, b = earlier["ours"], later["ours"]
        later["exponent"] = math.log(b["seconds"] / a["seconds"]) / math.log(b["sentences"] / a["sentences"])
    repetitive = repetitive_rows(articles, cap=600)
    batch = {} if args.no_batch else time_batch(args.data)
    print()
    print(format_table(rows))
    print()
    print("| input | chars | seconds | peak MB | briefing lines |")
    print("|---|---:|---:|---:|---:|")
    for name, chars, result in repetitive:
        shown = (f"{result['seconds']:.2f} | {result['peak_mb']:.0f} | {result['lines']}" if result
                 else "> 600 | — | —")
        print(f"| {name} | {chars:,} | {shown} |")
    for jobs, seconds in batch.items():
        print(f"batch of 95 sets, --jobs {jobs}: {seconds:.2f} s")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"sizes": rows, "batch_seconds_by_jobs": batch,
                                     "repetitive": [{"input": n, "chars": c, **(r or {})} for n, c, r in repetitive]},
                                    indent=1) + "\n", encoding="utf-8")
    return 0


def time_batch(data: Path) -> dict[int, float]:
    """The whole corpus as a batch of its 95 sets, with one process and with two."""
    sys.path.insert(0, str(REPO))
    from summarize.batch import load_sets, summarize_sets

    sets = load_sets(data)
    timings = {}
    for jobs in (1, 2):
        started = time.perf_counter()
        results = list(summarize_sets(sets, jobs=jobs))
        timings[jobs] = time.perf_counter() - started
        assert all(result.briefing for result in results)
    return timings


def _print_row(row: dict) -> None:
    print(f"measured {row['size']}: {row['ours']['sentences']} sentences in {row['ours']['seconds']:.2f} s", file=sys.stderr)


def format_table(rows: list[dict]) -> str:
    header = ("| sentences | chars | ours s | clean | split | repr. | stories | rank | select | peak MB | sent/s "
              "| exponent | sumy TextRank s | ratio | sumy LexRank s | ratio |")
    lines = [header, "|" + "|".join(["---:"] * (header.count("|") - 1)) + "|"]
    for row in rows:
        ours = row["ours"]
        stages = ours["stages"]

        def peer(name: str) -> tuple[str, str]:
            result = row.get(name)
            if result is None:
                return "> cap", "—"
            return f"{result['seconds']:.2f}", f"{result['seconds'] / ours['seconds']:.0f}x"

        textrank, textrank_ratio = peer("sumy-TextRank")
        lexrank, lexrank_ratio = peer("sumy-LexRank")
        exponent = f"{row['exponent']:.2f}" if "exponent" in row else "—"
        lines.append(
            f"| {ours['sentences']:,} | {row['chars']:,} | {ours['seconds']:.2f} | {stages['clean']:.2f} | "
            f"{stages['split']:.2f} | {stages['represent']:.2f} | {stages.get('stories', 0.0):.2f} | "
            f"{stages['rank']:.2f} | {stages['select']:.2f} | "
            f"{ours['peak_mb']:.0f} | {ours['sentences'] / ours['seconds']:,.0f} | {exponent} | "
            f"{textrank} | {textrank_ratio} | {lexrank} | {lexrank_ratio} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
