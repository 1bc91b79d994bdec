"""claimx on a Dask cluster: the ``--engine dask`` runner and helpers for Dask collections.

Needs the ``dask`` extra (``uv sync --extra dask`` in a clone; see the README's install
section), and claimx installed on every worker. Nothing here is imported unless Dask is
asked for.

Three ways in, all running the same per-document function as the local engine
(:func:`claimx.corpus.batch.extract_item`), so results are identical whatever runs them:

* ``claimx extract CORPUS --engine dask [--scheduler tcp://HOST:8786]`` streams the
  corpus to the cluster in partitions of records and writes the documents in
  input order, exactly as ``--jobs 1`` would (:func:`extract_many_dask`). With no
  scheduler a :class:`~dask.distributed.LocalCluster` of ``--jobs`` single-threaded
  worker processes is started for the run.
* :func:`extract_bag` maps claimx over a ``dask.bag`` of texts or JSON records::

      import dask.bag as db, json
      from claimx.corpus.distributed import extract_bag

      records = db.read_text("archive/*.jsonl").map(json.loads)
      extract_bag(records, text_field="body", id_field="url") \\
          .map(json.dumps, ensure_ascii=False).to_textfiles("claims/part-*.jsonl")

  :func:`extract_jsonl_partitions` does exactly that, reading and writing JSONL
  partitions on storage every worker can see.
* :func:`extract_dataframe` maps claimx over a Dask (or pandas) dataframe with a
  text column and returns one row per claim, with the CSV columns of
  ``claimx extract --format csv`` (needs ``dask[dataframe]``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from claimx.corpus.batch import (
    CHUNK_DOCS,
    CHUNKS_PER_WORKER,
    EngineError,
    Render,
    Result,
    Submitter,
    chunked,
    extract_chunk,
    extract_item,
    ordered_results,
)
from claimx.corpus.tempfiles import remove, temporary_folder
from claimx.io.items import InputError, InputItem, InputText
from claimx.io.records import (
    DEFAULT_ID_FIELD,
    DEFAULT_TEXT_FIELD,
    JsonLineError,
    load_json_line,
    record_id,
)
from claimx.model import Document

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas
    from dask.distributed import Client


def extract_many_dask(
    items: Iterable[InputItem],
    scheduler: str | None = None,
    workers: int | None = None,
    chunksize: int | None = None,
    client: Client | None = None,
    render: Render | None = None,
) -> Iterator[Result]:
    """Like :func:`claimx.corpus.batch.extract_many`, on a Dask cluster: one result per input,
    in input order, with a bounded number of partitions in flight.

    Uses ``client`` if given, else connects to ``scheduler``, else starts a local
    cluster of ``workers`` processes (closed again when the generator ends).
    A document that kills its worker is reported as an :class:`InputError`. With
    ``render``, workers send back output text (:class:`~claimx.corpus.batch.Rendered`).
    """
    with (
        _interrupts_in_finalizers() as check_interrupt,
        _quiet_dask_logs(),
        contextlib.ExitStack() as stack,
    ):
        if client is None:
            client = _connect(stack, scheduler, workers)
        runner = _DaskSubmitter(client, render)
        threads = sum(client.nthreads().values()) or 1
        for result in ordered_results(
            runner,
            chunked(items, max_docs=chunksize or CHUNK_DOCS),
            window=threads * CHUNKS_PER_WORKER,
            is_crash=_is_killed_worker,
        ):
            check_interrupt()
            yield result
        check_interrupt()


def _connect(stack: contextlib.ExitStack, scheduler: str | None, workers: int | None) -> Client:
    """A client of ``scheduler``, or of a local cluster started (and later closed) here.

    Ctrl-C is held back while a local cluster starts or stops: interrupting Dask
    half-way leaves worker processes behind; it takes effect right after. The client
    is not made Dask's default: claimx submits to it explicitly, and the caller's own
    computations keep their scheduler.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            asyncio.run(_probe(scheduler, CONNECT_SECONDS))
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (TimeoutError, OSError, ValueError, TypeError) as exc:
            detail = " ".join(str(exc).split()) or "no answer in time"
            message = f"cannot connect to the Dask scheduler {scheduler}: {detail}"
            raise EngineError(message) from None
        stack.callback(_close, client)
        return client
    import dask

    # Every Dask server (scheduler, nanny, worker) makes a dask-scratch-space folder that
    # Dask never removes: they all go into one of claimx's, removed once they stop.
    scratch = temporary_folder("dask")
    stack.callback(remove, scratch)
    with (_deferred_interrupts(), _children_ignore_sigint(),
          dask.config.set({"temporary-directory": scratch})):
        cluster = LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            # The scheduler serves HTTP even without a dashboard, on port 8787 unless given
            # another: a second cluster on the machine would print a warning about it.
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.CRITICAL,
            local_directory=scratch,
        )
        stack.callback(_close, cluster)
        client = Client(cluster, set_as_default=False)
        stack.callback(_close, client)
    return client


