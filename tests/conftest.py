"""Fixtures shared by every test directory (they mirror ``claimx/``).

Helper modules that tests import (``extraction_helpers``, ``report_helpers``) sit beside
this file; ``pythonpath`` in pyproject.toml puts this folder on the import path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The annotated corpus lives beside the repository, never inside it.
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; the test is skipped where it is absent (a clone on its own)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found")
    return CORPUS
