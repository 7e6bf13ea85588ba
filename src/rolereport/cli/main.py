"""The command line's commands: call the library, print results and warnings, set the exit
code (the arguments they take are in `parser`)."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace

from ..build.batch import build_many, exit_code, expand_inputs, is_batch
from ..build.inputs import read_inputs
from ..build.options import OUTPUTS, BuildOptions
from ..build.pipeline import build
from ..build.starter import init_folder
from ..build.watch import Watcher
from ..content.report import build_report
from ..data.facts import load_dataset, packaged_datasets
from ..data.schema import json_schema
from ..errors import InputError, RoleReportError
from .console import BatchProgress, WatchLog, error_lines, summary_table, timings_lines
from .parser import parser
from .refresh import run_refresh


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 2 bad input or usage, 1 anything else)."""
    args = parser().parse_args(argv)
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
