"""``claimx report`` against hand-made claimx output records: a record names the files the
report reads back, so what it names must never reach past what the user gave, hang, or
exhaust memory; and whatever a record holds must end as one line, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from report_helpers import ROOT, SENTENCES, invoke, page_data

SECRET = "كلمة السر السرية 12345"


def record(path: str, *, claims: list[dict[str, Any]] | None = None,
           document_id: str | None = None, **extra: Any) -> dict[str, Any]:
    """A claimx/2 document record without text: the report reads its article from ``path``."""
    return {"schema": "claimx/2", "document_id": document_id or path, "path": path,
            "line": None, "content_type": "text/plain", "claims": claims or [],
            "stats": {"tokens": 1, "sentences": 1}, **extra}


def write_output(folder: Path, *records: dict[str, Any], name: str = "claims.jsonl") -> Path:
    output = folder / name
    output.write_text("".join(json.dumps(r) + "\n" for r in records),
                      encoding="utf-8")
    return output


def report(tmp_path: Path, *args: str) -> tuple[Any, str]:
    out = tmp_path / "report.html"
    result = invoke("report", *args, "-o", str(out), "-j", "1")
    page = out.read_text(encoding="utf-8") if out.exists() else ""
    return result, page


def stderr_lines(result: Any) -> list[str]:
    return [x for x in result.stderr.splitlines() if not x.startswith("claimx: wrote")]


def test_a_file_the_user_did_not_name_is_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    output = write_output(work, record(str(secret)), record("../private/secret.txt"),
                          record("/etc/passwd"))
    result, page = report(tmp_path, str(output))
    assert result.exit_code == 0, result.stderr
    assert SECRET not in page and "root:" not in page
    notes = stderr_lines(result)
    assert len(notes) == 3
    assert all("is not among the inputs" in x and "--text-from" in x for x in notes)
    assert [d["has_text"] for d in page_data(page)["docs"]] == [False] * 3


def test_text_from_names_a_folder_and_nothing_outside_it(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (articles / "link.txt").symlink_to(tmp_path / "secret.txt")
    output = write_output(tmp_path, record("a.txt"), record("../secret.txt"),
                          record("link.txt"))
    result, page = report(tmp_path, str(output), "--text-from", str(articles))
    assert result.exit_code == 0, result.stderr
    assert SECRET not in page
    docs = page_data(page)["docs"]
    assert [d["has_text"] for d in docs] == [True, False, False]
    assert "".join(seg[1] for seg in docs[0]["segs"]) == SENTENCES[0]


def test_a_named_input_is_read_back_without_text_from(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCES[0], encoding="utf-8")
    output = write_output(tmp_path, record(str(article)))
    result, page = report(tmp_path, str(output), str(article))
    assert result.exit_code == 0, result.stderr
    assert [d["has_text"] for d in page_data(page)["docs"]] == [True, True]


@pytest.mark.parametrize("path", ["a\x00b.txt", "/dev/zero"])
def test_a_nul_or_a_device_is_one_error_line(tmp_path: Path, path: str) -> None:
    output = write_output(tmp_path, record(path), record(str(tmp_path / "ok.txt")))
    (tmp_path / "ok.txt").write_text(SENTENCES[1], encoding="utf-8")
    result, page = report(tmp_path, str(output), "--text-from", "/dev",
                          "--text-from", str(tmp_path))
    assert result.exit_code == 1
    (line,) = stderr_lines(result)
    assert line.startswith("claimx: error: ")
    assert "not a regular file" in line or "NUL" in line
    assert [d["has_text"] for d in page_data(page)["docs"]] == [True]


def test_a_file_over_max_chars_is_refused_before_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("ب" * 5000, encoding="utf-8")
    output = write_output(tmp_path, record("big.txt"))
    result, page = report(tmp_path, str(output), "--text-from", str(tmp_path),
                          "--max-chars", "1000")
    assert result.exit_code == 1
    (line,) = stderr_lines(result)
    assert line.startswith("claimx: error: big.txt: ") and "--max-chars 1,000" in line
    assert page_data(page)["docs"] == []


def test_a_fifo_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    output = write_output(tmp_path, record("pipe.txt"))
    result = subprocess.run(
        [sys.executable, "-m", "claimx", "report", str(output), "--text-from", str(tmp_path),
         "-o", str(tmp_path / "r.html"), "-q"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "claimx: error: pipe.txt: article text not read: not a regular file"]


def extracted_records(tmp_path: Path) -> list[dict[str, Any]]:
    """Real claimx output for one article, as ``claimx extract -f jsonl`` writes it."""
    article = tmp_path / "a.txt"
    article.write_text(" ".join(SENTENCES[:3]), encoding="utf-8")
    result = invoke("extract", str(article), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


DEEP = "[" * 100_000


@pytest.mark.parametrize("command", ["speakers", "claims", "report"])
def test_a_deeply_nested_line_is_one_failure(tmp_path: Path, command: str) -> None:
    [good] = extracted_records(tmp_path)
    output = tmp_path / "claims.jsonl"
    line = json.dumps(good, ensure_ascii=False)
    output.write_text(f"{line}\n{DEEP}\n{line}\n", encoding="utf-8")
    out = tmp_path / ("out.html" if command == "report" else "out.txt")
    args = ["-f", "json"] if command != "report" else ["--text-from", str(tmp_path)]
    result = invoke(command, str(output), *args, "-o", str(out), "-j", "1", "-q")
    assert result.exit_code == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert stderr_lines(result) == [
        f"claimx: error: {output}, line 2: JSON nested too deeply to read"]
    assert out.exists()
    if command == "report":
        assert len(page_data(out.read_text(encoding="utf-8"))["docs"]) == 2


def test_a_deeply_nested_line_in_a_reported_corpus_costs_that_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good = {"id": "a", "text": SENTENCES[0], "meta": {"outlet": "Daily A"}}
    corpus.write_text(json.dumps(good, ensure_ascii=False) + f"\n{DEEP}\n", encoding="utf-8")
    result, page = report(tmp_path, str(corpus))
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"claimx: error: {corpus}, line 2: JSON nested too deeply to read"]
    assert [d["outlet"] for d in page_data(page)["docs"]] == ["Daily A"]


def test_deeply_nested_standard_input_is_read_as_text() -> None:
    result = invoke("extract", "-f", "jsonl", "-j", "1", input=DEEP + "\n")
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.exit_code == 0


def test_lone_surrogates_in_metadata_and_ids_are_shown_replaced(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": SENTENCES[0],
                                  "meta": {"outlet": "Daily \ud800",
                                           "url": "https://example.org/\udc00"}}) + "\n",
                      encoding="utf-8")
    output = write_output(tmp_path, record("x.txt", document_id="id \ud83d",
                                           outlet="\udfff"), name="out.jsonl")
    result, page = report(tmp_path, str(corpus), str(output), "--title", "t \udc80")
    assert result.exit_code == 0, result.stderr
    docs = page_data(page)["docs"]
    assert docs[0]["outlet"] == "Daily \ufffd"
    assert docs[0]["url"] == docs[0]["link"] == "https://example.org/\ufffd"
    assert docs[1]["id"] == "id \ufffd"
    assert "<title>t \ufffd</title>" in page


def test_controls_and_bidi_overrides_never_reach_the_page(tmp_path: Path) -> None:
    hidden = "\x00\x1b[31m\u202e\x9b"
    text = f"{hidden}{SENTENCES[0]}\n{SENTENCES[1]}\t{hidden}"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": f"a{hidden}", "text": text,
                                  "meta": {"outlet": f"Daily{hidden}"}}) + "\n",
                      encoding="utf-8")
    result, page = report(tmp_path, str(corpus), "--title", f"t{hidden}")
    assert result.exit_code == 0, result.stderr
    assert not any(c in page for c in "\x00\x1b\u202e\x9b")
    [doc] = page_data(page)["docs"]
    shown = "".join(seg[1] for seg in doc["segs"])
    assert shown == text.translate({ord(c): " " for c in "\x00\x1b\u202e\x9b"})
    assert doc["claims"] and doc["outlet"] == "Daily  [31m  "


def test_records_sharing_an_id_each_keep_their_own_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": "same", "text": text}, ensure_ascii=False)
                              + "\n" for text in SENTENCES[:2]), encoding="utf-8")
    output = tmp_path / "claims.jsonl"
    result = invoke("extract", str(corpus), "-f", "jsonl", "-j", "1", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    result, page = report(tmp_path, str(output), "--text-from", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert stderr_lines(result) == []
    docs = page_data(page)["docs"]
    assert ["".join(seg[1] for seg in d["segs"]) for d in docs] == SENTENCES[:2]


@pytest.mark.slow  # a large generated input
def test_a_large_json_input_is_not_parsed_to_see_what_it_is(tmp_path: Path) -> None:
    """Only a bounded prefix says whether a ``.json`` input is claimx output: 8 million
    empty objects are read as articles, one at a time, and refused at the first (it has no
    text field), never built in memory first."""
    big = tmp_path / "big.json"
    with big.open("w", encoding="ascii") as handle:
        handle.write("[" + "{}," * 8_000_000 + "{}]")
    script = ("import resource, subprocess, sys; "
              "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
              "print(r.returncode); print(r.stderr, end='')")
    result = subprocess.run(
        [sys.executable, "-c", script, sys.executable, "-m", "claimx", "speakers", str(big),
         "--max-chars", "1000", "-f", "json", "-q"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, check=True)
    peak_kib, code, *stderr = result.stdout.splitlines()
    errors = [x for x in stderr if x.startswith("claimx: error:")]
    assert code == "1" and len(errors) == 1 and "no 'text' field" in errors[0], stderr
    assert int(peak_kib) < 400_000, peak_kib  # parsed whole: about 1 GB


def test_a_json_output_cut_short_is_still_read_as_claimx_output(tmp_path: Path) -> None:
    [good] = extracted_records(tmp_path)
    output = tmp_path / "claims.json"
    output.write_text("[" + json.dumps(good, ensure_ascii=False) + ", {\"sch", encoding="utf-8")
    result = invoke("speakers", str(output), "-f", "json", "-j", "1", "-q")
    assert result.exit_code == 1
    (line,) = stderr_lines(result)
    assert line.startswith(f"claimx: error: {output}: cannot read claimx output: ")


def test_a_deeply_nested_json_file_is_one_failure(tmp_path: Path) -> None:
    [good] = extracted_records(tmp_path)
    output = tmp_path / "claims.json"
    output.write_text(f"[{json.dumps(good, ensure_ascii=False)}, {DEEP}]\n", encoding="utf-8")
    result = invoke("speakers", str(output), "-f", "json", "-j", "1", "-q")
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.exit_code == 1
    (line,) = stderr_lines(result)
    assert line.startswith(f"claimx: error: {output}") and "nested too deeply" in line
