"""Per-document tasks: what a batch run does to each document, in any worker.

A ``Task`` is a small frozen (picklable) description of the work. ``load()`` runs once per
worker process and returns the function applied to each ``Item``; that is where detectors
and models are loaded. Each function returns the fields it adds to the output record and
the number of sentences it processed (for the progress bar).
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from toolkit.batch.inputs import Item
from toolkit.batch.timeout import DocumentTimeout, time_limit
from toolkit.errors import InputError, MtkitError
from toolkit.textio import Chunk

Payload = tuple[dict[str, Any], int]


MAX_DOCUMENT_CHARS = 64 << 20  # a document read whole (fix, qe, summarize); check streams


@dataclass(frozen=True, slots=True)
class Result:
    """The output record of one document (and its JSON line), its sentence count, and
    whether it failed."""

    record: dict[str, Any]
    sentences: int = 0
    failed: bool = False
    line: str = ""

    @classmethod
    def of(cls, record: dict[str, Any], sentences: int = 0, failed: bool = False) -> Result:
        from toolkit.batch.output import record_line

        return cls(record, sentences, failed, record_line(record))


class Task(ABC):
    """One kind of per-document work (check, fix, score --qe, summarize)."""

    name: ClassVar[str]

    @abstractmethod
    def load(self) -> Callable[[Item], Payload]:
        """Load what the work needs (once per process) and return the per-document function."""


def item_chunks(item: Item) -> Iterator[Chunk]:
    """The text of an item, in bounded chunks when it is a (possibly huge) file."""
    if item.text is not None:
        yield Chunk(item.text, 0, 0)
    else:
        from toolkit.textio import iter_chunks

        yield from iter_chunks(item.path, item.encoding)


def item_text(item: Item) -> str:
    """The whole text of an item; one longer than ``MAX_DOCUMENT_CHARS`` is an InputError."""
    parts, length = [], 0
    for chunk in item_chunks(item):
        length += len(chunk.text)
        if length > MAX_DOCUMENT_CHARS:
            raise InputError(
                f"document longer than {MAX_DOCUMENT_CHARS >> 20} Mi characters; split it "
                "(mtkit check streams a text of any length)"
            )
        parts.append(chunk.text)
    return "".join(parts)


@functools.lru_cache(maxsize=4)
def prepare(task: Task) -> Callable[[Item], Payload]:
    """The per-document function of ``task``, loaded once per process."""
    return task.load()


def process(task: Task, items: list[Item], timeout: float | None = None) -> list[Result]:
    """Run ``task`` over a batch; a failing document, or one that takes longer than
    ``timeout`` seconds, becomes a record with its ``error``."""
    run = prepare(task)
    return [_one(run, item, timeout) for item in items]


def failure(item: Item, message: str) -> Result:
    """The error record of a document."""
    return Result.of({**item.origin(), "error": message}, failed=True)


def _one(run: Callable[[Item], Payload], item: Item, timeout: float | None) -> Result:
    """One document in its own error boundary: whatever goes wrong (a timeout, a recursion
    limit, text that cannot be encoded) becomes its error record."""
    if item.error is not None:
        return failure(item, item.error)
    try:
        with time_limit(timeout):
            payload, sentences = run(item)
        return Result.of({**item.origin(), **payload}, sentences)
    except DocumentTimeout as error:
        return failure(item, str(error) or "timed out")
    except MtkitError as error:
        return failure(item, str(error))
    except RecursionError:
        return failure(item, "RecursionError: the document is nested too deeply")
    except Exception as error:  # a pathological document must not stop the run
        return failure(item, f"{type(error).__name__}: {error}")


@dataclass(frozen=True)
class ConfiguredTask(Task, ABC):
    """Work that runs the checks under a run configuration (built in ``batch.options``)."""

    settings: Any = None  # toolkit.settings.Settings
    selection: Any = None  # toolkit.pipeline.Selection
    ignored: Any = None  # toolkit.config.IgnoreList


@dataclass(frozen=True)
class CheckTask(ConfiguredTask):
    """``mtkit check`` on each document: its findings, offsets into the whole document."""

    name: ClassVar[str] = "check"

    def load(self) -> Callable[[Item], Payload]:
        from toolkit.document import Document
        from toolkit.pipeline import Selection, in_whole_text, run_checks
        from toolkit.settings import Settings

        settings = self.settings or Settings()
        selection = self.selection or Selection()
        run_checks(Document("Warm up."), settings, selection)

        def run(item: Item) -> Payload:
            findings, sentences = [], 0
            for chunk in item_chunks(item):
                doc = Document(chunk.text, lang=settings.lang, source=item.source)
                found = run_checks(doc, settings, selection)
                if self.ignored is not None:
                    found = self.ignored.filter(found)
                findings.extend(f.to_dict() for f in in_whole_text(found, chunk))
                sentences += len(doc.sentences)
            return {"findings": findings}, sentences

        return run


@dataclass(frozen=True)
class FixTask(Task):
    """``mtkit fix`` on each document: the fixed text and the findings applied."""

    name: ClassVar[str] = "fix"
    settings: Any = None
    selection: Any = None
    min_confidence: float | None = None
    unsafe: bool = False
    ignored: Any = None  # toolkit.config.IgnoreList

    def load(self) -> Callable[[Item], Payload]:
        from toolkit.document import Document
        from toolkit.fix import fix

        def run(item: Item) -> Payload:
            text = item_text(item)
            result = fix(
                text,
                settings=self.settings,
                selection=self.selection,
                min_confidence=self.min_confidence,
                unsafe=self.unsafe,
                ignored=self.ignored,
            )
            payload = {
                "text": result.text,
                "changed": result.changed,
                "applied": [f.to_dict() for f in result.applied],
                "skipped": len(result.skipped),
            }
            return payload, len(Document(text).sentences)

        fix("Warm up.", settings=self.settings, selection=self.selection)
        return run


@dataclass(frozen=True)
class SummarizeTask(Task):
    """``mtkit summarize`` on each document: the summary and the sentences it took."""

    name: ClassVar[str] = "summarize"
    length: str = "3"
    method: str | None = None
    lang: str = "auto"
    model: str | None = None

    def load(self) -> Callable[[Item], Payload]:
        from toolkit.document import Document
        from toolkit.summarize import DEFAULT_METHOD, boilerplate_spans, summarizer
        from toolkit.summarize.base import Length

        length = Length.parse(self.length)
        method = summarizer(self.method or DEFAULT_METHOD, self.lang, self.model)

        def run(item: Item) -> Payload:
            doc = Document(item_text(item))
            summary = method.summarize(doc, length, boilerplate_spans(doc))
            return summary.to_dict(), len(doc.sentences)

        return run


@dataclass(frozen=True)
class QETask(ConfiguredTask):
    """``mtkit score --qe`` on each document: each line a segment, ``source`` line-aligned."""

    name: ClassVar[str] = "qe"

    def load(self) -> Callable[[Item], Payload]:
        from toolkit.score.qe import estimate

        options = {"settings": self.settings, "selection": self.selection, "ignored": self.ignored}
        estimate(["Warm up."], **options)

        def run(item: Item) -> Payload:
            text = item_text(item)
            if not text.strip():
                raise InputError("only blank lines, no text to estimate")
            hyps = text.rstrip("\n").split("\n")
            sources = item.source.rstrip("\n").split("\n") if item.source is not None else None
            if sources is not None and len(sources) != len(hyps):
                raise InputError(f"{len(hyps)} line(s) of text but {len(sources)} of source")
            report = estimate(hyps, sources, item.id, **options)
            segments = [segment.to_dict() for segment in report.segments]
            return {"score": round(report.score, 2), "segments": segments}, len(hyps)

        return run
