"""Which pairs ``claimx claims --disputes`` lists, rule by rule, through the command line on
sentences written for these tests; and its precision on the hand-annotated dispute set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.corpus.aggregate.disputes import MAX_PER_DENIAL

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

DENIAL = "نفت شركة الموانئ أن تكون شحنات القمح المستوردة قد تأخرت في ميناء المدينة."
WORKERS = "وأكد عمال الميناء أن شحنات القمح المستوردة تأخرت أسبوعين."


def disputes_of(tmp_path: Path, *texts: str) -> list[dict]:
    """``claimx claims --disputes`` over one text file per text."""
    folder = tmp_path / "news"
    folder.mkdir(parents=True)
    for n, text in enumerate(texts):
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["claims", "--disputes", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["disputes"]


def test_a_denial_and_the_claim_it_contradicts(tmp_path: Path) -> None:
    [dispute] = disputes_of(tmp_path, f"{DENIAL} {WORKERS}")
    assert dispute["denial"]["speaker_key"] == "شركه موانئ"
    assert dispute["claim"]["speaker_key"] == "عمال ميناء"
    assert {"شحنات", "قمح"} <= set(dispute["matter"]) and dispute["within_document"]
    assert 0 < dispute["score"] <= 1 and dispute["evidence"] > 0


def test_a_claim_never_disputes_the_denial_it_reports(tmp_path: Path) -> None:
    nested = "قال وزير الصناعة إن الشركة نفت وجود عيوب في محركات السيارات الكهربائية المصدرة."
    assert disputes_of(tmp_path, nested) == []


def test_a_negated_denial_or_rule_out_denies_nothing(tmp_path: Path) -> None:
    for n, negated in enumerate(("لم تنف", "لم تستبعد", "لم تنكر")):
        text = DENIAL.replace("نفت", negated, 1)
        assert disputes_of(tmp_path / str(n), f"{text} {WORKERS}") == [], negated


def test_one_speaker_does_not_dispute_itself(tmp_path: Path) -> None:
    same = "وأكدت شركة الموانئ أن شحنات القمح المستوردة تأخرت يوما واحدا."
    assert disputes_of(tmp_path, f"{DENIAL} {same}") == []


def test_an_institution_does_not_dispute_its_named_spokesman(tmp_path: Path) -> None:
    spokesman = ("وأكد المتحدث الرسمي لشركة الموانئ سالم العبيدي أن شحنات القمح المستوردة "
                 "تأخرت يوما واحدا.")
    assert disputes_of(tmp_path, f"{DENIAL} {spokesman}") == []


def test_common_news_words_make_no_matter(tmp_path: Path) -> None:
    denial = "نفت نقابة المعلمين أن تكون الحكومة عينت مسؤولا جديدا الأسبوع الماضي."
    claim = "وقال رئيس النادي إن الحكومة الجديدة بدأت عملها الأسبوع الماضي."
    assert disputes_of(tmp_path, f"{denial} {claim}") == []


def test_across_documents_three_shared_words_are_needed(tmp_path: Path) -> None:
    [dispute] = disputes_of(tmp_path, DENIAL, WORKERS.removeprefix("و"))
    assert dispute["within_document"] is False and len(dispute["matter"]) >= 3
    two = "قال التجار إن شحنات القمح وصلت متأخرة إلى الأسواق."
    assert disputes_of(tmp_path / "two", DENIAL, two) == []


def test_a_denial_keeps_its_best_disputes_surest_first(tmp_path: Path) -> None:
    speakers = ["البحارة", "التجار", "المزارعون", "السائقون", "المستوردون", "الخبراء",
                "المراقبون"]
    claims = [f"أكد {who} أن شحنات القمح المستوردة تأخرت في ميناء المدينة أسبوعين."
              for who in speakers]
    claims[0] = "أكد البحارة أن شحنات القمح المستوردة تأخرت."  # shares fewer words
    disputes = disputes_of(tmp_path, DENIAL, *claims)
    assert len(disputes) == MAX_PER_DENIAL
    scores = [d["score"] for d in disputes]
    assert scores == sorted(scores, reverse=True)
    assert "البحاره" not in {d["claim"]["speaker_key"] for d in disputes}


@pytest.mark.slow
def test_precision_on_the_annotated_dispute_set(corpus_dir: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from disputes_eval import score

    result = score(corpus_dir / "train.jsonl")
    assert result.pairs >= 30 and 0 < result.disputes < result.pairs
    assert result.precision >= 0.8, result.lines()
    assert result.found_disputes > 0
