"""``claimx report``: one self-contained HTML page showing claims in their articles.

:mod:`~claimx.report.sources` gathers documents (extracted now, or read back from
claimx's own JSON/JSONL output), :mod:`~claimx.report.page` turns them into the data
the page shows, and :mod:`~claimx.report.html` renders it with Jinja2 (autoescaped)
under a strict Content-Security-Policy. The names below are imported when first used, so
that the command line can read the page's limits without loading Jinja2.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_DOCUMENTS", "ReportDoc", "build_page", "render_report"]

# Articles one page holds: about 8 MB of page per 700 news articles, so a browser still opens
# it. Later documents count in the totals, the stance chart and the speaker summary, and the
# page says how many it leaves out.
MAX_DOCUMENTS = 2_000


def __getattr__(name: str) -> Any:
    if name == "render_report":
        from claimx.report.html import render_report

        return render_report
    if name in ("ReportDoc", "build_page"):
        from claimx.report import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
