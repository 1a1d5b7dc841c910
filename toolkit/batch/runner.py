"""Run a task over a stream of documents: serially or on a local process pool. (``Engine``
also names the Dask engine, which reads its input on the cluster: dask_engine.py.)

Documents go out in batches; at most a few batches per worker are in flight, so memory stays
bounded however long the input is. Results come back per batch, in input order with
``ordered`` (always, when serial), otherwise as soon as each batch is done.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass

from toolkit.batch.inputs import Item
from toolkit.batch.tasks import Result, Task, process
from toolkit.errors import UsageError

ENGINES = ("local", "dask")


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
    def executor(self) -> Iterator[tuple[Executor | None, int]]:
        """A local executor (None: run in this process) and how many workers it has; the
        Dask engine runs through ``dask_engine.run_on_dask`` instead."""
        if self.jobs == 1:
            yield None, 1
        else:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            pool = ProcessPoolExecutor(self.jobs, context, initializer=_leave_ctrl_c_to_parent)
            try:
                yield pool, self.jobs
            except BaseException:
                _stop(pool)
                raise
            pool.shutdown(wait=True)


def results(
    task: Task,
    batches: Iterable[list[Item]],
    executor: Executor | None = None,
    workers: int = 1,
    ordered: bool = True,
    timeout: float | None = None,
) -> Iterator[list[Result]]:
    """The results of each batch; ``executor`` None runs them here, one after another.
    A document that takes longer than ``timeout`` seconds becomes an error record."""
    if executor is None:
        for batch in batches:
            yield process(task, batch, timeout)
        return
    window = 2 * workers + 1
    source = iter(batches)
    pending: deque[Future] = deque()

    def fill() -> None:
        while len(pending) < window and (batch := next(source, None)) is not None:
            pending.append(executor.submit(process, task, batch, timeout))

    fill()
    while pending:
        if ordered:
            done = [pending.popleft()]
        else:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            done = [future for future in pending if future in finished]
            for future in done:
                pending.remove(future)
        for future in done:
            yield future.result()
        fill()


def _stop(pool: ProcessPoolExecutor) -> None:
    """After Ctrl-C or an error: drop queued batches and end the workers now."""
    workers = list((pool._processes or {}).values())  # no public API to end running work
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()


def _leave_ctrl_c_to_parent() -> None:
    """Workers ignore Ctrl-C: the parent stops the run, keeping what is written."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
