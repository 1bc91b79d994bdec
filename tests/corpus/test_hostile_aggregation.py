"""claimx speakers and claimx claims against hostile archives: cells that would break a CSV
row, and corpora built to make grouping and disputes quadratic. Through the real command
line; the timed corpora are small here (benchmarks/adversarial_aggregation.py runs them at
full size)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.corpus.aggregate import disputes, groups

runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


# --- CSV cells ------------------------------------------------------------------------------

CR_CORPUS = [
    {"id": "a1", "outlet": "Daily\r=1+2", "date": "2026-03-02",
     "text": "نفت وزارة الدفاع وجود قوات أجنبية في المدينة."},
    {"id": "b\r=2+3", "outlet": "X", "body": "no text field"},
    {"id": "c1", "outlet": "Y\r@SUM(A1)", "date": "x\r=1",
     "text": "أكد شهود أن قوات أجنبية دخلت المدينة ليلا."},
]


@pytest.mark.parametrize("args", [("speakers",), ("claims",), ("claims", "--disputes")])
def test_a_carriage_return_in_a_cell_never_starts_a_row(tmp_path: Path,
                                                         args: tuple[str, ...]) -> None:
    """Every row has the header's width, no cell starts with a formula trigger, and the cell
    with the carriage return comes back whole (quoted, as extract's CSV does)."""
    corpus = write_jsonl(tmp_path / "c.jsonl", CR_CORPUS)
    result = run(*args, str(corpus), "-f", "csv")
    assert result.exit_code in (0, 1), result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    header, body = rows[0], rows[1:]
    assert body
    for row in body:
        assert len(row) == len(header), row
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    cells = {cell for row in body for cell in row}
    if args == ("claims",):
        assert "Daily\r=1+2" in cells and "Y\r@SUM(A1)" in cells
    if args == ("speakers",):
        assert "x\r=1" in cells
    # the failed record's id, with its carriage return, stays in one cell
    assert any(cell.startswith("b") and "=2+3" in cell for cell in cells)


# --- corpora built to make aggregation quadratic ---------------------------------------------

ADVERSARIAL = importlib.util.spec_from_file_location(
    "claimx_adversarial", Path(__file__).resolve().parents[2] / "benchmarks"
    / "adversarial_aggregation.py")
assert ADVERSARIAL is not None and ADVERSARIAL.loader is not None
adversarial = importlib.util.module_from_spec(ADVERSARIAL)
ADVERSARIAL.loader.exec_module(adversarial)


def counted(monkeypatch: pytest.MonkeyPatch, module: object, *names: str) -> Counter[str]:
    """Count the calls of ``module``'s functions ``names`` (the grouping's comparisons)."""
    calls: Counter[str] = Counter()
    for name in names:
        original = getattr(module, name)

        def wrapper(*args: object, _name: str = name, _original=original) -> object:
            calls[_name] += 1
            return _original(*args)

        monkeypatch.setattr(module, name, wrapper)
    return calls


def test_one_sentence_by_many_speakers_is_grouped_in_linear_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each new speaker of one sentence is looked up, not checked against every earlier
    speaker of it (before: n²/2 speaker checks and as many similarity checks)."""
    n = 600
    corpus = write_jsonl(tmp_path / "s.jsonl", list(adversarial.speakers_corpus(n)))
    calls = counted(monkeypatch, groups, "compatible_speakers", "jaccard")
    result = run("claims", str(corpus), "-f", "json", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["groups"] > n * 0.9  # different speakers: different claims
    assert calls["compatible_speakers"] < 10 * n and calls["jaccard"] < 10 * n, calls


def test_near_collisions_check_a_bounded_number_of_candidates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Contents all just under the similarity threshold of each other: each mention checks
    at most a bounded number of the candidates MinHash LSH proposes."""
    n = 800
    corpus = write_jsonl(tmp_path / "n.jsonl", list(adversarial.near_corpus(n)))
    calls = counted(monkeypatch, groups, "jaccard")
    result = run("claims", str(corpus), "-f", "json", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["groups"] == n
    assert calls["jaccard"] < 100 * n, calls


@pytest.mark.slow  # a large generated input
def test_dispute_dense_text_compares_each_denial_with_a_bounded_number_of_claims(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every denial shares three words with hundreds of claims: each is scored against at
    most MAX_CANDIDATES of them (those sharing the weightiest words), keeps at most
    MAX_PER_DENIAL, and the JSON lists them all."""
    n = 1200
    corpus = write_jsonl(tmp_path / "d.jsonl", list(adversarial.disputes_corpus(n, 40)))
    calls = counted(monkeypatch, disputes, "_match")
    result = run("claims", "--disputes", str(corpus), "-f", "json", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["disputes"] == len(data["disputes"]) > n
    assert len(data["disputes"]) <= disputes.MAX_PER_DENIAL * n
    assert calls["_match"] <= (disputes.MAX_CANDIDATES + 2) * n, calls
