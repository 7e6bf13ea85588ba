"""Watch mode: rebuild whenever the data file or the assets folder changes, until told to stop.

Polling with the standard library, not file-system events: the watched set is a data file
and a small brand folder, so reading their times and sizes a few times a second costs
microseconds; polling also sees changes on network drives and synced folders (OneDrive,
Dropbox), where change events are often missing, and needs no compiled dependency.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..brand.file import default_assets_dir
from ..data.facts import resolve_dataset
from ..errors import BrandError
from .options import BuildOptions, build_options
from .pipeline import BuildResult, build

POLL_SECONDS = 0.25  # how often the files are looked at
SETTLE_SECONDS = 0.3  # how long they must stay unchanged before a rebuild (editors save in steps)

Snapshot = dict[Path, tuple[int, int]]
Clock = Callable[[], float]


@dataclass(frozen=True)
class Attempt:
    """One build of the watch loop: what set it off, how long it took, its result or error."""

    number: int
    changed: tuple[Path, ...]  # () for the first build
    seconds: float
    result: BuildResult | None = None
    error: Exception | None = None  # the previous outputs are untouched when set


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every path that exists (a vanished file is left out)."""
    found: Snapshot = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        found[path] = (st.st_mtime_ns, st.st_size)
    return found


class Changes:
    """Reports the files that changed, once they have stayed unchanged for `settle` seconds."""

    def __init__(
        self,
        files: Callable[[], Iterable[Path]],
        settle: float = SETTLE_SECONDS,
        clock: Clock = time.monotonic,
    ) -> None:
        self._files, self._settle, self._clock = files, settle, clock
        self._seen = snapshot(files())
        self._pending: Snapshot | None = None
        self._since = 0.0

    def poll(self) -> tuple[Path, ...]:
        """The paths changed, added or removed since the last report, sorted; () until settled."""
        now = snapshot(self._files())
        if now != (self._seen if self._pending is None else self._pending):
            self._pending, self._since = now, self._clock()
            return ()
        if self._pending is None or self._clock() - self._since < self._settle:
            return ()
        before, self._seen, self._pending = self._seen, self._pending, None
        return tuple(sorted(p for p in before.keys() | now.keys() if before.get(p) != now.get(p)))


@dataclass(frozen=True)
class Watcher:
    """What to rebuild and which files to watch; make one with `Watcher.for_inputs`."""

    data: str | Path | None  # as the user named it, so messages read as in a single build
    data_file: Path
    assets: Path
    options: BuildOptions = field(default_factory=BuildOptions)

    @classmethod
    def for_inputs(
        cls,
        data: str | Path | None,
        assets: str | Path | None,
        options: BuildOptions | str | Path | None = None,
        **changes: Any,
    ) -> Watcher:
        """Resolve the data file and the assets folder, with `options` as build takes them;
        raises InputError if either is missing or an option is unusable."""
        opts = build_options(options, changes)
        folder = Path(assets) if assets is not None else default_assets_dir()
        if not folder.is_dir():
            raise BrandError.at(folder, "assets", "is not a folder: name the assets folder")
        return cls(data, resolve_dataset(data), folder, opts)

    def files(self) -> list[Path]:
        """The data file and every file in the assets folder, without hidden files or outputs."""
        skip = self.options.out.resolve()
        found = [self.data_file]
        for root, dirs, names in os.walk(self.assets):
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and Path(root, d).resolve() != skip
            )
            found += (Path(root, n) for n in sorted(names) if not n.startswith("."))
        return found

    def build_once(self, number: int = 1, changed: tuple[Path, ...] = ()) -> Attempt:
        """Build now; an error is returned in the Attempt, never raised (Ctrl-C still is)."""
        start = time.perf_counter()
        try:
            result = build(self.data, self.assets, self.options)
        except Exception as exc:
            return Attempt(number, changed, time.perf_counter() - start, error=exc)
        return Attempt(number, changed, time.perf_counter() - start, result=result)

    def run(
        self,
        on_build: Callable[[Attempt], None],
        stop: threading.Event | None = None,
        max_builds: int | None = None,
        poll: float = POLL_SECONDS,
        settle: float = SETTLE_SECONDS,
        clock: Clock = time.monotonic,
    ) -> int:
        """Build, then rebuild after every settled change until `stop` is set or `max_builds`.

        Calls `on_build` after each build; returns the number of builds. The files are read
        before each build, so a change made while building sets off another one.
        """
        stop = stop or threading.Event()
        changes = Changes(self.files, settle, clock)
        builds = 1
        on_build(self.build_once())
        while not stop.is_set() and (max_builds is None or builds < max_builds):
            stop.wait(poll)
            changed = changes.poll()
            if changed and not stop.is_set():
                builds += 1
                on_build(self.build_once(builds, changed))
        return builds
