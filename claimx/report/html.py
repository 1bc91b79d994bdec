"""Render the report page: Jinja2 with autoescaping, inline CSS and JS, strict CSP.

Article text and metadata are untrusted. They reach the page two ways, both inert:
escaped by Jinja2 in the markup, or inside a ``<script type="application/json">``
data block written by Jinja2's ``tojson`` (which escapes ``<``, ``>``, ``&`` and
``'``), read by the page's script with ``JSON.parse`` and put into the DOM only
through ``textContent``. The Content-Security-Policy allows exactly the one inline
script and the one inline style (by SHA-256 hash), and nothing from any network. Every
string is made writable first (:func:`claimx.io.safety.shown_data`).
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from claimx.io.safety import shown_data
from claimx.report import MAX_DOCUMENTS
from claimx.report.page import build_page

TEMPLATE = "report.html.j2"


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("claimx.report", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Arabic stays as UTF-8 (a third of the size of \u escapes); tojson still escapes
    # the characters that could end the data block.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    text = files("claimx.report").joinpath("templates", name).read_text(encoding="utf-8")
    if "</" in text:  # would end the inline element early
        raise ValueError(f"{name} must not contain '</'")
    return text


def csp_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str, style: str) -> str:
    """No network, no plugins, no forms, no base URL: only our inline code runs."""
    return "; ".join((
        "default-src 'none'",
        f"script-src {csp_hash(script)}",
        f"style-src {csp_hash(style)}",
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ))


def render_report(docs: Any, *, title: str = "claimx report", page_size: int = 50,
                  max_documents: int | None = MAX_DOCUMENTS) -> str:
    """The whole HTML page for ``docs`` (an iterable of :class:`ReportDoc`, read once), with
    at most ``max_documents`` articles on it (see :func:`~claimx.report.page.build_page`)."""
    from claimx import __version__

    script, style = _asset("report.js"), _asset("report.css")
    page = shown_data(build_page(docs, title=title, page_size=page_size,
                                 max_documents=max_documents))
    template = _environment().get_template(TEMPLATE)
    return template.render(
        page=page,
        data={k: page[k] for k in ("corpus", "page_size", "stances", "docs")},
        csp=content_security_policy(script, style),
        script=Markup(script),  # our own code, checked free of '</' above
        style=Markup(style),
        version=__version__,
    )
