"""The shipped JSON Schema: well-formed, strict, and in step with the data model."""

from __future__ import annotations

import copy
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError

from claimx.io.schema import document_errors, load_schema, validate_document
from claimx.model import SCHEMA_ID, STANCES, Claim, Document, Span

TEXT = "صرح المدير لإذاعة الحي بأن المكتبة ستغلق. ولم ينف أحد ذلك."


def span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(part, start, start + len(part))


def make_doc() -> dict[str, Any]:
    claim = Claim(
        id="c1", sentence=0, source=span("المدير"), speaker=span("المدير"), cue=span("صرح"),
        lemma="صرح", gloss="declare", stance="assert", negated=False,
        channel=span("إذاعة الحي"), content=span("المكتبة ستغلق"), direct_quote=False,
        label="director",
    )
    bare = Claim(
        id="c2", sentence=1, source=None, speaker=None, cue=span("ينف"), lemma="نفى",
        gloss="deny", stance="deny", negated=True, channel=None, content=span("ذلك"),
        direct_quote=False, label="",
    )
    return Document(TEXT, "a.txt", (claim, bare), 14, 2, id="doc-1").to_dict()


def test_schema_file_is_packaged_and_a_valid_2020_12_schema() -> None:
    resource = files("claimx.io").joinpath("schema.json")
    assert resource.is_file()
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_matches_model_constants() -> None:
    schema = load_schema()
    assert schema["$defs"]["document"]["properties"]["schema"]["const"] == SCHEMA_ID
    assert schema["$defs"]["failure"]["properties"]["schema"]["const"] == SCHEMA_ID
    assert tuple(schema["$defs"]["stance"]["enum"]) == STANCES


def test_model_documents_validate_with_and_without_text() -> None:
    doc = make_doc()
    validate_document(doc)
    validate_document(doc, TEXT)
    assert document_errors(doc, TEXT) == []
    no_id = Document("نص.", "-").to_dict()
    validate_document(no_id)


def _mutated(change) -> dict[str, Any]:
    doc = copy.deepcopy(make_doc())
    change(doc)
    return doc


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(extra=1),
        lambda d: d["claims"][0].update(extra=1),
        lambda d: d["claims"][0]["content"].update(extra=1),
        lambda d: d["claims"][0]["speaker"].update(extra=1),
        lambda d: d["claims"][0]["cue"].update(extra=1),
        lambda d: d["stats"].update(extra=1),
        lambda d: d["claims"][0].update(stance="claim"),
        lambda d: d["claims"][0].pop("channel"),
        lambda d: d["claims"][0].update(negated="no"),
        lambda d: d["claims"][0]["cue"].pop("gloss"),
        lambda d: d["claims"][0].update(content=None),
        lambda d: d["claims"][0]["content"].update(start=-1),
        lambda d: d.update(schema="claimx/1"),
        lambda d: d.pop("stats"),
        lambda d: d.update(document_id=7),
    ],
    ids=[
        "doc-extra", "claim-extra", "span-extra", "optional-span-extra", "cue-extra",
        "stats-extra", "bad-stance", "missing-channel", "bool-type", "cue-gloss",
        "null-content", "negative-offset", "schema-version", "missing-stats", "id-type",
    ],
)
def test_schema_is_strict(change) -> None:
    doc = _mutated(change)
    with pytest.raises(ValidationError):
        validate_document(doc)
    assert document_errors(doc)


def test_offsets_are_checked_against_the_input() -> None:
    doc = make_doc()
    with pytest.raises(ValidationError):
        validate_document(doc, "x" + TEXT)  # everything shifted by one
    errors = document_errors(doc, "x" + TEXT)
    assert any(e.startswith("stats/characters") for e in errors)
    assert any(e.startswith("claims/0/speaker") and "is not input" in e for e in errors)

    shifted = _mutated(lambda d: d["claims"][1]["content"].update(end=1))
    errors = document_errors(shifted)
    assert any("claims/1/content" in e and "before start" in e for e in errors)

    wrong_length = _mutated(lambda d: d["claims"][0]["cue"].update(end=99))
    with pytest.raises(ValidationError, match="claims/0/cue"):
        validate_document(wrong_length)


def test_stats_must_agree_with_claims() -> None:
    doc = _mutated(lambda d: d["stats"].update(claims=5))
    with pytest.raises(ValidationError, match="stats/claims"):
        validate_document(doc)


def test_load_schema_returns_an_independent_copy() -> None:
    load_schema()["$defs"]["document"]["properties"].clear()
    assert "claims" in load_schema()["$defs"]["document"]["properties"]
    with pytest.raises(ValidationError):
        validate_document({"schema": SCHEMA_ID})


def test_claim_fields_are_unique_across_documents_and_a_document_field_shadows_none() -> None:
    doc = make_doc()
    assert [c["id"] for c in doc["claims"]] == ["doc-1#c1", "doc-1#c2"]
    claim_keys = set(doc["claims"][0])
    assert not (set(doc) - {"claims"}) & claim_keys
    assert {"speaker_label", "label"} <= claim_keys


def test_failure_records_validate_and_are_strict() -> None:
    from claimx.model import failure_record

    record = failure_record("a.jsonl:3", "a.jsonl", 3, "malformed JSON")
    validate_document(record)
    assert document_errors(record) == []
    with pytest.raises(ValidationError):
        validate_document({**record, "claims": [{}]})
    with pytest.raises(ValidationError):
        validate_document({**record, "error": ""})
