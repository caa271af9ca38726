"""Batches at scale: streamed input, per-set limits, file outputs, engines (process pool, Dask),
faults (a worker killed, a cluster lost) and --resume."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import distributed  # the test extra installs the dask extra's packages (fsspec among them)
import pytest

from summarize import InputError, OptionsError
from summarize.batch import DocumentSet, iter_sets, summarize_sets
from summarize.errors import BatchIncompleteError

from .conftest import SEEDS

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
FLOODS = ["Heavy rain flooded the northern valley on Monday and thousands of residents left their homes.",
          "On Monday heavy rain flooded the northern valley, and rescue teams evacuated thousands."]


def _write_sets(path: Path, count: int, texts: list[str] = SEED_TEXTS) -> Path:
    """``count`` sets, each the seed articles (a real set: a few tenths of a second each)."""
    lines = [json.dumps({"set": f"set-{number:03d}", "id": f"a{index}", "text": text})
             for number in range(count) for index, text in enumerate(texts)]
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


def _run(*argv: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summarize", *map(str, argv)], capture_output=True,
                          text=True, timeout=timeout)


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


# --- reading: streamed, per-set limits -------------------------------------------------------


def test_sets_stream_one_at_a_time(tmp_path):
    source = _write_sets(tmp_path / "sets.jsonl", 3, FLOODS)
    stream = iter_sets(source)
    first = next(stream)
    assert first.id == "set-000" and len(first.documents) == 2
    assert [s.id for s in stream] == ["set-001", "set-002"]


def test_byte_limit_is_per_set_and_a_set_over_it_fails_alone(tmp_path, cli):
    big = "The river rose again on Tuesday and the town hall was closed to visitors. " * 40
    lines = [{"set": "small", "text": FLOODS[0]}, {"set": "small", "text": FLOODS[1]},
             {"set": "huge", "text": big}, {"set": "last", "text": FLOODS[0]}]
    source = tmp_path / "sets.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert source.stat().st_size > 2000
    sets = list(iter_sets(source, max_bytes=1000))
    assert [(s.id, s.error is None) for s in sets] == [("small", True), ("huge", False), ("last", True)]
    assert "larger than the limit of 1,000 bytes" in sets[1].error
    result = cli("--batch", source, "--max-bytes", 1000)
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [("error" in r) for r in records] == [False, True, False]
    assert result.status == 1 and "1 of 3 sets failed" in result.err


def test_a_single_line_over_the_limit_is_never_read_whole(tmp_path):
    source = tmp_path / "sets.jsonl"
    source.write_text(json.dumps({"set": "a", "text": FLOODS[0]}) + "\n"
                      + json.dumps({"set": "b", "text": "x" * 100_000}) + "\n")
    sets = list(iter_sets(source, max_bytes=5000))
    assert sets[0].error is None and sets[1].id == "b" and "larger than the limit" in sets[1].error


def test_a_set_split_across_the_file_is_an_error_naming_the_line(tmp_path):
    source = tmp_path / "sets.jsonl"
    source.write_text("".join(json.dumps({"set": s, "text": FLOODS[0]}) + "\n" for s in ("a", "b", "a")))
    with pytest.raises(InputError, match=r"sets\.jsonl:3: set 'a' continues here after other sets"):
        list(iter_sets(source))


@pytest.mark.parametrize("line", ['[' * 100_000, '{"set": "a", "text": "x", "n": ' + "9" * 5000 + "}"])
def test_malformed_lines_are_one_line_errors(tmp_path, line):
    source = tmp_path / "sets.jsonl"
    source.write_text(line + "\n")
    with pytest.raises(InputError, match=r"sets\.jsonl:1: expected a JSON object"):
        list(iter_sets(source))


def test_shards_by_glob_and_by_file_url_are_read_in_order(tmp_path):
    for shard, names in (("b.jsonl.gz", ["s3", "s4"]), ("a.jsonl", ["s1", "s2"])):
        lines = "".join(json.dumps({"set": name, "text": FLOODS[0]}) + "\n" for name in names)
        (tmp_path / shard).write_bytes(gzip.compress(lines.encode()) if shard.endswith(".gz") else lines.encode())
    by_glob = [s.id for s in iter_sets(str(tmp_path / "*.jsonl*"))]
    by_url = [s.id for s in iter_sets(f"file://{tmp_path}/*.jsonl*")]
    assert by_glob == by_url == ["s1", "s2", "s3", "s4"]
    with pytest.raises(InputError, match="no file matches"):
        list(iter_sets(str(tmp_path / "*.nothing")))


def test_a_3600_set_file_larger_than_the_limit_runs(tmp_path):
    source = _write_sets(tmp_path / "sets.jsonl", 3600, FLOODS)
    limit = 20_000
    assert source.stat().st_size > 10 * limit  # the old batch-wide limit refused it at once
    result = _run("--batch", source, "--max-bytes", limit, "-o", tmp_path / "out.jsonl", "-q")
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert len(lines) == 3600 and json.loads(lines[-1])["set"] == "set-3599"


# --- outputs: -o FILE.jsonl, --resume --------------------------------------------------------


def test_o_jsonl_writes_a_file_with_the_stdout_lines(tmp_path, cli):
    source = _write_sets(tmp_path / "sets.jsonl", 3, FLOODS)
    stdout = cli("--batch", source, "-n", "2").out
    assert cli("--batch", source, "-n", "2", "-o", tmp_path / "out.jsonl").status == 0
    assert cli("--batch", source, "-n", "2", "-o", tmp_path / "out.jsonl.gz").status == 0
    assert (tmp_path / "out.jsonl").read_text() == stdout
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()).decode() == stdout
    assert not (tmp_path / "out.jsonl.partial").exists() and (tmp_path / "out.jsonl").is_file()


def test_resume_keeps_whole_lines_cuts_a_torn_one_and_finishes(tmp_path, cli):
    source = _write_sets(tmp_path / "sets.jsonl", 4, FLOODS)
    whole = cli("--batch", source, "-o", tmp_path / "whole.jsonl.gz")
    expected = gzip.decompress((tmp_path / "whole.jsonl.gz").read_bytes()).decode()
    assert whole.status == 0
    lines = expected.splitlines(keepends=True)
    partial = tmp_path / "out.jsonl.gz.partial"
    partial.write_text(lines[0] + lines[1][: len(lines[1]) // 2])  # interrupted mid-line
    result = cli("--batch", source, "-o", tmp_path / "out.jsonl.gz", "--resume")
    assert result.status == 0, result.err
    assert "1 sets were already done" in result.err
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()).decode() == expected
    assert not partial.exists()


def test_resume_refuses_output_written_for_other_input(tmp_path, cli):
    source = _write_sets(tmp_path / "sets.jsonl", 2, FLOODS)
    (tmp_path / "out.jsonl.partial").write_text(json.dumps({"set": "other", "sentences": []}) + "\n")
    result = cli("--batch", source, "-o", tmp_path / "out.jsonl", "--resume")
    assert result.status == 1 and "cannot resume" in result.err and "'other'" in result.err


@pytest.mark.parametrize(("argv", "message"), [
    (["--batch", "s.jsonl", "--resume"], "--resume needs -o"),
    (["seeds", "--resume", "-o", "x.md"], "--resume goes with --batch"),
    (["seeds", "--scheduler", "local:2"], "--scheduler goes with --batch"),
    (["--batch", "s.jsonl", "--scheduler", "local:2", "-j", "2"], "not both"),
    (["--batch", "s.jsonl", "-o", "out.jsonl", "-f", "html"], "holds JSON lines"),
])
def test_scale_usage_errors(cli, argv, message):
    result = cli(*argv)
    assert result.status == 2 and message in result.err and len(result.err.splitlines()) == 1


def test_library_options_for_engines_are_checked_at_the_call():
    with pytest.raises(OptionsError, match="not both"):
        summarize_sets([], jobs=2, executor=ProcessPoolExecutor(1))
    with pytest.raises(OptionsError, match="in_flight"):
        summarize_sets([], in_flight=0)
    with pytest.raises(OptionsError, match="Executor"):
        summarize_sets([], executor="tcp://host:8786")  # type: ignore[arg-type]


# --- engines and faults ----------------------------------------------------------------------


class _DoomedPool(ProcessPoolExecutor):
    """A pool whose worker dies (as under kill -9) on the set named ``doomed``."""

    def submit(self, fn, /, *args, **kwargs):
        if args and args[0][0].id == "doomed":
            return super().submit(os._exit, 9)
        return super().submit(fn, *args, **kwargs)


def test_a_dead_worker_stops_the_batch_with_the_sets_not_done():
    sets = [DocumentSet(id=name, documents=tuple(_documents())) for name in ("a", "b", "doomed", "c", "d")]
    results = []
    with _DoomedPool(max_workers=1) as pool, pytest.raises(BatchIncompleteError) as caught:
        for result in summarize_sets(sets, executor=pool, in_flight=2):
            results.append(result.set)
    assert results == ["a", "b"]
    assert caught.value.done == 2 and caught.value.not_done[0] == "doomed"
    assert "a worker process died" in str(caught.value) and "\n" not in str(caught.value)


def _documents():
    from summarize import Document

    return [Document(id=f"d{index}", text=text) for index, text in enumerate(FLOODS)]


def test_killed_pool_workers_give_one_line_and_resume_completes_identically(tmp_path):
    source = _write_sets(tmp_path / "sets.jsonl", 24)
    reference = _run("--batch", source, "-o", tmp_path / "one", "-f", "json", "-q")
    assert reference.returncode == 0, reference.stderr
    out = tmp_path / "two"
    argv = [sys.executable, "-m", "summarize", "--batch", str(source), "-o", str(out), "-f", "json", "-j", "2", "-q"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(out.iterdir())) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    workers = _children(process.pid)
    assert workers and process.poll() is None, "the batch ended before a worker could be killed"
    for worker in workers:
        os.kill(worker, signal.SIGKILL)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert len(err.strip().splitlines()) == 1 and "a worker process died" in err and "--resume" in err
    assert "Traceback" not in err
    written = len(list(out.iterdir()))
    assert 0 < written < 24
    resumed = _run(*argv[3:], "--resume")
    assert resumed.returncode == 0, resumed.stderr
    for one in (tmp_path / "one").iterdir():
        assert (out / one.name).read_bytes() == one.read_bytes()
    assert len(list(out.iterdir())) == 24


def test_sigterm_ends_the_batch_and_its_workers(tmp_path):
    # The signal comes as the second worker appears: before the pool held signals while it
    # started workers, that moment once hung the batch and once ended it with 0 (see below).
    source = _write_sets(tmp_path / "sets.jsonl", 240)
    process = subprocess.Popen([sys.executable, "-m", "summarize", "--batch", str(source), "-o", str(tmp_path / "o"),
                                "-j", "2", "-q"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = _children(process.pid)
    assert workers
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143 and "terminated" in err
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"]


def _blocked_signals() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, []))


def test_the_pool_starts_workers_with_signals_held_and_the_workers_let_go():
    """A SIGTERM handled between a worker's start and the pool's record of it left that worker
    unstopped and the batch waiting for it at exit (1 hang and 1 exit 0 in 40 signals sent as the
    second worker appeared; none in 40 since)."""
    from summarize.batch import _signals_held, _worker_signals

    before = _blocked_signals()
    with ProcessPoolExecutor(max_workers=1, initializer=_worker_signals) as pool:
        with _signals_held(True):
            assert {signal.SIGTERM, signal.SIGINT} <= _blocked_signals()
            in_worker = pool.submit(_blocked_signals)
        assert _blocked_signals() == before
        assert not {signal.SIGTERM, signal.SIGINT} & in_worker.result(timeout=60)
    with _signals_held(False):
        assert _blocked_signals() == before


@pytest.fixture(scope="module")
def cluster():
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as local:
        yield local


def test_dask_gives_the_same_bytes_as_jobs_1(tmp_path, cluster):
    source = _write_sets(tmp_path / "sets.jsonl", 6)
    serial = _run("--batch", source, "-o", tmp_path / "serial.jsonl")
    on_cluster = _run("--batch", source, "-o", tmp_path / "dask.jsonl", "--scheduler", cluster.scheduler_address)
    assert serial.returncode == on_cluster.returncode == 0, on_cluster.stderr
    assert (tmp_path / "serial.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()


def test_a_sets_warning_names_the_set_and_is_the_same_from_every_engine(tmp_path, cluster):
    """A worker's log lines named no set, came in the order the workers finished, and a Dask
    worker's never reached the user: now the caller logs each set's warnings, in input order."""
    from .stories_data import CHESS, FLOOD, LONE

    mixed = {**FLOOD, **CHESS, **LONE}
    rows = [{"set": set_id, "id": name, "text": text}
            for set_id, texts in (("one-story", dict(enumerate(FLOODS))), ("a-pile", mixed), ("seeds", dict(enumerate(SEED_TEXTS))))
            for name, text in texts.items()]
    source = tmp_path / "sets.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    runs = {engine: _run("--batch", source, "-n", "2", *engine)
            for engine in [(), ("-j", "2"), ("--scheduler", cluster.scheduler_address)]}
    assert all(run.returncode == 0 for run in runs.values()), [run.stderr for run in runs.values()]
    serial = runs[()]
    assert serial.stderr.splitlines() == [
        "summarize: warning: set a-pile: the input seems to tell 3 unrelated stories; one briefing will mix "
        "them (--stories, or summarize_stories() in Python, briefs each apart)"]
    assert all(run.stderr == serial.stderr and run.stdout == serial.stdout for run in runs.values())
    assert [result.warnings != () for result in summarize_sets(iter_sets(str(source)), sentences=2)] == [
        False, True, False]
    assert _run("--batch", source, "-n", "2", "-q").stderr == ""


def test_local_scheduler_option_starts_and_stops_its_own_cluster(tmp_path):
    source = _write_sets(tmp_path / "sets.jsonl", 3, FLOODS)
    serial = _run("--batch", source)
    local = _run("--batch", source, "--scheduler", "local:2")
    assert local.returncode == 0, local.stderr
    assert local.stdout == serial.stdout and local.stderr == ""


_WORKER_IMPORTS = """
import pickle, sys
from summarize.batch import _summarize_apart  # what a worker imports to read its task

