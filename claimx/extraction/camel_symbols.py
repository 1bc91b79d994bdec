"""CAMeL's symbol set, computed once per installation and kept in claimx's cache folder.

camel_tools builds its set of punctuation marks, symbols and emoji by classifying every
Unicode code point when ``camel_tools.utils.charsets`` is imported: most of the start-up
of a run on one short article. The set depends only on the installed camel-tools, emoji
and regex packages and on Python's Unicode tables, so claimx computes it once, writes it
under a key naming those, and reads it back on later runs. The file's name carries a
digest of the key, so that several installations (virtual environments, checkouts)
sharing one cache folder each keep their own file instead of overwriting each other's.
When the cache folder cannot be read or written, the set is computed in memory, as
camel_tools itself does.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import unicodedata
import zlib
from functools import cache, cached_property
from importlib.util import find_spec
from pathlib import Path
from typing import Any

CACHE_STEM = "camel-symbols"
_FORMAT = 1
# What decides the set: CAMeL's pattern and its Unicode sets (camel_tools, from Python's
# ``unicodedata``), the emoji it lists (emoji) and the classes its pattern tests (regex).
_PACKAGES = ("camel_tools", "emoji", "regex")
# In text without these, every symbol CAMeL splits off is one character.
SEQUENCE_MARKS = "\u200d\ufe0f\u20e3"


class CamelSymbols:
    """What claimx's tokenizer needs of CAMeL's: its symbol pattern, the set of matches it
    splits off, the characters split off alone in text without emoji sequences, and the
    Arabic diacritics ``dediac_ar`` removes."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.pattern: str = data["pattern"]
        self.flags: int = data["flags"]
        self.lone_ranges: list[tuple[int, int]] = [(a, b) for a, b in data["lone"]]
        self.diacritics: str = data["diacritics"]
        self._symbols: str = data["symbols"]
        if not (isinstance(self.pattern, str) and isinstance(self.flags, int)
                and isinstance(self.diacritics, str) and isinstance(self._symbols, str)):
            raise ValueError("malformed symbol cache")

    @cached_property
    def symbols(self) -> frozenset[str]:
        """Every match of the pattern CAMeL splits off (its ``_SYMBOLS_ALL``)."""
        return frozenset(self._symbols.split("\n"))

    @cached_property
    def lone(self) -> frozenset[str]:
        return frozenset(chr(c) for a, b in self.lone_ranges for c in range(a, b + 1))


def cache_dir() -> Path:
    """``$CLAIMX_CACHE_DIR``, else the platform's per-user cache folder."""
    if override := os.environ.get("CLAIMX_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimx"


def cache_file(stem: str, key: object, suffix: str, folder: Path | None = None) -> Path:
    """``stem-DIGEST.suffix`` in the cache folder: one file per key, so that installations
    that share the folder do not overwrite each other's file on every run."""
    named = json.dumps(key, sort_keys=True).encode("utf-8")
    digest = f"{zlib.crc32(named):08x}{zlib.adler32(named):08x}"  # the file holds its key
    return (cache_dir() if folder is None else folder) / f"{stem}-{digest}{suffix}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a run started meanwhile reads the old file or the
    new one, never half of one; a folder that cannot be made or written is not an error
    (the caller has the value in memory)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


# Files of one stem kept for other installations or versions sharing the cache folder.
KEEP = 4


def prune(written: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` newest files of ``written``'s stem and suffix: each new
    key (an edit of the data, another checkout or virtual environment) writes a new file, and
    without this the folder would only grow."""
    stem = written.name.rsplit("-", 1)[0]
    try:
        others = [p for p in written.parent.glob(f"{stem}-*{written.suffix}") if p != written]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[keep - 1 :]:
            old.unlink()
    except OSError:
        pass


def cache_key() -> dict[str, Any]:
    """The versions the set is computed from, found without importing the packages (their
    import is the cost being saved): the ``.dist-info`` folders beside each package."""
    return {
        "format": _FORMAT,
        "python": sys.version,
        "unicode": unicodedata.unidata_version,
        "packages": {name: _installed(name) for name in _PACKAGES},
    }


def _installed(name: str) -> str:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        infos = sorted(
            entry for entry in os.listdir(folder.parent)
            if entry.startswith(f"{name}-") and entry.endswith((".dist-info", ".egg-info"))
        )
        if infos:
            return f"{folder} {' '.join(infos)}"
        return f"{folder} {(folder / '__init__.py').stat().st_mtime_ns}"
    except OSError:
        return f"{folder} unknown"


def compute() -> dict[str, Any]:
    """Import CAMeL's tokenizer (the slow import) and read its pattern and sets."""
    from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    # A character CAMeL splits off alone: its pattern matches it, and only it, and its set
    # lists it. Without a joiner, variation selector, keycap or character above U+FFFF
    # after it, no match can run on past it (every longer match needs one of them).
    lone = [
        c for c in range(0x10000)
        if chr(c) in _SYMBOLS_ALL
        and (m := _SYMBOLS_RE.match(chr(c))) is not None and m[0] == chr(c)
    ]
    ranges: list[list[int]] = []
    for c in lone:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    if any("\n" in s for s in _SYMBOLS_ALL):
        raise RuntimeError("unexpected camel_tools symbol set; claimx needs updating")
    return {
        "pattern": _SYMBOLS_RE.pattern,
        "flags": int(_SYMBOLS_RE.flags),
        "lone": ranges,
        "diacritics": "".join(sorted(AR_DIAC_CHARSET)),
        "symbols": "\n".join(sorted(_SYMBOLS_ALL)),
    }


@cache
def installed() -> CamelSymbols:
    """The set of this installation, read once per process (the tokenizer's and the tables'
    cache key's)."""
    return load()


def load(folder: Path | None = None) -> CamelSymbols:
    """The cached set when its key matches this installation; else computed, and written
    for the next run when the folder allows (a failure to write is not an error)."""
    key = cache_key()
    path = cache_file(CACHE_STEM, key, ".json", folder)
    try:
        with path.open(encoding="utf-8") as f:
            cached = json.load(f)
        if cached.get("key") == key:
            return CamelSymbols(cached["data"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    data = compute()
    content = json.dumps({"key": key, "data": data})
    write_atomically(path, content.encode("utf-8"))
    prune(path)
    return CamelSymbols(data)
