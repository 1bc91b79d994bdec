"""How ``claimx claims --disputes`` grows with the corpus: time, peak memory and output size.

The bench corpus (``../shared/bench/news.jsonl.gz``, 707 real articles) is extracted once to
claimx JSONL; that output is repeated under fresh document ids up to each size, and
``claimx claims --disputes`` reads it back (no extraction in the timed run). Repeating the
same articles makes few new claims and ever more mentions of them, so this measures the cost
of the fold and of the dispute search over a growing archive, not of a more varied one.

    uv run python benchmarks/disputes_scale.py                   # 1k and 10k articles
    uv run python benchmarks/disputes_scale.py --sizes 1000 10000 30000
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "news.jsonl.gz"
MB = 1024 * 1024


def claimx(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimx", *args]


def extract_once(work: Path) -> Path:
    """The bench articles as claimx JSONL (extracted once, one process)."""
    articles = work / "news.jsonl"
    with gzip.open(BENCH, "rt", encoding="utf-8") as src:
        articles.write_text(src.read(), encoding="utf-8")
    out = work / "news.claimx.jsonl"
    subprocess.run(claimx("extract", str(articles), "--format", "jsonl", "--quiet",
                          "--jobs", "1", "-o", str(out)), check=True, cwd=ROOT)
    return out


def repeated(extracted: Path, articles: int, work: Path) -> Path:
    """``articles`` documents of claimx output, the extracted ones repeated under fresh ids
    (a copy number appended to each document id and claim id)."""
    lines = extracted.read_text(encoding="utf-8").splitlines()
    target = work / f"news-{articles}.jsonl"
    with target.open("w", encoding="utf-8") as out:
        for n in range(articles):
            doc = json.loads(lines[n % len(lines)])
            copy = n // len(lines)
            if copy:
                old = doc["document_id"]
                new = f"{old}~{copy}"
                doc["document_id"] = new
                for claim in doc.get("claims", ()):
                    claim["id"] = new + claim["id"][len(old):]
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return target


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and the peak resident memory (MiB) of a fresh child process."""
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True)\n"
        "t = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(t, peak)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, *command], check=True,
                          capture_output=True, text=True, cwd=ROOT)
    seconds, peak_kib = done.stdout.split()
    return float(seconds), int(peak_kib) / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--extracted", type=Path,
                        help="claimx JSONL of the bench corpus, if already made")
    args = parser.parse_args(argv)
    if args.extracted is None and not BENCH.is_file():
        print(f"{BENCH} not found", file=sys.stderr)
        return 1
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{resource.getpagesize()} B pages")
    with tempfile.TemporaryDirectory(prefix="claimx-disputes-") as tmp:
        work = Path(tmp)
        extracted = args.extracted or extract_once(work)
        print(f"{'articles':>9} {'seconds':>8} {'peak MiB':>9} {'output MB':>10} "
              f"{'groups':>7} {'disputes':>9}")
        for size in args.sizes:
            corpus = repeated(extracted, size, work)
            out = work / f"disputes-{size}.json"
            seconds, peak = timed(claimx("claims", "--disputes", str(corpus), "-f", "json",
                                         "-q", "--jobs", "1", "-o", str(out)))
            summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
            print(f"{size:>9,} {seconds:>8.1f} {peak:>9.0f} {out.stat().st_size / MB:>10.1f} "
                  f"{summary['groups']:>7,} {summary['disputes']:>9,}", flush=True)
            corpus.unlink()
            out.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
