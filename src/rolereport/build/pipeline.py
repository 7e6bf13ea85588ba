"""One build: data + assets → Report → documents in memory → files replaced atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..brand.fonts import pictures_miss_deck_font
from ..brand.theme import Theme, theme_files
from ..content.model import Rendered, Report
from ..content.report import build_report
from ..data.facts import Dataset
from ..errors import OutputError, Problem
from ..files.cache import build_key, cache_root
from ..files.clock import source_date_epoch
from .inputs import read_inputs
from .options import OUTPUTS, BuildOptions, Output, build_options
from .stamps import fresh, record
from .workers import Ahead, can_fork, run_jobs

if TYPE_CHECKING:  # the PDF writer is imported only when a PDF is made
    from ..pdf.figures import ChartOrder

_SUFFIX = {"pdf": "handout.pdf", "pptx": "deck.pptx", "guide": "guide.pdf"}
_STAGE = {"pdf": "pdf", "pptx": "deck", "guide": "guide"}  # --timings names

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, what it wants the user to know, and how long each stage took."""

    paths: tuple[Path, ...]
    warnings: tuple[str, ...]
    pages: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    up_to_date: bool = False  # nothing changed since the last build: nothing was rewritten


def output_path(out_dir: Path, slug: str, kind: Output) -> Path:
    """`<out>/<slug>-handout.pdf`, `<out>/<slug>-deck.pptx` or `<out>/<slug>-guide.pdf`."""
    return out_dir / f"{slug}-{_SUFFIX[kind]}"


def render_handout(report: Report, theme: Theme, paper: str = "letter") -> Rendered:
    from ..pdf.handout import render_handout as render

    return render(report, theme, paper)  # type: ignore[arg-type]


def render_deck(
    report: Report, theme: Theme, aspect: str = "16:9", charts: str | None = None
) -> Rendered:
    """The deck; `charts` native or picture (None: the brand's choice)."""
    from ..deck.writer import render_deck as render

    return render(report, theme, aspect, charts or theme.deck_charts)  # type: ignore[arg-type]


def render_guide(
    report: Report, theme: Theme, paper: str = "letter", aspect: str = "16:9"
) -> Rendered:
    """The facilitator guide: the deck's slides as render_deck plans them for this theme and
    aspect, with timings, notes, prompts, scoring and sources, on the handout's paper."""
    from ..pdf.guide import render_guide as render
    from ..plan.deckplan import deck_plan
    from ..plan.runsheet import run_sheet

    sheet = run_sheet(report, deck_plan(report, theme, aspect))  # type: ignore[arg-type]
    return render(sheet, report, theme, paper)  # type: ignore[arg-type]


def build(
    data: str | Path | Dataset | None = None,
    assets: str | Path | Theme | None = None,
    options: BuildOptions | str | Path | None = None,
    progress: Progress | None = None,
    **changes: Any,
) -> BuildResult:
    """Build the documents `options` asks for and write them; raises InputError or
    OutputError. `options` may be a folder (the default options, writing there) and keyword
    `changes` set its fields: `build(data, assets, "out", only=("pdf",), force=True)`.

    Nothing is written unless every requested document rendered, and an existing file is
    only ever replaced whole. With `parallel`, the documents render side by side where a
    forked worker pays (see workers.run_jobs): the same bytes, in less time. When the
    inputs, options and code are those of the last build and its files are untouched, nothing
    is rendered or rewritten (see stamps), unless `force`.
    """
    opts = build_options(options, changes)
    ahead = None  # a worker loading matplotlib from now on, to draw the handout's charts
    if "pdf" in opts.only and opts.parallel and can_fork() and not _any_chart_cached():
        ahead = Ahead(_draw_chart, _load_charts)
    try:
        return _build(data, assets, opts, progress, ahead)
    finally:
        if ahead is not None:
            _forget(ahead)


