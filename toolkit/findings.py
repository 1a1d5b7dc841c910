"""The Finding record every detector emits, and the Rule that describes each kind of finding."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from toolkit.document import Document

Severity = Literal["critical", "major", "minor"]
SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor")
KINDS = (
    "pronoun",
    "name",
    "calque",
    "fragment",
    "punctuation",
    "capitalisation",
    "boilerplate",
    "repetition",
    "terminology",
    "consistency",
    "encoding",
    "untranslated",
    "number",
    "omission",
    "grammar",
    "other",
)


def severity_rank(severity: str) -> int:
    """0 for critical, 1 for major, 2 for minor: lower is worse."""
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Rule:
    """A stable, documented kind of finding (like a linter rule).

    ``code`` is stable (family prefix plus number), ``slug`` names the artifact.
    The prose fields are rendered into docs/rules.md.
    """

    code: str
    slug: str
    kind: str
    category: str
    severity: Severity
    summary: str
    why: str
    example: str
    fixed: str
    fix_safe: bool = False
    false_positives: str = ""
    source: str = ""  # provenance: the data files or references the rule is built on
    example_source: str = ""  # a bilingual rule's example: the source text it translates

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"rule {self.code}: unknown kind {self.kind!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.code}: unknown severity {self.severity!r}")

    def at(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        confidence: float = 0.9,
        *,
        severity: Severity | None = None,
        safe: bool | None = None,
    ) -> Finding:
        """A finding of this rule over doc.text[start:end]."""
        line, column = doc.line_col(start)
        return Finding(
            start=start,
            end=end,
            line=line,
            column=column,
            text=doc.text[start:end],
            kind=self.kind,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            suggestions=tuple(suggestions),
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            rule=self.code,
            slug=self.slug,
            safe=self.fix_safe if safe is None else safe,
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One artifact: a span of the original text, what is wrong, and how to correct it.

    ``text == original[start:end]`` always; each suggestion replaces exactly that span
    (``""`` deletes it). ``safe`` says whether ``mtkit fix`` may apply the first suggestion
    without review.
    """

    start: int
    end: int
    line: int
    column: int
    text: str
    kind: str
    category: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = field(default=())
    confidence: float = 0.9
    rule: str = ""
    slug: str = ""
    safe: bool = False

    def __str__(self) -> str:
        fix = f" -> {self.suggestions[0]!r}" if self.suggestions else ""
        return (
            f"{self.line}:{self.column}: {self.severity} {self.kind}: "
            f"{self.message} [{self.rule}]{fix}"
        )

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (the contract in docs/finding.schema.json)."""
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        values = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        values["suggestions"] = tuple(values.get("suggestions", ()))
        return cls(**values)
