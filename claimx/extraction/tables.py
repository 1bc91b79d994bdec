"""Tables built from the data files, kept in claimx's cache folder between runs.

Expanding the data files (verb inflections, the gazetteer's spellings, the speaker-key
tables) costs more than a short article's extraction; reading the result back costs a
little. Each table is one pickle named by a digest of every data file and of the code
that builds tables from them (their sizes and modification times, as Python keys its
bytecode), so an edit to either builds it again. A folder that cannot be read or written
costs time, never a failure: the table is built in memory.
"""

from __future__ import annotations

import os
import pickle
import sys
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from claimx.extraction import camel_symbols

T = TypeVar("T")

_FORMAT = 1
_SUFFIX = ".pickle"
# The code that expands and normalises the data files (besides the files themselves).
CODE = ("lexicon.py", "words.py", "tokenize.py", "gazetteer.py", "identity.py", "tables.py")
KEEP = camel_symbols.KEEP  # files of one table kept for other installations sharing the folder


def cached(stem: str, build: Callable[[], T], kind: type, folder: Path | None = None) -> T:
    """The table ``stem`` kept in ``folder`` under this installation's key; else built, and
    written there atomically when the folder allows."""
    key = cache_key()
    if key is None:
        return build()
    path = camel_symbols.cache_file(stem, key, _SUFFIX, folder)
    table = _read(path, key, kind)
    if table is None:
        table = build()
        camel_symbols.write_atomically(path, pickle.dumps((key, table), pickle.HIGHEST_PROTOCOL))
        camel_symbols.prune(path)
    return table


def data_file(name: str) -> dict[str, Any]:
    """A data file the stages read while they run (closed word classes, the kinds of speaker
    heads), kept parsed like a table: tomllib's import and parsing cost a short run more
    than reading the pickle."""
    return cached(f"data-{name.removesuffix('.toml')}", lambda: parse_data_file(name), dict)


def parse_data_file(name: str) -> dict[str, Any]:
    """A TOML file of claimx.extraction.data, parsed."""
    return read_toml("claimx.extraction.data", name)


def read_toml(package: str, name: str) -> dict[str, Any]:
    """A TOML data file shipped inside a claimx package."""
    import tomllib  # only when a table is built: a run reads the pickles
    from importlib import resources

    return tomllib.loads(resources.files(package).joinpath(name).read_text("utf-8"))


@cache
def cache_key() -> dict[str, Any] | None:
    """What the tables are built from: the data files and the code that expands them (by
    size and modification time), the normaliser's Unicode tables and CAMeL diacritics, and
    the Python that pickles them (once per process). None when a source cannot be read."""
    try:
        sources = cache_inputs()
    except OSError:
        return None
    return {
        "format": _FORMAT,
        "python": sys.version,
        "unicode": unicodedata.unidata_version,
        "diacritics": camel_symbols.installed().diacritics,
        "sources": sources,
    }


def cache_inputs() -> list[list[str | int]]:
    """Every data file and the code that turns them into tables, with its size and
    modification time: reading and hashing them cost a short run more than its extraction."""
    here = Path(__file__).parent
    with os.scandir(here / "data") as entries:
        data = sorted(f"data/{entry.name}" for entry in entries if entry.name.endswith(".toml"))
    return [[name, (st := os.stat(here / name)).st_size, st.st_mtime_ns]
            for name in [*data, *CODE]]


def _read(path: Path, key: dict[str, Any], kind: type) -> Any | None:
    """The table written under ``key``, or None when the file is absent, stale or not one
    claimx wrote whole."""
    try:
        with path.open("rb") as f:
            stored_key, table = pickle.load(f)
    except Exception:  # a missing, truncated or foreign file can fail in any way: rebuilt
        return None
    if stored_key != key or not isinstance(table, kind):
        return None
    return table
