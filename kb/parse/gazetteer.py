"""The journal gazetteer of the parser's features: which tokens can start or continue a container title.

Two sources: the curated journal table (``extract/journals.yml``: canonical abbreviations, full
titles and the spellings seen in reference lists), whose spellings are matched as whole token runs,
and the ISO 4 List of Title Word Abbreviations shipped in ``pyiso4`` (``features.ltwa``), whose
words and abbreviations mark single tokens. A run of the curated table gives the CRF the features
``jgaz=B``/``jgaz=I``; a token of either source that follows a field boundary ("... research.
PLoS One 7: e39315") gets ``jstart``, and one that follows another journal word ``jcont``.
"""

from __future__ import annotations

from functools import lru_cache

from kb.parse.features import core, fold

_Trie = dict[str, "_Trie"]
_END = "\x00"
MAX_RUN = 12
"""The longest spelling matched, in tokens."""


def _key(token: str) -> str:
    return fold(core(token)).replace(".", "")


@lru_cache(maxsize=1)
def journal_trie() -> _Trie:
    """The spellings of the curated journal table as a token trie (empty when the table is unreadable)."""
    from kb.normalise.journals import load_journal_table

    try:
        entries = load_journal_table().entries
    except (OSError, ValueError):
        return {}
    trie: _Trie = {}
    for e in entries:
        for spelling in (e.canonical, e.title, *e.aliases):
            keys = [k for k in (_key(t) for t in spelling.split()) if k]
            if not keys or len(keys) > MAX_RUN:
                continue
            node = trie
            for k in keys:
                node = node.setdefault(k, {})
            node[_END] = {}
    return trie


@lru_cache(maxsize=1)
def journal_words() -> frozenset[str]:
    """Every word of a curated journal spelling (folded, no dots)."""
    out: set[str] = set()
    stack = [journal_trie()]
    while stack:
        node = stack.pop()
        for k, child in node.items():
            if k != _END:
                out.add(k)
                stack.append(child)
    return frozenset(out)


def journal_runs(keys: list[str]) -> list[str]:
    """For each token key, "B" or "I" when it starts or continues the longest curated spelling there."""
    trie = journal_trie()
    out = [""] * len(keys)
    i = 0
    n = len(keys)
    while i < n:
        node = trie.get(keys[i])
        end = -1
        j = i
        while node is not None:
            if _END in node:
                end = j
            j += 1
            if j >= n or j - i >= MAX_RUN:
                break
            node = node.get(keys[j])
        if end >= i:
            out[i] = "B"
            for k in range(i + 1, end + 1):
                out[k] = "I"
            i = end + 1
        else:
            i += 1
    return out
