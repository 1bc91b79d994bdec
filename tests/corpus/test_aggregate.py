"""claimx speakers and claimx claims: aggregates over small corpora written for these tests,
through the real command line, and the grouping and dispute rules on their own."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.corpus.aggregate.disputes import find_disputes
from claimx.corpus.aggregate.groups import ClaimGroups, compatible_speakers
from claimx.corpus.aggregate.mentions import Mention

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.txt"
OUTLETS = ROOT / "examples" / "outlets.jsonl"
runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    result = runner.invoke(app, list(args), input=stdin)
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


def run_json(*args: str, stdin: str | None = None) -> dict:
    result = run(*args, "--format", "json", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- the seed article ---------------------------------------------------------------------


def test_seed_dispute_sdf_denial_against_the_syrian_sources() -> None:
    data = run_json("claims", str(SEED), "--disputes")
    top = data["disputes"][0]
    assert top["denial"]["speaker_label"] == "SDF sources"
    assert top["denial"]["stance"] == "deny"
    assert top["claim"]["speaker_label"] == "Informed Syrian sources"
    assert top["claim"]["stance"] == "assert"
    assert "اتفاق" in top["matter"] and top["within_document"] is True
    assert top["score"] >= 0.5 and top["evidence"] > 0
    assert all(top["score"] > other["score"] for other in data["disputes"][1:])


def test_seed_speakers_are_two_anonymous_parties() -> None:
    data = run_json("speakers", str(SEED))
    rows = {row["english"]: row for row in data["speakers"]}
    assert rows["SDF sources"]["claims"] == 3 and rows["SDF sources"]["by_stance"]["deny"] == 1
    assert rows["Informed Syrian sources"]["claims"] == 7
    assert {row["speaker_kind"] for row in data["speakers"]} == {"anonymous"}
    assert data["summary"]["anonymous_share"] == 1.0


# --- a small corpus of three invented outlets ---------------------------------------------


def test_one_report_in_three_outlets_is_one_claim_with_three_mentions() -> None:
    data = run_json("claims", str(OUTLETS))
    top = data["groups"][0]
    assert top["mentions"] == 3 and top["documents"] == 3
    assert top["outlets"] == ["Coast Herald", "Sahel Daily", "Wadi News"]
    assert {p["document_id"] for p in top["places"]} == {"sahel-01", "wadi-07", "coast-12"}
    for place in top["places"]:  # offsets find the mention in its record's text
        assert place["content"]["end"] > place["content"]["start"]
    # two different claims of one speaker stay two groups
    khatib = [g for g in data["groups"] if g["speaker_key"] == "نبيل خطيب"]
    assert len(khatib) == 2


def test_denial_pairs_with_the_claim_it_denies_and_nothing_else() -> None:
    data = run_json("claims", str(OUTLETS), "--disputes")
    assert len(data["disputes"]) == 1
    [dispute] = data["disputes"]
    assert dispute["denial"]["stance"] == "deny"
    assert "مياه" in dispute["matter"] and dispute["within_document"] is False
    assert dispute["claim"]["speaker_kind"] == "anonymous"


def test_speakers_over_the_corpus_with_dates_and_sorting() -> None:
    data = run_json("speakers", str(OUTLETS), "--sort", "documents")
    first = data["speakers"][0]
    assert first["speaker_key"] == "وزاره صحه" and first["documents"] == 2
    assert (first["first_date"], first["last_date"]) == ("2026-03-02", "2026-03-02")
    keys = run_json("speakers", str(OUTLETS), "--sort", "key")["speakers"]
    assert [r["speaker_key"] for r in keys] == sorted(r["speaker_key"] for r in keys)


def test_table_csv_jsonl_and_output_file(tmp_path: Path) -> None:
    table = run("speakers", str(OUTLETS))
    assert table.exit_code == 0 and "Health" in table.stdout and "anonymous" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("speakers", str(OUTLETS), "-f", "csv").stdout)))
    assert {"speaker_key", "speaker_kind", "by_stance.deny", "error"} <= set(rows[0])
    mentions = list(csv.DictReader(io.StringIO(run("claims", str(OUTLETS), "-f", "csv").stdout)))
    assert sum(r["group"] == "g1" for r in mentions) == 3
    lines = run("claims", str(OUTLETS), "--disputes", "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["schema"] == "claimx-claims/1"
    target = tmp_path / "speakers.json"
    assert run("speakers", str(OUTLETS), "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "claimx-speakers/1"


def test_folder_and_stdin_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("نفت وزارة الدفاع وجود قوات أجنبية في المدينة.", "utf-8")
    (folder / "b.txt").write_text("أكد شهود أن قوات أجنبية دخلت المدينة ليلا.", "utf-8")
    data = run_json("claims", str(folder), "--disputes")
    assert len(data["disputes"]) == 1
    dispute = data["disputes"][0]
    assert dispute["within_document"] is False
    assert dispute["denial"]["speaker_label"] == "Defence Ministry"
    assert {"قوات", "اجنبيه", "مدينه"} <= set(dispute["matter"])
    piped = run_json("speakers", stdin="قالت وزارة الدفاع إن الوضع هادئ.")
    assert piped["speakers"][0]["speaker_kind"] == "organisation"


def test_bad_inputs_are_reported_and_listed_and_the_rest_aggregated(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        OUTLETS.read_text(encoding="utf-8") + "{not json\n" + '{"id": "x", "body": "?"}\n',
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    result = run("speakers", str(corpus), str(missing), "--format", "json")
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("claimx: error:")]
    assert len(errors) == 3, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["documents"] == 4 and len(data["failures"]) == 3
    assert all(f["error"] for f in data["failures"])


def test_usage_errors_are_one_line() -> None:
    result = run("claims", str(OUTLETS), "--scheduler", "tcp://x:1")
    assert result.exit_code == 2 and "needs --engine dask" in result.stderr


@pytest.mark.slow
def test_worker_processes_give_the_same_aggregates_as_one_process() -> None:
    def claimx(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "claimx", *args, str(OUTLETS), str(SEED), "-f", "json",
             "-q"], capture_output=True, text=True, cwd=ROOT, check=True, timeout=300,
        ).stdout

    for command in (["speakers"], ["claims"], ["claims", "--disputes"]):
        one = claimx(*command, "--jobs", "1")
        assert one == claimx(*command, "--jobs", "2", "--chunk-size", "1")


@pytest.mark.dask
def test_dask_engine_gives_the_same_aggregates_as_one_process() -> None:
    pytest.importorskip("dask.distributed")

    def claimx(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "claimx", *args, str(OUTLETS), str(SEED), "-f", "json",
             "-q"], capture_output=True, text=True, cwd=ROOT, check=True, timeout=300,
        ).stdout

    for command in (["speakers"], ["claims", "--disputes"]):
        one = claimx(*command, "--jobs", "1")
        assert one == claimx(*command, "--engine", "dask", "--jobs", "2", "--chunk-size", "1")


# --- grouping and dispute rules ---------------------------------------------------------


def mention(doc: str, content: str, key: str | None, stance: str = "report",
            negated: bool = False) -> Mention:
    return Mention(doc, f"{doc}#c1", None, None, key, "person" if key else "unresolved",
                   key, key, stance, negated, "قال", None, content, 0, len(content))


def test_speaker_compatibility() -> None:
    assert compatible_speakers("وزاره", "وزاره صحه")
    assert compatible_speakers(None, "نبيل خطيب")
    assert not compatible_speakers("نبيل خطيب", "سامر خطيب")


def test_reworded_claim_groups_but_another_speaker_or_claim_does_not(tmp_path: Path) -> None:
    groups = ClaimGroups(directory=str(tmp_path))
    base = groups.add(mention("a", "أسعار الوقود سترتفع بنسبة عشرة في المئة الشهر المقبل",
                              "وزاره نفط"))
    assert groups.add(mention("b", "أسعار الوقود سترتفع الشهر المقبل بنسبة عشرة في المئة",
                              "وزاره نفط")) is base
    assert groups.add(mention("c", "سترتفع أسعار الوقود عشرة في المئة الشهر المقبل",
                              None)) is base
    assert groups.add(mention("d", "أسعار الوقود سترتفع بنسبة عشرة في المئة الشهر المقبل",
                              "نقابه سائقين")) is not base
    assert groups.add(mention("e", "المدارس تفتح أبوابها الأسبوع المقبل",
                              "وزاره نفط")) is not base


def test_unrelated_denial_makes_no_dispute(tmp_path: Path) -> None:
    groups = ClaimGroups(directory=str(tmp_path))
    groups.add(mention("a", "الجسر الجديد يفتح في الصيف أمام السيارات", "وزاره نقل"))
    groups.add(mention("a", "ارتفاع عدد الإصابات بالحمى", "مصادر طبيه", stance="deny"))
    assert find_disputes(groups) == []
    groups.add(mention("b", "الجسر الجديد لن يفتح في الصيف", "نقابه مهندسين",
                       stance="deny"))
    [dispute] = find_disputes(groups)
    assert "جسر" in dispute.shared and dispute.within_document is False


def test_one_speaker_does_not_dispute_itself(tmp_path: Path) -> None:
    groups = ClaimGroups(directory=str(tmp_path))
    groups.add(mention("a", "الجسر الجديد سيفتح في الصيف", "وزاره نقل"))
    groups.add(mention("b", "الجسر الجديد سيفتح في الصيف", "وزاره نقل", stance="deny"))
    assert find_disputes(groups) == []


def test_places_live_in_a_file_that_close_removes(tmp_path: Path) -> None:
    with ClaimGroups(directory=str(tmp_path)) as groups:
        group = groups.add(mention("a", "الجسر الجديد سيفتح في الصيف", "وزاره نقل"))
        groups.add(mention("b", "الجسر الجديد سيفتح في الصيف", "وزاره نقل"))
        assert [p.document_id for p in groups.places(group)] == ["a", "b"]
        assert (group.mentions, group.documents) == (2, 2)
        assert list(tmp_path.iterdir())
    assert not list(tmp_path.iterdir())


def test_json_output_is_what_json_dumps_writes() -> None:
    text = run("claims", str(OUTLETS), "--disputes", "--format", "json").stdout
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("command", [["speakers"], ["claims"], ["claims", "--disputes"]])
def test_json_and_jsonl_output_follow_the_shipped_schemas(command: list[str],
                                                          tmp_path: Path) -> None:
    from claimx.corpus.aggregate.schema import validate_line, validate_output

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(OUTLETS.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    inputs = [str(corpus), str(SEED)]
    result = run(*command, *inputs, "--format", "json")
    assert result.exit_code == 1  # the broken line
    validate_output(json.loads(result.stdout))
    lines = run(*command, *inputs, "--format", "jsonl").stdout.splitlines()
    assert any('"error"' in line for line in lines)
    for line in lines:
        validate_line(json.loads(line))


def test_the_schemas_reject_what_they_should() -> None:
    import jsonschema

    from claimx.corpus.aggregate.schema import validate_output

    data = run_json("claims", str(SEED), "--disputes")
    data["disputes"][0]["score"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        validate_output(data)
    speakers = run_json("speakers", str(SEED))
    del speakers["speakers"][0]["speaker_kind"]
    with pytest.raises(jsonschema.ValidationError):
        validate_output(speakers)


@pytest.mark.slow
def test_interrupt_leaves_no_output_and_no_places_file(tmp_path: Path) -> None:
    import signal
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from inputs import write_jsonl_corpus

    corpus, target = tmp_path / "big.jsonl", tmp_path / "out.json"
    write_jsonl_corpus(corpus, 20_000_000)
    env = {**__import__("os").environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "claimx", "claims", str(corpus), "-o", str(target), "--jobs",
         "2"], cwd=ROOT, stderr=subprocess.PIPE, text=True, env=env,
    )
    time.sleep(4)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and err.strip() == "claimx: error: interrupted"
    assert not target.exists()
    assert not list(tmp_path.glob("claimx-places-*"))


def test_claimx_output_is_read_back_instead_of_extracted_again(tmp_path: Path) -> None:
    inputs = [str(OUTLETS), str(SEED)]
    for suffix in (".jsonl", ".json"):
        saved = tmp_path / f"claims{suffix}"
        assert run("extract", *inputs, "-o", str(saved)).exit_code == 0
        for command in (["speakers"], ["claims", "--disputes"]):
            assert run_json(*command, str(saved)) == run_json(*command, *inputs)
    # outlets and dates travel with the documents
    first = json.loads((tmp_path / "claims.jsonl").read_text("utf-8").splitlines()[0])
    assert (first["outlet"], first["date"]) == ("Sahel Daily", "2026-03-02")


def test_output_older_than_speaker_resolution_is_read_back(tmp_path: Path) -> None:
    saved = tmp_path / "claims.jsonl"
    assert run("extract", str(SEED), "-o", str(saved)).exit_code == 0
    older = tmp_path / "older.jsonl"
    lines = []
    for line in saved.read_text("utf-8").splitlines():
        doc = json.loads(line)
        for claim in doc["claims"]:
            del claim["speaker_resolution"]
        lines.append(json.dumps(doc, ensure_ascii=False))
    older.write_text("\n".join(lines) + "\n", "utf-8")
    assert run_json("speakers", str(older)) == run_json("speakers", str(SEED))


def test_a_failure_record_in_claimx_output_is_reported_and_listed(tmp_path: Path) -> None:
    saved = tmp_path / "claims.jsonl"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(OUTLETS.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    assert run("extract", str(corpus), "-o", str(saved)).exit_code == 1
    result = run("speakers", str(saved), "--format", "json")
    assert result.exit_code == 1
    assert [ln for ln in result.stderr.splitlines() if ln.startswith("claimx: error:")]
    data = json.loads(result.stdout)
    assert data["summary"]["claims"] == 9 and len(data["failures"]) == 1


def test_with_disputes_json_lists_the_groups_they_oppose() -> None:
    data = run_json("claims", str(OUTLETS), "--disputes")
    [dispute] = data["disputes"]
    assert [g["id"] for g in data["groups"]] == [dispute["denial"]["id"], dispute["claim"]["id"]]
    assert all(g["places"] for g in data["groups"])
    assert data["summary"]["groups"] == 7  # the summary still counts every claim
