"""Reading inputs: encodings, directories, stdin, and one clear error per bad input."""

from __future__ import annotations

import codecs
import io
import json
import random
from pathlib import Path

import pytest

from claimx.io.decode import decode_bytes
from claimx.io.inputs import corpus_size, find_text_files, is_jsonl_path, iter_files
from claimx.io.items import InputError, InputText, display_source
from claimx.io.textio import read_corpus, read_inputs

ARABIC = "قال المتحدث إن الوفد سيصل غدا."
LONG_ARABIC = "أكد الناطق باسم البلدية أن أعمال الصيانة ستنتهي قبل نهاية الشهر. " * 3


def _read(paths: list[str], **kwargs) -> tuple[list, list[str]]:
    notes: list[str] = []
    items = list(read_inputs(paths, note=notes.append, **kwargs))
    return items, notes


def test_utf8_file_is_read_as_is(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARABIC, encoding="utf-8")
    items, notes = _read([str(f)])
    assert items == [InputText(str(f), ARABIC, "utf-8")]
    assert notes == []


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    [item], notes = _read([str(f)])
    assert isinstance(item, InputText)
    assert item.text == ARABIC
    assert not item.text.startswith("\ufeff")
    assert notes == []


@pytest.mark.parametrize("text", [ARABIC, LONG_ARABIC, "نفى الوزير", "أكد المصدر", "نفى"])
def test_windows_1256_is_detected_with_a_note(tmp_path: Path, text: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode("cp1256"))
    [item], notes = _read([str(f)])
    assert isinstance(item, InputText)
    assert item.text == text
    assert item.encoding == "cp1256"
    assert len(notes) == 1
    assert "Windows-1256" in notes[0] and str(f) in notes[0]


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(ARABIC.encode("utf-16"))
    [item], notes = _read([str(f)])
    assert isinstance(item, InputText) and item.text == ARABIC
    assert "UTF-16" in notes[0]


def test_damaged_utf8_keeps_utf8_and_marks_bad_bytes(tmp_path: Path) -> None:
    head, tail = LONG_ARABIC[:4].encode("utf-8"), LONG_ARABIC[4:].encode("utf-8")
    f = tmp_path / "damaged.txt"
    f.write_bytes(head + b"\xff" + tail)
    [item], notes = _read([str(f)])
    assert isinstance(item, InputText)
    assert "\ufffd" in item.text
    assert item.text.replace("\ufffd", "") == LONG_ARABIC
    assert "U+FFFD" in notes[0]


def test_directory_is_expanded_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.txt", "a/z/3.txt", "a/9.txt", "1.txt", "c.TXT"]:
        (tmp_path / rel).write_text(ARABIC, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARABIC, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(ARABIC, encoding="utf-8")

    items, _ = _read([str(tmp_path)])
    rel = [Path(i.source).relative_to(tmp_path).as_posix() for i in items]
    assert rel == ["1.txt", "a/9.txt", "a/z/3.txt", "b/2.txt", "c.TXT"]
    assert all(isinstance(i, InputText) for i in items)
    assert [p.name for p in find_text_files(tmp_path)] == ["1.txt", "9.txt", "3.txt", "2.txt",
                                                            "c.TXT"]


def test_stdin_dash_reads_given_stream() -> None:
    stream = io.BytesIO(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    [item], _ = _read(["-"], stdin=stream)
    assert item == InputText("-", ARABIC, "utf-8")


def test_stdin_is_named_readably_in_errors() -> None:
    [item], _ = _read(["-"], stdin=io.BytesIO(b""))
    assert isinstance(item, InputError)
    assert str(item).startswith("standard input: ")
    assert display_source("-") == "standard input"


def _random_bytes() -> bytes:
    rng = random.Random(3)
    return bytes(rng.randint(1, 255) for _ in range(300))


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _mkdir(d / "empty"), "no .txt files"),
        (lambda d: _write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
        (lambda d: _write(d / "ctrl.txt", bytes(range(1, 9)) * 10), "binary"),
        (lambda d: _write(d / "junk.txt", _random_bytes()), "cannot decode"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b" \n\t\r\n  "), "only whitespace"),
    ],
    ids=["missing", "empty-dir", "binary", "control-chars", "undecodable", "empty", "blank"],
)
def test_bad_input_gives_one_error_and_others_continue(tmp_path, setup, fragment) -> None:
    bad = setup(tmp_path)
    good = _write(tmp_path / "good.txt", ARABIC.encode("utf-8"))
    items, _ = _read([str(bad), str(good)])
    assert len(items) == 2
    error, text = items
    assert isinstance(error, InputError)
    assert error.source == str(bad)
    assert fragment in error.message
    assert "\n" not in str(error)
    assert text == InputText(str(good), ARABIC, "utf-8")


