"""What a crfsuite model file knows: the attribute dictionary, read straight from the file.

crfsuite ignores an attribute that is not in the model's dictionary, yet each one still costs the
tagger a copy and a hash lookup. The parser asks :func:`model_attributes` once and drops such
attributes when it caches a token's attributes (``Featurizer(known=...)``): the labels and marginals
are the same, the tagging is cheaper. Reading the dictionary this way takes a few milliseconds where
``pycrfsuite.Tagger.info()`` (a text dump of the whole model) takes a third of a second.

Format (crfsuite's ``crf1d_model.c`` and ``cqdb.c``, little-endian): a 48-byte header whose tenth
field is the offset of the attribute CQDB; the CQDB header holds the size and offset of its backward
array, whose entries point at records ``(id, key size, key + NUL)``.
"""

from __future__ import annotations

import struct
from pathlib import Path

from kb.model import KbError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<II")


def model_attributes(path: Path | str) -> frozenset[bytes]:
    """The attributes (UTF-8 bytes) of the crfsuite model at ``path``; ``KbError`` if it is not one."""
    buf = Path(path).read_bytes()
    try:
        magic, _size, kind, *_counts, off_attrs, _off_lrefs, _off_arefs = _HEADER.unpack_from(buf, 0)
        chunk, _csize, _flag, _order, count, bwd = _CQDB.unpack_from(buf, off_attrs)
        if magic != b"lCRF" or kind != b"FOMC" or chunk != b"CQDB":
            raise struct.error("not a crfsuite CRF1d model")
        keys: set[bytes] = set()
        for off in struct.unpack_from(f"<{count}I", buf, off_attrs + bwd):
            if off:
                _id, size = _RECORD.unpack_from(buf, off_attrs + off)
                start = off_attrs + off + _RECORD.size
                keys.add(buf[start : start + size - 1])
    except struct.error as exc:
        raise KbError(
            f"{path}: not a readable crfsuite model ({exc}); rebuild it with kb train --only parser"
        ) from exc
    return frozenset(keys)
