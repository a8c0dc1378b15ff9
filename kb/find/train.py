"""Train the reference finder's two CRF passes from the data in ``data/refseg/``, deterministically.

Training documents, in this order:

- ``grobid.jsonl``: GROBID reference sections (text and gold references, CC-BY 4.0);
- ``anystyle_features.jsonl.gz``: the AnyStyle finder documents (whole theses) as line features and
  labels only: their texts may be trained on but not redistributed, and the features describe the form
  of a line, never its words (regenerate with ``python -m kb.find.train convert REFSEG_JSONL`` after a
  change to :mod:`kb.find.features`);
- ``seeds.jsonl``: our own reference list (seed 000, HAL export: blank lines, continuation lines, the
  abstract spilled into it), and synthetic layouts of its French entries (wrapped, numbered, hanging
  indent, after a "Références" or "Bibliographie" heading, inside French running text), made here.

The first pass learns from line features; the second from the same features plus the first pass's
labels, taken for each training document from a model that did not see it (``FOLDS``-fold
cross-fitting), so that the second pass learns how far to trust the first.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kb.find import FIRST_MODEL, SECOND_MODEL
from kb.find.features import crf_items, document_features
from kb.find.labels import line_labels
from kb.find.style import with_first_pass
from kb.parse.train import crf_trainer
from kb.progress import Progress

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "refseg"
GROBID_FILE = DATA_DIR / "grobid.jsonl"
ANYSTYLE_FILE = DATA_DIR / "anystyle_features.jsonl.gz"
SEEDS_FILE = DATA_DIR / "seeds.jsonl"
CRF_PARAMS: dict[str, float | int | bool] = {"c1": 0.5, "c2": 0.001, "max_iterations": 200}
FOLDS = 3
SYNTHETIC_SEED = 15

Features = list[dict[str, float | str]]


def _from_text(record: dict) -> tuple[Features, list[str]]:
    lines = record["text"].split("\n")
    items, feats = document_features(lines)
    return feats, line_labels(lines, items, record["refs"])


def _jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def synthetic_documents(seeds: list[dict], seed: int = SYNTHETIC_SEED) -> list[dict]:
    """French reference sections in the layouts copied PDFs give, made from seed entries.

    Each document takes a sample of entries, wraps them at a width (no blank line between them),
    numbers them or not, indents continuation lines or not, puts a heading above them and, for
    some, French running text before and after.
    """
    rng = random.Random(seed)
    refs = [r for s in seeds for r in s["refs"] if len(r) > 40]
    prose = [p for s in seeds for p in s.get("prose", [])]
    docs: list[dict] = []
    for n in range(24):
        width = rng.choice((60, 72, 85, 100))
        style = n % 4
        chosen = rng.sample(refs, min(len(refs), rng.randint(8, 25)))
        lines: list[str] = []
        gold: list[str] = []
        if prose and n % 2:
            lines += _wrap(" ".join(rng.sample(prose, min(len(prose), 4))), width, "")
            lines.append("")
        lines.append(rng.choice(("Références", "Bibliographie", "RÉFÉRENCES", "Références bibliographiques")))
        for k, ref in enumerate(chosen, 1):
            text = " ".join(ref.split())
            marker = ("", f"{k}. ", f"[{k}] ", f"{k}) ")[style]
            wrapped = _wrap(marker + text, width, "   " if style == 0 and n % 3 else "")
            lines += wrapped
            gold.append("\n".join(x.strip() for x in wrapped))
        if prose and n % 4 == 1:
            lines.append("")
            lines += _wrap(" ".join(rng.sample(prose, min(len(prose), 3))), width, "")
        docs.append({"id": f"synthetic-fr-{n}", "text": "\n".join(lines), "refs": gold})
    return docs


def _wrap(text: str, width: int, hang: str) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = hang + word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def training_documents(data_dir: Path = DATA_DIR) -> list[tuple[Features, list[str]]]:
    """(features, labels) of every training document, in a fixed order."""
    docs = [_from_text(r) for r in _jsonl(data_dir / GROBID_FILE.name)]
    anystyle = data_dir / ANYSTYLE_FILE.name
    if anystyle.exists():
        docs += [([_unpack(line) for line in r["features"]], r["labels"]) for r in _jsonl(anystyle)]
    return docs + own_documents(data_dir)


def own_documents(data_dir: Path = DATA_DIR, draw: int | None = None) -> list[tuple[Features, list[str]]]:
    """(features, labels) of our own training documents: the seeds, French layouts of seed 000's
    entries, and the synthetic reference lists and articles of :mod:`kb.find.synth` (drawn with its
    ``SEED``, or with ``draw`` when given: the benchmark measures the spread between draws)."""
    from kb.find.synth import SEED, documents

    seeds = list(_jsonl(data_dir / SEEDS_FILE.name))
    made = [*seeds, *synthetic_documents(seeds), *documents(seed=SEED if draw is None else draw)]
    return [_from_text(r) for r in made]


def _pack(feats: dict[str, float | str]) -> list[str]:
    return [f"{k}={v}" for k, v in feats.items()]


def _unpack(packed: list[str]) -> dict[str, float | str]:
    out: dict[str, float | str] = {}
    for item in packed:
        key, _, value = item.partition("=")
        out[key] = value
    return out


def _train(
    sequences: list[tuple[Features, list[str]]],
    out: Path,
    params: dict | None = None,
    progress: Progress | None = None,
    name: str = "finder",
) -> Path:
    all_params = {**CRF_PARAMS, **(params or {})}
    trainer = crf_trainer(all_params)
    for feats, labels in sequences:
        if feats:
            trainer.append(crf_items(feats), labels)
    progress = progress or Progress()
    with progress.stage(name, total=int(all_params["max_iterations"]), unit="iterations") as step:
        trainer.train(str(out), step)
        step.done(f"{len(sequences):,} documents")
    return out


def _tag(model: Path, feats: Features) -> list[str]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return list(tagger.tag(crf_items(feats))) if feats else []


def train_passes(
    docs: list[tuple[Features, list[str]]],
    first: Path,
    second: Path,
    params: dict | None = None,
    progress: Progress | None = None,
) -> tuple[Path, Path]:
    """Train both passes on ``docs`` into ``first`` and ``second``; the same docs give the same files.
    Each of the five trainings (three folds, two passes) is reported to ``progress``."""
    first_labels: list[list[str]] = [[] for _ in docs]
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "fold.crfsuite"
        for fold in range(FOLDS):
            held_in = [d for n, d in enumerate(docs) if n % FOLDS != fold]
            _train(held_in, scratch, params, progress, f"finder: fold {fold + 1}/{FOLDS}")
            for n in range(fold, len(docs), FOLDS):
                first_labels[n] = _tag(scratch, docs[n][0])
    _train(docs, first, params, progress, "finder: first pass")
    stacked = [(with_first_pass(f, lab), y) for (f, y), lab in zip(docs, first_labels, strict=True)]
    _train(stacked, second, params, progress, "finder: second pass")
    return first, second


def train_finder(
    out_dir: Path | None = None, data_dir: Path = DATA_DIR, progress: Progress | None = None
) -> tuple[Path, Path]:
    """Rebuild the finder's models (``finder1.crfsuite``, ``finder2.crfsuite``) into ``out_dir``
    (default: the shipped ones beside this module); return their paths. Reported to ``progress``."""
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    first = (out_dir / FIRST_MODEL.name) if out_dir else FIRST_MODEL
    second = (out_dir / SECOND_MODEL.name) if out_dir else SECOND_MODEL
    progress = progress or Progress()
    with progress.stage("finder: input", unit="documents") as step:
        docs = training_documents(data_dir)
        step.advance(len(docs))
    return train_passes(docs, first, second, progress=progress)


def convert(refseg: Path, data_dir: Path = DATA_DIR) -> tuple[int, int]:
    """Split the shared ``refseg_dev.jsonl`` into the GROBID texts (kept) and the AnyStyle documents
    (kept as line features and labels only); return the number of documents of each."""
    grobid, anystyle = 0, 0
    with (
        open(data_dir / GROBID_FILE.name, "w", encoding="utf-8") as g,
        gzip.GzipFile(data_dir / ANYSTYLE_FILE.name, "wb", mtime=0) as raw,
    ):
        for record in _jsonl(refseg):
            if record["source"] == "grobid":
                keep = {k: record[k] for k in ("id", "text", "refs", "source", "licence")}
                g.write(json.dumps(keep, ensure_ascii=False) + "\n")
                grobid += 1
            else:
                feats, labels = _from_text(record)
                line = {"id": record["id"], "features": [_pack(f) for f in feats], "labels": labels}
                raw.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
                anystyle += 1
    return grobid, anystyle


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) > 2 and sys.argv[1] == "convert":
        print(convert(Path(sys.argv[2])))
    else:
        print(train_finder())
