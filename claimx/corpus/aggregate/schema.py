"""The JSON Schemas of ``claimx speakers`` and ``claimx claims`` output, and validation.

``speakers.schema.json`` and ``claims.schema.json`` ship in the package, beside the claimx/2
document schema, so that a pipeline can check what it reads without claimx's code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

SCHEMA_FILES = {"claimx-speakers/1": "speakers.schema.json",
                "claimx-claims/1": "claims.schema.json"}
JSONL_ROWS = {"claimx-speakers/1": ("speaker",), "claimx-claims/1": ("group", "dispute")}


@cache
def load_schema(schema_id: str) -> dict[str, Any]:
    text = files("claimx.corpus.aggregate").joinpath(SCHEMA_FILES[schema_id]).read_text("utf-8")
    return json.loads(text)


def validate_output(payload: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``payload`` is valid JSON output of one of
    the two commands (its ``schema`` field says which)."""
    import jsonschema

    jsonschema.validate(payload, load_schema(payload.get("schema", "")))


def validate_line(row: dict[str, Any]) -> None:
    """The same for one JSONL line: a row (a speaker, a group, a dispute) or a failure."""
    import jsonschema

    schema = load_schema(row.get("schema", ""))
    kinds = ("failure",) if "error" in row else JSONL_ROWS[row["schema"]]
    errors = []
    for kind in kinds:
        rule = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{kind}"}
        try:
            jsonschema.validate(row, rule)
            return
        except jsonschema.ValidationError as exc:
            errors.append(exc)
    raise errors[0]
