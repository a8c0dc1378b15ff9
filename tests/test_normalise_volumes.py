"""kb.normalise.volumes: a volume that most of its journal's other volumes contradict is flagged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import SEED_000

from kb.normalise.volumes import VolumeOf, implausible_volumes

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
