"""The README's Python example prints what its comment says, so the two cannot drift."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_python_example_prints_what_its_comments_say() -> None:
    [block] = re.findall(r"```python\n(import claimx\n.*?)```", README.read_text("utf-8"), re.S)
    expected = [line.split("#", 1)[1].strip() for line in block.splitlines() if "print(" in line]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - the README's own code
    assert printed.getvalue().splitlines() == expected
