"""Run a build's independent renders side by side: one in this process, one in a fork."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def run_jobs(
    jobs: Mapping[str, Callable[[], T]], parallel: bool = True
) -> dict[str, tuple[T, float]]:
    """Each job's result and seconds, in the order given. With `parallel` and where a fork is
    cheap and safe (Linux, two or more cores, no other threads, not inside a daemon process),
    every second job runs in a forked child while this process runs the others; else one
    after another. Results are the same either way: the jobs are pure. An exception in any
    job is raised here, after the child has stopped."""
    names = list(jobs)
    if len(names) < 2 or not (parallel and can_fork()):
        return {name: _timed(jobs[name]) for name in names}
    away = names[1::2]
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, {n: jobs[n] for n in away}), daemon=True)
    child.start()
    send.close()
    outcome: Any = None
    try:
        here = {name: _timed(jobs[name]) for name in names if name not in away}
        try:
            outcome = receive.recv()
        except EOFError:  # killed (out of memory, a signal) before it could answer
            raise RuntimeError(
                f"the worker rendering {', '.join(away)} stopped unexpectedly"
            ) from None
    finally:
        if outcome is None:  # this process failed first: stop the child's work
            child.kill()
        child.join()
        receive.close()
    if isinstance(outcome, BaseException):
        raise outcome
    return {name: here[name] if name in here else outcome[name] for name in names}


def can_fork() -> bool:
    """Whether a forked worker pays here: Linux (fork is unsafe on macOS), two or more cores,
    one thread (forking a threaded process can deadlock), not a daemon (it may not have
    children)."""
    return (
        sys.platform == "linux"
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def _timed(job: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = job()
    return result, time.perf_counter() - start


def _child(send: Any, jobs: Mapping[str, Callable[[], Any]]) -> None:
    try:
        outcome: Any = {name: _timed(job) for name, job in jobs.items()}
    except BaseException as exc:  # every failure goes back to the parent
        outcome = exc
    try:
        send.send(outcome)
    except Exception as exc:  # an exception that cannot be pickled: send its words
        send.send(RuntimeError(f"{type(exc).__name__}: {outcome}"))
    finally:
        send.close()
