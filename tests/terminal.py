"""The rolereport command as a terminal starts it, for the tests that press Ctrl-C."""

from __future__ import annotations

import sys

# A program started in the background of a shell without job control (`cmd &` in a script,
# CI runners, nohup) inherits SIGINT ignored, and Python keeps it ignored; pytest and its
# workers pass that on to every child. A terminal's foreground command gets Ctrl-C as
# KeyboardInterrupt, so the command under test is given that handler before it starts.
_AS_IN_A_TERMINAL = (
    "import runpy, signal, sys; "
    "signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('rolereport', run_name='__main__', alter_sys=True)"
)


def rolereport_command(*args: str) -> list[str]:
    """`python -m rolereport ARGS`, with Ctrl-C raising KeyboardInterrupt however the test
    run itself was started."""
    return [sys.executable, "-c", _AS_IN_A_TERMINAL, *args]
