"""One corpus run serves every command: documents in input order, claimx output read back
between raw inputs, a failure in its place, every command checking for Dask the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.options import DASK_HINT
from claimx.corpus.progress import RunStats
from claimx.corpus.run import (
    Engine,
    ReadBackFailure,
    Reading,
    Workers,
    counted,
    input_runs,
    run_corpus,
)
from claimx.io.items import InputError
from claimx.model import Document

SAID = "قال وزير المالية إن العجز سيتراجع."
DENIED = "ونفت الشركة في بيان أنها رفعت الأسعار."


def _corpus(tmp_path: Path) -> list[str]:
    """A raw text, claimx output (a document and a malformed line), a missing file and
    another raw text, in that order."""
    first = tmp_path / "first.txt"
    first.write_text(SAID, encoding="utf-8")
    written = tmp_path / "written.jsonl"
    result = CliRunner().invoke(app, ["extract", str(first), "-f", "jsonl", "-q", "-j", "1",
                                      "-o", str(written)])
    assert result.exit_code == 0, result.output
    with written.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    last = tmp_path / "last.txt"
    last.write_text(DENIED, encoding="utf-8")
    return [str(first), str(written), str(tmp_path / "missing.txt"), str(last)]


def test_outcomes_come_in_input_order_with_claimx_output_read_back(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)
    outcomes = list(run_corpus(sources, Reading(), Workers(), read_back=True))
    kinds = [(type(o.result).__name__, o.read_back, Path(o.source).name) for o in outcomes]
    assert kinds == [
        ("Document", False, "first.txt"),
        ("Document", True, "written.jsonl"),
        ("ReadBackFailure", True, "written.jsonl"),
        ("InputError", False, "missing.txt"),
        ("Document", False, "last.txt"),
    ]
    extracted, read_back = outcomes[0].result, outcomes[1].result
    assert isinstance(extracted, Document) and isinstance(read_back, Document)
    assert [c.to_dict(extracted.document_id) for c in extracted.claims] == \
        [c.to_dict(read_back.document_id) for c in read_back.claims]


def test_without_read_back_claimx_output_is_an_input_like_any_other(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)
    outcomes = list(run_corpus(sources[1:2], Reading(), Workers()))
    assert not any(o.read_back for o in outcomes)


def test_a_failure_is_told_counted_and_recorded_in_its_place(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)
    stats, told = RunStats(), []
    outcomes = list(counted(run_corpus(sources, Reading(), Workers(), read_back=True),
                            stats, told.append))
    assert (stats.documents, stats.failed) == (5, 2)
    assert stats.claims == sum(o.claims for o in outcomes) > 0
    failed = [o for o in outcomes if o.failed]
    assert told == [str(o.result) for o in failed]
    assert isinstance(failed[0].result, ReadBackFailure)
    assert isinstance(failed[1].result, InputError)
    records = [o.failure_record() for o in failed]
    assert [r["document_id"] for r in records] == [sources[1], sources[2]]
    assert all(r["error"] for r in records)
    json.dumps(records)


def test_inputs_are_split_into_runs_of_one_kind() -> None:
    runs = input_runs(["a", "b.out", "c.out", "d", "e"], lambda p: p.endswith(".out"))
    assert runs == [(False, ["a"]), (True, ["b.out", "c.out"]), (False, ["d", "e"])]


@pytest.mark.parametrize("command", ["extract", "speakers", "claims", "report"])
def test_every_command_asks_for_dask_the_same_way(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimx.cli.options.dask_available", lambda: False)
    text = tmp_path / "a.txt"
    text.write_text(SAID, encoding="utf-8")
    result = CliRunner().invoke(app, [command, str(text), "--engine", Engine.dask.value,
                                      "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"claimx: error: {DASK_HINT}"
    assert not (tmp_path / "out.json").exists()
