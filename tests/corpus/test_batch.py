"""claimx.corpus.batch: ordered, chunked extraction on a process pool, with failures isolated."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

import claimx
from claimx.corpus import batch
from claimx.corpus.batch import chunked, extract_item, extract_many
from claimx.io.items import InputError, InputText
from claimx.model import Document

SENTENCES = [
    "قال رئيس البلدية إن الحديقة ستفتح يوم الجمعة.",
    "ونفت الشركة في بيان أنها رفعت الأسعار.",
    "وأكد المدرب لصحيفة محلية أن الفريق جاهز للمباراة.",
    "لا شيء هنا سوى وصف للطقس المشمس.",
]
needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="patching the extractor reaches workers only when they are forked",
)


def corpus(n: int = 24) -> list[InputText | InputError]:
    items: list[InputText | InputError] = []
    for i in range(n):
        if i % 7 == 3:
            items.append(InputError("c.jsonl", "malformed JSON: oops (column 1)", line=i + 1))
        else:
            text = SENTENCES[i % len(SENTENCES)]
            items.append(InputText("c.jsonl", text, id=f"d{i}", line=i + 1, nbytes=len(text)))
    return items


def as_plain(results: list[Document | InputError]) -> list[object]:
    return [r.to_dict() if isinstance(r, Document) else r for r in results]


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def test_chunks_cap_documents_and_characters() -> None:
    items = [InputText("x", "ا" * 40) for _ in range(10)]
    assert [len(c) for c in chunked(items, max_docs=4, max_chars=1000)] == [4, 4, 2]
    assert [len(c) for c in chunked(items, max_docs=100, max_chars=100)] == [3, 3, 3, 1]
    assert list(chunked([], max_docs=4)) == []


def test_item_carries_its_id_and_failures_become_errors(monkeypatch) -> None:
    doc = extract_item(InputText("c.jsonl", SENTENCES[0], id="a-1", line=3))
    assert isinstance(doc, Document) and doc.id == "a-1" and doc.source == "c.jsonl"
    from_file = extract_item(InputText("news/a.txt", SENTENCES[0]))
    assert from_file.id == "news/a.txt"  # a text file is named by its path

    def broken(text: str, source: str = "-") -> Document:
        raise ValueError("bad\nstate")

    monkeypatch.setattr(claimx, "extract", broken)
    monkeypatch.delenv("CLAIMX_DEBUG", raising=False)
    error = extract_item(InputText("c.jsonl", SENTENCES[0], id="a-1", line=3))
    assert isinstance(error, InputError)
    assert str(error) == "c.jsonl, line 3: extraction failed: ValueError: bad state"


def test_two_jobs_give_the_same_results_in_input_order() -> None:
    items = corpus()
    one = as_plain(list(extract_many(items, jobs=1)))
    two = as_plain(list(extract_many(items, jobs=2, chunksize=2)))
    assert two == one
    assert len(one) == len(items)
    assert [r.line for r in one if isinstance(r, InputError)] == [4, 11, 18]


def test_workers_can_send_back_rendered_text() -> None:
    from claimx.corpus.batch import Rendered
    from claimx.io.render import to_jsonl_line

    items = corpus()
    docs = list(extract_many(items, jobs=1))
    for jobs in (1, 2):
        rendered = list(extract_many(items, jobs=jobs, chunksize=2, render=to_jsonl_line))
        assert [r.text if isinstance(r, Rendered) else r for r in rendered] == [
            to_jsonl_line(d) if isinstance(d, Document) else d for d in docs
        ]
        assert [r.claims for r in rendered if isinstance(r, Rendered)] == [
            len(d.claims) for d in docs if isinstance(d, Document)
        ]


def test_small_input_does_not_start_a_pool(monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one chunk of work")

    monkeypatch.setattr(batch, "WorkerPool", no_pool)
    results = list(extract_many(corpus(5), jobs=4))
    assert len(results) == 5


@needs_fork
def test_a_document_that_kills_its_worker_is_the_only_failure(monkeypatch) -> None:
    real = claimx.extract

    def fatal(text: str, source: str = "-") -> Document:
        if "FATAL" in text:
            os._exit(3)  # as if the kernel's OOM killer struck
        return real(text, source=source)

    monkeypatch.setattr(claimx, "extract", fatal)
    items = corpus(12)
    items[5] = InputText("c.jsonl", "FATAL " + SENTENCES[0], id="boom", line=6)
    results = list(extract_many(items, jobs=2, chunksize=2))
    assert len(results) == 12
    failed = [r for r in results if isinstance(r, InputError)]
    assert [(r.id, r.line) for r in failed if "worker process died" in r.message] == [("boom", 6)]
    assert [r.id for r in results if isinstance(r, Document)] == [
        i.id for i in items if isinstance(i, InputText) and i.id != "boom"
    ]


def test_stopping_early_leaves_no_worker_behind() -> None:
    items = corpus(60)
    results = extract_many(items, jobs=2, chunksize=2)
    first = next(results)
    assert first is not None
    assert children_of(os.getpid()), "the pool should be running"
    results.close()
    deadline = time.monotonic() + 10
    while children_of(os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children_of(os.getpid()) == []


def test_default_jobs_is_the_usable_cpu_count() -> None:
    assert 1 <= batch.default_jobs() <= (os.cpu_count() or 1)
