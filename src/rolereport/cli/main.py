"""The command line: parse, call the library, print results and warnings, set the exit code."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .. import __version__
from ..build.batch import build_many, exit_code, expand_inputs, is_batch
from ..build.inputs import read_inputs
from ..build.options import OUTPUTS, BuildOptions
from ..build.pipeline import build
from ..build.starter import init_folder
from ..build.watch import Watcher
from ..content.report import build_report
from ..data.facts import DEFAULT_DATASET, load_dataset, packaged_datasets
from ..data.schema import json_schema
from ..errors import InputError, RoleReportError
from .console import BatchProgress, WatchLog, error_lines, summary_table, timings_lines
from .refresh import add_refresh_parser, run_refresh

DATA_HELP = f"a data file (.yml) or the name of a packaged dataset (default: {DEFAULT_DATASET})"
DATAS_HELP = (
    "data files (.yml), packaged dataset names or folders of data files; several are built "
    f"side by side (default: {DEFAULT_DATASET})"
)
ASSETS_HELP = (
    "the branding folder (default: ./assets if it has a brand.yml, else the built-in brand)"
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rolereport",
        description="Turn sourced facts about careers into a PDF handout, a PowerPoint deck "
        "and a facilitator guide.",
    )
    p.add_argument("--version", action="version", version=f"rolereport {__version__}")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser(
        "build", help="build the handout (PDF), the deck (PowerPoint) and the facilitator guide"
    )
    b.add_argument("data", nargs="*", help=DATAS_HELP)
    b.add_argument("--assets", type=Path, help=ASSETS_HELP)
    b.add_argument(
        "--out", type=Path, default=Path("output"), help="output folder (default: ./output)"
    )
    b.add_argument(
        "--only",
        type=str.lower,  # every choice flag takes any case: --only PDF, --paper A4
        choices=OUTPUTS,
        action="append",
        help="build only pdf (the handout), pptx (the deck) or guide (the facilitator guide); "
        "repeat it for two of them",
    )
    b.add_argument(
        "--paper",
        type=str.lower,
        choices=("letter", "a4"),
        help="handout and guide paper (default: the brand's, else letter)",
    )
    b.add_argument(
        "--aspect",
        type=str.lower,
        choices=("16:9", "4:3"),
        help="deck shape (default 16:9; a template sets its own)",
    )
    b.add_argument(
        "--deck-charts",
        choices=("native", "picture"),
        help="deck charts as native PowerPoint charts people can edit (default, unless the "
        "brand says otherwise) or as pictures, for viewers that do not show native charts",
    )
    b.add_argument("--timings", action="store_true", help="print how long each stage took")
    b.add_argument(
        "--force",
        action="store_true",
        help="build even when nothing changed since the last build",
    )
    b.add_argument(
        "--watch",
        action="store_true",
        help="build, then rebuild whenever the data file or the assets change (Ctrl-C stops)",
    )
    b.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="with several datasets: how many to build at once (default: one per CPU core)",
    )

    v = sub.add_parser(
        "preview", help="write PNG pictures of every page of the handout, the deck and the guide"
    )
    v.add_argument("data", nargs="?", help=DATA_HELP)
    v.add_argument("--assets", type=Path, help=ASSETS_HELP)
    v.add_argument(
        "--out", type=Path, default=Path("output"), help="output folder (default: ./output)"
    )
    v.add_argument("--paper", type=str.lower, choices=("letter", "a4"), help="handout paper")
    v.add_argument("--aspect", type=str.lower, choices=("16:9", "4:3"), help="deck shape")

    c = sub.add_parser("check", help="validate the data file and the brand; write nothing")
    c.add_argument("data", nargs="?", help=DATA_HELP)
    c.add_argument("--assets", type=Path, help=ASSETS_HELP)

    sub.add_parser("datasets", help="list the packaged datasets")

    i = sub.add_parser("init", help="write a data file and an assets folder to start from")
    i.add_argument("folder", type=Path, help="where to write data.yml, assets/ and the schema")
    i.add_argument(
        "--blank", action="store_true", help="a short skeleton (two roles, the required keys)"
    )

    sub.add_parser("schema", help="print the JSON Schema of the data file (for editors)")

    la = sub.add_parser("labels", help="print every fixed text of a language with its key")
    la.add_argument("language", nargs="?", default="en", help="en, de, ... (default: en)")

    d = sub.add_parser("dump", help="print the content model as JSON (for review and tests)")
    d.add_argument("data", nargs="?", help=DATA_HELP)

    add_refresh_parser(sub, _positive)
    return p


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 2 bad input or usage, 1 anything else)."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except RoleReportError as exc:
        if args.debug:
            traceback.print_exc()
        for line in error_lines(exc):
            print(line, file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("Stopped; nothing was written.", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        for line in error_lines(exc):
            print(line, file=sys.stderr)
        return 1


def _options(args: argparse.Namespace) -> BuildOptions:
    """The output folder, outputs, paper, aspect and --force that every kind of build takes."""
    only = tuple(args.only) if args.only else OUTPUTS
    charts = getattr(args, "deck_charts", None)
    return BuildOptions(
        args.out, only, args.paper, args.aspect, deck_charts=charts, force=args.force
    )


def _build(args: argparse.Namespace) -> int:
    if args.watch:
        return _watch(args)
    if is_batch(args.data):
        return _batch(args)
    data = args.data[0] if args.data else None
    tty = sys.stderr.isatty()
    step = [0]

    def progress(message: str) -> None:
        step[0] += 1
        if tty:
            print(f"[{step[0]}] {message}…", file=sys.stderr, flush=True)

    result = build(data, args.assets, _options(args), progress)
    for w in result.warnings:
        print(f"Warning: {w}", file=sys.stderr)
    if result.up_to_date:
        print(
            "Up to date: nothing changed since the last build (--force builds anyway)",
            file=sys.stderr,
        )
    for path in result.paths:
        print(path)
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"{stage:>8}: {seconds * 1000:7.0f} ms", file=sys.stderr)
    return 0


def _watch(args: argparse.Namespace) -> int:
    if is_batch(args.data):
        raise InputError.at(
            "--watch",
            "",
            "watches one dataset at a time: run one 'rolereport build DATA --watch' per dataset",
        )
    options = replace(_options(args), force=False)  # a change is what sets off a build
    watcher = Watcher.for_inputs(args.data[0] if args.data else None, args.assets, options)
    try:
        watcher.run(WatchLog(watcher, args.debug))
    except KeyboardInterrupt:
        print("Stopped watching.", file=sys.stderr)
    return 0


def _batch(args: argparse.Namespace) -> int:
    names = expand_inputs(args.data)
    progress = BatchProgress(len(names), args.debug)
    try:
        outcomes = build_many(names, args.assets, _options(args), args.jobs, progress)
    except KeyboardInterrupt:
        progress.close()
        print(
            "Stopped: the datasets listed above were built or failed; the others were not "
            "started. Every file written is complete.",
            file=sys.stderr,
        )
        return 130
    finally:
        progress.close()
    print(summary_table(outcomes, args.out))
    if args.timings:
        for line in timings_lines(outcomes):
            print(line, file=sys.stderr)
    return exit_code(outcomes)


def _preview(args: argparse.Namespace) -> int:
    from ..build.pipeline import render_deck, render_guide, render_handout
    from ..build.preview import write_preview

    inputs = read_inputs(args.data, args.assets)  # the checks a build makes
    theme, report = inputs.theme, build_report(inputs.dataset)
    paper, aspect = args.paper or theme.paper, args.aspect or "16:9"
    pdf = render_handout(report, theme, paper).data
    pptx = render_deck(report, theme, aspect).data
    guide = render_guide(report, theme, paper, aspect).data
    shown = write_preview(report.slug, pdf, pptx, args.out, guide)
    counts = f"{len(shown.pages)} handout pages, {len(shown.slides)} slides"
    print(f"{counts} and {len(shown.guide)} guide pages as PNG in {args.out}")
    print(shown.sheet)
    if shown.note:
        print(f"Warning: {shown.note}", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    inputs = read_inputs(args.data, args.assets)  # every check a build makes, writing nothing
    dataset, theme = inputs.dataset, inputs.theme
    report = build_report(dataset)
    for w in inputs.warnings:
        print(f"Warning: {w}", file=sys.stderr)
    print(
        f"OK: {report.title} ({len(dataset.roles)} roles, {report.as_of}); "
        f"brand {theme.name!r} from {theme.folder}"
    )
    return 0


def _datasets(_args: argparse.Namespace) -> int:
    for name, path in sorted(packaged_datasets().items()):
        d = load_dataset(path)
        print(f"{name}\t{d.meta.title}\t{d.meta.as_of}")
    return 0


def _dump(args: argparse.Namespace) -> int:
    report = build_report(load_dataset(args.data))
    json.dump(report.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


def _init(args: argparse.Namespace) -> int:
    for path in init_folder(args.folder, args.blank):
        print(path)
    print(f"Next: edit {args.folder / 'data.yml'}, then run", file=sys.stderr)
    print(
        f"  rolereport build {args.folder / 'data.yml'} --assets {args.folder / 'assets'}",
        file=sys.stderr,
    )
    return 0


def _labels(args: argparse.Namespace) -> int:
    from ..text import labels

    language = args.language.replace("-", "_").split("_")[0].lower()
    text = labels.label_text(language)
    if text is None:
        shipped = ", ".join(labels.languages())
        raise InputError.at(
            args.language, "", f"no label set for this language: rolereport ships {shipped}"
        )
    sys.stdout.write(text)
    return 0


def _schema(_args: argparse.Namespace) -> int:
    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


_COMMANDS = {
    "build": _build,
    "check": _check,
    "datasets": _datasets,
    "dump": _dump,
    "init": _init,
    "labels": _labels,
    "preview": _preview,
    "refresh": run_refresh,
    "schema": _schema,
}
