"""``claimx report`` pages in a real browser (headless Chromium, driven by Playwright).

Run with ``uv sync --group browser`` and Debian's ``chromium`` (``.ci/run`` installs it):
``uv run pytest -m browser``. Without Playwright or Chromium the module is skipped.
Every page is checked for console errors, uncaught exceptions, dialogs and network
requests when its test ends. ``CLAIMX_CHROMIUM`` names another Chromium binary;
``CLAIMX_REPORT_SCALE`` the size of the large-corpus test (default 10,000 documents).
Screenshots go to ``tests/artifacts/`` (not committed).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from report_helpers import HOSTILE, OUTLETS, ROOT, SEED, SENTENCES, invoke, write_corpus

pytestmark = pytest.mark.browser
REQUIRED = bool(os.environ.get("CLAIMX_REQUIRE_BROWSER"))  # CI: a skip would hide a failure


def _unavailable(reason: str) -> None:
    if REQUIRED:
        raise RuntimeError(f"CLAIMX_REQUIRE_BROWSER is set but {reason}")
    pytest.skip(reason, allow_module_level=True)


try:
    from playwright import sync_api
except ImportError:
    _unavailable("playwright is not installed (uv sync --group browser)")
CHROMIUM = (os.environ.get("CLAIMX_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))
if not CHROMIUM:
    _unavailable("chromium is not installed (apt-get install chromium)")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCALE = int(os.environ.get("CLAIMX_REPORT_SCALE", "10000"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page and everything it did that a report must never do."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.url = url
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check_clean(self) -> None:
        assert self.console == []
        assert self.dialogs == []
        assert self.requests == [self.url]


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Watched]]:
    opened: list[Watched] = []

    def open_(path: Path, width: int = 1280, height: int = 900, timeout: float = 30_000
              ) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        watched = Watched(page, path.resolve().as_uri())
        opened.append(watched)
        page.goto(watched.url, timeout=timeout)
        page.wait_for_selector("html[data-ready=true]", timeout=timeout)
        return watched

    yield open_
    for watched in opened:
        try:
            watched.check_clean()
        finally:
            watched.page.context.close()


def make_report(out: Path, *args: str) -> Path:
    result = invoke("report", *args, "-o", str(out), "-j", "1", "-q")
    assert result.exit_code == 0, result.stderr
    return out


def extracted(*args: str) -> Any:
    result = invoke("extract", *args, "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- what is highlighted ---------------------------------------------------------------


def expected_marks(claims: list[dict]) -> dict[tuple[int, str], tuple[int, int, str]]:
    """(claim index, role) -> (start, end, text), from claimx's JSON output."""
    marks = {}
    for i, c in enumerate(claims):
        marks[(i, "cue")] = c["cue"]
        marks[(i, "content")] = c["content"]
        if c["source"]:
            marks[(i, "source")] = c["source"]
        if c["speaker"] and c["speaker"] != c["source"]:
            marks[(i, "speaker")] = c["speaker"]
        if c["channel"]:
            marks[(i, "channel")] = c["channel"]
    return {k: (v["start"], v["end"], v["text"]) for k, v in marks.items()}


def highlighted(page: Any) -> dict[tuple[int, str], tuple[int, int, str]]:
    """(claim index, role) -> (start, end, text) as the page marks them, checking that
    each span's pieces are contiguous in the text."""
    pieces = page.evaluate("""() => Array.from(document.querySelectorAll('#doc-text .mk'))
        .map(n => [Number(n.dataset.start), n.textContent, n.dataset.marks.split(' ')])""")
    spans: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for start, text, marks in pieces:
        for mark in marks:
            index, role = mark.split(":")
            spans.setdefault((int(index), role), []).append((start, text))
    found = {}
    for key, parts in spans.items():
        for (start, text), (following, _) in zip(parts, parts[1:], strict=False):
            assert start + len(text) == following, f"{key} is not contiguous"
        end = parts[-1][0] + len(parts[-1][1])
        found[key] = (parts[0][0], end, "".join(t for _, t in parts))
    return found


def assert_page_shows(page: Any, text: str, claims: list[dict]) -> None:
    """The article is the text itself, and the highlights are exactly the claims."""
    assert page.text_content("#doc-text") == text
    assert highlighted(page) == expected_marks(claims)
    for start, end, span in expected_marks(claims).values():
        assert text[start:end] == span
    labels = page.eval_on_selector_all("#claim-list .claim .label",
                                       "ns => ns.map(n => n.textContent)")
    assert labels == [c["label"] for c in claims]


