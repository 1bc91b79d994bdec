"""What a claim is about: its content words, folded the way speaker keys are folded."""

from __future__ import annotations

from functools import cache

from claimx.extraction.identity import bare, words_of
from claimx.extraction.lexicon import read_toml
from claimx.extraction.tokenize import normalize

MIN_WORD_LETTERS = 2


@cache
def _ignored() -> frozenset[str]:
    data = read_toml("claimx.corpus.aggregate.data", "matter.toml")
    words = [*data["function_words"], *data["frame_words"]]
    return frozenset(normalize(w) for w in words) | frozenset(bare(normalize(w)) for w in words)


def content_terms(content: str) -> tuple[str, ...]:
    """The content's words in order of first appearance, each once: «نفت وجود هذا الاتفاق» →
    («اتفاق»,). Function words and the frame words of denials and reports are left out."""
    ignored = _ignored()
    seen: dict[str, None] = {}
    for word in words_of(content):
        if word in ignored:
            continue
        term = bare(word)
        if term not in ignored and len(term) >= MIN_WORD_LETTERS:
            seen.setdefault(term, None)
    return tuple(seen)
