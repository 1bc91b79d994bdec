"""The ``claimx`` command through its real entry points (Typer runner and subprocess).

The extractor may still be a placeholder, so these tests check structure (exit
codes, stderr lines, schema-valid output) rather than particular claims.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import claimx
from claimx.cli import app
from claimx.io.render import CSV_COLUMNS
from claimx.io.schema import validate_document

SENTENCE_A = "قال رئيس البلدية إن الحديقة ستفتح يوم الجمعة."
SENTENCE_B = "ونفت الشركة في بيان أنها رفعت الأسعار."
SENTENCE_C = "وأكد المدرب لصحيفة محلية أن الفريق جاهز للمباراة."


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


SUMMARY = re.compile(r"^claimx: [\d,]+ documents?: [\d,]+ extracted \([\d,]+ claims?\)")


def problem_lines(result) -> list[str]:
    """stderr without the end-of-run summary line."""
    return [line for line in stderr_lines(result) if not SUMMARY.match(line)]


def summary_lines(result) -> list[str]:
    return [line for line in stderr_lines(result) if SUMMARY.match(line)]


def assert_valid(doc: dict[str, Any], text: str | None = None) -> None:
    validate_document(doc, text)
    assert {"schema", "document_id", "path", "stats", "claims"} <= doc.keys()


def documents(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents among output records (failure records set ``error``)."""
    return [r for r in records if "error" not in r]


# --- version and help -------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimx {claimx.__version__}"


def test_help_lists_commands_and_options(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    for command in ("extract", "tokens", "eval", "--version"):
        assert command in result.stdout
    no_args = invoke(runner)  # a usage error: the overview goes to stderr
    assert no_args.exit_code == 2 and "extract" in no_args.stderr


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("extract", ["--format", "--json", "--output", "PATH", "Windows-1256", "stance",
                     "--input-format", "--text-field", "--id-field", "--glob", "--jobs",
                     "--engine", "--scheduler", "--quiet", "Ctrl-C"]),
        ("tokens", ["--format", "PATH", "offsets"]),
        ("eval", ["--format", "--show-errors", "--min-claim-f1", "GOLD.jsonl"]),
    ],
)
def test_command_help(runner: CliRunner, command: str, options: list[str]) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    for option in options:
        assert option in result.stdout, option


# --- extract: formats ---------------------------------------------------------------------


def test_extract_table_on_a_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "news.txt", SENTENCE_A)
    monkeypatch.chdir(tmp_path)  # a short name: a long one is cut to fit the heading
    result = invoke(runner, "extract", "news.txt")
    assert result.exit_code == 0, result.stderr
    assert "news.txt" in result.stdout
    assert "1 claim" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("flags", [["--json"], ["--format", "json"], ["-f", "JSON"]])
def test_extract_json_single_file_is_an_array_of_one(runner, tmp_path, flags) -> None:
    text = SENTENCE_A + "\n" + SENTENCE_B
    f = write(tmp_path / "news.txt", text)
    result = invoke(runner, "extract", str(f), *flags)
    assert result.exit_code == 0, result.stderr
    [doc] = json.loads(result.stdout)
    assert doc["path"] == doc["document_id"] == str(f)
    assert doc["stats"]["characters"] == len(text)
    assert_valid(doc, text)


def test_extract_several_inputs_give_an_array(runner: CliRunner, tmp_path: Path) -> None:
    files = [write(tmp_path / "a.txt", SENTENCE_A), write(tmp_path / "b.txt", SENTENCE_B)]
    result = invoke(runner, "extract", *map(str, files), "--json")
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [d["path"] for d in docs] == [str(f) for f in files]
    for doc, text in zip(docs, (SENTENCE_A, SENTENCE_B), strict=True):
        assert_valid(doc, text)


def test_json_shape_follows_the_command_line_not_the_results(runner, tmp_path) -> None:
    """Scripts can rely on the shape: always an array, a failed input a record in it."""
    folder = tmp_path / "one"
    folder.mkdir()
    write(folder / "only.txt", SENTENCE_A)
    from_folder = invoke(runner, "extract", str(folder), "--json")
    assert from_folder.exit_code == 0
    assert [d["path"] for d in json.loads(from_folder.stdout)] == [str(folder / "only.txt")]

    good = write(tmp_path / "good.txt", SENTENCE_B)
    partly = invoke(runner, "extract", str(good), str(tmp_path / "missing.txt"), "--json")
    assert partly.exit_code == 1
    records = json.loads(partly.stdout)
    assert [d["path"] for d in records] == [str(good), str(tmp_path / "missing.txt")]
    assert records[1]["error"] == "no such file or directory" and records[1]["claims"] == []


