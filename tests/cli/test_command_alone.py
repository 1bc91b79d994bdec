"""``claimx COMMAND ...`` builds only that command: its help, its errors and its output are
those of the whole app, and the overview still lists every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.app import for_command

COMMANDS = ["extract", "report", "tokens", "eval", "speakers", "claims"]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_alone_reads_as_in_the_whole_app(runner: CliRunner, name: str) -> None:
    lean = for_command([name, "--help"])
    assert lean is not app
    assert len(lean.registered_commands) == 1
    for args in ([name, "--help"], [name, "--no-such-option"]):
        alone, whole = runner.invoke(lean, args), runner.invoke(app, args)
        assert (alone.exit_code, alone.stdout, alone.stderr) == (
            whole.exit_code, whole.stdout, whole.stderr)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["extrat"]])
def test_without_a_command_name_the_whole_app_runs(args: list[str]) -> None:
    assert for_command(args) is app


def test_the_installed_command_runs_a_command_alone(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("قالت الوزيرة إن المدارس ستفتح غدا.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "claimx", "extract", str(article), "-f",
                           "jsonl"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert '"cue": {"text": "قالت"' in done.stdout
    typo = subprocess.run([sys.executable, "-m", "claimx", "extrat"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert typo.returncode == 2
    assert "extract" in typo.stderr  # the suggestion needs every command
