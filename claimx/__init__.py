"""claimx: extract attributed claims from Arabic news text."""

from claimx.model import Claim, Document, Span, Token

__version__ = "0.1.0"
__all__ = ["Claim", "Document", "Span", "Token", "__version__", "extract"]


def extract(text: str, source: str = "-") -> Document:
    """Extract every attributed claim in ``text``."""
    from claimx.extraction.pipeline import extract_document

    return extract_document(text, source=source)
