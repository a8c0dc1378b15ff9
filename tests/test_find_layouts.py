"""The finder's layout rules: several works under one number, list numbers alone on their line, the
repeated-author dash, and the synthetic training documents of kb/find/synth.py."""

from __future__ import annotations

import pytest

from kb.find import BEGIN, INSIDE, find_references, settle_openers, split_shared_line, synth
from kb.find.features import document_features, openers
from kb.find.labels import line_labels


def _pieces(text: str) -> list[str]:
    return [piece.strip() for _offset, piece in split_shared_line(text)]


def test_works_cited_under_one_number_are_cut_after_a_semicolon_and_two_spaces():
    text = (
        "[6] C. Gattringer, Nucl. Phys. B 559 (1999) 539 [hep-lat/9903021];  Nucl. Phys. B 543 (1999)\n"
        "533 [hep-lat/9811014]."
    )
    assert _pieces(text) == [
        "[6] C. Gattringer, Nucl. Phys. B 559 (1999) 539 [hep-lat/9903021];",
        "Nucl. Phys. B 543 (1999)\n533 [hep-lat/9811014].",
    ]


def test_the_lettered_parts_of_a_compound_reference_are_cut():
    text = (
        "[7] a) S. Kalkhof, A. Sinz, Anal. Bioanal. Chem. 2008, 392, 305-312; b) S. Mädler, C. Bich,\n"
        "D. Touboul, R. Zenobi, J. Mass Spectrom. 2009, 44, 694-706; c )J. Liang, L. Zhang, Chem. 2010, 5, 1-9."
    )
    pieces = _pieces(text)
    assert len(pieces) == 3
    assert pieces[1].startswith("b) S. Mädler") and pieces[2].startswith("c )J. Liang")
    # Without an opening "a)" the same letters are text, not parts: "(b)" in a title stays.
    assert len(_pieces("Smith J. Stage (a) disease; b) relapse in adults. Blood. 2001;98:1-9.")) == 1


def test_a_semicolon_after_a_year_in_brackets_cuts_only_before_an_author():
    assert _pieces("S. Savasta, R. Girlanda, Phys. Status Solidi a, 164, 85 (1997); P. Schwendimann, Phys. Rev. B 68, 1 (2003).") == [
        "S. Savasta, R. Girlanda, Phys. Status Solidi a, 164, 85 (1997);",
        "P. Schwendimann, Phys. Rev. B 68, 1 (2003).",
    ]  # fmt: skip
    # An erratum of the same work (a volume follows) and a Vancouver date are not cuts.
    assert len(_pieces("J. G. Körner, Z. Phys. C 38, 511 (1988); 41, 690(E) (1988).")) == 1
    assert len(_pieces("Stasi R, Pagano A. Rituximab in adults. Blood. 2001;98(4):952-7.")) == 1
    # Authors separated by semicolons are one reference.
    assert (
        len(_pieces("Masters, C.L.; Simms, G.; Weinman, N.A.; Multhaup, G.; McDonald, B.L. Amyloid plaque."))
        == 1
    )


def test_openers_are_list_numbers_in_sequence_and_author_dashes_never_a_wrapped_end():
    texts = ["1.", "Smith J. A title. Blood.", "2015.", "2.", "Jones K. Another.", "288.", "---", "3)"]
    assert openers(texts) == [True, False, False, True, False, False, True, True]


def test_a_list_number_alone_on_its_line_keeps_the_reference_that_follows():
    texts = [
        "13.",
        "Kuehnert MJ. Screening of blood donations. 2016;65.",
        "14.",
        "Reiter P, Lathrop S. Texas",
    ]
    assert settle_openers(texts, [BEGIN, INSIDE, BEGIN, BEGIN]) == [BEGIN, INSIDE, BEGIN, INSIDE]
    assert settle_openers(texts, [BEGIN, INSIDE, INSIDE, BEGIN]) == [BEGIN, INSIDE, BEGIN, INSIDE]
    wrapped = ["Smith J. A title. Am J Hematol. 2010;85:174-", "180.", "Jones K. Another title. Blood."]
    assert settle_openers(wrapped, [BEGIN, INSIDE, BEGIN]) == [BEGIN, INSIDE, BEGIN]


