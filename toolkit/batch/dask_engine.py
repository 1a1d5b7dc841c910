"""The Dask distributed engine: the same per-document batches, run on a cluster's workers.

``scheduler`` is a scheduler address ("tcp://10.0.0.5:8786") or "local", which starts a
LocalCluster of worker processes on this machine. Each batch (a partition of the input) is
one Dask task; its records come back to this process, which writes them as partitions
finish. Workers need mtkit installed and, for text files given by path, the same paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from toolkit.errors import UsageError


@contextmanager
def dask_executor(scheduler: str, jobs: int = 1) -> Iterator[tuple[Executor, int]]:
    """A concurrent.futures executor over a Dask cluster, and its number of worker threads."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs dask: pip install 'mtkit[batch]'") from None
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=max(jobs, 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as error:
            raise UsageError(f"cannot reach Dask scheduler {scheduler}: {error}") from None
    try:
        workers = sum(client.nthreads().values()) or 1
        yield client.get_executor(pure=False), workers
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