def test_seed_highlights_equal_the_json_claims(tmp_path: Path, open_page) -> None:
    html = make_report(tmp_path / "seed.html", str(SEED))
    [seed] = extracted(str(SEED))
    claims = seed["claims"]
    assert claims
    watched = open_page(html)
    text = SEED.read_text(encoding="utf-8").lstrip("\ufeff")
    assert_page_shows(watched.page, text, claims)
    assert watched.page.evaluate("document.documentElement.lang + document.documentElement.dir") \
        == "arrtl"
    resolved = [i for i, c in enumerate(claims) if c["source"] is None and c["speaker"]]
    for i in resolved:
        card = watched.page.text_content(f'#claim-list .claim[data-i="{i}"]')
        assert "resolved (dropped subject)" in card and claims[i]["speaker"]["text"] in card
    ARTIFACTS.mkdir(exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / "report-seed.png"), full_page=True)
    # The README's docs/report.png is this view: a claim with a resolved speaker selected.
    watched.page.set_viewport_size({"width": 1100, "height": 640})
    watched.page.click(f'#claim-list .claim[data-i="{resolved[0] if resolved else 0}"]')
    watched.page.screenshot(path=str(ARTIFACTS / "report-seed-claim.png"))


def test_offsets_are_code_points_even_with_emoji(tmp_path: Path, open_page) -> None:
    article = tmp_path / "emoji.txt"
    text = ("الطقس 😀🌞 جميل اليوم 𝕏.\n" + SENTENCES[1] + " 👍🏽 " + SENTENCES[2] + " 🇸🇾 "
            + SENTENCES[0])
    article.write_text(text, encoding="utf-8")
    [doc] = extracted(str(article))
    claims = doc["claims"]
    assert len(claims) >= 2 and claims[-1]["cue"]["start"] > text.index("🇸🇾")
    watched = open_page(make_report(tmp_path / "emoji.html", str(article)))
    assert_page_shows(watched.page, text, claims)


def test_every_dev_document_highlights_its_claims(tmp_path: Path, open_page) -> None:
    dev = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
    if not dev.exists():
        pytest.skip("../shared/corpus absent")
    records = [json.loads(x) for x in dev.read_text(encoding="utf-8").splitlines() if x.strip()]
    output = extracted(str(dev))
    watched = open_page(make_report(tmp_path / "dev.html", str(dev), "--page-size", "100"))
    for n, (record, doc) in enumerate(zip(records, output, strict=True)):
        watched.page.click(f'#doc-index tbody tr[data-n="{n}"]')
        assert watched.page.text_content("#doc-head h2") == record["id"]
        assert_page_shows(watched.page, record["text"], doc["claims"])


# --- interaction ------------------------------------------------------------------------


def in_viewport(page: Any, selector: str) -> bool:
    return page.eval_on_selector(selector, """n => { const r = n.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }""")


def test_clicking_a_claim_scrolls_to_and_marks_its_spans(tmp_path: Path, open_page) -> None:
    watched = open_page(make_report(tmp_path / "seed.html", str(SEED)), width=1000, height=500)
    page = watched.page
    last = page.eval_on_selector_all("#claim-list .claim", "ns => ns.length") - 1
    cue = f'#doc-text [data-marks~="{last}:cue"]'
    assert not in_viewport(page, cue)
    page.click(f'#claim-list .claim[data-i="{last}"]')
    assert in_viewport(page, cue)
    active = page.eval_on_selector_all("#doc-text .mk.active", "ns => ns.map(n => n.dataset.c)")
    mine = page.eval_on_selector_all(f'#doc-text [data-c~="{last}"]', "ns => ns.length")
    assert len(active) == mine > 1
    assert all(str(last) in c.split() for c in active)
    assert page.get_attribute(f'#claim-list .claim[data-i="{last}"]', "aria-current") == "true"
    page.click('#claim-list .claim[data-i="0"]')  # another claim: the marks move with it
    assert all("0" in c.split() for c in page.eval_on_selector_all(
        "#doc-text .mk.active", "ns => ns.map(n => n.dataset.c)"))
    assert page.get_attribute(f'#claim-list .claim[data-i="{last}"]', "aria-current") is None
    page.click(f"{cue}")  # clicking a highlight in the text selects its claim
    assert page.get_attribute(f'#claim-list .claim[data-i="{last}"]', "aria-current") == "true"
    title = page.get_attribute(cue, "title")
    label = page.text_content(f'#claim-list .claim[data-i="{last}"] .label')
    assert title.startswith(f"{label} — cue (")  # the English label on hover


