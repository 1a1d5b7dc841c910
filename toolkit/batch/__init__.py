"""Batch runs over whole corpora: inputs, per-document tasks, engines and resumable output.

``run_batch`` wires them: check the inputs, read ``InputSpec`` items, skip records already
in the output (``resume``), run the ``Task`` in batches on the ``Engine``, write each batch's
records and report progress.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.batch.inputs import InputSpec, Item, batched, not_done
from toolkit.batch.output import Writer
from toolkit.batch.progress import Progress
from toolkit.batch.runner import Engine, results
from toolkit.batch.tasks import CheckTask, FixTask, QETask, SummarizeTask, Task, prepare

__all__ = [
    "CheckTask",
    "Engine",
    "FixTask",
    "InputSpec",
    "Item",
    "QETask",
    "Stats",
    "SummarizeTask",
    "Task",
    "run_batch",
]


@dataclass(frozen=True)
class Stats:
    """What a batch run did."""

    documents: int
    sentences: int
    failed: int
    skipped: int

    @property
    def exit_code(self) -> int:
        """1 when a document failed (its record has an ``error``), else 0."""
        return 1 if self.failed else 0


def run_batch(
    task: Task,
    inputs: InputSpec,
    engine: Engine | None = None,
    output: str = "-",
    *,
    resume: bool = False,
    ordered: bool = False,
    batch_size: int = 32,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> Stats:
    """Run ``task`` over every document of ``inputs``, writing one JSON record per document;
    a document that takes longer than ``timeout`` seconds is reported as an error."""
    engine = engine or Engine()
    progress = progress or Progress(quiet=True)
    inputs.validate()  # a missing input fails before the output is touched
    if engine.name == "local":
        prepare(task)  # so do bad options; forked workers inherit the loaded task
    documents = sentences = failed = 0
    with Writer(output, resume, inputs.paths) as writer:
        skipped = writer.done.total()
        local = engine.name == "local"  # the Dask engine counts on its workers
        if local and progress.shown and (expected := inputs.estimate()) is not None:
            progress.expect(max(expected - skipped, 0))
        if engine.name == "dask":
            from toolkit.batch.dask_engine import RunSettings, run_on_dask

            settings = RunSettings(task, inputs, timeout, batch_size)
            documents, sentences, failed = run_on_dask(
                settings,
                engine.scheduler or "local",
                engine.jobs,
                engine.blocksize,
                writer,
                ordered,
                progress,
            )
        else:
            todo = not_done(inputs.items(), writer.done)
            with engine.executor() as (executor, workers):
                batches = batched(todo, batch_size)
                for batch in results(task, batches, executor, workers, ordered, timeout):
                    writer.write("".join(result.line for result in batch))
                    documents += len(batch)
                    failed += sum(result.failed for result in batch)
                    batch_sentences = sum(result.sentences for result in batch)
                    sentences += batch_sentences
                    progress.update(len(batch), batch_sentences)
    progress.close()
    return Stats(documents, sentences, failed, skipped)
