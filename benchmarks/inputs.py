"""Texts for the benchmark and the pathological-input guard test (tests import this file).

Nothing here holds corpus text: the ordinary text is the repository's seed article, the
DEV passages are read from ../shared/corpus and the real news from ../shared/bench at run
time when present.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "syria-raqqa-isis-withdrawal-deal.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
# 707 whole articles of real news (5.0 MB of text), no article repeated (its README).
NEWS = ROOT.parent / "shared" / "bench" / "news.jsonl.gz"

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# Cue, speaker and an opening quotation mark, nested ever deeper; closed at the end.
_OPENERS = ("وقال المسؤول إن «", 'وأضاف أن "', "ونفى المتحدث أن “", "وأكد المصدر '", "وذكر أن (")
_CLOSERS = ("»", '"', "”", "'", ")")
_OPENERS_BARE = ("«", '"', "“", "'", "(")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def base_articles() -> list[tuple[str, str]]:
    """``(id, text)`` of the seed article and, when ../shared/corpus exists, the DEV passages."""
    articles = [("seed", seed_text())]
    if DEV.exists():
        with DEV.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    articles.append((record["id"], record["text"]))
    return articles


def corpus_articles(min_bytes: int) -> Iterator[tuple[str, str]]:
    """The base articles repeated (with unique ids) until ``min_bytes`` of UTF-8 text."""
    base = base_articles()
    size = 0
    for round_no in itertools.count():
        for doc_id, text in base:
            yield f"{doc_id}#{round_no}", text
            size += len(text.encode("utf-8"))
        if size >= min_bytes:
            return


def write_jsonl_corpus(path: Path, min_bytes: int) -> tuple[int, int]:
    """Write a JSONL corpus of at least ``min_bytes`` of text; ``(articles, text bytes)``."""
    count = size = 0
    with path.open("w", encoding="utf-8") as f:
        for doc_id, text in corpus_articles(min_bytes):
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            count += 1
            size += len(text.encode("utf-8"))
    return count, size


def write_news_corpus(path: Path, min_bytes: int | None) -> tuple[int, int, int]:
    """Write the real-news articles of ``NEWS`` as JSONL (decompressed: the way users keep
    an archive), in file order, until ``min_bytes`` of text (all of them when None). When
    more is asked than the file holds, it is repeated with fresh ids. Returns ``(articles,
    text bytes, rounds)``; rounds > 1 says the text was repeated."""
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    count = size = 0
    with path.open("w", encoding="utf-8") as out:
        for round_no in itertools.count():
            for record in records:
                if min_bytes is not None and size >= min_bytes:
                    return count, size, -(-count // len(records))
                if round_no:
                    record = {**record, "id": f"{record['id']}#{round_no}"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
                size += len(record["text"].encode("utf-8"))
            if min_bytes is None:
                return count, size, 1
    raise AssertionError("unreachable")


def ordinary(n_chars: int) -> str:
    """Ordinary news text: the seed article repeated, cut to ``n_chars``."""
    seed = seed_text()
    return (seed * (n_chars // len(seed) + 1))[:n_chars]


def no_punctuation(n_chars: int) -> str:
    """One line of the seed's Arabic words (cues included) with no punctuation at all."""
    words = _ARABIC_WORD.findall(seed_text())
    out: list[str] = []
    size = 0
    for word in itertools.cycle(words):
        out.append(word)
        size += len(word) + 1
        if size >= n_chars:
            break
    return " ".join(out)[:n_chars]


def nested_quotes(n_chars: int) -> str:
    """One line of the seed's Arabic words (cues included, as often as in the article) in
    quotations nested ever deeper, a new one opened every few words, all closed at the end."""
    words = itertools.cycle(_ARABIC_WORD.findall(seed_text()))
    parts: list[str] = []
    size = depth = 0
    while size + 3 * depth + 40 < n_chars:
        opener = _OPENERS_BARE[depth % len(_OPENERS_BARE)]
        chunk = " ".join([opener + next(words), next(words), next(words), next(words)])
        parts.append(chunk)
        size += len(chunk) + 1
        depth += 1
    closers = "".join(_CLOSERS[level % len(_CLOSERS)] for level in reversed(range(depth)))
    text = " ".join(parts) + closers + " " + next(words)
    return text.ljust(n_chars)[:n_chars]


def nested_quoted_speech(n_chars: int) -> str:
    """Reported speech nested in ever deeper quotation marks, then all closed: one
    sentence of ``n_chars`` with a cue at every level («وقال المسؤول إن «وأضاف أن "...»).
    Not one of the issue's inputs: a harsher one, with twenty times the claims of news."""
    closer_len = len(_CLOSERS[0]) + len(" قال") + 1
    parts: list[str] = []
    size = depth = 0
    while True:
        opener = _OPENERS[depth % len(_OPENERS)]
        if size + len(opener) + (depth + 1) * closer_len + 7 > n_chars:
            break
        parts.append(opener)
        size += len(opener)
        depth += 1
    closers = [_CLOSERS[level % len(_CLOSERS)] + " قال" for level in reversed(range(depth))]
    text = "".join(parts) + " الخبر " + " ".join(closers)
    return text.ljust(n_chars)[:n_chars]


def joined_emoji(n_chars: int) -> str:
    """One run of emoji joined by zero-width joiners (👨‍👨‍...), then a sentence: every
    position of the run starts a match of CAMeL's emoji pattern."""
    tail = " قال الوزير إن الطريق مغلق."
    run = "👨\u200d" * ((n_chars - len(tail)) // 2)
    return (run + tail).ljust(n_chars)[:n_chars]


# The two inputs, and a third the tokenizer once took quadratic time on; the
# benchmark holds each to 3x ordinary text.
PATHOLOGICAL = {
    "no punctuation": no_punctuation,
    "nested quotes": nested_quotes,
    "joined emoji": joined_emoji,
}
# Harsher than the issue asks: reported at its claim rate, not held to 3x ordinary text.
CLAIM_DENSE = {"nested quoted speech": nested_quoted_speech}
