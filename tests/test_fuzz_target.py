"""The fuzz target keeps running (CI gives it a minute of its own; this is a short smoke run
so that a broken target fails the marked test run, not only the CI step)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.fuzz
def test_fuzz_target_runs_for_a_few_seconds() -> None:
    result = subprocess.run(
        [sys.executable, "fuzz/fuzz_decode.py", "--engine", "hypothesis", "--seconds", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
