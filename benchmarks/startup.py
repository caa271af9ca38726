"""Startup: what a person at a terminal waits for, whole process, against Python and nltk alone.

    python benchmarks/startup.py               # 15 rounds (about a minute)
    python benchmarks/startup.py --rounds 7

Each command runs once per round, the commands interleaved so that the machine's mood spreads
over all of them; the table gives the median wall time, the median CPU time (user + system of
the child), the peak memory (max RSS of the child) and each command's wall time as a ratio of
``python -c pass`` and of ``python -c "import nltk"``, measured in the same run. Issue 15's
targets: ``--version`` and ``--help`` within 3x ``python -c pass``; ``summarize seeds/`` within
0.6x ``import nltk``. Fifteen rounds by default: ``python -c pass`` takes about 20 ms here and
moves by a few milliseconds from run to run, so with 7 rounds ``--help`` measured from 1.9x to
3.4x of it over runs of the same code on this VM (2026-11-30).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The command a person types: the console script that `pip install .` puts beside this
# interpreter. `python -m summarize`, the fallback for a tree that is not installed, also imports
# runpy and importlib.util: about 6 ms a start here, that no one typing `summarize` waits for.
_SCRIPT = Path(sys.executable).with_name("summarize")
SUMMARIZE = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "summarize"]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    'python -c "import nltk"': [sys.executable, "-c", "import nltk"],
    "summarize --version": [*SUMMARIZE, "--version"],
    "summarize --help": [*SUMMARIZE, "--help"],
    "summarize seeds/": [*SUMMARIZE, "seeds/"],
    "summarize seeds/ -f json": [*SUMMARIZE, "seeds/", "-f", "json"],
}


def run_once(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one run of ``command`` in a fresh child."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: run the command with its output discarded
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.chdir(REPO)
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"startup.py: error: {' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each command (default 15, at least 5)")
    args = parser.parse_args(argv)
    rounds = max(args.rounds, 5)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, command in COMMANDS.items():
            samples[name].append(run_once(command))
    wall = {name: statistics.median(s[0] for s in runs) for name, runs in samples.items()}
    cpu = {name: statistics.median(s[1] for s in runs) for name, runs in samples.items()}
    peak = {name: max(s[2] for s in runs) for name, runs in samples.items()}
    base, nltk = wall["python -c pass"], wall['python -c "import nltk"']
    print(f"{rounds} rounds, medians; {sys.version.split()[0]} on {os.cpu_count()} cores; "
          + ("`summarize` is the installed console script" if len(SUMMARIZE) == 1 else "`summarize` is python -m summarize"))
    print("| command | wall s | CPU s | peak MB | × python -c pass | × import nltk |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in COMMANDS:
        print(f"| `{name}` | {wall[name]:.3f} | {cpu[name]:.3f} | {peak[name]:.0f} | "
              f"{wall[name] / base:.1f} | {wall[name] / nltk:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