def test_reading_is_lazy(tmp_path: Path) -> None:
    """A generator: the CLI can print results for early inputs before later ones are read."""
    first = _write(tmp_path / "1.txt", ARABIC.encode("utf-8"))
    later = tmp_path / "2.txt"
    gen = read_inputs([str(first), str(later)], note=None)
    assert next(gen).source == str(first)
    later.write_text(ARABIC, encoding="utf-8")  # created only after the first item
    assert isinstance(next(gen), InputText)


def test_decode_bytes_rejects_nul_even_if_otherwise_text() -> None:
    item = decode_bytes(ARABIC.encode("utf-8") + b"\x00", "x")
    assert isinstance(item, InputError) and "NUL" in item.message


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- corpora: JSONL, globs, sizes -----------------------------------------------------


def _corpus(paths: list[str], **kwargs) -> list:
    return list(read_corpus(paths, note=None, **kwargs))


def _jsonl(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode("utf-8")) + b"\n"
                              for x in lines))
    return path


def test_jsonl_records_carry_id_line_and_size(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "c.jsonl", [
        json.dumps({"id": "a", "text": ARABIC}, ensure_ascii=False),
        "",
        json.dumps({"id": 7, "text": LONG_ARABIC}, ensure_ascii=False),
        json.dumps({"text": ARABIC}, ensure_ascii=False),
    ])
    items = _corpus([str(f)])
    assert [(i.id, i.line, i.text) for i in items] == [
        ("a", 1, ARABIC), ("7", 3, LONG_ARABIC), (f"{f}:4", 4, ARABIC)
    ]
    assert all(isinstance(i, InputText) and i.source == str(f) for i in items)
    assert items[0].nbytes == len(f.read_bytes().splitlines(keepends=True)[0])
    assert items[0].doc_id == "a"


def test_jsonl_custom_fields(tmp_path: Path) -> None:
    f = _jsonl(tmp_path / "dump.txt", [json.dumps({"url": "u1", "body": ARABIC})])
    [item] = _corpus([str(f)], input_format="jsonl", text_field="body", id_field="url")
    assert (item.id, item.text) == ("u1", ARABIC)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (b'{"id": "x", "text": "\xd9\x82\xff"}', "not valid UTF-8 (byte 0xff at column 24)"),
        (b'{"id": "x", "text": ', "malformed JSON: Expecting value (column 21)"),
        (b'["text"]', "expected a JSON object, found an array"),
        (b'{"id": "x", "body": "..."}', "no 'text' field (name the text field with --text-field)"),
        (b'{"id": "x", "text": 12}', "field 'text' is a number, not a string"),
        (b'{"id": "x", "text": ""}', "field 'text' is empty"),
        (b'{"id": "x", "text": " \\n "}', "text contains only whitespace"),
    ],
    ids=["undecodable", "malformed", "not-object", "no-text", "not-string", "empty", "blank"],
)
def test_bad_jsonl_line_is_one_error_with_its_line(tmp_path, line, fragment) -> None:
    good = json.dumps({"id": "g", "text": ARABIC}, ensure_ascii=False)
    f = _jsonl(tmp_path / "c.jsonl", [good, line, good])
    items = _corpus([str(f)])
    assert [type(i).__name__ for i in items] == ["InputText", "InputError", "InputText"]
    error = items[1]
    assert error.line == 2
    assert str(error) == f"{f}, line 2: {fragment}"


