"""Aggregates as tables for people and JSON / JSONL / CSV for programs.

JSON is one object (``schema``, ``summary``, the rows, ``failures``); JSONL one row per line
(a speaker, a claim group or a dispute), failures as their own records; CSV one row per
speaker, per mention of a claim group, or per dispute. Failed inputs are listed so that
nothing is lost silently; they are also reported on stderr by the command.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from claimx.corpus.aggregate.disputes import Dispute
from claimx.corpus.aggregate.groups import ClaimGroup, ClaimGroups
from claimx.corpus.aggregate.speakers import SpeakerRow, SpeakerTable
from claimx.io.formats import format_named
from claimx.io.render import words_kept_whole
from claimx.io.safety import csv_text, json_safe, printable
from claimx.model import STANCES, qualified_id

if TYPE_CHECKING:
    from rich.console import Console

SPEAKERS_SCHEMA = "claimx-speakers/1"
CLAIMS_SCHEMA = "claimx-claims/1"
NO_VALUE = "—"
PREVIEW_CHARS = 160

SPEAKER_COLUMNS = (
    "speaker_key", "speaker_kind", "arabic", "english", "forms", "documents", "claims",
    *(f"by_stance.{s}" for s in STANCES), "negated", "channels", "first_date", "last_date",
)
MENTION_COLUMNS = (
    "group", "group_text", "group_speaker_key", "group_speaker_label", "group_stance",
    "group_mentions", "group_documents", "document_id", "claim_id", "outlet", "date",
    "speaker_key", "stance", "negated", "content.start", "content.end",
)
DISPUTE_COLUMNS = (
    "score", "matter", "within_document", "documents",
    "denial.group", "denial.speaker_key", "denial.speaker_label", "denial.stance",
    "denial.text", "denial.mentions",
    "claim.group", "claim.speaker_key", "claim.speaker_label", "claim.stance",
    "claim.text", "claim.mentions",
)


def _dumps(value: Any, indent: int | None = None) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=indent))


def _csv_writer(out: TextIO, header: Sequence[str]) -> Callable[[Sequence[Any]], None]:
    """Rows written as extract writes its CSV (:func:`claimx.io.safety.csv_text`)."""
    out.write(csv_text([header]))

    def write(row: Sequence[Any]) -> None:
        out.write(csv_text([[_cell(v) for v in row]]))

    return write


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- speakers --------------------------------------------------------------------


def write_speakers(table: SpeakerTable, rows: list[SpeakerRow], fmt: str, out: TextIO,
                   failures: list[dict[str, Any]], console: Console | None = None) -> None:
    """The speaker rows in ``fmt``, by that format's writer (:mod:`claimx.io.formats`)."""
    format_named(fmt).load("speakers")(table, rows, out, failures, console)


def speakers_as_json(table: SpeakerTable, rows: list[SpeakerRow], out: TextIO,
                     failures: list[dict[str, Any]], console: Console | None) -> None:
    out.write(_dumps({
        "schema": SPEAKERS_SCHEMA,
        "summary": table.summary(),
        "speakers": [r.to_dict() for r in rows],
        "failures": failures,
    }, indent=2) + "\n")


def speakers_as_jsonl(table: SpeakerTable, rows: list[SpeakerRow], out: TextIO,
                      failures: list[dict[str, Any]], console: Console | None) -> None:
    for row in rows:
        out.write(_dumps({"schema": SPEAKERS_SCHEMA, **row.to_dict()}) + "\n")
    for failure in failures:
        out.write(_dumps({**failure, "schema": SPEAKERS_SCHEMA}) + "\n")


def speakers_as_csv(table: SpeakerTable, rows: list[SpeakerRow], out: TextIO,
                    failures: list[dict[str, Any]], console: Console | None) -> None:
    write = _csv_writer(out, (*SPEAKER_COLUMNS, "error"))
    for row in rows:
        data = row.to_dict()
        write([
            data["speaker_key"], data["speaker_kind"], data["arabic"], data["english"],
            " | ".join(f["text"] for f in data["forms"]), data["documents"], data["claims"],
            *(data["by_stance"][s] for s in STANCES), data["negated"],
            " | ".join(c["text"] for c in data["channels"]), data["first_date"],
            data["last_date"], None,
        ])
    for failure in failures:
        write([failure["document_id"], *[None] * (len(SPEAKER_COLUMNS) - 1),
               failure["error"]])


def speakers_as_table(table: SpeakerTable, rows: list[SpeakerRow], out: TextIO,
                      failures: list[dict[str, Any]], console: Console | None) -> None:
    """For people: failures were told on stderr as they happened."""
    assert console is not None
    console.print(words_kept_whole(speakers_table(rows)))
    console.print(printable(table.summary_line()), soft_wrap=True)


