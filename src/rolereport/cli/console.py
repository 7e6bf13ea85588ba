"""What long builds print: error lines, watch-mode lines, batch progress and its summary table."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..build.batch import Outcome
from ..build.watch import Attempt, Watcher
from ..errors import Problem, RoleReportError

_SHOWN_CHANGES = 3  # file names listed in a rebuild line before "+N more"
_ERROR_LINES = 2  # an error in a narrowed summary table takes at most this many lines
_ERROR_MIN = 30  # the narrowest an error's lines get, however narrow the terminal
_NAME_MIN = 12  # the narrowest a dataset name gets in a narrowed summary table
_INDENT = "    "  # before an error on lines of its own, under its dataset's row


def error_lines(exc: BaseException) -> list[str]:
    """`Error: ...` lines for any exception: one per problem, or one for an unexpected error."""
    if isinstance(exc, RoleReportError):
        return [f"Error: {_with_flag(p)}" for p in exc.problems]
    return [
        f"Error: unexpected {type(exc).__name__}: {exc} (nothing was written; "
        "rerun with --debug and report it)"
    ]


# The library names options by their BuildOptions field; the command line by its flags.
FLAGS = {"out": "--out", "only": "--only", "paper": "--paper", "aspect": "--aspect"}
FLAGS |= {"assets": "--assets"}


def _with_flag(problem: Problem) -> str:
    """A problem as the library says it, with the flag for the option it is about."""
    flag = FLAGS.get(problem.path)
    if flag is None:
        return str(problem).lstrip(": ")
    if not problem.file:
        return f"{flag}: {problem.message}"
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return f"{where}: {problem.message} ({flag})"


def _errors(outcome: Outcome) -> list[str]:
    """A failed dataset's error lines, with the flags of the options they are about."""
    if outcome.problems:
        return [_with_flag(p) for p in outcome.problems]
    return outcome.error.splitlines()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class WatchLog:
    """Prints one line per build of the watch loop; warnings only when they change."""

    def __init__(self, watcher: Watcher, debug: bool = False) -> None:
        self._watcher, self._debug = watcher, debug
        self._warnings: tuple[str, ...] | None = None

    def __call__(self, attempt: Attempt) -> None:
        cause = f"{_changed(attempt.changed)} changed: " if attempt.changed else ""
        if attempt.error is not None:
            if self._debug:
                traceback.print_exception(attempt.error, file=sys.stderr)
            for line in error_lines(attempt.error):
                print(line, file=sys.stderr)
            said = f"build failed after {attempt.seconds:.1f} s; the previous files are kept"
        else:
            result = attempt.result
            assert result is not None
            if attempt.number == 1:
                for path in result.paths:
                    print(path)
            if result.warnings != self._warnings:
                for w in result.warnings:
                    print(f"Warning: {w}", file=sys.stderr)
                self._warnings = result.warnings
            done = "built" if attempt.number == 1 else "rebuilt"
            files = _plural(len(result.paths), "file")
            if result.up_to_date:  # saved without a change, or as the last build left it
                done, files = "up to date:", f"{files} unchanged"
            said = (
                f"{done} {files} in {attempt.seconds:.1f} s, "
                f"{_plural(len(result.warnings), 'warning')}"
            )
        print(f"[{datetime.now():%H:%M:%S}] {cause}{said}", flush=True)
        if attempt.number == 1:
            w = self._watcher
            print(
                f"Watching {w.data_file} and {w.assets} for changes; press Ctrl-C to stop.",
                file=sys.stderr,
                flush=True,
            )


def _changed(paths: Sequence[Path]) -> str:
    names = [p.name for p in paths[:_SHOWN_CHANGES]]
    more = len(paths) - len(names)
    return ", ".join(names) + (f" (+{more} more)" if more else "")


class BatchProgress:
    """Progress of a batch on stderr: a line per finished dataset, or one updating line on a TTY."""

    def __init__(self, total: int, debug: bool = False) -> None:
        self._err = sys.stderr
        self._tty = self._err.isatty()
        self._debug, self._total, self._failed = debug, total, 0
        self._shown = False  # an updating line is on screen
        self._status(0)

    def __call__(self, outcome: Outcome, done: int, total: int) -> None:
        self._failed += not outcome.ok
        self.close()
        if not self._tty:
            state = _done_text(outcome) if outcome.ok else "failed"
            print(f"[{done}/{total}] {outcome.dataset}: {state}", file=sys.stderr)
        for w in outcome.warnings:
            print(f"Warning: {w}", file=sys.stderr)
        if self._debug and outcome.trace:
            print(outcome.trace, end="", file=sys.stderr)
        for line in _errors(outcome):
            print(f"Error: {line}", file=sys.stderr)
        self._status(done)

    def close(self) -> None:
        """Clear the updating line, if one is shown."""
        if self._shown:
            self._err.write("\r\x1b[K")
            self._err.flush()
            self._shown = False

    def _status(self, done: int) -> None:
        if self._tty and done < self._total:
            failed = f", {self._failed} failed" if self._failed else ""
            self._err.write(f"Building {self._total} datasets: {done} done{failed}…")
            self._shown = True
        self._err.flush()