before = set(sys.modules)
_summarize_apart(pickle.loads(sys.stdin.buffer.read()))
print("\\n".join(sorted(set(sys.modules) - before)))
"""


def test_the_worker_modules_are_what_summarizing_a_set_imports():
    """A module a set needs that the forkserver does not import first would cost every local
    worker its import at its first set again: this fails when a stage module is added."""
    import pickle

    from summarize import Document
    from summarize.batch import WORKER_MODULES, _Job
    from summarize.pipeline import Summarizer

    task = (DocumentSet(id="seeds", documents=tuple(Document(id=str(number), text=text)
                                                     for number, text in enumerate(SEED_TEXTS))),
            _Job(summarizer=Summarizer(), sentences=3, words=None))
    done = subprocess.run([sys.executable, "-c", _WORKER_IMPORTS], input=pickle.dumps(task),
                          capture_output=True, timeout=120, check=True)
    imported = set(done.stdout.decode().split())
    ours = {name for name in imported if name.startswith("summarize.")}
    assert ours and ours <= set(WORKER_MODULES), ours - set(WORKER_MODULES)


def test_local_workers_start_with_the_pipeline_imported():
    from summarize.batch import dask_executor

    probe = "[name in __import__('sys').modules for name in ('summarize.represent', 'scipy.cluster.hierarchy')]"
    with dask_executor("local:1") as executor:
        assert executor.submit(eval, probe).result() == [True, True]


_WORKER_LOGS = """
import logging
from summarize.batch import dask_executor