def test_numbers_alone_on_their_line_give_one_reference_each():
    lines = []
    refs = [
        "Campos GS, Bandeira AC, Sardi SI. Zika virus outbreak, Bahia, Brazil. Emerg Infect Dis.\n2015;21(10):1885-6.",
        "Duffy MR, Chen TH, Hancock WT. Zika virus outbreak on Yap Island. N Engl J Med.\n2009;360(24):2536-43.",
        "Musso D, Gubler DJ. Zika virus: following the path of dengue and chikungunya? Lancet.\n2015;386:243-4.",
        "Adalja AA, Sell TK, Bouri N, Franco C. Lessons learned during dengue outbreaks in the United States,\n2001-2011. Emerg Infect Dis. 2012;18(4):608-14.",
    ]  # fmt: skip
    for k, ref in enumerate(refs, 1):
        lines += [f"{k}.", *ref.split("\n")]
    found = find_references(["References", *lines])
    assert len(found) == len(refs)
    assert all(f.text.startswith(f"{k}.\n") for k, f in enumerate(found, 1))


def test_table_rows_and_contents_lines_are_described_as_such():
    lines = [
        "Sethi & Howe (2009)          India      Total seedlings        2.17   0.81    -62",
        "5.5   Convergence history of the solvers . . . . . . . . . . . . . . . . . 142",
    ]
    _items, feats = document_features(lines)
    assert feats[0]["columns"] == 3 and "leader" not in feats[0]
    assert feats[1]["leader"] == 1


@pytest.fixture(scope="module")
def generated() -> list[dict]:
    pytest.importorskip("citeproc", reason="the synthetic documents are rendered with citeproc-py")
    docs = synth.documents(count=12)
    if not docs:
        pytest.skip("data/refparse/refparse.jsonl is absent")
    return docs


def test_synthetic_documents_are_the_same_for_the_same_seed(generated):
    assert synth.documents(count=12) == generated


def test_a_changed_or_removed_record_changes_only_its_own_synthetic_document(generated, tmp_path):
    # One reference's title rewritten (it renders differently) in bucket 2, one of its references
    # removed from bucket 4, and one unusable record removed from bucket 1: documents 2 and 4 change,
    # every other one stays byte for byte the same.
    import json

    buckets = synth.buckets(synth.REFPARSE_FILE, 5)

    def first(n: int, usable: bool) -> str:
        return next(r for r in buckets[n] if (synth.record_fields(r["segments"]) is not None) == usable)["id"]

    changed = first(2, True)
    removed = {first(4, True), first(1, False)}
    out = tmp_path / "refparse.jsonl"
    with synth.REFPARSE_FILE.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            if record["id"] in removed:
                continue
            if record["id"] == changed:
                record["segments"] = [
                    [label, "A rewritten title of the reference." if label == "title" else text]
                    for label, text in record["segments"]
                ]
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    again = synth.documents(count=6, path=out)
    assert [d["id"] for d in again] == [d["id"] for d in generated[:6]]
    assert [n for n in range(6) if again[n] != generated[n]] == [2, 4]
    assert any("rewritten title" in " ".join(ref.split()) for ref in again[2]["refs"])  # maybe a word a line


def test_synthetic_documents_label_every_reference_exactly(generated):
    for doc in generated:
        lines = doc["text"].split("\n")
        items, _feats = document_features(lines)
        labels = line_labels(lines, items, doc["refs"])
        assert labels.count(BEGIN) == len(doc["refs"]), doc["id"]
        # Every line of every reference is labelled; headings, running text and page lines are not.
        in_refs = sum(len(ref.split("\n")) for ref in doc["refs"])
        assert labels.count(BEGIN) + labels.count(INSIDE) == in_refs, doc["id"]


def test_a_run_of_words_one_to_a_line_keeps_every_word_in_order():
    # The synthetic layout of a PDF whose spaced-out words come out a line each (GROBID sections of
    # the development set have whole references so): every word kept in order, the run's lines of one
    # to three words, a list number alone on its line left alone.
    import random

    entry = [
        "12.",
        "Gorunova L, Hoglund M, Andren-Sandberg A, Dawiskiba S, Jin Y,",
        "   Mitelman F, Johansson B (1998) Cytogenetic analysis of pancreatic",
        "   carcinomas: intratumor heterogeneity. Genes Chromosomes Cancer 23: 81-99.",
    ]
    grown = 0
    for seed in range(40):
        rng = random.Random(seed)
        out = synth._spread_words(entry, rng)
        assert " ".join(out).split() == " ".join(entry).split()
        assert out[0] == "12."
        if len(out) > len(entry):  # the run may be the list number alone: nothing to spread
            grown += 1
            assert min(len(line.split()) for line in out[1:]) == 1
    assert grown > 30


def test_some_synthetic_documents_have_references_with_a_word_to_a_line(generated):
    spread = [d for d in generated if any(len(ref.split("\n")) > 12 for ref in d["refs"])]
    assert 0 < len(spread) < len(generated)
