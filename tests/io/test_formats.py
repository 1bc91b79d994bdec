"""Every command reads the one table of output formats: its names are the --format choices,
its suffixes choose a format for --output, and every entry's writers exist."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import typer

from claimx.cli import app
from claimx.cli.options import output_format
from claimx.io.formats import BY_SUFFIX, FORMATS, OutputFormat, format_named
from claimx.io.render import make_writer

WRITERS = ("documents", "speakers", "groups")


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_format_has_every_writer(fmt: OutputFormat) -> None:
    for part in WRITERS:
        assert callable(fmt.load(part))
    assert fmt.rendered is None or callable(fmt.load("rendered"))
    assert make_writer(fmt.name, io.StringIO()) is not None


@pytest.mark.parametrize("command", ["extract", "speakers", "claims"])
def test_the_format_choices_are_the_table(command: str) -> None:
    group: Any = typer.main.get_command(app)
    [option] = [p for p in group.commands[command].params if p.name == "fmt"]
    assert list(option.type.choices) == [f.name for f in FORMATS]


@pytest.mark.parametrize("suffix", sorted(BY_SUFFIX))
def test_an_output_suffix_chooses_its_format(suffix: str) -> None:
    assert output_format(None, False, Path(f"out{suffix.upper()}")) is BY_SUFFIX[suffix]


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        format_named("xml")
