"""``claimx report`` without a browser: inputs, the page's data, its safety guarantees and
its failures, through the real command line. What the page *does* in a browser is in
test_report_browser.py."""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_helpers import (
    DEV,
    HOSTILE,
    OUTLETS,
    ROOT,
    SEED,
    SENTENCES,
    invoke,
    page_data,
    write_corpus,
)

import claimx
from claimx.io.readback import is_claimx_output
from claimx.model import Claim, Document, Span
from claimx.report.page import segments

needs_dev = pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus absent")
needs_dask = pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                                reason="the dask extra is not installed")


def report(tmp_path: Path, *args: str, name: str = "report.html"):
    out = tmp_path / name
    result = invoke("report", *args, "-o", str(out), "-j", "1")
    page = out.read_text(encoding="utf-8") if out.exists() else ""
    return result, page


def extract_json(path: str) -> list[dict]:
    """What ``claimx extract --format json`` gives for ``path``: an array of documents."""
    result = invoke("extract", path, "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def joined(doc: dict) -> str:
    return "".join(seg[1] for seg in doc["segs"])


def test_seed_report_is_one_self_contained_rtl_page(tmp_path: Path) -> None:
    result, page = report(tmp_path, str(SEED))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("claimx: wrote ")
    assert '<html lang="ar" dir="rtl">' in page
    assert not re.search(r"<(link|iframe|object|embed|img)\b", page)
    assert not re.search(r"\bsrc\s*=", page)
    assert "http://" not in page and "https://" not in page
    data = page_data(page)
    (doc,) = data["docs"]
    [expected] = extract_json(str(SEED))
    assert joined(doc) == SEED.read_text(encoding="utf-8").lstrip("\ufeff")
    assert [f"{SEED}#{c['id']}" for c in doc["claims"]] == [c["id"] for c in expected["claims"]]
    assert [c["label"] for c in doc["claims"]] == [c["label"] for c in expected["claims"]]
    assert data["corpus"] is False


def test_csp_allows_exactly_the_inline_script_and_style(tmp_path: Path) -> None:
    _, page = report(tmp_path, str(SEED))
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    csp = html.unescape(csp)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(scripts) == 1 and len(styles) == 1
    assert directives["script-src"] == _hash(scripts[0])
    assert directives["style-src"] == _hash(styles[0])
    assert not re.search(r"\sstyle=", page)  # inline style attributes would be blocked
    assert not re.search(r"\son[a-z]+=", page)  # so would inline event handlers


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def test_folder_and_its_claimx_json_output_give_the_same_page(tmp_path: Path,
                                                              monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(" ".join(SENTENCES[i:i + 3]), encoding="utf-8")
    result, raw = report(tmp_path, "articles", name="raw.html")
    assert result.exit_code == 0, result.stderr
    output = tmp_path / "claims.json"
    output.write_text(json.dumps(extract_json("articles"), ensure_ascii=False), "utf-8")
    assert is_claimx_output(str(output))
    result, again = report(tmp_path, "claims.json", "--text-from", "articles",
                           name="again.html")
    assert result.exit_code == 0, result.stderr
    assert page_data(raw) == page_data(again)
    docs = page_data(raw)["docs"]
    assert [d["id"] for d in docs] == [f"articles/a{i}.txt" for i in range(3)]
    assert all(d["has_text"] for d in docs)


def test_jsonl_corpus_and_its_jsonl_output_give_the_same_page(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 7)
    result, raw = report(tmp_path, str(corpus), name="raw.html")
    assert result.exit_code == 0, result.stderr
    data = page_data(raw)
    assert data["corpus"] is True
    assert [d["id"] for d in data["docs"]] == [f"art-{i}" for i in range(7)]
    assert [d["outlet"] for d in data["docs"]] == [OUTLETS[i % 3] for i in range(7)]
    assert data["docs"][2]["link"] == "https://example.org/2"
    for outlet in OUTLETS:
        assert f'<option value="{outlet}">{outlet}</option>' in raw
    claims = tmp_path / "claims.jsonl"
    result = invoke("extract", str(corpus), "-f", "jsonl", "-q", "-j", "1", "-o", str(claims))
    assert result.exit_code == 0, result.stderr
    result, again = report(tmp_path, str(claims), "--text-from", str(tmp_path),
                           name="again.html")
    assert result.exit_code == 0, result.stderr
    assert page_data(again) == data


def test_page_holds_at_most_max_documents_and_says_so(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 7)
    claims = tmp_path / "claims.jsonl"
    result = invoke("extract", str(corpus), "-f", "jsonl", "-q", "-j", "1", "-o", str(claims))
    assert result.exit_code == 0, result.stderr
    result, whole = report(tmp_path, str(claims), "--text-from", str(tmp_path),
                           name="whole.html")
    assert result.exit_code == 0, result.stderr
    assert 'id="capped"' not in whole
    result, capped = report(tmp_path, str(claims), "--text-from", str(tmp_path),
                            "--max-documents", "3", name="capped.html")
    assert result.exit_code == 0, result.stderr
    data, all_data = page_data(capped), page_data(whole)
    assert [d["id"] for d in data["docs"]] == ["art-0", "art-1", "art-2"]
    assert data["docs"] == all_data["docs"][:3]  # the first three, each with its article
    assert "This page shows the first 3 of the 7 documents" in capped
    totals = re.compile(r'<p class="totals">.*?</p>', re.S)  # every document still counts
    assert totals.search(capped)[0] == totals.search(whole)[0]
    assert '<span id="n-docs">7</span>' in capped
    speakers = re.compile(r'<table id="speaker-table".*?</table>', re.S)
    assert speakers.search(capped)[0] == speakers.search(whole)[0]
    assert "the page shows the first 3" in result.stderr


def test_raw_inputs_and_claimx_output_mix_in_input_order(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2)
    claims = tmp_path / "seed.json"
    claims.write_text(json.dumps(extract_json(str(SEED)), ensure_ascii=False), "utf-8")
    result, page = report(tmp_path, str(corpus), str(claims), str(SEED))
    assert result.exit_code == 0, result.stderr
    ids = [d["id"] for d in page_data(page)["docs"]]
    assert ids == ["art-0", "art-1", str(SEED), str(SEED)]


def test_claims_still_listed_when_the_article_is_gone_or_changed(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCES[1], encoding="utf-8")
    output = tmp_path / "claims.json"
    output.write_text(json.dumps(extract_json(str(article)), ensure_ascii=False), "utf-8")
    article.write_text("نص آخر تماما لا علاقة له بالأول.", encoding="utf-8")
    result, page = report(tmp_path, str(output), "--text-from", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"claimx: note: {article}: article text not shown: {article} no longer matches "
        "its claims")
    article.unlink()
    result, page = report(tmp_path, str(output), "--text-from", str(tmp_path))
    assert result.exit_code == 0
    assert f"{article} not found" in result.stderr
    (doc,) = page_data(page)["docs"]
    assert doc["has_text"] is False and doc["segs"] == []
    assert doc["claims"][0]["cue"][2] == "نفت"  # span texts come with the claims instead


def test_bad_inputs_one_line_each_and_the_rest_is_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "ok", "text": SENTENCES[0]}, ensure_ascii=False) + "\n{broken\n",
        encoding="utf-8")
    result, page = report(tmp_path, str(tmp_path / "missing.txt"), str(corpus), str(SEED))
    assert result.exit_code == 1
    errors = [x for x in result.stderr.splitlines() if x.startswith("claimx: error:")]
    assert errors == [
        f"claimx: error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"claimx: error: {corpus}, line 2: malformed JSON: Expecting property name enclosed "
        "in double quotes (column 2)",
    ]
    assert "Traceback" not in result.stderr
    assert [d["id"] for d in page_data(page)["docs"]] == ["ok", str(SEED)]


