"""How the aggregation commands and ``claimx report`` grow with the corpus: wall time, peak
memory and output size at 1k, 10k and 100k articles.

The corpus is the bench news (``../shared/bench/news.jsonl.gz``, 707 real articles) REPEATED
WITH FRESH IDS: the articles are extracted once to claimx JSONL, and that output is repeated
to each size, every copy under a fresh document id (the copy number appended: ``ID~3``) and
matching claim ids. Beside it the articles themselves are repeated the same way (same fresh
ids, one line each), so that ``claimx report --text-from DIR`` finds each copy's text. The
timed runs read claimx's output back (no extraction): they measure the fold, the dispute
search, the writing of the result and, for ``report``, finding the articles again. Repeating
707 articles makes no new claims, only more mentions of the same ones, so this is the cost
of a growing archive, not of a more varied one (``adversarial_aggregation.py`` covers that).

Each command is a fresh process, ``--jobs 1`` (reading output back needs no workers), timed
by ``/usr/bin/time -v``: wall clock, CPU time (user and system: on a shared machine the wall
clock says more about the other jobs), and peak resident memory as the kernel's
``ru_maxrss`` of the process (the largest of it and the children it waited for, so workers
count too).

    uv run python benchmarks/aggregation_scale.py                        # 1k, 10k, 100k
    uv run python benchmarks/aggregation_scale.py --sizes 1000 10000 --commands disputes
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "news.jsonl.gz"
MB = 1_000_000
TIME = "/usr/bin/time"
TARGET_MIB = 1024.0  # disputes and report at 100k articles
TARGET_RATIO = 12.0  # disputes' time at 100k over its time at 10k
COMMANDS: dict[str, tuple[list[str], str]] = {  # name: (arguments before the input, suffix)
    "speakers": (["speakers", "-f", "json"], ".json"),
    "claims": (["claims", "-f", "json"], ".json"),
    "disputes": (["claims", "--disputes", "-f", "json"], ".json"),
    "report": (["report"], ".html"),
    "report-text": (["report"], ".html"),  # with --text-from: the articles on the page
}


def claimx(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimx", *args]


def extract_once(work: Path) -> tuple[Path, Path]:
    """The bench articles as JSONL, and as claimx JSONL (extracted once, one process)."""
    articles = work / "news.jsonl"
    with gzip.open(BENCH, "rt", encoding="utf-8") as src:
        articles.write_text(src.read(), encoding="utf-8")
    out = work / "news.claimx.jsonl"
    subprocess.run(claimx("extract", str(articles), "--format", "jsonl", "--quiet",
                          "--jobs", "1", "-o", str(out)), check=True, cwd=ROOT)
    return articles, out


def repeated(articles: Path, extracted: Path, size: int, work: Path) -> tuple[Path, Path]:
    """``size`` documents: the articles (JSONL, one per line) and their claimx output, both
    repeated under fresh ids; each output record names its copy's line of the articles."""
    texts = articles.read_text(encoding="utf-8").splitlines()
    lines = extracted.read_text(encoding="utf-8").splitlines()
    text_path = work / f"news-{size}.jsonl"
    out_path = work / f"news-{size}.claimx.jsonl"
    with text_path.open("w", encoding="utf-8") as text_out, \
            out_path.open("w", encoding="utf-8") as out:
        for n in range(size):
            doc = json.loads(lines[n % len(lines)])
            article = json.loads(texts[doc["line"] - 1])
            copy = n // len(lines)
            old = doc["document_id"]
            new = f"{old}~{copy}" if copy else old
            doc["document_id"] = article["id"] = new
            for claim in doc.get("claims", ()):
                claim["id"] = new + claim["id"][len(old):]
            doc["path"], doc["line"] = text_path.name, n + 1
            text_out.write(json.dumps(article, ensure_ascii=False) + "\n")
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return text_path, out_path