def _build(
    data: str | Path | Dataset | None,
    assets: str | Path | Theme | None,
    opts: BuildOptions,
    progress: Progress | None,
    ahead: Ahead[bytes] | None,
) -> BuildResult:
    only, paper = opts.only, opts.paper
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    explicit_aspect = opts.aspect is not None
    aspect = opts.aspect or "16:9"
    inputs = read_inputs(data, assets, say)  # the checks `rolereport check` makes
    dataset, theme, warnings = inputs.dataset, inputs.theme, inputs.warnings
    if opts.deck_charts and opts.deck_charts != theme.deck_charts:
        # the option wins over the brand; the plan and the guide follow it. The brand warned
        # of its own choice only: warn of the option's here.
        theme = replace(theme, deck_charts=opts.deck_charts)
        why = pictures_miss_deck_font(theme.font.family, theme.deck_font)
        if opts.deck_charts == "picture" and why and ("pptx" in opts.only):
            warnings += (f"deck_charts picture: {why}",)
    lap("load")
    say("Writing the content")
    report = build_report(dataset)
    if explicit_aspect and theme.template and ("pptx" in only or "guide" in only):
        warnings += (f"the aspect {aspect} is ignored: the template sets the slide size",)
    kinds = [k for k in OUTPUTS if k in only]
    targets = {k: output_path(opts.out, report.slug, k) for k in kinds}
    key = build_key(
        dataset.model_dump_json(),
        theme,
        kinds,
        paper or theme.paper,
        aspect,
        theme.deck_charts,
        source_date_epoch(),
        files=theme_files(theme),
    )
    lap("content")
    last = None if opts.force else fresh(key, list(targets.values()))
    if last is not None:
        say("Nothing changed since the last build")
        paths = tuple(targets.values())
        return BuildResult(paths, warnings + last.warnings, last.pages, timings, up_to_date=True)
    jobs: dict[str, Callable[[], Rendered]] = {}
    if "pdf" in only:
        say("Laying out the handout (PDF)")
        jobs["pdf"] = partial(render_handout, report, theme, paper or theme.paper)
    if "pptx" in only:
        say("Building the deck (PowerPoint)")
        jobs["pptx"] = partial(render_deck, report, theme, aspect)
    if "guide" in only:
        say("Writing the facilitator guide (PDF)")
        jobs["guide"] = partial(render_guide, report, theme, paper or theme.paper, aspect)
    late = None  # a worker started now, where the cache has charts but not all
    if "pdf" in only and opts.parallel and (ahead is not None or can_fork()):
        orders = missing_charts(report, theme, paper or theme.paper)
        if ahead is None and orders:
            ahead = late = Ahead(_draw_chart, _load_charts)
        if ahead is not None:
            draw_ahead(ahead, orders)
    try:
        done = run_jobs(jobs, opts.parallel)
    finally:
        if late is not None:
            _forget(late)
    rendered: dict[Output, Rendered] = {k: r for k, (r, _) in done.items()}  # type: ignore[misc]
    timings |= {_STAGE[k]: seconds for k, (_, seconds) in done.items()}
    lap("render")
    say("Saving")
    paths = write_all({targets[k]: r.data for k, r in rendered.items()})
    pages = {k: r.pages for k, r in rendered.items()}
    said = tuple(w for r in rendered.values() for w in r.warnings)
    record(key, paths, pages, said)
    lap("write")
    warnings += said
    return BuildResult(paths, warnings, pages, timings)


def missing_charts(report: Report, theme: Theme, paper: str) -> list[ChartOrder]:
    """The handout's charts that are not in the cache (pdf.figures.handout_charts)."""
    from ..charts.render import chart_cached
    from ..pdf.figures import handout_charts

    return [o for o in handout_charts(report, theme, paper) if not chart_cached(*o, "svg")]


def draw_ahead(ahead: Ahead[bytes], orders: list[ChartOrder]) -> None:
    """Asks `ahead` for the charts `orders`, to draw in turn while this process lays the
    handout out: the handout takes each from there (render_chart waits for it) and never
    imports matplotlib."""
    from ..charts.render import expect

    ahead.ask(orders)
    for n, order in enumerate(orders):
        expect(partial(ahead.result, n), *order, "svg")


def _any_chart_cached() -> bool:
    """Whether the chart cache has anything (else every chart is drawn: a cold build)."""
    root = cache_root()
    if root is None:
        return False
    with contextlib.suppress(OSError):
        return any((root / "charts").iterdir())
    return False


def _draw_chart(order: ChartOrder) -> bytes:
    """In the worker: the SVG of one of the handout's charts."""
    from ..charts.render import render_chart

    return render_chart(*order, "svg")


def _load_charts() -> None:
    """In the worker, while this process reads the inputs: matplotlib and the chart code."""
    from ..charts import draw  # noqa: F401


def _forget(ahead: Ahead[bytes]) -> None:
    from ..charts.render import forget_expected

    forget_expected()
    ahead.close()


def write_all(files: dict[Path, bytes]) -> tuple[Path, ...]:
    """Write every file or none; returns the paths written.

    Each file goes to a temporary file beside its target first, fsynced; targets are replaced
    only once every file is staged. Raises OutputError when a folder cannot take the files
    (nothing is replaced then), or when a target cannot be replaced (open in another program,
    read-only): its new version is then kept beside it as `<stem>.new<suffix>`, and the
    message names both.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            staged.append((_stage(target, data), target))
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    failed: list[Problem] = []
    for tmp, target in staged:
        try:
            os.replace(tmp, target)
        except OSError as exc:
            failed.append(Problem(str(target), "", _set_aside(tmp, target, exc)))
    for folder in {target.parent for _, target in staged}:
        _fsync_folder(folder)
    if failed:
        raise OutputError(failed)
    return tuple(target for _, target in staged)


def _stage(target: Path, data: bytes) -> Path:
    """`data` in a fsynced temporary file (a dot file) in the target's folder."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        why = f"cannot write there ({exc.strerror or exc}); choose another output folder"
        raise OutputError([Problem(str(target.parent), "out", why)]) from None
    tmp = Path(name)
    try:
        mask = os.umask(0)  # mkstemp makes 0600 files; give the mode a new file would get
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # disk full, quota, I/O error
            why = (
                f"cannot write it ({exc.strerror or exc}); nothing was replaced: "
                "free some space or choose another output folder"
            )
            raise OutputError([Problem(str(target), "out", why)]) from None
        raise
    return tmp


def _set_aside(tmp: Path, target: Path, exc: OSError) -> str:
    """Keep the new version beside a target that cannot be replaced; say where it went."""
    reason = exc.strerror or str(exc)
    aside = target.with_name(f"{target.stem}.new{target.suffix}")
    try:
        os.replace(tmp, aside)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return (
            f"cannot replace it ({reason}) nor write {aside}; nothing was written for it: "
            "close it if another program has it open, or make it writable, and build again"
        )
    return (
        f"cannot replace it ({reason}); the new version is {aside}: close the old one "
        "if another program has it open, or make it writable, then build again or rename it"
    )


def _fsync_folder(folder: Path) -> None:
    """Make the renames durable (POSIX); a no-op where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
