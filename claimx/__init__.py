"""claimx: extract attributed claims from Arabic news text."""

from functools import cache

from claimx.model import Claim, Document, Span, Token


@cache
def _version() -> str:
    """The version pyproject.toml declares, as the installed package records it: declared
    once, it cannot differ between ``claimx --version``, the API and the report."""
    from importlib.metadata import PackageNotFoundError, version  # ~40 ms: read when asked

    try:
        return version("claimx")
    except PackageNotFoundError:  # a source tree on sys.path that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")


__all__ = ["Claim", "Document", "Span", "Token", "__version__", "extract"]


def extract(text: str, source: str = "-") -> Document:
    """Extract every attributed claim in ``text``."""
    from claimx.extraction.pipeline import extract_document

    return extract_document(text, source=source)
