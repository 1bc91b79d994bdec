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


def named(command: str, stem: str) -> str:
    """An output name each command writes: a page for ``report``, JSON for the others."""
    return stem + (".html" if command == "report" else ".json")


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
    output = tmp_path / "missing" / named(command, "out")
    result = runner.invoke(app, [command, str(article), *output_args(command, output)])
    assert result.exit_code == 2
    assert "cannot write in" in assert_one_line(result)


@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_output_is_never_replaced(
    runner: CliRunner, article: Path, tmp_path: Path, no_work: None, command: str
) -> None:
    output = tmp_path / named(command, "kept")
    output.write_text("keep me\n", encoding="utf-8")
    output.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    result = runner.invoke(app, [command, str(article), *output_args(command, output)])
    assert result.exit_code == 2
    assert "read-only" in assert_one_line(result)
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", output.name]


@pytest.mark.parametrize("command", COMMANDS)
def test_writable_output_is_still_replaced(
    runner: CliRunner, article: Path, tmp_path: Path, command: str
) -> None:
    output = tmp_path / named(command, "out")
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
    output = tmp_path / named(command, "out")
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


# --- temporary files: named in errors, gone at exit, never in the working directory -----


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder claimx's temporary files go to for this test."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def corpus(tmp_path: Path, documents: int = 30) -> Path:
    path = tmp_path / "corpus.jsonl"
    import json

    lines = [json.dumps({"id": f"d{n}", "text": f"{ARTICLE} وقال المدير {n} إن العمل مستمر."},
                        ensure_ascii=False) for n in range(documents)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_a_full_temporary_folder_is_named_in_one_line(
    runner: CliRunner, tmp_path: Path, temp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import claimx.corpus.aggregate.places as places

    connect = sqlite3.connect

    def tiny(*args: object, **kwargs: object) -> sqlite3.Connection:
        db = connect(*args, **kwargs)  # type: ignore[arg-type]
        db.execute("PRAGMA max_page_count = 2")  # SQLite's own 'database or disk is full'
        return db

    monkeypatch.setattr(places.sqlite3, "connect", tiny)
    monkeypatch.setattr(places, "BATCH", 1)
    result = runner.invoke(app, ["claims", str(corpus(tmp_path)), "-j", "1", "-f", "json"])
    assert result.exit_code == 1
    line = assert_one_line(result)
    assert str(temp_folder) in line and "full" in line
    assert list(temp_folder.iterdir()) == []


@pytest.mark.slow
def test_what_a_sigkilled_run_leaves_the_next_run_removes(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "tmp"
    folder.mkdir()
    env = {**os.environ, "TMPDIR": str(folder)}
    command = [sys.executable, "-m", "claimx", "claims", "-j", "1", "-f", "json", "-q"]
    killed = subprocess.Popen([*command, str(corpus(tmp_path, 3000))], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(folder.glob("claimx-places-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        killed.send_signal(signal.SIGKILL)
        killed.wait()
    assert [p.name.split("-")[2] for p in folder.iterdir()] == [str(killed.pid)]
    again = subprocess.run([*command, str(corpus(tmp_path, 2))], env=env,
                           capture_output=True, check=False, timeout=120)
    assert again.returncode == 0, again.stderr.decode()
    assert list(folder.iterdir()) == []


def test_stale_temporary_files_of_dead_runs_are_removed(
    runner: CliRunner, tmp_path: Path, temp_folder: Path
) -> None:
    gone = dead_pid()
    stale_file = temp_folder / f"claimx-places-{gone}-abc123.sqlite"
    stale_file.write_bytes(b"x" * 100)
    stale_dir = temp_folder / f"claimx-dask-{gone}-abc123"
    (stale_dir / "worker").mkdir(parents=True)
    alive = temp_folder / f"claimx-places-{os.getppid()}-abc123.sqlite"
    alive.write_bytes(b"x")
    other = temp_folder / "claimx-places-notapid.sqlite"
    other.write_bytes(b"x")
    result = runner.invoke(app, ["claims", str(corpus(tmp_path, 2)), "-j", "1", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in temp_folder.iterdir()) == sorted([alive.name, other.name])


@pytest.mark.dask
def test_a_dask_run_leaves_no_scratch_space(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "tmp"
    folder.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    article = work / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "claimx", "extract", "a.txt", "--engine", "dask", "-j", "1",
         "-f", "jsonl", "-q"],
        cwd=work, capture_output=True, timeout=180, check=False,
        env={**os.environ, "TMPDIR": str(folder)},
    )
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in work.iterdir()) == ["a.txt"]
    assert list(folder.iterdir()) == []
