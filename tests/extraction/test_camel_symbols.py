"""CAMeL's symbol set, read from claimx's cache: the same set whether computed or read back,
recomputed when the installation changes, and computed in memory when the cache folder
cannot be written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE
from camel_tools.utils.charsets import AR_DIAC_CHARSET

from claimx.extraction import camel_symbols
from claimx.extraction.camel_symbols import CACHE_STEM, load


def _cached(folder: Path) -> Path:
    """Where this installation's set is kept in ``folder``."""
    return camel_symbols.cache_file(CACHE_STEM, camel_symbols.cache_key(), ".json", folder)


def _assert_camels(symbols: camel_symbols.CamelSymbols) -> None:
    assert symbols.symbols == _SYMBOLS_ALL
    assert symbols.pattern == _SYMBOLS_RE.pattern
    assert set(symbols.diacritics) == AR_DIAC_CHARSET
    assert symbols.lone <= _SYMBOLS_ALL


def test_the_set_is_computed_written_and_read_back(tmp_path: Path) -> None:
    _assert_camels(load(tmp_path))
    cached = json.loads(_cached(tmp_path).read_text(encoding="utf-8"))
    assert cached["key"] == camel_symbols.cache_key()
    _assert_camels(load(tmp_path))


def test_a_stale_key_is_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _cached(tmp_path)
    stale = {"key": {**camel_symbols.cache_key(), "unicode": "0.0"},
             "data": {**camel_symbols.compute(), "symbols": "!"}}
    path.write_text(json.dumps(stale), encoding="utf-8")
    computed: list[bool] = []
    compute = camel_symbols.compute
    monkeypatch.setattr(camel_symbols, "compute", lambda: computed.append(True) or compute())
    _assert_camels(load(tmp_path))
    assert computed == [True]
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == camel_symbols.cache_key()
    _assert_camels(load(tmp_path))
    assert computed == [True]  # the rewritten file is used


def test_installations_sharing_a_folder_keep_their_own_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_camels(load(tmp_path))
    ours = _cached(tmp_path)
    key = camel_symbols.cache_key()
    other = {**key, "packages": {**key["packages"], "camel_tools": "/elsewhere camel_tools-1"}}
    monkeypatch.setattr(camel_symbols, "cache_key", lambda: other)
    _assert_camels(load(tmp_path))
    theirs = _cached(tmp_path)
    assert theirs != ours
    assert json.loads(ours.read_text(encoding="utf-8"))["key"] == key  # not overwritten
    assert json.loads(theirs.read_text(encoding="utf-8"))["key"] == other
    computed: list[bool] = []
    monkeypatch.setattr(camel_symbols, "compute", lambda: computed.append(True) or {})
    monkeypatch.setattr(camel_symbols, "cache_key", lambda: key)
    _assert_camels(load(tmp_path))
    assert computed == []  # read back, not computed again


def test_files_of_other_installations_are_pruned_to_the_newest(tmp_path: Path) -> None:
    for n in range(8):
        old = tmp_path / f"{CACHE_STEM}-{n:016x}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    table = tmp_path / "lexicon-0000000000000000.pickle"
    table.write_bytes(b"other stem")
    _assert_camels(load(tmp_path))
    left = sorted(p.name for p in tmp_path.glob(f"{CACHE_STEM}-*.json"))
    assert len(left) == camel_symbols.KEEP
    assert _cached(tmp_path).name in left and f"{CACHE_STEM}-{7:016x}.json" in left
    assert f"{CACHE_STEM}-{0:016x}.json" not in left
    assert table.exists()


@pytest.mark.parametrize("content", ["", "{not json", "[]", '{"key": 1}', '{"key": null}'])
def test_an_unreadable_cache_is_recomputed(tmp_path: Path, content: str) -> None:
    _cached(tmp_path).write_text(content, encoding="utf-8")
    _assert_camels(load(tmp_path))


def test_a_cache_with_the_right_key_but_wrong_fields_is_recomputed(tmp_path: Path) -> None:
    bad = {"key": camel_symbols.cache_key(), "data": {"pattern": 1}}
    _cached(tmp_path).write_text(json.dumps(bad), encoding="utf-8")
    _assert_camels(load(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions are not enforced for this user")
def test_a_read_only_cache_folder_still_works(tmp_path: Path) -> None:
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        _assert_camels(load(tmp_path))
        assert not _cached(tmp_path).exists()
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_a_cache_folder_that_cannot_be_made_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    _assert_camels(load(blocker / "claimx"))  # a file where the folder would be


def test_claimx_extracts_with_an_unwritable_cache_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    env = {**os.environ, "CLAIMX_CACHE_DIR": str(blocker / "claimx")}
    code = ("import claimx; print(len(claimx.extract('قال الوزير إن الطريق مغلق.').claims))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert done.stderr == ""


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMX_CACHE_DIR", str(tmp_path))
    assert camel_symbols.cache_dir() == tmp_path
    monkeypatch.delenv("CLAIMX_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert camel_symbols.cache_dir() == tmp_path / "claimx"
