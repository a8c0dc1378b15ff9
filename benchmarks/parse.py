"""Field-level P/R/F1 and throughput of the reference parser on a labelled JSONL set.

Usage: python benchmarks/parse.py SET.jsonl [--repeat N] [--misses N] [--jobs N]

SET lines follow the scorer's format: {"id", "text", "gold": {authors, title, journal, year,
volume, issue, first_page, doi}}. The parser's CSL-JSON output is compared the way the shared
scorer (score_parse.py) does it: authors as the multiset of name words of 3+ letters, title and
journal on letters and digits, year/volume/issue/first page on the first number-like token, DOI
normalised. Prints one table, then ``micro_f1=NN.N refs_per_s=NNN cpu_refs_per_s=NNN peak_mb=NNN``
(wall-clock and, in one process, CPU-time rates of the parsing alone, without start-up).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import resource
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.parse.csl import run_parse

FIELDS = ["authors", "title", "journal", "year", "volume", "issue", "first_page", "doi"]
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+", re.I)
DROP = {"and", "et", "al", "und", "the"}


def _fold(s: object) -> str:
    s = unicodedata.normalize("NFKD", str(s or ""))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _first(v: object) -> object:
    if isinstance(v, list):
        return v[0] if v else ""
    return v or ""


def _num(s: object) -> str:
    m = re.search(r"[A-Za-z]?\d+[A-Za-z]?", str(s or ""))
    return m.group(0).lower() if m else ""


def normalise(p: dict) -> dict:
    """The comparable form of a gold or predicted record."""
    p = {k: p.get(k) or "" for k in FIELDS}
    if isinstance(p["authors"], list):
        p["authors"] = " ".join(map(str, p["authors"]))
    year = YEAR.search(str(p["year"]))
    doi = DOI.search(str(p["doi"]))
    return {
        "authors": sorted(
            w for w in re.findall(r"[a-z]+", _fold(p["authors"])) if len(w) >= 3 and w not in DROP
        ),
        "title": re.sub(r"[\W_]", "", _fold(p["title"])),
        "journal": re.sub(r"[\W_]", "", _fold(p["journal"])),
        "year": year.group(1) if year else "",
        "volume": _num(p["volume"]),
        "issue": _num(p["issue"]),
        "first_page": _num(p["first_page"]),
        "doi": doi.group(0).rstrip(".,;)").lower() if doi else "",
    }


def from_csl(item: dict) -> dict:
    """The scorer's fields read from one CSL-JSON item."""
    names = []
    for a in item.get("author") or []:
        names.extend(str(a.get(k, "")) for k in ("given", "family", "literal"))
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    page = str(_first(item.get("page"))).split("-")[0].split("–")[0]
    return {
        "authors": " ".join(names),
        "title": _first(item.get("title")),
        "journal": _first(item.get("container-title")),
        "year": parts[0][0] if parts and parts[0] else "",
        "volume": _first(item.get("volume")),
        "issue": _first(item.get("issue")),
        "first_page": page,
        "doi": _first(item.get("DOI")),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set")
    ap.add_argument("--repeat", type=int, default=1, help="parse the texts N times to time throughput")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes, as `kb parse --jobs`")
    a = ap.parse_args(argv)
    with open(a.set, encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    texts = [g["text"].replace("\n", " ") for g in gold]
    from kb.parse.crf import default_parser

    default_parser().parse("Warm-up J. A title. Blood 2014;1:2-3.")  # load the model and the LTWA
    out = io.StringIO()
    t0, c0 = time.perf_counter(), time.process_time()
    run_parse(texts * max(1, a.repeat), jsonl=True, fmt="csl", out=out, jobs=a.jobs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    items = [json.loads(line) for line in out.getvalue().splitlines()[: len(gold)]]
    preds = [normalise(from_csl(i)) for i in items]
    golds = [normalise(g["gold"]) for g in gold]
    print(f"references: {len(gold)}")
    print(f"{'field':11s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    tp_all = pred_all = gold_all = 0
    shown = 0
    for f in FIELDS:
        tp = npred = ngold = 0
        for g, p, raw in zip(golds, preds, gold, strict=True):
            npred += bool(p[f])
            if g[f]:
                ngold += 1
                if p[f] == g[f]:
                    tp += 1
                elif shown < a.misses:
                    shown += 1
                    print(f"MISS {f}: gold={raw['gold'].get(f)!r} got={p[f]!r}\n     {raw['text']}")
        tp_all, pred_all, gold_all = tp_all + tp, pred_all + npred, gold_all + ngold
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if ngold:
            print(f"{f:11s} {100 * prec:6.1f} {100 * rec:6.1f} {100 * f1:6.1f} {ngold:6d}")
    prec = tp_all / pred_all if pred_all else 0.0
    rec = tp_all / gold_all if gold_all else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"{'micro':11s} {100 * prec:6.1f} {100 * rec:6.1f} {100 * f1:6.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(texts) * max(1, a.repeat) / wall if wall else 0.0
    cpu_rate = f" cpu_refs_per_s={len(texts) * max(1, a.repeat) / cpu:.0f}" if a.jobs == 1 and cpu else ""
    print(f"micro_f1={100 * f1:.1f} refs_per_s={rate:.0f}{cpu_rate} peak_mb={peak:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
