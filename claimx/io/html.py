"""HTML pages reduced to their article text, so that menus, titles and markup never reach
the extractor (a saved page read as prose gave speakers such as ``><title>``).

The article text comes from trafilatura, the usual extractor for news pages. Claim offsets
then index that extracted text, not the page's markup: ``claimx extract page.html
--with-text`` puts the text in the output next to the offsets that point into it.
"""

from __future__ import annotations

import re

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A page opens with a doctype or an <html>/<head>/<body> tag, perhaps after comments.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_CHARS = 4096


class NoArticleText(Exception):
    """The page holds no text trafilatura recognises as an article; one line."""


def is_html_path(path: str) -> bool:
    """Whether the file name says HTML (``.html``, ``.htm``)."""
    return path.lower().endswith(HTML_SUFFIXES)


def looks_like_html(text: str) -> bool:
    """Whether a text opens as an HTML page does, whatever its file name."""
    return _HTML_START.match(text[:_SNIFF_CHARS]) is not None


def article_text(page: str) -> str:
    """The article text of an HTML page (paragraphs on their own lines)."""
    import trafilatura

    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=False)
    except Exception as exc:  # a page trafilatura cannot parse is one bad input
        raise NoArticleText(f"cannot read this HTML page: {type(exc).__name__}") from None
    if not text or not text.strip():
        raise NoArticleText("HTML page without article text")
    return text
