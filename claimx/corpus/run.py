"""A corpus run: every input read, extracted or read back, one outcome per document in
input order.

Inputs are what ``claimx extract`` reads (text files, folders, JSONL corpora, standard
input). Where a run reads claimx's own JSON or JSONL output back (``speakers``, ``claims``,
``report``), those files give their documents as they were extracted, and the raw inputs
between them are extracted in runs, one engine run (one worker pool) each. A failed input
is an outcome in its place, never the end of the run.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from claimx.io.inputs import InputFormat
from claimx.io.items import STDIN, InputError, InputItem, InputText

if TYPE_CHECKING:
    from claimx.corpus.batch import Rendered, Result
    from claimx.corpus.progress import ProgressBar, RunStats
    from claimx.model import Document

Render = Callable[["Document"], Any]


class Engine(StrEnum):
    """Where documents are extracted: local processes, or a Dask cluster."""

    local = "local"
    dask = "dask"


def dask_available() -> bool:
    """Whether the Dask engine can start (its ``distributed`` package is installed)."""
    import importlib.util

    try:
        return importlib.util.find_spec("distributed") is not None
    except (ImportError, ValueError):
        return False


class Reading(NamedTuple):
    """How inputs are read: the ``claimx extract`` reading options."""

    input_format: InputFormat = InputFormat.auto
    glob: str | None = None
    text_field: str = "text"
    id_field: str = "id"
    max_chars: int = 0  # a longer document is a reported failure; 0: no limit
    encoding: str | None = None


class Workers(NamedTuple):
    """Who extracts: the engine, its number of workers, its cluster, its task size."""

    engine: Engine = Engine.local
    jobs: int = 1
    scheduler: str | None = None
    chunk_size: int | None = None


class Place(NamedTuple):
    nbytes: int
    source: str
    line: int | None


class CorpusReader:
    """The input stream, remembering each item's size and place in order, so that results
    (which come back in input order, one per item) can be matched to what was read."""

    def __init__(self, sources: list[str], reading: Reading) -> None:
        self.sources = sources
        self.reading = reading
        self.places: deque[Place] = deque()

    def __iter__(self) -> Iterator[InputItem]:
        from claimx.io.textio import read_corpus

        reading = self.reading
        for item in read_corpus(self.sources, input_format=reading.input_format,
                                glob=reading.glob, text_field=reading.text_field,
                                id_field=reading.id_field, encoding=reading.encoding):
            self.places.append(Place(item.nbytes, item.source, item.line))
            _warn_without_arabic(item)
            yield _within_limit(item, reading.max_chars)

    def total_bytes(self) -> int | None:
        return corpus_bytes(self.sources, self.reading)


def corpus_bytes(sources: list[str], reading: Reading) -> int | None:
    """The bytes the inputs hold, for a progress bar; ``None`` when unknown."""
    from claimx.io.inputs import corpus_size

    return corpus_size(sources, input_format=reading.input_format, glob=reading.glob)


def _warn_without_arabic(item: InputItem) -> None:
    """English text or stray markup is processed, but the user is told why it gives
    nothing useful."""
    from claimx.io.decode import has_arabic_letters
    from claimx.io.items import print_note

    if isinstance(item, InputText) and not has_arabic_letters(item.text):
        print_note(f"{item.where}: no Arabic letters; claimx reads Arabic news text")


def _within_limit(item: InputItem, max_chars: int) -> InputItem:
    """A document over the limit becomes a reported error, never a silently cut text."""
    if max_chars and isinstance(item, InputText) and len(item.text) > max_chars:
        message = (f"{len(item.text):,} characters, more than --max-chars {max_chars:,}; "
                   "skipped")
        return InputError(item.source, message, item.line, item.id, item.nbytes)
    return item


class ReadBackFailure(NamedTuple):
    """A record of claimx output that gives no document (malformed, or a failure record
    of the run that wrote it); ``message`` already says where."""

    source: str
    message: str

    def __str__(self) -> str:
        return self.message


class Outcome(NamedTuple):
    """One document's result: a document (extracted, or read back from claimx output),
    its rendering by a worker, or a failure, with where it was read from."""

    result: Document | Rendered | InputError | ReadBackFailure
    nbytes: int = 0
    source: str = STDIN
    line: int | None = None
    read_back: bool = False

    @property
    def failed(self) -> bool:
        return isinstance(self.result, InputError | ReadBackFailure)

    @property
    def claims(self) -> int:
        from claimx.corpus.batch import Rendered

        if isinstance(self.result, Rendered):
            return self.result.claims
        return 0 if self.failed else len(self.result.claims)  # type: ignore[union-attr]

    def failure_record(self) -> dict[str, Any]:
        """The record that stands for a failed input in machine output."""
        from claimx.io.render import failure_dict
        from claimx.model import failure_record

        if isinstance(self.result, InputError):
            return failure_dict(self.result)
        source = self.source
        return failure_record(source, source, None, str(self.result))


def run_corpus(sources: list[str], reading: Reading, workers: Workers, *,
               render: Render | None = None, read_back: bool = False) -> Iterator[Outcome]:
    """Every document of ``sources``, in input order. ``render`` runs where a document is
    extracted (only its result travels back); with ``read_back``, claimx output files are
    read back instead of extracted. Close the iterator to stop the workers early."""
    if read_back:
        from claimx.io.readback import is_claimx_output

        runs = input_runs(sources, is_claimx_output)
    else:
        runs = [(False, sources)] if sources else []
    for is_output, group in runs:
        if is_output:
            for path in group:
                yield from _read_back(path)
        else:
            yield from _extracted(CorpusReader(group, reading), workers, render)


def input_runs(paths: list[str], is_output: Callable[[str], bool]
               ) -> list[tuple[bool, list[str]]]:
    """The paths in order, in runs of claimx output files and of other inputs."""
    runs: list[tuple[bool, list[str]]] = []
    for path in paths:
        kind = is_output(path)
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(path)
        else:
            runs.append((kind, [path]))
    return runs


def extract_results(items: Iterable[InputItem], workers: Workers,
                    render: Render | None = None) -> Iterator[Result]:
    """One result per input of ``items``, in order, from the engine ``workers`` names."""
    if workers.engine is Engine.dask:
        from claimx.corpus.distributed import extract_many_dask

        return extract_many_dask(items, scheduler=workers.scheduler, workers=workers.jobs,
                                 chunksize=workers.chunk_size, render=render)
    from claimx.corpus.batch import extract_many

    return extract_many(items, jobs=workers.jobs, chunksize=workers.chunk_size, render=render)


def _extracted(corpus: CorpusReader, workers: Workers, render: Render | None
               ) -> Iterator[Outcome]:
    results = extract_results(corpus, workers, render)
    with contextlib.closing(results):
        for result in results:
            place = corpus.places.popleft() if corpus.places else Place(0, STDIN, None)
            yield Outcome(result, place.nbytes, place.source, place.line)


def _read_back(path: str) -> Iterator[Outcome]:
    """claimx output: the claims as they were extracted (a large run need not be
    repeated); a bad record or a failure record is a failure in its place."""
    from claimx.io.readback import read_documents

    failures: deque[str] = deque()
    for doc in read_documents(path, failures.append):
        while failures:
            yield Outcome(ReadBackFailure(path, failures.popleft()), source=path,
                          read_back=True)
        yield Outcome(doc, source=path, read_back=True)
    while failures:
        yield Outcome(ReadBackFailure(path, failures.popleft()), source=path, read_back=True)


def counted(outcomes: Iterator[Outcome], stats: RunStats, on_failure: Callable[[str], None],
            bar: ProgressBar | None = None) -> Iterator[Outcome]:
    """``outcomes`` as they come, each failure told to ``on_failure`` in one line, each
    outcome counted in ``stats`` (and drawn on ``bar``) once its consumer is done with it."""
    with contextlib.closing(outcomes):
        for outcome in outcomes:
            if outcome.failed:
                on_failure(str(outcome.result))
            yield outcome
            stats.add(nbytes=outcome.nbytes, claims=outcome.claims, failed=outcome.failed)
            if bar is not None:
                bar.update()
