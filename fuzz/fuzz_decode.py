"""Fuzz claimx's input path: raw bytes → decoding → extraction → JSON → JSON Schema.

Each input is read the ways the CLI reads it:

* as a text file or standard input: :func:`claimx.io.decode.decode_bytes` and
  :func:`claimx.io.textio.read_inputs` with ``-`` (which must agree, JSON on standard input
  aside: refused with the ``--text-field`` hint, or read as a JSON file's articles);
* as JSONL on standard input (``read_corpus(..., input_format="jsonl")``), when the
  installed claimx has JSONL input;
* as the id of a JSONL record (raw between the quotes, and as a JSON string), as an extra
  field of the record's envelope, and as a file name in a folder (issue 12): one item per
  line whatever they hold, and the source and id written as JSON or shown on a terminal
  are valid UTF-8 with no raw control character.

A clean :class:`~claimx.io.items.InputError` (binary data, undecodable bytes, a malformed
JSONL line) is not a crash. A crash is any exception escaping claimx, or a broken
invariant: an error message over several lines, a decoded text that starts with a BOM or
cannot be written as UTF-8, or any invariant of
``tests/extraction/test_properties.py`` on the decoded text (token and span offsets, JSON
round trip, schema validation, determinism).

Usage (see fuzz/README.md)::

    uv run python fuzz/fuzz_decode.py --seconds 60          # atheris if installed, else hypothesis
    uv run python fuzz/fuzz_decode.py --engine hypothesis --seconds 60
    uv run python fuzz/fuzz_decode.py fuzz/crashes/crash-*.bin   # replay inputs

It prints the number of executions and exits 0, or 1 after writing the crashing input
to ``fuzz/crashes/``. Known bugs (each pinned by an xfail regression test in
``tests/extraction/test_regressions.py``) are counted but do not fail the run unless ``--strict``.
"""

from __future__ import annotations

import argparse
import ast
import atexit
import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

FUZZ_DIR = Path(__file__).resolve().parent
ROOT = FUZZ_DIR.parent
SEEDS = FUZZ_DIR / "seeds"
CRASHES = FUZZ_DIR / "crashes"
DICTIONARY = FUZZ_DIR / "claimx.dict"
PROPERTIES = ROOT / "tests" / "extraction" / "test_properties.py"
SOURCE = "-"
DEFAULT_MAX_LEN = 4096


# --- known bugs -----------------------------------------------------------------------


@dataclass(frozen=True)
class KnownBug:
    """A bug already pinned by an xfail regression test: counted, not reported again."""

    test: str
    matches: Callable[[BaseException], bool]


def _notes(exc: BaseException) -> str:
    return "\n".join(getattr(exc, "__notes__", ()))


KNOWN_BUGS: list[KnownBug] = []


def known_bug(exc: BaseException) -> KnownBug | None:
    return next((bug for bug in KNOWN_BUGS if bug.matches(exc)), None)


# --- the target -----------------------------------------------------------------------


