"""Extraction over a whole corpus: streamed, in input order, on every core.

:func:`extract_many` turns a stream of inputs (from :func:`claimx.io.textio.read_corpus`)
into a stream of results, one per input and in the same order: a
:class:`~claimx.model.Document`, or an :class:`~claimx.io.items.InputError` for an
input that could not be read or processed. A failure never stops the stream.

With ``jobs > 1`` documents go to a pool of worker processes in chunks (a few
dozen short articles, or about 100,000 characters, per chunk) so that the
per-task overhead stays small, and at most a few chunks per worker are in
flight: memory stays flat whatever the corpus size, and a consumer that writes
results as they come sees them in input order. Small inputs (one chunk) are
extracted in-process, since starting workers would cost more than it saves.

Workers ignore SIGINT; the parent terminates them when it is interrupted or the
consumer stops early, so Ctrl-C never leaves orphan processes behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from claimx.io.items import InputError, InputItem, InputText
from claimx.model import Document

if TYPE_CHECKING:  # the process pool is imported when --jobs asks for one
    from concurrent.futures import Future, ProcessPoolExecutor

Render = Callable[[Document], str]


class Rendered(NamedTuple):
    """A document already turned into output text where it was extracted: text is
    cheaper to send between processes than a document, and the parent is left with
    nothing to do but write it."""

    text: str
    claims: int
    id: str | None = None


Result = Document | Rendered | InputError

DEBUG_ENV = "CLAIMX_DEBUG"
CHUNK_DOCS = 64  # documents per chunk at most: amortises inter-process overhead
CHUNK_CHARS = 100_000  # ... and characters per chunk: long articles still spread out
CHUNKS_PER_WORKER = 3  # in-flight chunks per worker: keeps workers busy, memory bounded
STOP_SECONDS = 5.0  # the longest any one step of stopping the workers may wait
_WORKER_DIED = "extraction failed: the worker process died (killed, or out of memory?)"


class EngineError(Exception):
    """The engine itself cannot run (e.g. a cluster that cannot be reached); one line."""


def default_jobs() -> int:
    """The CPUs this process may run on (the container's share, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def extract_item(item: InputItem) -> Result:
    """Extract one input, turning any extractor exception into an :class:`InputError`.

    The document carries the input's id (its path, or the JSONL id field). With
    ``CLAIMX_DEBUG`` set the exception propagates instead, to show its traceback.
    """
    if isinstance(item, InputError):
        return item
    import claimx

    try:
        doc = claimx.extract(item.text, source=item.source)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        return InputError(
            item.source, f"extraction failed: {describe(exc)}", item.line, item.id, item.nbytes
        )
    return dataclasses.replace(doc, id=item.doc_id, line=item.line,
                               content_type=item.content_type, date=item.date,
                               outlet=item.outlet)


def extract_chunk(items: list[InputItem], render: Render | None = None) -> list[Result]:
    """The unit of work sent to a worker process (or a Dask worker): documents, or their
    output text when ``render`` is given (e.g. :func:`claimx.io.render.to_jsonl_line`)."""
    return [_rendered(extract_item(item), render) for item in items]


def _rendered(result: Result, render: Render | None) -> Result:
    if render is None or not isinstance(result, Document):
        return result
    return Rendered(render(result), len(result.claims), result.id)


def chunked(
    items: Iterable[InputItem], max_docs: int = CHUNK_DOCS, max_chars: int = CHUNK_CHARS
) -> Iterator[list[InputItem]]:
    """Consecutive chunks of at most ``max_docs`` inputs and about ``max_chars`` characters."""
    chunk: list[InputItem] = []
    chars = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, InputText):
            chars += len(item.text)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def extract_many(
    items: Iterable[InputItem],
    jobs: int = 1,
    chunksize: int | None = None,
    render: Render | None = None,
) -> Iterator[Result]:
    """One result per input, in input order, extracted by ``jobs`` processes.

    ``jobs=1`` runs in this process. ``chunksize`` caps the documents per chunk
    (default :data:`CHUNK_DOCS`). With ``render`` (a picklable function of a
    document), documents come back as :class:`Rendered` text. Close the generator
    (or let it finish) to stop the workers; an exception or ``KeyboardInterrupt``
    inside it does so too.
    """
    if jobs <= 1:  # one document at a time, each out as soon as it is done
        for item in items:
            yield _rendered(extract_item(item), render)
        return
    chunks = chunked(items, max_docs=chunksize or CHUNK_DOCS)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:  # one chunk: a pool would cost more than it saves
        yield from extract_chunk(first, render)
        return
    with WorkerPool(jobs, render) as pool:
        yield from ordered_results(pool, _prepend([first, second], chunks), pool.window)


