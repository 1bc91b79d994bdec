"""Output hygiene helpers: CSV formula neutralising and terminal-safe text."""

from __future__ import annotations

import pytest

from claimx.io.safety import neutralise_cell, printable


@pytest.mark.parametrize("cell", ["=1+1", "+971", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_triggers_are_neutralised(cell: str) -> None:
    assert neutralise_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["قال الوزير", "1-2", "", "a=b", "'=x"])
def test_ordinary_cells_are_untouched(cell: str) -> None:
    assert neutralise_cell(cell) == cell


def test_printable_removes_controls_and_bidi_overrides() -> None:
    text = "قال\u202eالوزير\u2066 إن\x1b[31m\x07 الأمر\nمحسوم\u2069"
    cleaned = printable(text)
    for bad in ("\u202e", "\u2066", "\u2069", "\x1b", "\x07", "\n"):
        assert bad not in cleaned
    assert "قال" in cleaned and "الوزير" in cleaned and "محسوم" in cleaned


def test_printable_keeps_arabic_marks_and_spacing() -> None:
    text = "نَفَى\u200f 2\u200e0 «الخبر»"
    assert printable(text) == text