@dataclass
class Stats:
    executions: int = 0
    texts: int = 0
    claims: int = 0
    errors: int = 0
    known: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        known = ", ".join(f"{n}× {name}" for name, n in self.known.items()) or "none"
        return (
            f"{self.executions} executions: {self.texts} decoded texts, {self.claims} claims, "
            f"{self.errors} clean input errors; known bugs hit: {known}"
        )


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Tag any exception with the stage it came from (shown in crash reports)."""
    try:
        yield
    except BaseException as exc:
        exc.add_note(f"stage: {name}")
        raise


class Target:
    """One execution: every reading of ``data`` the CLI can do, and every invariant."""

    def __init__(self, checks: ModuleType, strict: bool) -> None:
        from claimx.io import decode, items, textio

        self.checks = checks
        self.decode = decode
        self.items = items
        self.textio = textio
        self.read_corpus = getattr(textio, "read_corpus", None)
        self.strict = strict
        self.stats = Stats()
        self.folder = tempfile.mkdtemp(prefix="claimx-fuzz-")
        atexit.register(shutil.rmtree, self.folder, True)

    def check_names(self, item: Any) -> None:
        """Source and id as JSON, CSV and terminal text: valid UTF-8, no raw control."""
        from claimx.io.render import to_jsonl_line
        from claimx.io.safety import escaped
        from claimx.model import Document

        doc_id = item.doc_id if isinstance(item, self.items.InputText) else item.id
        doc = Document(text=ARTICLE, source=item.source, id=doc_id)
        line = to_jsonl_line(doc)
        line.encode("utf-8")
        assert not RAW_CONTROL.search(line), f"raw control in JSON: {line!r}"
        for name in (item.source, doc_id or "", str(item)):
            assert not RAW_CONTROL.search(escaped(name)), f"raw control shown: {name!r}"
            escaped(name).encode("utf-8")

    def __call__(self, data: bytes) -> None:
        self.stats.executions += 1
        try:
            self.run(data)
        except Exception as exc:
            bug = None if self.strict else known_bug(exc)
            if bug is None:
                raise
            self.stats.known[bug.test] = self.stats.known.get(bug.test, 0) + 1

    def _read_as_json(self, via_stdin: list[object], data: bytes) -> bool:
        """JSON on standard input that is not JSONL with a text field: one line naming
        --text-field (JSONL with the text elsewhere), or its articles as a JSON file gives
        them."""
        if len(via_stdin) == 1 and "--text-field" in getattr(via_stdin[0], "message", ""):
            return True
        fields = (self.textio.DEFAULT_TEXT_FIELD, self.textio.DEFAULT_ID_FIELD)
        return via_stdin == list(self.textio.articles(io.BytesIO(data), SOURCE, fields))

    def run(self, data: bytes) -> None:
        textio = self.textio
        notes: list[str] = []
        with stage("decode_bytes"):
            item = self.decode.decode_bytes(data, SOURCE, note=notes.append)
        with stage("read_inputs(stdin)"):
            via_stdin = list(textio.read_inputs([SOURCE], stdin=io.BytesIO(data), note=None))
            if via_stdin != [item]:  # standard input that is plainly JSONL is read as JSONL
                as_jsonl = list(self.read_corpus([SOURCE], input_format="jsonl",
                                                 stdin=io.BytesIO(data)))
                assert via_stdin == as_jsonl or self._read_as_json(via_stdin, data), (
                    f"stdin reading differs: {via_stdin!r} != {item!r}")
        for note in notes:
            assert isinstance(note, str) and _one_line(note), f"note is not one line: {note!r}"
        with stage("text"):
            self.check_item(item)
        if self.read_corpus is not None:
            with stage("jsonl"):
                stream = io.BytesIO(data)
                for record in self.read_corpus([SOURCE], input_format="jsonl", stdin=stream):
                    self.check_item(record)
            with stage("jsonl id and envelope"):
                self.check_envelopes(data)
            with stage("file name"):
                self.check_file_name(data)

    def check_envelopes(self, data: bytes) -> None:
        """The bytes as a JSONL id (raw inside the quotes, and as a JSON string) and as an
        extra field of the envelope: each line gives one item, the good lines around it
        are untouched, and what is written of it is safe (issue 12)."""
        text = ARTICLE.encode("utf-8")
        flat = data.replace(b"\n", b" ").replace(b"\r", b" ")
        as_string = json.dumps(data.decode("utf-8", "surrogateescape")).encode("utf-8")
        lines = [
            b'{"id": "' + flat + b'", "text": "' + text + b'"}',
            b'{"id": ' + as_string + b', "text": "' + text + b'"}',
            b'{"id": "e", "text": "' + text + b'", "extra": ' + flat + b"}",
        ]
        good = b'{"id": "good", "text": "' + text + b'"}'
        for line in lines:
            stream = io.BytesIO(b"\n".join([good, line, good]) + b"\n")
            items = list(self.read_corpus([SOURCE], input_format="jsonl", stdin=stream))
            assert len(items) == 3, f"{len(items)} items for 3 lines"
            assert [i.doc_id for i in (items[0], items[2])] == ["good", "good"], items
            self.check_item(items[1], full=False)

    def check_file_name(self, data: bytes) -> None:
        """The bytes as a file name: read, named in valid UTF-8, shown without raw controls."""
        name = b"f" + data[:200].replace(b"/", b"_").replace(b"\x00", b"_") + b".txt"
        path = os.path.join(os.fsencode(self.folder), name)
        try:
            with open(path, "wb") as handle:
                handle.write(ARTICLE.encode("utf-8"))
        except OSError:
            return  # a name the file system refuses
        try:
            items = list(self.read_corpus([self.folder], note=None))
        finally:
            os.unlink(path)
        assert len(items) == 1, items
        self.check_item(items[0], full=False)

    def check_item(self, item: Any, full: bool = True) -> None:
        """An error is one line; a text is checked by every invariant (``full``) or, when
        only its names are new, by what is written of its source and id."""
        items = self.items
        self.check_names(item)
        if isinstance(item, items.InputError):
            self.stats.errors += 1
            assert isinstance(item.message, str) and item.message, item
            assert _one_line(item.message), f"error message is not one line: {item.message!r}"
            assert _one_line(str(item)), f"error line is not one line: {str(item)!r}"
            return
        assert isinstance(item, items.InputText), f"unexpected item {item!r}"
        text = item.text
        assert not text.startswith("\ufeff"), "decoded text starts with a byte-order mark"
        assert text.strip(), "decoded text is empty or whitespace"
        text.encode("utf-8")  # the CLI writes it (and offsets into it) as UTF-8
        self.stats.texts += 1
        if not full:
            return
        out = self.checks.check_extract(text, source=item.source)
        json.dumps(out, ensure_ascii=False).encode("utf-8")
        self.stats.claims += len(out["claims"])


ARTICLE = "قال الوزير إن الطريق مغلق."
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _one_line(message: str) -> bool:
    return len(message.splitlines()) <= 1 and "\n" not in message and "\r" not in message


# --- crash files ------------------------------------------------------------------------


def save_crash(data: bytes, exc: BaseException, crashes: Path) -> Path:
    crashes.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:16]
    path = crashes / f"crash-{digest}.bin"
    path.write_bytes(data)
    report = "".join(traceback.format_exception(exc))
    path.with_suffix(".txt").write_text(
        f"input: {data!r}\n\n{report}", encoding="utf-8", errors="backslashreplace"
    )
    return path


def report_crash(data: bytes, exc: BaseException, crashes: Path, stats: Stats) -> None:
    path = save_crash(data, exc, crashes)
    print("\n=== claimx fuzz: crash ===", file=sys.stderr)
    print(f"input ({len(data)} bytes): {data[:500]!r}", file=sys.stderr)
    traceback.print_exception(exc, file=sys.stderr)
    print(f"crashing input written to {path}", file=sys.stderr)
    print(f"fuzz: {stats.summary()}", flush=True)


# --- seeds and dictionary -----------------------------------------------------------------


def load_seeds(directory: Path = SEEDS) -> list[bytes]:
    if not directory.is_dir():
        return []
    return [p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()]


def load_dictionary(path: Path = DICTIONARY) -> list[bytes]:
    """Entries of a libFuzzer dictionary (``"..."`` lines with ``\\xNN`` escapes)."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="ascii").splitlines():
        line = line.strip()
        if line.startswith('"') and line.endswith('"'):
            entries.append(ast.literal_eval("b" + line))
    return entries


