"""Generate the hostile-input corpus: every kind of bad file the build must survive.

Run ``python tests/hostile.py DIR`` to write it into DIR (nothing large is committed: the files are made
here). ``make_hostile_corpus`` returns each file's name with what it is.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + bytes(
    range(256)
)
SEED_LINE = (
    "S. Karpatkin and G. W. Siskind, In vitro detection of platelet antibody in patients with idiopathic "
    "thrombocytopenic purpura and systemic lupus erythematosus, Blood. juin, vol.33, issue.6, pp.795-812, 1969."
)


def _authors(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ", ".join(
        f"{letters[i % 26].upper()}. {letters[i // 26 % 26].upper()}{letters[i % 26]}son" for i in range(n)
    )


def make_hostile_corpus(target: Path, large: bool = True) -> dict[str, str]:
    """Write the corpus into ``target`` (created if needed); ``large=False`` skips the 10 MB and 200k-line files."""
    target.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "image.txt": PNG_BYTES,
        "truncated_utf8.txt": f"{SEED_LINE}\n\nMahévas M, et al. Blood (2016) é".encode()[:-1],
        "utf16_nobom.txt": f"{SEED_LINE}\n\nStanworth SJ, et al. Br J Haematol (2015)\n".encode("utf-16-le"),
        "bad.bib": (
            b"@article{dup, title={First}, author={Doe, Jane}, year={2019}}\n\n"
            b"@article{broken, title={Unbalanced {brace}, author={Roe, Rich}, year={2020}\n\n"
            b"@article{dup, title={Second with the same key}, author={Poe, Pat}, year={2021}}\n\n"
            b"@article{after, title={Still read after the bad block}, author={Moe, Max}, year={2022}}\n"
        ),
        "no_er.ris": b"TY  - JOUR\nTI  - A record without its end tag\nAU  - Doe, Jane\nPY  - 2019\n",
        "page.txt": (
            b"<!DOCTYPE html>\n<html><head><title>My references</title></head>\n<body>\n"
            b"<p>Stanworth SJ, et al. Br J Haematol (2015)</p>\n</body></html>\n"
        ),
        "many_authors.txt": (
            _authors(500) + ", A reference with five hundred authors, Blood, vol.1, issue.2, pp.3-4, 2020.\n"
        ).encode(),
        "control_chars.txt": f"{SEED_LINE[:60]}\x01\x02\x1b[31m{SEED_LINE[60:]}\n\n\x07\x08 bell\n".encode(),
        "rtl.txt": "مرجع: الفرفرية قليلة الصفيحات المناعية، ٢٠١٩\n\nאימונותרומבוציטופניה 2019\n".encode(),
        "script_title.txt": (
            b"A. Doe and B. Roe, <script>alert('x')</script> in immune thrombocytopenia, Blood, vol.1, "
            b"pp.1-2, 2020.\n\n"
            b"C. Poe, \\input{/etc/passwd} 100% of_patients & {unbalanced, Blood, vol.2, pp.3-4, 2021.\n"
        ),
    }
    about = {
        "empty.txt": "an empty file",
        "image.txt": "PNG bytes named .txt",
        "truncated_utf8.txt": "UTF-8 cut in the middle of a character",
        "utf16_nobom.txt": "UTF-16 without BOM",
        "bad.bib": "BibTeX with an unbalanced brace and a duplicate key",
        "no_er.ris": "RIS without ER",
        "page.txt": "an HTML page saved as .txt",
        "many_authors.txt": "a reference with 500 authors",
        "control_chars.txt": "control characters",
        "rtl.txt": "right-to-left text",
        "script_title.txt": "titles with <script> and \\input{/etc/passwd}",
        "dangling.txt": "an unreadable file (a link to nothing)",
        "subdir": "a directory inside references/",
    }
    if large:
        files["one_line_10mb.txt"] = ("Mahévas et al, Blood 2016 " * 400_000).encode()[:10_000_000]
        files["lines_200k.txt"] = "".join(
            f"line {i} of a very long text file\n" for i in range(200_000)
        ).encode()
        about["one_line_10mb.txt"] = "a 10 MB single line"
        about["lines_200k.txt"] = "200k lines"
    for name, data in files.items():
        (target / name).write_bytes(data)
    dangling = target / "dangling.txt"
    if not dangling.is_symlink():
        os.symlink(target / "does-not-exist.txt", dangling)
    (target / "subdir").mkdir(exist_ok=True)
    about.update(_boundary_and_yaml(target))
    return about


ALIAS_BOMB = "a0: &a0 [lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)


def _boundary_and_yaml(target: Path) -> dict[str, str]:
    """Hostile sidecars, names, links and exports of issue 21; returns what each entry is (by the name
    the build shows: bytes that are not UTF-8 and control characters escaped)."""
    doc = b"Stanworth SJ, et al. Br J Haematol (2015)\n"
    sidecars = {
        "bomb": ALIAS_BOMB,
        "bad_date": "title: T\ndate: 2020-13-45\n",
        "feb30": "title: T\ndate: 2020-02-30\n",
        "offset": "title: T\ndate: 2020-01-01 10:00:00+25:00\n",
        "kind_list": "kind: [x]\n",
        "complex_key": "? [a]: b\n",
        "python_tag": "title: !!python/object/apply:os.system ['id']\n",
    }
    about = {}
    for stem, sidecar in sidecars.items():
        (target / f"{stem}.txt").write_bytes(doc)
        (target / f"{stem}.yml").write_text(sidecar, encoding="utf-8")
        about[f"{stem}.txt"] = f"a document whose sidecar is hostile ({stem})"
    files = {
        ".hidden.txt": doc,
        "orphan.yml": b"title: a sidecar without its document\n",
        "deep.json": b'[{"title": "T", "author": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]",
        "numbers.json": b"[1, 2, 3]",
        "two_pmids.nbib": b"PMID- 1\nTI  - First.\nPMID- 2\nTI  - Second.\n",
        "capitals.txt": ("A" * 20_000 + "\n\n") * 5,
        "nul.txt": b"Doe J, A title\x00with a NUL, Blood, 2020.\n",
        "two\nlines.txt": doc,
    }
    for name, data in files.items():
        (target / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    with open(os.path.join(os.fsencode(target), b"caf\xe9.txt"), "wb") as stream:
        stream.write(doc)
    outside = target.parent / "outside-secret.txt"
    outside.write_bytes(b"Secret S, et al. Private J (2001)\n")
    for name, link in (("secret.txt", outside), ("etc", Path("/etc"))):
        if not (target / name).is_symlink():
            os.symlink(link, target / name)
    if not (target / "fifo.txt").exists() and hasattr(os, "mkfifo"):
        os.mkfifo(target / "fifo.txt")
    (target / "deep" / "a" / "b" / "c" / "d").mkdir(parents=True, exist_ok=True)
    about.update(
        {
            ".hidden.txt": "a hidden file",
            "orphan.yml": "a sidecar without its document",
            "deep.json": "CSL-JSON nested 100,000 deep",
            "numbers.json": "a JSON list of numbers",
            "two_pmids.nbib": "two MEDLINE records without a blank line",
            "capitals.txt": "lines of 20,000 capitals",
            "nul.txt": "a NUL byte inside UTF-8 text",
            "two\\nlines.txt": "a name with a newline",
            "caf\\xe9.txt": "a name that is not UTF-8",
            "secret.txt": "a link to a file outside references/",
            "etc": "a link to /etc",
            "fifo.txt": "a named pipe",
            "deep": "nested directories",
        }
    )
    return about


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile.py DIR")
    for name, what in make_hostile_corpus(Path(sys.argv[1])).items():
        print(f"{name}: {what}")
