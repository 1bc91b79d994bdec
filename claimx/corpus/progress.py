"""Progress and the end-of-run summary of ``claimx extract`` over a corpus.

:class:`RunStats` counts documents, bytes, claims and failures whatever is
shown. :class:`ProgressBar` draws them on stderr with Rich (documents, MB,
claims, rate, ETA) only when stderr is a terminal and the input has more than
one document; it never refreshes from a background thread (``auto_refresh`` is
off), so worker processes can be forked safely while it is on screen. Rich is
imported only when a bar is actually drawn.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

REFRESH_SECONDS = 0.1
MB = 1_000_000


class RunStats:
    """What a run did, for the progress bar and the summary line."""

    __slots__ = ("documents", "failed", "claims", "nbytes", "started")

    def __init__(self) -> None:
        self.documents = 0
        self.failed = 0
        self.claims = 0
        self.nbytes = 0
        self.started = time.perf_counter()

    def add(self, *, nbytes: int, claims: int = 0, failed: bool = False) -> None:
        self.documents += 1
        self.nbytes += nbytes
        self.claims += claims
        self.failed += failed

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        """One line: ``3 documents: 2 extracted (7 claims), 1 failed; 0.01 MB in 0.4 s``."""
        done = self.documents - self.failed
        line = (
            f"{self.documents:,} document{'s' if self.documents != 1 else ''}: "
            f"{done:,} extracted ({self.claims:,} claim{'s' if self.claims != 1 else ''})"
        )
        if self.failed:
            line += f", {self.failed:,} failed"
        elapsed = self.elapsed
        rate = self.nbytes / MB / elapsed if elapsed > 0 else 0.0
        return f"{line}; {self.nbytes / MB:.2f} MB in {elapsed:.1f} s ({rate:.2f} MB/s)"


class ProgressBar:
    """A Rich progress bar on stderr, started at the second document, refreshed by hand."""

    def __init__(
        self,
        stats: RunStats,
        total_bytes: Callable[[], int | None],
        *,
        redirect_stdout: bool = False,
    ) -> None:
        self._stats = stats
        self._redirect_stdout = redirect_stdout
        self._total_bytes = total_bytes
        self._progress: Any = None
        self._task: Any = None
        self._last_refresh = 0.0
        self.shown = False

    def update(self) -> None:
        """Called after each document; draws from the second one on."""
        if self._progress is None:
            if self._stats.documents < 2:
                return
            self._start()
        now = time.perf_counter()
        self._progress.update(
            self._task,
            completed=self._stats.nbytes,
            docs=self._stats.documents,
            claims=self._stats.claims,
            failed=self._stats.failed,
        )
        if now - self._last_refresh >= REFRESH_SECONDS:
            self._last_refresh = now
            self._progress.refresh()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress

        total = self._total_bytes()
        self._progress = Progress(
            BarColumn(bar_width=12),
            _stats_column(),
            console=Console(file=sys.stderr, soft_wrap=True),
            auto_refresh=False,
            redirect_stdout=self._redirect_stdout,
            redirect_stderr=True,
        )
        self._task = self._progress.add_task(
            "extracting", total=total, docs=0, claims=0, failed=0
        )
        # Back-date the task so that the rate and ETA include the first document.
        self._progress.tasks[0].start_time = self._stats.started
        self._progress.start()
        self.shown = True

    def close(self) -> None:
        """Draw the final state and give the terminal back."""
        if self._progress is None:
            return
        self._progress.update(
            self._task,
            completed=self._stats.nbytes,
            total=self._stats.nbytes,
            docs=self._stats.documents,
            claims=self._stats.claims,
            failed=self._stats.failed,
        )
        self._progress.refresh()
        self._progress.stop()
        self._progress = None


def _stats_column() -> Any:
    """``1,234 docs · 3.2/10.0 MB · 2,345 claims · ETA 0:12 · 0.45 MB/s, 250 docs/s``:
    one column that is cut at the terminal's edge rather than wrapped. Built here so
    that importing this module does not import Rich."""
    from rich.progress import ProgressColumn
    from rich.table import Column
    from rich.text import Text

    class StatsColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            f = task.fields
            done = task.completed / MB
            size = f"{done:,.1f}/{task.total / MB:,.1f} MB" if task.total else f"{done:,.1f} MB"
            text = Text(f"{f['docs']:,} docs · {size} · {f['claims']:,} claims")
            if f["failed"]:
                text.append(f" · {f['failed']:,} failed", style="red")
            elapsed = task.elapsed or 0.0
            if task.total and elapsed > 0 and task.completed:
                left = max(0.0, elapsed * (task.total - task.completed) / task.completed)
                text.append(f" · ETA {_clock(left)}")
            if elapsed > 0:
                rate = f" · {done / elapsed:.2f} MB/s, {f['docs'] / elapsed:,.0f} docs/s"
                text.append(rate, style="cyan")
            return text

    return StatsColumn(table_column=Column(no_wrap=True, overflow="ellipsis"))


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
