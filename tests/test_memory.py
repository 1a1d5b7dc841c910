"""Bounded memory on a stream: checking a document leaves nothing of it behind."""

from __future__ import annotations

import gc
import weakref

from toolkit.document import Document
from toolkit.names.coref import resolve
from toolkit.pipeline import Selection, run_checks
from toolkit.settings import Settings

TEXT = (
    "The Turkish ministry said in her statement on Sunday that Recep Tayip Erdogan met "
    "Ahmed al-Sharaa in Ankara.\n\nAhmed Al-Charaa later travelled to Aleppo and Halep."
)


def test_a_checked_document_is_freed_with_its_cached_analyses() -> None:
    doc = Document(TEXT)
    assert run_checks(doc, Settings(), Selection())
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None  # the per-document caches are keyed weakly and hold no document


def test_entities_are_available_while_the_document_lives() -> None:
    doc = Document(TEXT)
    names = {entity.canonical for entity in resolve(doc).entities}
    assert "Ankara" in names