def rows(page: Any) -> list[tuple[str, int]]:
    """(document id, claim count) of every index row, across all pages."""
    page.wait_for_selector("#page-info")
    while not page.is_disabled("#prev-page"):
        page.click("#prev-page")
    found = []
    while True:
        found += page.eval_on_selector_all("#doc-index tbody tr", """ns => ns.map(n =>
            [n.querySelector('.doc-name').textContent,
             Number(n.querySelector('.claim-count').textContent)])""")
        if page.is_disabled("#next-page"):
            return [tuple(r) for r in found]
        page.click("#next-page")


def test_filters_pages_and_index(tmp_path: Path, open_page) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12)
    docs = extracted(str(corpus))
    records = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()]
    watched = open_page(make_report(tmp_path / "c.html", str(corpus), "--page-size", "5"))
    page = watched.page
    assert page.text_content("#page-info") == "Page 1 of 3"
    assert rows(page) == [(d["document_id"], len(d["claims"])) for d in docs]

    page.select_option("#f-stance", "deny")
    want = [(d["document_id"], sum(c["stance"] == "deny" for c in d["claims"])) for d in docs]
    assert rows(page) == [w for w in want if w[1]]
    assert page.text_content("#match-count").startswith(f"{len([w for w in want if w[1]])} of 12")

    page.select_option("#f-outlet", OUTLETS[1])
    assert rows(page) == [w for w, r in zip(want, records, strict=True)
                          if w[1] and r["meta"]["outlet"] == OUTLETS[1]]
    page.click("#f-clear")
    page.select_option("#f-outlet", OUTLETS[2])
    assert [r[0] for r in rows(page)] == [r["id"] for r in records
                                          if r["meta"]["outlet"] == OUTLETS[2]]
    page.click("#f-clear")

    def by_speaker(word: str) -> list[tuple[str, int]]:
        counts = [(d["document_id"], sum(word in (c["speaker"] or c["source"] or {}).get("text", "")
                                for c in d["claims"])) for d in docs]
        return [x for x in counts if x[1]]

    page.fill("#f-speaker", "الشركة")
    assert rows(page) == by_speaker("الشركة") != []
    page.click("#f-clear")
    speaker = page.get_attribute("#speaker-table .speaker-pick", "data-speaker")
    page.click("#speaker-table .speaker-pick")
    assert page.input_value("#f-speaker") == speaker
    assert rows(page) == by_speaker(speaker)
    page.click("#f-clear")
    assert len(rows(page)) == 12

    bars = page.eval_on_selector_all("#stance-chart .bar", "ns => ns.map(n => "
                                     "[n.dataset.stance, Number(n.dataset.count)])")
    totals = {s: sum(c["stance"] == s for d in docs for c in d["claims"]) for s, _ in bars}
    assert bars == [list(x) for x in totals.items()]

    page.click("#prev-page")  # rows() left the index on its last page; 7 is on page 2
    assert page.text_content("#page-info") == "Page 2 of 3"
    page.click('#doc-index tbody tr[data-n="7"]')
    assert page.text_content("#doc-head h2") == "art-7"
    assert page.get_attribute('#doc-index tbody tr[data-n="7"]', "aria-current") == "true"
    assert_page_shows(page, records[7]["text"], docs[7]["claims"])
    assert page.get_attribute("#doc-head a", "href") == "https://example.org/7"


# --- safety ---------------------------------------------------------------------------------


