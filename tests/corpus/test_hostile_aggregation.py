"""claimx speakers and claimx claims against hostile archives: cells that would break a CSV
row, and corpora built to make grouping and disputes quadratic. Through the real command
line; the timed corpora are small here (benchmarks/adversarial_aggregation.py runs them at
full size)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

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
