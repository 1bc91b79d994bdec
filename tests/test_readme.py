"""README.md and docs/ show what claimx prints (generated samples), and the README stays short.

Every output sample in README.md and docs/*.md is a marked block that docs/samples.py fills by
running its command through the real `claimx` entry point; these tests run each command again
and compare. After a deliberate change of output: `uv run python docs/samples.py`.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAX_README_LINES = 300


def _load_samples_module():
    """docs/samples.py, which is a script beside the pages rather than a package module."""
    spec = importlib.util.spec_from_file_location("docs_samples", ROOT / "docs" / "samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


samples = _load_samples_module()
SAMPLES = samples.all_samples()


def test_the_python_example_prints_what_its_comments_say() -> None:
    [block] = re.findall(r"```python\n(import claimx\n.*?)```", README.read_text("utf-8"), re.S)
    expected = [line.split("#", 1)[1].strip() for line in block.splitlines() if "print(" in line]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - the README's own code
    assert printed.getvalue().splitlines() == expected


def test_the_readme_is_at_most_300_lines() -> None:
    lines = README.read_text("utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README.md has {len(lines)} lines"


def test_the_readme_states_the_test_command_ci_runs() -> None:
    assert "uv run pytest" in README.read_text("utf-8")
    assert "uv run pytest" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_the_readme_and_docs_hold_samples() -> None:
    assert any(sample.path == README for sample in SAMPLES)
    assert any(sample.path.parent.name == "docs" for sample in SAMPLES)


def test_every_marked_block_is_found() -> None:
    """A marker whose block the pattern misses would silently go unchecked."""
    for path in samples.documents():
        lines = path.read_text("utf-8").splitlines()
        markers = sum(line.startswith("<!-- sample") for line in lines)
        assert markers == len(samples.samples(path)), path.name


def test_the_relative_links_of_the_pages_lead_to_files() -> None:
    for path in samples.documents():
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", path.read_text("utf-8")):
            assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


@functools.cache
def _outputs() -> dict[str, str | Exception]:
    """Every runnable sample's output, the commands run a few at a time: each is a whole
    process that mostly waits on start-up, and this file runs on one test worker."""

    def attempt(sample) -> str | Exception:
        try:
            return samples.run(sample)
        except Exception as error:  # noqa: BLE001 - reported by the sample's own test
            return error

    runnable = [sample for sample in SAMPLES if not samples.unavailable(sample)]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return dict(zip([s.name for s in runnable], pool.map(attempt, runnable), strict=True))


@pytest.mark.parametrize("sample", SAMPLES, ids=[sample.name for sample in SAMPLES])
def test_the_sample_is_what_its_command_prints(sample) -> None:
    if reason := samples.unavailable(sample):
        pytest.skip(reason)
    output = _outputs()[sample.name]
    if isinstance(output, Exception):
        raise output
    assert output == sample.body, (
        f"{sample.name} is out of date: regenerate with `uv run python docs/samples.py`"
    )


def test_the_check_finds_a_stale_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check fails on a block that differs from its command; rewriting mends it."""
    page = tmp_path / "page.md"
    page.write_text(
        "<!-- sample[prompt]: claimx --version -->\n```text\nclaimx 0.0.0\n```\n", "utf-8"
    )
    monkeypatch.setattr(samples, "documents", lambda: [page])
    assert samples.main(["--check"]) == 1
    assert samples.main([]) == 0
    assert samples.main(["--check"]) == 0
    assert "$ claimx --version\nclaimx " in page.read_text("utf-8")


def test_a_sample_that_needs_shared_is_skipped_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.md"
    text = "<!-- sample[shared]: claimx eval ../shared/corpus/dev.jsonl -->\n```text\nold\n```\n"
    page.write_text(text, "utf-8")
    monkeypatch.setattr(samples, "documents", lambda: [page])
    monkeypatch.setattr(samples, "SHARED", tmp_path / "no-shared-here")
    [sample] = samples.samples(page)
    assert samples.unavailable(sample) == "no ../shared beside the repository"
    assert samples.main(["--check"]) == 0
    assert samples.main([]) == 0
    assert page.read_text("utf-8") == text


def test_an_unknown_sample_option_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("<!-- sample[colour]: claimx --version -->\n```text\n```\n", "utf-8")
    with pytest.raises(ValueError, match="colour"):
        samples.samples(page)
