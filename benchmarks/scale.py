"""Scale-out: the same batch on every engine, in one run, as whole commands.

    python benchmarks/scale.py                 # 95 DUC 2006-07 sets; memory at 95 and 950 sets
    python benchmarks/scale.py --no-memory     # timings only (three runs each: about six minutes)

Each row is one fresh ``summarize --batch SETS -o OUT.jsonl`` process, timed from start to exit
(start-up, reading, the cluster's start and stop included), with the peak memory (max RSS) of
the client process alone: pool and Dask workers are other processes. Every engine's output is
compared byte for byte with ``--jobs 1``. Then:

- the Dask scheduler's own rate on tasks that do nothing (where a cluster becomes bound by the
  scheduler rather than by its workers), and
- how fast the client reads and parses the input (where it becomes bound by reading).

Input: ``../shared/corpora/duc2006-2007.jsonl.gz`` (95 sets of 25 articles; never copied into
this repository); the 950-set input repeats it ten times under new set ids.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "corpora" / "duc2006-2007.jsonl.gz"

# The driver runs the CLI in a fresh interpreter and reports that process's own peak memory.
# VmHWM, not getrusage's ru_maxrss: Linux keeps ru_maxrss across exec, so a child started by a
# large parent (this script, after it built the 950-set file) would report the parent's size.
_DRIVER = """
import re, sys, time
started = time.perf_counter()
from summarize.cli import main
status = main(sys.argv[1:])
peak = re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)
print(time.perf_counter() - started, peak, status)
"""


def run_engine(source: Path, output: Path, engine: list[str]) -> tuple[float, float]:
    """Seconds and client peak MB of one whole batch command."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _DRIVER, "--batch", str(source), "-o", str(output), "-q", *engine],
                          capture_output=True, text=True, cwd=REPO, check=False)
    seconds = time.perf_counter() - started
    fields = done.stdout.split()
    if done.returncode != 0 or len(fields) != 3 or fields[2] != "0":
        sys.exit(f"scale.py: {' '.join(engine) or '--jobs 1'} failed: {done.stderr.strip()[-500:]}")
    return seconds, int(fields[1]) / 1024


def repeated(source: Path, target: Path, times: int) -> Path:
    with gzip.open(source, "rt", encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream if line.strip()]
    with gzip.open(target, "wt", encoding="utf-8") as out:
        for copy in range(times):
            for record in records:
                out.write(json.dumps({**record, "set": f"{record['set']}-{copy}"}) + "\n")
    return target


def scheduler_rate(tasks: int = 2000) -> float:
    """Tasks per second a local Dask scheduler completes when the tasks themselves cost nothing."""
    sys.path.insert(0, str(REPO))
    from summarize.batch import dask_executor

    with dask_executor("local:2") as executor:
        list(executor.map(abs, range(100)))  # warm: workers up, connections open
        started = time.perf_counter()
        futures = [executor.submit(abs, number) for number in range(tasks)]
        for future in futures:
            future.result()
        return tasks / (time.perf_counter() - started)


def reading_rate(source: Path) -> tuple[float, float]:
    """Sets and megabytes (uncompressed) per second that the client reads and parses."""
    sys.path.insert(0, str(REPO))
    from summarize.batch import iter_sets

    started = time.perf_counter()
    sets = characters = 0
    for document_set in iter_sets(source):
        sets += 1
        characters += sum(len(document.text) for document in document_set.documents)
    seconds = time.perf_counter() - started
    return sets / seconds, characters / 1e6 / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-memory", action="store_true", help="skip the 950-set memory runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each engine; the median is shown")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        sys.exit(f"scale.py: {args.data} not found (the shared DUC 2006-07 corpus)")
    engines = {"--jobs 1": [], "--jobs 2": ["--jobs", "2"],
               "--scheduler local:1": ["--scheduler", "local:1"], "--scheduler local:2": ["--scheduler", "local:2"]}
    with tempfile.TemporaryDirectory() as work:
        work_path = Path(work)
        sets = sum(1 for _ in {json.loads(line)["set"] for line in gzip.open(args.data, "rt")})
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in engines}
        outputs = {}
        for _ in range(args.repeat):  # round-robin, so a slow spell of the machine hits every engine
            for number, (name, engine) in enumerate(engines.items()):
                output = work_path / f"{number}.jsonl"
                runs[name].append(run_engine(args.data, output, engine))
                outputs[name] = output.read_bytes()
        timings = {name: sorted(results)[len(results) // 2] for name, results in runs.items()}
        print(f"{sets} sets (DUC 2006-07), whole commands on this machine, median of {args.repeat} "
              "interleaved runs:")
        print(f"{'engine':<22}{'seconds':>9}{'sets/s':>9}{'speed-up':>10}{'client MB':>11}  output")
        serial = timings["--jobs 1"][0]
        for name, (seconds, memory) in timings.items():
            same = "identical" if outputs[name] == outputs["--jobs 1"] else "DIFFERS"
            print(f"{name:<22}{seconds:>9.1f}{sets / seconds:>9.2f}{serial / seconds:>9.2f}x{memory:>11.0f}  {same}")
        pool, dask = timings["--jobs 2"][0], timings["--scheduler local:2"][0]
        print(f"Dask local:2 against --jobs 2: {dask / pool:.2f}x the time "
              f"({(dask - pool) / sets * 1000:+.0f} ms a set, cluster start and stop included)")
        print(f"Dask scheduler alone: {scheduler_rate():,.0f} empty tasks/s")
        set_rate, megabytes = reading_rate(args.data)
        print(f"client reading and parsing: {set_rate:,.0f} sets/s ({megabytes:.1f} MB of text/s)")
        if not args.no_memory:
            big = repeated(args.data, work_path / "950.jsonl.gz", 10)
            print("client peak memory, 95 sets against 950 (the same sets ten times):")
            for name in ("--jobs 2", "--scheduler local:2"):
                small = timings[name][1]
                seconds, large = run_engine(big, work_path / "950.jsonl", engines[name])
                print(f"{name:<22}{small:>8.0f} MB{large:>8.0f} MB  ({large / small - 1:+.0%}; 950 sets in "
                      f"{seconds:.0f} s, {10 * sets / seconds:.2f} sets/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
