"""Where results are written: standard output, or a file replaced whole at the end.

A file is written to a temporary name beside it and renamed over it once complete, so a
crash or Ctrl-C never leaves a half-written result behind; only a writable regular file
that is none of the run's inputs is ever replaced, and every command checks that with
:func:`check_output` before it starts working. Write failures become :class:`OutputFailed`,
told apart from anything else that may go wrong in a run.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from claimx.io.inputs import InputFormat

STDOUT = "to standard output"


class OutputFailed(Exception):
    """Writing the output itself failed (a full disk, a closed pipe): the one failure,
    besides usage errors, that stops a run."""

    def __init__(self, where: str, error: OSError) -> None:
        super().__init__(f"cannot write {where}: {os_reason(error)}")
        self.error = error
        self.to_stdout = where == STDOUT


class OutputRefused(Exception):
    """``--output`` names something claimx will not write (a folder, a link, an input):
    refused before any work starts."""


def os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


class GuardedOutput:
    """The output stream, with its write failures turned into :class:`OutputFailed`."""

    def __init__(self, stream: TextIO, where: str) -> None:
        self._stream = stream
        self._where = where

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputFailed(self._where, exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(self._where, exc) from None

    def isatty(self) -> bool:
        return is_terminal(self._stream)

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"


class CurrentStdout:
    """Writes to whatever ``sys.stdout`` is now: while the progress bar is drawn, Rich
    swaps in a proxy that prints above the bar instead of through it."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", "utf-8")


def guarded_stdout() -> TextIO:
    """Standard output as it is whenever written to, its failures told apart."""
    return GuardedOutput(CurrentStdout(), STDOUT)  # type: ignore[arg-type, return-value]


@contextlib.contextmanager
def open_output(
    output: Path | None, *, machine: bool, inputs: Sequence[str] = (),
    input_format: InputFormat = InputFormat.auto, glob: str | None = None,
) -> Iterator[TextIO]:
    """stdout, or a temporary file next to ``output`` renamed over it at the end."""
    if output is None:
        if machine:
            utf8_stdout()
        yield GuardedOutput(sys.stdout, STDOUT)  # type: ignore[misc]
        return
    target = _output_target(output, inputs, input_format, glob)
    where = f"--output {output}"
    fd, temp_name = _temporary_beside(output, target)
    try:
        try:
            with open(fd, "w", encoding="utf-8", newline="") as handle:
                yield GuardedOutput(handle, where)  # type: ignore[misc]
            _set_new_file_mode(Path(temp_name), target)
            os.replace(temp_name, target)
        except OSError as exc:
            raise OutputFailed(where, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def check_output(
    output: Path | None, inputs: Sequence[str] = (),
    input_format: InputFormat = InputFormat.auto, glob: str | None = None,
) -> None:
    """Refuse (:class:`OutputRefused`) an ``--output`` that :func:`open_output` would refuse
    at the end, before a run spends minutes on a result it cannot write."""
    if output is None:
        return
    target = _output_target(output, inputs, input_format, glob)
    fd, temp_name = _temporary_beside(output, target)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(temp_name)


def _temporary_beside(output: Path, target: Path) -> tuple[int, str]:
    """A private temporary file in the folder of ``target``, which proves the folder
    exists and can be written in."""
    try:
        return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputRefused(
            f"--output {output}: cannot write in {target.parent}: {os_reason(exc)}"
        ) from None


def _output_target(
    output: Path, inputs: Sequence[str], input_format: InputFormat, glob: str | None
) -> Path:
    """``output`` if claimx may write it: a new file, or an existing regular file (not a
    symbolic link, a device, a pipe or a socket) that the run does not read."""
    import stat

    from claimx.io.inputs import input_reading

    target = output.expanduser()
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputRefused(f"--output {output}: {os_reason(exc)}") from None
    if stat.S_ISDIR(mode):
        raise OutputRefused(f"--output {output}: is a folder, not a file")
    if stat.S_ISLNK(mode):
        raise OutputRefused(f"--output {output}: is a symbolic link; claimx only replaces a "
                            "regular file (name the file it points to)")
    if not stat.S_ISREG(mode):
        raise OutputRefused(f"--output {output}: is not a regular file (a device, a pipe or "
                            "a socket); redirect standard output to write there")
    source = input_reading(inputs, target, input_format=input_format, glob=glob)
    if source is not None:
        raise OutputRefused(f"--output {output}: is also an input ({source}); "
                            "claimx never overwrites its inputs")
    if not _may_write(target, mode):
        raise OutputRefused(f"--output {output}: is read-only; claimx never replaces a file "
                            "it may not write (make it writable or name another file)")
    return target


def _may_write(target: Path, mode: int) -> bool:
    """Whether this user may write ``target`` itself (renaming over it only needs the
    folder): not for a file without any write permission, even to root, who ``os.access``
    says may write anything."""
    import stat

    any_write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return bool(mode & any_write) and os.access(target, os.W_OK)


def _set_new_file_mode(temp: Path, target: Path) -> None:
    """Temporary files are private (0600); give the result the usual permissions."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def utf8_stdout() -> None:
    """Machine formats are always UTF-8, even where the terminal locale is not."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(encoding="utf-8")
