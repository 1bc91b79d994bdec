"""Run claimx as ``python -m claimx`` (same as the ``claimx`` command)."""

from claimx.cli import main

if __name__ == "__main__":
    main()
