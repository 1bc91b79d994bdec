"""The claimx/2 JSON of the seed article and of the train corpus is what it was.

A change to how the command line or the corpus run is built must not change one byte of
the output. The extractor's output does change, on purpose, as its quality work lands:
such a change refreshes the stored copies deliberately, from the repository root, with

    uv run python -m tests.cli.refresh_digests

and commits them with the change that explains them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from refresh_digests import (
    SEED,
    SEED_SNAPSHOT,
    TRAIN,
    digest,
    output_of,
    stored_digests,
)

REFRESH = "uv run python -m tests.cli.refresh_digests"


def test_the_seed_article_gives_the_stored_claimx_json(tmp_path: Path) -> None:
    written = output_of(SEED, tmp_path).decode("utf-8")
    assert written == SEED_SNAPSHOT.read_text(encoding="utf-8"), (
        f"the seed output changed; if on purpose, run {REFRESH}"
    )


@pytest.mark.skipif(not TRAIN.available, reason="../shared/corpus/train.jsonl not found")
def test_the_train_corpus_gives_the_stored_digest(tmp_path: Path) -> None:
    assert digest(output_of(TRAIN, tmp_path)) == stored_digests()[TRAIN.name], (
        f"the train output changed; if on purpose, run {REFRESH}"
    )
