"""What a newcomer meets first, each through the ``claimx`` command: a bare ``claimx``, the
usage lines, the version, help that names the keys a command writes, an output name
``report`` cannot honour, tables on a narrow terminal, and ``tokens`` as JSON."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimx.cli import app

EXIT_USAGE = 2


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None,
           env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env)


def test_claimx_with_no_command_is_a_usage_error_with_help_on_stderr(runner: CliRunner) -> None:
    result = invoke(runner)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert "Usage: claimx" in result.stderr and "extract" in result.stderr


ROOT = Path(__file__).resolve().parents[2]


def test_one_version_everywhere(runner: CliRunner, tmp_path: Path) -> None:
    import importlib.metadata
    import tomllib

    import claimx

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    shown = invoke(runner, "--version")
    assert shown.exit_code == 0 and shown.stdout.strip() == f"claimx {declared}"
    assert claimx.__version__ == importlib.metadata.version("claimx") == declared
    article = tmp_path / "a.txt"
    article.write_text("قال الوزير إن الجسر سيفتح غدا.", encoding="utf-8")
    page = tmp_path / "page.html"
    assert invoke(runner, "report", str(article), "-o", str(page), "-q").exit_code == 0
    assert f'content="claimx {declared}"' in page.read_text("utf-8")
    # declared once: no source file repeats the number, which would drift on the next release
    sources = (ROOT / "claimx").rglob("*.py")
    repeats = [p for p in sources if f'"{declared}"' in p.read_text("utf-8")]
    assert repeats == []


def test_report_refuses_an_output_name_that_is_not_a_page(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قال الوزير إن الجسر سيفتح غدا.", encoding="utf-8")
    pdf = tmp_path / "x.pdf"
    result = invoke(runner, "report", str(article), "-o", str(pdf))
    refused_by_extract = invoke(runner, "extract", str(article), "-o", str(pdf))
    assert result.exit_code == refused_by_extract.exit_code == EXIT_USAGE
    [line] = result.stderr.splitlines()
    assert line.startswith(f"claimx: error: --output {pdf}: ") and ".html" in line
    assert not pdf.exists()
    page = tmp_path / "page.HTM"
    assert invoke(runner, "report", str(article), "-o", str(page), "-q").exit_code == 0
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")


ARTICLES = (
    "قال وزير المالية إن الميزانية الجديدة ستقر الأسبوع المقبل.",
    "ونفى وزير المالية أن تكون الميزانية الجديدة قد تأخرت.",
)


def corpus(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "archive.jsonl"
    lines = (json.dumps({"id": f"d{n}", "text": t, "date": "2019-03-0{n}"}, ensure_ascii=False)
             for n, t in enumerate(ARTICLES, start=1))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def format_help(runner: CliRunner, command: str) -> str:
    """The --format entry of a command's help, as one line."""
    text = " ".join(invoke(runner, command, "--help", env={"COLUMNS": "200"}).stdout.split())
    start = text.index("-f, --format")
    return text[start:text.index(" --json ", start)]


def keys_of(record: object) -> set[str]:
    return set(record) if isinstance(record, dict) else set()