# --- engines ------------------------------------------------------------------------------


def load_checks() -> ModuleType:
    """The invariant checks and text strategies of tests/extraction/test_properties.py (one
    definition)."""
    spec = importlib.util.spec_from_file_location("claimx_test_properties", PROPERTIES)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {PROPERTIES}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_atheris(args: argparse.Namespace) -> int:
    import atheris

    # Coverage feedback from claimx and the charset detector; both are imported here,
    # before anything else imports them (claimx imports them lazily).
    with atheris.instrument_imports(include=["claimx", "charset_normalizer"]):
        import charset_normalizer  # noqa: F401

        import claimx.extraction.pipeline  # noqa: F401
        import claimx.io.schema  # noqa: F401
        import claimx.io.textio  # noqa: F401
    target = Target(load_checks(), args.strict)
    deadline = time.monotonic() + args.seconds
    args.crashes.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="claimx-fuzz-corpus-"))

    def one_input(data: bytes) -> None:
        if time.monotonic() > deadline:
            print(f"fuzz: atheris: {target.stats.summary()}", flush=True)
            shutil.rmtree(work, ignore_errors=True)
            os._exit(0)
        try:
            target(data)
        except Exception as exc:
            report_crash(data, exc, args.crashes, target.stats)
            shutil.rmtree(work, ignore_errors=True)
            os._exit(1)

    # libFuzzer adds new inputs to the first corpus folder: a temporary one, so that the
    # committed seeds stay as they are.
    flags = [
        f"-max_len={args.max_len}",
        f"-timeout={args.timeout}",
        f"-artifact_prefix={args.crashes}/",
        "-print_final_stats=0",
    ]
    if DICTIONARY.is_file():
        flags.append(f"-dict={DICTIONARY}")
    corpus = [str(work), str(SEEDS)] if SEEDS.is_dir() else [str(work)]
    atheris.Setup([sys.argv[0], *flags, *args.libfuzzer, *corpus], one_input)
    atheris.Fuzz()
    return 0  # not reached: libFuzzer exits


