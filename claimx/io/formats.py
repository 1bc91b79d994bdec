"""The output formats, each named once: the file suffixes that choose it and its writers.

Every command reads this table: the choices of ``--format``, the format an ``--output``
suffix implies, and the writer of documents (``extract``), of speakers and of claim
groups. A new format is one entry here and its writer functions. Writers are named as
``module:attribute`` and imported when first used, so that ``claimx --help`` loads none.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import Any, NamedTuple


class OutputFormat(NamedTuple):
    """One output format.

    ``for_programs``: JSON-like output, always UTF-8 and never drawn by Rich (a table is
    for people: no failure records, shortened lists). ``carries_text``: may hold each
    document's text (``--with-text``). ``documents`` builds the streaming writer of
    documents, ``rendered`` is what workers run to send text back instead of documents
    (none for a table, which needs the document), ``speakers`` and ``groups`` write the
    aggregates of ``claimx speakers`` and ``claimx claims``.
    """

    name: str
    suffixes: tuple[str, ...]
    for_programs: bool
    carries_text: bool
    documents: str
    rendered: str | None
    speakers: str
    groups: str

    def load(self, part: str) -> Any:
        """The writer ``part`` names (``documents``, ``rendered``, ...), imported now."""
        module, _, name = getattr(self, part).partition(":")
        found: Any = importlib.import_module(module)
        for attribute in name.split("."):
            found = getattr(found, attribute)
        return found


_RENDER = "claimx.io.render"
_AGGREGATES = "claimx.corpus.aggregate.render"

FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("table", (".txt",), False, False, f"{_RENDER}:TableWriter.open", None,
                 f"{_AGGREGATES}:speakers_as_table", f"{_AGGREGATES}:groups_as_table"),
    OutputFormat("json", (".json",), True, True, f"{_RENDER}:JsonWriter.open",
                 f"{_RENDER}:to_json_object",
                 f"{_AGGREGATES}:speakers_as_json", f"{_AGGREGATES}:groups_as_json"),
    OutputFormat("jsonl", (".jsonl", ".ndjson"), True, True, f"{_RENDER}:JsonlWriter.open",
                 f"{_RENDER}:to_jsonl_line",
                 f"{_AGGREGATES}:speakers_as_jsonl", f"{_AGGREGATES}:groups_as_jsonl"),
    OutputFormat("csv", (".csv",), True, False, f"{_RENDER}:CsvWriter.open",
                 f"{_RENDER}:to_csv_rows",
                 f"{_AGGREGATES}:speakers_as_csv", f"{_AGGREGATES}:groups_as_csv"),
)

BY_NAME = {f.name: f for f in FORMATS}
BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}
TABLE, JSON = BY_NAME["table"], BY_NAME["json"]

# The ``--format`` choices, in table order; ``ReportChoice`` for the commands that print
# a table or one JSON value (``tokens``, ``eval``).
FormatChoice = StrEnum("FormatChoice", [(f.name, f.name) for f in FORMATS])  # type: ignore[misc]
ReportChoice = StrEnum("ReportChoice", [(f.name, f.name) for f in (TABLE, JSON)])  # type: ignore[misc]


def format_named(name: str) -> OutputFormat:
    try:
        return BY_NAME[name]
    except KeyError:
        known = ", ".join(BY_NAME)
        raise ValueError(f"unknown output format {name!r}; expected one of {known}") from None