def test_invalid_claimx_records_are_reported_and_skipped(tmp_path: Path) -> None:
    [good] = extract_json(str(SEED))
    bad = json.loads(json.dumps(good))
    bad["claims"][0]["stance"] = "shout"
    worse = dict(good, claims="none")
    output = tmp_path / "claims.jsonl"
    output.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (good, bad, worse))
                      + "\n[1, 2]\n", encoding="utf-8")
    result, page = report(tmp_path, str(output), "--text-from", str(SEED.parent))
    assert result.exit_code == 1
    errors = result.stderr.splitlines()[:-1]
    assert len(errors) == 3
    assert errors[0].startswith(f"claimx: error: {output}, line 2: not a valid claimx "
                                "document: claims/0/stance: 'shout' is not one of")
    assert errors[1].startswith(f"claimx: error: {output}, line 3: not a valid claimx document")
    assert errors[2] == (f"claimx: error: {output}, line 4: not a valid claimx document: "
                         "expected a JSON object")
    assert len(page_data(page)["docs"]) == 1


def test_hostile_text_and_metadata_stay_inert_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    record = {"id": "<b>" + HOSTILE, "text": HOSTILE + SENTENCES[1] + HOSTILE,
              "meta": {"outlet": "<i>" + HOSTILE, "url": "javascript:window.__pwned = 9"}}
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result, page = report(tmp_path, str(corpus), str(SEED))
    assert result.exit_code == 0, result.stderr
    assert page.count("<script") == 2  # the data block and the page's own script
    assert "<img" not in page and "<svg onload" not in page and "<a " not in page
    assert "window.__pwned" in page  # present, but only as escaped data
    assert "<i>&lt;script&gt;" not in page and "&lt;i&gt;&lt;script&gt;" in page  # outlet
    doc = page_data(page)["docs"][0]
    assert joined(doc) == record["text"]
    assert doc["outlet"] == " ".join(record["meta"]["outlet"].split())
    assert doc["link"] is None and doc["url"] == record["meta"]["url"]
    assert "49" not in joined(doc)  # no template evaluation of the article either