def test_speakers_help_names_the_keys_its_json_holds(runner: CliRunner, tmp_path: Path) -> None:
    import json
    import re

    result = invoke(runner, "speakers", str(corpus(tmp_path)), "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    written = keys_of(payload) | keys_of(payload["speakers"][0])
    told = format_help(runner, "speakers")
    assert [k for k in sorted(written) if not re.search(rf"\b{k}\b", told)] == []
    assert not re.search(r"\brows\b", told)  # a key claimx does not write


def test_claims_help_names_the_keys_its_json_holds(runner: CliRunner) -> None:
    import json
    import re

    seed = str(ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.txt")
    grouped = json.loads(invoke(runner, "claims", seed, "-f", "json", "-j", "1").stdout)
    disputed = json.loads(invoke(runner, "claims", seed, "--disputes", "-f", "json", "-j",
                                 "1").stdout)
    group, dispute = grouped["groups"][0], disputed["disputes"][0]
    written = set().union(*map(keys_of, (grouped, disputed, group, group["places"][0],
                                         dispute)))
    told = format_help(runner, "claims")
    assert [k for k in sorted(written) if not re.search(rf"\b{k}\b", told)] == []
    assert not re.search(r"\brows\b", told)


def test_usage_shows_that_commands_take_many_paths(runner: CliRunner) -> None:
    for command in ("extract", "speakers", "claims", "report"):
        usage = invoke(runner, command, "--help").stdout.splitlines()[0]
        assert usage == f"Usage: claimx {command} [OPTIONS] [PATH]...", usage
    assert invoke(runner, "tokens", "--help").stdout.splitlines()[0] == \
        "Usage: claimx tokens [OPTIONS] [PATH]"  # one path


def test_tokens_json_names_documents_as_extract_does(runner: CliRunner, tmp_path: Path) -> None:
    import json

    archive = corpus(tmp_path)
    result = invoke(runner, "tokens", str(archive), "-f", "json")
    assert result.exit_code == 0, result.stderr
    entries = json.loads(result.stdout)
    extracted = [json.loads(line) for line in invoke(
        runner, "extract", str(archive), "-f", "jsonl", "-j", "1").stdout.splitlines()]
    for entry, doc in zip(entries, extracted, strict=True):
        assert {k: entry[k] for k in ("document_id", "path", "line")} == \
            {k: doc[k] for k in ("document_id", "path", "line")}
        assert "source" not in entry
        first = entry["tokens"][0]
        assert set(first) == {"index", "text", "start", "end", "norm"}
    assert [e["document_id"] for e in entries] == ["d1", "d2"]
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0], encoding="utf-8")
    one = json.loads(invoke(runner, "tokens", str(article), "-f", "json").stdout)
    assert (one["document_id"], one["path"], one["line"]) == (str(article), str(article), None)


BOX = "│┃║"
# The article of the table test: names with long words in a short column, a quoted channel.
TABLE_ARTICLE = (
    'وقالت مصادر "قوات سوريا الديمقراطية" في تصريح لـ"الإخبارية" إن المفاوضات مستمرة. '
    "ونفى المتحدث باسم وزارة الاستثمار الإندونيسية وجود أي تأخير في المشروعات، وفقا للبيان. "
    "وأكدت المنظمة الدولية للهجرة أن الأعداد تضاعفت خلال الأشهر الماضية."
)


def table_words(stdout: str) -> list[str]:
    """The words in the cells of every table row."""
    words = []
    for line in stdout.splitlines():
        if line[:1] in BOX:
            for cell in line.strip(BOX).replace("┃", "│").split("│"):
                words.extend(cell.split())
    return words


def strings_in(value: object) -> set[str]:
    """Every word of every string in a JSON value."""
    if isinstance(value, str):
        return set(value.split())
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*map(strings_in, value)) if value else set()
    return set()


def test_table_columns_never_break_a_word(runner: CliRunner, tmp_path: Path) -> None:
    import json

    article = tmp_path / "a.txt"
    article.write_text(TABLE_ARTICLE, encoding="utf-8")
    doc = json.loads(invoke(runner, "extract", str(article), "--json", "-j", "1").stdout)[0]
    known = set(TABLE_ARTICLE.split()) | strings_in(doc) | {
        "negated", "impersonal", "—", "1", "×1", "×1,", "#", "Speaker", "Mention", "Stance",
        "Content", "Channel", "Claims", "Stances"}
    known |= {c["id"].rsplit("#", 1)[-1] for c in doc["claims"]}
    for columns in ("80", "60"):
        result = invoke(runner, "extract", str(article), env={"COLUMNS": columns})
        assert result.exit_code == 0, result.stderr
        words = table_words(result.stdout)
        assert words
        broken = [w for w in words if w not in known and not (
            w.endswith("…") and any(k.startswith(w[:-1]) for k in known))]
        assert broken == [], (columns, result.stdout)


def test_aggregate_tables_never_break_a_word(runner: CliRunner, tmp_path: Path) -> None:
    import json

    article = tmp_path / "a.txt"
    article.write_text(TABLE_ARTICLE, encoding="utf-8")
    for command in (["speakers"], ["claims"], ["claims", "--disputes", "--min-score", "0"]):
        payload = json.loads(invoke(runner, *command, str(article), "--json", "-j", "1").stdout)
        known = set(TABLE_ARTICLE.split()) | strings_in(payload)
        result = invoke(runner, *command, str(article), "-j", "1", env={"COLUMNS": "70"})
        assert result.exit_code == 0, result.stderr
        cells = [w for w in table_words(result.stdout) if any("\u0600" <= ch <= "\u06ff"
                                                              for ch in w)]
        broken = [w for w in cells if w not in known and not (
            w.endswith("…") and any(k.startswith(w[:-1]) for k in known))]
        assert broken == [], (command, result.stdout)
