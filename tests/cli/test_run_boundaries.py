"""Where a run starts and stops: ``--output`` refused before any work, interrupts and
SIGTERM reported in one line with their own exit codes, inputs bounded before parsing,
and temporary files named, cleaned and kept out of the working directory. Each test goes
through the real command line (Typer's runner, or a subprocess where a process must die)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

ARTICLE = "قال الوزير إن الطريق مغلق بسبب الثلوج."
COMMANDS = ("extract", "speakers", "claims", "report")


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("claimx: error:")]


def assert_one_line(result) -> str:
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, \
        result.stderr
    lines = error_lines(result)
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any corpus run started fails the test: the check must come first."""
    import claimx.corpus.run

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus run started before --output was checked")

    monkeypatch.setattr(claimx.corpus.run, "run_corpus", refuse)


def output_args(command: str, output: Path) -> list[str]:
    return ["-o", str(output)] if command == "report" else ["-o", str(output), "-f", "json"]


# --- --output is checked before any work ---------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_output_folder_is_refused_before_any_work(
    runner: CliRunner, article: Path, tmp_path: Path, no_work: None, command: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, [command, str(article), *output_args(command, folder)])
    assert result.exit_code == 2
    assert "is a folder" in assert_one_line(result)


@pytest.mark.parametrize("command", COMMANDS)
def test_output_in_a_missing_folder_is_refused_before_any_work(
    runner: CliRunner, article: Path, tmp_path: Path, no_work: None, command: str
) -> None:
    output = tmp_path / "missing" / "out.json"
    result = runner.invoke(app, [command, str(article), *output_args(command, output)])
    assert result.exit_code == 2
    assert "cannot write in" in assert_one_line(result)


@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_output_is_never_replaced(
    runner: CliRunner, article: Path, tmp_path: Path, no_work: None, command: str
) -> None:
    output = tmp_path / "kept.json"
    output.write_text("keep me\n", encoding="utf-8")
    output.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    result = runner.invoke(app, [command, str(article), *output_args(command, output)])
    assert result.exit_code == 2
    assert "read-only" in assert_one_line(result)
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "kept.json"]


@pytest.mark.parametrize("command", COMMANDS)
def test_writable_output_is_still_replaced(
    runner: CliRunner, article: Path, tmp_path: Path, command: str
) -> None:
    output = tmp_path / "out.json"
    output.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, [command, str(article), *output_args(command, output), "-j",
                                 "1"])
    assert result.exit_code == 0, result.stderr
    assert output.read_text(encoding="utf-8") != "old\n"
    assert os.access(output, os.W_OK)


# --- interrupts: one line, 130 for SIGINT, 143 for SIGTERM ------------------------------

# Where each command is once every document is read: aggregating, rendering, writing.
AFTER_THE_RUN = {
    "speakers": ("claimx.corpus.aggregate.speakers", "SpeakerTable.sorted_rows"),
    "claims": ("claimx.corpus.aggregate.disputes", "find_disputes"),
    "report": ("claimx.report", "render_report"),
}


def signal_self(monkeypatch: pytest.MonkeyPatch, command: str, signum: int) -> None:
    """Deliver a real signal to this process at the step after the run."""
    import importlib
    import signal as signals
    import time

    module_name, attribute = AFTER_THE_RUN[command]
    owner: object = importlib.import_module(module_name)
    *parents, name = attribute.split(".")
    for parent in parents:
        owner = getattr(owner, parent)

    def arrive(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signum)
        time.sleep(5)  # the handler raises long before this ends
        raise AssertionError(f"{signals.Signals(signum).name} was not delivered")

    monkeypatch.setattr(owner, name, arrive)


@pytest.mark.parametrize("command", sorted(AFTER_THE_RUN))
@pytest.mark.parametrize(("signame", "code", "word"),
                         [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated")])
def test_a_signal_after_the_run_is_one_line_and_its_own_exit_code(
    runner: CliRunner, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    command: str, signame: str, code: int, word: str,
) -> None:
    import signal as signals

    signal_self(monkeypatch, command, getattr(signals, signame))
    output = tmp_path / "out.json"
    args = [command, str(article), "-j", "1", *output_args(command, output)]
    if command == "claims":
        args.append("--disputes")
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.stderr
    assert word in assert_one_line(result)
    assert [line for line in result.stderr.splitlines() if line.strip()] == \
        error_lines(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


# --- an HTML page is bounded before it is parsed --------------------------------------


@pytest.fixture
def parsed_pages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every page that reaches trafilatura (which then finds no article)."""
    import trafilatura

    sizes: list[int] = []

    def record(page: str, *args: object, **kwargs: object) -> None:
        sizes.append(len(page))

    monkeypatch.setattr(trafilatura, "extract", record)
    return sizes


@pytest.mark.parametrize("name", ["page.html", "page.txt"])
def test_a_huge_html_page_is_refused_before_it_is_parsed(
    runner: CliRunner, tmp_path: Path, parsed_pages: list[int], name: str
) -> None:
    from claimx.io.decode import MAX_HTML_BYTES

    divs = "<div></div>" * (MAX_HTML_BYTES // 11 + 1)
    page = tmp_path / name
    page.write_text(f"<!DOCTYPE html><html><body>{divs}<p>{ARTICLE}</p></body></html>",
                    encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), str(other), "--max-chars", "1000",
                                 "-j", "1", "-f", "jsonl"])
    assert result.exit_code == 1, result.stderr
    line = assert_one_line(result)
    assert "HTML page" in line and name in line
    assert len(result.stdout.splitlines()) == 2  # the failure record, and the other file
    assert parsed_pages == []
