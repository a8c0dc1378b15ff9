"""The rows of ``kb results`` as the results tests compare them: one helper for every results test file."""

from __future__ import annotations

from kb.evidence.results import extract_text


def rows(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    """(measure, value, ci_low, ci_high) of every valued result, sorted."""
    return sorted(
        (r.measure, r.value, r.ci_low, r.ci_high) for r in extract_text(text) if r.value is not None
    )


def rows_with_p(text: str) -> list[tuple[str, float | None, float | None, float | None, str | None]]:
    """(measure, value, ci_low, ci_high, p) of every result (p_only rows too), sorted by value."""
    return sorted(
        ((r.measure, r.value, r.ci_low, r.ci_high, r.p_text) for r in extract_text(text)),
        key=lambda r: (r[1] is None, r[1] or 0.0, r[0]),
    )