def test_extract_jsonl_one_line_per_input(runner: CliRunner, tmp_path: Path) -> None:
    files = [write(tmp_path / f"{i}.txt", s) for i, s in enumerate((SENTENCE_A, SENTENCE_B,
                                                                     SENTENCE_C))]
    result = invoke(runner, "extract", *map(str, files), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        assert_valid(json.loads(line))


def test_extract_csv_has_header_and_a_row_per_claim(runner: CliRunner, tmp_path: Path) -> None:
    files = [write(tmp_path / "a.txt", SENTENCE_A), write(tmp_path / "b.txt", SENTENCE_C)]
    result = invoke(runner, "extract", *map(str, files), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    as_json = json.loads(invoke(runner, "extract", *map(str, files), "--json").stdout)
    assert len(rows) - 1 == sum(len(d["claims"]) for d in as_json)
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)


def test_json_conflicting_with_other_format_is_a_usage_error(runner, tmp_path) -> None:
    f = write(tmp_path / "a.txt", SENTENCE_A)
    result = invoke(runner, "extract", str(f), "--json", "--format", "csv")
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        "claimx: error: --json conflicts with --format csv; give only one of them"
    ]
    assert result.stdout == ""


# --- extract: input kinds -------------------------------------------------------------------


@pytest.mark.parametrize("args", [["-"], []], ids=["dash", "no-path"])
def test_extract_reads_stdin(runner: CliRunner, args: list[str]) -> None:
    result = invoke(runner, "extract", *args, "--json", input=SENTENCE_B.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    [doc] = json.loads(result.stdout)
    assert doc["path"] == "-"
    assert_valid(doc, SENTENCE_B)


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer

    from claimx.cli.options import input_paths

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(typer.Exit) as info:
        input_paths(None, "extract")
    assert info.value.exit_code == 2


def test_extract_directory_is_an_array_sorted_by_path(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.txt", SENTENCE_B)
    write(tmp_path / "a.txt", SENTENCE_A)
    write(tmp_path / "skip.md", SENTENCE_C)
    result = invoke(runner, "extract", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [Path(d["path"]).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.txt",
        "sub/b.txt",
    ]


def test_windows_1256_file_is_decoded_with_a_note(runner, tmp_path, monkeypatch) -> None:
    seen = _capture_extract(monkeypatch)
    f = tmp_path / "old.txt"
    f.write_bytes(SENTENCE_C.encode("cp1256"))
    result = invoke(runner, "extract", str(f), "--json")
    assert result.exit_code == 0
    assert seen == [SENTENCE_C]
    [note] = stderr_lines(result)
    assert note.startswith("claimx: note: ") and "Windows-1256" in note and str(f) in note
    assert json.loads(result.stdout)[0]["stats"]["characters"] == len(SENTENCE_C)


def test_utf8_bom_is_not_part_of_the_text(runner, tmp_path, monkeypatch) -> None:
    seen = _capture_extract(monkeypatch)
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + SENTENCE_A.encode("utf-8"))
    result = invoke(runner, "extract", str(f), "--json")
    assert result.exit_code == 0
    assert seen == [SENTENCE_A]
    assert result.stderr == ""
    assert json.loads(result.stdout)[0]["stats"]["characters"] == len(SENTENCE_A)


def _capture_extract(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the exact text the CLI hands to the extractor."""
    seen: list[str] = []
    real = claimx.extract

    def spy(text: str, source: str = "-"):
        seen.append(text)
        return real(text, source=source)

    monkeypatch.setattr(claimx, "extract", spy)
    return seen


# --- extract: bad inputs ---------------------------------------------------------------------


def _bad_input(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"bad-{kind}.txt"
    if kind == "missing":
        return path
    if kind == "empty-dir":
        path = tmp_path / "empty-folder"
        path.mkdir()
        return path
    data = {
        "binary": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "undecodable": bytes((i * 89 + 17) % 255 + 1 for i in range(300)),
        "empty": b"",
        "blank": b"  \n\n\t ",
    }[kind]
    path.write_bytes(data)
    return path


BAD_KINDS = {
    "missing": "no such file",
    "empty-dir": "no .txt files",
    "binary": "binary",
    "undecodable": "cannot decode",
    "empty": "empty",
    "blank": "only whitespace",
}


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_one_stderr_line_others_processed(runner, tmp_path, kind) -> None:
    good_a = write(tmp_path / "good-a.txt", SENTENCE_A)
    bad = _bad_input(kind, tmp_path)
    good_b = write(tmp_path / "good-b.txt", SENTENCE_B)
    result = invoke(runner, "extract", str(good_a), str(bad), str(good_b), "--json")
    assert result.exit_code == 1
    [line] = problem_lines(result)
    assert line.startswith(f"claimx: error: {bad}: ")
    [summary] = summary_lines(result)
    assert "3 documents: 2 extracted" in summary and "1 failed" in summary
    assert BAD_KINDS[kind] in line
    assert "Traceback" not in result.stderr + result.stdout
    records = json.loads(result.stdout)
    assert [d["path"] for d in records] == [str(good_a), str(bad), str(good_b)]
    assert [d["path"] for d in documents(records)] == [str(good_a), str(good_b)]
    assert BAD_KINDS[kind] in records[1]["error"]


def test_all_bad_inputs_are_each_reported(runner: CliRunner, tmp_path: Path) -> None:
    bads = [_bad_input(kind, tmp_path) for kind in BAD_KINDS]
    result = invoke(runner, "extract", *map(str, bads), "--format", "jsonl")
    assert result.exit_code == 1
    lines = problem_lines(result)
    assert len(lines) == len(BAD_KINDS)
    for line, bad in zip(lines, bads, strict=True):
        assert line.startswith(f"claimx: error: {bad}: ")
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(b) for b in bads]
    assert all(r["error"] and r["claims"] == [] for r in records)


def test_single_bad_input_gives_its_failure_record(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "extract", str(tmp_path / "nope.txt"), "--json")
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert record["error"] == "no such file or directory"
    assert stderr_lines(result) == [
        f"claimx: error: {tmp_path / 'nope.txt'}: no such file or directory"
    ]


def test_extractor_crash_is_one_line_and_run_continues(runner, tmp_path, monkeypatch) -> None:
    real = claimx.extract

    def flaky(text: str, source: str = "-"):
        if "boom" in source:
            raise RuntimeError("unexpected\nstate")
        return real(text, source=source)

    monkeypatch.setattr(claimx, "extract", flaky)
    monkeypatch.delenv("CLAIMX_DEBUG", raising=False)
    boom = write(tmp_path / "boom.txt", SENTENCE_A)
    good = write(tmp_path / "good.txt", SENTENCE_B)
    result = invoke(runner, "extract", str(boom), str(good), "--format", "jsonl")
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"claimx: error: {boom}: extraction failed: RuntimeError: unexpected state"
    ]
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(boom), str(good)]
    assert records[0]["error"] == "extraction failed: RuntimeError: unexpected state"


def test_unknown_option_is_one_line_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "extract", "--colour")
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line.startswith("claimx: error: No such option: --colour")
    assert "Traceback" not in result.stderr


# --- extract: --output ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_output_file_is_written_atomically(runner, tmp_path, fmt) -> None:
    f = write(tmp_path / "a.txt", SENTENCE_A)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"result.{fmt}"
    target.write_text("old content", encoding="utf-8")
    result = invoke(runner, "extract", str(f), "--format", fmt, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert written != "old content"
    if fmt == "json":
        [doc] = json.loads(written)
        assert_valid(doc, SENTENCE_A)
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(written, newline=""))) == list(CSV_COLUMNS)
    else:
        assert "a.txt" in written and "\x1b[" not in written  # no colour codes in files
    assert sorted(p.name for p in out_dir.iterdir()) == [target.name]  # no temp files left


def test_output_into_missing_folder_fails_before_reading(runner, tmp_path) -> None:
    f = write(tmp_path / "a.txt", SENTENCE_A)
    result = invoke(runner, "extract", str(f), "-o", str(tmp_path / "nope" / "x.json"))
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line.startswith("claimx: error: --output ")


def test_output_file_is_written_even_when_some_inputs_fail(runner, tmp_path) -> None:
    f = write(tmp_path / "a.txt", SENTENCE_A)
    target = tmp_path / "claims.jsonl"
    result = invoke(runner, "extract", str(f), str(tmp_path / "missing.txt"),
                    "--format", "jsonl", "--output", str(target))
    assert result.exit_code == 1
    records = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
    assert [("error" in r) for r in records] == [False, True]


# --- tokens -------------------------------------------------------------------------------------


def test_tokens_json_offsets_match_text(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("claimx.extraction.tokenize")
    f = write(tmp_path / "a.txt", SENTENCE_A)
    result = invoke(runner, "tokens", str(f), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["path"] == data["document_id"] == str(f)
    tokens = data["tokens"]
    assert tokens, "no tokens"
    for i, tok in enumerate(tokens):
        assert set(tok) == {"index", "text", "start", "end", "norm"}
        assert tok["index"] == i
        assert SENTENCE_A[tok["start"]:tok["end"]] == tok["text"]
    assert "".join(t["text"] for t in tokens) == SENTENCE_A.replace(" ", "")


def test_tokens_table_and_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    pytest.importorskip("claimx.extraction.tokenize")
    f = write(tmp_path / "a.txt", SENTENCE_B)
    result = invoke(runner, "tokens", str(f))
    assert result.exit_code == 0, result.stderr
    assert "الشركة" in result.stdout and "normalised" in result.stdout
    missing = invoke(runner, "tokens", str(tmp_path / "none.txt"))
    assert missing.exit_code == 1
    assert len(stderr_lines(missing)) == 1


# --- eval ---------------------------------------------------------------------------------------


class FakeReport:
    def __init__(self, claim_f1: float) -> None:
        self.claim_f1 = claim_f1

    def to_dict(self) -> dict[str, Any]:
        return {"claim_f1": self.claim_f1, "note": "تجربة"}


@pytest.fixture
def fake_evaluate(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """A stand-in for claimx.evaluation, so these tests check only the CLI wiring."""

    class GoldFormatError(ValueError):
        pass

    calls = types.SimpleNamespace(paths=[], rendered=[], f1=0.5)
    module = types.ModuleType("claimx.evaluation")

    def evaluate_path(path):
        calls.paths.append(Path(path))
        if Path(path).read_text(encoding="utf-8").startswith("bad"):
            raise GoldFormatError(f"{path}, line 1: invalid JSON")
        return FakeReport(calls.f1)

    def render_eval(report, console, show_errors):
        calls.rendered.append(show_errors)
        console.print(f"claim F1 {report.claim_f1}")

    module.GoldFormatError = GoldFormatError
    module.evaluate_path = evaluate_path
    module.render_eval = render_eval
    monkeypatch.setitem(sys.modules, "claimx.evaluation", module)
    return calls


def test_eval_table_and_show_errors(runner, tmp_path, fake_evaluate) -> None:
    gold = write(tmp_path / "gold.jsonl", "{}\n")
    result = invoke(runner, "eval", str(gold), "--show-errors")
    assert result.exit_code == 0, result.stderr
    assert "claim F1 0.5" in result.stdout
    assert fake_evaluate.paths == [gold]
    assert fake_evaluate.rendered == [True]


def test_eval_json(runner, tmp_path, fake_evaluate) -> None:
    gold = write(tmp_path / "gold.jsonl", "{}\n")
    result = invoke(runner, "eval", str(gold), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"claim_f1": 0.5, "note": "تجربة"}
    assert "تجربة" in result.stdout
    assert fake_evaluate.rendered == []


@pytest.mark.parametrize(("threshold", "code"), [("0.4", 0), ("0.5", 0), ("0.6", 1)])
def test_eval_min_claim_f1(runner, tmp_path, fake_evaluate, threshold, code) -> None:
    gold = write(tmp_path / "gold.jsonl", "{}\n")
    result = invoke(runner, "eval", str(gold), "--format", "json", "--min-claim-f1", threshold)
    assert result.exit_code == code
    assert json.loads(result.stdout)["claim_f1"] == 0.5  # report printed either way
    assert len(stderr_lines(result)) == code


def test_eval_missing_or_malformed_gold_exit_2(runner, tmp_path, fake_evaluate) -> None:
    missing = invoke(runner, "eval", str(tmp_path / "none.jsonl"))
    assert missing.exit_code == 2
    assert stderr_lines(missing) == [f"claimx: error: {tmp_path / 'none.jsonl'}: no such file"]

    bad = write(tmp_path / "bad.jsonl", "bad line\n")
    malformed = invoke(runner, "eval", str(bad))
    assert malformed.exit_code == 2
    [line] = stderr_lines(malformed)
    assert line == f"claimx: error: malformed gold file: {bad}, line 1: invalid JSON"
    assert "Traceback" not in malformed.stderr


def test_eval_with_real_module_rejects_malformed_gold(runner, tmp_path) -> None:
    pytest.importorskip("claimx.evaluation")
    bad = write(tmp_path / "bad.jsonl", "this is not json\n")
    result = invoke(runner, "eval", str(bad))
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line.startswith("claimx: error: ") and str(bad) in line


# --- real processes ------------------------------------------------------------------------------


def _run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("CLAIMX_DEBUG", None)
    return subprocess.run(args, input=stdin, capture_output=True, env=env, timeout=300)


def _script() -> str:
    script = Path(sys.executable).with_name("claimx")
    if not script.exists():
        pytest.skip("the claimx console script is not installed in this environment")
    return str(script)


def test_module_entry_point_version() -> None:
    proc = _run([sys.executable, "-m", "claimx", "--version"])
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"claimx {claimx.__version__}"


def test_console_script_mixed_inputs(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", SENTENCE_A)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(SENTENCE_B.encode("cp1256"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03")
    proc = _run([_script(), "extract", str(good), str(binary), str(legacy), "--json"])
    assert proc.returncode == 1
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if not SUMMARY.match(line)]
    assert len(lines) == 2
    assert any(line.startswith(f"claimx: error: {binary}: binary") for line in lines)
    assert any(line.startswith("claimx: note: ") and "Windows-1256" in line for line in lines)
    docs = documents(json.loads(proc.stdout.decode("utf-8")))
    assert [d["path"] for d in docs] == [str(good), str(legacy)]
    for doc, text in zip(docs, (SENTENCE_A, SENTENCE_B), strict=True):
        assert_valid(doc, text)


def test_console_script_stdin_and_usage_error() -> None:
    proc = _run([_script(), "extract", "--format", "jsonl"], stdin=SENTENCE_C.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.decode("utf-8").splitlines()
    assert_valid(json.loads(line), SENTENCE_C)

    bad = _run([_script(), "extract", "--format", "xml"], stdin=b"")
    assert bad.returncode == 2
    err = bad.stderr.decode("utf-8")
    assert err.startswith("claimx: error: ") and len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_startup_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, claimx.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'rich', 'camel_tools', 'jsonschema', 'charset_normalizer', 'dask',"
        " 'distributed', 'multiprocessing', 'concurrent'}))"
    )
    proc = _run([sys.executable, "-c", code])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip() == "[]"


def test_json_and_csv_say_how_each_speaker_was_found(runner: CliRunner) -> None:
    text = (
        "قال وزير المالية إن العجز سيتراجع. وأضاف أن الموازنة جاهزة. "
        "ومن المتوقع أن يصوت البرلمان قريبا. وأكد الوزير أن الضرائب لن ترتفع."
    )
    result = invoke(runner, "extract", "-", "--json", input=text)
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)
    assert_valid(doc, text)
    found = {c["cue"]["text"]: c["speaker_resolution"] for c in doc["claims"]}
    # named by its clause; a dropped subject; no speaker by construction; a reduced mention
    assert found == {"قال": "named", "أضاف": "resolved", "من المتوقع": "impersonal",
                     "أكد": "resolved"}
    csv_out = invoke(runner, "extract", "-", "--format", "csv", input=text)
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert [r["speaker_resolution"] for r in rows] == list(found.values())


def test_a_dropped_subject_with_no_antecedent_is_unresolved(runner: CliRunner) -> None:
    result = invoke(runner, "extract", "-", "--json", input="وأضاف أن الموازنة جاهزة للتصويت.")
    [doc] = json.loads(result.stdout)
    assert [c["speaker_resolution"] for c in doc["claims"]] == ["unresolved"]
