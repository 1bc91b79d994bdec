"""``claimx extract`` at corpus scale, through the real entry points: JSONL and folder
corpora, ids, streaming output, --jobs, the Dask engine, progress, failures and Ctrl-C."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import pty
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.schema import validate_document

SENTENCES = [
    "قال رئيس البلدية إن الحديقة ستفتح يوم الجمعة.",
    "ونفت الشركة في بيان أنها رفعت الأسعار.",
    "وأكد المدرب لصحيفة محلية أن الفريق جاهز للمباراة.",
    "ورجحت التقارير أن تكون المرأة قد تركت الباب مفتوحا.",
    "لا شيء هنا سوى وصف للطقس المشمس.",
]
SUMMARY = re.compile(r"^claimx: [\d,]+ documents?: [\d,]+ extracted \([\d,]+ claims?\)")
needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="the dask extra is not installed"
)
needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def record(i: int, **extra) -> str:
    return json.dumps({"id": f"a{i}", "text": SENTENCES[i % len(SENTENCES)], **extra},
                      ensure_ascii=False)


def write_jsonl(path: Path, lines: list[str | bytes]) -> Path:
    with path.open("wb") as f:
        for line in lines:
            f.write((line if isinstance(line, bytes) else line.encode("utf-8")) + b"\n")
    return path


def lines_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def problems(stderr: str) -> list[str]:
    return [x for x in stderr.splitlines() if x.strip() and not SUMMARY.match(x)]


def script() -> str:
    path = Path(sys.executable).with_name("claimx")
    if not path.exists():
        pytest.skip("the claimx console script is not installed in this environment")
    return str(path)


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("CLAIMX_DEBUG", None)
    return subprocess.run([script(), *args], capture_output=True, env=env, timeout=300,
                          check=False, **kwargs)


def descendants(pid: int) -> list[int]:
    """Live (non-zombie) descendants of ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == current]
        found += kids
        frontier += kids
    return found


# --- JSONL and folders -----------------------------------------------------------------


def test_jsonl_corpus_keeps_ids_order_and_reports_bad_lines(runner, tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [
        record(0), b'{"id": "broken", "text": ', record(2), "", record(4, text=None),
        json.dumps({"id": "no-text"}), record(6),
    ])
    result = invoke(runner, "extract", str(corpus), "--format", "jsonl")
    assert result.exit_code == 1
    records = lines_of(result.stdout)
    assert [(d["document_id"], d["line"]) for d in records] == [
        ("a0", 1), (f"{corpus}:2", 2), ("a2", 3), ("a4", 5), ("no-text", 6), ("a6", 7)]
    docs = [d for d in records if "error" not in d]
    assert [d["document_id"] for d in docs] == ["a0", "a2", "a6"]
    assert {d["path"] for d in records} == {str(corpus)}
    for doc in records:
        validate_document(doc)
    assert problems(result.stderr) == [
        f"claimx: error: {corpus}, line 2: malformed JSON: Expecting value (column 26)",
        f"claimx: error: {corpus}, line 5: field 'text' is null, not a string",
        f"claimx: error: {corpus}, line 6: no 'text' field (name the text field with "
        "--text-field)",
    ]
    [summary] = [x for x in result.stderr.splitlines() if SUMMARY.match(x)]
    assert summary.startswith("claimx: 6 documents: 3 extracted") and "3 failed" in summary
    assert "Traceback" not in result.stderr


def test_jsonl_fields_formats_and_stdin(runner, tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "dump.ndjson", [
        json.dumps({"url": f"u{i}", "body": s}, ensure_ascii=False)
        for i, s in enumerate(SENTENCES[:2])
    ])
    args = ["--input-format", "jsonl", "--text-field", "body", "--id-field", "url"]
    as_json = invoke(runner, "extract", str(corpus), *args, "--json")
    assert as_json.exit_code == 0, as_json.stderr
    assert [d["document_id"] for d in json.loads(as_json.stdout)] == ["u0", "u1"]

    one = write_jsonl(tmp_path / "one.jsonl", [record(1)])
    single = invoke(runner, "extract", str(one), "--json")
    assert [d["document_id"] for d in json.loads(single.stdout)] == ["a1"]  # always an array

    piped = invoke(runner, "extract", "-", "-i", "jsonl", "-f", "jsonl",
                   input=(record(0) + "\n" + record(3) + "\n").encode("utf-8"))
    assert piped.exit_code == 0, piped.stderr
    assert [(d["path"], d["document_id"]) for d in lines_of(piped.stdout)] == [
        ("-", "a0"), ("-", "a3")]

    csv_out = invoke(runner, "extract", str(corpus), *args, "--format", "csv")
    assert {row.split(",")[0] for row in csv_out.stdout.splitlines()[1:]} == {"u0", "u1"}


