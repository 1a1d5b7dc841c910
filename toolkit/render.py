"""Render findings for people (compiler-style text) and programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from toolkit.findings import SEVERITIES, Finding
from toolkit.textio import Chunk

CONTEXT = 200  # characters of a finding's line shown either side of it


def text_lines(path: str, chunk: Chunk, findings: Iterable[Finding]) -> list[str]:
    """``path:line:col: severity kind: message [rule] -> suggestion`` plus the span underlined
    in its line; at most ``CONTEXT`` characters of the line either side, so a text with
    enormous lines (one paragraph of a megabyte) prints short ones."""
    out = []
    text = chunk.text
    for f in findings:
        fix = ""
        if f.suggestions:
            fix = " -> " + ("(delete)" if f.suggestions[0] == "" else repr(f.suggestions[0]))
        out.append(
            f"{path}:{f.line}:{f.column}: {f.severity} {f.kind}: {f.message} [{f.rule}]{fix}"
        )
        local = f.start - chunk.offset
        first_line = f.text.split("\n")[0]
        window_start = max(0, local - CONTEXT)
        window_end = min(len(text), local + len(first_line) + CONTEXT)
        newline = text.rfind("\n", window_start, local)
        start = newline + 1 if newline >= 0 else window_start
        newline = text.find("\n", local, window_end)
        end = newline if newline >= 0 else window_end
        before = "…" if start > 0 and text[start - 1] != "\n" else ""
        after = "…" if end < len(text) and text[end] != "\n" else ""
        width = max(1, min(len(first_line), end - local))
        shown = text[start:end].replace("\t", " ")
        out.append(f"    {before}{shown}{after}")
        out.append("    " + " " * (len(before) + local - start) + "^" * width)
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
