"""Benchmark: a generated PubMed (MEDLINE) export through ingest and through the whole build.

    python benchmarks/ingest.py [--records 10000] [--seed 1]

Prints the seconds and peak memory of reading + cutting the export (ingest), of extract (ingest, parse,
normalise, works) and of the full build into a temporary database. Target (formats issue): 10,000
records ingested in <= 10 s.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from kb.config import Config
from kb.ingest import cut_document, read_documents
from kb.pipeline import build, extract

JOURNALS = [
    ("Blood", "Blood"),
    ("Br J Haematol", "British journal of haematology"),
    ("Am J Hematol", "American journal of hematology"),
    ("N Engl J Med", "The New England journal of medicine"),
    ("J Thromb Haemost", "Journal of thrombosis and haemostasis : JTH"),
]
WORDS = [
    "immune", "thrombocytopenia", "rituximab", "eltrombopag", "romiplostim", "splenectomy", "dexamethasone",
    "adults", "children", "randomised", "trial", "cohort", "response", "relapse", "platelet", "bleeding",
    "refractory", "chronic", "primary",
]  # fmt: skip
FAMILIES = [
    "Moulis", "Mahévas", "Godeau", "Michel", "Cuker", "Neunert", "Ghanima", "Bussel", "Provan", "Stasi",
    "Audia", "Bonnotte", "Kühne", "Nørgaard", "Lapeyre-Mestre", "Grimaldi-Bensouda",
]  # fmt: skip
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def medline_record(rng: random.Random, pmid: int) -> str:
    """One realistic MEDLINE record with a wrapped title and abstract."""
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize()
    abstract = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 200)))
    ta, jt = rng.choice(JOURNALS)
    first = rng.randint(1, 5000)
    lines = [
        f"PMID- {pmid}", "OWN - NLM", "STAT- MEDLINE", f"VI  - {rng.randint(1, 140)}",
        f"IP  - {rng.randint(1, 24)}",
        f"DP  - {rng.randint(1970, 2025)} {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        f"TI  - {title[:70]}",
    ]  # fmt: skip
    lines += [f"      {title[70 + i : 70 + i + 70]}" for i in range(0, max(0, len(title) - 70), 70)]
    lines.append(f"PG  - {first}-{first + rng.randint(2, 12)}")
    lines.append(f"AB  - {abstract[:80]}")
    lines += [f"      {abstract[80 + i : 80 + i + 80]}" for i in range(0, max(0, len(abstract) - 80), 80)]
    for _ in range(rng.randint(1, 8)):
        family = rng.choice(FAMILIES)
        given = rng.choice("ABCDEFGHJKLMNPRS") + rng.choice(["", "J", "M"])
        lines += [f"FAU - {family}, {given}", f"AU  - {family} {given}"]
    lines += ["LA  - eng", "PT  - Journal Article", f"TA  - {ta}", f"JT  - {jt}", "MH  - Humans",
              "MH  - Purpura, Thrombocytopenic, Idiopathic/drug therapy", f"OT  - {rng.choice(WORDS)}",
              f"LID - 10.{rng.randint(1000, 9999)}/bench.{pmid} [doi]"]  # fmt: skip
    return "\n".join(lines)


def measure(label: str, func: object) -> object:
    """Run ``func`` once and print its wall and CPU seconds and the process's peak RSS so far."""
    start, cpu = time.perf_counter(), time.process_time()
    result = func()  # type: ignore[operator]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<30} {seconds:7.2f} s wall {cpu:7.2f} s CPU   peak RSS {rss:6.0f} MiB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        refs = Path(tmp) / "references"
        refs.mkdir()
        text = "\n\n".join(medline_record(rng, 30_000_000 + i) for i in range(args.records)) + "\n"
        (refs / "pubmed.nbib").write_text(text, encoding="utf-8")
        print(f"records: {args.records}  file: {len(text) / 2**20:.1f} MiB")

        def ingest() -> int:
            documents = read_documents(refs).documents
            return sum(len(cut_document(d).records) for d in documents)

        n = measure("ingest (read + cut)", ingest)
        print(f"  records read: {n}")
        measure("extract (+ normalise, works)", lambda: extract(Config(refs, Path(tmp) / "e.db")))
        measure("full build (+ SQLite, FTS)", lambda: build(Config(refs, Path(tmp) / "e.db")))


if __name__ == "__main__":
    main()