def timed(command: list[str], stderr: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user and system), peak resident MiB and exit code, by
    ``/usr/bin/time -v``."""
    report = stderr.with_suffix(".time")
    with stderr.open("wb") as err:
        code = subprocess.run([TIME, "-v", "-o", str(report), *command], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=err).returncode
    text = report.read_text(encoding="utf-8")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)[1]) / 1024
    clock = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    hours, minutes, seconds = clock.groups()
    wall = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", text)[1])
              for kind in ("User", "System"))
    return wall, cpu, peak, code


def run(name: str, size: int, corpus: Path, work: Path) -> dict[str, object]:
    """One command on one size: its figures, and what it found."""
    args, suffix = COMMANDS[name]
    out = work / f"{name}-{size}{suffix}"
    command = claimx(*args, str(corpus), "-q", "--jobs", "1", "-o", str(out))
    if name == "report-text":
        command += ["--text-from", str(work)]
    stderr = work / f"{name}-{size}.err"
    wall, cpu, peak, code = timed(command, stderr)
    row: dict[str, object] = {"command": name, "articles": size, "seconds": wall,
                              "cpu_seconds": cpu, "peak_mib": peak, "exit": code,
                              "output_mb": out.stat().st_size / MB if out.exists() else 0.0,
                              "stderr_lines": len(stderr.read_bytes().splitlines())}
    if suffix == ".json" and out.exists():
        row["summary"] = json.loads(out.read_text(encoding="utf-8"))["summary"]
    out.unlink(missing_ok=True)
    return row


def targets(rows: list[dict[str, object]]) -> list[str]:
    """The 100k targets, MET or NOT MET."""
    by = {(r["command"], r["articles"]): r for r in rows}
    lines = []
    for name in ("disputes", "report", "report-text"):
        row = by.get((name, 100_000))
        if row is not None:
            met = row["peak_mib"] < TARGET_MIB and row["exit"] == 0
            lines.append(f"{name} at 100k: peak {row['peak_mib']:.0f} MiB (target < "
                         f"{TARGET_MIB:.0f}): {'MET' if met else 'NOT MET'}")
    small, big = by.get(("disputes", 10_000)), by.get(("disputes", 100_000))
    if small and big:  # CPU time: on a shared machine the wall clock says more of the others
        ratio = big["cpu_seconds"] / small["cpu_seconds"]
        lines.append(f"disputes 100k / 10k CPU time: {ratio:.1f}x (target <= "
                     f"{TARGET_RATIO:.0f}x): {'MET' if ratio <= TARGET_RATIO else 'NOT MET'}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--commands", nargs="+", choices=list(COMMANDS),
                        default=list(COMMANDS))
    parser.add_argument("--extracted", type=Path, nargs=2, metavar=("ARTICLES", "OUTPUT"),
                        help="the bench articles as JSONL and their claimx JSONL, if made")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args(argv)
    if args.extracted is None and not BENCH.is_file():
        print(f"{BENCH} not found", file=sys.stderr)
        return 1
    if not os.access(TIME, os.X_OK):
        print(f"{TIME} not found (GNU time)", file=sys.stderr)
        return 1
    load = os.getloadavg()[0]
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, load average {load:.1f}; the bench corpus (707 "
          "articles) repeated with fresh ids to each size, claimx output read back, --jobs 1")
    print(f"{'command':>12} {'articles':>9} {'wall s':>8} {'CPU s':>7} {'peak MiB':>9} "
          f"{'output MB':>10} {'exit':>4} {'stderr':>7}  found")
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimx-aggregation-") as tmp:
        work = Path(tmp)
        articles, extracted = args.extracted or extract_once(work)
        for size in args.sizes:
            text, corpus = repeated(articles, extracted, size, work)
            for name in args.commands:
                row = run(name, size, corpus, work)
                rows.append(row)
                summary = row.get("summary") or {}
                found = ", ".join(f"{k} {v:,}" for k, v in summary.items()
                                  if k in ("speakers", "groups", "mentions", "disputes"))
                print(f"{name:>12} {size:>9,} {row['seconds']:>8.1f} {row['cpu_seconds']:>7.1f} "
                      f"{row['peak_mib']:>9.0f} {row['output_mb']:>10.1f} {row['exit']:>4} "
                      f"{row['stderr_lines']:>7}  {found}", flush=True)
            text.unlink()
            corpus.unlink()
    for line in targets(rows):
        print(line)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
