"""Where every mention of every claim group is, kept on disk: the one part of the aggregates
that grows with the corpus (a row per claim), so memory does not.

A temporary SQLite file (the standard library's ``sqlite3``), written in batches, read back
group by group when the result is written, and deleted on close (or by the next run, if
this one was killed: see :mod:`claimx.corpus.tempfiles`). A failure to write it, such as a
full temporary folder, is :class:`~claimx.corpus.tempfiles.TemporaryFailed`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from typing import Any, NamedTuple

from claimx.corpus.tempfiles import TemporaryFailed, remove, temporary_file
from claimx.model import qualified_id

BATCH = 10_000  # rows buffered before they are written


class Place(NamedTuple):
    """Where one mention is: enough to find it again in its document."""

    document_id: str
    claim: str  # the claim's id within its document: "c3"
    outlet: str | None
    date: str | None
    speaker_key: str | None
    stance: str
    negated: bool
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "claim_id": qualified_id(self.document_id, self.claim),
            "outlet": self.outlet,
            "date": self.date,
            "speaker_key": self.speaker_key,
            "stance": self.stance,
            "negated": self.negated,
            "content": {"start": self.start, "end": self.end},
        }


class PlaceStore:
    """Places by group, in the order they were added."""

    def __init__(self, directory: str | None = None) -> None:
        self.path = temporary_file("places", ".sqlite", directory)
        self._pending: list[tuple[Any, ...]] = []
        self._indexed = False
        try:
            self._db = sqlite3.connect(self.path)
            with self._sqlite_errors():
                self._db.execute("PRAGMA journal_mode = OFF")
                self._db.execute("PRAGMA synchronous = OFF")
                self._db.execute(
                    "CREATE TABLE places (grp INTEGER, document_id TEXT, claim TEXT, "
                    "outlet TEXT, date TEXT, speaker_key TEXT, stance TEXT, negated INTEGER, "
                    "start INTEGER, end INTEGER)"
                )
        except BaseException:
            self.close()
            raise

    @contextlib.contextmanager
    def _sqlite_errors(self) -> Iterator[None]:
        """SQLite's errors (``database or disk is full``) as one line naming the folder."""
        try:
            yield
        except sqlite3.Error as exc:
            folder = os.path.dirname(self.path) or "."
            raise TemporaryFailed("the places file", folder, str(exc)) from None

    def add(self, group: int, place: Place) -> None:
        self._pending.append((group, *place))
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            with self._sqlite_errors():
                self._db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                                     self._pending)
            self._pending.clear()

    def _ready(self) -> None:
        """Everything written, and indexed for reading by group (once, after the fold)."""
        self._flush()
        if not self._indexed:
            with self._sqlite_errors():
                self._db.execute("CREATE INDEX places_by_group ON places (grp, document_id)")
            self._indexed = True

    def places(self, group: int) -> Iterator[Place]:
        self._ready()
        with self._sqlite_errors():
            rows = self._db.execute(
                "SELECT document_id, claim, outlet, date, speaker_key, stance, negated, "
                "start, end FROM places WHERE grp = ? ORDER BY rowid", (group,)
            )
            for row in rows:
                yield Place(*row[:6], bool(row[6]), *row[7:])

    def shared_documents(self, one: int, other: int) -> list[str]:
        """The documents holding mentions of both groups, in name order."""
        self._ready()
        with self._sqlite_errors():
            rows = self._db.execute(
                "SELECT DISTINCT a.document_id FROM places a JOIN places b "
                "ON a.document_id = b.document_id WHERE a.grp = ? AND b.grp = ? "
                "ORDER BY a.document_id", (one, other),
            )
            return [row[0] for row in rows]

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()
        remove(self.path)
