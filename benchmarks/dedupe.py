"""Benchmark the deduplication engine on generated corpora (10k and 100k records by default).

Each size runs in a fresh subprocess, which generates a corpus, writes it as BibTeX, reads it back and
deduplicates it, then reports wall time and CPU time (user + system of the process) per stage, peak
resident memory (``ru_maxrss``) and pair precision and recall against the generated truth. The growth
exponent is ``log(t2 / t1) / log(n2 / n1)`` over the engine time (1.0 = linear).

The corpus: distinct works with titles drawn from a clinical vocabulary, authors from a pool of family
names small enough that first author + year collide often, journals with full and abbreviated names; about
a quarter of the works get one to three copies with realistic variants (typos, case, abbreviated journal,
missing DOI, page formats, initials instead of given names, subtitle dropped, translated-title brackets).

Usage: ``python benchmarks/dedupe.py [--sizes 10000 100000] [--seed 1]``
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_VOCABULARY = """
immune thrombocytopenia platelet romiplostim eltrombopag rituximab splenectomy children adults
chronic newly diagnosed persistent refractory treatment response outcome randomized trial cohort
study analysis bleeding risk factors quality of life thrombopoietin receptor agonist fostamatinib
efficacy safety long-term follow-up corticosteroids dexamethasone prednisone intravenous
immunoglobulin antibodies megakaryocyte spleen B cell T cell regulatory plasma cells autoimmune
pregnancy neonatal Evans syndrome diagnosis management guideline consensus international registry
real-world evidence predictors remission relapse tapering discontinuation switching multicentre
phase open-label
"""
WORDS = _VOCABULARY.split()
FAMILIES = [a + b for a, b in itertools.product(
    ["Ber", "Ku", "Mar", "Gho", "Pro", "Neu", "Mah", "Godo", "Rode", "Cuk", "Wang", "Li", "Zhang",
     "Chen", "Liu", "Kim", "Park", "Sato", "Rossi", "Mül", "Dubo", "Lef", "Schr", "Nak", "Tan", "Yama",
     "Garc", "Sil"],
    ["ter", "ssel", "tin", "nima", "van", "nert", "évas", "eau", "ghiero", "ker", "", "ard", "ler", "oder",
     "ura", "ia", "va"],
)]  # fmt: skip
GIVEN = ["James", "David", "Marc", "Waleed", "Drew", "Cindy", "Matthieu", "Bertrand", "Francesco", "Adam",
         "Wei", "Jing", "Min", "Hiroshi", "Maria", "Anna", "Pierre", "Sophie", "Thomas", "Laura"]  # fmt: skip
JOURNALS = [
    ("Blood", "Blood"), ("New England Journal of Medicine", "N Engl J Med"),
    ("British Journal of Haematology", "Br J Haematol"),
    ("Journal of Clinical Investigation", "J Clin Invest"),
    ("American Journal of Hematology", "Am J Hematol"), ("Haematologica", "Haematologica"),
    ("Journal of Thrombosis and Haemostasis", "J Thromb Haemost"), ("Blood Advances", "Blood Adv"),
    ("The Lancet Haematology", "Lancet Haematol"), ("Pediatric Blood & Cancer", "Pediatr Blood Cancer"),
    ("Annals of Hematology", "Ann Hematol"), ("Transfusion", "Transfusion"),
    ("Thrombosis Research", "Thromb Res"), ("Platelets", "Platelets"),
    ("European Journal of Haematology", "Eur J Haematol"), ("Hematology", "Hematology"),
]  # fmt: skip


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 10:
        return text
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def make_corpus(n: int, seed: int) -> tuple[list[dict[str, str]], list[list[str]]]:
    """``n`` BibTeX-like field dicts (with ``ID``) and the true clusters (lists of ids, two or more)."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    clusters: list[list[str]] = []
    work = 0
    while len(rows) < n:
        work += 1
        words = rng.sample(WORDS, rng.randint(7, 14))
        title = " ".join(words).capitalize()
        if rng.random() < 0.3:
            title += ": " + " ".join(rng.sample(WORDS, rng.randint(2, 5)))
        authors = [(rng.choice(FAMILIES), rng.choice(GIVEN), rng.choice("ABCDEFGHJKLMNPRST"))
                   for _ in range(rng.randint(1, 8))]  # fmt: skip
        full, abbrev = rng.choice(JOURNALS)
        year = rng.randint(1990, 2024)
        volume = rng.randint(1, 140)
        first = rng.randint(1, 3000)
        last = first + rng.randint(1, 15)
        doi = f"10.{rng.randint(1000, 9999)}/{rng.choice(['blood', 'bjh', 'jth', 'ajh'])}.{work}"
        base = {
            "author": " and ".join(f"{f}, {g} {m}." for f, g, m in authors),
            "title": title, "journal": full, "year": str(year), "volume": str(volume),
            "pages": f"{first}--{last}", "doi": doi if rng.random() < 0.7 else "",
        }  # fmt: skip
        copies = [base]
        if rng.random() < 0.25:
            for _ in range(rng.randint(1, 3)):
                copy = dict(base)
                if rng.random() < 0.4:
                    copy["title"] = _typo(copy["title"], rng)
                if rng.random() < 0.3:
                    copy["title"] = copy["title"].upper() if rng.random() < 0.3 else copy["title"].lower()
                if rng.random() < 0.15 and ": " in copy["title"]:
                    copy["title"] = copy["title"].split(": ")[0]
                if rng.random() < 0.05:
                    copy["title"] = f"[{copy['title']}]"
                if rng.random() < 0.5:
                    copy["journal"] = abbrev
                if rng.random() < 0.5:
                    copy["doi"] = ""
                if rng.random() < 0.4:
                    copy["pages"] = f"{first}-{str(last)[-len(str(last)) + len(str(first)) - 1 :] or last}"
                elif rng.random() < 0.1:
                    copy["pages"] = str(first)
                if rng.random() < 0.5:
                    copy["author"] = " and ".join(f"{f}, {g[0]}{m}" for f, g, m in authors)
                if rng.random() < 0.1:
                    copy["volume"] = ""
                copies.append(copy)
        ids = []
        for copy in copies:
            record_id = f"r{len(rows):07d}"
            rows.append({"ID": record_id, **{k: v for k, v in copy.items() if v}})
            ids.append(record_id)
            if len(rows) == n:
                break
        if len(ids) > 1:
            clusters.append(ids)
    return rows, clusters


