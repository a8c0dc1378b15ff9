"""The one folding of deduplication: titles, journals and names compared as lower-case ASCII words.

:func:`fold` lower-cases, strips accents (``kb.patterns.fold``), removes markup (inline markup such as
``<sub>`` and MathML without a space, so that "CO<sub>2</sub>" reads as "CO2"), joins MEDLINE's bracketed
subscripts ("CO(2)") and spells Greek letters by their names.
"""

from __future__ import annotations

import re

from kb.patterns import fold as accent_fold

_SPELLED = str.maketrans({
    "&": " and ",
    # Greek letters as written out in other records ("TNF-α" / "TNF-alpha"); µ is the micro sign
    "α": " alpha ", "β": " beta ", "γ": " gamma ", "δ": " delta ", "κ": " kappa ", "λ": " lambda ",
    "μ": " mu ", "µ": " mu ",
})  # fmt: skip
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
_MARKUP_RE = re.compile(r"<(?:br|p|div|li)\b[^<>]{0,200}>|&(?:lt|gt|quot|#\d+);")
"""Markup that separates words: a line or paragraph break, an escaped character."""
_INLINE_MARKUP_RE = re.compile(r"</?(?:[a-z]+:)?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?/?>")
"""Inline markup (``<i>``, ``<sub>``, Scopus's ``<inf>``, MathML's ``<mml:msub>``...): removed without a
space, so that "CO<sub>2</sub>" and a MathML formula read "co2" as the plain title does."""
_SUBSCRIPT_RE = re.compile(r"(?<=[a-z])\((\d{1,2})\)(?![a-z0-9])")
"""MEDLINE writes a subscript in brackets ("CO(2)", "PaO(2)"): the digits join the letters before them."""


def fold(text: str) -> str:
    """Lower-case, accents stripped, markup removed, every run of non-alphanumerics one space."""
    if not text:
        return ""
    text = text.casefold().replace("&amp;", "&")
    if "<" in text or "&" in text:
        text = _INLINE_MARKUP_RE.sub("", _MARKUP_RE.sub(" ", text))
    if "(" in text:
        text = _SUBSCRIPT_RE.sub(r"\1", text)
    text = text.translate(_SPELLED)
    if not text.isascii():
        text = accent_fold(text).casefold().translate(_SPELLED)  # compatibility forms may decompose to Greek
        if not text.isascii():  # other scripts: keep their letters and digits as they are
            return " ".join("".join(c if c.isalnum() else " " for c in text).split())
    return " ".join(_NON_ALNUM_RE.sub(" ", text).split())
