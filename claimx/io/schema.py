"""The JSON Schema of claimx output records (documents and failure records), and validation.

``schema.json`` ships inside the package so that other tools can validate
claimx output without claimx's code. JSON Schema cannot say that a span's text
is ``input[start:end]``, so :func:`document_errors` adds those offset checks.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

SCHEMA_FILE = "schema.json"
_SPAN_KEYS = ("source", "speaker", "cue", "channel", "content")


def load_schema() -> dict[str, Any]:
    """The document schema as a fresh dict (callers may modify it safely)."""
    return copy.deepcopy(_schema())


def validate_document(doc: dict[str, Any], text: str | None = None) -> None:
    """Raise ``jsonschema.ValidationError`` if ``doc`` is not a valid claimx document.

    With ``text`` (the decoded input), also check that every span quotes it exactly.
    """
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match

    error = best_match(_validator(_kind(doc)).iter_errors(doc))
    if error is not None:
        raise error
    problems = list(_offset_problems(doc, text))
    if problems:
        raise ValidationError(problems[0])


def document_errors(doc: dict[str, Any], text: str | None = None) -> list[str]:
    """Every problem in ``doc`` as ``path: message`` lines (empty list when valid)."""
    errors = sorted(_validator(_kind(doc)).iter_errors(doc), key=lambda e: list(e.absolute_path))
    schema_problems = [f"{_path(e.absolute_path)}: {e.message}" for e in errors]
    if schema_problems:
        return schema_problems  # offsets of a malformed document are not worth checking
    return list(_offset_problems(doc, text))


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(files("claimx.io").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def _kind(record: Any) -> str:
    """Which record a dict means to be, so that errors name its own fields rather than
    say it matches neither kind: a failure record is the one with ``error``."""
    return "failure" if isinstance(record, dict) and "error" in record else "document"


@lru_cache(maxsize=2)
def _validator(kind: str) -> Validator:
    from jsonschema import Draft202012Validator

    schema = _schema()
    Draft202012Validator.check_schema(schema)
    one_kind = {key: value for key, value in schema.items() if key != "oneOf"}
    return Draft202012Validator({**one_kind, "$ref": f"#/$defs/{kind}"})


def _offset_problems(doc: dict[str, Any], text: str | None) -> Iterator[str]:
    """Consistency JSON Schema cannot express: span lengths, quoting, stats totals."""
    if _kind(doc) == "failure":
        return
    claims = doc["claims"]
    stats = doc["stats"]
    if stats["claims"] != len(claims):
        yield f"stats/claims: {stats['claims']} but the document has {len(claims)} claims"
    if sum(stats["by_stance"].values()) != len(claims):
        yield "stats/by_stance: counts do not add up to the number of claims"
    if text is not None and stats["characters"] != len(text):
        yield f"stats/characters: {stats['characters']} but the input has {len(text)}"
    for i, claim in enumerate(claims):
        for key in _SPAN_KEYS:
            span = claim[key]
            if span is not None:
                yield from _span_problems(f"claims/{i}/{key}", span, text)


def _span_problems(where: str, span: dict[str, Any], text: str | None) -> Iterator[str]:
    start, end, quoted = span["start"], span["end"], span["text"]
    if end < start:
        yield f"{where}: end {end} is before start {start}"
    elif len(quoted) != end - start:
        yield f"{where}: text has {len(quoted)} characters but end - start is {end - start}"
    elif text is not None and text[start:end] != quoted:
        yield f"{where}: text {quoted!r} is not input[{start}:{end}] {text[start:end]!r}"


def _path(parts: Any) -> str:
    return "/".join(str(p) for p in parts) or "(document)"
