"""Issue 12, item 1: ``claimx extract big.jsonl -f jsonl --jobs 2 -q | head -1`` must end.

When ``head`` exits, claimx's next write fails and the worker pool is torn down; that
teardown once waited forever on a queue feeder blocked writing to killed workers (3 of
27 runs hung). This script runs the real pipeline (a shell, a real pipe, ``head -1``)
``--runs`` times and checks each ends within ``--timeout`` seconds; a run that does not
is killed with its whole process group and counted as hung. Exit status 1 if any hung.

    uv run python benchmarks/pipe_close.py --runs 100          # the issue's figure
    uv run python benchmarks/pipe_close.py --runs 5            # CI
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import write_jsonl_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run_once(corpus: Path, timeout: float, sink: str) -> tuple[bool, float, str]:
    """One pipeline run: (ended in time, seconds, what it printed on stderr)."""
    claimx = f"{shlex.quote(sys.executable)} -m claimx"
    tail = "| head -1" if sink == "head" else "> /dev/full"
    command = f"{claimx} extract {shlex.quote(str(corpus))} -f jsonl --jobs 2 -q {tail}"
    started = time.perf_counter()
    process = subprocess.Popen(
        ["bash", "-c", command], cwd=ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        _, err = process.communicate(timeout=timeout)
        return True, time.perf_counter() - started, err
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the shell, claimx, its workers, head
        _, err = process.communicate()
        return False, time.perf_counter() - started, err


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    parser.add_argument("--mb", type=float, default=2.0, help="size of big.jsonl")
    parser.add_argument("--sink", choices=("head", "full"), default="head",
                        help="head: | head -1; full: > /dev/full")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "big.jsonl"
        write_jsonl_corpus(corpus, int(args.mb * 1_000_000))
        hung, slowest, noisy = 0, 0.0, 0
        for number in range(1, args.runs + 1):
            ended, seconds, err = run_once(corpus, args.timeout, args.sink)
            slowest = max(slowest, seconds)
            hung += not ended
            noisy += "Traceback" in err
            if not ended or "Traceback" in err:
                what = "hung" if not ended else "printed a traceback"
                print(f"run {number}: {what} ({seconds:.1f} s)\n{err}", file=sys.stderr)
    print(f"{args.runs - hung}/{args.runs} runs ended within {args.timeout:g} s "
          f"(slowest {slowest:.1f} s); {noisy} printed a traceback")
    return 1 if hung or noisy else 0


if __name__ == "__main__":
    sys.exit(main())
