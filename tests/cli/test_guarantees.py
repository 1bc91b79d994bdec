"""Output and input guarantees through the real command line: CSV formula neutralising,
terminal-safe tables, the --max-chars limit, encodings, and a full disk."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimx", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
    )


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('وقال المتحدث: "=HYPERLINK(1) هذا ما حدث بالضبط".', encoding="utf-8")
    result = run("extract", str(article), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["content.text"].startswith("'=HYPERLINK")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_json_keeps_the_exact_text_that_csv_neutralises(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('وقال المتحدث: "=HYPERLINK(1) هذا ما حدث بالضبط".', encoding="utf-8")
    [doc] = json.loads(run("extract", str(article), "--json").stdout)
    assert doc["claims"][0]["content"]["text"].startswith("=HYPERLINK")


def test_table_strips_control_and_bidi_override_characters(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("وقال الوزير إن \u202eالطريق\u2066 مغلق\x1b[31m تماما.", encoding="utf-8")
    result = run("extract", str(article))
    assert result.returncode == 0, result.stderr
    for bad in ("\u202e", "\u2066", "\x1b"):
        assert bad not in result.stdout
    [doc] = json.loads(run("extract", str(article), "--json").stdout)
    content = doc["claims"][0]["content"]["text"]
    assert "\u2066" in content and "\x1b" in content  # JSON keeps the text exactly


def test_max_chars_skips_and_reports_without_truncating(tmp_path: Path) -> None:
    long_one = tmp_path / "long.txt"
    short_one = tmp_path / "short.txt"
    long_one.write_text("قال الوزير إن الطريق مغلق. " * 50, encoding="utf-8")
    short_one.write_text("قال الوزير إن الطريق مغلق.", encoding="utf-8")
    result = run(
        "extract", str(long_one), str(short_one), "--format", "jsonl", "--max-chars", "200"
    )
    assert result.returncode == 1
    assert "more than --max-chars 200; skipped" in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["path"] for d in docs] == [str(long_one), str(short_one)]
    assert "more than --max-chars 200" in docs[0]["error"] and "error" not in docs[1]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1256", "utf-8-sig"])
def test_encodings_decode_to_the_same_claims(tmp_path: Path, encoding: str) -> None:
    text = "وقال الوزير إن الطريق مغلق بسبب الثلوج منذ الصباح."
    article = tmp_path / "a.txt"
    article.write_bytes(text.encode(encoding))
    result = run("extract", str(article), "--json")
    assert result.returncode == 0, result.stderr
    [doc] = json.loads(result.stdout)
    assert doc["claims"][0]["content"]["text"] == "الطريق مغلق بسبب الثلوج منذ الصباح"
    assert doc["stats"]["characters"] == len(text)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_gives_one_line_and_non_zero_exit(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قال الوزير إن الطريق مغلق.", encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "claimx", "extract", str(article), "--format", "jsonl"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ},
            check=False,
        )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_encoding_option_decodes_iso_8859_6(tmp_path: Path) -> None:
    text = "وقال الوزير إن الطريق مغلق بسبب الثلوج."
    article = tmp_path / "a.txt"
    article.write_bytes(text.encode("iso8859_6"))
    result = run("extract", str(article), "--json", "--encoding", "iso-8859-6")
    assert result.returncode == 0, result.stderr
    [doc] = json.loads(result.stdout)
    assert doc["claims"][0]["content"]["text"] == "الطريق مغلق بسبب الثلوج"


def test_encoding_option_reports_the_failing_byte_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    good = tmp_path / "good.txt"
    bad.write_bytes("قال الوزير".encode() + b"\xff\xfe" + "إن الطريق مغلق.".encode())
    good.write_text("قال الوزير إن الطريق مغلق.", encoding="utf-8")
    result = run("extract", str(bad), str(good), "--format", "jsonl", "--encoding", "utf-8")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "byte 0xff at offset 19" in errors[0], result.stderr
    assert ["error" in json.loads(x) for x in result.stdout.splitlines()] == [True, False]


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قال الوزير إن الطريق مغلق.", encoding="utf-8")
    result = run("extract", str(article), "--encoding", "klingon")
    assert result.returncode == 2
    assert "unknown encoding" in result.stderr and "Traceback" not in result.stderr
