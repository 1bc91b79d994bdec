"""The Dask helpers of claimx.corpus.distributed on Dask's synchronous scheduler (no cluster:
the cluster path is tested through the CLI in test_cli_corpus.py and in .ci/run)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.dask

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402

import claimx  # noqa: E402
from claimx.corpus.distributed import (  # noqa: E402
    _interrupts_in_finalizers,
    extract_bag,
    extract_dataframe,
    extract_jsonl_partitions,
    extract_record,
)
from claimx.io.render import CSV_COLUMNS  # noqa: E402
from claimx.io.schema import validate_document  # noqa: E402

SENTENCES = [
    "قال رئيس البلدية إن الحديقة ستفتح يوم الجمعة.",
    "ونفت الشركة في بيان أنها رفعت الأسعار.",
    "لا شيء هنا سوى وصف للطقس المشمس.",
]


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


def test_record_and_text_give_the_cli_document() -> None:
    doc = extract_record({"id": "x1", "text": SENTENCES[0]})
    validate_document(doc, SENTENCES[0])
    assert doc == dataclasses.replace(claimx.extract(SENTENCES[0]), id="x1").to_dict()
    assert doc["document_id"] == "x1" and doc["claims"][0]["id"] == "x1#c1"
    assert extract_record(SENTENCES[1]) == claimx.extract(SENTENCES[1]).to_dict()


def test_bad_records_become_error_records_not_exceptions() -> None:
    assert extract_record({"id": 5, "body": "..."})["error"] == "field 'text' is missing"
    assert extract_record({"id": "b", "text": "  "})["error"] == "text contains only whitespace"
    assert "expected a text" in extract_record(42)["error"]


def test_bag_of_texts_and_records() -> None:
    bag = db.from_sequence([{"id": f"r{i}", "text": s} for i, s in enumerate(SENTENCES)],
                           npartitions=2)
    docs = extract_bag(bag).compute()
    assert [d["document_id"] for d in docs] == ["r0", "r1", "r2"]
    texts = extract_bag(db.from_sequence(SENTENCES, npartitions=3)).compute()
    assert [d["stats"]["characters"] for d in texts] == [len(s) for s in SENTENCES]


def test_jsonl_partitions_in_and_out(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for part in range(2):
        lines = [json.dumps({"id": f"p{part}-{i}", "text": s}, ensure_ascii=False)
                 for i, s in enumerate(SENTENCES)]
        if part == 1:
            lines.insert(1, "{broken")
        (src / f"part{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = extract_jsonl_partitions(str(src / "*.jsonl"), str(tmp_path / "out" / "*.jsonl"))
    assert len(written) == 2
    records = [json.loads(line) for f in sorted(written)
               for line in Path(f).read_text(encoding="utf-8").splitlines()]
    assert [r["document_id"] for r in records if "error" not in r] == [
        "p0-0", "p0-1", "p0-2", "p1-0", "p1-1", "p1-2"
    ]
    [bad] = [r for r in records if "error" in r]
    assert bad["error"] == "malformed JSON: Expecting property name enclosed in double quotes " \
        "(column 2)"
    assert Path(bad["path"]).name == "part1.jsonl"
    assert {Path(r["path"]).name for r in records} == {"part0.jsonl", "part1.jsonl"}
    for record in records:
        validate_document(record)


def test_dataframe_gives_one_row_per_claim() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"url": ["u0", "u1", "u2", "u3"], "body": [*SENTENCES, " "]})
    ddf = dd.from_pandas(frame, npartitions=2)
    claims = extract_dataframe(ddf, text_column="body", id_column="url").compute()
    assert list(claims.columns) == list(CSV_COLUMNS)
    expected = sum(len(claimx.extract(s).claims) for s in SENTENCES)
    ok = claims[claims["error"] == ""]
    assert len(ok) == expected
    assert set(ok["document_id"]) <= {"u0", "u1", "u2"}
    row = ok.iloc[0]
    text = SENTENCES[["u0", "u1", "u2"].index(row["document_id"])]
    assert text[row["cue.start"]:row["cue.end"]] == row["cue.text"]
    [failed] = claims[claims["error"] != ""].itertuples()
    assert failed.document_id == "u3" and failed.error == "text contains only whitespace"
    eager = extract_dataframe(frame, text_column="body", id_column="url")
    assert eager.reset_index(drop=True).equals(claims.reset_index(drop=True))


def test_engine_leaves_the_callers_default_client_alone() -> None:
    """The engine's client is not made Dask's default: a default client left behind was
    later picked up (and raced with its own garbage collection) by unrelated computations."""
    from distributed import default_client

    from claimx.corpus.distributed import extract_many_dask
    from claimx.io.items import InputText

    items = [InputText(f"s{i}.txt", s) for i, s in enumerate(SENTENCES)]
    results = extract_many_dask(items, workers=1)
    docs = [next(results)]
    with pytest.raises(ValueError):
        default_client()  # while the engine's own client is running
    docs += list(results)
    assert [len(d.claims) for d in docs] == [len(claimx.extract(s).claims) for s in SENTENCES]


def test_an_interrupt_raised_in_a_finaliser_still_stops_the_run(capsys) -> None:
    """Ctrl-C landing in ``Future.__del__`` is neither printed nor lost: raised again."""

    class Finalised:
        def __del__(self) -> None:
            raise KeyboardInterrupt

    with _interrupts_in_finalizers() as check_interrupt:
        check_interrupt()  # nothing caught yet
        finalised = Finalised()
        del finalised
        with pytest.raises(KeyboardInterrupt):
            check_interrupt()
    assert capsys.readouterr().err == ""
