"""Crashes and partial files (RELIABILITY.md): an unexpected error is one line, and no output
is replaced unless every one can be written; locked targets and read-only folders keep the
old files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import PDF, SLUG, assert_untouched, build

from rolereport import (
    OutputError,
    write_all,
)

# Crashes and partial files


# A fault injected into the deck writer, in a child process: no input reaches this path now.
_CRASH = """
import sys
import rolereport
def broken(*args):
    raise ZeroDivisionError("division by zero")
sys.modules["rolereport.build.pipeline"].render_deck = broken
from rolereport.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_unexpected_error_is_one_line_with_a_debug_hint_and_loses_nothing(out, golden):
    result = subprocess.run(
        [sys.executable, "-c", _CRASH, "build", "--out", str(out)], capture_output=True, text=True
    )
    err = result.stderr
    assert result.returncode == 1 and err.startswith("Error: unexpected ZeroDivisionError")
    assert err.count("\n") == 1 and "--debug" in err and "Traceback" not in err
    assert_untouched(out, golden)


def _immutable(path: Path, on: bool) -> bool:
    """chattr ±i: what makes a file or folder unchangeable even for root."""
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    flag = "+i" if on else "-i"
    return subprocess.run([chattr, flag, str(path)], capture_output=True).returncode == 0


def test_a_locked_target_keeps_the_old_file_and_says_where_the_new_one_went(capsys, out):
    target, aside = out / PDF, out / f"{SLUG}-handout.new.pdf"
    target.write_bytes(b"yesterday's handout")
    if not _immutable(target, True):  # not root, or no chattr: a folder cannot be replaced
        target.unlink()
        (target / "kept").mkdir(parents=True)
    try:
        code, err = build(capsys, out, "--only", "pdf")
    finally:
        _immutable(target, False)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    assert f"{target}: cannot replace it" in err and str(aside) in err
    assert target.is_dir() or target.read_bytes() == b"yesterday's handout"
    assert aside.read_bytes().startswith(b"%PDF-")
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_when_even_the_new_name_is_taken_nothing_is_written_and_it_says_so(tmp_path):
    target = tmp_path / "x-handout.pdf"
    for blocked in (target, tmp_path / "x-handout.new.pdf"):
        (blocked / "kept").mkdir(parents=True)
    with pytest.raises(OutputError) as caught:
        write_all({target: b"%PDF-new"})
    assert str(caught.value).startswith(f"{target}: cannot replace it")
    assert "nothing was written for it" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-handout.new.pdf", "x-handout.pdf"]


def test_no_output_is_replaced_unless_every_one_can_be_staged(tmp_path):
    old = tmp_path / "out" / "x-handout.pdf"
    old.parent.mkdir()
    old.write_bytes(b"old")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write there"):
        write_all({old: b"new", tmp_path / "file" / "sub" / "x-deck.pptx": b"new"})
    assert old.read_bytes() == b"old" and [p.name for p in old.parent.iterdir()] == [old.name]


def test_a_read_only_output_folder_is_reported_and_keeps_the_old_files(capsys, out, golden):
    root = os.geteuid() == 0  # root writes into a chmod 0o555 folder: make it immutable
    if root and not _immutable(out, True):
        pytest.skip("running as root without chattr: no way to make a folder read-only")
    if not root:
        out.chmod(0o555)
    try:
        code, err = build(capsys, out, "--only", "pdf")
    finally:
        if root:
            _immutable(out, False)
        else:
            out.chmod(0o755)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
    assert f"{out}: cannot write there" in err and "choose another output folder (--out)" in err
    assert_untouched(out, golden)
