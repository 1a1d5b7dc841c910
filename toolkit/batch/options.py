"""What the ``mtkit batch`` options mean: the run options every batch command shares, and the
task each command builds from its own. The CLI parses options, calls these, and prints.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from toolkit.batch import Stats, run_batch
from toolkit.batch.inputs import InputSpec
from toolkit.batch.progress import Progress
from toolkit.batch.runner import Engine, cpus
from toolkit.batch.tasks import CheckTask, FixTask, QETask, Task

if TYPE_CHECKING:
    from toolkit.config import Config


@dataclass(frozen=True)
class RunOptions:
    """The options of every batch command: what to read, output, engine and limits."""

    spec: InputSpec
    output: str = "-"
    resume: bool = False
    ordered: bool = False
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    batch_size: int = 32
    quiet: bool = False
    timeout: float | None = None
    force_jobs: bool = False

    @classmethod
    def pop_from(cls, inputs: tuple[str, ...], flags: dict[str, Any]) -> RunOptions:
        """The run options among a command's parsed ``flags``, which keep only the command's own."""
        reading = {f.name for f in fields(InputSpec)} - {"paths", "output"}
        running = {f.name for f in fields(cls)} - {"spec"}
        spec = InputSpec(tuple(inputs), **{name: flags.pop(name) for name in reading})
        return cls(spec, **{name: flags.pop(name) for name in running})

    def input_spec(self) -> InputSpec:
        """What to read; the output file is never read as an input."""
        return replace(self.spec, output=None if self.output == "-" else self.output)

    def workers(self) -> tuple[int, str]:
        """The worker processes to start here: ``jobs``, unless ``force_jobs`` is off and
        there are fewer CPUs or documents; and why it was lowered ("" when it was not). A
        remote Dask cluster has its own workers."""
        remote = self.engine == "dask" and self.scheduler not in (None, "local")
        if self.force_jobs or self.jobs == 1 or remote:
            return self.jobs, ""
        jobs, why = self.jobs, ""
        if (available := cpus()) < jobs:
            jobs, why = available, f"{available} CPU(s)"
        documents = self.input_spec().estimate(at_most=jobs) if jobs > 1 else None
        if documents is not None and documents < jobs:
            jobs, why = max(documents, 1), f"{documents} document(s)"
        return jobs, why

    def run(self, task: Task, jobs: int | None = None) -> Stats:
        """Run ``task`` over the inputs as these options say (with ``jobs`` workers: see
        ``workers``)."""
        return run_batch(
            task,
            self.input_spec(),
            Engine(jobs or self.jobs, self.engine, self.scheduler),
            self.output,
            resume=self.resume,
            ordered=self.ordered,
            batch_size=self.batch_size,
            progress=Progress(quiet=self.quiet),
            timeout=self.timeout,
        )

    def summary(self, stats: Stats) -> str:
        """The one-line account of a run printed on stderr."""
        skipped = f", {stats.skipped} already done" if self.resume else ""
        return (
            f"{stats.documents} document(s), {stats.sentences} sentence(s), "
            f"{stats.failed} failed{skipped}"
        )


def check_task(
    config: Config,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    min_confidence: float | None = None,
    fast: bool = True,
    source_lang: str | None = None,
) -> CheckTask:
    """``batch check``: the findings of each document, under ``config`` as ``mtkit check``."""
    settings = config.settings(source_lang=source_lang, fast=fast)
    selection = config.selection(select, ignore, config.confidence(min_confidence, 0.0))
    return CheckTask(settings, selection, config.ignored)


def fix_task(
    config: Config,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    min_confidence: float | None = None,
    unsafe: bool = False,
    fast: bool = True,
    source_lang: str | None = None,
) -> FixTask:
    """``batch fix``: the fixed text of each document, under ``config`` as ``mtkit fix``."""
    from toolkit.fix import DEFAULT_MIN_CONFIDENCE

    settings = config.settings(source_lang=source_lang, fast=fast)
    confidence = config.confidence(min_confidence, DEFAULT_MIN_CONFIDENCE)
    return FixTask(settings, config.selection(select, ignore), confidence, unsafe, config.ignored)


def qe_task(config: Config, fast: bool = True, source_lang: str | None = None) -> QETask:
    """``batch qe``: a quality estimate of each document, under ``config`` as ``score --qe``."""
    settings = config.settings(source_lang=source_lang, fast=fast)
    selection = config.selection(min_confidence=config.confidence(None, 0.0))
    return QETask(settings, selection, config.ignored)
