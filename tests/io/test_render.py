"""Renderers on hand-built documents (independent of what the extractor finds)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.items import InputError
from claimx.io.render import (
    CSV_COLUMNS,
    CsvWriter,
    JsonWriter,
    claim_rows,
    claims_table,
    indented_json,
    make_writer,
    render_document_table,
    speaker_name,
    to_json,
    to_jsonl_line,
    trim,
    who_said_what,
    write_csv,
)
from claimx.io.schema import validate_document
from claimx.model import Claim, Document, Span

TEXT = (
    'قال الوزير [الأول] لقناة المدينة إن الجسر، "الجديد"، سيفتح غدا. '
    "ونفى المتحدث الخبر. وأكد المتحدث أن الموعد ثابت."
)


def span(part: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(part, start + 1)
    return Span(part, start, start + len(part))


def make_doc(source: str = "news/a.txt") -> Document:
    minister = Claim(
        id="c1", sentence=0, source=span("الوزير [الأول]"), speaker=span("الوزير [الأول]"),
        cue=span("قال"), lemma="قال", gloss="say", stance="assert", negated=False,
        channel=span("قناة المدينة"), content=span('الجسر، "الجديد"، سيفتح غدا'),
        direct_quote=False, label="The minister says",
    )
    denial = Claim(
        id="c2", sentence=1, source=None, speaker=span("المتحدث"), cue=span("نفى"),
        lemma="نفى", gloss="deny", stance="deny", negated=True, channel=None,
        content=span("الخبر"), direct_quote=True, label="The spokesperson does not deny",
    )
    confirm = Claim(
        id="c3", sentence=2, source=None, speaker=span("المتحدث", 2), cue=span("أكد"),
        lemma="أكد", gloss="confirm", stance="assert", negated=False, channel=None,
        content=span("الموعد ثابت"), direct_quote=False,
        label="The spokesperson confirms",
    )
    return Document(TEXT, source, (minister, denial, confirm), n_tokens=25, n_sentences=3)


def empty_doc(source: str = "news/b.txt") -> Document:
    return Document("لا شيء هنا.", source, (), n_tokens=3, n_sentences=1)


def render_table(doc: Document, width: int = 160) -> str:
    out = io.StringIO()
    render_document_table(doc, Console(file=out, width=width, color_system=None))
    return out.getvalue()


# --- JSON / JSONL -------------------------------------------------------------------


def test_json_is_an_array_even_of_one_document_with_arabic_unescaped() -> None:
    out = to_json([make_doc()])
    data = json.loads(out)
    assert data == [make_doc().to_dict()]
    assert "الوزير" in out and "\\u06" not in out
    assert out.startswith('[\n  {\n    "schema"')  # indent 2


def test_json_several_documents_is_an_array_in_order() -> None:
    data = json.loads(to_json([make_doc("a.txt"), empty_doc("b.txt")]))
    assert [d["path"] for d in data] == ["a.txt", "b.txt"]


def test_json_writer_gives_an_array_whatever_the_count() -> None:
    for docs in ([], [make_doc()], [make_doc("a.txt"), empty_doc("b.txt")]):
        out = io.StringIO()
        w = JsonWriter(out)
        for doc in docs:
            w.write(doc)
        w.close()
        assert json.loads(out.getvalue()) == [d.to_dict() for d in docs]


@pytest.mark.parametrize("n", [1, 2, 5])
def test_json_array_is_streamed_with_the_same_text(n: int) -> None:
    """Each element is written as it comes (flat memory), yet the text is what
    ``json.dumps`` gives for the whole list."""
    docs = [dataclasses.replace(make_doc(f"{i}.txt"), id=f"d{i}") for i in range(n)]
    out = io.StringIO()
    w = JsonWriter(out)
    w.write(docs[0])
    assert out.getvalue().startswith("[\n  {")  # already on its way out
    for doc in docs[1:]:
        w.write(doc)
    w.close()
    assert out.getvalue() == to_json(docs) + "\n"


def test_failure_records_stand_in_place_in_json_jsonl_and_csv() -> None:
    failed = InputError("corpus.jsonl", "malformed JSON", line=2)
    expected = {"schema": "claimx/2", "document_id": "corpus.jsonl:2", "path": "corpus.jsonl",
                "line": 2, "error": "malformed JSON", "claims": []}
    for fmt in ("json", "jsonl", "csv"):
        out = io.StringIO(newline="")
        w = make_writer(fmt, out)
        w.write(make_doc("a.txt"))
        w.write_failure(failed)
        w.write(empty_doc("b.txt"))
        w.close()
        text = out.getvalue()
        if fmt == "json":
            records = json.loads(text)
        elif fmt == "jsonl":
            records = [json.loads(line) for line in text.splitlines()]
        else:
            rows = _parse_csv(text)
            assert [r["error"] for r in rows] == ["", "", "", "malformed JSON"][:len(rows)] or \
                rows[-1]["error"] == "malformed JSON"
            assert rows[-1]["document_id"] == "corpus.jsonl:2" and rows[-1]["line"] == "2"
            continue
        assert [r["path"] for r in records] == ["a.txt", "corpus.jsonl", "b.txt"]
        assert records[1] == expected
        validate_document(records[1])


def test_jsonl_one_line_per_document() -> None:
    out = io.StringIO()
    w = make_writer("jsonl", out)
    for doc in (make_doc("a.txt"), empty_doc("b.txt")):
        w.write(doc)
    w.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["path"] for line in lines] == ["a.txt", "b.txt"]
    assert "\n" not in to_jsonl_line(make_doc())


# --- CSV -----------------------------------------------------------------------------


def _parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_all_columns_and_one_row_per_claim() -> None:
    out = io.StringIO(newline="")
    write_csv([make_doc("a.txt"), empty_doc("b.txt")], out)
    reader = csv.reader(io.StringIO(out.getvalue(), newline=""))
    header = next(reader)
    assert tuple(header) == CSV_COLUMNS
    assert len(list(reader)) == 3


def test_csv_cells_match_claims_and_quote_commas() -> None:
    out = io.StringIO(newline="")
    write_csv([make_doc("a.txt")], out)
    rows = _parse_csv(out.getvalue())
    first, second = rows[0], rows[1]
    assert first["document_id"] == first["path"] == "a.txt"
    assert first["id"] == "a.txt#c1"
    assert first["speaker.text"] == "الوزير [الأول]"
    start, end = int(first["speaker.start"]), int(first["speaker.end"])
    assert TEXT[start:end] == first["speaker.text"]
    assert first["content.text"] == 'الجسر، "الجديد"، سيفتح غدا'  # survives quoting
    c_start, c_end = int(first["content.start"]), int(first["content.end"])
    assert TEXT[c_start:c_end] == first["content.text"]
    assert first["channel.text"] == "قناة المدينة"
    assert (first["negated"], first["direct_quote"]) == ("false", "false")
    assert (second["negated"], second["direct_quote"]) == ("true", "true")
    assert second["source.text"] == second["source.start"] == second["channel.text"] == ""
    assert (second["cue.lemma"], second["cue.gloss"], second["stance"]) == ("نفى", "deny", "deny")
    assert second["label"] == "The spokesperson does not deny"


def test_csv_document_column_is_the_document_id() -> None:
    out = io.StringIO(newline="")
    write_csv([dataclasses.replace(make_doc("corpus.jsonl"), id="article-17")], out)
    rows = _parse_csv(out.getvalue())
    assert {r["document_id"] for r in rows} == {"article-17"}
    assert {r["id"] for r in rows} == {"article-17#c1", "article-17#c2", "article-17#c3"}


def test_table_heading_shows_a_record_id_once() -> None:
    record = render_table(dataclasses.replace(make_doc("corpus.jsonl"), id="article-17"))
    assert "corpus.jsonl" in record and "[article-17]" in record
    file = render_table(dataclasses.replace(make_doc("news/a.txt"), id="news/a.txt"))
    assert file.count("news/a.txt") == 1


def test_csv_header_even_without_claims() -> None:
    out = io.StringIO(newline="")
    w = CsvWriter(out)
    w.write(empty_doc())
    w.close()
    assert out.getvalue().strip() == ",".join(CSV_COLUMNS)
    assert list(claim_rows(empty_doc())) == []


# --- tables ---------------------------------------------------------------------------


def test_table_shows_labels_arabic_cue_stance_and_channel() -> None:
    out = render_table(make_doc())
    for expected in ("news/a.txt", "3 claims", "minister", "spokesperson", "المتحدث",
                     "قال", "assert", "deny", "قناة المدينة", "direct quote"):
        assert expected in out, expected


def test_table_marks_negation_only_on_negated_claims() -> None:
    doc = make_doc()
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(claims_table(doc))
    assert "negated" in out.getvalue()  # the stance cell, not just the summary
    plain = Document(doc.text, doc.source, doc.claims[:1], 25, 3)
    assert "negated" not in render_table(plain)


def test_table_does_not_treat_article_brackets_as_markup() -> None:
    assert "الوزير [الأول]" in render_table(make_doc())


def test_table_trims_long_content() -> None:
    long = "كلام " * 100
    text = "قال " + long
    claim = Claim("c1", 0, None, None, Span("قال", 0, 3), "قال", "say", "report", False, None,
                  Span(long, 4, 4 + len(long)), False, "")
    out = render_table(Document(text, "x.txt", (claim,), 101, 1), width=400)
    assert "…" in out
    assert long.strip() not in out
    assert "impersonal" in out
    assert len(trim(long)) <= 140


def test_who_said_what_groups_by_speaker_with_stances() -> None:
    rows = who_said_what(make_doc())
    assert rows[0] == ("The spokesperson", "المتحدث", 2, "assert ×1, deny ×1; 1 negated")
    assert rows[1] == ("The minister", "الوزير [الأول]", 1, "assert ×1")
    out = render_table(make_doc())
    assert "Who said what" in out
    assert "assert ×1, deny ×1" in out


@pytest.mark.parametrize(
    ("label", "gloss", "name"),
    [
        ("SDF sources deny", "deny", "SDF sources"),
        ("The company denies", "deny", "The company"),
        ("The minister says", "say", "The minister"),
        ("Officials do not confirm", "confirm", "Officials"),
        ("The army does not deny", "deny", "The army"),
        ("The envoy points out", "point out", "The envoy"),
        ("The report is sure", "be sure", "The report"),
        ("In the view of informed sources", "in the view of", "Informed sources"),
        ("Unattributed: says", "say", ""),
        ("Witnesses", "say", "Witnesses"),
        ("", "say", ""),
    ],
)
def test_speaker_name_drops_the_reporting_verb(label: str, gloss: str, name: str) -> None:
    claim = dataclasses.replace(make_doc().claims[0], label=label, gloss=gloss)
    assert speaker_name(claim) == name


def test_table_for_document_without_claims() -> None:
    out = render_table(empty_doc())
    assert "No attributed claims found." in out
    assert "Who said what" not in out


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="xml"):
        make_writer("xml", io.StringIO())


_RECORD_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, database=None)
@given(_RECORD_VALUES)
@example({"text": "قال\u2028الوزير\x00\x1f\x7f «نعم»", "claims": [], "stats": {}})
@example({"text": "lone \ud800 surrogate", "n": 2**64})
def test_indented_json_is_the_standard_librarys_text(value: object) -> None:
    """What records hold (strings of any code points, whole numbers, booleans, null, lists,
    objects) is written as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it."""
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_extract_json_is_the_standard_librarys_text(tmp_path: Path) -> None:
    runner = CliRunner()
    article = tmp_path / "article.txt"
    text = "قال الوزير إن «الطريق» مغلق.\nونفت الشركة ذلك، بحسب بيان."
    article.write_text(text, encoding="utf-8")
    done = runner.invoke(app, ["extract", str(article), "-f", "json"])
    assert done.exit_code == 0, done.stderr
    records = json.loads(done.stdout)
    assert records[0]["claims"]
    assert done.stdout == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
