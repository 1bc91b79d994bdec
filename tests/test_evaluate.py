"""Tests for the gold-corpus scorer (claimx.evaluation).

Unit tests use small sentences written for these tests; the corpus itself is only
read from ../shared/corpus/ and never copied into the repository.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import claimx
from claimx.cli import app
from claimx.evaluation import (
    EvalReport,
    GoldClaim,
    GoldFormatError,
    GoldPassage,
    evaluate,
    evaluate_path,
    load_gold,
    match_cues,
    normalize_for_scoring,
    render_eval,
    token_f1,
)
from claimx.model import Claim, Document, Span

# --------------------------------------------------------------------- gold fixtures

T1 = "قال وزير الخارجية إن المحادثات مستمرة. وأكد أن الاتفاق قريب."
T2 = "ذكرت مصادر مطلعة أن الوفد وصل. ونفت هذه المصادر وجود خلاف."
T3 = "ارتفعت أسعار النفط اليوم."
T4 = "يُعتقد أن الأسعار سترتفع."


def gold_claim(
    text: str,
    cue: str,
    stance: str,
    content: str,
    source: str | None = None,
    resolved: str | None = None,
) -> dict[str, Any]:
    """A gold claim record in the corpus format, offsets taken from the first occurrence."""

    def at(value: str | None) -> int | None:
        return None if value is None else text.index(value)

    return {
        "source": source,
        "source_start": at(source),
        "resolved_source": resolved,
        "resolved_source_start": at(resolved),
        "cue": cue,
        "cue_start": at(cue),
        "stance": stance,
        "channel": None,
        "channel_start": None,
        "content": content,
        "content_start": at(content),
        "direct_quote": False,
    }


def gold_records() -> list[dict[str, Any]]:
    return [
        {
            "id": "t1",
            "text": T1,
            "claims": [
                gold_claim(T1, "قال", "report", "المحادثات مستمرة", source="وزير الخارجية"),
                gold_claim(T1, "أكد", "assert", "الاتفاق قريب", resolved="وزير الخارجية"),
            ],
        },
        {
            "id": "t2",
            "text": T2,
            "claims": [
                gold_claim(T2, "ذكرت", "report", "الوفد وصل", source="مصادر مطلعة"),
                gold_claim(
                    T2, "نفت", "deny", "وجود خلاف", source="هذه المصادر", resolved="مصادر مطلعة"
                ),
            ],
        },
        {"id": "t3", "text": T3, "claims": []},
        {"id": "t4", "text": T4, "claims": [gold_claim(T4, "يُعتقد", "allege", "الأسعار سترتفع")]},
    ]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture
def gold_path(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "gold.jsonl", gold_records())


@pytest.fixture
def passages(gold_path: Path) -> list[GoldPassage]:
    return load_gold(gold_path)


def span(text: str, value: str | None, start: int | None) -> Span | None:
    if value is None or start is None:
        return None
    assert text[start : start + len(value)] == value
    return Span(value, start, start + len(value))


def claims_from_gold(passage: GoldPassage) -> list[Claim]:
    """Predictions identical to the gold annotation."""
    out = []
    for k, g in enumerate(passage.claims):
        source = span(passage.text, g.source, g.source_start)
        resolved = span(passage.text, g.resolved_source, g.resolved_source_start)
        out.append(
            Claim(
                id=f"c{k + 1}",
                sentence=0,
                source=source,
                speaker=resolved or source,
                cue=span(passage.text, g.cue, g.cue_start),
                lemma="",
                gloss="",
                stance=g.stance,
                negated=False,
                channel=None,
                content=span(passage.text, g.content, g.content_start),
                direct_quote=g.direct_quote,
                label="",
            )
        )
    return out


Tweak = Callable[[str, list[Claim]], list[Claim]]


def fake_extract(passages: list[GoldPassage], tweak: Tweak | None = None):
    """An extract_fn answering from gold, optionally altered per passage id."""
    by_text = {p.text: p for p in passages}

    def extract(text: str, source: str = "-") -> Document:
        passage = by_text[text]
        claims = claims_from_gold(passage)
        if tweak is not None:
            claims = tweak(passage.id, claims)
        return Document(text=text, source=source, claims=tuple(claims))

    return extract


def replace_claim(passage_id: str, index: int, **changes: Any) -> Tweak:
    def tweak(pid: str, claims: list[Claim]) -> list[Claim]:
        if pid == passage_id:
            claims[index] = dataclasses.replace(claims[index], **changes)
        return claims

    return tweak


# ------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نَفَى", ["نفي"]),  # diacritics removed, alef maksura -> ya
        ("قـــال", ["قال"]),  # tatweel
        ("أكد إعلان آخر ٱلله", ["اكد", "اعلان", "اخر", "الله"]),  # hamza and wasla alef forms
        ("الحكومة", ["الحكومه"]),  # ta marbuta -> ha
        ('«قال» “نعم” "لا"', ["قال", "نعم", "لا"]),  # quotes of every kind
        (
            "أولاً، ثانياً؛ لماذا؟ نعم. yes, no; ok!",
            ["اولا", "ثانيا", "لماذا", "نعم", "yes", "no", "ok"],
        ),
        ("الوزير\u00a0قال\tإن\n", ["الوزير", "قال", "ان"]),  # NBSP, tab, newline
        ("", []),
    ],
)
def test_normalize_for_scoring_folds_spelling_variants(text: str, expected: list[str]) -> None:
    assert normalize_for_scoring(text) == expected


def test_normalize_treats_punctuation_as_a_word_boundary() -> None:
    assert normalize_for_scoring("أمرا.إنه") == ["امرا", "انه"]


# ----------------------------------------------------------------------- token F1


def test_token_f1_both_empty_is_perfect() -> None:
    assert token_f1(None, None) == 1.0
    assert token_f1("", None) == 1.0
    assert token_f1("«»،", "") == 1.0  # only punctuation: no tokens


def test_token_f1_one_side_empty_is_zero() -> None:
    assert token_f1(None, "الوزير") == 0.0
    assert token_f1("الوزير", None) == 0.0
    assert token_f1("، .", "الوزير") == 0.0


def test_token_f1_overlap_and_multiset() -> None:
    assert token_f1("وزير الخارجية", "وزير الخارجية") == 1.0
    assert token_f1("وزير الخارجية", "وزير الداخلية") == pytest.approx(0.5)
    assert token_f1("وزير", "وزير الخارجية") == pytest.approx(2 / 3)
    # multiset: a repeated token counts as often as it occurs on both sides
    assert token_f1("وزير وزير الخارجية", "وزير الخارجية") == pytest.approx(0.8)
    assert token_f1("وزير وزير", "وزير وزير الخارجية") == pytest.approx(0.8)
    assert token_f1("مصادر", "وزير") == 0.0


def test_token_f1_ignores_spelling_variants() -> None:
    assert token_f1("الإتفاقُ", "«الاتفاق»") == 1.0
    assert token_f1("مصادر سورية", "مصادر سوريه") == 1.0


# ----------------------------------------------------------------------- matching


def test_match_cues_is_one_to_one() -> None:
    # one wide predicted cue overlapping two gold cues matches only the first
    assert match_cues([(0, 10)], [(0, 3), (5, 8)]) == [(0, 0)]
    # two predicted cues overlapping one gold cue: only one pairs
    assert match_cues([(0, 3), (2, 6)], [(1, 5)]) == [(0, 0)]


def test_match_cues_needs_a_shared_character() -> None:
    assert match_cues([(0, 3)], [(3, 6)]) == []
    assert match_cues([(4, 6)], [(0, 3)]) == []


def test_match_cues_is_greedy_in_text_order() -> None:
    # gold listed out of order: the earlier gold cue (index 1) takes the predicted one
    assert match_cues([(0, 10)], [(5, 8), (0, 3)]) == [(0, 1)]
    # predictions listed out of order: the earliest overlapping one is taken
    assert match_cues([(6, 7), (0, 4)], [(0, 8)]) == [(1, 0)]


def test_evaluate_counts_a_wide_cue_once(passages: list[GoldPassage]) -> None:
    t1 = [p for p in passages if p.id == "t1"]

    def extract(text: str, source: str = "-") -> Document:
        first, _ = claims_from_gold(t1[0])
        wide = dataclasses.replace(first, cue=Span(text, 0, len(text)))
        return Document(text=text, source=source, claims=(wide,))

    report = evaluate(t1, extract)
    assert (report.n_gold, report.n_pred, report.n_matched) == (2, 1, 1)
    assert report.cue_precision == 1.0
    assert report.cue_recall == 0.5
    assert [v.cue for v in report.passages[0].missed] == ["أكد"]


# ------------------------------------------------------------------------ scoring


def test_perfect_prediction_scores_one_everywhere(passages: list[GoldPassage]) -> None:
    report = evaluate(passages, fake_extract(passages))
    assert (report.n_passages, report.n_gold, report.n_pred) == (4, 5, 5)
    for value in (
        report.cue_precision,
        report.cue_recall,
        report.cue_f1,
        report.claim_precision,
        report.claim_recall,
        report.claim_f1,
        report.speaker_accuracy,
        report.stance_accuracy,
        report.content_accuracy,
        report.mean_content_f1,
        report.slice_speaker_accuracy,
    ):
        assert value == 1.0
    assert report.errors == ()


def test_wrong_stance_lowers_claim_f1_but_not_cue_f1(passages: list[GoldPassage]) -> None:
    report = evaluate(passages, fake_extract(passages, replace_claim("t2", 1, stance="report")))
    assert report.cue_f1 == 1.0
    assert report.claim_f1 == pytest.approx(0.8)
    assert report.stance_accuracy == pytest.approx(0.8)
    assert report.speaker_accuracy == 1.0
    assert report.content_accuracy == 1.0
    (wrong,) = report.errors[0].wrong
    assert [(f.field, f.predicted, f.gold) for f in wrong.fields] == [("stance", "report", "deny")]


def content_span(text: str, first: str, last: str) -> Span:
    """The stretch of ``text`` from the first occurrence of ``first`` to the end of ``last``."""
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return Span(text[start:end], start, end)


def test_content_is_scored_by_token_f1_threshold(passages: list[GoldPassage]) -> None:
    def score(content: Span) -> EvalReport:
        return evaluate(passages, fake_extract(passages, replace_claim("t1", 1, content=content)))

    # trailing full stop: same tokens as gold «الاتفاق قريب»
    assert score(content_span(T1, "الاتفاق", "قريب.")).claim_f1 == 1.0
    # «أن الاتفاق»: token F1 exactly 0.5 is still correct
    assert score(content_span(T1, "أن", "الاتفاق")).content_accuracy == 1.0
    # five tokens sharing one with gold: F1 2/7, wrong
    report = score(content_span(T1, "المحادثات", "الاتفاق"))
    assert report.content_accuracy == pytest.approx(0.8)
    assert report.claim_f1 == pytest.approx(0.8)
    assert report.mean_content_f1 == pytest.approx((4 + 2 / 7) / 5)


def test_speaker_token_f1_of_one_half_is_correct(passages: list[GoldPassage]) -> None:
    speaker = content_span(T1, "قال", "وزير")  # «قال وزير» vs «وزير الخارجية»: F1 0.5
    report = evaluate(passages, fake_extract(passages, replace_claim("t1", 0, speaker=speaker)))
    assert report.speaker_accuracy == 1.0


def test_speaker_falls_back_to_source(passages: list[GoldPassage]) -> None:
    # no speaker, but the source as written equals gold source: correct
    report = evaluate(passages, fake_extract(passages, replace_claim("t1", 0, speaker=None)))
    assert report.speaker_accuracy == 1.0
    # anaphoric source with no speaker is scored against the resolved source: wrong
    report = evaluate(passages, fake_extract(passages, replace_claim("t2", 1, speaker=None)))
    assert report.speaker_accuracy == pytest.approx(0.8)


def test_slice_counts_unmatched_claims_as_wrong(passages: list[GoldPassage]) -> None:
    wrong_speaker = content_span(T1, "المحادثات", "المحادثات")  # not who said it

    def tweak(pid: str, claims: list[Claim]) -> list[Claim]:
        if pid == "t1":
            claims[1] = dataclasses.replace(claims[1], speaker=wrong_speaker)
        if pid == "t2":
            del claims[1]  # the anaphoric «هذه المصادر» claim is missed
        return claims

    report = evaluate(passages, fake_extract(passages, tweak))
    # slice: t1 pro-drop, t2 anaphor, t4 impersonal (source null)
    assert report.slice_size == 3
    assert report.slice_speaker_ok == 1
    assert report.slice_speaker_accuracy == pytest.approx(1 / 3)
    # over matched cues only, the missed claim is not counted
    assert report.n_matched == 4
    assert report.speaker_accuracy == pytest.approx(3 / 4)
    data = report.to_dict()["slice"]
    assert data["size"] == 3
    assert data["unmatched_count_as_wrong"] is True


def test_errors_list_missed_spurious_and_wrong(passages: list[GoldPassage]) -> None:
    extra = content_span(T3, "ارتفعت", "ارتفعت")

    def tweak(pid: str, claims: list[Claim]) -> list[Claim]:
        if pid == "t1":
            del claims[0]
        if pid == "t3":
            template = claims_from_gold(passages[0])[0]
            claims.append(dataclasses.replace(template, cue=extra, content=extra))
        if pid == "t4":
            claims[0] = dataclasses.replace(
                claims[0], speaker=content_span(T4, "الأسعار", "الأسعار")
            )
        return claims

    report = evaluate(passages, fake_extract(passages, tweak))
    by_id = {p.id: p for p in report.errors}
    assert set(by_id) == {"t1", "t3", "t4"}
    assert [(v.cue, v.stance, v.speaker) for v in by_id["t1"].missed] == [
        ("قال", "report", "وزير الخارجية")
    ]
    assert [v.cue for v in by_id["t3"].spurious] == ["ارتفعت"]
    (wrong,) = by_id["t4"].wrong
    assert [(f.field, f.predicted, f.gold) for f in wrong.fields] == [("speaker", "الأسعار", None)]


def test_no_gold_and_no_prediction_is_perfect(passages: list[GoldPassage]) -> None:
    negatives = [p for p in passages if not p.claims]
    report = evaluate(negatives, fake_extract(passages))
    assert report.cue_f1 == 1.0
    assert report.claim_f1 == 1.0


def test_default_extractor_is_claimx_extract(
    passages: list[GoldPassage], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claimx, "extract", fake_extract(passages))
    assert evaluate(passages).claim_f1 == 1.0


def test_extractor_failure_names_the_passage(passages: list[GoldPassage]) -> None:
    def broken(text: str, source: str = "-") -> Document:
        raise ValueError("boom")

    with pytest.raises(RuntimeError, match="'t1'.*boom"):
        evaluate(passages, broken)


# ------------------------------------------------------------------ report output


def test_to_dict_is_stable_and_json_able(passages: list[GoldPassage]) -> None:
    report = evaluate(passages, fake_extract(passages, replace_claim("t2", 1, stance="report")))
    data = report.to_dict()
    assert list(data) == [
        "schema", "gold", "counts", "cue", "claim", "matched", "slice", "speaker_keys",
        "breakdown", "errors",
    ]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["claim"]["f1"] == report.claim_f1
    assert [e["id"] for e in data["errors"]] == ["t2"]
    assert "errors" not in report.to_dict(include_errors=False)


def render(report: EvalReport, show_errors: bool) -> str:
    buffer = io.StringIO()
    render_eval(report, Console(file=buffer, width=200, color_system=None), show_errors)
    return buffer.getvalue()


def test_render_eval_shows_metrics_and_errors_on_request(passages: list[GoldPassage]) -> None:
    report = evaluate(passages, fake_extract(passages, replace_claim("t2", 1, stance="report")))
    plain = render(report, show_errors=False)
    for label in ("cue F1", "claim F1", "speaker accuracy", "mean content token F1", "n=3"):
        assert label in plain
    assert "unmatched slice claims count as wrong" in plain
    assert "0.800" in plain
    assert "t2" not in plain
    detailed = render(report, show_errors=True)
    assert "t2" in detailed
    assert "stance: predicted «report» | gold «deny»" in detailed


# ----------------------------------------------------------------------- gold I/O


def test_load_gold_reads_records(gold_path: Path) -> None:
    loaded = load_gold(gold_path)
    assert [p.id for p in loaded] == ["t1", "t2", "t3", "t4"]
    claim = loaded[1].claims[1]
    assert (claim.source, claim.speaker, claim.in_slice) == ("هذه المصادر", "مصادر مطلعة", True)
    assert loaded[0].claims[0].in_slice is False


def test_load_gold_skips_blank_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "g.jsonl", gold_records()[:1])
    path.write_text("\n" + path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert len(load_gold(path)) == 1


def test_malformed_json_line_names_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "broken.jsonl", gold_records()[:2])
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(1, '{"id": "x", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"broken\.jsonl, line 2: invalid JSON") as info:
        load_gold(path)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("index", "mutate", "message"),
    [
        (2, lambda r: r.pop("text"), "missing field 'text'"),
        (0, lambda r: r["claims"][0].pop("cue"), "claim 0: missing field 'cue'"),
        (0, lambda r: r["claims"][1].update(cue_start=2), "claim 1 cue 'أكد' is not at offset 2"),
        (1, lambda r: r["claims"][0].update(cue_start="0"), "'cue_start' must be int"),
        (3, lambda r: r.update(claims={}), "'claims' must be list"),
        (3, lambda r: r.update(claims=[1]), "claim 0 must be a JSON object"),
    ],
)
def test_invalid_record_names_line_and_problem(
    tmp_path: Path, index: int, mutate: Callable[[dict[str, Any]], Any], message: str
) -> None:
    records = gold_records()
    mutate(records[index])
    path = write_jsonl(tmp_path / "bad.jsonl", records)
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    assert f"bad.jsonl, line {index + 1}: " in str(info.value)
    assert message in str(info.value)


def test_missing_gold_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


# -------------------------------------------------------------------- dev corpus


def test_evaluate_path_on_dev_corpus_is_well_formed(corpus_dir: Path) -> None:
    report = evaluate_path(corpus_dir / "dev.jsonl")
    assert report.n_passages == 40
    assert report.n_gold == 78
    assert len(report.passages) == 40
    assert report.n_matched <= min(report.n_gold, report.n_pred)
    assert report.n_correct <= report.n_matched
    assert 0 < report.slice_size <= report.n_gold
    data = report.to_dict()
    assert data["counts"]["passages"] == 40
    assert data["counts"]["gold_claims"] == 78
    for group in ("cue", "claim", "matched"):
        for name, value in data[group].items():
            assert 0.0 <= value <= 1.0, (group, name, value)
    assert 0.0 <= data["slice"]["speaker_accuracy"] <= 1.0
    json.dumps(data, ensure_ascii=False)


def test_breakdown_counts_misses_by_class_through_the_cli(tmp_path) -> None:
    """The eval output says where the misses are: missed and spurious cues, wrong fields."""
    import json as _json
    import subprocess
    import sys

    text = "قال الوزير إن الطريق مغلق. وأكدت الشرطة أن الحادث وقع ليلا."
    gold = {
        "id": "p1",
        "text": text,
        "claims": [
            {
                "source": "الوزير", "source_start": 4, "resolved_source": None,
                "cue": "قال", "cue_start": 0, "stance": "assert",
                "content": "الطريق مغلق", "content_start": 14, "direct_quote": False,
            },
            {
                "source": "الشرطة", "source_start": text.index("الشرطة"), "resolved_source": None,
                "cue": "أكدت", "cue_start": text.index("أكدت"), "stance": "assert",
                "content": "الحادث وقع ليلا", "content_start": text.index("الحادث"),
                "direct_quote": False,
            },
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(_json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "claimx", "eval", str(path), "--format", "json"],
        capture_output=True, text=True, check=True,
    ).stdout
    breakdown = _json.loads(out)["breakdown"]
    assert breakdown == {
        "missed cue": 0, "spurious cue": 0, "wrong speaker": 0, "wrong stance": 1,
        "wrong content": 0,
    }


def test_cue_and_dropped_speaker_bars_fail_the_run(tmp_path) -> None:
    """--min-cue-f1 and --min-dropped, like --min-claim-f1, give exit status 1 and one line
    each when not met, through the command line."""
    import json as _json

    text = "قال الوزير إن الطريق مغلق. وأضاف أن الحادث وقع ليلا."
    gold = {
        "id": "p1", "text": text,
        "claims": [
            {"source": "الوزير", "source_start": 4, "resolved_source": None, "cue": "قال",
             "cue_start": 0, "stance": "report", "content": "الطريق مغلق",
             "content_start": 14, "direct_quote": False},
            {"source": None, "source_start": None, "resolved_source": "المحافظ",
             "resolved_source_start": None, "cue": "أضاف", "cue_start": text.index("أضاف"),
             "stance": "report", "content": "الحادث وقع ليلا",
             "content_start": text.index("الحادث"), "direct_quote": False},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(_json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")

    def run(*bars: str) -> Any:
        return CliRunner().invoke(app, ["eval", str(path), *bars])

    assert run("--min-cue-f1", "1.0").exit_code == 0
    failed = run("--min-dropped", "0.9", "--min-cue-f1", "1.0")
    assert failed.exit_code == 1
    assert "below --min-dropped 0.900" in failed.stderr
    assert "--min-cue-f1" not in failed.stderr


def test_speaker_keys_are_measured_against_gold_entities() -> None:
    """Two claims by one gold speaker should share a key; by two speakers, not."""
    text = ("قال نبيل الخطيب إن الموسم جيد. وأضاف الخطيب أن الأسعار ستنخفض. "
            "وقالت سلمى العلي إن المطر قليل.")
    gold = GoldPassage("k1", text, tuple(
        GoldClaim(cue, text.index(cue), "assert", content, source=source,
                  resolved_source=resolved)
        for cue, content, source, resolved in (
            ("قال", "الموسم جيد", "نبيل الخطيب", None),
            ("وأضاف", "الأسعار ستنخفض", "الخطيب", "نبيل الخطيب"),
            ("وقالت", "المطر قليل", "سلمى العلي", None),
        )
    ))
    keys = evaluate([gold]).keys
    assert (keys.same_pairs, keys.same_keyed) == (1, 1)
    assert (keys.different_pairs, keys.different_apart) == (2, 2)
