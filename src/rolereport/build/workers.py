"""Run a build's independent renders side by side: the first here, each other one in a fork."""

from __future__ import annotations

import contextlib
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
    """Work done in turn in one forked worker, started at once, while this process goes on
    (call only where can_fork): the worker runs `prepare()` (loading what the work needs)
    while this process finds out what to `ask` for, then `work(order)` for each order asked.
    `result(i)` waits for the i-th order's result: None when the worker failed at it or
    stopped, and the caller then does the work itself (the work is pure: the same result
    either way). `close` stops the worker if it is still working."""

    def __init__(self, work: Callable[[Any], T], prepare: Callable[[], object]) -> None:
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        orders, self._order = ctx.Pipe(duplex=False)
        args = (orders, send, work, prepare)
        self._child = ctx.Process(target=_in_turn, args=args, daemon=True)
        self._child.start()
        send.close()
        orders.close()
        self._results: list[T | None] = []
        self._stopped, self._count, self._parent = False, -1, os.getpid()

    def ask(self, orders: Sequence[Any]) -> None:
        """The work to do, in order; once only (an empty list: none, the worker stops)."""
        self._count = len(orders)
        try:
            for order in orders:
                self._order.send(order)
            self._order.send(None)
        except OSError:  # it stopped: result() says so
            pass
        self._order.close()

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
        if (self._count < 0 or len(self._results) < self._count) and not self._stopped:
            self._child.kill()  # never asked, or results left unasked for: stop its work
        if not self._order.closed:
            self._order.close()
        self._child.join()
        self._receive.close()


def _in_turn(
    orders: Any, send: Any, work: Callable[[Any], Any], prepare: Callable[[], object]
) -> None:
    try:
        with contextlib.suppress(Exception):  # the work loads what it needs anyway
            prepare()
        # Every order is read before the first result is sent: the parent writes all its
        # orders before it reads a result, and two full pipes would wait on each other.
        todo = []
        while True:
            try:
                order = orders.recv()
            except EOFError:
                break
            if order is None:
                break
            todo.append(order)
        for order in todo:
            try:
                outcome = work(order)
            except Exception:  # the caller does this work again and meets the error itself
                outcome = None
            send.send(outcome)
    finally:
        send.close()
