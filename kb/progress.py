"""Progress of the long commands: each stage reported as it runs, with its counts and elapsed time.

A stage reports through the ``Progress`` of its configuration (``kb.config.Config.progress``)::

    with config.progress.stage("parse", total=len(documents), unit="documents") as step:
        for document in documents:
            ...
            step.advance()
        step.done(f"{n} citations, {m} passages")

Three reporters, chosen by the CLI with ``progress_for``: a progress bar on a terminal (``Bars``, tqdm),
plain lines when stderr is not a terminal (``Lines``: a log, CI, a pipe), nothing with ``--quiet``
(``Progress`` itself, also the default of a ``Config``, so that library callers and tests print nothing).
Reports go to stderr only: what a command prints on stdout does not change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm

Clock = Callable[[], float]


@dataclass
class Step:
    """One running stage: its name, how far it got, and the summary shown when it ends."""

    name: str
    total: int | None
    unit: str
    started: float
    count: int = 0
    summary: str = ""
    _on_advance: Callable[[Step, int], None] = field(default=lambda step, n: None, repr=False)

    def advance(self, n: int = 1) -> None:
        """``n`` more items done."""
        self.count += n
        self._on_advance(self, n)

    def done(self, summary: str) -> None:
        """What the stage produced ("142 citations, 372 passages"), shown when it ends."""
        self.summary = summary


class Progress:
    """The silent reporter (``--quiet``, library use, tests); the others override its three hooks."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self.clock = clock

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "items") -> Iterator[Step]:
        """Report the stage ``name`` while the ``with`` block runs (``total`` items of ``unit``, if known)."""
        step = Step(name, total, unit, self.clock(), _on_advance=self._advanced)
        self._started(step)
        try:
            yield step
        except BaseException:
            self._stopped(step)
            raise
        self._ended(step, self.clock() - step.started)

    def _started(self, step: Step) -> None:
        """A stage began."""

    def _advanced(self, step: Step, n: int) -> None:
        """A stage advanced by ``n`` items."""

    def _ended(self, step: Step, elapsed: float) -> None:
        """A stage ended after ``elapsed`` seconds."""

    def _stopped(self, step: Step) -> None:
        """A stage stopped on an error (the CLI reports the error itself)."""


def _counted(step: Step) -> str:
    return (
        f"{step.count:,}/{step.total:,} {step.unit}"
        if step.total is not None
        else f"{step.count:,} {step.unit}"
    )


class Lines(Progress):
    """Plain lines on ``stream``: a stage's start, its count every ``interval`` seconds, its end."""

    def __init__(self, stream: TextIO, interval: float = 10.0, clock: Clock = time.monotonic) -> None:
        super().__init__(clock)
        self.stream, self.interval = stream, interval
        self._last = 0.0

    def _write(self, line: str) -> None:
        print(line, file=self.stream, flush=True)

    def _started(self, step: Step) -> None:
        self._last = step.started
        self._write(f"{step.name}: started" + (f" ({step.total:,} {step.unit})" if step.total else ""))

    def _advanced(self, step: Step, n: int) -> None:
        now = self.clock()
        if now - self._last >= self.interval:
            self._last = now
            self._write(f"{step.name}: {_counted(step)} ({now - step.started:.1f} s)")

    def _ended(self, step: Step, elapsed: float) -> None:
        self._write(f"{step.name}: {step.summary or _counted(step)} in {elapsed:.1f} s")


class Bars(Progress):
    """A tqdm progress bar per stage on ``stream`` (a terminal), left on screen with its summary."""

    def __init__(self, stream: TextIO, clock: Clock = time.monotonic) -> None:
        super().__init__(clock)
        self.stream = stream
        self._bar: tqdm | None = None

    def _started(self, step: Step) -> None:
        from tqdm import tqdm  # imported here: the commands that only parse or find never draw a bar

        self._bar = tqdm(total=step.total, desc=step.name, unit=f" {step.unit}", file=self.stream, leave=True)

    def _advanced(self, step: Step, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def _ended(self, step: Step, elapsed: float) -> None:
        if self._bar is not None and step.summary:
            self._bar.set_postfix_str(step.summary, refresh=False)
        self._stopped(step)

    def _stopped(self, step: Step) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def progress_for(stream: TextIO, quiet: bool) -> Progress:
    """The reporter for a command: nothing with ``quiet``, a bar on a terminal, else plain lines."""
    if quiet:
        return Progress()
    isatty = getattr(stream, "isatty", None)
    return Bars(stream) if isatty is not None and isatty() else Lines(stream)