def test_folder_glob_and_ids_are_paths(runner, tmp_path) -> None:
    (tmp_path / "2018" / "03").mkdir(parents=True)
    (tmp_path / "2018" / "03" / "b.article").write_text(SENTENCES[1], encoding="utf-8")
    (tmp_path / "2018" / "a.article").write_text(SENTENCES[0], encoding="utf-8")
    (tmp_path / "2018" / "c.txt").write_text(SENTENCES[2], encoding="utf-8")
    result = invoke(runner, "extract", str(tmp_path), "--glob", "*.article", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    ids = [d["document_id"] for d in lines_of(result.stdout)]
    year = tmp_path / "2018"
    assert ids == [str(year / "03" / "b.article"), str(year / "a.article")]
    none = invoke(runner, "extract", str(tmp_path), "--glob", "*.xml", "-f", "jsonl")
    assert none.exit_code == 1
    assert problems(none.stderr) == [
        f"claimx: error: {tmp_path}: directory contains no files matching *.xml"
    ]


def test_scheduler_without_dask_engine_is_a_usage_error(runner, tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(0)])
    result = invoke(runner, "extract", str(corpus), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert problems(result.stderr) == ["claimx: error: --scheduler needs --engine dask"]


def test_jobs_must_be_positive(runner, tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(0)])
    result = invoke(runner, "extract", str(corpus), "--jobs", "0")
    assert result.exit_code == 2
    [line] = problems(result.stderr)
    assert line.startswith("claimx: error: Invalid value for '--jobs'")


# --- identical results whatever the engine ------------------------------------------------


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """A JSONL corpus with a bad line, and a folder of text files with a bad file."""
    root = tmp_path_factory.mktemp("corpus")
    lines: list[str | bytes] = [record(i) for i in range(40)]
    lines[17] = b"{not json"
    write_jsonl(root / "c.jsonl", lines)
    folder = root / "articles"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(SENTENCES[i % len(SENTENCES)], encoding="utf-8")
    (folder / "05.txt").write_bytes(b"\x00\x01binary")
    return root


@pytest.fixture(scope="module")
def jobs1(corpus_dir: Path) -> subprocess.CompletedProcess[bytes]:
    return run(["extract", str(corpus_dir / "c.jsonl"), str(corpus_dir / "articles"),
                "-f", "jsonl", "--jobs", "1"])


def test_jobs_1_output(jobs1, corpus_dir) -> None:
    assert jobs1.returncode == 1
    records = lines_of(jobs1.stdout.decode("utf-8"))
    assert len(records) == 39 + 11 + 2  # two failure records in their places
    assert len([d for d in records if "error" not in d]) == 39 + 11
    assert [d["document_id"] for d in records[:3]] == ["a0", "a1", "a2"]
    errors = problems(jobs1.stderr.decode("utf-8"))
    assert errors == [
        f"claimx: error: {corpus_dir / 'c.jsonl'}, line 18: malformed JSON: "
        "Expecting property name enclosed in double quotes (column 2)",
        f"claimx: error: {corpus_dir / 'articles' / '05.txt'}: binary data, not text "
        "(contains NUL bytes)",
    ]


def test_two_jobs_write_the_same_bytes_as_one(jobs1, corpus_dir, tmp_path) -> None:
    target = tmp_path / "out" / "claims.jsonl"
    target.parent.mkdir()
    two = run(["extract", str(corpus_dir / "c.jsonl"), str(corpus_dir / "articles"),
               "-f", "jsonl", "--jobs", "2", "--chunk-size", "3", "-o", str(target)])
    assert two.returncode == 1
    assert target.read_bytes() == jobs1.stdout
    assert problems(two.stderr.decode()) == problems(jobs1.stderr.decode())
    assert sorted(p.name for p in target.parent.iterdir()) == ["claims.jsonl"]


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_every_format_is_the_same_with_a_pool(runner, corpus_dir, fmt) -> None:
    """Workers send back rendered text for json/jsonl/csv, documents for tables."""
    args = ["extract", str(corpus_dir / "c.jsonl"), "-f", fmt]
    one = invoke(runner, *args, "--jobs", "1")
    two = invoke(runner, *args, "--jobs", "2", "--chunk-size", "3")
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    if fmt == "json":
        assert [d["document_id"] for d in json.loads(two.stdout)][:2] == ["a0", "a1"]


