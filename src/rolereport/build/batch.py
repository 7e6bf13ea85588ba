"""Many datasets at once: expand the arguments, check the slugs, build each in a worker process."""

from __future__ import annotations

import os
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, as_completed, wait
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ..brand.load import load_brand
from ..brand.theme import Theme
from ..data.facts import load_dataset, resolve_dataset
from ..errors import InputError, Problem, RoleReportError
from .options import BuildOptions, build_options
from .pipeline import build

DATA_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Outcome:
    """One dataset's build as plain data (it crosses a process boundary): its files or error."""

    dataset: str  # as the user named it, or `folder/file.yml` for a file found in a folder
    paths: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    error: str = ""  # `file: key.path: message` lines, as a single build prints them
    problems: tuple[Problem, ...] = ()  # the same, as values (the CLI adds its flags)
    exit_code: int = 0  # 0 built, 2 bad input, 1 anything else
    trace: str = ""  # the traceback of an unexpected error, for --debug
    timings: dict[str, float] = field(default_factory=dict)
    up_to_date: bool = False  # nothing changed since its last build: nothing was rewritten

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


Done = Callable[[Outcome, int, int], None]  # (outcome, how many are done, how many in all)


def is_batch(inputs: Sequence[str | Path]) -> bool:
    """True for several data arguments, or a folder: those are built as a batch."""
    return len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)


def expand_inputs(inputs: Sequence[str | Path]) -> list[str]:
    """Every dataset the arguments name, in order; a folder gives its .yml/.yaml files, sorted.

    A file named twice (directly and through its folder, say) is kept once. Raises
    InputError for a folder without data files.
    """
    found: list[str] = []
    for arg in inputs:
        folder = Path(arg)
        if folder.is_dir():
            files = sorted(
                p
                for p in folder.iterdir()
                if p.suffix.lower() in DATA_SUFFIXES and not p.name.startswith(".") and p.is_file()
            )
            if not files:
                raise InputError.at(folder, "", "has no .yml or .yaml data files: check the folder")
            found += (str(p) for p in files)
        else:
            found.append(str(arg))
    kept: dict[str, str] = {}
    for name in found:
        kept.setdefault(_identity(name), name)
    return list(kept.values())


def _identity(name: str) -> str:
    try:
        return str(resolve_dataset(name).resolve())
    except RoleReportError:
        return name


def build_many(
    inputs: Sequence[str | Path],
    assets: str | Path | None = None,
    options: BuildOptions | str | Path | None = None,
    jobs: int | None = None,
    on_done: Done | None = None,
    **changes: Any,
) -> list[Outcome]:
    """Build every dataset with `options` (as build takes them, `changes` included), in
    worker processes; returns one Outcome per dataset.

    A dataset that fails does not stop the others. Raises InputError before building anything
    when an option or the brand is unusable, a folder holds no data file, or two datasets
    share a slug (their files would overwrite each other). On Ctrl-C the builds under way
    finish (their files are whole), the others never start, and KeyboardInterrupt is raised.
    """
    # Each worker renders its documents one after the other: the workers share the cores.
    opts = replace(build_options(options, changes), parallel=False)
    names = expand_inputs(inputs)
    theme = load_brand(assets)
    outcomes: dict[str, Outcome] = {}
    todo = _check_slugs(names, outcomes)
    total, done = len(names), 0

    def finish(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        outcomes[outcome.dataset] = outcome
        if on_done:
            on_done(outcome, done, total)

    for outcome in list(outcomes.values()):  # the files that did not load: known already
        finish(outcome)
    if todo:
        job = partial(_build_one, theme=theme, options=opts)
        _run_pool(todo, min(len(todo), jobs or _cpus()), job, finish)
    return [outcomes[name] for name in names]


def _run_pool(
    todo: list[str],
    workers: int,
    job: Callable[[str], Outcome],
    finish: Callable[[Outcome], None],
) -> None:
    """Build `todo` with `workers` processes, handing out one dataset per free worker.

    Handing them out one at a time (rather than queueing all) means that on Ctrl-C only the
    builds under way still run: they are waited for and reported, the rest never start. A
    worker that dies (killed, out of memory) fails its dataset; fresh workers build the rest.
    """
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for batches

    def start(name: str) -> None:
        nonlocal pool
        try:
            running[pool.submit(job, name)] = name
        except BrokenExecutor:
            pool.shutdown(wait=True)
            pool = ProcessPoolExecutor(workers, initializer=_ignore_ctrl_c)
            running[pool.submit(job, name)] = name

    waiting = list(todo)
    running: dict[Future[Outcome], str] = {}
    pool = ProcessPoolExecutor(workers, initializer=_ignore_ctrl_c)
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                start(waiting.pop(0))
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                finish(_collect(future, running.pop(future)))
    except KeyboardInterrupt:
        for future in as_completed(running):
            finish(_collect(future, running[future]))
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """0 when every dataset was built, 2 when one had bad input, else 1."""
    codes = {o.exit_code for o in outcomes}
    return 2 if 2 in codes else max(codes, default=0)


def _check_slugs(names: list[str], failed: dict[str, Outcome]) -> list[str]:
    """The datasets that load, after checking no two share a slug; the others go to `failed`."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    todo: list[str] = []
    for name in names:
        start = time.perf_counter()
        try:
            slug = load_dataset(name).slug
        except RoleReportError as exc:
            failed[name] = Outcome(
                name, seconds=time.perf_counter() - start, error=str(exc), exit_code=exc.exit_code
            )
            continue
        if slug in first:
            problems.append(
                Problem(
                    name,
                    "meta.slug",
                    f"'{slug}' is also the slug of {first[slug]}, so their files ({slug}-…) "
                    "would overwrite each other: give one of them its own meta.slug",
                )
            )
        first.setdefault(slug, name)
        todo.append(name)
    if problems:
        raise InputError(problems)
    return todo


def _build_one(name: str, theme: Theme, options: BuildOptions) -> Outcome:
    """Runs in a worker: build one dataset, errors turned into plain text and an exit code."""
    start = time.perf_counter()
    try:
        result = build(name, theme, options)
    except RoleReportError as exc:
        seconds = time.perf_counter() - start
        return Outcome(
            name, seconds=seconds, error=str(exc), problems=exc.problems, exit_code=exc.exit_code
        )
    except Exception as exc:
        return Outcome(
            name,
            seconds=time.perf_counter() - start,
            error=f"unexpected {type(exc).__name__}: {exc}",
            exit_code=1,
            trace=traceback.format_exc(),
        )
    seconds = time.perf_counter() - start
    return Outcome(
        name,
        result.paths,
        result.warnings,
        seconds,
        timings=result.timings,
        up_to_date=result.up_to_date,
    )


def _collect(future: Future[Outcome], name: str) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # the worker itself died (out of memory, killed)
        return Outcome(
            name,
            error=f"its worker process stopped ({type(exc).__name__}: {exc}); build it alone",
            exit_code=1,
            trace="".join(traceback.format_exception(exc)),
        )


def _ignore_ctrl_c() -> None:
    # Ctrl-C reaches every process of the terminal; only the parent acts on it, so a
    # worker never dies half-way through writing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