def speakers_table(rows: list[SpeakerRow]) -> Any:
    from rich.table import Table
    from rich.text import Text

    with_channels = any(row.channels for row in rows)
    with_dates = any(row.first for row in rows)
    table = Table(show_lines=False, expand=True)
    table.add_column("Speaker", ratio=3, overflow="fold")
    table.add_column("Arabic", ratio=3, overflow="fold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Docs", justify="right", no_wrap=True)
    table.add_column("Claims", justify="right", no_wrap=True)
    table.add_column("Stances", ratio=3, overflow="fold")
    if with_channels:
        table.add_column("Channels", ratio=2, overflow="fold")
    if with_dates:
        table.add_column("Dates", ratio=2, overflow="fold")
    for row in rows:
        stances = ", ".join(f"{n} {s}" for s, n in row.stances.most_common())
        if row.negated:
            stances += f"; {row.negated} negated"
        channels = ", ".join(t for t, _ in row.channels.most_common(2)) or NO_VALUE
        dates = NO_VALUE if row.first is None else (
            row.first if row.first == row.last else f"{row.first} – {row.last}")
        cells = [
            Text(printable(row.english or NO_VALUE), style="bold"),
            Text(printable(row.arabic)), row.kind, str(row.documents), str(row.claims),
            Text(stances),
        ]
        if with_channels:
            cells.append(Text(printable(channels)))
        if with_dates:
            cells.append(Text(printable(dates)))
        table.add_row(*cells)
    return table


# --- claim groups and disputes -----------------------------------------------------


def write_groups(groups: ClaimGroups, chosen: list[ClaimGroup], fmt: str, out: TextIO,
                 failures: list[dict[str, Any]], console: Console | None = None,
                 disputes: list[Dispute] | None = None) -> None:
    """Claim groups (and, with ``disputes``, the disputes among them) in ``fmt``. With
    disputes, ``chosen`` are the groups they oppose (listed in JSON with their places); JSONL
    and CSV hold the disputes and the table shows them."""
    format_named(fmt).load("groups")(groups, chosen, out, failures, console, disputes)


def groups_as_json(groups: ClaimGroups, chosen: list[ClaimGroup], out: TextIO,
                   failures: list[dict[str, Any]], console: Console | None,
                   disputes: list[Dispute] | None) -> None:
    head: dict[str, Any] = {
        "schema": CLAIMS_SCHEMA,
        "summary": _claims_summary(groups, disputes),
    }
    arrays: dict[str, Iterable[Any]] = {"groups": (_group_json(groups, g) for g in chosen)}
    if disputes is not None:
        arrays["disputes"] = (d.to_dict() for d in disputes)
    _write_json_object(out, head, arrays, {"failures": failures})


def groups_as_jsonl(groups: ClaimGroups, chosen: list[ClaimGroup], out: TextIO,
                    failures: list[dict[str, Any]], console: Console | None,
                    disputes: list[Dispute] | None) -> None:
    if disputes is not None:
        for dispute in disputes:
            out.write(_dumps({"schema": CLAIMS_SCHEMA, **dispute.to_dict()}) + "\n")
    else:
        for group in chosen:
            row = {"schema": CLAIMS_SCHEMA, **group.to_dict(),
                   "places": [p.to_dict() for p in groups.places(group)]}
            out.write(_dumps(row) + "\n")
    for failure in failures:
        out.write(_dumps({**failure, "schema": CLAIMS_SCHEMA}) + "\n")


def groups_as_csv(groups: ClaimGroups, chosen: list[ClaimGroup], out: TextIO,
                  failures: list[dict[str, Any]], console: Console | None,
                  disputes: list[Dispute] | None) -> None:
    if disputes is not None:
        _disputes_csv(disputes, out, failures)
    else:
        _groups_csv(groups, chosen, out, failures)


def groups_as_table(groups: ClaimGroups, chosen: list[ClaimGroup], out: TextIO,
                    failures: list[dict[str, Any]], console: Console | None,
                    disputes: list[Dispute] | None) -> None:
    """For people: failures were told on stderr as they happened."""
    assert console is not None
    if disputes is not None:
        console.print(words_kept_whole(disputes_table(disputes)))
        noun = "dispute" if len(disputes) == 1 else "disputes"
        console.print(f"{len(disputes):,} {noun} among {len(groups.groups):,} claims")
    else:
        console.print(words_kept_whole(groups_table(chosen)))
        summary = groups.summary()
        console.print(
            f"{summary['groups']:,} claims ({summary['mentions']:,} mentions); "
            f"{summary['groups_in_several_documents']:,} carried by several documents"
        )


def _group_json(groups: ClaimGroups, group: ClaimGroup) -> _RawJson:
    """A group with its places, as indented JSON text written a place at a time."""
    text = _dumps({**group.to_dict(), "places": []}, indent=2)
    head = text[: text.rindex('"places": []')] + '"places": ['
    parts = [head]
    for n, place in enumerate(groups.places(group)):
        body = _dumps(place.to_dict(), indent=2).replace("\n", "\n    ")
        parts.append((",\n    " if n else "\n    ") + body)
    parts.append("\n  ]\n}" if len(parts) > 1 else "]\n}")
    return _RawJson("".join(parts))


