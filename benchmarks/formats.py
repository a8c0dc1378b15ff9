"""Benchmark: generated exports of each new format read by the build's reader (sniffing included).

    python benchmarks/formats.py [--records 10000] [--seed 1]

For Web of Science plain text, Ovid Embase, Cochrane tagged, EndNote refer, Scopus CSV and EndNote XML it
prints the size, the seconds to sniff and read the export, records per second, and the growth of peak
memory (max RSS) while reading. Target (formats issue): 10,000 records of any export read in <= 10 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import time

from kb.ingest.formats import sniff_text
from kb.ingest.readers import read_export

WORDS = [
    "immune",
    "thrombocytopenia",
    "rituximab",
    "eltrombopag",
    "romiplostim",
    "splenectomy",
    "adults",
    "children",
    "trial",
]
FAMILIES = ["Moulis", "Mahévas", "Godeau", "Michel", "Cuker", "Neunert", "Ghanima", "Bussel", "Nørgaard"]


def _fields(rng: random.Random, i: int) -> dict[str, object]:
    return {
        "authors": [(rng.choice(FAMILIES), rng.choice("ABCDEFGH")) for _ in range(rng.randint(1, 8))],
        "title": " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize(),
        "journal": rng.choice(["Blood", "Lancet", "British Journal of Haematology"]),
        "year": str(rng.randint(1990, 2024)),
        "volume": str(rng.randint(1, 400)),
        "issue": str(rng.randint(1, 24)),
        "first": rng.randint(1, 3000),
        "doi": f"10.1000/bench.{i}",
        "abstract": " ".join(rng.choice(WORDS) for _ in range(120)),
    }


def wos(records: list[dict[str, object]]) -> str:
    out = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for i, r in enumerate(records):
        names = [f"{f}, {g}" for f, g in r["authors"]]  # type: ignore[union-attr]
        out += [
            "PT J",
            f"AU {names[0]}",
            *[f"   {n}" for n in names[1:]],
            f"TI {r['title']}",
            f"SO {r['journal']}",
            f"PY {r['year']}",
            f"VL {r['volume']}",
            f"IS {r['issue']}",
            f"BP {r['first']}",
            f"DI {r['doi']}",
            f"AB {r['abstract']}",
            f"UT WOS:{i:015d}",
            "ER",
            "",
        ]
    return "\n".join([*out, "EF"]) + "\n"


def ovid(records: list[dict[str, object]]) -> str:
    out = []
    for i, r in enumerate(records):
        out += [
            f"<{i + 1}. >",
            "VN  - Ovid Technologies",
            "DB  - Embase",
            f"AN  - {600000000 + i}",
            f"TI  - {r['title']}.",
            f"SO  - {r['journal']}. {r['volume']} ({r['issue']}) (pp {r['first']}), {r['year']}.",
            *[f"AU  - {f} {g}." for f, g in r["authors"]],  # type: ignore[union-attr]
            f"DO  - http://dx.doi.org/{r['doi']}",
            f"AB  - {r['abstract']}",
            f"YR  - {r['year']}",
            "",
        ]
    return "\n".join(out) + "\n"


def cochrane(records: list[dict[str, object]]) -> str:
    out = []
    for i, r in enumerate(records):
        out += [
            f"Record #{i + 1} of {len(records)}",
            f"ID: CN-{i:08d}",
            *[f"AU: {f} {g}" for f, g in r["authors"]],  # type: ignore[union-attr]
            f"TI: {r['title']}",
            f"SO: {r['journal']}",
            f"YR: {r['year']}",
            f"VL: {r['volume']}",
            f"NO: {r['issue']}",
            f"PG: {r['first']}",
            f"DOI: {r['doi']}",
            f"AB: {r['abstract']}",
            "",
        ]
    return "\n".join(out) + "\n"


def refer(records: list[dict[str, object]]) -> str:
    out = []
    for r in records:
        out += [
            "%0 Journal Article",
            *[f"%A {f}, {g}." for f, g in r["authors"]],  # type: ignore[union-attr]
            f"%T {r['title']}",
            f"%J {r['journal']}",
            f"%D {r['year']}",
            f"%V {r['volume']}",
            f"%N {r['issue']}",
            f"%P {r['first']}",
            f"%R {r['doi']}",
            f"%X {r['abstract']}",
            "",
        ]
    return "\n".join(out) + "\n"


def scopus(records: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(
        [
            "Authors",
            "Title",
            "Year",
            "Source title",
            "Volume",
            "Issue",
            "Page start",
            "DOI",
            "Abstract",
            "Source",
            "EID",
        ]
    )
    for i, r in enumerate(records):
        names = "; ".join(f"{f} {g}." for f, g in r["authors"])  # type: ignore[union-attr]
        writer.writerow(
            [
                names,
                r["title"],
                r["year"],
                r["journal"],
                r["volume"],
                r["issue"],
                r["first"],
                r["doi"],
                r["abstract"],
                "Scopus",
                f"2-s2.0-{i}",
            ]
        )
    return buffer.getvalue()


def endnote_xml(records: list[dict[str, object]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<xml><records>"]
    for r in records:
        authors = "".join(f"<author><style>{f}, {g}.</style></author>" for f, g in r["authors"])  # type: ignore[union-attr]
        out.append(
            f'<record><ref-type name="Journal Article">17</ref-type><contributors><authors>{authors}'
            f"</authors></contributors><titles><title>{r['title']}</title><secondary-title>{r['journal']}"
            f"</secondary-title></titles><pages>{r['first']}</pages><volume>{r['volume']}</volume>"
            f"<dates><year>{r['year']}</year></dates><electronic-resource-num>{r['doi']}"
            f"</electronic-resource-num><abstract>{r['abstract']}</abstract></record>"
        )
    return "\n".join([*out, "</records></xml>"]) + "\n"


WRITERS = {
    "wos": wos,
    "ovid": ovid,
    "cochrane": cochrane,
    "endnote": refer,
    "csv": scopus,
    "endnote-xml": endnote_xml,
}


def main() -> None:
    """Generate each export, read it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records = [_fields(rng, i) for i in range(args.records)]
    print(f"{'format':<12} {'MB':>6} {'records':>8} {'seconds':>8} {'records/s':>10} {'peak RSS +MB':>12}")
    for name, write in WRITERS.items():
        text = write(records)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        fmt = sniff_text(text)
        result = read_export(text, f"bench.{name}", fmt)
        seconds = time.perf_counter() - start
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert fmt.value == name and len(result.records) == args.records and not result.problems, name
        print(
            f"{name:<12} {len(text) / 1e6:6.1f} {len(result.records):8d} {seconds:8.2f} "
            f"{len(result.records) / seconds:10.0f} {grown:12.0f}"
        )


if __name__ == "__main__":
    main()
