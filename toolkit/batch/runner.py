"""Run a task over a stream of documents: serially or on a local process pool. (``Engine``
also names the Dask engine, which reads its input on the cluster: dask_engine.py.)

Documents go out in batches; at most a few batches per worker are in flight, so memory stays
bounded however long the input is. Results come back per batch, in input order with
``ordered`` (always, when serial), otherwise as soon as each batch is done. Workers (one for
a serial run) die with this process; a worker that dies on a document costs that document an
error record only.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from toolkit.batch.inputs import Item
from toolkit.batch.tasks import Result, Task, failure, process
from toolkit.errors import UsageError

ENGINES = ("local", "dask")
# Forked workers share the task loaded here (detectors, models) instead of loading it again.
FORK = "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True)
class Engine:
    """Where the work runs: ``jobs`` local processes, or a Dask ``scheduler`` address/"local"
    (a LocalCluster of ``jobs`` workers), which reads line files in ``blocksize`` partitions."""

    jobs: int = 1
    name: str = "local"
    scheduler: str | None = None
    blocksize: int = 8 << 20

    def __post_init__(self) -> None:
        if self.name not in ENGINES:
            raise UsageError(f"unknown engine {self.name!r} (one of {', '.join(ENGINES)})")
        if self.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        if self.name == "local" and self.scheduler:
            raise UsageError("--scheduler needs --engine dask")

    @contextmanager
    def executor(self) -> Iterator[tuple[WorkerPool | None, int]]:
        """A local worker pool (None: run in this process) and how many workers it has; the
        Dask engine runs through ``dask_engine.run_on_dask`` instead.

        A serial run (one job) also runs in one forked worker, so that a native crash on a
        document (a segfault in a C extension, the out-of-memory killer) costs that document
        an error record, not the run; without ``fork`` it runs in this process.
        """
        if self.jobs == 1 and not FORK:
            yield None, 1
            return
        pool = WorkerPool(self.jobs)
        try:
            yield pool, self.jobs
        except BaseException:
            pool.stop()
            raise
        pool.shutdown()


def cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class WorkerPool:
    """A process pool whose workers die with this process, and which starts again after a
    worker died (``restart``)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork" if FORK else "spawn")
        return ProcessPoolExecutor(
            self.jobs, context, initializer=_worker_setup, initargs=(os.getpid(),)
        )

    def submit(self, task: Task, batch: list[Item], timeout: float | None) -> Future:
        if FORK:  # the workers fork from here on the first submit: they inherit the task
            global _TASK
            _TASK = task
            return self._pool.submit(_process_inherited, batch, timeout)
        return self._pool.submit(process, task, batch, timeout)

    def restart(self) -> None:
        self.stop()
        self._pool = self._start()

    def stop(self) -> None:
        """After Ctrl-C, an error or a dead worker: drop queued batches, end the workers now."""
        workers = list((self._pool._processes or {}).values())  # no public API for this
        self._pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.join(5)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)


def results(
    task: Task,
    batches: Iterable[list[Item]],
    executor: WorkerPool | None = None,
    workers: int = 1,
    ordered: bool = True,
    timeout: float | None = None,
) -> Iterator[list[Result]]:
    """The results of each batch; ``executor`` None runs them here, one after another.

    A document that takes longer than ``timeout`` seconds becomes an error record. When a
    worker dies (a crash, the out-of-memory killer), the pool starts again and the batches
    that were in flight run again one document at a time: the document the worker died on
    gets an error record, the others their results.
    """
    if executor is None:
        for batch in batches:
            yield process(task, batch, timeout)
        return
    window = 2 * workers + 1
    source = iter(batches)
    pending: deque[tuple[Future, list[Item]]] = deque()

    def submit(batch: list[Item]) -> Future:
        if any(item.streams_stdin for item in batch):  # workers cannot read this stdin
            here: Future = Future()
            here.set_result(process(task, batch, timeout))
            return here
        return executor.submit(task, batch, timeout)

    def fill() -> None:
        while len(pending) < window and (batch := next(source, None)) is not None:
            pending.append((submit(batch), batch))

    fill()
    while pending:
        if ordered:
            done = [pending[0]]
        else:
            finished, _ = wait([future for future, _ in pending], return_when=FIRST_COMPLETED)
            done = [entry for entry in pending if entry[0] in finished]
        for entry in done:
            try:
                result = entry[0].result()
            except BrokenProcessPool:
                suspects = [batch for _, batch in pending]
                pending.clear()
                executor.restart()
                for batch in suspects:
                    yield _one_by_one(task, batch, executor, timeout)
                break
            pending.remove(entry)
            yield result
        fill()


def _one_by_one(
    task: Task, batch: list[Item], executor: WorkerPool, timeout: float | None
) -> list[Result]:
    """A batch run again a document at a time, after a worker died on one of them."""
    out = []
    for item in batch:
        try:
            out.extend(executor.submit(task, [item], timeout).result())
        except BrokenProcessPool:
            executor.restart()
            out.append(failure(item, "the worker process died on this document"))
    return out


# The task of the running pool, as forked workers inherit it (so it need not be picklable).
_TASK: Task | None = None


def _process_inherited(batch: list[Item], timeout: float | None) -> list[Result]:
    assert _TASK is not None
    return process(_TASK, batch, timeout)


def _worker_setup(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent (it stops the run, keeping what is
    written), and die with the parent, however it ends (SIGKILL included)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0
        except (OSError, AttributeError):
            armed = False
        if armed:
            if os.getppid() != parent:  # the parent died before the signal was armed
                os._exit(1)
            return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)
