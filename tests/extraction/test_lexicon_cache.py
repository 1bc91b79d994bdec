"""The tables kept in claimx's cache folder (the lexicon, the gazetteer, the label words, the
speaker-key tables, the data files read at run time): read back equal to those built from
the data files, built again when a data file or the code changes or the file is damaged,
built in memory when the folder cannot be written, old files pruned; the command's output
is the same either way."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from claimx.extraction import gazetteer, identity, lexicon, tables
from claimx.extraction.camel_symbols import cache_file
from claimx.extraction.lexicon import CACHE_STEM, Lexicon, build_lexicon, cached_lexicon

ARTICLE = ("قال وزير النقل سمير الهادي إن الجسر الجديد سيفتح في الربيع. وأضاف الهادي أن "
           "الأعمال تأخرت بسبب الأمطار، بحسب ما ذكرت وكالة الأنباء الرسمية.")


def _assert_same(a: Lexicon, b: Lexicon) -> None:
    for field in fields(Lexicon):
        assert getattr(a, field.name) == getattr(b, field.name), field.name
        if isinstance(getattr(a, field.name), dict):  # the order of lookups is kept too
            assert list(getattr(a, field.name)) == list(getattr(b, field.name)), field.name


def _cached(folder: Path) -> Path:
    key = tables.cache_key()
    assert key is not None
    return cache_file(CACHE_STEM, key, ".pickle", folder)


def test_the_lexicon_is_written_and_read_back_equal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = cached_lexicon(tmp_path)
    assert _cached(tmp_path).exists()
    _assert_same(built, build_lexicon())

    def no_build() -> Lexicon:
        raise AssertionError("built again although the cache was valid")

    monkeypatch.setattr(lexicon, "build_lexicon", no_build)
    read = cached_lexicon(tmp_path)
    assert read is not built
    _assert_same(read, built)


def test_a_changed_data_file_builds_the_lexicon_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached_lexicon(tmp_path)
    before = _cached(tmp_path)
    inputs = tables.cache_inputs()
    changed = [[name, size + 9, mtime + 1] if name == "data/cues.toml" else [name, size, mtime]
               for name, size, mtime in inputs]
    assert changed != inputs
    monkeypatch.setattr(tables, "cache_inputs", lambda: changed)
    tables.cache_key.cache_clear()
    monkeypatch.setattr(tables, "cache_key", _uncached(tables.cache_key))
    builds: list[bool] = []
    build = lexicon.build_lexicon
    monkeypatch.setattr(lexicon, "build_lexicon", lambda: builds.append(True) or build())
    cached_lexicon(tmp_path)
    assert builds == [True]
    assert _cached(tmp_path) != before and _cached(tmp_path).exists()


def _uncached(key: object) -> object:
    return lambda: key.__wrapped__()  # type: ignore[attr-defined]


def test_the_code_that_expands_the_data_is_part_of_the_key() -> None:
    names = [name for name, _size, _mtime in tables.cache_inputs()]
    assert {"lexicon.py", "words.py", "tokenize.py", "gazetteer.py", "identity.py"} <= set(names)
    assert {"data/cues.toml", "data/markers.toml", "data/sources.toml",
            "data/function_words.toml"} <= set(names)


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("other key", 1)),
                                     pickle.dumps(42)])
def test_a_damaged_or_foreign_file_is_rebuilt_and_replaced(tmp_path: Path,
                                                           content: bytes) -> None:
    _cached(tmp_path).write_bytes(content)
    _assert_same(cached_lexicon(tmp_path), build_lexicon())
    stored_key, _ = pickle.loads(_cached(tmp_path).read_bytes())
    assert stored_key == tables.cache_key()


def test_a_stored_key_that_differs_is_not_trusted(tmp_path: Path) -> None:
    stale = {**tables.cache_key(), "sources": "0" * 64}
    _cached(tmp_path).write_bytes(pickle.dumps((stale, build_lexicon())))
    cached_lexicon(tmp_path)
    stored_key, _ = pickle.loads(_cached(tmp_path).read_bytes())
    assert stored_key == tables.cache_key()


def test_a_folder_that_cannot_be_made_still_gives_the_lexicon(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    _assert_same(cached_lexicon(blocker / "claimx"), build_lexicon())


def _extract(path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMX_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "claimx", "extract", str(path), "-f", "jsonl"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


def test_claimx_extract_gives_the_same_output_built_cached_or_unwritable(
        tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = tmp_path / "cache"
    first = _extract(article, cache)  # builds and writes
    assert any(p.name.startswith(f"{CACHE_STEM}-") for p in cache.iterdir())
    second = _extract(article, cache)  # reads the file back
    unwritable = _extract(article, blocker / "claimx")
    for done in (first, second, unwritable):
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    assert '"speaker_label"' in first.stdout
    assert first.stdout == second.stdout == unwritable.stdout


@pytest.mark.parametrize(("stem", "build", "kind"), [
    ("gazetteer", gazetteer.build_gazetteer, dict),
    ("label-words", gazetteer.build_label_words, gazetteer.LabelWords),
    ("speaker-keys", identity._build_data, identity._IdentityData),
    ("data-function_words", lambda: tables.parse_data_file("function_words.toml"), dict),
    ("data-identity", lambda: tables.parse_data_file("identity.toml"), dict),
])
def test_the_other_tables_are_read_back_equal(tmp_path: Path, stem: str, build: object,
                                              kind: type) -> None:
    built = tables.cached(stem, build, kind, tmp_path)  # type: ignore[arg-type]
    read = tables.cached(stem, _never_built, kind, tmp_path)
    assert read == built and read is not built


def test_equal_records_are_one_object_in_the_stored_lexicon(tmp_path: Path) -> None:
    cached_lexicon(tmp_path)
    read = cached_lexicon(tmp_path)
    for table in (read.verbs, read.verbal_nouns):
        assert len({id(record) for record in table.values()}) == len(set(table.values()))
    assert read.verbs["قال"] is read.verbs["وقال"]


def test_a_clause_verb_is_no_stop_word_of_a_clause() -> None:
    lex = lexicon.load_lexicon()
    clause_verbs = lex.wa_set("clause_verbs")
    assert clause_verbs and clause_verbs <= lex.source_stop_words
    for word in lex.source_stop_words:
        assert lex.stops_clause(word) == (word not in clause_verbs)
    assert not lex.stops_clause("المزارعون")


def test_a_run_from_the_cache_parses_no_toml(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMX_CACHE_DIR": str(tmp_path)}
    script = ("import sys, claimx; claimx.extract('قال الوزير إن الجسر سيفتح.'); "
              "print('tomllib' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, timeout=120, check=True).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]  # the first run builds the tables, the next reads them


def _never_built() -> object:
    raise AssertionError("built again although the cache was valid")


def test_old_files_of_a_table_are_pruned(tmp_path: Path) -> None:
    for n in range(6):
        old = tmp_path / f"{CACHE_STEM}-{n:016x}.pickle"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    other = tmp_path / "camel-symbols-0000000000000000.json"
    other.write_text("{}", encoding="utf-8")
    cached_lexicon(tmp_path)
    left = sorted(p.name for p in tmp_path.glob(f"{CACHE_STEM}-*.pickle"))
    assert len(left) == tables.KEEP
    assert _cached(tmp_path).name in left
    assert f"{CACHE_STEM}-{5:016x}.pickle" in left and f"{CACHE_STEM}-{0:016x}.pickle" not in left
    assert other.exists()
