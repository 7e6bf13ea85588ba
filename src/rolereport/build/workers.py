"""Run a build's independent renders side by side: the first here, each other one in a fork."""

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
    the first job runs in this process and each other one in a forked child, all at once;
    else one after another. Results are the same either way: the jobs are pure. An exception
    in any job is raised here, once every child has stopped."""
    names = list(jobs)
    if len(names) < 2 or not (parallel and can_fork()):
        return {name: _timed(jobs[name]) for name in names}
    ctx = multiprocessing.get_context("fork")
    children = {}
    try:
        for name in names[1:]:
            receive, send = ctx.Pipe(duplex=False)
            child = ctx.Process(target=_child, args=(send, jobs[name]), daemon=True)
            child.start()
            send.close()
            children[name] = (child, receive)
        results = {names[0]: _timed(jobs[names[0]])}
        for name, (_, receive) in children.items():
            try:
                results[name] = receive.recv()
            except EOFError:  # killed (out of memory, a signal) before it could answer
                raise RuntimeError(f"the worker rendering {name} stopped unexpectedly") from None
    finally:
        for child, receive in children.values():
            if child.is_alive():  # stop it if a failure here left it working (else it is exiting)
                child.kill()
            child.join()
            receive.close()
    failed = [r for r in results.values() if isinstance(r, BaseException)]
    if failed:
        raise failed[0]
    return {name: results[name] for name in names}


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


def _child(send: Any, job: Callable[[], Any]) -> None:
    try:
        outcome: Any = _timed(job)
    except BaseException as exc:  # every failure goes back to the parent
        outcome = exc
    try:
        send.send(outcome)
    except Exception as exc:  # an exception that cannot be pickled: send its words
        send.send(RuntimeError(f"{type(exc).__name__}: {outcome}"))
    finally:
        send.close()
