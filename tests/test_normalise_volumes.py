"""kb.normalise.volumes: a volume that most of its journal's other volumes contradict is flagged."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from conftest import SEED_000

from kb.normalise.volumes import MIN_OTHERS, SLACK, VolumeOf, implausible_volumes

BLOOD = [("a", "2009", "113"), ("b", "2010", "116"), ("c", "2012", "120"), ("d", "2014", "124")]


def _volumes(points: list[tuple[str, str, str]], journal: str = "blood") -> list[VolumeOf]:
    return [VolumeOf(i, journal, y, v) for i, y, v in points]


def test_a_volume_its_journal_contradicts_is_flagged() -> None:
    found = implausible_volumes(_volumes([*BLOOD, ("cuker", "2016", "22")]))
    assert [i for i, _ in found] == ["cuker"]
    assert "volume 22 (2016) contradicts 4 of the journal's 4 other volumes" in found[0][1]


def test_consistent_volumes_and_thin_evidence_are_not_flagged() -> None:
    assert implausible_volumes(_volumes([*BLOOD, ("ok", "2016", "128")])) == []
    # two volumes a year, an old volume a little ahead of a newer one: within the slack
    assert implausible_volumes(_volumes([*BLOOD, ("near", "2011", "119")])) == []
    # too few other citations of the journal to judge
    assert (
        implausible_volumes(_volumes([("a", "2009", "113"), ("b", "2010", "116"), ("x", "2016", "22")])) == []
    )
    # a minority of corrupt volumes does not make a correct one suspect
    mixed = [*BLOOD, ("x", "2016", "22"), ("y", "2017", "25"), ("ok", "2016", "128")]
    assert [i for i, _ in implausible_volumes(_volumes(mixed))] == ["x", "y"]
    # other journals, missing or non-numeric values are not compared
    other = _volumes([("z", "2016", "22")], journal="br j haematol")
    assert implausible_volumes([*_volumes(BLOOD), *other, VolumeOf("s", "blood", "2016", "Suppl 1")]) == []


def _pair_by_pair(citations: list[VolumeOf]) -> list[tuple[str, int, int]]:
    """The rule read literally, every volume against every other of its journal: (id, against, others)."""
    points = [(c.citation_id, c.journal_key, int(c.year), int(c.volume)) for c in citations]
    out = []
    for i, journal, year, volume in points:
        others = [(y, v) for k, j, y, v in points if j == journal and k != i and y != year]
        against = [
            (y, v)
            for y, v in others
            if (y < year and v > volume + SLACK) or (y > year and v < volume - SLACK)
        ]
        if len(set(others)) >= MIN_OTHERS and len(against) * 2 > len(others):
            out.append((i, len(against), len(others)))
    return sorted(out)


@pytest.mark.parametrize("seed", range(40))
def test_the_counts_agree_with_the_rule_read_pair_by_pair(seed: int) -> None:
    """Journals of up to 60 citations: volumes that grow with the years (several a year, some equal),
    a share corrupted, repeated years and volumes."""
    rng = random.Random(seed)
    citations = []
    for k in range(rng.randint(0, 60)):
        year = rng.randint(2000, 2012)
        good = 100 + (year - 2000) * rng.choice([1, 2, 4]) + rng.randint(-3, 3)
        volume = good if rng.random() < 0.7 else rng.randint(1, 40)
        citations.append(VolumeOf(f"c{k}", rng.choice(["blood", "lancet"]), str(year), str(volume)))
    found = implausible_volumes(citations)
    expected = _pair_by_pair(citations)
    assert [i for i, _ in found] == [i for i, _, _ in expected]
    for (_, message), (_, against, others) in zip(found, expected, strict=True):
        assert f"contradicts {against} of the journal's {others} other volumes" in message


def test_seed_volumes_flagged_and_kept_as_written(seed_db: Path) -> None:
    conn = sqlite3.connect(seed_db)
    rows = conn.execute(
        "select p.line, c.volume, p.severity, p.field from problems p join citations c on c.id = p.citation_id "
        "where p.code = 'implausible_volume' and p.document_id = ? order by p.line",
        (SEED_000,),
    ).fetchall()
    conn.close()
    # Bao 2010 vol.25, Cuker 2016 vol.22, Liu 2016 vol.11, Porcelijn 2017 vol.22: all Blood, HAL-corrupted
    assert rows == [
        (112, "22", "warning", "volume"),
        (132, "25", "warning", "volume"),
        (134, "11", "warning", "volume"),
        (184, "22", "warning", "volume"),
    ]