CONNECT_SECONDS = 20
CONNECT_TIMEOUT = f"{CONNECT_SECONDS}s"


async def _probe(address: str, seconds: float) -> None:
    """Ask ``address`` who it is, every step bounded by ``seconds``.

    ``Client`` waits far past its own timeout on a port where something listens but
    never answers, and a client whose construction failed still blocks the interpreter's
    exit while it closes: so no client is made until a scheduler has answered here.
    """
    from distributed.comm import connect

    comm = await asyncio.wait_for(connect(address, timeout=seconds), seconds)
    try:
        await asyncio.wait_for(comm.write({"op": "identity", "reply": True}), seconds)
        reply = await asyncio.wait_for(comm.read(), seconds)
    finally:
        comm.abort()
    if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
        raise ValueError("something answers there, but it is not a Dask scheduler")


def _close(resource: Any) -> None:
    with _deferred_interrupts(), contextlib.suppress(Exception):
        resource.close()


@contextlib.contextmanager
def _deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT until the block is done, then raise ``KeyboardInterrupt`` if one came."""
    received: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    except ValueError:  # not the main thread: nothing to defer
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


@contextlib.contextmanager
def _children_ignore_sigint() -> Iterator[None]:
    """Start the local cluster's processes with SIGINT ignored.

    Ctrl-C goes to the whole process group: a Dask nanny or worker caught by it prints
    dozens of lines of tracebacks. An ignored signal stays ignored across fork and exec
    (and Python then installs no handler of its own), so the processes started here never
    see it; claimx stops them itself when interrupted. The price: a Ctrl-C during these
    one or two seconds of start-up is ignored by claimx too (it cannot be held: Dask's
    threads would take it), and a second one is needed.
    """
    try:
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to do
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


@contextlib.contextmanager
def _interrupts_in_finalizers() -> Iterator[Callable[[], None]]:
    """A Ctrl-C that lands while a Dask future is being finalised (``Future.__del__``) is
    raised there, where Python can only print it as "Exception ignored" with a traceback
    and then loses it. Keep it instead; the check this yields raises it again (the same
    class, so that SIGTERM still ends as SIGTERM) where the run can stop."""
    previous = sys.unraisablehook
    caught: list[type[BaseException]] = []

    def hook(unraisable: Any) -> None:
        if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
            caught.append(unraisable.exc_type)
        else:
            previous(unraisable)

    def check() -> None:
        if caught:
            raise caught[0]  # SIGTERM's own KeyboardInterrupt stays itself: exit 143

    sys.unraisablehook = hook
    try:
        yield check
    finally:
        sys.unraisablehook = previous


@contextlib.contextmanager
def _quiet_dask_logs() -> Iterator[None]:
    """Dask logs errors of its own while a run is cut short (e.g. results no longer
    wanted); claimx reports what matters itself, one line each."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


class _DaskSubmitter(Submitter):
    def __init__(self, client: Client, render: Render | None) -> None:
        self._client = client
        self._render = render

    def submit(self, chunk: list[InputItem]) -> Future[list[Result]]:
        future = self._client.submit(extract_chunk, chunk, self._render, pure=False)
        return future  # type: ignore[no-any-return]

    def restart(self) -> None:
        """Dask replaces dead workers itself."""


def _is_killed_worker(exc: BaseException) -> bool:
    from distributed.scheduler import KilledWorker

    return isinstance(exc, KilledWorker)


# --- Dask collections ---------------------------------------------------------------


def extract_record(
    record: str | dict[str, Any],
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    source: str = "-",
) -> dict[str, Any]:
    """One text (``str``) or JSON record (``dict``) to a claimx document as a dict;
    ``source`` names where it came from (a file path).

    A record that cannot be processed gives a failure record (``error`` set, ``claims``
    empty) instead of raising, so one bad record never fails a whole computation.
    """
    from claimx.io.render import failure_dict

    item = _to_item(record, text_field, id_field, source)
    result = extract_item(item)
    if isinstance(result, Document):
        return result.to_dict()
    return failure_dict(result)


