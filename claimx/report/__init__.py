"""``claimx report``: one self-contained HTML page showing claims in their articles.

:mod:`~claimx.report.sources` gathers documents (extracted now, or read back from
claimx's own JSON/JSONL output), :mod:`~claimx.report.page` turns them into the data
the page shows, and :mod:`~claimx.report.html` renders it with Jinja2 (autoescaped)
under a strict Content-Security-Policy.
"""

from claimx.report.html import render_report
from claimx.report.page import ReportDoc, build_page

__all__ = ["ReportDoc", "build_page", "render_report"]
