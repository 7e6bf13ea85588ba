"""The command line's arguments: every command, its arguments and its help, as argparse
reads them (the commands themselves are in `main`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__
from ..build.options import OUTPUTS
from ..data.facts import DEFAULT_DATASET
from .refresh import add_refresh_parser

DATA_HELP = f"a data file (.yml) or the name of a packaged dataset (default: {DEFAULT_DATASET})"
DATAS_HELP = (
    "data files (.yml), packaged dataset names or folders of data files; several are built "
    f"side by side (default: {DEFAULT_DATASET})"
)
ASSETS_HELP = (
    "the branding folder (default: ./assets if it has a brand.yml, else the built-in brand)"
)


def parser() -> argparse.ArgumentParser:
    """The `rolereport` command's parser, with a subcommand for each command."""
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
    _assets_and_out(b)
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
        type=str.lower,
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
        type=positive,
        metavar="N",
        help="with several datasets: how many to build at once (default: one per CPU core)",
    )

    v = sub.add_parser(
        "preview", help="write PNG pictures of every page of the handout, the deck and the guide"
    )
    v.add_argument("data", nargs="?", help=DATA_HELP)
    _assets_and_out(v)
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

    add_refresh_parser(sub, positive)
    return p


def _assets_and_out(p: argparse.ArgumentParser) -> None:
    """The flags of every command that writes documents: where the brand is, where to write."""
    p.add_argument("--assets", type=Path, help=ASSETS_HELP)
    p.add_argument(
        "--out", type=Path, default=Path("output"), help="output folder (default: ./output)"
    )


def positive(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)
