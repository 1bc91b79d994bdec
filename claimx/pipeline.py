"""Placeholder pipeline: replaced by the real extractor (work in progress)."""

from claimx.model import Document


def extract_document(text: str, source: str = "-") -> Document:
    return Document(text=text, source=source)
