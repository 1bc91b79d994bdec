"""Bounded-size guard: no input makes the extractor super-linear.

The benchmark measures 1 MB of each input against 1 MB of ordinary news text; here
inputs are small (tens of KB) so the suite stays fast, and the checks are generous
but still catch quadratic behaviour: a pathological input may cost at most
``MAX_VS_ORDINARY`` times ordinary text of the same size, and doubling its size may
at most ``MAX_DOUBLING`` its time (linear: 2, quadratic: 4). Each time is the best of
three runs, so a busy machine does not make the test flaky.

The claim-dense input (a cue at every level of nested quotations) has many times the claims
of news, so it is held to linear time and to ordinary text's cost per claim instead.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

import claimx

_SPEC = importlib.util.spec_from_file_location(
    "claimx_bench_inputs", Path(__file__).resolve().parents[2] / "benchmarks" / "inputs.py"
)
assert _SPEC is not None and _SPEC.loader is not None
inputs = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(inputs)

SIZE = 24_000  # characters
MAX_VS_ORDINARY = 5.0
MAX_DOUBLING = 3.0
SLACK = 0.02  # seconds: timer and scheduler noise on tiny runs


def best_time(text: str, repeat: int = 3, budget: float | None = None) -> float:
    """The best of ``repeat`` runs; stops early when a run is so far over ``budget``
    (3x) that more runs cannot change the verdict."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        claimx.extract(text)
        best = min(best, time.perf_counter() - start)
        if budget is not None and best > 3 * budget:
            break
    return best


@pytest.fixture(scope="module")
def ordinary_time() -> float:
    claimx.extract(inputs.ordinary(1000))  # load the lexicon outside the timing
    return best_time(inputs.ordinary(SIZE))


@pytest.mark.parametrize(
    "kind",
    [
        "no punctuation",
        "nested quotes",
        "joined emoji",
    ],
)
@pytest.mark.slow  # timed: run with the rest of the slow tests, on a quiet machine
def test_pathological_input_stays_linear(kind: str, ordinary_time: float) -> None:
    make = inputs.PATHOLOGICAL[kind]
    assert len(make(SIZE)) == SIZE
    budget = MAX_VS_ORDINARY * ordinary_time + SLACK
    full = best_time(make(SIZE), budget=budget)
    assert full <= budget, (
        f"{kind}: {full:.3f} s vs {ordinary_time:.3f} s for ordinary text of {SIZE} chars"
    )
    half = best_time(make(SIZE // 2))
    assert full <= MAX_DOUBLING * half + SLACK, (
        f"{kind}: {half:.3f} s at {SIZE // 2} chars, {full:.3f} s at {SIZE}"
    )


CLAIM_DENSE_SIZE = 12_000  # characters: about 500 claims, each with a nested quotation


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(inputs.CLAIM_DENSE))
def test_claim_dense_input_stays_linear(kind: str, ordinary_time: float) -> None:
    make = inputs.CLAIM_DENSE[kind]
    full_text = make(CLAIM_DENSE_SIZE)
    claims = len(claimx.extract(full_text).claims)
    ordinary_claims = len(claimx.extract(inputs.ordinary(SIZE)).claims)
    full = best_time(full_text)
    per_claim, ordinary_per_claim = full / claims, ordinary_time / ordinary_claims
    assert per_claim <= MAX_VS_ORDINARY * ordinary_per_claim, (
        f"{kind}: {per_claim * 1e6:.0f} us per claim vs {ordinary_per_claim * 1e6:.0f} us "
        "on ordinary text"
    )
    half = best_time(make(CLAIM_DENSE_SIZE // 2))
    assert full <= MAX_DOUBLING * half + SLACK, (
        f"{kind}: {half:.3f} s at {CLAIM_DENSE_SIZE // 2} chars, {full:.3f} s at "
        f"{CLAIM_DENSE_SIZE}"
    )


@pytest.mark.parametrize("kind", [*inputs.PATHOLOGICAL, *inputs.CLAIM_DENSE])
def test_no_claim_content_grows_with_the_input(kind: str) -> None:
    """Output size stays linear: however deep quotations nest, no content runs past the
    longest quotation read as one (nested levels would otherwise each hold the rest)."""
    from claimx.extraction.content import MAX_QUOTE_TOKENS
    from claimx.extraction.tokenize import tokenize

    text = inputs.PATHOLOGICAL.get(kind, inputs.CLAIM_DENSE.get(kind))(60_000)
    longest = max(
        (len(tokenize(c.content.text)) for c in claimx.extract(text).claims), default=0
    )
    assert longest <= MAX_QUOTE_TOKENS + 2, f"{kind}: a content of {longest} tokens"
