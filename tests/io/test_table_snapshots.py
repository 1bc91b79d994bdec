"""The claims table at 80 and 120 columns, compared with stored snapshots.

The document is built here, not extracted, so that the snapshots change only when the
table does. After an intended change of the table, regenerate them with
``CLAIMX_UPDATE_SNAPSHOTS=1 uv run pytest tests/io/test_table_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from claimx.io.render import render_document_table
from claimx.model import Claim, Document, Span

SNAPSHOTS = Path(__file__).with_name("snapshots")
TEXT = (
    'لا تزال مصادر "قوات سوريا الديمقراطية" تنفي وجود مثل هذا الاتفاق، وتؤكد، عبر "النشرة"، '
    "أن الانسحابات التي يقوم بها التنظيم تعود إلى إدراكه بأنه لن يستطيع الصمود. "
    "ولم ينف المتحدث باسم وزارة الخارجية أن الوفد سيصل غدا. ومن المتوقع أن تستمر المفاوضات."
)


def span(part: str, after: int = 0) -> Span:
    start = TEXT.index(part, after)
    return Span(part, start, start + len(part))


def document() -> Document:
    sdf = span('مصادر "قوات سوريا الديمقراطية"')
    spokesman = span("المتحدث باسم وزارة الخارجية")
    claims = (
        Claim("c1", 0, sdf, sdf, span("تنفي"), "نفى", "deny", "deny", False, None,
              span("وجود مثل هذا الاتفاق"), False, "SDF sources deny", "SDF sources"),
        Claim("c2", 0, None, sdf, span("تؤكد"), "أكد", "assert", "assert", False,
              span('"النشرة"'), span("الانسحابات التي يقوم بها التنظيم تعود إلى إدراكه بأنه "
                                     "لن يستطيع الصمود"), False, "SDF sources assert",
              "SDF sources"),
        Claim("c3", 1, spokesman, spokesman, span("ينف"), "نفى", "deny", "deny", True, None,
              span("الوفد سيصل غدا"), False, "Foreign ministry spokesman does not deny",
              "Foreign ministry spokesman"),
        Claim("c4", 2, None, None, span("من المتوقع"), "من المتوقع", "expected", "predict",
              False, None, span("تستمر المفاوضات"), False, "Unattributed: expected", None),
    )
    return Document(TEXT, "news/sdf-deal.txt", claims, n_tokens=52, n_sentences=3)


@pytest.mark.parametrize("width", [80, 120])
def test_table_matches_its_snapshot(width: int) -> None:
    out = io.StringIO()
    render_document_table(document(), Console(file=out, width=width, color_system=None))
    rendered = "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
    snapshot = SNAPSHOTS / f"table-{width}.txt"
    if os.environ.get("CLAIMX_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(rendered, encoding="utf-8")
    assert rendered == snapshot.read_text(encoding="utf-8")
