"""What a newcomer meets first, each through the ``claimx`` command: a bare ``claimx``, the
usage lines, the version, help that names the keys a command writes, an output name
``report`` cannot honour, tables on a narrow terminal, and ``tokens`` as JSON."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimx.cli import app

EXIT_USAGE = 2


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None,
           env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env)


def test_claimx_with_no_command_is_a_usage_error_with_help_on_stderr(runner: CliRunner) -> None:
    result = invoke(runner)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert "Usage: claimx" in result.stderr and "extract" in result.stderr
