"""`rolereport refresh`: its arguments, and the table of what changes, for the CLI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..build.batch import expand_inputs
from ..errors import RoleReportError
from .console import error_lines


def add_refresh_parser(sub: Any, positive: Callable[[str], int]) -> None:
    """The `refresh` subcommand and its options, on the CLI's subparsers."""
    r = sub.add_parser(
        "refresh",
        help="update data files' BLS figures from the newest BLS tables",
        description="Replace the BLS wage percentiles, projections and entry education of\n"
        "every role that has occupation.code with those of the BLS tables you downloaded,\n"
        "and cite the new vintage. Without --write it only prints what would change.",
        epilog="where to download the files (with a web browser):\n"
        "  --oews         https://www.bls.gov/oes/tables.htm: the newest May, National, XLSX\n"
        "                 (a zip: unzip it and give national_MYYYY_dl.xlsx)\n"
        "  --projections  https://www.bls.gov/emp/tables.htm: occupation.xlsx\n\n"
        "example:\n"
        "  rolereport refresh handouts/ --oews national_M2024_dl.xlsx "
        "--projections occupation.xlsx\n"
        "  (then again with --write; more in docs/refresh.md)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("data", nargs="+", help="data files (.yml) or folders of data files")
    r.add_argument(
        "--oews",
        type=Path,
        required=True,
        metavar="FILE",
        help="the OEWS national estimates, national_MYYYY_dl.xlsx (or the table saved as CSV)",
    )
    r.add_argument(
        "--projections",
        type=Path,
        metavar="FILE",
        help="the Employment Projections occupation.xlsx (or its Table 1.2 saved as CSV)",
    )
    r.add_argument(
        "--period",
        type=positive,
        metavar="YEAR",
        help="the year of the tables (May YEAR wages, YEAR-YEAR+10 projections), for files "
        "that do not say it",
    )
    r.add_argument(
        "--write", action="store_true", help="rewrite the data files (default: a dry run)"
    )


def run_refresh(args: argparse.Namespace) -> int:
    """Refresh every data file named; print a row per changed figure; the exit code."""
    from ..data.bls import read_oews, read_projections
    from ..data.refresh import refresh_dataset, write_refreshed

    wages = read_oews(args.oews)
    projections = read_projections(args.projections) if args.projections else None
    codes = []
    for name in expand_inputs(args.data):
        try:
            r = refresh_dataset(name, wages, projections, args.period)
            if args.write and r.after != r.before:
                write_refreshed(r)
        except RoleReportError as exc:
            for line in error_lines(exc):
                print(line, file=sys.stderr)
            codes.append(exc.exit_code)
            continue
        done = "written" if args.write else "dry run: nothing written; --write saves them"
        count = f"{len(r.changes)} changes ({done})" if r.changes else "nothing to change"
        print(f"{r.path.name}: {count}")
        rows = [("ROLE", "KEY", "OLD", "NEW"), *((c.role, c.key, c.old, c.new) for c in r.changes)]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows if r.changes else ():
            cells = [row[i].ljust(widths[i]) for i in range(3)]
            print("  " + "  ".join([*cells, row[3]]))
        for w in r.warnings:
            print(f"Warning: {w}", file=sys.stderr)
        for e in r.errors:
            print(f"Error: {e}", file=sys.stderr)
        codes.append(1 if r.errors else 0)
    return 2 if 2 in codes else max(codes, default=0)
