"""Builds side by side: jobs in other processes, the same bytes as in turn."""

from __future__ import annotations

import io

import pytest
from conftest import ASSETS, DATASET
from pypdf import PdfReader

from rolereport import build
from rolereport.build.workers import can_fork, run_jobs


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(folder))
    return folder


def test_cached_parallel_and_plain_builds_write_the_same_bytes(cache, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", "off")
    plain = build(DATASET, ASSETS, tmp_path / "plain", parallel=False)
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(cache))
    filled = build(DATASET, ASSETS, tmp_path / "fill")
    again = build(DATASET, ASSETS, tmp_path / "again")
    for a, b, c in zip(plain.paths, filled.paths, again.paths, strict=True):
        assert a.read_bytes() == b.read_bytes() == c.read_bytes()
    assert len(PdfReader(io.BytesIO(plain.paths[0].read_bytes())).pages) > 1


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
