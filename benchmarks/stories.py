"""Stories: how well ``group_stories`` recovers the stories of a mixed pile, against a baseline.

    python benchmarks/stories.py                 # both piles, ours and the baseline
    python benchmarks/stories.py --json out.json
    python benchmarks/stories.py --oracle        # also what cuts of our tree reach, answer known

Each pile mixes every document of a benchmark into one input, in file order, and the true story
of each document is its set: the 25 clusters of ``../shared/benchmarks/duc2004/dev.jsonl``
(single events, 10 articles each) and the 95 sets of ``../shared/corpora/duc2006-2007.jsonl.gz``
(topics, 25 articles each, broader than events). Neither is copied into this repository.

Scores: the number of stories found, B-cubed precision, recall and F1 (Bagga & Baldwin 1998, the
usual measure for clustering documents into events: per document, the share of its story that is
truly its set, and the share of its set that is in its story), and NMI. Every run is a fresh
child process, so its time and peak memory (max RSS, the whole process) are its own.

The baseline is what a careful newcomer would write: the same tokens (our cleaning, stop words
and stems), unigram TF-IDF, average-link clustering at one cosine threshold (0.15, the best
single value for both piles in a sweep of 0.05-0.30).
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
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DUC2004 = SHARED / "benchmarks" / "duc2004" / "dev.jsonl"
DUC2006 = SHARED / "corpora" / "duc2006-2007.jsonl.gz"
BASELINE_THRESHOLD = 0.15


def load_pile(name: str) -> tuple[list[dict], list[str]]:
    """Documents (``id``, ``text``, ``title``) and their true set labels, in file order."""
    documents, labels = [], []
    if name == "DUC 2004 dev":
        with open(DUC2004, encoding="utf-8") as stream:
            for line in stream:
                cluster = json.loads(line)
                for number, text in enumerate(cluster["documents"], start=1):
                    documents.append({"id": f"{cluster['cluster']}-{number}", "text": text, "title": ""})
                    labels.append(cluster["cluster"])
    else:
        with gzip.open(DUC2006, "rt", encoding="utf-8") as stream:
            for line in stream:
                article = json.loads(line)
                documents.append({"id": article["id"], "text": article["text"], "title": article.get("title") or ""})
                labels.append(article["set"])
    return documents, labels


def bcubed(predicted: list[int], truth: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1, from the contingency counts (linear time)."""
    both = Counter(zip(predicted, truth))
    found = Counter(predicted)
    true = Counter(truth)
    n = len(truth)
    precision = sum(count * count / found[story] for (story, _), count in both.items()) / n
    recall = sum(count * count / true[label] for (_, label), count in both.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def nmi(predicted: list[int], truth: list[str]) -> float:
    """Normalised mutual information (geometric mean of the two entropies)."""
    n = len(truth)
    both = Counter(zip(predicted, truth))
    found, true = Counter(predicted), Counter(truth)
    mutual = sum(c / n * math.log(c * n / (found[a] * true[b])) for (a, b), c in both.items())
    entropy_found = -sum(c / n * math.log(c / n) for c in found.values())
    entropy_true = -sum(c / n * math.log(c / n) for c in true.values())
    return mutual / math.sqrt(entropy_found * entropy_true) if entropy_found * entropy_true > 0 else 0.0


def _ours(documents: list[dict]) -> list[int]:
    from summarize import Document
    from summarize.stories import group_stories

    docs = [Document(id=d["id"], text=d["text"], title=d["title"]) for d in documents]
    story_of = {}
    for number, story in enumerate(group_stories(docs), start=1):
        for document in story:
            story_of[document.id] = number
    return [story_of[d["id"]] for d in documents]


def _baseline(documents: list[dict]) -> list[int]:
    """Unigram TF-IDF (sublinear), average link, one cosine threshold."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from summarize.clean import content_blocks
    from summarize.language import get_language
    from summarize.represent import tokenize

    language = get_language("english")
    cache: dict[str, str] = {}
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, document in enumerate(documents):
        text = document["text"]
        terms = Counter(term for block in content_blocks(text, language)
                        for term in tokenize(text[block.start : block.end], language, cache))
        for term, count in terms.items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + math.log(count))
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(len(documents), len(vocabulary)))
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    matrix = sp.csr_matrix(matrix @ sp.diags(np.log((1 + len(documents)) / (1 + df)) + 1))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sp.csr_matrix(sp.diags(1 / np.maximum(norms, 1e-12)) @ matrix)
    distances = 1.0 - (matrix @ matrix.T).toarray()
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(np.clip(distances, 0, None), checks=False), method="average")
    return fcluster(tree, t=1.0 - BASELINE_THRESHOLD, criterion="distance").tolist()


METHODS = {"ours": _ours, "baseline": _baseline}


def oracle(pile: str) -> dict:
    """What cuts of our average-link tree reach on ``pile`` when the answer is known: the best
    single threshold (swept 0.05-0.30 by 0.01, loners attached as ``group_stories`` does) and
    the best cut branch by branch (any set of subtrees that covers every document, loners left
    alone). B-cubed precision and recall are sums over stories, so for a weight w the cut that
    maximises w x precision + (1 - w) x recall is found subtree by subtree. Over 37 weights, the
    best F1 of those cuts is reached; no cut can do better than the best F1 of any precision and
    recall within every weight's maximum (``any_cut_bound``)."""
    import numpy as np

    from summarize import Document, Summarizer
    from summarize.stories import StoryGrouper, canonical_order, paragraph_terms

    documents, truth = load_pile(pile)
    docs = [Document(id=d["id"], text=d["text"], title=d["title"]) for d in documents]
    summarizer, grouper = Summarizer(), StoryGrouper()
    paragraphs = paragraph_terms(summarizer.clean(docs), summarizer.resources)
    order = canonical_order(docs)
    vectors = grouper.vectors([paragraphs[i] for i in order])
    tree = grouper.tree(vectors)
    truth_sorted = [truth[i] for i in order]
    single = max((bcubed(grouper.labels(vectors, tree, threshold=cut).tolist(), truth_sorted)[2], cut)
                 for cut in np.round(np.arange(0.05, 0.305, 0.01), 2))
    names = sorted(set(truth_sorted))
    labels = np.array([names.index(label) for label in truth_sorted])
    set_sizes = np.bincount(labels)
    n = len(labels)
    counts = [np.bincount([label], minlength=len(names)) for label in labels]
    children = {}
    for merge, (left, right, _, _) in enumerate(tree):
        counts.append(counts[int(left)] + counts[int(right)])
        children[n + merge] = (int(left), int(right))

    def precision_recall(node: int) -> tuple[float, float]:
        c = counts[node]
        return float((c * c).sum() / c.sum()), float((c * c / set_sizes).sum())

    best = (0.0, 0.0, 0.0, 0)
    weights = np.linspace(0.05, 0.95, 37)
    maxima = []
    for weight in weights:
        value, cut = {}, {}
        for node in range(len(counts)):
            p, r = precision_recall(node)
            whole = weight * p + (1 - weight) * r
            if node in children and value[children[node][0]] + value[children[node][1]] > whole:
                left, right = children[node]
                value[node], cut[node] = value[left] + value[right], cut[left] + cut[right]
            else:
                value[node], cut[node] = whole, [node]
        maxima.append(value[len(counts) - 1] / n)
        chosen = cut[len(counts) - 1]
        precision = sum(precision_recall(node)[0] for node in chosen) / n
        recall = sum(precision_recall(node)[1] for node in chosen) / n
        f1 = 2 * precision * recall / (precision + recall)
        best = max(best, (f1, precision, recall, len(chosen)))
    grid = np.linspace(0.0, 1.0, 1001)
    precision_grid, recall_grid = np.meshgrid(grid, grid)
    feasible = np.ones_like(precision_grid, dtype=bool)
    for weight, maximum in zip(weights, maxima):
        feasible &= weight * precision_grid + (1 - weight) * recall_grid <= maximum + 1e-9
    f1_grid = 2 * precision_grid * recall_grid / np.maximum(precision_grid + recall_grid, 1e-12)
    bound = float(f1_grid[feasible].max())
    return {"pile": pile, "single_cut_f1": single[0], "single_cut": single[1], "any_cut_bound": bound, "any_cut_f1": best[0],
            "any_cut_precision": best[1], "any_cut_recall": best[2], "any_cut_stories": best[3]}


def _child(method: str, pile: str, queue: mp.Queue) -> None:
    sys.path.insert(0, str(REPO))
    documents, _ = load_pile(pile)
    started = time.perf_counter()
    labels = METHODS[method](documents)
    seconds = time.perf_counter() - started
    queue.put((labels, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def measure(method: str, pile: str) -> dict:
    queue: mp.Queue = mp.get_context("spawn").Queue()
    process = mp.get_context("spawn").Process(target=_child, args=(method, pile, queue))
    process.start()
    try:
        labels, seconds, peak = queue.get(timeout=3600)
    except Exception:  # the child died (its traceback is on stderr) or hung
        process.kill()
        raise SystemExit(f"stories.py: error: {method} on {pile} failed")
    process.join()
    _, truth = load_pile(pile)
    precision, recall, f1 = bcubed(labels, truth)
    return {"pile": pile, "method": method, "documents": len(truth), "true": len(set(truth)),
            "found": len(set(labels)), "precision": precision, "recall": recall, "f1": f1,
            "nmi": nmi(labels, truth), "seconds": seconds, "peak_mb": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--oracle", action="store_true",
                        help="also print the best cuts of our tree, chosen knowing the answer")
    args = parser.parse_args(argv)
    for path in (DUC2004, DUC2006):
        if not path.exists():
            print(f"stories.py: error: {path} not found (the benchmark data lives in ../shared)", file=sys.stderr)
            return 1
    rows = [measure(method, pile) for pile in ("DUC 2004 dev", "DUC 2006-07") for method in METHODS]
    print("| pile | method | documents | stories true | found | B3 precision | B3 recall | B3 F1 | NMI | seconds | peak MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['pile']} | {row['method']} | {row['documents']:,} | {row['true']} | {row['found']} | "
              f"{row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['nmi']:.3f} | "
              f"{row['seconds']:.2f} | {row['peak_mb']:.0f} |")
    if args.oracle:
        print()
        print("| pile | best single cut, B3 F1 (threshold) | best cut branch by branch, B3 F1 (precision / recall, stories) "
              "| no cut above |")
        print("|---|---:|---:|---:|")
        for pile in ("DUC 2004 dev", "DUC 2006-07"):
            best = oracle(pile)
            print(f"| {pile} | {best['single_cut_f1']:.3f} ({best['single_cut']:.2f}) | {best['any_cut_f1']:.3f} "
                  f"({best['any_cut_precision']:.3f} / {best['any_cut_recall']:.3f}, {best['any_cut_stories']}) | "
                  f"{best['any_cut_bound']:.3f} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
