"""The seed article end to end (its gold file is in seeds/, beside it), and quality on the
annotated corpus in ../shared/corpus.

Corpus text is never copied here: it is read from the shared folder beside the repository,
and those tests skip when that folder is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimx
from claimx.evaluation import evaluate_path, load_gold, token_f1
from claimx.io.schema import validate_document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_GOLD = ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.gold.jsonl"
DEV = CORPUS / "dev.jsonl"

needs_seed_gold = pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold file absent")
needs_dev = pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus absent")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimx", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def seed_output() -> dict:
    result = run_cli("extract", str(SEED.relative_to(ROOT)), "--json")
    assert result.returncode == 0, result.stderr
    [doc] = json.loads(result.stdout)
    return doc


def test_seed_through_cli_is_valid_and_exact(seed_output: dict) -> None:
    text = SEED.read_text(encoding="utf-8")
    validate_document(seed_output, text=text)
    assert seed_output["stats"]["claims"] == 11


def test_seed_traps_give_no_claim(seed_output: dict) -> None:
    text = SEED.read_text(encoding="utf-8")
    plan = text.index("وفقاً لخطة")
    response = text.index("الرد الروسي")
    confirms = text.index("يؤكد", response)
    for claim in seed_output["claims"]:
        cue = claim["cue"]
        assert not cue["start"] <= plan < cue["end"] + 1, "«وفقاً لخطة» is a plan, not a speaker"
        assert cue["start"] != confirms, "«الرد الروسي ... يؤكد» is evidence, not a speaker"


def test_seed_dropped_subjects_and_anaphors_are_resolved(seed_output: dict) -> None:
    speakers = [c["speaker"]["text"] for c in seed_output["claims"] if c["speaker"]]
    assert speakers.count("مصادر سورية مطلعة") == 7
    # the SDF's own denial twice, and «سبق لها أن أعلنت» (a pronoun on the auxiliary)
    assert speakers.count('مصادر "قوات سوريا الديمقراطية"') == 3
    unresolved = [c for c in seed_output["claims"] if c["source"] is None and not c["speaker"]]
    assert unresolved == []


@needs_seed_gold
def test_seed_matches_gold_claim_by_claim(seed_output: dict) -> None:
    (passage,) = load_gold(SEED_GOLD)
    predicted = seed_output["claims"]
    assert len(predicted) == len(passage.claims)
    for gold, pred in zip(passage.claims, predicted, strict=True):
        assert pred["cue"]["start"] < gold.cue_start + len(gold.cue)
        assert gold.cue_start < pred["cue"]["end"]
        assert pred["stance"] == gold.stance
        gold_speaker = gold.resolved_source or gold.source
        assert token_f1(pred["speaker"]["text"] if pred["speaker"] else None, gold_speaker) >= 0.5
        assert token_f1(pred["content"]["text"], gold.content) >= 0.5


@needs_seed_gold
def test_seed_eval_reaches_the_bar() -> None:
    assert evaluate_path(SEED_GOLD).claim_f1 == 1.0  # all 11 claims right


@needs_dev
def test_dev_quality_bars() -> None:
    report = evaluate_path(DEV)
    assert report.claim_f1 >= 0.85
    assert report.cue_f1 >= 0.93
    assert report.speaker_accuracy >= 0.90
    assert report.slice_speaker_accuracy >= 0.85


@needs_dev
def test_every_dev_span_quotes_its_passage_and_validates() -> None:
    for passage in load_gold(DEV):
        doc = claimx.extract(passage.text, source=passage.id)
        validate_document(doc.to_dict(), text=passage.text)