def test_title_is_escaped_and_an_empty_output_gives_an_empty_report(tmp_path: Path) -> None:
    empty = tmp_path / "none.json"
    empty.write_text("[]\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke("report", str(empty), "-o", str(out), "--title", "<script>x</script>")
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;x&lt;/script&gt;</title>" in page
    assert page_data(page)["docs"] == []


@pytest.mark.dask
@needs_dask
def test_dask_engine_gives_the_same_page(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 6)
    _, local = report(tmp_path, str(corpus), name="local.html")
    out = tmp_path / "dask.html"
    result = invoke("report", str(corpus), "-o", str(out), "--engine", "dask", "-j", "2")
    assert result.exit_code == 0, result.stderr
    assert page_data(out.read_text(encoding="utf-8")) == page_data(local)


def test_html_goes_to_standard_output_without_output_option() -> None:
    result = invoke("report", "-", "-q", input=SENTENCES[1])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert page_data(result.stdout)["docs"][0]["id"] == "-"


def test_usage_errors(tmp_path: Path) -> None:
    result = invoke("report", str(SEED), "--scheduler", "tcp://x:1")
    assert result.exit_code == 2
    assert result.stderr == "claimx: error: --scheduler needs --engine dask\n"
    result = invoke("report", str(SEED), "-e", "nope", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "unknown encoding 'nope'" in result.stderr


def test_report_through_the_installed_command(tmp_path: Path) -> None:
    exe = shutil.which("claimx") or str(Path(sys.executable).with_name("claimx"))
    out = tmp_path / "r.html"
    done = subprocess.run([exe, "report", str(SEED.relative_to(ROOT)), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"claimx: wrote {out} (1 documents, {_claims()} claims)\n"
    assert page_data(out.read_text(encoding="utf-8"))["docs"][0]["claims"]


def _claims() -> int:
    return len(claimx.extract(SEED.read_text(encoding="utf-8").lstrip("\ufeff")).claims)


def test_help_lists_report() -> None:
    result = invoke("--help")
    assert "report" in result.stdout
    result = invoke("report", "--help")
    assert result.exit_code == 0 and "--output" in result.stdout


@needs_dev
def test_dev_corpus_report_has_every_document_and_outlet(tmp_path: Path) -> None:
    result, page = report(tmp_path, str(DEV))
    assert result.exit_code == 0, result.stderr
    data = page_data(page)
    lines = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert [d["id"] for d in data["docs"]] == [x["id"] for x in lines]
    assert [d["outlet"] for d in data["docs"]] == [x["meta"]["outlet"] for x in lines]
    assert all(joined(d) == x["text"] for d, x in zip(data["docs"], lines, strict=True))


# --- the page model -------------------------------------------------------------------


def _claim(cid: str, cue: tuple[int, int], content: tuple[int, int], text: str,
           source: tuple[int, int] | None = None, speaker: tuple[int, int] | None = None
           ) -> Claim:
    def span(pair: tuple[int, int] | None) -> Span | None:
        return None if pair is None else Span(text[pair[0]:pair[1]], *pair)

    return Claim(cid, 0, span(source), span(speaker), span(cue), "قال", "say", "report",
                 False, None, span(content), False, "X says")


def test_segments_mark_overlapping_spans_exactly() -> None:
    text = "قال أحمد إن سعيد أكد أن الجو جميل 😀 جدا."
    outer = _claim("c1", (0, 3), (12, 40), text, source=(4, 8))
    inner = _claim("c2", (17, 20), (24, 40), text, source=(12, 16))
    resolved = _claim("c3", (17, 20), (24, 33), text, speaker=(4, 8))
    segs = segments(text, [outer, inner, resolved])
    assert "".join(s[1] for s in segs) == text
    for index, claim in enumerate((outer, inner, resolved)):
        for role, span in (("cue", claim.cue), ("content", claim.content),
                           ("source", claim.source), ("speaker", claim.speaker)):
            if span is None:
                continue
            covered = [s for s in segs if [index, role] in s[2]]
            assert "".join(s[1] for s in covered) == span.text
            assert covered[0][0] == span.start
            assert covered[-1][0] + len(covered[-1][1]) == span.end
    cue_seg = next(s for s in segs if s[0] == 17)
    assert cue_seg[2][0][1] == "cue"  # the cue sets the look where spans overlap


def test_segments_ignore_spans_outside_the_text() -> None:
    text = "نص قصير"
    claim = _claim("c1", (0, 2), (3, 7), text)
    broken = Claim("c2", 0, None, None, Span("x", 50, 60), "", "", "report", False, None,
                   Span("", 3, 3), False, "")
    segs = segments(text, [claim, broken])
    assert "".join(s[1] for s in segs) == text
    assert all(m[0] == 0 for s in segs for m in s[2])


def test_document_with_no_claims_is_one_plain_segment() -> None:
    from claimx.report import ReportDoc, build_page

    page = build_page([ReportDoc(Document("لا شيء"))], title="t")
    assert page["docs"][0]["segs"] == [[0, "لا شيء", []]]
    assert page["n_claims"] == 0 and page["speakers"] == []


def test_report_reads_claimx_2_output_with_failure_records_and_text(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCES[0], encoding="utf-8")
    output = tmp_path / "claims.jsonl"
    result = invoke("extract", str(article), str(tmp_path / "missing.txt"), "-f", "jsonl",
                    "--with-text", "-o", str(output), "-j", "1")
    assert result.exit_code == 1
    article.unlink()  # with --with-text the article comes from the output itself
    result, page = report(tmp_path, str(output))
    assert result.exit_code == 1
    assert f"claimx: error: {tmp_path / 'missing.txt'}: no such file or directory" in \
        result.stderr.splitlines()
    [doc] = page_data(page)["docs"]
    assert joined(doc) == SENTENCES[0]


def test_speaker_summary_shows_each_speakers_kind(tmp_path: Path) -> None:
    outlets = Path(__file__).resolve().parents[2] / "examples" / "outlets.jsonl"
    result, page = report(tmp_path, str(SEED), str(outlets))
    assert result.exit_code == 0, result.stderr
    table = page[page.index('id="speaker-table"'):]
    table = table[: table.index("</table>")]
    assert "<th>kind</th>" in table
    assert "<td>anonymous</td>" in table and "<td>organisation</td>" in table
