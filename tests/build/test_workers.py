"""Builds side by side: jobs in other processes, the same bytes as in turn."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from conftest import ASSETS, DATASET, ROOT
from pypdf import PdfReader

from rolereport import build
from rolereport.build.workers import Ahead, can_fork, run_jobs

NORTHWIND = ROOT / "examples" / "brands" / "northwind"

_FRESH = """
import os, sys
from rolereport import build
data, assets, out = sys.argv[1:]
os.environ["ROLEREPORT_CACHE_DIR"] = "off"
build(data, assets, out, parallel=False)
"""
DATASETS = ROOT / "src" / "rolereport" / "data" / "datasets"


def test_builds_in_one_process_write_the_bytes_of_a_fresh_interpreters_plain_build(
    tmp_path, monkeypatch
):
    # The reference: a plain build (no chart cache, in turn) in a fresh interpreter, as a CLI
    # build starts. Then, in this process, after whatever earlier tests rendered here: the
    # default build with the cache filling, other datasets, a brand, paper and slide shape,
    # and the default again from the cache, as watch mode and batch builds do in one process.
    # (A tagged paragraph's id, freed and given to a new one, once made the handout's bytes
    # depend on when the garbage collector had last run.)
    fresh = tmp_path / "fresh"
    subprocess.run(
        [sys.executable, "-c", _FRESH, str(DATASET), str(ASSETS), str(fresh)], check=True
    )
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(tmp_path / "cache"))
    fill = build(DATASET, ASSETS, tmp_path / "fill").paths
    others = tmp_path / "others"
    build(DATASETS / "data-careers-compared.yml", NORTHWIND, others, paper="a4", only=("pdf",))
    build(DATASETS / "ki-ingenieur-vs-data-scientist.yml", ASSETS, others, aspect="4:3")
    again = build(DATASET, ASSETS, tmp_path / "again", parallel=False).paths
    assert len(fill) == len(again) == 3
    for a, b in zip(fill, again, strict=True):
        reference = (fresh / a.name).read_bytes()
        assert a.read_bytes() == reference and b.read_bytes() == reference, a.name
    handout = next(p for p in again if p.name.endswith("handout.pdf"))
    assert len(PdfReader(io.BytesIO(handout.read_bytes())).pages) > 1


def test_jobs_give_the_same_results_side_by_side_or_in_turn():
    jobs = {"a": lambda: "x" * 3, "b": lambda: sum(range(10)), "c": lambda: (1, 2)}
    together = run_jobs(jobs)
    assert {k: v for k, (v, _) in together.items()} == {"a": "xxx", "b": 45, "c": (1, 2)}
    assert list(together) == ["a", "b", "c"]
    assert {k: v for k, (v, _) in run_jobs(jobs, parallel=False).items()} == {
        k: v for k, (v, _) in together.items()
    }


@pytest.mark.parametrize("failing", ["a", "b"])
def test_an_error_in_either_job_reaches_the_caller_whole(failing):
    from rolereport.errors import InputError

    def fail():
        raise InputError.at("data.yml", "roles[0].pay", "not a number: fix it")

    jobs = {"a": lambda: 1, "b": lambda: 2} | {failing: fail}
    with pytest.raises(InputError) as caught:
        run_jobs(jobs)
    assert str(caught.value) == "data.yml: roles[0].pay: not a number: fix it"
    assert caught.value.problems[0].path == "roles[0].pay"


def test_the_second_job_runs_in_another_process_where_forking_pays():
    import os

    where = run_jobs({"a": os.getpid, "b": os.getpid})
    assert (where["a"][0] != where["b"][0]) == can_fork()


_HANDOUT = """
import os, sys
from rolereport import build
data, assets, out, parallel = sys.argv[1:]
os.environ["ROLEREPORT_CACHE_DIR"] = "off"
build(data, assets, out, only=("pdf",), parallel=parallel == "yes")
print("matplotlib" in sys.modules)
"""


@pytest.mark.skipif(not can_fork(), reason="charts are drawn ahead only where a fork pays")
def test_a_handout_whose_charts_a_worker_draws_has_the_bytes_of_one_drawn_in_turn(tmp_path):
    # The handout's charts are drawn in a forked worker while the handout lays out: the same
    # bytes, and the process laying it out never loads matplotlib.
    loaded = {}
    for parallel in ("no", "yes"):
        args = [DATASET, ASSETS, tmp_path / parallel, parallel]
        run = subprocess.run([sys.executable, "-c", _HANDOUT, *map(str, args)], capture_output=True)
        assert run.returncode == 0, run.stderr.decode()
        loaded[parallel] = run.stdout.decode().split()
    assert loaded == {"no": ["True"], "yes": ["False"]}
    (plain,), (ahead,) = ((tmp_path / d).glob("*handout.pdf") for d in ("no", "yes"))
    assert plain.read_bytes() == ahead.read_bytes()


def _work(order: str) -> str:
    if order == "fail":
        raise ValueError("no data to draw")
    if order == "stop":
        os._exit(1)
    return order.upper()


@pytest.mark.skipif(not can_fork(), reason="a worker is forked only where a fork pays")
def test_work_done_ahead_comes_back_in_order_and_none_where_the_worker_failed_or_stopped():
    ahead = Ahead(_work, lambda: None)
    ahead.ask(["a", "fail", "c", "stop", "e"])
    try:
        assert [ahead.result(i) for i in (2, 0, 1, 3, 4)] == ["C", "A", None, None, None]
    finally:
        ahead.close()


_BIG = """
from rolereport.build.workers import Ahead
ahead = Ahead(lambda order: order * 2, lambda: None)
orders = [bytes([n]) * 300_000 for n in range(4)]  # each far more than a pipe holds
ahead.ask(orders)
print([ahead.result(n) == o * 2 for n, o in enumerate(orders)])
ahead.close()
"""


@pytest.mark.skipif(not can_fork(), reason="a worker is forked only where a fork pays")
def test_orders_and_results_larger_than_a_pipe_do_not_wait_on_each_other():
    # A cold build of the stress dataset hung: the worker's first chart filled the pipe back
    # while this process was still writing the next order (a Theme carries its logo).
    run = subprocess.run(
        [sys.executable, "-c", _BIG], capture_output=True, text=True, timeout=60, check=True
    )
    assert run.stdout.split() == ["[True,", "True,", "True,", "True]"]