def shout():
    logging.getLogger("distributed.worker").error("an error Dask logs at the cluster's stop")
    logging.getLogger("distributed.worker").critical("a critical one")

if __name__ == "__main__":
    with dask_executor("local:1") as executor:
        executor._client.run(shout)
"""


def test_a_local_cluster_keeps_dasks_error_logs_off_our_stderr(tmp_path):
    """A worker's heartbeat that meets the scheduler already closed is logged by Dask as an
    ERROR with a traceback, after a batch that went well; only CRITICAL records get through."""
    script = tmp_path / "worker_logs.py"
    script.write_text(_WORKER_LOGS)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "a critical one" in done.stderr and "an error Dask logs" not in done.stderr


def test_a_killed_dask_worker_is_replaced_and_the_output_is_unchanged(tmp_path, cluster):
    sets = list(iter_sets(_write_sets(tmp_path / "sets.jsonl", 12)))
    expected = [result.briefing.to_json() for result in summarize_sets(sets[:3])]
    with distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        results = []
        for result in summarize_sets(sets, executor=client.get_executor(pure=False)):
            if len(results) == 1:
                os.kill(pids[0], signal.SIGKILL)
            results.append(result)
    assert [r.set for r in results] == [s.id for s in sets] and all(r.briefing for r in results)
    assert [r.briefing.to_json() for r in results[:3]] == expected


def test_a_lost_cluster_stops_the_batch_with_one_line(tmp_path):
    import logging

    sets = list(iter_sets(_write_sets(tmp_path / "sets.jsonl", 12)))
    done = []
    with pytest.raises(BatchIncompleteError) as caught:
        with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                                      silence_logs=logging.ERROR) as local, distributed.Client(local) as client:
            for result in summarize_sets(sets, executor=client.get_executor(pure=False)):
                done.append(result.set)
                if len(done) == 1:
                    local.close()
    assert done and caught.value.not_done and caught.value.not_done[0] == sets[len(done)].id
    assert "\n" not in str(caught.value)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    source = _write_sets(tmp_path / "sets.jsonl", 1, FLOODS)
    result = _run("--batch", source, "--scheduler", "tcp://127.0.0.1:9", "--timeout", "2")
    assert result.returncode == 1 and "cannot reach the Dask scheduler" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("address", "message"), [("bogus", "not a Dask scheduler address"),
                                                  ("local:0", "needs 1 to 4096 workers")])
def test_a_malformed_scheduler_address_is_a_usage_error(tmp_path, address, message):
    source = _write_sets(tmp_path / "sets.jsonl", 1, FLOODS)
    result = _run("--batch", source, "--scheduler", address)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
