"""Work shared by forked worker processes, results in input order: what lets a build use every core.

``ordered_map(func, items, jobs)`` is ``map(func, items)``: same results, same order, whatever ``jobs``
is. With ``jobs`` > 1, more than one item and the ``fork`` start method (Linux), ``jobs`` processes
forked from this one share the work; they inherit everything loaded before the call (models,
vocabularies, tables), so ``func`` and the items need no pickling, only the results do, and they share
the parent's memory pages until they write to them (the garbage collector is kept off the inherited
objects, ``gc.freeze``). A build stays
deterministic because results are taken back in input order and ``func`` must depend on its item alone.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_JOBS = 4
"""Worker processes at most, for ``kb build`` and ``kb parse`` (beyond four, pickling the results back
costs more than it saves)."""

CHUNKS_PER_JOB = 16
"""Items are handed to the workers in about this many chunks per worker (fewer round trips than one by
one, and still small enough to even out items of very different sizes)."""

_TASK: tuple[Callable[..., object], Sequence[object]] | None = None
"""The function and items of the running ``ordered_map``, inherited by the forked workers."""


def default_jobs() -> int:
    """The cores this process may use, at most :data:`MAX_JOBS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_JOBS, cores))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, turned back on after if it was on.

    For work that makes millions of objects that never form cycles (a build's references, rows and
    pairs; the features of a document's lines): the collections their number triggers walk every live
    object again and again and free next to nothing (a 10,000-reference build: 3 s of its CPU time,
    and 41 objects left in cycles at its end). Reference counting still frees everything else, and the
    worker processes forked inside the block inherit the setting."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _call(index: int) -> object:
    assert _TASK is not None
    func, items = _TASK
    return func(items[index])


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> Iterator[R]:
    """``func`` of each item, in the order of ``items``; by ``jobs`` forked processes when it pays."""
    global _TASK
    if jobs <= 1 or len(items) < 2 or "fork" not in mp.get_all_start_methods():
        yield from map(func, items)
        return
    _TASK = (func, items)
    # The garbage collector of a worker would walk every object it inherited, copying the pages the
    # parent shares with it: frozen objects are left out of its walks.
    gc.freeze()
    try:
        pool = mp.get_context("fork").Pool(min(jobs, len(items)))
    finally:
        gc.unfreeze()
        _TASK = None  # the workers have their copy; the parent does not keep the items alive
    try:
        chunk = max(1, len(items) // (jobs * CHUNKS_PER_JOB))
        yield from pool.imap(_call, range(len(items)), chunk)  # type: ignore[misc]
        pool.close()
    except BaseException:  # an error in a worker, or the caller stopped early: stop the others
        pool.terminate()
        raise
    finally:
        pool.join()
