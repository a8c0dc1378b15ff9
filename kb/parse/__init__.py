"""Parse: turn one citation string into a ``Reference``.

``parse_reference`` is the one entry point the pipeline calls; what sits behind it may change (rules
today, the statistical parser next) without the rest of the pipeline knowing.
"""

from __future__ import annotations

from kb.model import Reference
from kb.parse import rules


def parse_reference(text: str) -> Reference:
    """Parse one reference or citation string; never raises, flags what it cannot read."""
    return rules.parse_reference(text)


__all__ = ["parse_reference"]
