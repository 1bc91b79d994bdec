"""Nothing a corpus contains may hang claimx, abort a whole run, or write outside what was
asked. Each test drives the real command line (a subprocess with real pipes, symbolic links,
sockets and devices) through one hostile input or one way a run can be cut short."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from inputs import write_jsonl_corpus  # noqa: E402
from pipe_close import run_once  # noqa: E402

# Real processes, pipes, sockets and signals: seconds each. Run by .ci/run, not by default.
pytestmark = pytest.mark.slow

ARTICLE = "قال الوزير إن الطريق مغلق بسبب الثلوج."
# Anything a terminal would act on: C0 (but tab and newline), DEL, C1, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def claimx(
    *args: str | bytes, stdin: bytes | None = None, timeout: float = 60,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m claimx`` with real pipes; output comes back as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "claimx", *args], input=stdin, capture_output=True,
        cwd=ROOT, timeout=timeout, check=False, env=env,
    )


def lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


def errors(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [line for line in lines(result.stderr) if line.startswith("claimx: error:")]


def assert_clean_stderr(result: subprocess.CompletedProcess[bytes]) -> None:
    text = result.stderr.decode("utf-8")
    assert "Traceback" not in text and "internal error" not in text, text


# --- 1. a closed or failing stdout never hangs --jobs 2 --------------------------------


def test_pipe_closed_by_head_never_hangs(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    write_jsonl_corpus(big, 1_000_000)
    for _ in range(5):
        ended, seconds, err = run_once(big, timeout=10, sink="head")
        assert ended, f"hung ({seconds:.1f} s): {err}"
        assert "Traceback" not in err, err


def test_full_stdout_never_hangs_and_says_why(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    write_jsonl_corpus(big, 1_000_000)
    for _ in range(3):
        ended, seconds, err = run_once(big, timeout=10, sink="full")
        assert ended, f"hung ({seconds:.1f} s): {err}"
        assert err.strip() == ("claimx: error: cannot write to standard output: "
                               "no space left on device"), err


# --- 2. one hostile JSONL line costs only that line ---------------------------------


def hostile_jsonl() -> bytes:
    good = json.dumps({"id": "good", "text": ARTICLE}, ensure_ascii=False)
    deep = '{"id": "deep", "text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    long_field = '{"id": "long", "text": "' + ARTICLE + '", "n": ' + "9" * 5000 + "}"
    long_id = '{"id": ' + "7" * 5000 + ', "text": "' + ARTICLE + '"}'
    return "\n".join([good, deep, long_field, long_id, good]).encode("utf-8") + b"\n"


def test_deep_nesting_and_long_integers_cost_one_line_each(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(hostile_jsonl())
    for args, stdin in (([str(corpus)], None), (["-", "-i", "jsonl"], hostile_jsonl())):
        result = claimx("extract", *args, "-f", "jsonl", "-q", stdin=stdin)
        assert result.returncode == 1
        assert_clean_stderr(result)
        [error] = errors(result)
        assert "line 2" in error and "nested too deeply" in error
        docs = [json.loads(line) for line in lines(result.stdout)]
        assert [d["document_id"] for d in docs if "error" not in d] == [
            "good", "long", "7" * 5000, "good"]
        assert [d["line"] for d in docs if "error" in d] == [2]  # a failure record in place


def test_distributed_partitions_report_the_line_instead_of_failing(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    import dask

    from claimx.corpus.distributed import extract_jsonl_partitions

    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(hostile_jsonl())
    with dask.config.set(scheduler="synchronous"):
        written = extract_jsonl_partitions(str(corpus), str(tmp_path / "out-*.jsonl"))
    records = [json.loads(line) for path in written for line in Path(path).read_text(
        encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert "nested too deeply" in records[1]["error"]
    assert [r.get("document_id") for r in records if "error" not in r] == [
        "good", "long", "7" * 5000, "good"]


# --- 3. output is valid UTF-8 whatever the file names ----------------------------------


def test_non_utf8_file_names_are_escaped_not_written_raw(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = claimx("extract", str(folder), "-f", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sources = [json.loads(line)["path"] for line in out.read_bytes().decode("utf-8").split(
        "\n") if line]
    assert sources == [f"{folder}/b.txt", f"{folder}/caf\\xe9.txt"]
    env = {**os.environ, "COLUMNS": "400"}  # the table cuts a long path short
    for fmt in ("jsonl", "csv", "table"):
        shown = claimx("extract", str(folder), "-f", fmt, env=env)
        assert shown.returncode == 0
        text = shown.stdout.decode("utf-8")  # strict: raises if not valid UTF-8
        if fmt == "jsonl":
            text = json.loads(text.splitlines()[1])["path"]
        assert "caf\\xe9.txt" in text


# --- 4. symbolic link loops ---------------------------------------------------------


def test_symlink_loops_are_skipped_and_each_file_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")
    (folder / "self").symlink_to("self")
    for jobs in ("1", "2"):
        result = claimx("extract", str(folder), "-f", "jsonl", "--jobs", jobs, timeout=60)
        assert_clean_stderr(result)
        records = [json.loads(line) for line in lines(result.stdout)]
        docs = [r["path"] for r in records if "error" not in r]
        assert docs == [f"{folder}/a.txt", f"{folder}/sub/b.txt"]
        assert result.returncode == 1
        reported = " ".join(errors(result))
        assert "self" in reported and "sub/up" in reported and "loop" in reported


# --- 5. -o writes only a regular file, never an input ----------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_output_symlink_is_refused_and_left_alone(tmp_path: Path, article: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = claimx("extract", str(article), "--json", "-o", str(link))
    assert result.returncode == 2 and "symbolic link" in result.stderr.decode()
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep"


def special_files(tmp_path: Path) -> Iterator[Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    yield fifo
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError:
        return  # no right to create device nodes here
    yield node


def test_output_device_or_fifo_is_refused(tmp_path: Path, article: Path) -> None:
    for special in special_files(tmp_path):
        kind = os.lstat(special).st_mode
        result = claimx("extract", str(article), "--json", "-o", str(special))
        assert result.returncode == 2, result.stderr
        assert "not a regular file" in result.stderr.decode()
        assert stat.S_IFMT(os.lstat(special).st_mode) == stat.S_IFMT(kind)


def test_output_naming_an_input_is_refused(tmp_path: Path, article: Path) -> None:
    before = article.read_bytes()
    result = claimx("extract", str(article), "--json", "-o", str(article))
    assert result.returncode == 2 and "is also an input" in result.stderr.decode()
    assert article.read_bytes() == before
    inside = tmp_path / "b.txt"
    inside.write_text(ARTICLE, encoding="utf-8")
    result = claimx("extract", str(tmp_path), "-f", "csv", "-o", str(inside))
    assert result.returncode == 2 and "is also an input" in result.stderr.decode()
    assert inside.read_text(encoding="utf-8") == ARTICLE


# --- 6. no raw control characters on a terminal -----------------------------------------


def test_names_and_ids_reach_no_terminal_raw(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = "x\x1b[31m\u009b2J\u202e.txt"
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    (folder / ("empty\x1b]0;t\x07.txt")).write_bytes(b"")
    ids = tmp_path / "c.jsonl"
    ids.write_text(json.dumps({"id": "i\x1b[2J\u009b\u202e\x00d", "text": ARTICLE}) + "\n",
                   encoding="utf-8")
    wide = {**os.environ, "COLUMNS": "400"}  # the heading is cut to the terminal's width
    runs = [
        claimx("extract", str(folder), env=wide),
        claimx("extract", str(folder), "-f", "jsonl"),
        claimx("extract", str(ids)),
        claimx("extract", str(ids), "-f", "jsonl"),
        claimx("tokens", str(folder)),
    ]
    for result in runs:
        for stream in (result.stdout, result.stderr):
            text = stream.decode("utf-8")
            assert not RAW_CONTROL.search(text), ascii(text)
    heading = "".join(runs[0].stdout.decode().split())
    assert "x\\x1b[31m\\x9b2J\\u202e.txt" in heading
    assert "empty\\x1b]0;t\\x07.txt" in runs[0].stderr.decode()
    assert json.loads(lines(runs[3].stdout)[0])["document_id"] == "i\x1b[2J\u009b\u202e\x00d"


# --- 7. --scheduler never hangs -----------------------------------------------------


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port on 127.0.0.1 where something accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_a_listening_non_scheduler_ends_the_run_in_bounded_time(
    article: Path, silent_server: int
) -> None:
    pytest.importorskip("distributed")
    started = time.monotonic()
    result = claimx("extract", str(article), "--engine", "dask", "--scheduler",
                    f"tcp://127.0.0.1:{silent_server}", timeout=90)
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    assert_clean_stderr(result)
    [error] = lines(result.stderr)
    assert "cannot connect to the Dask scheduler" in error


@pytest.mark.parametrize("address", ["foo://127.0.0.1:1", "tcp://", "nonsense"])
def test_bad_scheduler_addresses_give_one_line_at_once(article: Path, address: str) -> None:
    pytest.importorskip("distributed")
    started = time.monotonic()
    result = claimx("extract", str(article), "--engine", "dask", "--scheduler", address,
                    timeout=90)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert_clean_stderr(result)
    assert len(lines(result.stderr)) == 1, result.stderr


# --- 8. --encoding takes text encodings only -----------------------------------------


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib"])
def test_non_text_codecs_are_usage_errors(article: Path, codec: str) -> None:
    result = claimx("extract", str(article), "--encoding", codec)
    assert result.returncode == 2
    assert_clean_stderr(result)
    assert "not a text encoding" in result.stderr.decode()


def test_a_codec_giving_lone_surrogates_costs_that_file_only(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"qala \\ud800 inna")
    good = tmp_path / "good.txt"
    good.write_bytes(b"\\u0642\\u0627\\u0644 \\u0627\\u0644\\u0648\\u0632\\u064a\\u0631")
    result = claimx("extract", str(bad), str(good), "-f", "jsonl", "-e", "unicode_escape")
    assert result.returncode == 1
    assert_clean_stderr(result)
    [error] = errors(result)
    assert "bad.txt" in error and "lone surrogate" in error
    records = [json.loads(line) for line in lines(result.stdout)]
    assert [r["path"] for r in records if "error" not in r] == [str(good)]


# --- 9. interrupts, full disks, empty results, --jobs -----------------------------------


def test_sigint_during_import_prints_one_line(tmp_path: Path) -> None:
    shim = tmp_path / "shim"
    (shim / "typer").mkdir(parents=True)
    (shim / "typer" / "__init__.py").write_text("raise KeyboardInterrupt\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(shim)}
    result = claimx("--version", env=env)
    assert result.returncode == 130
    assert lines(result.stderr) == ["claimx: error: interrupted"]


def test_empty_input_leaves_no_invalid_json_file(tmp_path: Path) -> None:
    """It used to leave a 0-byte file; now the file is a JSON array holding the failure
    record (claimx/2), valid whatever failed."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "x.json"
    result = claimx("extract", str(empty), "--json", "-o", str(out))
    assert result.returncode == 1
    [record] = json.loads(out.read_text(encoding="utf-8"))
    assert record["path"] == str(empty) and record["error"]
    assert len(errors(result)) == 1


