"""Where a vocabulary's concepts occur in a text, with the guards of its abbreviations applied.

``concept_hits`` is shared by the tagger (interventions, outcomes) and design detection: both read
hits of a ``VocabFile`` the same way, so neither imports the other.
"""

from __future__ import annotations

from kb.evidence.matcher import FoldedText, RawHit, cue_regex, fold_lower
from kb.evidence.vocab import ITP_CONTEXT, TITLE_ONLY, Abbrev, VocabFile

NOT_IF_WINDOW = 100
"""Characters on each side of an abbreviation searched for its ``not_if`` cue words."""


def _window(text: FoldedText, start: int, end: int, width: int) -> str:
    return text.lower[max(0, start - width) : end + width]


def _guard_ok(
    vf: VocabFile, text: FoldedText, hit: RawHit, abbrev: Abbrev, concept_hits: set[str], assume_itp: bool
) -> bool:
    """Check an abbreviation's ``not_if`` and ``needs`` guards around the hit."""
    if abbrev.not_if:
        rx = cue_regex(abbrev.not_if)
        if rx is not None and rx.search(_window(text, hit.start, hit.end, NOT_IF_WINDOW)):
            return False
    if abbrev.needs is None:
        return True
    if abbrev.needs == ITP_CONTEXT and assume_itp:
        return True
    concept_id = hit.payload[0]  # type: ignore[index]
    if concept_id in concept_hits:
        return True
    ctx = vf.contexts[abbrev.needs]
    if ctx.regex is None:
        return False
    window = _window(text, hit.start, hit.end, ctx.window)
    # the form itself must not satisfy its own context ("TPO" in "TPO-RA" is handled by the matcher)
    own = fold_lower(abbrev.form)
    return any(m.group() != own for m in ctx.regex.finditer(window))


def concept_hits(
    vf: VocabFile, text: FoldedText, *, assume_itp: bool = False, title_window: int | None = None
) -> list[RawHit]:
    """Hits of one vocabulary with abbreviation guards applied (``title_only`` terms kept if in window)."""
    raw = vf.matcher.find(text)
    full = {h.payload[0] for h in raw if h.payload[1] is None}  # type: ignore[index]
    kept: list[RawHit] = []
    for hit in raw:
        _cid, extra = hit.payload  # type: ignore[misc]
        if extra == TITLE_ONLY:
            if title_window is None or hit.start >= title_window:
                continue
        elif isinstance(extra, Abbrev) and not _guard_ok(vf, text, hit, extra, full, assume_itp):
            continue
        kept.append(hit)
    return kept
