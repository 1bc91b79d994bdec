"""Shared by the report tests: building inputs and reading a report's data block back."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "dev.jsonl"

SENTENCES = [
    "قال رئيس البلدية إن الحديقة ستفتح يوم الجمعة.",
    "ونفت الشركة في بيان أنها رفعت الأسعار.",
    "وأكد المدرب لصحيفة محلية أن الفريق جاهز للمباراة.",
    "ورجحت التقارير أن تكون المرأة قد تركت الباب مفتوحا.",
    "لا شيء هنا سوى وصف للطقس المشمس.",
]
OUTLETS = ["Daily A", "Radio B", "TV C"]
# Everything a hostile article (or its metadata) might try; nothing of it may run.
HOSTILE = (
    "<script>window.__pwned = 1; alert(1)</script> "
    "</script><script>window.__pwned = 2</script> "
    '<img src=x onerror="window.__pwned = 3; alert(3)"> '
    '<a href="javascript:window.__pwned = 4">انقر</a> javascript:alert(5) '
    "<svg onload=\"window.__pwned = 6\"></svg> {{ 7 * 7 }} "
)

_DATA = re.compile(r'<script id="claimx-data" type="application/json">(.*?)</script>', re.S)


def invoke(*args: str, input: str | None = None) -> Any:
    """Run the real command line in-process (stderr kept apart from stdout)."""
    return CliRunner().invoke(app, list(args), input=input)


def page_data(page: str) -> dict[str, Any]:
    """The JSON the page's script reads (the data block is not HTML-escaped)."""
    match = _DATA.search(page)
    assert match, "no data block"
    return json.loads(match.group(1))


def write_corpus(path: Path, n: int, *, extra: str = "") -> Path:
    """A small JSONL corpus with ids, outlets and URLs; a few records have no claim."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)) + extra
            record = {"id": f"art-{i}", "text": text,
                      "meta": {"outlet": OUTLETS[i % len(OUTLETS)],
                               "url": f"https://example.org/{i}"}}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def unescape_attr(value: str) -> str:
    return html.unescape(value)