def byte_inputs(texts: Any, seeds: list[bytes], tokens: list[bytes], max_len: int) -> Any:
    """Hypothesis strategy for raw inputs: random bytes, generated texts in many encodings,
    JSONL records, and seeds mutated with dictionary tokens."""
    from hypothesis import strategies as st

    encodings = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256",
                 "iso8859-6", "cp720", "latin-1", "cp1252"]
    encoded = st.tuples(
        texts, st.sampled_from(encodings), st.sampled_from(["replace", "ignore", "surrogatepass"])
    ).map(_encode)
    records = st.lists(
        st.tuples(texts, st.booleans(), st.one_of(st.none(), st.text(max_size=5), st.integers())),
        min_size=1,
        max_size=4,
    ).map(_jsonl)
    token = st.sampled_from(tokens) if tokens else st.binary(min_size=1, max_size=4)
    mutation = st.tuples(
        st.sampled_from(["flip", "insert", "token", "delete", "duplicate", "truncate"]),
        st.floats(0, 1),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=8),
        token,
    )
    base = st.one_of(
        st.sampled_from(seeds) if seeds else st.binary(max_size=64), encoded, records
    )
    mutated = st.tuples(base, st.lists(mutation, max_size=8)).map(_mutate)
    return st.one_of(st.binary(max_size=max_len), encoded, records, mutated).map(
        lambda data: data[:max_len]
    )


def _encode(args: tuple[str, str, str]) -> bytes:
    text, encoding, errors = args
    if errors == "surrogatepass" and not encoding.startswith("utf"):
        errors = "replace"
    return text.encode(encoding, errors)


def _jsonl(records: list[tuple[str, bool, Any]]) -> bytes:
    lines = []
    for text, ascii_only, doc_id in records:
        record = {"text": text} if doc_id is None else {"id": doc_id, "text": text}
        line = json.dumps(record, ensure_ascii=ascii_only)
        lines.append(line.encode("utf-8", "surrogatepass"))
    return b"\n".join(lines)