def _to_item(record: Any, text_field: str, id_field: str, source: str = "-") -> InputItem:
    if isinstance(record, str):
        return InputText(source, record) if record.strip() else InputError(
            source, "text contains only whitespace"
        )
    if not isinstance(record, dict):
        return InputError(source, f"expected a text or a JSON object, not {type(record).__name__}")
    if _PARSE_ERROR in record:
        return InputError(source, record[_PARSE_ERROR])
    doc_id = record_id(record.get(id_field))
    text = record.get(text_field)
    if not isinstance(text, str):
        reason = "missing" if text_field not in record else "not a string"
        return InputError(source, f"field {text_field!r} is {reason}", id=doc_id)
    if not text.strip():
        return InputError(source, "text contains only whitespace", id=doc_id)
    return InputText(source, text, id=doc_id)


def extract_bag(
    bag: dask.bag.Bag,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
) -> dask.bag.Bag:
    """Map claimx over a bag of texts or records: a bag of document dicts (same JSON as
    ``claimx extract --format jsonl``; failed records carry an ``error`` key)."""
    return bag.map(extract_record, text_field=text_field, id_field=id_field)


def extract_jsonl_partitions(
    inputs: str | list[str],
    output: str,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    blocksize: int | str | None = "32MiB",
    compute: bool = True,
) -> Any:
    """Read JSONL files in partitions on the workers, extract, write JSONL partitions.

    ``inputs`` and ``output`` are paths or globs every worker can reach (a shared
    file system or object storage); ``output`` names the partitions with a ``*``
    (``"claims/part-*.jsonl"``). Each output record's ``path`` is its input file;
    lines that are not JSON objects become error records. Runs on the current Dask
    client, if any. Returns the written paths (or the delayed write when ``compute``
    is false).
    """
    import dask.bag as db

    lines = db.read_text(inputs, blocksize=blocksize, include_path=True)
    docs = lines.filter(lambda pair: pair[0].strip()).map(_extract_line, text_field, id_field)
    text = docs.map(json.dumps, ensure_ascii=False)
    return text.to_textfiles(output, compute=compute, encoding="utf-8")


def _extract_line(pair: tuple[str, str], text_field: str, id_field: str) -> dict[str, Any]:
    line, path = pair
    return extract_record(_parse_line(line), text_field, id_field, source=path)


def _parse_line(line: str) -> Any:
    """The record of one line, or a record naming why it is unusable: the same reading
    (and the same failures, line by line) as ``claimx extract``."""
    try:
        return load_json_line(line)
    except JsonLineError as exc:
        return {_PARSE_ERROR: str(exc)}


_PARSE_ERROR = "_claimx_error"


def extract_dataframe(
    df: dask.dataframe.DataFrame | pandas.DataFrame,
    text_column: str = DEFAULT_TEXT_FIELD,
    id_column: str | None = None,
) -> Any:
    """One row per claim for a dataframe of texts, in the CSV columns of claimx
    (``document_id`` is the id column's value, else the row index) and ``error``, set
    on the single row of a text that could not be processed. Works on a Dask
    dataframe (lazily, partition by partition) or a pandas one (at once)."""
    import pandas as pd

    if isinstance(df, pd.DataFrame):
        return claims_frame(df, text_column, id_column)
    return df.map_partitions(
        claims_frame, text_column, id_column, meta=claims_frame(df._meta, text_column)
    )


def claims_frame(
    df: pandas.DataFrame, text_column: str = DEFAULT_TEXT_FIELD, id_column: str | None = None
) -> pandas.DataFrame:
    """:func:`extract_dataframe` on one pandas partition."""
    import pandas as pd

    from claimx.io.render import CSV_COLUMNS, claim_rows, failure_row

    rows: list[list[Any]] = []
    ids = df[id_column] if id_column is not None else df.index
    for doc_id, text in zip(ids, df[text_column], strict=True):
        item = _to_item({"text": text, "id": str(doc_id)}, "text", "id")
        result = extract_item(item)
        if isinstance(result, Document):
            rows.extend(claim_rows(result))
        else:
            rows.append(failure_row(result))
    frame = pd.DataFrame(rows, columns=CSV_COLUMNS, dtype=object)
    for name in ("line", "sentence", *(c for c in CSV_COLUMNS if c.endswith((".start", ".end")))):
        frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
    for name in ("negated", "direct_quote"):
        frame[name] = frame[name].map({"true": True, "false": False}).astype("boolean")
    return frame
