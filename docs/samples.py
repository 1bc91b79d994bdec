"""Regenerate or check the output samples of README.md and docs/*.md.

A sample is a marker line followed by a fenced block:

    <!-- sample: claimx extract examples/denial.txt -->
    ```text
    ... what that command prints ...
    ```

The command is run by bash from the repository root through the installed `claimx` entry
point, with a fixed terminal width and no colour, and its standard output replaces the block.
Options go in brackets before the colon, separated by commas:

- `shared`: the command reads ../shared (the corpus beside the repository); skipped when it is
  absent. A sample that pipes into jq is skipped where jq is not installed.
- `prompt`: the block starts with `$ COMMAND`, as typed.
- `cols=N`: the terminal width (default 100).
- `exit=N`: the exit status the command is expected to end with (default 0).

    uv run python docs/samples.py           # rewrite every sample in place
    uv run python docs/samples.py --check   # exit 1 when a sample differs from its command
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_COLUMNS = 100
# Programs a sample may pipe claimx into that a machine may lack; such samples are skipped there.
OPTIONAL_TOOLS = ("jq",)
MARKER = re.compile(
    r"^<!-- sample(?:\[(?P<options>[^\]]*)\])?: (?P<command>.+?) -->\n"
    r"(?P<fence>```+)(?P<lang>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)


@dataclass(frozen=True)
class Sample:
    """One marked block: where it is, what to run and how."""

    path: Path
    line: int
    command: str
    options: frozenset[str]
    columns: int
    exit_status: int
    body: str
    span: tuple[int, int]
    body_span: tuple[int, int]

    @property
    def name(self) -> str:
        """`README.md:42 claimx ...`, as a test id and in messages."""
        place = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{place}:{self.line} {self.command}"

    @property
    def needs_shared(self) -> bool:
        """Whether the command reads ../shared, which is not part of the repository."""
        return "shared" in self.options


def documents() -> list[Path]:
    """README.md and every Markdown page under docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def parse_options(text: str | None) -> tuple[frozenset[str], int, int]:
    """`shared,prompt,cols=120,exit=1` → the flags, the width and the expected exit status."""
    flags: set[str] = set()
    columns, exit_status = DEFAULT_COLUMNS, 0
    for option in filter(None, (part.strip() for part in (text or "").split(","))):
        key, _, value = option.partition("=")
        if key == "cols":
            columns = int(value)
        elif key == "exit":
            exit_status = int(value)
        elif key in {"shared", "prompt"} and not value:
            flags.add(key)
        else:
            raise ValueError(f"unknown sample option {option!r}")
    return frozenset(flags), columns, exit_status


def samples(path: Path) -> list[Sample]:
    """The marked blocks of one Markdown file, in order."""
    text = path.read_text("utf-8")
    found = []
    for match in MARKER.finditer(text):
        flags, columns, exit_status = parse_options(match["options"])
        found.append(
            Sample(
                path=path,
                line=text.count("\n", 0, match.start()) + 1,
                command=match["command"],
                options=flags,
                columns=columns,
                exit_status=exit_status,
                body=match["body"],
                span=match.span(),
                body_span=match.span("body"),
            )
        )
    return found


def all_samples() -> list[Sample]:
    """Every marked block of README.md and docs/*.md."""
    return [sample for path in documents() for sample in samples(path)]


def environment(columns: int) -> dict[str, str]:
    """The calling environment with `claimx` on PATH, a fixed width and no colour or pager."""
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env.update(
        COLUMNS=str(columns), LINES="50", NO_COLOR="1", TERM="dumb", PYTHONIOENCODING="utf-8"
    )
    for variable in ("FORCE_COLOR", "CLICOLOR_FORCE"):
        env.pop(variable, None)
    return env


def run(sample: Sample) -> str:
    """What the block should hold: the command's standard output, lines right-stripped."""
    completed = subprocess.run(  # noqa: S603 - the repository's own documented commands
        ["bash", "-o", "pipefail", "-c", sample.command],
        cwd=ROOT,
        env=environment(sample.columns),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    if completed.returncode != sample.exit_status:
        raise RuntimeError(
            f"{sample.name}: exit status {completed.returncode}, expected {sample.exit_status}"
            f"\n{completed.stderr.strip()}"
        )
    lines = [line.rstrip() for line in completed.stdout.rstrip("\n").splitlines()]
    if "prompt" in sample.options:
        lines.insert(0, f"$ {sample.command}")
    return "\n".join(lines) + "\n"


def shared_present() -> bool:
    """Whether ../shared, the project's corpus and tools, sits beside the repository."""
    return SHARED.is_dir()


def unavailable(sample: Sample) -> str | None:
    """Why a sample cannot run on this machine (../shared or jq missing), else None."""
    if sample.needs_shared and not shared_present():
        return "no ../shared beside the repository"
    for tool in OPTIONAL_TOOLS:
        if re.search(rf"\|\s*{tool}\b", sample.command) and shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


def rewrite(path: Path) -> list[str]:
    """Regenerate every sample of one file in place; returns the samples that changed."""
    text = path.read_text("utf-8")
    changed = []
    for sample in reversed(samples(path)):
        if reason := unavailable(sample):
            print(f"skipped ({reason}): {sample.name}", file=sys.stderr)
            continue
        output = run(sample)
        if output != sample.body:
            changed.append(sample.name)
            start, end = sample.body_span
            text = text[:start] + output + text[end:]
    path.write_text(text, "utf-8")
    return changed[::-1]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the samples, or with --check report those that drifted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args(argv)
    if args.check:
        stale = []
        for sample in all_samples():
            if reason := unavailable(sample):
                print(f"skipped ({reason}): {sample.name}", file=sys.stderr)
            elif run(sample) != sample.body:
                stale.append(sample.name)
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        if stale:
            print("regenerate with: uv run python docs/samples.py", file=sys.stderr)
        return 1 if stale else 0
    for path in documents():
        for name in rewrite(path):
            print(f"rewritten: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