def to_bibtex(rows: list[dict[str, str]]) -> str:
    """The rows as BibTeX entries."""
    parts = []
    for row in rows:
        fields = ",\n".join(f"  {k} = {{{v}}}" for k, v in row.items() if k != "ID")
        parts.append(f"@article{{{row['ID']},\n{fields}\n}}\n")
    return "\n".join(parts)


def _pairs(clusters: list[list[str]]) -> set[tuple[str, str]]:
    return {p for c in clusters for p in itertools.combinations(sorted(c), 2)}


def run_one(n: int, seed: int) -> dict[str, float]:
    """Generate, read and deduplicate ``n`` records in this process; figures as a dict."""
    from kb.dedupe import dedupe
    from kb.ingest.bibtex import read_bibtex_string

    t0 = time.perf_counter()
    rows, truth = make_corpus(n, seed)
    text = to_bibtex(rows)
    t1, c1 = time.perf_counter(), time.process_time()
    records = read_bibtex_string(text).records
    t2, c2 = time.perf_counter(), time.process_time()
    result = dedupe(records)
    t3, c3 = time.perf_counter(), time.process_time()
    predicted, gold = _pairs(result.cluster_ids()), _pairs(truth)
    true = len(predicted & gold)
    return {
        "records": n,
        "generate_s": round(t1 - t0, 2),
        "read_s": round(t2 - t1, 2),
        "dedupe_s": round(t3 - t2, 2),
        "total_s": round(t3 - t1, 2),
        "read_cpu_s": round(c2 - c1, 2),
        "dedupe_cpu_s": round(c3 - c2, 2),
        "total_cpu_s": round(c3 - c1, 2),
        "candidates": result.n_candidates,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "precision": round(true / len(predicted), 4) if predicted else 1.0,
        "recall": round(true / len(gold), 4) if gold else 1.0,
        "maybe_pairs": len(result.maybe_pairs),
    }


def main() -> None:
    """Run each size in a subprocess and print a table and the growth exponent."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    results = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                              capture_output=True, text=True, check=True)  # fmt: skip
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    for a, b in itertools.pairwise(results):
        exponent = math.log(b["dedupe_s"] / a["dedupe_s"]) / math.log(b["records"] / a["records"])
        total = math.log(b["total_s"] / a["total_s"]) / math.log(b["records"] / a["records"])
        sizes = f"{a['records']} -> {b['records']}"
        print(f"growth exponent {sizes}: dedupe {exponent:.2f}, read+dedupe {total:.2f}")


if __name__ == "__main__":
    main()
