"""Render findings for people (compiler-style text) and programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from toolkit.findings import SEVERITIES, Finding
from toolkit.textio import Chunk


def text_lines(path: str, chunk: Chunk, findings: Iterable[Finding]) -> list[str]:
    """``path:line:col: severity kind: message [rule] -> suggestion`` plus the span underlined."""
    out = []
    for f in findings:
        fix = ""
        if f.suggestions:
            fix = " -> " + ("(delete)" if f.suggestions[0] == "" else repr(f.suggestions[0]))
        out.append(
            f"{path}:{f.line}:{f.column}: {f.severity} {f.kind}: {f.message} [{f.rule}]{fix}"
        )
        local = f.start - chunk.offset
        line_start = chunk.text.rfind("\n", 0, local) + 1
        line_end = chunk.text.find("\n", local)
        line = chunk.text[line_start : line_end if line_end >= 0 else len(chunk.text)]
        width = max(1, min(len(f.text.split("\n")[0]), len(line) - (local - line_start)))
        out.append("    " + line.replace("\t", " "))
        out.append("    " + " " * (local - line_start) + "^" * width)
    return out


def summary(findings: Iterable[Finding]) -> dict[str, Any]:
    """Counts of findings by kind and by severity."""
    items = list(findings)
    by_severity = Counter(f.severity for f in items)
    return {
        "total": len(items),
        "by_kind": dict(sorted(Counter(f.kind for f in items).items())),
        "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
    }


def json_report(files: list[tuple[str, list[Finding]]], signature: str) -> str:
    """One JSON document for every file checked."""
    return json.dumps(
        {
            "files": [{"path": p, "findings": [f.to_dict() for f in fs]} for p, fs in files],
            "summary": summary(f for _, fs in files for f in fs),
            "signature": signature,
        },
        ensure_ascii=False,
        indent=2,
    )


def jsonl_lines(path: str, findings: Iterable[Finding]) -> list[str]:
    """One JSON object per finding, with its ``path``."""
    return [json.dumps({"path": path, **f.to_dict()}, ensure_ascii=False) for f in findings]
