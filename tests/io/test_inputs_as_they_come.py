"""Inputs as people have them, each through the ``claimx`` command: a JSON file holding an
array of articles, JSON piped in whose text sits in another field, many records failing
the same way, and dates written as newspapers and feeds write them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.schema import validate_document

FIRST = "قال وزير النقل إن الطريق الجديد سيفتتح الشهر المقبل."
SECOND = "ونفت الشركة المنفذة أن تكون الأعمال قد توقفت."
THIRD = "وأكد المحافظ أن التمويل متوفر بالكامل."


def invoke(*args: str, input: bytes | None = None) -> Any:
    return CliRunner().invoke(app, [*args, "-j", "1"] if args[0] != "tokens" else list(args),
                              input=input)


def lines_of(stream: str) -> list[str]:
    return [line for line in stream.splitlines() if line.strip()]


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines_of(stdout)]


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def saudi_layout(*texts: str, text_field: str = "text") -> list[dict[str, Any]]:
    """Articles as a news archive saves them: title, text, date, url."""
    return [{"title": f"خبر {n}", text_field: text, "date": f"2018-10-1{n}",
             "url": f"https://news.example/{n}"} for n, text in enumerate(texts, start=1)]


# --- a JSON array of articles ------------------------------------------------------------


def test_a_json_array_of_articles_is_read_as_a_corpus(tmp_path: Path) -> None:
    archive = write_json(tmp_path / "2018-10-11.json", saudi_layout(FIRST, SECOND))
    result = invoke("extract", str(archive), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    docs = records(result.stdout)
    assert [d["document_id"] for d in docs] == ["https://news.example/1",
                                                "https://news.example/2"]
    assert [d["date"] for d in docs] == ["2018-10-11", "2018-10-12"]
    for doc, text in zip(docs, (FIRST, SECOND), strict=True):
        validate_document(doc, text)
        assert doc["path"] == str(archive) and doc["line"] is None
        assert doc["claims"] and all("{" not in c["content"]["text"] for c in doc["claims"])


def test_ids_come_from_the_id_field_then_the_url_then_the_place(tmp_path: Path) -> None:
    archive = write_json(tmp_path / "a.json", [
        {"id": 7, "body": FIRST, "url": "https://news.example/7"},
        {"body": SECOND, "url": "https://news.example/x"},
        {"body": THIRD},
    ])
    result = invoke("extract", str(archive), "--text-field", "body", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [d["document_id"] for d in records(result.stdout)] == [
        "7", "https://news.example/x", f"{archive}:3"]


def test_articles_without_the_text_field_stop_with_the_hint(tmp_path: Path) -> None:
    archive = write_json(tmp_path / "a.json", saudi_layout(FIRST, SECOND, text_field="content"))
    result = invoke("extract", str(archive), "-f", "jsonl")
    assert result.exit_code == 1
    assert lines_of(result.stderr) == [
        f"claimx: error: {archive}: the articles have no 'text' field (the first has title, "
        "content, date, url); name the text field with --text-field NAME"]
    again = invoke("extract", str(archive), "--text-field", "content", "-f", "jsonl")
    assert again.exit_code == 0 and len(records(again.stdout)) == 2


def test_a_bad_article_costs_itself_and_broken_json_the_rest(tmp_path: Path) -> None:
    archive = tmp_path / "a.json"
    good = json.dumps({"text": FIRST}, ensure_ascii=False)
    archive.write_text(f'\ufeff[{good}, {{"text": 5}}, {good}, {{"text": "\n', encoding="utf-8")
    result = invoke("extract", str(archive), "-f", "jsonl")
    assert result.exit_code == 1
    errors = lines_of(result.stderr)
    assert errors[0] == \
        f"claimx: error: {archive}: article 2: field 'text' is a number, not a string"
    assert errors[1].startswith(f"claimx: error: {archive}: article 4: malformed JSON (")
    assert "Traceback" not in result.stderr
    docs = records(result.stdout)
    assert [d["document_id"] for d in docs if "error" not in d] == [f"{archive}:1",
                                                                    f"{archive}:3"]


def test_empty_or_foreign_json_files_are_one_line_each(tmp_path: Path) -> None:
    empty = write_json(tmp_path / "empty.json", [])
    scalar = write_json(tmp_path / "n.json", 42)
    own = tmp_path / "claims.json"
    article = tmp_path / "a.txt"
    article.write_text(FIRST, encoding="utf-8")
    assert invoke("extract", str(article), "-o", str(own)).exit_code == 0
    result = invoke("extract", str(empty), str(scalar), str(own), str(article), "-f", "jsonl")
    assert result.exit_code == 1
    assert [e for e in lines_of(result.stderr) if e.startswith("claimx: error")] == [
        f"claimx: error: {empty}: no articles (an empty JSON array)",
        f"claimx: error: {scalar}: not a JSON array or object of articles (a .json file is "
        "read as articles; --input-format text reads it as one)",
        f"claimx: error: {own}: claimx output, not articles: 'claimx speakers', 'claimx "
        "claims' and 'claimx report' read it back"]
    assert records(result.stdout)[-1]["document_id"] == str(article)


def test_a_json_array_on_standard_input_is_read_as_a_corpus() -> None:
    payload = json.dumps(saudi_layout(FIRST, SECOND), ensure_ascii=False).encode()
    result = invoke("extract", "-f", "jsonl", input=payload)
    assert result.exit_code == 0, result.stderr
    assert [d["document_id"] for d in records(result.stdout)] == [
        "https://news.example/1", "https://news.example/2"]
    assert lines_of(result.stderr) == [
        "claimx: note: standard input is JSON: its articles are read as a corpus; "
        "--input-format text reads it as one article"]


def test_aggregates_read_a_json_array_of_articles(tmp_path: Path) -> None:
    archive = write_json(tmp_path / "a.json", saudi_layout(FIRST, SECOND, THIRD))
    result = invoke("speakers", str(archive), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["documents"] == 3


# --- JSONL on standard input with its text in another field -------------------------------


def test_jsonl_on_stdin_with_another_text_field_stops_with_the_hint() -> None:
    lines = [json.dumps({"id": f"r{n}", "body": t}, ensure_ascii=False)
             for n, t in enumerate((FIRST, SECOND))]
    result = invoke("extract", "-f", "jsonl", input=("\n".join(lines) + "\n").encode())
    assert result.exit_code == 1
    assert lines_of(result.stderr) == [
        "claimx: error: standard input: JSONL (a JSON object per line) with no 'text' field "
        "(the first line has id, body); name the text field with --text-field NAME, or read "
        "it as one article with --input-format text"]
    [failure] = records(result.stdout)
    assert failure["claims"] == [] and "--text-field" in failure["error"]
    named = invoke("extract", "-f", "jsonl", "--text-field", "body",
                   input=("\n".join(lines) + "\n").encode())
    assert named.exit_code == 0 and [d["document_id"] for d in records(named.stdout)] == \
        ["r0", "r1"]


def test_input_format_text_reads_json_on_stdin_as_one_article() -> None:
    payload = json.dumps({"body": FIRST}, ensure_ascii=False).encode() + b"\n"
    result = invoke("extract", "-f", "jsonl", "--input-format", "text", input=payload)
    assert result.exit_code == 0, result.stderr
    assert [d["document_id"] for d in records(result.stdout)] == ["-"]
    assert lines_of(result.stderr) == []


# --- a repeated per-record error ---------------------------------------------------------


def test_a_repeated_record_error_is_told_in_full_a_few_times_then_counted(tmp_path: Path
                                                                          ) -> None:
    archive = tmp_path / "archive.jsonl"
    rows = [{"id": f"r{n}", "body": FIRST} for n in range(40)]
    rows[20] = {"id": "r20", "text": 7}
    archive.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                       encoding="utf-8")
    hint = "no 'text' field (name the text field with --text-field)"
    page = tmp_path / "page.html"
    for command in (["extract", "-f", "jsonl"], ["speakers", "--json"], ["report", "-o",
                                                                          str(page)]):
        result = invoke(*command, str(archive), "-q")
        assert result.exit_code == 1
        assert lines_of(result.stderr) == [
            f"claimx: error: {archive}, line 1: {hint}",
            f"claimx: error: {archive}, line 2: {hint}",
            f"claimx: error: {archive}, line 3: {hint}",
            f"claimx: error: {archive}, line 21: field 'text' is a number, not a string",
            f"claimx: error: {archive}: … and 36 more records with the same error ({hint})",
        ], command
    failures = records(invoke("extract", str(archive), "-f", "jsonl").stdout)
    assert len(failures) == 40  # every failure keeps its record in the output


# --- dates as newspapers write them --------------------------------------------------------


def dated_archive(tmp_path: Path) -> Path:
    """Three articles dated as a feed (RFC 2822), a Levantine paper and an Egyptian one
    (Arabic-Indic digits) write dates; the minister speaks in the first two."""
    rows = [
        {"id": "feed", "date": "Thu, 11 Oct 2018 09:00:00 GMT",
         "text": "قال وزير النقل إن الطريق الجديد سيفتتح الشهر المقبل."},
        {"id": "levant", "date": "2 تشرين الثاني 2018",
         "text": "وقال وزير النقل إن الطريق الجديد افتتح أمس. وأكد المحافظ أن التمويل متوفر."},
        {"id": "cairo", "date": "الأربعاء ٥ سبتمبر ٢٠١٨",
         "text": "ونفت الشركة المنفذة أن تكون الأعمال قد توقفت."},
    ]
    path = tmp_path / "dated.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_dates_sort_as_dates_whatever_their_writing(tmp_path: Path) -> None:
    archive = dated_archive(tmp_path)
    result = invoke("speakers", str(archive), "--json", "--sort", "first")
    assert result.exit_code == 0, result.stderr
    rows = {r["speaker_key"]: r for r in json.loads(result.stdout)["speakers"]}
    minister = next(r for k, r in rows.items() if k and "نقل" in k)
    # as written, but the earliest and latest by date (as text, "2 ..." < "Thu, ...")
    assert (minister["first_date"], minister["last_date"]) == (
        "Thu, 11 Oct 2018 09:00:00 GMT", "2 تشرين الثاني 2018")
    firsts = [r["first_date"] for r in json.loads(result.stdout)["speakers"]]
    assert firsts[:3] == ["الأربعاء ٥ سبتمبر ٢٠١٨", "Thu, 11 Oct 2018 09:00:00 GMT",
                          "2 تشرين الثاني 2018"]
    latest = json.loads(invoke("speakers", str(archive), "--json", "--sort", "last").stdout)
    assert latest["speakers"][-1]["last_date"] == "الأربعاء ٥ سبتمبر ٢٠١٨"


def test_a_date_claimx_cannot_read_sorts_after_the_dates_it_can(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    rows = [{"id": "x", "date": "أمس", "text": FIRST}, {"id": "y", "date": "2019-01-02",
                                                        "text": SECOND}]
    archive.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                       encoding="utf-8")
    result = invoke("speakers", str(archive), "--json", "--sort", "first")
    firsts = [r["first_date"] for r in json.loads(result.stdout)["speakers"]]
    assert firsts == ["2019-01-02", "أمس"]
    latest = invoke("speakers", str(archive), "--json", "--sort", "last")
    assert [r["last_date"] for r in json.loads(latest.stdout)["speakers"]] == \
        ["2019-01-02", "أمس"]


def test_the_date_readings() -> None:
    from datetime import datetime

    from claimx.io.dates import parse_date

    expected = {
        "2018-10-11": datetime(2018, 10, 11),
        "2018-10-11T11:00:00+02:00": datetime(2018, 10, 11, 9),
        "Thu, 11 Oct 2018 09:00:00 GMT": datetime(2018, 10, 11, 9),
        "11 أكتوبر 2018": datetime(2018, 10, 11),
        "11 اكتوبر 2018": datetime(2018, 10, 11),
        "الخميس 11 تشرين الأول/أكتوبر 2018 - 09:30": datetime(2018, 10, 11, 9, 30),
        "١١ كانون الأول ٢٠١٨": datetime(2018, 12, 11),
        "3 جويلية 2019": datetime(2019, 7, 3),
        "3 من شهر آب 2019": datetime(2019, 8, 3),
    }
    assert {text: parse_date(text) for text in expected} == expected
    for unread in ("أمس", "31 شباط 2018", "11 قمر 2018", ""):
        assert parse_date(unread) is None, unread


def test_hostile_json_articles_cost_one_line_and_bounded_memory(tmp_path: Path) -> None:
    import resource
    import subprocess
    import sys

    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 300_000)  # ijson's items() alone would need gigabytes
    huge = tmp_path / "huge.json"
    good = json.dumps({"text": FIRST}, ensure_ascii=False)
    huge.write_text(f'[{good}, {{"n": {"9" * 5000}, "text": "x"}}]', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "claimx", "extract", str(deep), str(huge),
                           "-f", "jsonl", "-j", "1", "-q"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert lines_of(done.stderr) == [
        f"claimx: error: {deep}: article 1: JSON nested more than 64 deep; the rest of the "
        "file is not read",
        f"claimx: error: {huge}: article 2: malformed JSON (parse error: integer overflow); "
        "the rest of the file is not read"]
    assert [d.get("error") is None for d in records(done.stdout)] == [False, True, False]
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 400_000  # KiB