class _RawJson(str):
    """JSON text already rendered: :func:`_write_json_object` writes it as it is."""


def _write_json_object(out: TextIO, head: dict[str, Any], arrays: dict[str, Iterable[Any]],
                       tail: dict[str, Any]) -> None:
    """``{**head, **arrays, **tail}`` as indented JSON, each array written an item at a
    time: a corpus's groups (every mention listed) and disputes are never one string in
    memory."""
    out.write(_dumps(head, indent=2)[:-2])  # without the closing "\n}"
    for name, items in arrays.items():
        out.write(f',\n  "{name}": [')
        written = 0
        for item in items:
            text = item if isinstance(item, _RawJson) else _dumps(item, indent=2)
            text = text.replace("\n", "\n    ")
            out.write((",\n    " if written else "\n    ") + text)
            written += 1
        out.write("\n  ]" if written else "]")
    for key, value in tail.items():
        text = _dumps(value, indent=2).replace("\n", "\n  ")
        out.write(f',\n  "{key}": {text}')
    out.write("\n}\n")


def _claims_summary(groups: ClaimGroups, disputes: list[Dispute] | None) -> dict[str, Any]:
    summary = groups.summary()
    if disputes is not None:
        summary["disputes"] = len(disputes)
        summary["disputes_within_documents"] = sum(d.within_document for d in disputes)
    return summary


def _groups_csv(groups: ClaimGroups, chosen: list[ClaimGroup], out: TextIO,
                failures: list[dict[str, Any]]) -> None:
    write = _csv_writer(out, (*MENTION_COLUMNS, "error"))
    for group in chosen:
        head = group.to_dict()
        for place in groups.places(group):
            write([
                group.id, head["text"], head["speaker_key"], head["speaker_label"],
                _stance_text(head["stance"], head["negated"]), head["mentions"],
                head["documents"], place.document_id,
                qualified_id(place.document_id, place.claim), place.outlet, place.date,
                place.speaker_key, place.stance, place.negated, place.start, place.end, None,
            ])
    for failure in failures:
        write([None] * 7 + [failure["document_id"]] + [None] * 8 + [failure["error"]])


def _disputes_csv(disputes: list[Dispute], out: TextIO, failures: list[dict[str, Any]]) -> None:
    write = _csv_writer(out, (*DISPUTE_COLUMNS, "error"))
    for dispute in disputes:
        sides = []
        for group in (dispute.denial, dispute.claim):
            head = group.to_dict()
            sides += [group.id, head["speaker_key"], head["speaker_label"],
                      _stance_text(head["stance"], head["negated"]), head["text"],
                      head["mentions"]]
        write([dispute.score, " ".join(dispute.shared), dispute.within_document,
               " ".join(dispute.documents), *sides, None])
    for failure in failures:
        write([None] * 3 + [failure["document_id"]] + [None] * 12 + [failure["error"]])


def _stance_text(stance: str, negated: bool) -> str:
    return f"{stance} (negated)" if negated else stance


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def groups_table(chosen: list[ClaimGroup]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("Speaker", ratio=3, overflow="fold")
    table.add_column("Stance", no_wrap=True)
    table.add_column("Claim", ratio=8, overflow="fold")
    table.add_column("Mentions", justify="right", no_wrap=True)
    table.add_column("Docs", justify="right", no_wrap=True)
    table.add_column("Outlets", ratio=2, overflow="fold")
    for group in chosen:
        rep = group.representative
        stance, negated = group.stance
        table.add_row(
            group.id,
            Text(printable(rep.speaker_label or rep.speaker_text or "unattributed"),
                 style="bold"),
            _stance_text(stance, negated), Text(printable(_preview(rep.content))),
            str(group.mentions), str(group.documents),
            Text(printable(", ".join(group.outlets) or NO_VALUE)),
        )
    return table


def disputes_table(disputes: list[Dispute]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Matter", ratio=2, overflow="fold")
    table.add_column("Denial", ratio=6, overflow="fold")
    table.add_column("Against", ratio=6, overflow="fold")
    table.add_column("Where", ratio=2, overflow="fold")
    for dispute in disputes:
        where = "same document" if dispute.within_document else "across documents"
        table.add_row(
            f"{dispute.score:.2f}", Text(printable(" ".join(dispute.shared))),
            _side(dispute.denial), _side(dispute.claim), where,
        )
    return table


def _side(group: ClaimGroup) -> Any:
    from rich.text import Text

    rep = group.representative
    stance, negated = group.stance
    text = Text(printable(rep.speaker_label or rep.speaker_text or ""), style="bold")
    text.append(f" ({_stance_text(stance, negated)}, {group.id})\n", style="dim")
    text.append(printable(_preview(rep.content)))
    return text
