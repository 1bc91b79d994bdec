"""Regression tests for inputs found by the property tests and the fuzz target.

Each test pins one minimised input. A test marked ``xfail(strict=True)`` is a bug that
is not fixed yet: when the fix lands the test passes, strict xfail turns that into a
failure, and the marker must be removed, together with the bug's entry in ``KNOWN_BUGS``
of ``fuzz/fuzz_decode.py`` and of ``tests/extraction/test_properties.py`` (where it has one),
so that the fuzzer and the property tests report it again should it come back.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimx
from claimx.cli import app
from claimx.io.decode import decode_bytes
from claimx.io.items import InputText
from claimx.io.schema import validate_document
from claimx.io.textio import read_inputs
from claimx.model import Span

ROOT = Path(__file__).resolve().parents[2]

# --- lone surrogate escapes in JSONL ------------------------------------------------------

# A JSONL record whose text holds the JSON escape \ud800: a lone surrogate, which is no
# Unicode character and cannot be written as UTF-8.
SURROGATE_RECORD = json.dumps({"id": "r1", "text": "قال الوزير إن \ud800 مغلق."}).encode() + b"\n"
GOOD_RECORD = json.dumps({"id": "r2", "text": "قال المدير إن المكتبة مغلقة."}).encode() + b"\n"


def test_jsonl_lone_surrogate_escape_is_not_passed_on_as_text(tmp_path: Path) -> None:
    """The JSONL reader used to hand on a text holding a lone surrogate, which cannot be
    written as UTF-8 (found by fuzz/fuzz_decode.py)."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(SURROGATE_RECORD)
    [item] = list(read_inputs([str(corpus)], note=None))
    if isinstance(item, InputText):
        item.text.encode("utf-8")  # raises UnicodeEncodeError: surrogates not allowed


