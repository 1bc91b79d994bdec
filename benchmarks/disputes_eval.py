"""Precision and recall of ``claimx claims --disputes`` on a hand-annotated dispute set.

The set (``disputes_set.toml``) names pairs of claims in the training passages by passage id
and cue offset, each labelled "disputes" or "does not". The passages are extracted with
``claimx extract``, ``claimx claims --disputes`` reads that output back, and each dispute it
lists stands for every pair of mentions of its two groups. A pair of the set counts as found
when one listed dispute holds both its claims (a cue is matched by the offset where it starts,
give or take one character, since gold and claimx may draw a cue's edge differently).

    uv run python benchmarks/disputes_eval.py             # ../shared/corpus/train.jsonl
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "corpus" / "train.jsonl"
SET = Path(__file__).with_name("disputes_set.toml")
SLACK = 1  # characters a cue's start may differ by

Claim = tuple[str, int]  # passage id, cue offset


@dataclass(frozen=True)
class Scores:
    pairs: int
    disputes: int
    found: int
    found_disputes: int
    listed: int  # disputes claimx lists on the passages, in the set or not
    listed_outside: int  # ... holding no pair of the set
    wrong: list[dict[str, object]]
    missed: list[dict[str, object]]

    @property
    def precision(self) -> float:
        return self.found_disputes / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.found_disputes / self.disputes if self.disputes else 1.0

    def lines(self) -> list[str]:
        return [
            f"dispute set: {self.pairs} pairs, {self.disputes} disputes, "
            f"{self.pairs - self.disputes} not",
            f"found by claimx: {self.found} pairs, {self.found_disputes} of them disputes",
            f"precision {self.precision:.2f}, recall {self.recall:.2f}",
            f"claimx lists {self.listed} disputes on the passages; {self.listed_outside} hold "
            f"no pair of the set",
        ]


def annotated(path: Path = SET) -> list[dict[str, object]]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["pair"]


def claimx(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimx", *args], cwd=ROOT, check=False,
                          capture_output=True, text=True, encoding="utf-8")


def listed_pairs(corpus: Path, work: Path) -> tuple[list[tuple[set[Claim], set[Claim]]], int]:
    """The disputes ``claimx claims --disputes`` lists, each as the cues of its two sides."""
    extracted = work / "extracted.jsonl"
    claimx("extract", str(corpus), "--format", "jsonl", "--quiet", "-o", str(extracted))
    cues: dict[str, Claim] = {}
    for line in extracted.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for claim in doc.get("claims", ()):
            cues[claim["id"]] = (doc["document_id"], claim["cue"]["start"])
    found = claimx("claims", "--disputes", str(extracted), "--format", "json", "--quiet")
    data = json.loads(found.stdout)
    places = {g["id"]: {cues[p["claim_id"]] for p in g["places"]} for g in data["groups"]}
    return ([(places[d["denial"]["id"]], places[d["claim"]["id"]])
             for d in data["disputes"]], len(data["disputes"]))


def _holds(side: set[Claim], claim: Claim) -> bool:
    return any(doc == claim[0] and abs(start - claim[1]) <= SLACK for doc, start in side)


def score(corpus: Path = TRAIN, path: Path = SET) -> Scores:
    pairs = annotated(path)
    with tempfile.TemporaryDirectory(prefix="claimx-disputes-eval-") as tmp:
        listed, count = listed_pairs(corpus, Path(tmp))
    found = found_disputes = 0
    wrong, missed = [], []
    used: set[int] = set()
    for pair in pairs:
        denial, claim = tuple(pair["denial"]), tuple(pair["claim"])  # type: ignore[arg-type]
        hits = [n for n, (d, c) in enumerate(listed)
                if _holds(d, denial) and _holds(c, claim)]  # type: ignore[arg-type]
        used.update(hits)
        is_dispute = pair["label"] == "disputes"
        if hits:
            found += 1
            found_disputes += is_dispute
            if not is_dispute:
                wrong.append(pair)
        elif is_dispute:
            missed.append(pair)
    disputes = sum(p["label"] == "disputes" for p in pairs)
    return Scores(len(pairs), disputes, found, found_disputes, count, count - len(used),
                  wrong, missed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=TRAIN)
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="also list the pairs found wrongly and the disputes missed")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"{args.corpus} not found", file=sys.stderr)
        return 1
    result = score(args.corpus)
    print("\n".join(result.lines()))
    if args.verbose:
        for pair in result.wrong:
            print("wrong:", pair["denial"], pair["claim"])
        for pair in result.missed:
            print("missed:", pair["denial"], pair["claim"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
