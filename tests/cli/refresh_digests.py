"""What ``claimx extract`` writes for the seed article and the train corpus, and how the
stored copies are rewritten when the extractor's output changes on purpose.

The seed's claimx/2 JSON is kept whole (the seed article is the project's own); train is
kept as a SHA-256 digest only, never its text. After a deliberate quality change, refresh
both from the repository root and commit them with that change:

    uv run python -m tests.cli.refresh_digests
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).with_name("snapshots")
SEED_SNAPSHOT = SNAPSHOTS / "seed.claimx2.json"
DIGESTS = SNAPSHOTS / "digests.json"


@dataclass(frozen=True)
class Case:
    """One ``claimx extract`` run, its paths relative to the repository root (they are
    copied into the output, so the run must start there)."""

    name: str
    args: tuple[str, ...]
    suffix: str

    @property
    def available(self) -> bool:
        return (ROOT / self.args[0]).exists()


SEED = Case("seed", ("seeds", "--format", "json"), ".json")
TRAIN = Case("train", ("../shared/corpus/train.jsonl", "--format", "jsonl"), ".jsonl")


@contextmanager
def _at_root() -> Iterator[None]:
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


def output_of(case: Case, scratch: Path) -> bytes:
    """The bytes ``claimx extract`` writes for ``case`` (in this process, one worker)."""
    from typer.testing import CliRunner

    from claimx.cli import app

    target = scratch / f"{case.name}{case.suffix}"
    with _at_root():
        result = CliRunner().invoke(
            app, ["extract", *case.args, "--quiet", "--jobs", "1", "-o", str(target)]
        )
    if result.exit_code != 0:
        raise RuntimeError(f"claimx extract {case.name} failed: {result.output}")
    return target.read_bytes()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_digests() -> dict[str, str]:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))


def refresh(scratch: Path) -> list[str]:
    """Rewrite the seed snapshot and the digests from what claimx writes now."""
    SEED_SNAPSHOT.write_bytes(output_of(SEED, scratch))
    written = [str(SEED_SNAPSHOT.relative_to(ROOT))]
    digests = stored_digests() if DIGESTS.exists() else {}
    if TRAIN.available:
        digests[TRAIN.name] = digest(output_of(TRAIN, scratch))
        DIGESTS.write_text(json.dumps(digests, indent=2) + "\n", encoding="utf-8")
        written.append(str(DIGESTS.relative_to(ROOT)))
    else:
        print(f"{TRAIN.args[0]} not found: the train digest is left as it was", file=sys.stderr)
    return written


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for path in refresh(Path(scratch)):
            print(f"rewrote {path}")


if __name__ == "__main__":
    main()
