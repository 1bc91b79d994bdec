"""``label_transliterated`` in ``claimx extract -f json`` and its CSV column: the label
words spelled from the Arabic letters, none for gazetteer names, and older output without
the field still read."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from claimx.cli.app import app
from claimx.extraction.transliterate import transliterate
from claimx.io.readback import claim_from_dict
from claimx.io.schema import document_errors

UNKNOWN_NAME = "وقال المزارع جابر الخطيب إن الموسم كان جيدا."
KNOWN_NAMES = "وقال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت بناءة."


def extracted(text: str) -> dict:
    result = CliRunner().invoke(app, ["extract", "-f", "json", "-"], input=text)
    assert result.exit_code == 0, result.stderr
    [doc] = json.loads(result.stdout)
    assert document_errors(doc, text) == []
    return doc


def test_transliterated_words_are_listed() -> None:
    [claim] = extracted(UNKNOWN_NAME)["claims"]
    assert claim["label"] == "Farmer Jabir al-Khatib says"
    assert claim["label_transliterated"] == ["Jabir", "al-Khatib"]


def test_gazetteer_names_are_not_transliterated() -> None:
    [claim] = extracted(KNOWN_NAMES)["claims"]
    assert claim["label"] == "Russian President Vladimir Putin says"
    assert claim["label_transliterated"] == []


def test_output_without_the_field_is_still_read() -> None:
    [claim] = extracted(UNKNOWN_NAME)["claims"]
    assert claim_from_dict(claim).label_transliterated == ("Jabir", "al-Khatib")
    older = {k: v for k, v in claim.items() if k != "label_transliterated"}
    assert claim_from_dict(older).label_transliterated == ()


def test_the_examples_of_docs_labels_md_hold() -> None:
    """Every «Arabic» Latin example of the transliteration table, and the JSON sample."""
    docs = (Path(__file__).parents[2] / "docs" / "labels.md").read_text("utf-8")
    table = docs[docs.index("| Arabic | Latin |"):docs.index("Short vowels")]
    examples = re.findall(r"«(\w+)» ([\w-]+)", table)
    assert len(examples) >= 12
    assert [transliterate(a) for a, _ in examples] == [latin for _, latin in examples]
    sample = json.loads("{" + docs[docs.index('"speaker_label"'):].split("```")[0] + "}")
    [claim] = extracted(UNKNOWN_NAME)["claims"]
    assert {key: claim[key] for key in sample} == sample


def test_csv_has_the_words_in_one_cell() -> None:
    result = CliRunner().invoke(app, ["extract", "-f", "csv", "-"], input=UNKNOWN_NAME)
    assert result.exit_code == 0, result.stderr
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["label_transliterated"] == "Jabir al-Khatib"
