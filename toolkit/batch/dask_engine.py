"""The Dask distributed engine: the input is read on the workers, one partition at a time.

JSON Lines and one-document-per-line files become partitions of at most ``blocksize`` bytes
(about four per worker) split at line ends (``dask.bag.read_text``); Parquet files a
partition per row group, read with pyarrow on the worker (dask.dataframe would need pandas
for nothing more). A first pass counts each block's lines, so that rows are numbered, and
ids defaulted, as in a serial run. Text files travel as paths (the worker reads them) and
stdin as text.

Each partition runs the serial run's per-document function (``tasks.process``) and writes
its records to a part file beside the output (``.OUTPUT.parts/``); this process appends each
part to the output as its partition finishes (in input order with ``ordered``) and deletes
it. With the output on stdout, the records come back to this process instead. Workers need
mtkit installed and the input and output paths (a shared filesystem).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.batch.inputs import (
    InputSpec,
    Item,
    batched,
    not_done,
    parquet_file,
    parquet_row_group_items,
)
from toolkit.batch.output import Writer
from toolkit.batch.progress import Progress
from toolkit.batch.tasks import Task, process
from toolkit.errors import UsageError


@dataclass(frozen=True, slots=True)
class PartResult:
    """What a partition did; ``lines`` holds its records when no part file was written."""

    documents: int
    sentences: int
    failed: int
    part: str | None
    lines: str = ""


@dataclass(frozen=True, slots=True)
class RunSettings:
    """What each partition runs: the task over the spec's documents, with the time limit per
    document and the batch size (records are written per batch)."""

    task: Task
    spec: InputSpec
    timeout: float | None
    batch_size: int


@contextmanager
def dask_client(scheduler: str, jobs: int = 1) -> Iterator[Any]:
    """A distributed Client of the cluster at ``scheduler`` ("local": a LocalCluster here)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs dask: pip install 'mtkit[batch]'") from None
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=max(jobs, 1), threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as error:
            raise UsageError(f"cannot reach Dask scheduler {scheduler}: {error}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_on_dask(
    settings: RunSettings,
    scheduler: str,
    jobs: int,
    blocksize: int,
    writer: Writer,
    ordered: bool,
    progress: Progress,
) -> tuple[int, int, int]:
    """Documents, sentences and failures of a run over ``settings.spec`` on a Dask cluster."""
    import dask

    parts = (
        None
        if writer.path == "-"
        else Path(writer.path).with_name(f".{Path(writer.path).name}.parts")
    )
    if parts is not None:
        parts.mkdir(exist_ok=True)
    documents = sentences = failed = 0
    with dask_client(scheduler, jobs) as client:
        done = None  # records already in the output (--resume), sent once to every worker
        if writer.done:
            (done,) = client.scatter([writer.done], broadcast=True)
        sources = list(_sources(settings, blocksize, client))
        tasks = [
            dask.delayed(_run_partition)(
                settings, source, done, str(parts / f"part-{i:06d}.jsonl") if parts else None
            )
            for i, (source, _) in enumerate(sources)
        ]
        futures = client.compute(tasks)
        progress.expect(max(sum(rows for _, rows in sources) - writer.done.total(), 0))
        for future in futures if ordered else _as_completed(futures):
            result: PartResult = future.result()
            future.release()
            if result.part is not None:
                writer.write(Path(result.part).read_text(encoding="utf-8"))
                Path(result.part).unlink()
            else:
                writer.write(result.lines)
            documents += result.documents
            sentences += result.sentences
            failed += result.failed
            progress.update(result.documents, result.sentences)
    if parts is not None:
        shutil.rmtree(parts, ignore_errors=True)
    return documents, sentences, failed


def _as_completed(futures: list[Any]) -> Iterator[Any]:
    from distributed import as_completed

    yield from as_completed(futures)


def _sources(settings: RunSettings, blocksize: int, client: Any) -> Iterator[tuple[tuple, int]]:
    """Each partition's source, in input order, and its number of rows: ("lines", delayed
    block, path, format, first row), ("parquet", path, row group, first row) or ("items",
    items)."""
    import dask
    import dask.bag

    spec = settings.spec
    workers = sum(client.nthreads().values()) or 1
    pending: list[Item] = []
    for path, fmt in spec.files():
        if fmt in ("lines", "jsonl") and path != "-":
            yield from _flush(pending, settings.batch_size)
            size = _block_size(path, blocksize, workers)
            bag = dask.bag.read_text(
                path, blocksize=size, linedelimiter="\n", errors="surrogateescape"
            )
            blocks = bag.to_delayed()
            counts = client.compute([dask.delayed(len)(block) for block in blocks], sync=True)
            first = 1
            for block, count in zip(blocks, counts, strict=True):
                yield ("lines", block, path, fmt, first), count
                first += count
        elif fmt == "parquet":
            yield from _flush(pending, settings.batch_size)
            table, _ = parquet_file(path, spec.fields)
            first = 1
            for group in range(table.metadata.num_row_groups):
                rows = table.metadata.row_group(group).num_rows
                yield ("parquet", path, group, first), rows
                first += rows
        else:  # text files travel as paths; stdin as its text
            pending.extend(spec.items_of_file(path, fmt, read_stdin=True))
    yield from _flush(pending, settings.batch_size)


def _block_size(path: str, largest: int, workers: int) -> int:
    """Blocks of at most ``largest`` bytes, small enough to give every worker four of the
    file, and at least 256 KiB (a partition costs the scheduler a few milliseconds)."""
    return min(largest, max(1 << 18, os.path.getsize(path) // (4 * workers) + 1))


def _flush(pending: list[Item], size: int) -> Iterator[tuple[tuple, int]]:
    for batch in batched(pending, size):
        yield ("items", batch), len(batch)
    pending.clear()


def _run_partition(
    settings: RunSettings, source: tuple, done: Counter[str] | None, part: str | None
) -> PartResult:
    """On a worker: read one partition, run the task on each document, write its records."""
    items = not_done(iter(_items(settings.spec, source)), done or Counter())
    documents = sentences = failed = 0
    chunks: list[str] = []
    handle = open(part, "w", encoding="utf-8") if part else None  # noqa: SIM115
    try:
        for batch in batched(items, settings.batch_size):
            results = process(settings.task, batch, settings.timeout)
            lines = "".join(result.line for result in results)
            if handle is not None:
                handle.write(lines)
            else:
                chunks.append(lines)
            documents += len(results)
            sentences += sum(result.sentences for result in results)
            failed += sum(result.failed for result in results)
    finally:
        if handle is not None:
            handle.close()
    return PartResult(documents, sentences, failed, part, "".join(chunks))


def _items(spec: InputSpec, source: tuple) -> Iterable[Item]:
    kind = source[0]
    if kind == "lines":
        _, lines, path, fmt, first = source
        raw = (line.encode("utf-8", "surrogateescape") for line in lines)
        return spec.items_of_lines(enumerate(raw, first), path, fmt)
    if kind == "parquet":
        _, path, group, first = source
        return parquet_row_group_items(path, group, first, spec.fields)
    return source[1]