def test_hostile_articles_run_nothing(tmp_path: Path, open_page) -> None:
    corpus = tmp_path / "corpus.jsonl"
    record = {"id": "<b onmouseover=alert(1)>" + HOSTILE, "text": HOSTILE + SENTENCES[1] + HOSTILE,
              "meta": {"outlet": "<i>" + HOSTILE, "url": "javascript:window.__pwned = 9"}}
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    named = tmp_path / '<img src=x onerror="window.__pwned=10">.txt'
    named.write_text(HOSTILE + SENTENCES[2], encoding="utf-8")
    watched = open_page(make_report(tmp_path / "x.html", str(corpus), str(named)))
    page = watched.page
    for n in (0, 1):
        page.click(f'#doc-index tbody tr[data-n="{n}"]')
        for card in page.query_selector_all("#claim-list .claim"):
            card.click()
        for mark in page.query_selector_all("#doc-text .mk"):
            mark.hover()
            mark.click()
        assert HOSTILE in page.text_content("#doc-text")  # shown, as text
    page.select_option("#f-outlet", " ".join(record["meta"]["outlet"].split()))
    page.fill("#f-speaker", "<script>")
    page.click("#f-clear")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("""() => ({
        scripts: document.scripts.length,
        foreign: document.querySelectorAll('img, iframe, object, embed, a[href^="javascript"]')
            .length,
        handlers: Array.from(document.querySelectorAll('*')).filter(n =>
            Array.from(n.attributes).some(a => a.name.startsWith('on'))).length,
        links: Array.from(document.links).map(a => a.protocol),
    })""") == {"scripts": 2, "foreign": 0, "handlers": 0, "links": []}
    assert page.text_content("#doc-head h2") == str(named)


def test_csp_blocks_injected_script(tmp_path: Path, open_page) -> None:
    watched = open_page(make_report(tmp_path / "seed.html", str(SEED)))
    watched.page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }""")
    assert watched.page.evaluate("typeof window.__injected") == "undefined"
    assert any("Content Security Policy" in m for m in watched.console)
    watched.console.clear()  # the expected violation report; nothing else may appear


# --- scale -----------------------------------------------------------------------------------


def test_large_corpus_stays_usable(tmp_path: Path, open_page) -> None:
    """SCALE copies of the seed article (ids and outlets differ), reported from claimx
    JSONL output as a large run would be: loads, filters, pages and opens documents."""
    text = SEED.read_text(encoding="utf-8").lstrip("\ufeff")
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    template = extracted(str(one))[0]
    corpus, claims = tmp_path / "corpus.jsonl", tmp_path / "claims.jsonl"
    with corpus.open("w", encoding="utf-8") as c, claims.open("w", encoding="utf-8") as o:
        for i in range(SCALE):
            meta = {"outlet": OUTLETS[i % len(OUTLETS)]}
            c.write(json.dumps({"id": f"d{i}", "text": text, "meta": meta},
                               ensure_ascii=False) + "\n")
            o.write(json.dumps(dict(template, path=str(corpus), document_id=f"d{i}", line=i + 1),
                               ensure_ascii=False) + "\n")
    started = time.monotonic()
    html = make_report(tmp_path / "big.html", str(claims), "--text-from", str(tmp_path),
                       "--max-documents", str(SCALE))  # every document on the page
    built = time.monotonic() - started
    started = time.monotonic()
    watched = open_page(html, timeout=120_000)
    loaded = time.monotonic() - started
    page = watched.page
    per_doc = len(template["claims"])
    pages = -(-SCALE // 50)
    assert page.text_content("#page-info") == f"Page 1 of {pages}"
    assert page.eval_on_selector_all("#doc-index tbody tr", "ns => ns.length") == min(50, SCALE)
    started = time.monotonic()
    page.select_option("#f-outlet", OUTLETS[1])
    page.select_option("#f-stance", "deny")
    filtered = time.monotonic() - started
    n_outlet = len(range(1, SCALE, len(OUTLETS)))
    deny = sum(c["stance"] == "deny" for c in template["claims"])
    assert page.text_content("#match-count") == (
        f"{n_outlet} of {SCALE} documents, {n_outlet * deny} claims")
    while not page.is_disabled("#next-page"):  # the last page is reachable...
        page.evaluate("document.getElementById('next-page').click()")
    page.click("#doc-index tbody tr:last-child")  # ...and its documents open
    last = SCALE - 1 - ((SCALE - 1 - 1) % len(OUTLETS))
    assert page.text_content("#doc-head h2") == f"d{last}"
    assert page.eval_on_selector_all("#claim-list .claim", "ns => ns.length") == per_doc
    assert_page_shows(page, text, template["claims"])
    print(f"\n{SCALE} documents: report built in {built:.1f} s, "
          f"{html.stat().st_size / 1e6:.0f} MB, loaded in {loaded:.1f} s, "
          f"filtered in {filtered:.2f} s")
    assert loaded < 60 and filtered < 5
