"""The data a report page shows, computed in Python so the browser only builds DOM.

Each article is cut into *segments* at every span boundary, so overlapping spans
(a claim nested in another claim's content) still mark exactly their characters:
a segment knows which (claim, role) pairs cover it, and its offset in code points
(Python ``str`` indices, the offsets of claimx's JSON output). The page never
parses HTML from this data; it only sets ``textContent``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from claimx.io.render import speaker_name, speaker_text
from claimx.model import STANCES, Claim, Document, Span
from claimx.report import MAX_DOCUMENTS

# Roles in display priority: where spans overlap, the first one listed sets the look.
ROLES = ("cue", "source", "speaker", "channel", "content")
TOP_SPEAKERS = 40  # rows of the speaker summary
BAR_WIDTH = 240.0  # pixels of the stance chart's longest bar
SAFE_URL_SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class ReportDoc:
    """One document of the report, with what the extraction itself does not know.

    ``text_available`` is false when the claims were read back from JSON output and
    the article could not be found again: the claims are listed without the article.
    """

    doc: Document
    outlet: str | None = None
    url: str | None = None
    note: str | None = None
    text_available: bool = True


def build_page(docs: Iterable[ReportDoc], *, title: str, page_size: int = 50,
               max_documents: int | None = MAX_DOCUMENTS) -> dict[str, Any]:
    """Everything the template and the page's script need, as plain JSON-able data.

    ``docs`` is read once, as it comes: only the first ``max_documents`` (None: all) are
    kept for the page; every document counts in the totals, the chart and the speakers."""
    entries: list[dict[str, Any]] = []
    totals: Counter[str] = Counter()
    speakers = SpeakerTally()
    n_docs = 0
    for rd in docs:
        if max_documents is None or n_docs < max_documents:
            entries.append(_doc_entry(n_docs, rd))
        totals.update(c.stance for c in rd.doc.claims)
        speakers.add(n_docs, rd.doc.claims)
        n_docs += 1
    return {
        "title": title,
        "corpus": n_docs != 1,
        "page_size": page_size,
        "stances": list(STANCES),
        "roles": list(ROLES),
        "n_docs": n_docs,
        "shown": len(entries),
        "n_claims": sum(totals.values()),
        "stance_bars": stance_bars(totals),
        "outlets": sorted({e["outlet"] for e in entries if e["outlet"]}),
        "speakers": speakers.rows(),
        "docs": entries,
    }


def stance_bars(totals: Counter[str], width: float = BAR_WIDTH) -> list[dict[str, Any]]:
    """Bars of the stance chart: the longest bar is ``width`` pixels."""
    most = max(totals.values(), default=0)
    return [{"stance": s, "count": totals.get(s, 0),
             "width": round(width * totals.get(s, 0) / most, 1) if most else 0.0}
            for s in STANCES]


def _doc_entry(index: int, rd: ReportDoc) -> dict[str, Any]:
    doc = rd.doc
    claims = [_claim_entry(c, with_text=not rd.text_available) for c in doc.claims]
    return {
        "n": index,
        "id": doc.id if doc.id is not None else doc.source,
        "source": doc.source,
        "outlet": rd.outlet,
        "url": rd.url,
        "link": safe_url(rd.url),
        "note": rd.note,
        "has_text": rd.text_available,
        "chars": len(doc.text),
        "claims": claims,
        "segs": segments(doc.text, doc.claims) if rd.text_available else [],
    }


def _claim_entry(claim: Claim, *, with_text: bool) -> dict[str, Any]:
    """Span texts are left out when the article is on the page (the script reads them
    from its segments): that halves the size of a large report."""
    resolved = claim.source is None and claim.speaker is not None
    return {
        "id": claim.id,
        "label": claim.label,
        "stance": claim.stance,
        "negated": claim.negated,
        "quote": claim.direct_quote,
        "gloss": claim.gloss,
        "lemma": claim.lemma,
        "cue": _span(claim.cue, with_text),
        "source": _span(claim.source, with_text),
        "speaker": _span(claim.speaker, with_text),
        "resolved": resolved,
        "channel": _span(claim.channel, with_text),
        "content": _span(claim.content, with_text),
        "who": _speaker_key(claim),
        "who_en": speaker_name(claim),
    }


def _span(span: Span | None, with_text: bool) -> list[Any] | None:
    if span is None:
        return None
    return [span.start, span.end, span.text] if with_text else [span.start, span.end]


def _speaker_key(claim: Claim) -> str:
    return " ".join(speaker_text(claim).split())


def claim_marks(claim: Claim) -> list[tuple[str, Span]]:
    """The spans a claim highlights, by role; a resolved speaker only when it is not
    the written source (a dropped subject points at its antecedent)."""
    marks: list[tuple[str, Span]] = [("cue", claim.cue), ("content", claim.content)]
    if claim.source is not None:
        marks.append(("source", claim.source))
    if claim.speaker is not None and claim.speaker != claim.source:
        marks.append(("speaker", claim.speaker))
    if claim.channel is not None:
        marks.append(("channel", claim.channel))
    return marks


def segments(text: str, claims: Iterable[Claim]) -> list[list[Any]]:
    """``[start, text, [[claim index, role], ...]]`` pieces that concatenate to ``text``.

    Marks are sorted by role priority, so the page styles a piece by its first mark.
    Spans outside the text, or empty, are ignored (they cannot be shown).
    """
    marks: list[tuple[int, int, int, str]] = []
    for index, claim in enumerate(claims):
        for role, span in claim_marks(claim):
            start, end = max(0, span.start), min(len(text), span.end)
            if start < end:
                marks.append((start, end, index, role))
    starts: dict[int, list[tuple[int, int, int, str]]] = {}
    for mark in marks:
        starts.setdefault(mark[0], []).append(mark)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    active: set[tuple[int, int, int, str]] = set()
    pieces: list[list[Any]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = {m for m in active if m[1] > start} | set(starts.get(start, ()))
        covering = sorted(active, key=lambda m: (ROLES.index(m[3]), m[2]))
        pieces.append([start, text[start:end], [[m[2], m[3]] for m in covering]])
    return pieces


def speaker_summary(docs: Iterable[ReportDoc], limit: int = TOP_SPEAKERS
                    ) -> list[dict[str, Any]]:
    """Claims per speaker across the corpus (Arabic words as the key), most first."""
    tally = SpeakerTally()
    for n, rd in enumerate(docs):
        tally.add(n, rd.doc.claims)
    return tally.rows(limit)


class SpeakerTally:
    """Claims per speaker, folded a document at a time: a document is counted by the number
    of the last one seen, not kept in a set, so a corpus of any size costs one row per
    speaker."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}

    def add(self, n: int, claims: Iterable[Claim]) -> None:
        """The claims of document number ``n`` (numbers rise from one call to the next)."""
        for claim in claims:
            key = _speaker_key(claim)
            if not key:
                continue
            row = self._rows.get(key)
            if row is None:
                row = self._rows[key] = {"speaker": key, "names": Counter(), "claims": 0,
                                         "docs": 0, "last": -1, "stances": Counter(),
                                         "kinds": Counter()}
            row["claims"] += 1
            row["kinds"][claim.speaker_kind] += 1
            if row["last"] != n:
                row["docs"] += 1
                row["last"] = n
            row["stances"][claim.stance] += 1
            if name := speaker_name(claim):
                row["names"][name] += 1

    def rows(self, limit: int = TOP_SPEAKERS) -> list[dict[str, Any]]:
        ranked = sorted(self._rows.values(), key=lambda r: (-r["claims"], r["speaker"]))
        return [_speaker_row(r) for r in ranked[:limit]]


def _speaker_row(row: dict[str, Any]) -> dict[str, Any]:
    names: Counter[str] = row["names"]
    stances: Counter[str] = row["stances"]
    return {
        "speaker": row["speaker"],
        "name": names.most_common(1)[0][0] if names else "",
        "kind": row["kinds"].most_common(1)[0][0],
        "claims": row["claims"],
        "docs": row["docs"],
        "stances": ", ".join(f"{s} {stances[s]}" for s in STANCES if stances[s]),
    }


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become clickable; ``javascript:`` and the like stay text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_URL_SCHEMES else None
