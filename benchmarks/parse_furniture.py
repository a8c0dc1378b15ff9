"""The furniture of real reference lists: what publishers and reference managers print around the fields.

Usage: python benchmarks/parse_furniture.py GOLD.jsonl [GOLD.jsonl ...] [--kinds K,K] [--misses N] [--out SET]

Each gold reference (scorer format, ``{"id", "text", "gold"}``, e.g. ``grobid_biomed_dev.jsonl``) is
printed again with one kind of furniture of :data:`KINDS` ("[Internet]" after the journal, "[cited 2020 Jan
5]" after the year, "Available from: URL", "Accessed March 3, 2021", "PMID: ...", "PMCID: PMC...", the
spellings of a DOI ("doi:", "https://doi.org/", "DOI ") with a full stop or a semicolon after it, "[Epub
ahead of print]", "(in press)", "[Abstract]" and "[in French]" after the title, "[Article in French]",
"Erratum in: ...", "Review.", PubMed's whole tail). The furniture is put at the place where it is printed,
found from the gold itself (the title, journal or year as the text writes it), so the gold stays exact by
construction: the fields the scorer compares are those of the plain reference (a DOI added to a reference
without one is its gold DOI). A reference a kind cannot be placed in is left out of that kind.

Prints the table of ``parse_sweep.py`` (one row per kind, ``plain`` being the references as they are) and,
per kind, the fields that the plain reference gets right and the furnished one gets wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse import FIELDS, from_csl, normalise
from parse_sweep import score

from kb.parse import parse_many
from kb.parse.csl import to_csl

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")
_LANGUAGES = ("French", "German", "Spanish", "Italian", "Japanese", "Chinese", "Portuguese")
_URLS = (
    "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC{n}/", "http://www.who.int/publications/i/item/{n}",
    "https://www.has-sante.fr/jcms/c_{n}/fr/", "https://academic.oup.com/article/{n}",
)  # fmt: skip
_DOI_FORMS = ("doi:{d}", "doi: {d}", "DOI: {d}", "DOI {d}", "https://doi.org/{d}", "http://dx.doi.org/{d}")
_ERRATA_JOURNALS = ("Blood", "N Engl J Med", "Lancet", "Br J Haematol", "J Clin Oncol", "Haematologica")


def _date(rng: random.Random, year: str) -> tuple[int, str, int]:
    base = int(year) if year.isdigit() else 2015
    return min(base + rng.randint(1, 6), 2025), rng.choice(_MONTHS), rng.randint(1, 28)


def _end(text: str, piece: str) -> str:
    """``piece`` appended as a new sentence of the entry."""
    text = text.rstrip()
    return f"{text} {piece}" if text.endswith((".", ";", "]", ")")) else f"{text}. {piece}"


def _after(text: str, field: str, start: int = 0) -> int:
    """The end of ``field`` as the text writes it (its first occurrence from ``start``), or -1."""
    i = text.find(field, start) if field else -1
    return i + len(field) if i >= 0 else -1


def _insert(text: str, at: int, piece: str) -> str:
    return text[:at] + piece + text[at:]


def _title_end(text: str, gold: dict) -> int:
    return _after(text, gold["title"].strip()) if gold["title"].strip() else -1


def _journal_end(text: str, gold: dict) -> int:
    return _after(text, gold["journal"].strip(), max(0, _title_end(text, gold)))


def _year_end(text: str, gold: dict) -> int:
    """The end of the year printed after the journal and before a ";", "." or ":" (Vancouver: "2011;12")."""
    j = _journal_end(text, gold)
    if j < 0 or not gold["year"]:
        return -1
    m = re.compile(rf"(?<=\s){re.escape(gold['year'][:4])}[a-z]?(?=[;.:](?!\d))").search(text, j)
    return m.end() if m else -1


def _url(rng: random.Random) -> str:
    return rng.choice(_URLS).format(n=rng.randint(1000000, 9999999))


def internet(text, gold, rng):
    j = _journal_end(text, gold)
    return None if j < 0 else _insert(text, j, " [Internet]")


def cited(text, gold, rng):
    y = _year_end(text, gold)
    year, month, day = _date(rng, gold["year"][:4])
    return None if y < 0 else _insert(text, y, f" [cited {year} {month} {day}]")


def available(text, gold, rng):
    return _end(text, f"Available from: {_url(rng)}")


def accessed(text, gold, rng):
    year, _, day = _date(rng, gold["year"][:4])
    when = f"Accessed {rng.choice(_FULL_MONTHS)} {day}, {year}."
    return _end(text, f"{_url(rng)}. {when}" if rng.random() < 0.5 else when)


def nlm_web(text, gold, rng):
    y = _year_end(text, gold)
    j = _journal_end(text, gold)
    if y < 0 or j < 0:
        return None
    year, month, day = _date(rng, gold["year"][:4])
    text = _insert(text, y, f" [cited {year} {month} {day}]")
    return _end(_insert(text, j, " [Internet]"), f"Available from: {_url(rng)}")


def pmid(text, gold, rng):
    return _end(text, f"PMID: {rng.randint(1000000, 39999999)}.")


def pmcid(text, gold, rng):
    return _end(text, f"PMID: {rng.randint(1000000, 39999999)}; PMCID: PMC{rng.randint(100000, 9999999)}.")


def doi_form(text, gold, rng):
    """The DOI of the reference written another way, with a full stop, a semicolon or nothing after it."""
    d = gold["doi"]
    m = re.search(rf"(?:(?:doi|DOI)\s*:?\s*|https?://(?:dx\.)?doi\.org/)?{re.escape(d)}", text) if d else None
    if not m:
        return None
    form = rng.choice(_DOI_FORMS).format(d=d) + rng.choice((".", ";", ""))
    return text[: m.start()] + form + text[m.end() :].lstrip(".;")


def doi_added(text, gold, rng):
    """A DOI after the entry of a reference without one (it becomes the gold DOI)."""
    if gold["doi"]:
        return None
    gold["doi"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(('j.', 's', 'a'))}{rng.randint(10000, 999999)}"
    return _end(text, rng.choice(_DOI_FORMS).format(d=gold["doi"]) + rng.choice((".", ";", "")))


def epub(text, gold, rng):
    year, month, day = _date(rng, gold["year"][:4])
    return _end(text, rng.choice(("[Epub ahead of print]", f"Epub {year} {month} {day}.")))


def in_press(text, gold, rng):
    return _end(text, rng.choice(("(in press).", "In press.", "[in press]")))


def abstract(text, gold, rng):
    t = _title_end(text, gold)
    return None if t < 0 else _insert(text, t, rng.choice((" [Abstract]", " [abstract]")))


def in_language(text, gold, rng):
    t = _title_end(text, gold)
    return None if t < 0 else _insert(text, t, f" [in {rng.choice(_LANGUAGES)}]")


def article_in(text, gold, rng):
    return _end(text, f"[Article in {rng.choice(_LANGUAGES)}]")


def erratum(text, gold, rng):
    year, month, _ = _date(rng, gold["year"][:4])
    j = rng.choice(_ERRATA_JOURNALS)
    return _end(
        text,
        f"Erratum in: {j}. {year} {month};{rng.randint(1, 140)}({rng.randint(1, 12)}):{rng.randint(1, 999)}.",
    )


def review(text, gold, rng):
    return _end(text, "Review.")


def pubmed_tail(text, gold, rng):
    """PubMed's summary tail: "doi: 10.x. Epub 2020 Jan 5. Review. PMID: n; PMCID: PMCn."."""
    year, month, day = _date(rng, gold["year"][:4])
    parts = []
    if not gold["doi"]:
        gold["doi"] = f"10.{rng.randint(1000, 9999)}/{rng.randint(10000, 999999)}"
        parts.append(f"doi: {gold['doi']}.")
    parts += [f"Epub {year} {month} {day}."] if rng.random() < 0.5 else []
    parts += ["Review."] if rng.random() < 0.3 else []
    parts.append(
        f"PMID: {rng.randint(1000000, 39999999)}"
        + (f"; PMCID: PMC{rng.randint(100000, 9999999)}." if rng.random() < 0.5 else ".")
    )
    return _end(text, " ".join(parts))


