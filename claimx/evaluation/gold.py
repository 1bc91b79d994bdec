"""Gold files: hand-annotated passages read and checked before anything is scored.

A bad line stops the evaluation with its file and line named, since scores over a
half-read gold file would mislead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class GoldFormatError(ValueError):
    """A gold file line that cannot be scored; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim; only the fields the metric and error listing need."""

    cue: str
    cue_start: int
    stance: str
    content: str
    content_start: int | None = None
    source: str | None = None
    source_start: int | None = None
    resolved_source: str | None = None
    resolved_source_start: int | None = None
    direct_quote: bool = False

    @property
    def cue_end(self) -> int:
        return self.cue_start + len(self.cue)

    @property
    def speaker(self) -> str | None:
        """Who the claim is scored against: the resolved source when there is one."""
        return self.resolved_source or self.source

    @property
    def in_slice(self) -> bool:
        """Pro-drop or anaphoric: the speaker is not written in full at the cue."""
        return self.source is None or self.resolved_source is not None


@dataclass(frozen=True, slots=True)
class GoldPassage:
    """One gold line: a passage text and its claims in cue order."""

    id: str
    text: str
    claims: tuple[GoldClaim, ...] = ()


def load_gold(path: str | Path) -> list[GoldPassage]:
    """Read a gold JSONL file; any bad line raises GoldFormatError naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file: {exc}") from exc
    passages = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            passages.append(_parse_passage(line))
        except ValueError as exc:  # json.JSONDecodeError is one too
            raise GoldFormatError(f"{path}, line {lineno}: {_describe(exc)}") from exc
    return passages


def _describe(exc: Exception) -> str:
    """A one-line reason; json's own message repeats the line number we already give."""
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON ({exc.msg} at column {exc.colno})"
    return str(exc)


def _parse_passage(line: str) -> GoldPassage:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("a gold line must be a JSON object")
    passage_id = _require(record, "id", str, "passage")
    text = _require(record, "text", str, "passage")
    raw_claims = _require(record, "claims", list, "passage")
    claims = tuple(_parse_claim(raw, text, i) for i, raw in enumerate(raw_claims))
    return GoldPassage(id=passage_id, text=text, claims=claims)


def _parse_claim(raw: Any, text: str, index: int) -> GoldClaim:
    where = f"claim {index}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a JSON object")
    claim = GoldClaim(
        cue=_require(raw, "cue", str, where),
        cue_start=_require(raw, "cue_start", int, where),
        stance=_require(raw, "stance", str, where),
        content=_require(raw, "content", str, where),
        content_start=_optional(raw, "content_start", int, where),
        source=_optional(raw, "source", str, where),
        source_start=_optional(raw, "source_start", int, where),
        resolved_source=_optional(raw, "resolved_source", str, where),
        resolved_source_start=_optional(raw, "resolved_source_start", int, where),
        direct_quote=bool(raw.get("direct_quote", False)),
    )
    if not claim.cue:
        raise ValueError(f"{where}: empty cue")
    _check_offset(text, claim.cue, claim.cue_start, f"{where} cue")
    return claim


def _require(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in record:
        raise ValueError(f"{where}: missing field {key!r}")
    value = record[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"{where}: field {key!r} must be {kind.__name__}, got {value!r}")
    return value


def _optional(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if record.get(key) is None:
        return None
    return _require(record, key, kind, where)


def _check_offset(text: str, value: str, start: int, what: str) -> None:
    """Cue matching relies on offsets, so a cue that is not at its offset is a format error."""
    if start < 0 or text[start : start + len(value)] != value:
        raise ValueError(f"{what} {value!r} is not at offset {start} of the passage text")