def _done_text(o: Outcome) -> str:
    files = _plural(len(o.paths), "file") + (" up to date" if o.up_to_date else "")
    return f"{files} in {o.seconds:.1f} s, {_plural(len(o.warnings), 'warning')}"


def summary_table(outcomes: Sequence[Outcome], out: Path, columns: int | None = None) -> str:
    """A plain-text table that fits `columns` (default: the terminal's width, or no limit when
    the output goes to a file or a pipe and COLUMNS is unset): dataset,
    outputs, time, warnings count or the error; then totals.

    A table too wide for the terminal names the outputs by kind ("handout, deck, guide", or
    "up to date" when nothing was rewritten), shortens long dataset names from the left,
    and puts an error that does not fit on its row under it, wrapped, at most two lines.
    The error lines printed above the table keep the full text.
    """
    cols = columns or _terminal_columns()
    head = ("Dataset", "Outputs", "Time", "Warnings or error")
    rows = [_row(o, short=False) for o in outcomes]
    short = _width([head, *rows], 4) > cols
    if short:
        head = ("Dataset", "Outputs", "Time", "Warnings")
        rows = [_row(o, short=True) for o in outcomes]
        room = cols - _width([head, *rows], 3) - len(head[3])
        if room < 0:
            longest = max(len(r[0]) for r in [head, *rows])
            rows = [(_left_cut(r[0], longest + room), *r[1:]) for r in rows]
    width = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    lines = []
    for r, ok in zip([head, *rows], [True, *(o.ok for o in outcomes)], strict=True):
        start = f"{r[0]:<{width[0]}}  {r[1]:<{width[1]}}  {r[2]:>{width[2]}}  "
        if not short or ok or len(start) + len(r[3]) <= cols:
            lines.append((start + r[3]).rstrip())
        else:
            lines.append(start.rstrip())
            lines += [_INDENT + w for w in _wrap(r[3], max(cols - len(_INDENT), _ERROR_MIN))]
    failed = sum(not o.ok for o in outcomes)
    built = (
        f"{len(outcomes) - failed} built, {failed} failed" if failed else f"{len(outcomes)} built"
    )
    total = f"{built}; the files are in {out}"
    lines += [total] if len(total) <= cols else [f"{built}; the files are in", f"{_INDENT}{out}"]
    return "\n".join(lines)


def _terminal_columns() -> int:
    if "COLUMNS" in os.environ or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return sys.maxsize  # a log file or a pipe: the full table, one line per dataset


def _row(o: Outcome, short: bool) -> tuple[str, str, str, str]:
    if o.ok:
        result = str(len(o.warnings))
    else:
        lines = _errors(o) or [""]
        result = "Error: " + lines[0]
        if len(lines) > 1:
            result += f" (+{len(lines) - 1} more, above)"
    if short:  # "<slug>-handout.pdf" → "handout": the kind is what tells the files apart
        kinds = ", ".join(p.stem.rpartition("-")[2] for p in o.paths) or "-"
        files = "up to date" if o.up_to_date else kinds
    else:
        files = ", ".join(p.name for p in o.paths) or "-"
        files += " (up to date)" if o.up_to_date else ""
    return (o.dataset, files, f"{o.seconds:.1f} s", result)


def _width(rows: Sequence[tuple[str, ...]], n: int) -> int:
    """The width of the first `n` columns with their gaps."""
    return sum(max(len(r[i]) for r in rows) + 2 for i in range(n))


def _left_cut(text: str, width: int) -> str:
    """`…spring/nursing.yml`: the end of a name is what tells two of them apart."""
    width = max(width, _NAME_MIN)
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width`, at most _ERROR_LINES of them, the last one ending
    in "… (in full above)" when some was left out."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    if len(lines) <= _ERROR_LINES:
        return lines
    tail = "… (in full above)"
    rest = " ".join(lines[_ERROR_LINES - 1 :])
    last = rest[: width - len(tail)].rstrip()
    return [*lines[: _ERROR_LINES - 1], last + tail]


def timings_lines(outcomes: Sequence[Outcome]) -> list[str]:
    """One line per built dataset with how long each stage took."""
    return [
        f"{o.dataset}: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in o.timings.items())
        for o in outcomes
        if o.timings
    ]
