"""``claimx speakers`` and ``claimx claims --disputes`` on corpora built to make aggregation
quadratic: time and peak memory of each run as a whole process.

Three corpora, generated in a temporary folder (nothing stored in the repository):

* ``speakers``: one sentence said by N speakers, each a different made-up name, one per
  document: one wording, N groups that may not merge (their speakers differ);
* ``near``: N documents by one speaker whose contents share a core of words and add words of
  their own, every pair at a Jaccard similarity of about 0.48, just under the grouping
  threshold, so MinHash LSH proposes every earlier claim and each must be checked;
* ``disputes``: N documents each holding a denial and an assertion by two made-up speakers
  over words drawn from a small vocabulary, so every denial shares three or more words with a
  great many claims of other documents.

Target (the issue's): each run under 60 s and 1 GB.

    uv run python benchmarks/adversarial_aggregation.py                      # full size
    uv run python benchmarks/adversarial_aggregation.py --speakers 1000 --near 800 \\
        --disputes 1000                                                      # quick
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
TARGET_SECONDS = 60.0
TARGET_MIB = 1024.0

# Letters for made-up words: no word of them is an Arabic function word or a known name.
LETTERS = "بتثجحخدذرزسشصضطظغفقكلمن"
SENTENCE = "الحكومة قررت رفع أسعار الوقود في العاصمة ابتداء من الشهر المقبل"
CORE_WORDS = 13  # near: words every content shares ...
OWN_WORDS = 7  # ... and words of its own: Jaccard 13 / (13 + 14) = 0.48
VOCABULARY = 120  # disputes: the words denials and assertions are made of
WORDS_PER_SIDE = 8


def made_up_word(n: int, length: int = 5) -> str:
    """The ``n``-th made-up word, written in :data:`LETTERS` (distinct for distinct ``n``)."""
    letters = []
    for _ in range(length):
        n, digit = divmod(n, len(LETTERS))
        letters.append(LETTERS[digit])
    return "".join(letters)


def speakers_corpus(n: int) -> Iterator[dict[str, str]]:
    """One sentence by ``n`` speakers, one document each."""
    for i in range(n):
        name = f"{made_up_word(2 * i)} {made_up_word(2 * i + 1)}"
        yield {"id": f"s{i}", "outlet": "Wire", "text": f"قال المتحدث {name} إن {SENTENCE}."}


def near_corpus(n: int) -> Iterator[dict[str, str]]:
    """``n`` contents of one speaker, pairwise Jaccard about 0.48."""
    core = [made_up_word(i, 6) for i in range(CORE_WORDS)]
    for i in range(n):
        own = [made_up_word(1000 + i * OWN_WORDS + k, 6) for k in range(OWN_WORDS)]
        words = " ".join(core + own)
        yield {"id": f"n{i}", "outlet": "Wire", "text": f"قالت وزارة الصحة إن {words}."}


def disputes_corpus(n: int, vocabulary_size: int = VOCABULARY,
                    seed: int = 1) -> Iterator[dict[str, str]]:
    """``n`` documents, each a denial and an assertion over a small vocabulary."""
    rng = random.Random(seed)
    vocabulary = [made_up_word(50_000 + i, 6) for i in range(vocabulary_size)]
    for i in range(n):
        denied = " ".join(rng.sample(vocabulary, WORDS_PER_SIDE))
        asserted = " ".join(rng.sample(vocabulary, WORDS_PER_SIDE))
        one, other = made_up_word(4 * i), made_up_word(4 * i + 2)
        yield {"id": f"d{i}", "outlet": "Wire", "text": (
            f"نفى المتحدث {one} {made_up_word(4 * i + 1)} أن {denied}. "
            f"وأكد المتحدث {other} {made_up_word(4 * i + 3)} أن {asserted}."
        )}


CORPORA = {"speakers": speakers_corpus, "near": near_corpus, "disputes": disputes_corpus}
COMMANDS = {"speakers": ["speakers"], "claims": ["claims"],
            "claims-disputes": ["claims", "--disputes"]}


def write_corpus(kind: str, n: int, folder: Path) -> Path:
    path = folder / f"{kind}-{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in CORPORA[kind](n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall time, peak resident memory (MiB, the largest of claimx and its workers, by
    ``getrusage(RUSAGE_CHILDREN)`` in a fresh process) and exit code of ``command``."""
    script = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "t = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(t, peak, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, *command], check=True,
                          capture_output=True, text=True, cwd=ROOT)
    seconds, peak_kib, code = done.stdout.split()
    return float(seconds), int(peak_kib) / 1024, int(code)


def run_one(kind: str, n: int, command: str, folder: Path, jobs: int | None) -> bool:
    """Time one command on one corpus, print a line; True if it met the target."""
    corpus = write_corpus(kind, n, folder)
    out = folder / f"{kind}-{command}.json"
    args = [sys.executable, "-m", "claimx", *COMMANDS[command], str(corpus), "-f", "json",
            "-q", "-o", str(out)]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    seconds, peak, code = timed(args)
    size = out.stat().st_size / MB if out.exists() else 0.0
    found = ""
    if out.exists() and code in (0, 1):
        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
        found = ", ".join(f"{k} {v:,}" for k, v in summary.items()
                          if k in ("speakers", "groups", "mentions", "disputes"))
    met = code in (0, 1) and seconds < TARGET_SECONDS and peak < TARGET_MIB
    print(f"{kind:>9} {n:>7,} {command:>16} {seconds:>8.1f} {peak:>9.0f} {size:>9.1f} "
          f"{code:>4} {'MET' if met else 'NOT MET':>8}  {found}", flush=True)
    out.unlink(missing_ok=True)
    corpus.unlink()
    return met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speakers", type=int, default=10_000,
                        help="documents of the one-sentence corpus (0: skip it)")
    parser.add_argument("--near", type=int, default=8_000,
                        help="documents of the near-collision corpus (0: skip it)")
    parser.add_argument("--disputes", type=int, default=10_000,
                        help="documents of the dispute-dense corpus (0: skip it)")
    parser.add_argument("--jobs", type=int, help="claimx's --jobs (default: its own)")
    parser.add_argument("--commands", nargs="+", default=["speakers", "claims-disputes"],
                        choices=list(COMMANDS))
    args = parser.parse_args(argv)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"target: under {TARGET_SECONDS:.0f} s and {TARGET_MIB:.0f} MiB each")
    print(f"{'corpus':>9} {'docs':>7} {'command':>16} {'seconds':>8} {'peak MiB':>9} "
          f"{'out MB':>9} {'exit':>4} {'target':>8}  found")
    all_met = True
    with tempfile.TemporaryDirectory(prefix="claimx-adversarial-") as tmp:
        for kind in CORPORA:
            n = getattr(args, kind)
            for command in args.commands if n else ():
                all_met &= run_one(kind, n, command, Path(tmp), args.jobs)
    return 0 if all_met else 1


if __name__ == "__main__":
    raise SystemExit(main())
