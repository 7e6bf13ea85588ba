"""Many datasets in one command: each built in its own process, failures reported, never fatal."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from terminal import rolereport_command

from rolereport import BuildResult, build, build_many
from rolereport.build import batch as batch_module
from rolereport.build.batch import Outcome, exit_code, expand_inputs
from rolereport.cli.main import main
from rolereport.errors import InputError

SLUG = "ai-engineer-vs-data-scientist"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI writing to a pipe with no COLUMNS (pytest can set one): the full-width table."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return subprocess.run(
        [sys.executable, "-m", "rolereport", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
    )


def variant(data_text: str, path: Path, slug: str, title: str | None = None) -> Path:
    """The default dataset under another slug (and title), written to `path`."""
    text = data_text.replace(f"slug: {SLUG}", f"slug: {slug}")
    if title:
        text = text.replace("title: AI Engineer vs. Data Scientist", f"title: {title}", 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_batch_with_one_broken_dataset_builds_the_others_and_exits_2(tmp_path, data_text):
    mine = variant(data_text, tmp_path / "mine.yml", "mine", "Our Own Comparison")
    broken = tmp_path / "broken.yml"
    broken.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "build", "mine.yml", "broken.yml", "data-careers-compared", "--only", "pptx",
        "--out", "out", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "data-careers-compared-deck.pptx",
        "mine-deck.pptx",
    ]
    titles = {
        p.name: Presentation(str(p)).slides[0].shapes.title.text_frame.text for p in out.iterdir()
    }
    assert titles["mine-deck.pptx"] == "Our Own Comparison"
    assert titles["data-careers-compared-deck.pptx"] == "Four Data Careers Compared"
    table = result.stdout.splitlines()
    assert table[0].split() == ["Dataset", "Outputs", "Time", "Warnings", "or", "error"]
    rows = {line.split()[0]: line for line in table[1:4]}
    assert list(rows) == ["mine.yml", "broken.yml", "data-careers-compared"]
    assert "mine-deck.pptx" in rows["mine.yml"]
    assert "Error: broken.yml:2:10: meta.title: the [ opened here" in rows["broken.yml"]
    assert table[4] == "2 built, 1 failed; the files are in out"
    assert "[1/3] broken.yml: failed" in result.stderr  # known before any worker starts
    assert "Error: broken.yml:2:10: meta.title: the [ opened here" in result.stderr
    assert "Traceback" not in result.stderr
    # A worker writes the same bytes as a build in this process.
    alone = build(mine, out=tmp_path / "alone", only=("pptx",))
    assert alone.paths[0].read_bytes() == (out / "mine-deck.pptx").read_bytes()
    assert mine.read_text(encoding="utf-8")  # the inputs are left alone


def test_a_folder_builds_its_data_files_in_order_and_a_failed_write_exits_1(tmp_path, data_text):
    folder = tmp_path / "datasets"
    folder.mkdir()
    variant(data_text, folder / "b.yaml", "second")
    variant(data_text, folder / "a.yml", "first")
    (folder / "notes.txt").write_text("not a dataset")
    (folder / ".a.yml.swp").write_text("an editor's swap file")
    out = tmp_path / "out"
    (out / "second-handout.pdf").mkdir(parents=True)  # a folder where the handout should go
    result = run("build", "datasets", "--only", "pdf", "--out", "out", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    rows = result.stdout.splitlines()[1:3]
    assert [r.split()[0] for r in rows] == [
        str(Path("datasets", "a.yml")),
        str(Path("datasets", "b.yaml")),
    ]
    assert "first-handout.pdf" in rows[0] and rows[0].split()[-1].isdigit()  # warnings count
    assert "cannot replace it" in rows[1]
    text = PdfReader(out / "first-handout.pdf").pages[0].extract_text()
    assert "AI Engineer vs. Data Scientist" in text


def test_two_datasets_with_one_slug_stop_the_batch_before_anything_is_built(tmp_path, data_text):
    variant(data_text, tmp_path / "one.yml", "same")
    variant(data_text, tmp_path / "two.yml", "same")
    result = run("build", "one.yml", "two.yml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "Error: two.yml: meta.slug: 'same' is also the slug of one.yml, so their files"
    )
    assert "give one of them its own meta.slug" in result.stderr
    assert not (tmp_path / "out").exists() and result.stdout == ""


def test_a_dataset_named_twice_is_built_once_and_an_empty_folder_is_an_error(tmp_path, data_text):
    path = variant(data_text, tmp_path / "mine.yml", "mine")
    assert expand_inputs(
        [str(path), tmp_path, "data-careers-compared", "data-careers-compared"]
    ) == [
        str(path),
        "data-careers-compared",
    ]
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"empty: has no \.yml or \.yaml data files"):
        expand_inputs([tmp_path / "empty"])


def faulty_build(name: str, *_args: object, **_options: object) -> BuildResult:
    """Stands in for build() in the workers: one raises, one kills its process, one works."""
    if Path(name).stem == "boom":
        raise ZeroDivisionError("division by zero")
    if Path(name).stem == "crash":
        os._exit(3)
    return BuildResult((Path(name).with_suffix(".pdf"),), ("a warning",))


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the fault reaches workers by fork"
)
def test_a_crash_or_a_dead_worker_fails_only_its_own_dataset(tmp_path, data_text, monkeypatch):
    names = [str(variant(data_text, tmp_path / f"{n}.yml", n)) for n in ("boom", "crash", "fine")]
    # by module object: the name rolereport.build is the build() function, not the package
    monkeypatch.setattr(batch_module, "build", faulty_build)
    seen: list[tuple[str, int, int]] = []

    def on_done(outcome: Outcome, done: int, total: int) -> None:
        seen.append((outcome.dataset, done, total))

    boom, crash, fine = build_many(names, out=tmp_path, jobs=1, on_done=on_done)
    assert (boom.exit_code, boom.error) == (1, "unexpected ZeroDivisionError: division by zero")
    assert "Traceback" in boom.trace and "faulty_build" in boom.trace
    assert crash.exit_code == 1 and crash.error.startswith("its worker process stopped")
    assert fine.ok and fine.warnings == ("a warning",) and fine.paths == (tmp_path / "fine.pdf",)
    assert seen == [(names[0], 1, 3), (names[1], 2, 3), (names[2], 3, 3)]
    assert exit_code([boom, crash, fine]) == 1


def test_the_exit_code_is_2_for_any_bad_input_else_1_for_any_failure():
    ok, bad, broken = Outcome("a"), Outcome("b", exit_code=2), Outcome("c", exit_code=1)
    assert exit_code([ok, ok]) == 0
    assert exit_code([ok, broken]) == 1
    assert exit_code([broken, bad, ok]) == 2


def test_watch_follows_one_dataset_only(tmp_path, capsys):
    assert main(["build", "--watch", SLUG, "data-careers-compared", "--out", str(tmp_path)]) == 2
    assert "Error: --watch: watches one dataset at a time" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.uncached  # every chart drawn: a.yml is still being built a second in
def test_ctrl_c_finishes_the_build_under_way_and_starts_no_other(tmp_path, data_text):
    variant(data_text, tmp_path / "a.yml", "a")
    variant(data_text, tmp_path / "b.yml", "b")
    (tmp_path / "0-broken.yml").write_text("meta: [\n", encoding="utf-8")
    proc = subprocess.Popen(
        rolereport_command("build", "0-broken.yml", "a.yml", "b.yml", "--jobs", "1", "--only",
                           "pdf", "--out", "out"),
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
    )  # fmt: skip
    try:
        first = proc.stderr.readline()  # the broken file is reported before any worker starts
        assert first.startswith("[1/3] 0-broken.yml: failed")
        time.sleep(1.0)  # a.yml is now being built by the single worker
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: every process of the group
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "[2/3] a.yml: 1 file" in err and "b.yml" not in err
    assert "Stopped: the datasets listed above were built or failed" in err
    assert "Traceback" not in err and out == ""
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a-handout.pdf"]  # no temp files
