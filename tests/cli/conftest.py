"""Fixtures for the command-line tests."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner


@pytest.fixture
def runner() -> CliRunner:
    """Typer's in-process runner: stdout and stderr kept apart, as a shell sees them."""
    return CliRunner()
