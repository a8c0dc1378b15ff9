"""Forked workers (``kb.workers``): the results of ``map``, in order, whatever the number of processes;
a build with workers writes the same database as a build without."""

from __future__ import annotations

import gc
import os
import sqlite3

import pytest
from conftest import REFERENCES

from kb.config import Config
from kb.model import KbError
from kb.pipeline import build
from kb.workers import collector_paused, default_jobs, ordered_map


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise KbError(f"item {n} is bad")
    return n


def test_results_come_back_in_input_order_from_other_processes():
    items = list(range(200))
    out = list(ordered_map(_square_and_pid, items, jobs=2))
    assert [square for square, _ in out] == [n * n for n in items]
    pids = {pid for _, pid in out}
    assert os.getpid() not in pids and len(pids) >= 1


def test_one_job_or_one_item_runs_in_this_process():
    assert list(ordered_map(_square_and_pid, [1, 2, 3], jobs=1)) == [
        (1, os.getpid()),
        (4, os.getpid()),
        (9, os.getpid()),
    ]
    assert list(ordered_map(_square_and_pid, [5], jobs=4)) == [(25, os.getpid())]
    assert list(ordered_map(_square_and_pid, [], jobs=4)) == []


def test_an_error_in_a_worker_reaches_the_caller():
    with pytest.raises(KbError, match="item 7 is bad"):
        list(ordered_map(_fails_on_seven, list(range(20)), jobs=2))


def test_default_jobs_is_between_one_and_four():
    assert 1 <= default_jobs() <= 4


def _dump(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_build_with_workers_writes_the_same_database(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build(Config(REFERENCES, one, jobs=1))
    build(Config(REFERENCES, two, jobs=2))
    assert _dump(one) == _dump(two)


@pytest.mark.parametrize("was_on", [True, False])
def test_the_collector_is_paused_for_the_block_and_left_as_it_was(was_on):
    (gc.enable if was_on else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("an error inside the block")
        assert gc.isenabled() is was_on
    finally:
        gc.enable()