def test_cli_survives_a_jsonl_record_with_a_lone_surrogate(tmp_path: Path) -> None:
    """``claimx extract`` used to stop with 'internal error: UnicodeEncodeError ...
    surrogates not allowed' and print nothing, not even the valid records."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(SURROGATE_RECORD + GOOD_RECORD)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CLAIMX_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "claimx", "extract", str(corpus), "--format", "jsonl"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert "internal error" not in stderr, stderr
    assert result.returncode in (0, 1), stderr
    docs = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    for doc in docs:
        validate_document(doc)
    assert "r2" in [doc["document_id"] for doc in docs], (docs, stderr)


# --- a repeated byte-order mark -----------------------------------------------------------

ARABIC = "قال الوزير إن الطريق مغلق."


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("text", codecs.BOM_UTF8 * 2 + ARABIC.encode("utf-8")),
        ("text", codecs.BOM_UTF16_LE * 2 + ARABIC.encode("utf-16-le")),
        ("text", codecs.BOM_UTF16_BE * 2 + ARABIC.encode("utf-16-be")),
        ("jsonl", json.dumps({"text": "\ufeff\ufeff" + ARABIC}).encode() + b"\n"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be", "jsonl-text-field"],
)
def test_repeated_byte_order_mark_is_not_left_in_the_text(
    kind: str, data: bytes, tmp_path: Path
) -> None:
    """Only the first of two BOMs used to be removed, so the text started with U+FEFF and
    every offset counted it (found by fuzz/fuzz_decode.py)."""
    if kind == "jsonl":
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_bytes(data)
        [item] = list(read_inputs([str(corpus)], note=None))
    else:
        item = decode_bytes(data, "a.txt")
    assert isinstance(item, InputText), item
    assert not item.text.startswith("\ufeff"), ascii(item.text[:3])


# --- claim parts that overlap ------------------------------------------------------------


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _parts(text: str) -> list[dict[str, tuple[str, int, int] | None]]:
    """The claims of ``text`` as {part: (text, start, end)}, for readable failures."""
    return [
        {
            name: None if span is None else (span.text, span.start, span.end)
            for name, span in (
                ("cue", c.cue), ("source", c.source), ("channel", c.channel),
                ("content", c.content),
            )
        }
        for c in claimx.extract(text).claims
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف أنه بحسب الشرطة فإن الطريق مغلق.",
        "وتشير إلى أن بحسب مصادر، فإن الطريق مغلق",
        "الطريق مغلق، بحسب مصادر الجسر آمن، بحسب مصادر",
    ],
)
def test_attribution_phrase_content_does_not_contain_its_own_cue(text: str) -> None:
    """A post-posed بحسب/وفقاً لـ inside another claim's content used to get that whole
    content, its own cue and source included."""
    claims = claimx.extract(text).claims
    assert claims
    for claim in claims:
        assert not _overlap(claim.cue, claim.content), _parts(text)
        assert not _overlap(claim.source, claim.content), _parts(text)


@pytest.mark.parametrize(
    "text",
    [
        "نفى الجيش الخبر في بيان رسمي.",
        'نفى المتحدث الخبر عبر "النشرة".',
        "نفى المتحدث الخبر لوكالة محلية.",
    ],
)
def test_object_content_stops_before_the_channel(text: str) -> None:
    """The object content of نفى used to run on over the channel after it: «الخبر في بيان
    رسمي» with channel «بيان رسمي» inside it."""
    [claim] = claimx.extract(text).claims
    assert claim.content.text == "الخبر", _parts(text)
    assert claim.channel is not None, _parts(text)
    assert not _overlap(claim.channel, claim.content), _parts(text)


@pytest.mark.parametrize(
    "text", ["الوزارة في بيان أكدت أن الطريق مغلق.", 'رجح "لصحيفة" أن الطريق مغلق.']
)
def test_source_does_not_contain_the_channel(text: str) -> None:
    """A fronted subject used to take the channel before the cue («الوزارة في بيان»), and a
    quoted لـ-phrase was both source and channel."""
    [claim] = claimx.extract(text).claims
    assert claim.channel is not None, _parts(text)
    assert not _overlap(claim.source, claim.channel), _parts(text)


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير «بحسب الشرطة الطريق مغلق».",
        "قال الوزير إن الطريق مغلق «بحسب الشرطة».",
        "اعترف بحسب مصادر أن الطريق مغلق",
    ],
)
def test_attribution_phrase_in_a_quotation_does_not_contain_its_own_cue(text: str) -> None:
    """A بحسب phrase inside a quotation, or right after a verb cue with no comma, used to
    take the other claim's content, which held the phrase itself (found by the property
    tests)."""
    claims = claimx.extract(text).claims
    assert claims
    for claim in claims:
        assert not _overlap(claim.cue, claim.content), _parts(text)
        assert not _overlap(claim.source, claim.content), _parts(text)


def test_fronted_quoted_outlet_is_not_both_source_and_channel() -> None:
    """A quoted لـ-outlet before the cue used to be both source and channel (an unusual
    input, found by the property tests)."""
    text = 'لا تزال "لوكالة الأنباء" تنفي الخبر.'
    for claim in claimx.extract(text).claims:
        assert not _overlap(claim.source, claim.channel), _parts(text)


# --- a claim without content -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير: «»",
        'قال: ""',
        "وقال: “»",
        'قائلا: ""',
        "قال الوزير: « »",
        "أكد المصدر: «» ثم غادر.",
        "قال الوزير إن «»",
        'من المتوقع أن ""',
        "وصف بأنه «»",
    ],
)
def test_empty_quotation_after_a_cue_gives_a_valid_document(text: str) -> None:
    """An empty quotation as content used to give a claim with content None, and
    Document.to_dict() raised AttributeError: the CLI printed 'internal error' and no output
    for the whole document."""
    doc = claimx.extract(text)
    assert all(claim.content is not None for claim in doc.claims), doc.claims
    validate_document(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)), text=text)


# --- the lemma of a phrase cue -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stray"),
    [("بحسبِ الشرطة، فإن الطريق مغلق.", "\u0650"), ("وفقـاً للشرطة، فإن الطريق مغلق.", "\u0640")],
    ids=["kasra", "tatweel"],
)
def test_phrase_cue_lemma_is_a_citation_form(text: str, stray: str) -> None:
    """A phrase cue's lemma used to be its surface text, diacritics and tatweel included."""
    [claim] = claimx.extract(text).claims
    assert stray not in claim.lemma, ascii(claim.lemma)
    assert claim.lemma in ("بحسب", "وفقا")
    result = CliRunner().invoke(app, ["extract", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    [cli_claim] = json.loads(result.stdout)[0]["claims"]
    assert cli_claim["cue"]["lemma"] == claim.lemma


# --- invisible marks at span edges ---------------------------------------------------------


def test_spans_leave_out_invisible_marks_at_their_edges() -> None:
    """A bidi isolate or a right-to-left mark glued to a word used to start or end the span
    (U+2068 before «تنفي»); offsets stay exact either way."""
    text = "لا تزال مصادر الجيش \u2068تنفي\u2069 أن \u200fالطريق مغلق\u200f."
    result = CliRunner().invoke(app, ["extract", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.stdout)[0]["claims"]
    for part in ("cue", "source", "content"):
        span = claim[part]
        assert span["text"] == text[span["start"] : span["end"]]
        assert span["text"] == span["text"].strip("\u2068\u2069\u200f"), (part, ascii(span))
    assert (claim["cue"]["text"], claim["content"]["text"]) == ("تنفي", "الطريق مغلق")


def test_relay_channel_given_to_an_earlier_claim_stays_outside_its_content() -> None:
    """Found by Hypothesis: «بحسب X» inside a claim's content became its channel while the
    content still held it; the claim is revised to keep its parts disjoint."""
    text = 'قال مصادر أن الطريق مغلق قال أن بحسب "لجنة الحي"، فإن الطريق مغلق'
    for claim in claimx.extract(text).claims:
        if claim.channel is not None:
            assert not _overlap(claim.channel, claim.content)


def test_a_long_quotation_is_no_outlet() -> None:
    """A channel «عبر "..."» once took a whole nested quotation: 24 times the text in one
    field on a 3 MB line. An outlet's quoted name is a few words."""
    words = " ".join(["كلام"] * 30)
    text = f'وقال الوزير عبر "{words}" إن الطريق مغلق.'
    for claim in claimx.extract(text).claims:
        assert claim.channel is None or len(claim.channel.text) < 60
    short = claimx.extract('وقال الوزير عبر "النشرة" إن الطريق مغلق.').claims[0]
    assert short.channel is not None and short.channel.text == '"النشرة"'