def _mutate(args: tuple[bytes, list[tuple[str, float, float, bytes, bytes]]]) -> bytes:
    data, mutations = args
    buf = bytearray(data)
    for op, a, b, payload, token in mutations:
        i = int(a * len(buf))
        j = min(len(buf), i + 1 + int(b * 16))
        if op == "flip" and buf:
            buf[min(i, len(buf) - 1)] ^= payload[0] or 0x80
        elif op == "insert":
            buf[i:i] = payload
        elif op == "token":
            buf[i:i] = token
        elif op == "delete":
            del buf[i:j]
        elif op == "duplicate":
            buf[i:i] = buf[i:j]
        elif op == "truncate":
            del buf[i:]
    return bytes(buf)


def run_hypothesis(args: argparse.Namespace) -> int:
    from hypothesis import HealthCheck, Phase, given, settings

    checks = load_checks()
    target = Target(checks, args.strict)
    strategy = byte_inputs(
        checks.arabic_texts(max_pieces=40), load_seeds(), load_dictionary(), args.max_len
    )
    deadline = time.monotonic() + args.seconds
    failing: list[bytes] = []

    @settings(
        max_examples=args.batch,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def batch(data: bytes) -> None:
        if time.monotonic() > deadline:
            return
        started = time.monotonic()
        try:
            target(data)
        except Exception:
            failing.append(data)
            raise
        if time.monotonic() - started > args.timeout:
            failing.append(data)
            raise TimeoutError(f"one input took over {args.timeout} s")

    while time.monotonic() < deadline:
        try:
            batch()
        except Exception as exc:  # hypothesis re-raises the shrunk failure last
            if not failing:  # the input generator itself failed: a bug of this script
                raise
            report_crash(failing[-1], exc, args.crashes, target.stats)
            return 1
    print(f"fuzz: hypothesis: {target.stats.summary()}", flush=True)
    return 0


def replay(args: argparse.Namespace) -> int:
    target = Target(load_checks(), args.strict)
    failed = 0
    for path in args.inputs:
        data = Path(path).read_bytes()
        try:
            target(data)
        except Exception as exc:
            failed += 1
            print(f"{path}: FAIL", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)
        else:
            print(f"{path}: ok")
    print(f"fuzz: replay: {target.stats.summary()}", flush=True)
    return 1 if failed else 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="fuzz_decode.py",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument("inputs", nargs="*", help="replay these input files instead of fuzzing")
    parser.add_argument("--seconds", type=float, default=60, help="time budget (default 60)")
    parser.add_argument(
        "--engine",
        choices=["auto", "atheris", "hypothesis"],
        default="auto",
        help="auto: atheris when it is installed, else hypothesis",
    )
    parser.add_argument("--max-len", type=int, default=DEFAULT_MAX_LEN, help="max input bytes")
    parser.add_argument(
        "--timeout", type=int, default=30, help="seconds one input may take (a hang is a crash)"
    )
    parser.add_argument("--batch", type=int, default=500, help="hypothesis examples per batch")
    parser.add_argument(
        "--strict", action="store_true", help="fail on known bugs too (see KNOWN_BUGS)"
    )
    parser.add_argument("--crashes", type=Path, default=CRASHES, help="where crashes are written")
    parser.add_argument(
        "--libfuzzer",
        action="append",
        default=[],
        metavar="FLAG",
        help="extra libFuzzer flag for the atheris engine (repeatable), e.g. --libfuzzer=-jobs=2",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.crashes = args.crashes.resolve()
    if args.inputs:
        return replay(args)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "hypothesis"
    print(f"fuzz: engine {engine}, {args.seconds:g} s, inputs up to {args.max_len} bytes",
          flush=True)
    if engine == "atheris":
        return run_atheris(args)
    return run_hypothesis(args)


if __name__ == "__main__":
    sys.exit(main())
