"""The ``claimx`` command line: one module per command around the shared application.

:mod:`~claimx.cli.app` holds the Typer app, its errors and exit codes, and
:mod:`~claimx.cli.options` the options the commands share; each command module registers
itself on the app when imported, here, in the order ``claimx --help`` lists them.
"""

# isort: off
from claimx.cli import extract, report, tokens, evaluate, aggregate  # noqa: F401
from claimx.cli.app import app, main

# isort: on

__all__ = ["app", "main"]
