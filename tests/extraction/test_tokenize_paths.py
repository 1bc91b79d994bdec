"""The tokenizer's one-pass cut (text without emoji sequences or characters above U+FFFF),
with the class of the common code points' symbols or with the class of all of them, leaves
claimx's output byte for byte what the walk with CAMeL's pattern gives: on the seed article
and the train and dev corpora, and (marked slow) on the real news of ../shared/bench.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimx
from claimx.extraction import tokenize as tokenizer
from claimx.io.render import to_jsonl_line

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.txt"
CORPORA = {
    "train": SHARED / "corpus" / "train.jsonl",
    "dev": SHARED / "corpus" / "dev.jsonl",
}
NEWS = SHARED / "bench" / "news.jsonl.gz"
_EVERYWHERE = re.compile("")  # found in any text


def _records(path: Path) -> Iterator[tuple[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                yield record["id"], record["text"]


def _output(texts: list[tuple[str, str]]) -> list[str]:
    return [to_jsonl_line(claimx.extract(text, source=doc_id)) for doc_id, text in texts]


def _assert_paths_agree(texts: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _output(texts)
    with monkeypatch.context() as patch:
        patch.setattr(tokenizer, "_OUTSIDE_COMMON", _EVERYWHERE)  # the class of all symbols
        every_symbol = _output(texts)
    with monkeypatch.context() as patch:
        patch.setattr(tokenizer, "_SEQUENCES", _EVERYWHERE)  # every text takes the walk
        walked = _output(texts)
    assert fast == every_symbol == walked


def test_the_seed_article_is_extracted_alike_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _assert_paths_agree([("seed", SEED.read_text(encoding="utf-8"))], monkeypatch)


@pytest.mark.parametrize("name", CORPORA)
def test_the_corpora_are_extracted_alike_on_both_paths(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = CORPORA[name]
    if not path.exists():
        pytest.skip(f"{path} is not beside the repository")
    _assert_paths_agree(list(_records(path)), monkeypatch)


@pytest.mark.slow
def test_the_bench_news_is_extracted_alike_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not NEWS.exists():
        pytest.skip(f"{NEWS} is not beside the repository")
    _assert_paths_agree(list(_records(NEWS)), monkeypatch)