def test_jobs_has_an_upper_bound(article: Path) -> None:
    result = claimx("extract", str(article), "--jobs", "100000")
    assert result.returncode == 2 and "--jobs 100000" in result.stderr.decode()


def test_interrupting_dask_prints_no_worker_tracebacks(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    corpus = tmp_path / "c.jsonl"
    write_jsonl_corpus(corpus, 3_000_000)
    for delay in (3.0, 5.0):  # once the local cluster is up: its workers used to print
        process = subprocess.Popen(
            [sys.executable, "-m", "claimx", "extract", str(corpus), "-f", "jsonl", "-q",
             "--engine", "dask", "--jobs", "2"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,
        )
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
        try:
            _, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        text = err.decode("utf-8", "replace")
        assert "Traceback" not in text and len(text.splitlines()) <= 1, text
        assert process.returncode in (0, 130), text


@pytest.fixture
def full_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs the right to mount, else the test is skipped)."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_full_disk_under_output_is_named_not_internal(tmp_path: Path, full_tmpfs: Path) -> None:
    big = tmp_path / "big.jsonl"
    write_jsonl_corpus(big, 1_000_000)
    out = full_tmpfs / "out.jsonl"
    result = claimx("extract", str(big), "-f", "jsonl", "-q", "--jobs", "2", "-o", str(out))
    assert result.returncode == 1
    assert lines(result.stderr) == [
        f"claimx: error: cannot write --output {out}: no space left on device"]
    assert list(full_tmpfs.iterdir()) == []  # no half-written file, no temporary file


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["tokens"], ["tokens", "-f", "json"], ["extract"]])
def test_full_stdout_is_named_for_every_command(article: Path, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "claimx", *command, str(article)], stdout=full,
            stderr=subprocess.PIPE, cwd=ROOT, timeout=60, check=False,
        )
    assert result.returncode == 1
    assert lines(result.stderr) == [
        "claimx: error: cannot write to standard output: no space left on device"]
