"""Project configuration: ``mtkit.toml`` or ``[tool.mtkit]`` in pyproject.toml, found by
walking up from the input, and the ignore file of (rule, exact text) pairs. ``mtkit.toml``
holds the keys at its top level or, like pyproject.toml, in a ``[tool.mtkit]`` table.

Keys: select, ignore, min-confidence, fail-on, gazetteers, source-lang, house-style,
ignore-file. Paths are relative to the configuration file. Command-line flags override it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import UsageError
from toolkit.findings import SEVERITIES, Finding
from toolkit.settings import Settings

if TYPE_CHECKING:
    from toolkit.pipeline import Selection

CONFIG_NAMES = ("mtkit.toml", "pyproject.toml")
_FAIL_ON = (*SEVERITIES, "never")


@dataclass(frozen=True)
class IgnoreList:
    """Findings to drop, as (rule, exact text) pairs.

    The rule is a code, a code prefix, a slug or ``*``; the text is compared with the
    finding's text without surrounding whitespace. File format: one ``RULE<TAB>text`` per
    line; blank lines and lines starting with ``#`` are skipped.
    """

    pairs: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def load(cls, path: Path) -> IgnoreList:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{path}: cannot read the ignore file: {error}") from None
        pairs = set()
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rule, tab, text = line.partition("\t")
            if not tab or not rule.strip() or not text.strip():
                raise UsageError(f"{path}:{number}: expected RULE<TAB>text")
            pairs.add((rule.strip(), text.strip()))
        return cls(frozenset(pairs))

    def covers(self, finding: Finding) -> bool:
        text = finding.text.strip()
        return any(
            text == ignored and (rule in ("*", finding.slug) or finding.rule.startswith(rule))
            for rule, ignored in self.pairs
        )

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """The findings this list does not cover."""
        return [f for f in findings if not self.covers(f)] if self.pairs else findings


@dataclass(frozen=True)
class Config:
    """Settings read from a configuration file (all optional)."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_confidence: float | None = None
    fail_on: str | None = None
    gazetteers: tuple[Path, ...] = ()
    source_lang: str | None = None
    house_style: Path | None = None
    ignore_file: Path | None = None
    ignored: IgnoreList = field(default_factory=IgnoreList)

    def settings(
        self,
        *,
        source_lang: str | None = None,
        fast: bool = True,
        gazetteers: tuple[Path, ...] = (),
        lm_path: Path | None = None,
    ) -> Settings:
        """Settings for a run: flags first, then this configuration.

        Flag ``gazetteers`` extend the configured ones; a language model (``lm_path``)
        implies the deep checks.
        """
        return Settings(
            source_lang=source_language(source_lang) or self.source_lang,
            fast=fast and lm_path is None,
            gazetteers=self.gazetteers + gazetteers,
            house_style=self.house_style,
            lm_path=lm_path,
        )

    def selection(
        self,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        min_confidence: float = 0.0,
    ) -> Selection:
        """The rule selection: ``select``/``ignore`` flags replace the configured lists."""
        from toolkit.pipeline import Selection

        return Selection(select or self.select, ignore or self.ignore, min_confidence)

    def confidence(self, flag: float | None, default: float | None) -> float | None:
        """The minimum confidence: the flag, else the configured value, else ``default``."""
        if flag is not None:
            return flag
        return self.min_confidence if self.min_confidence is not None else default


def source_language(code: str | None) -> str | None:
    """``code`` as the checks use it: lower case, region or script dropped (zh-Hans is zh);
    a code that is not ISO 639-1 is a UsageError."""
    if code is None:
        return None
    from toolkit.resources import read_lines

    base = code.strip().lower().replace("_", "-").split("-")[0]
    if base not in read_lines("languages.txt"):
        raise UsageError(
            f"unknown source language {code!r}: give an ISO 639-1 code (ar, fa, tr, zh, ...)"
        )
    return base


def find_config(start: Path) -> Path | None:
    """The nearest mtkit.toml, or pyproject.toml with a [tool.mtkit] table, at or above start."""
    try:
        start = start.resolve()
    except (RuntimeError, OSError):  # a link loop: the input's own error comes later
        start = Path(os.path.abspath(start))
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name == "mtkit.toml" or _has_mtkit_table(candidate)):
                return candidate
    return None


def load_config(path: Path) -> Config:
    """Parse and validate one configuration file."""
    table = _read_table(path)
    base = path.resolve().parent
    unknown = set(table) - set(_KEYS)
    if unknown:
        raise UsageError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {"path": path}
    for key, value in table.items():
        values[key.replace("-", "_")] = _KEYS[key](path, key, value, base)
    if values.get("ignore_file"):
        values["ignored"] = IgnoreList.load(values["ignore_file"])
    return Config(**values)


def discover(inputs: tuple[str, ...] | list[str], config_path: str | None = None) -> Config:
    """The configuration for a run: ``config_path`` if given, else the one nearest the first
    input (the working folder for stdin), else an empty Config."""
    if config_path:
        path = Path(config_path)
        if not path.is_file():
            raise UsageError(f"{config_path}: no such configuration file")
        return load_config(path)
    first = next((p for p in inputs if p != "-"), None)
    found = find_config(Path(first) if first else Path.cwd())
    return load_config(found) if found else Config()


def _has_mtkit_table(path: Path) -> bool:
    try:
        return "mtkit" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml" or list(data) == ["tool"]:  # mtkit.toml may use either
        data = data.get("tool", {}).get("mtkit", {})
    if not isinstance(data, dict):
        raise UsageError(f"{path}: [tool.mtkit] must be a table")
    return data


def _strings(path: Path, key: str, value: Any, base: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _confidence(path: Path, key: str, value: Any, base: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise UsageError(f"{path}: {key} must be a number from 0 to 1")
    return float(value)


def _fail_on(path: Path, key: str, value: Any, base: Path) -> str:
    if value not in _FAIL_ON:
        raise UsageError(f"{path}: {key} must be one of {', '.join(_FAIL_ON)}")
    return value


def _string(path: Path, key: str, value: Any, base: Path) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{path}: {key} must be a string")
    return value


def _language(path: Path, key: str, value: Any, base: Path) -> str | None:
    try:
        return source_language(_string(path, key, value, base))
    except UsageError as error:
        raise UsageError(f"{path}: {key}: {error}") from None


def _file(path: Path, key: str, value: Any, base: Path) -> Path:
    file = base / _string(path, key, value, base)
    if not file.is_file():
        raise UsageError(f"{path}: {key}: no such file {file}")
    return file


def _files(path: Path, key: str, value: Any, base: Path) -> tuple[Path, ...]:
    return tuple(_file(path, key, v, base) for v in _strings(path, key, value, base))


_KEYS = {
    "select": _strings,
    "ignore": _strings,
    "min-confidence": _confidence,
    "fail-on": _fail_on,
    "gazetteers": _files,
    "source-lang": _language,
    "house-style": _file,
    "ignore-file": _file,
}
