"""The command line: parses arguments, calls the library, prints results, warnings and
errors, and turns them into exit codes. A thin skin: no decisions about documents here."""

from .main import main

__all__ = ["main"]
