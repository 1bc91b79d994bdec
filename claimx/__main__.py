"""Run claimx as ``python -m claimx`` (same as the ``claimx`` command).

The command line is imported inside :func:`main`, so that Ctrl-C while its modules load
ends with the same one line as Ctrl-C later, not an import traceback.
"""

import sys


def main() -> None:
    """Console-script entry point: guard the import of the CLI, then run it."""
    try:
        from claimx.cli import main as cli_main
    except KeyboardInterrupt:
        print("claimx: error: interrupted", file=sys.stderr, flush=True)
        sys.exit(130)
    cli_main()


if __name__ == "__main__":
    main()
