"""Watch mode: a saved change rebuilds, a broken save keeps the last good files, Ctrl-C stops."""

from __future__ import annotations

import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from conftest import ASSETS
from pypdf import PdfReader
from terminal import rolereport_command

from rolereport.build.watch import Attempt, Changes, Watcher
from rolereport.errors import DataError

SLUG = "ai-engineer-vs-data-scientist"
WAIT = 120  # seconds: the longest a test waits for a build on a busy machine


def first_page(pdf: Path) -> str:
    return PdfReader(pdf).pages[0].extract_text()


def retitled(data_text: str) -> str:
    return data_text.replace("  title: AI Engineer vs. Data", "  title: Robots vs. Data", 1)


def test_changes_are_reported_once_the_files_stay_quiet(tmp_path):
    data, logo = tmp_path / "data.yml", tmp_path / "logo.png"
    data.write_text("one")
    logo.write_text("logo")
    now = [0.0]
    changes = Changes(
        lambda: [data, logo, tmp_path / "later.yml"], settle=0.3, clock=lambda: now[0]
    )
    assert changes.poll() == ()
    data.write_text("two!")
    assert changes.poll() == ()  # just changed: wait for the editor to finish saving
    now[0] = 0.2
    data.write_text("three")  # saved again within the settle time: the wait starts over
    assert changes.poll() == ()
    now[0] = 0.45
    assert changes.poll() == ()
    now[0] = 0.55
    assert changes.poll() == (data,)
    assert changes.poll() == ()  # reported once
    logo.unlink()
    (tmp_path / "later.yml").write_text("new")
    assert changes.poll() == ()
    now[0] = 1.0
    assert changes.poll() == (tmp_path / "later.yml", logo)  # added and removed files count


def test_the_watched_files_are_the_data_and_the_assets_without_hidden_files_or_outputs(tmp_path):
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    (assets / ".brand.yml.swp").write_text("editor's swap file")
    (assets / "output").mkdir()
    (assets / "output" / f"{SLUG}-handout.pdf").write_text("an output")
    watcher = Watcher.for_inputs(SLUG, assets, assets / "output")
    files = watcher.files()
    assert files[0].name == f"{SLUG}.yml" and files[0].is_file()
    assert assets / "brand.yml" in files and assets / "fonts" / "Carlito-Regular.ttf" in files
    assert not [f for f in files if f.name.startswith(".") or "output" in f.parts]


def test_a_missing_data_file_stops_watch_mode_before_it_starts(tmp_path):
    try:
        Watcher.for_inputs(tmp_path / "nope.yml", None, tmp_path)
    except DataError as exc:
        assert str(exc) == f"{tmp_path / 'nope.yml'}: no such file: check the path"
    else:
        raise AssertionError("no error")


def test_a_change_rebuilds_and_a_broken_save_keeps_the_last_good_handout(tmp_path, data_text):
    data = tmp_path / "data.yml"
    data.write_text(data_text, encoding="utf-8")
    out = tmp_path / "out"
    watcher = Watcher.for_inputs(data, ASSETS, out, only=("pdf",))
    attempts: queue.Queue[Attempt] = queue.Queue()
    stop = threading.Event()
    loop = threading.Thread(
        target=watcher.run, args=(attempts.put, stop), kwargs={"poll": 0.05, "settle": 0.1}
    )
    loop.start()
    try:
        first = attempts.get(timeout=WAIT)
        assert first.error is None and first.changed == ()
        handout = out / f"{SLUG}-handout.pdf"
        good = handout.read_bytes()
        data.write_text(data_text.replace("p90: 233110", "p90: 92000"), encoding="utf-8")
        broken = attempts.get(timeout=WAIT)
        assert broken.changed == (data,)
        assert "roles[0].salary.p90: must be at least p75" in str(broken.error)
        assert handout.read_bytes() == good and [p.name for p in out.iterdir()] == [handout.name]
        data.write_text(retitled(data_text), "utf-8")
        fixed = attempts.get(timeout=WAIT)
        assert fixed.error is None and fixed.number == 3
        assert "Robots vs. Data Scientist" in first_page(handout)
    finally:
        stop.set()
        loop.join(WAIT)
    assert not loop.is_alive() and attempts.empty()


def test_build_watch_rebuilds_after_an_edit_and_ctrl_c_exits_0(tmp_path, data_text):
    data = tmp_path / "data.yml"
    data.write_text(data_text, encoding="utf-8")
    handout = tmp_path / "out" / f"{SLUG}-handout.pdf"
    proc = subprocess.Popen(
        rolereport_command("build", "data.yml", "--watch", "--only", "pdf", "--out", "out"),
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert wait_for(lambda: handout.is_file()), "no first build"
        assert "AI Engineer vs. Data Scientist" in first_page(handout)
        data.write_text(retitled(data_text), "utf-8")
        assert wait_for(lambda: "Robots vs. Data" in first_page(handout)), "no rebuild"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == str(Path("out", f"{SLUG}-handout.pdf"))
    assert re.fullmatch(r"\[\d\d:\d\d:\d\d\] built 1 file in \d+\.\d s, \d+ warnings?", lines[1])
    assert re.fullmatch(r"\[[\d:]{8}\] data\.yml changed: rebuilt 1 file in .*", lines[2])
    assert "Watching data.yml and" in err and err.endswith("Stopped watching.\n")
    assert "Traceback" not in err


def wait_for(condition, timeout: float = WAIT) -> bool:
    """Poll `condition` until it holds or `timeout` seconds pass (a file may be mid-rename)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if condition():
                return True
        except Exception:  # a PDF being read as it is replaced
            pass
        time.sleep(0.1)
    return False
