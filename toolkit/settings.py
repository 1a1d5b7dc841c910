"""Options shared by the checks of one run (resources, source language, speed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """What a run of the checks may use.

    ``fast`` (the default) leaves out checks that load a model, so a run starts at once
    (``--deep`` turns them on); ``source_lang`` is the language the text was translated from,
    when known ("ar", "fa", "tr", "zh"), and narrows language-specific patterns;
    ``gazetteers`` are user TSV files that extend or override the built-in names;
    ``house_style`` is a TSV of preferred spellings (variant, preferred) from the config.
    """

    lang: str = "en"
    source_lang: str | None = None
    fast: bool = True
    gazetteers: tuple[Path, ...] = field(default=())
    lm_path: Path | None = None
    house_style: Path | None = None