def _prepend(head: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from head
    yield from rest


class Submitter:
    """What :func:`ordered_results` needs from an engine: submit work, restart after a crash."""

    def submit(self, chunk: list[InputItem]) -> Future[list[Result]]:
        raise NotImplementedError

    def restart(self) -> None:
        raise NotImplementedError


def ordered_results(
    engine: Submitter,
    chunks: Iterator[list[InputItem]],
    window: int,
    is_crash: Callable[[BaseException], bool] | None = None,
) -> Iterator[Result]:
    """Keep up to ``window`` chunks in flight and yield their results in input order.

    When a worker dies (``is_crash``), every chunk still in flight is retried one
    document at a time on a fresh engine, so only the document that kills a
    worker is reported as failed and the rest of the corpus is still processed.
    """
    if is_crash is None:
        is_crash = _is_broken_pool
    pending: deque[tuple[list[InputItem], Future[list[Result]]]] = deque()
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
            else:
                pending.append((chunk, engine.submit(chunk)))
        if not pending:
            return
        chunk, future = pending.popleft()
        try:
            results = future.result()
        except BaseException as exc:
            if not is_crash(exc):
                raise
            retry = [chunk, *(c for c, _ in pending)]
            pending.clear()
            engine.restart()
            for again in retry:
                yield from _one_by_one(engine, again, is_crash)
            continue
        yield from results


def _is_broken_pool(exc: BaseException) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(exc, BrokenProcessPool)


def _one_by_one(
    engine: Submitter, chunk: list[InputItem], is_crash: Callable[[BaseException], bool]
) -> Iterator[Result]:
    for item in chunk:
        try:
            [result] = engine.submit([item]).result()
        except BaseException as exc:
            if not is_crash(exc) or isinstance(item, InputError):
                raise
            engine.restart()
            result = InputError(item.source, _WORKER_DIED, item.line, item.id, item.nbytes)
        yield result


class WorkerPool(Submitter):
    """A process pool whose workers are terminated, not awaited, when the run is cut short.

    ``fork`` is used where available: workers then inherit the loaded lexicon and
    start in milliseconds instead of re-importing CAMeL Tools.
    """

    def __init__(self, jobs: int, render: Render | None = None) -> None:
        self.jobs = jobs
        self._task = partial(extract_chunk, render=render)
        self.window = jobs * CHUNKS_PER_WORKER
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)
        if self._context.get_start_method() == "fork":
            _warm_up()
        self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=self._context, initializer=_worker_init
        )

    def submit(self, chunk: list[InputItem]) -> Future[list[Result]]:
        return self._executor.submit(self._task, chunk)

    def restart(self) -> None:
        self.terminate()
        self._executor = self._new_executor()

    def processes(self) -> list[Any]:
        """The live worker processes (``multiprocessing.Process`` objects)."""
        return list((getattr(self._executor, "_processes", None) or {}).values())

    def terminate(self) -> None:
        """Stop every worker at once and reap it, so none outlives the run; no step waits
        longer than :data:`STOP_SECONDS`."""
        workers = self.processes()
        for process in workers:
            with contextlib.suppress(Exception):
                process.terminate()
        for process in workers:
            with contextlib.suppress(Exception):
                process.join(timeout=STOP_SECONDS)
                if process.is_alive():
                    process.kill()
                    process.join(timeout=STOP_SECONDS)
        _let_manager_see_the_break(self._executor)
        with contextlib.suppress(Exception):
            self._executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
        else:  # interrupted, failed, or the consumer stopped early (GeneratorExit)
            self.terminate()


def _let_manager_see_the_break(executor: ProcessPoolExecutor) -> None:
    """Have the executor's manager thread wind the pool down as broken, and wait for it.

    Once its workers are killed, the pool must end the way a broken pool does: that path
    closes the task pipe's read end, which frees the queue feeder if it was blocked
    writing a chunk larger than the pipe's buffer. ``shutdown`` instead tells the manager
    to send the workers their stop signals and wait for the feeder, forever. The manager
    may also be blocked reading the rest of a result a worker was killed while writing:
    closing the parent's (unused) write end of the result pipe gives it end-of-file.
    Only if it still has not ended after :data:`STOP_SECONDS` is the feeder abandoned.
    """
    manager = getattr(executor, "_executor_manager_thread", None)
    if manager is None:
        return
    results = getattr(executor, "_result_queue", None)
    with contextlib.suppress(Exception):
        results._writer.close()  # type: ignore[union-attr]
    manager.join(timeout=STOP_SECONDS)
    if manager.is_alive():
        with contextlib.suppress(Exception):
            executor._call_queue.cancel_join_thread()  # type: ignore[attr-defined]


def _worker_init() -> None:
    """Ctrl-C reaches the whole process group; only the parent handles it, and stops
    the workers with SIGTERM, which must kill them outright (a forked worker would
    otherwise inherit whatever handler the parent installed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, have the kernel send SIGTERM if the parent dies without cleaning up
    (e.g. SIGKILL): an idle worker would otherwise wait for work forever."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _warm_up() -> None:
    """Load the extractor's lexicon and caches once, before forking, to share them."""
    import claimx

    with contextlib.suppress(Exception):
        claimx.extract("قال الوزير إن الجسر سيفتح.")


def describe(exc: BaseException) -> str:
    """An exception as one line: ``Type: message``."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
