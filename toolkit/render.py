"""Render findings for people (compiler-style text) and programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from toolkit.findings import SEVERITIES, Finding
from toolkit.textio import Chunk

CONTEXT = 200  # characters of a finding's line shown either side of it
# Characters a terminal acts on instead of showing: C0 and C1 controls (escape sequences
# start with \x1b or \x9b), and the bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile(f"{_CONTROL.pattern[:-1]}\n\t]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def printable(text: str, newlines: bool = False) -> str:
    """``text`` safe to print on a terminal: control characters shown escaped (``\\x1b``);
    newlines and tabs kept when ``newlines``, escaped otherwise."""
    return (_CONTROL if newlines else _CONTROL_OR_NEWLINE).sub(_escape, text)


def text_lines(path: str, chunk: Chunk, findings: Iterable[Finding]) -> list[str]:
    """``path:line:col: severity kind: message [rule] -> suggestion`` plus the span underlined
    in its line; at most ``CONTEXT`` characters of the line either side, so a text with
    enormous lines (one paragraph of a megabyte) prints short ones. Control characters of
    the text are shown escaped (``\\x1b``), never sent to the terminal."""
    out = []
    text = chunk.text
    for f in findings:
        fix = ""
        if f.suggestions:
            fix = " -> " + ("(delete)" if f.suggestions[0] == "" else repr(f.suggestions[0]))
        out.append(
            printable(
                f"{path}:{f.line}:{f.column}: {f.severity} {f.kind}: {f.message} [{f.rule}]{fix}"
            )
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
        span_end = min(end, local + len(first_line))
        lead, span = _shown(text[start:local]), _shown(text[local:span_end])
        out.append(f"    {before}{lead}{span}{_shown(text[span_end:end])}{after}")
        out.append("    " + " " * (len(before) + len(lead)) + "^" * max(1, len(span)))
    return out


def _shown(text: str) -> str:
    return printable(text.replace("\t", " "))


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
