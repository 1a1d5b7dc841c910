"""The Check base class: one detector family, with its rules and a single hook."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from toolkit.document import Document
from toolkit.findings import Finding, Rule
from toolkit.settings import Settings


class Check(ABC):
    """A detector family. Subclasses set ``name`` and ``rules`` and implement ``check``.

    ``needs_model`` marks checks that load a model; they run with ``--deep`` or when selected.
    ``default_enabled = False`` marks checks that run only when selected by name, rule or
    kind, or when ``enabled_by_default(settings)`` says the settings ask for them.
    """

    name: ClassVar[str]
    rules: ClassVar[tuple[Rule, ...]]
    needs_model: ClassVar[bool] = False
    default_enabled: ClassVar[bool] = True

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @classmethod
    def enabled_by_default(cls, settings: Settings) -> bool:
        """Whether the check runs when no selector names it."""
        return cls.default_enabled

    @abstractmethod
    def check(self, doc: Document) -> Iterable[Finding]:
        """Yield the findings of this family in ``doc``."""

    def run(self, doc: Document) -> list[Finding]:
        """Findings sorted by position, validated against the text, without duplicates."""
        unique: dict[tuple, Finding] = {}
        for finding in self.check(doc):
            if not 0 <= finding.start <= finding.end <= len(doc.text):
                raise ValueError(f"{self.name}: span out of range: {finding}")
            if doc.text[finding.start : finding.end] != finding.text:
                raise ValueError(f"{self.name}: text does not match its span: {finding}")
            unique.setdefault((finding.start, finding.end, finding.rule), finding)
        return sorted(unique.values(), key=lambda f: f.sort_key)