def test_jsonl_with_bom_and_from_stdin() -> None:
    data = codecs.BOM_UTF8 + (json.dumps({"id": "s", "text": ARABIC}) + "\n").encode("utf-8")
    [item] = _corpus(["-"], input_format="jsonl", stdin=io.BytesIO(data))
    assert (item.source, item.id, item.line, item.text) == ("-", "s", 1, ARABIC)
    assert str(InputError("-", "boom", line=4)) == "standard input, line 4: boom"


def test_jsonl_files_are_detected_by_suffix_unless_text_is_forced(tmp_path: Path) -> None:
    record = json.dumps({"id": "a", "text": ARABIC}, ensure_ascii=False)
    f = _jsonl(tmp_path / "c.JSONL", [record])
    assert is_jsonl_path(f) and not is_jsonl_path(tmp_path / "a.txt")
    [as_record] = _corpus([str(f)])
    assert as_record.text == ARABIC
    [as_text] = _corpus([str(f)], input_format="text")
    assert as_text.text == record + "\n" and as_text.id is None


def test_directory_glob_and_jsonl_default(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "a.md").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "x" / "y" / "b.md").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "x" / "c.txt").write_text(ARABIC, encoding="utf-8")
    _jsonl(tmp_path / "x" / "d.jsonl", [json.dumps({"id": "d", "text": ARABIC})])
    names = [Path(i.source).name for i in _corpus([str(tmp_path)], glob="*.md")]
    assert names == ["a.md", "b.md"]
    by_path = [Path(i.source).name for i in _corpus([str(tmp_path)], glob="x/y/*.md")]
    assert by_path == ["b.md"]
    [record] = _corpus([str(tmp_path)], input_format="jsonl")
    assert record.id == "d"
    [error] = _corpus([str(tmp_path)], glob="*.csv")
    assert error.message == "directory contains no files matching *.csv"


def test_directory_walk_is_lazy_and_in_sorted_path_order(tmp_path: Path) -> None:
    rels = ["a.txt", "a/b.txt", "a-b.txt", "a/z/c.txt", "b.txt", "ab/c.txt"]
    for rel in rels:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ARABIC, encoding="utf-8")
    walked = iter_files(tmp_path)
    first = next(walked)
    assert first == tmp_path / "a" / "b.txt"  # paths sort part by part: a/b.txt < a.txt
    # A folder is listed only when the walk reaches it, so a file added now is found.
    (tmp_path / "ab" / "d.txt").write_text(ARABIC, encoding="utf-8")
    expected = sorted([*(tmp_path / r for r in rels), tmp_path / "ab" / "d.txt"])
    assert [first, *walked] == expected


def test_corpus_size_counts_what_will_be_read(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", b"x" * 10)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "b.txt", b"y" * 5)
    _write(tmp_path / "sub" / "skip.md", b"z" * 100)
    assert corpus_size([str(a), str(tmp_path / "sub")]) == 15
    assert corpus_size([str(a), "-"]) is None


def test_an_input_equals_another_whatever_its_size_and_survives_pickling() -> None:
    import pickle

    text = InputText("a.jsonl", ARABIC, id="d1", line=3, nbytes=120, outlet="وكالة")
    same = InputText("a.jsonl", ARABIC, id="d1", line=3, outlet="وكالة")
    error = InputError("a.jsonl", "boom", 4, "d2", nbytes=9)
    assert text == same and hash(text) == hash(same)
    assert (text != same) is False  # tuple's own != would compare nbytes
    assert text != text._replace(line=4) and error == InputError("a.jsonl", "boom", 4, "d2")
    assert error != ("a.jsonl", "boom", 4, "d2", 9) and text != error
    for item in (text, error):
        back = pickle.loads(pickle.dumps(item))
        assert back == item and back.nbytes == item.nbytes and type(back) is type(item)
