"""Output hygiene: what claimx shows or writes must not mislead the program reading it.

JSON keeps every text exactly (offsets must stay true); these helpers apply only where a
cell is read by a spreadsheet (CSV) or shown on a terminal (tables).
"""

from __future__ import annotations

import re

# OWASP, "CSV Injection": a cell starting with one of these may be run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Bidi embeddings, overrides and isolates reorder what follows them on screen; C0 and C1
# controls move the cursor or ring the bell. Line breaks would break a table row.
_UNPRINTABLE = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def neutralise_cell(value: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def printable(text: str) -> str:
    """Text safe to show in a terminal table: controls and bidi overrides become spaces."""
    return _UNPRINTABLE.sub(" ", text)
