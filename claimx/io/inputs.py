"""Finding the inputs: paths, folders walked in path order, glob patterns, and which
files are read as JSONL.

Folders are walked lazily and each real folder once, so a symbolic-link loop is one error
and a large corpus costs no file list in memory.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

from claimx.io.items import STDIN, InputError, os_reason, path_name

TEXT_SUFFIX = ".txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class InputFormat(StrEnum):
    """How input files are read: ``auto`` picks JSONL by suffix (``.jsonl``), else text."""

    auto = "auto"
    text = "text"
    jsonl = "jsonl"


def default_glob(input_format: InputFormat | str) -> str:
    """The file-name pattern used inside directories when ``--glob`` is not given."""
    return "*.jsonl" if InputFormat(input_format) is InputFormat.jsonl else "*" + TEXT_SUFFIX


def is_jsonl_path(path: str | Path, input_format: InputFormat | str = InputFormat.auto) -> bool:
    """Whether ``path`` is read as JSONL under ``input_format``."""
    fmt = InputFormat(input_format)
    if fmt is InputFormat.auto:
        return str(path).lower().endswith(JSONL_SUFFIXES)
    return fmt is InputFormat.jsonl


def iter_files(directory: Path, pattern: str = "*" + TEXT_SUFFIX) -> Iterator[Path]:
    """Files below ``directory`` whose name matches ``pattern``, lazily and in path order.

    Each folder is listed and sorted on its own, which gives the same order as
    sorting all paths (``sorted`` compares paths part by part) without holding the
    whole tree in memory. Names match case-insensitively (``*.txt`` takes
    ``A.TXT``); a pattern with ``/`` is matched against the path below
    ``directory``. Hidden entries are editor backups, checkpoints or
    version-control data, never articles a user meant to analyse. Raises
    ``OSError`` when ``directory`` itself cannot be listed; unreadable sub-folders
    are skipped.
    """
    for found in walk_directory(directory, pattern):
        if isinstance(found, Path):
            yield found
        elif found.source == path_name(directory):
            raise OSError(found.message)


def walk_directory(directory: Path, pattern: str) -> Iterator[Path | InputError]:
    """Matching files in path order, and an error for each folder that cannot be listed.

    Symbolic links are followed, but each real folder is walked once: a link back to a
    folder already walked (a loop such as ``sub/up -> ..``) is reported and skipped,
    as is an entry whose type cannot be read (a link to itself), never the whole run.
    """
    pattern = pattern.lower()
    by_path = "/" in pattern
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[Path | InputError]:
        try:
            identity = _file_identity(folder)
            if identity in seen:
                yield InputError(path_name(folder), "skipped: a symbolic link back to a "
                                 "folder already read (a loop)")
                return
            seen.add(identity)
            with os.scandir(folder) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            yield InputError(path_name(folder), f"cannot list directory: {os_reason(exc)}")
            return
        for entry in entries:
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as exc:
                yield InputError(path_name(entry.path), f"skipped: {os_reason(exc)}")
                continue
            if is_dir:
                yield from walk(Path(entry.path))
            elif is_file:
                path = Path(entry.path)
                name = path.relative_to(directory).as_posix() if by_path else entry.name
                if fnmatch.fnmatchcase(name.lower(), pattern):
                    yield path

    return walk(directory)


def input_reading(
    paths: Iterable[str],
    target: Path,
    *,
    input_format: InputFormat | str = InputFormat.auto,
    glob: str | None = None,
) -> str | None:
    """The input (as given) through which the corpus would read the existing file
    ``target``, or ``None``: ``--output`` must never overwrite what it reads. Checks the
    paths given and the files a folder's pattern would take, without walking folders."""
    try:
        wanted = _file_identity(target)
        real = target.resolve()
    except OSError:
        return None
    pattern = (glob or default_glob(input_format)).lower()
    for path in paths:
        if path == STDIN:
            continue
        try:
            if not os.path.isdir(path):
                if _file_identity(Path(path)) == wanted:
                    return path_name(path)
                continue
            inside = real.relative_to(Path(path).resolve())
        except (OSError, ValueError):
            continue
        if any(part.startswith(".") for part in inside.parts):
            continue  # hidden files and folders are never read
        name = inside.as_posix() if "/" in pattern else inside.name
        if fnmatch.fnmatchcase(name.lower(), pattern):
            return path_name(path)
    return None


def _file_identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def find_text_files(directory: Path) -> list[Path]:
    """All ``*.txt`` files below ``directory``, sorted, skipping hidden files and folders."""
    return list(iter_files(directory))


def corpus_size(
    paths: Iterable[str],
    *,
    input_format: InputFormat | str = InputFormat.auto,
    glob: str | None = None,
) -> int | None:
    """Total bytes the corpus will read (for a progress bar), or ``None`` when unknown
    (standard input). Only sizes are summed: no file list is kept."""
    pattern = glob or default_glob(input_format)
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        try:
            if os.path.isdir(path):
                for found in walk_directory(Path(path), pattern):
                    if isinstance(found, Path):
                        total += found.stat().st_size
            else:
                total += os.stat(path).st_size
        except OSError:
            continue
    return total
