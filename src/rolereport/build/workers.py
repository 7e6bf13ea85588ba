"""Run a build's independent renders side by side: the first here, each other one in a fork."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

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


class Ahead(Generic[T]):
    """Tasks done in turn in one forked worker, started at once, while this process goes on
    (call only where can_fork). `result(i)` waits for the i-th task's result: None when the
    worker failed at it or stopped, and the caller then does the task itself (the tasks are
    pure: the same result either way). `close` stops the worker if it is still working."""

    def __init__(self, tasks: Sequence[Callable[[], T]]) -> None:
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        self._child = ctx.Process(target=_in_turn, args=(send, list(tasks)), daemon=True)
        self._child.start()
        send.close()
        self._results: list[T | None] = []
        self._stopped, self._count, self._parent = False, len(tasks), os.getpid()

    def result(self, i: int) -> T | None:
        if os.getpid() != self._parent:  # a fork of this process: the answers are not its own
            return None
        while len(self._results) <= i and not self._stopped:
            try:
                self._results.append(self._receive.recv())
            except (EOFError, OSError):  # stopped (out of memory, a signal) before it answered
                self._stopped = True
        return self._results[i] if i < len(self._results) else None

    def close(self) -> None:
        if os.getpid() != self._parent:
            return
        if len(self._results) < self._count and not self._stopped:
            self._child.kill()  # results left unasked for (a failed build): stop its work
        self._child.join()
        self._receive.close()


def _in_turn(send: Any, tasks: list[Callable[[], Any]]) -> None:
    try:
        for task in tasks:
            try:
                outcome = task()
            except Exception:  # the caller does this task again and meets the error itself
                outcome = None
            send.send(outcome)
    finally:
        send.close()