KINDS = {
    f.__name__: f
    for f in (internet, cited, available, accessed, nlm_web, pmid, pmcid, doi_form, doi_added, epub, in_press,
              abstract, in_language, article_in, erratum, review, pubmed_tail)
}  # fmt: skip


def furnished(records: list[dict], kinds: list[str], seed: int = 17) -> list[dict]:
    """``plain`` copies of ``records`` and one furnished copy per kind (ids ``kind:original-id``)."""
    out = [{**r, "id": f"plain:{r['id']}"} for r in records]
    for kind in kinds:
        for r in records:
            rng = random.Random(f"{seed}:{kind}:{r['id']}")
            gold = dict(r["gold"])
            text = KINDS[kind](r["text"], gold, rng)
            if text is not None:
                out.append({"id": f"{kind}:{r['id']}", "text": text, "gold": gold})
    return out


def lost(rows: list[dict], preds: list[dict], misses: int = 0) -> None:
    """Per kind, the fields right on the plain reference and wrong once furnished (a DOI the kind adds:
    wrong once furnished)."""
    plain = {
        row["id"].split(":", 1)[1]: p for row, p in zip(rows, preds, strict=True) if row["id"][:6] == "plain:"
    }
    plain_gold = {row["id"].split(":", 1)[1]: row["gold"] for row in rows if row["id"][:6] == "plain:"}
    worse: dict[str, Counter] = {}
    shown = 0
    for row, p in zip(rows, preds, strict=True):
        kind, rid = row["id"].split(":", 1)
        g, base = normalise(row["gold"]), plain[rid]
        c = worse.setdefault(kind, Counter())
        for f in FIELDS:
            if p[f] != g[f] and (base[f] == g[f] or (f == "doi" and g[f] != normalise(plain_gold[rid])[f])):
                c[f] += 1
                if shown < misses and kind != "plain":
                    shown += 1
                    print(f"LOST {kind} {f}: gold={row['gold'].get(f)!r} got={p[f]!r}\n     {row['text']}")
    print("\nfields right on the plain reference and wrong once furnished:")
    for kind, c in worse.items():
        if kind != "plain":
            print(f"  {kind:12s} {sum(c.values()):5d}  " + ", ".join(f"{f} {n}" for f, n in c.most_common()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--misses", type=int, default=0, help="print the first N fields lost to furniture")
    ap.add_argument("--out", help="write the furnished set (scorer format)")
    a = ap.parse_args(argv)
    kinds = [k for k in a.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        ap.error(f"unknown kinds: {', '.join(unknown)} (known: {', '.join(KINDS)})")
    records: list[dict] = []
    for path in a.gold:
        with open(path, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    rows = furnished(records, kinds)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    preds = [normalise(from_csl(to_csl(r))) for r in parse_many([row["text"] for row in rows])]
    score(rows, preds=preds)
    lost(rows, preds, a.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