@pytest.mark.dask
@needs_dask
def test_dask_engine_writes_the_same_bytes_as_one_job(jobs1, corpus_dir) -> None:
    dask = run(["extract", str(corpus_dir / "c.jsonl"), str(corpus_dir / "articles"),
                "-f", "jsonl", "--engine", "dask", "--jobs", "2", "--chunk-size", "4"])
    assert dask.returncode == 1
    assert dask.stdout == jobs1.stdout
    assert problems(dask.stderr.decode()) == problems(jobs1.stderr.decode())


@pytest.mark.dask
@needs_dask
def test_dask_beside_another_cluster_says_nothing_about_ports(tmp_path) -> None:
    """Dask's scheduler serves HTTP on port 8787 unless told otherwise; a second cluster on
    the machine (another claimx run) used to print a three-line warning about it."""
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(i) for i in range(3)])
    with socket.socket() as taken:
        with contextlib.suppress(OSError):  # else something already holds the port
            taken.bind(("", 8787))
            taken.listen()
        result = run(["extract", str(corpus), "-f", "jsonl", "--engine", "dask", "--jobs", "1"])
    assert result.returncode == 0
    assert result.stderr.decode() == ""


@pytest.mark.dask
@needs_dask
def test_dask_unreachable_scheduler_is_one_line(runner, tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(0)])
    result = invoke(runner, "extract", str(corpus), "--engine", "dask",
                    "--scheduler", "nonsense://nowhere")
    assert result.exit_code == 1
    [line] = problems(result.stderr)
    assert line.startswith("claimx: error: cannot connect to the Dask scheduler nonsense://")


# --- progress ------------------------------------------------------------------------------


def run_on_terminal(args: list[str], stdout_too: bool = False) -> tuple[int, str]:
    """Run claimx with stderr (and maybe stdout) on a pseudo-terminal; return its status
    and what it drew."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "150", "TERM": "xterm"}
    proc = subprocess.Popen([script(), *args], stdin=subprocess.DEVNULL,
                            stdout=slave if stdout_too else subprocess.DEVNULL, stderr=slave,
                            env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(i) for i in range(30)])
    out = tmp_path / "o.jsonl"
    status, drawn = run_on_terminal(["extract", str(corpus), "-f", "jsonl", "-o", str(out)])
    assert status == 0
    assert "30 docs" in drawn and "claims" in drawn and "MB/s" in drawn and "ETA" in drawn
    assert re.search(r"claimx: 30 documents: 30 extracted \(\d+ claims\)", drawn)

    status, quiet = run_on_terminal(["extract", str(corpus), "-f", "jsonl", "-o", str(out), "-q"])
    assert status == 0 and quiet == ""

    one = write_jsonl(tmp_path / "one.jsonl", [record(0)])
    status, single = run_on_terminal(["extract", str(one), "-f", "jsonl", "-o", str(out)])
    assert status == 0 and single == ""  # one document: nothing to follow


def test_results_on_the_same_terminal_go_above_the_bar_intact(tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(i) for i in range(40)])
    status, drawn = run_on_terminal(["extract", str(corpus), "-f", "jsonl", "--jobs", "2",
                                     "--chunk-size", "4"], stdout_too=True)
    assert status == 0
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)
    docs = [json.loads(line[line.index('{"schema"'):]) for line in plain.split("\r\n")
            if '{"schema"' in line]
    assert [d["document_id"] for d in docs] == [f"a{i}" for i in range(40)]  # in order
    assert "40 docs" in plain


def test_no_progress_when_stderr_is_not_a_terminal(runner, tmp_path) -> None:
    corpus = write_jsonl(tmp_path / "c.jsonl", [record(i) for i in range(5)])
    result = invoke(runner, "extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 0
    assert result.stderr == ""


# --- interruption --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    write_jsonl(path, [record(i) for i in range(100_000)])  # minutes of work: never done first
    return path


@pytest.mark.slow
@needs_proc
@pytest.mark.parametrize(("sig", "status", "word"),
                         [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_interrupt_leaves_no_output_and_no_workers(big_corpus, tmp_path, sig, status, word):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "claims.jsonl"
    proc = subprocess.Popen([script(), "extract", str(big_corpus), "-f", "jsonl", "--jobs", "2",
                             "-o", str(target)], stderr=subprocess.PIPE)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until it is mid-run: workers up, output growing
        workers = descendants(proc.pid)
        temp = [p for p in out_dir.iterdir() if p.stat().st_size > 0]
        if len(workers) >= 2 and temp:
            break
        assert proc.poll() is None, "finished before it could be interrupted"
        time.sleep(0.05)
    else:
        pytest.fail("claimx never got going")
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert stderr.decode().splitlines() == [f"claimx: error: {word}; {target} was not written"]
    assert list(out_dir.iterdir()) == []  # neither the result nor its temporary file
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert descendants(proc.pid) == []
    assert [pid for pid in workers if _alive(pid)] == []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
