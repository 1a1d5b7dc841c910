"""The review report: one self-contained HTML page (inline CSS and JS, no network).

Each file shows its text with every finding highlighted by kind and severity, and the fixed
text beside it with the changes marked; a side panel lists the findings, and filters by kind
and severity hide them.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files

from toolkit.findings import SEVERITIES, Finding, severity_rank
from toolkit.fix import FixResult


@dataclass(frozen=True)
class FileReport:
    """One checked text: its findings and, optionally, what fix made of it."""

    path: str
    text: str
    findings: tuple[Finding, ...]
    fixed: FixResult | None = None


def render_report(reports: Sequence[FileReport], title: str | None = None) -> str:
    """The whole HTML page for ``reports`` (titled after the file when there is one)."""
    if title is None:
        title = f"mtkit report: {reports[0].path}" if len(reports) == 1 else "mtkit report"
    every = [f for r in reports for f in r.findings]
    kinds = Counter(f.kind for f in every)
    severities = Counter(f.severity for f in every)
    changes = [_change_data(n, r) for n, r in enumerate(reports)]
    files_html = "\n".join(_file_section(n, r, changes[n]) for n, r in enumerate(reports))
    items_html = "\n".join(
        _finding_item(f"{n}-{i}", r, f, statuses, {c["id"] for c in changes[n]})
        for n, (r, statuses) in enumerate(zip(reports, map(_statuses, reports), strict=True))
        for i, f in enumerate(r.findings)
    )
    applied = sum(len(r.fixed.applied) for r in reports if r.fixed)
    offered = sum(len(_suggested(r)) for r in reports)
    summary = (
        f"{len(every)} finding(s) in {len(reports)} file(s): "
        + ", ".join(f"{severities.get(s, 0)} {s}" for s in SEVERITIES)
        + f"; {applied} corrected by fix, {offered} more suggested (tick them in the list to "
        "apply them too, then download the text)."
    )
    return _PAGE.format(
        title=_esc(title),
        css=_asset("report.css"),
        js=_asset("report.js").replace("</", "<\\/"),
        summary=_esc(summary),
        kind_filters=_checkboxes("kind", kinds, with_swatch=True),
        severity_filters=_checkboxes(
            "severity", {s: severities[s] for s in SEVERITIES if severities[s]}
        ),
        files=files_html,
        items=items_html or '<li class="empty">No findings.</li>',
        total=len(every),
    )


def _asset(name: str) -> str:
    return files("toolkit.html").joinpath(name).read_text(encoding="utf-8")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _checkboxes(group: str, counts: dict[str, int], with_swatch: bool = False) -> str:
    if not counts:
        return '<span class="empty">none</span>'
    out = []
    for value in sorted(counts) if group == "kind" else counts:
        swatch = f'<span class="swatch k-{_esc(value)}" aria-hidden="true"></span>'
        out.append(
            f'<label><input type="checkbox" checked data-filter="{group}" '
            f'value="{_esc(value)}">{swatch if with_swatch else ""}'
            f"{_esc(value)} ({counts[value]})</label>"
        )
    return "".join(out)


def _file_section(number: int, report: FileReport, choices: list[dict]) -> str:
    """The text and the fixed text side by side, one row per paragraph, and the changes an
    editor may tick on or off (as JSON for the page's script)."""
    bounds = _row_bounds(report.text, report.fixed)
    original = _by_row(bounds, _highlight(number, report.text, report.findings, bounds))
    if report.fixed is not None:
        fixed = _by_row(bounds, _changes(report.fixed, bounds))
        changes = f"{len(report.fixed.applied)} correction(s)"
    else:
        fixed = ['<span class="empty">No fix was run.</span>'] * len(original)
        changes = "not fixed"
    rows = "\n".join(
        f'<div class="text original">{left}</div>'
        f'<div class="text fixed" data-start="{start}" data-end="{end}">{right}</div>'
        for left, right, start, end in zip(original, fixed, bounds, bounds[1:], strict=False)
    )
    data = (
        json.dumps(
            {
                "name": _download_name(report.path),
                "text": report.text,
                "bounds": bounds,
                "changes": choices,
            },
            ensure_ascii=False,
        )
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f"""<section class="file" aria-labelledby="h-{number}" data-file="{number}">
<h2 id="h-{number}"><span class="file-label">File</span> {_esc(report.path)}</h2>
<p class="legend-fixed">Paragraph by paragraph: the text with its {len(report.findings)} \
finding(s) highlighted, and the fixed text ({changes}) with <ins>inserted</ins> and \
<del>removed</del> text marked. Tick or untick a change in the list of findings to apply it \
or not.</p>
<p class="tools"><button type="button" class="download" data-file="{number}">Download the \
corrected text</button> <span class="chosen" aria-live="polite"></span></p>
<div class="rows">
<h3>Text with findings</h3><h3>Fixed text</h3>
{rows}
</div>
<script type="application/json" class="changes">{data}</script>
</section>"""


def _download_name(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1] or "text.txt"
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.fixed.{ext}" if dot and stem else f"{name}.fixed.txt"


def _suggested(report: FileReport) -> list[Finding]:
    """Findings with a suggestion that fix did not apply."""
    applied = set(report.fixed.applied) if report.fixed else set()
    return [
        f
        for f in report.findings
        if f not in applied and f.suggestions and any(s != f.text for s in f.suggestions)
    ]


def _change_data(number: int, report: FileReport) -> list[dict]:
    """Every change an editor can choose: the edits fix made (on) and the suggestions it left
    (off). A blank-line clean-up goes with the deletion it follows."""
    index = {f: i for i, f in enumerate(report.findings)}
    changes: list[dict] = []
    edits = report.fixed.edits if report.fixed else ()
    ids: list[str | None] = []
    for k, edit in enumerate(edits):
        if edit.finding is None:
            ids.append(None)
            continue
        at = index.get(edit.finding)
        ident = f"{number}-{at}" if at is not None else f"{number}-e{k}"
        ids.append(ident)
        changes.append(_change(ident, edit.start, edit.end, [edit.replacement], True, edit.finding))
    for k, edit in enumerate(edits):
        if edit.finding is None and (owner := _cleanup_owner(report.text, edits, ids, k)):
            change = _change(f"{number}-b{k}", edit.start, edit.end, [edit.replacement], True)
            changes.append({**change, "follows": owner})
    for finding in _suggested(report):
        options = [s for s in finding.suggestions if s != finding.text]
        changes.append(
            _change(
                f"{number}-{index[finding]}", finding.start, finding.end, options, False, finding
            )
        )
    return changes


def _change(ident, start, end, options, on, finding=None) -> dict:
    return {
        "id": ident,
        "start": start,
        "end": end,
        "options": options,
        "on": on,
        "rule": finding.rule if finding else "blank lines",
    }


def _cleanup_owner(text: str, edits, ids: list[str | None], k: int) -> str | None:
    """The deletion a blank-line clean-up belongs to: the nearest one with only white space
    between them."""
    edit = edits[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(edits) and ids[j] and not edits[j].replacement:
            other = edits[j]
            gap = text[other.end : edit.start] if j < k else text[edit.end : other.start]
            if not gap.strip():
                return ids[j]
    return None


_BLOCK_END = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")


def _row_bounds(text: str, fixed: FixResult | None) -> list[int]:
    """Offsets where rows start: after blank lines, never inside a change."""
    edits = fixed.edits if fixed is not None else ()
    starts = [e.start for e in edits]
    bounds = [0]
    for match in _BLOCK_END.finditer(text):
        cut = match.end()
        index = bisect.bisect_left(starts, cut) - 1
        if 0 < cut < len(text) and (index < 0 or edits[index].end <= cut):
            bounds.append(cut)
    return [*bounds, len(text)]


def _by_row(bounds: list[int], pieces: Iterator[tuple[int, str]]) -> list[str]:
    """Join HTML pieces, each tagged with its original offset, into one string per row."""
    rows: list[list[str]] = [[] for _ in bounds[:-1]] or [[]]
    for offset, piece in pieces:
        rows[min(bisect.bisect_right(bounds, offset) - 1, len(rows) - 1)].append(piece)
    return ["".join(row) for row in rows]


def _highlight(
    number: int, text: str, findings: Sequence[Finding], cuts: list[int]
) -> Iterator[tuple[int, str]]:
    """The text as HTML pieces (with their offsets), each stretch covered by findings wrapped
    in one <mark>; no piece crosses a row cut."""
    ids = [f"{number}-{i}" for i in range(len(findings))]
    bounds = sorted({0, len(text), *cuts, *(x for f in findings for x in (f.start, f.end))})
    points: dict[int, list[int]] = {}
    spans = []
    for i, f in enumerate(findings):
        if f.start == f.end:
            points.setdefault(f.start, []).append(i)
        else:
            spans.append(i)
    spans.sort(key=lambda i: findings[i].start)
    active: list[int] = []
    first_mark: set[int] = set()
    following = 0
    for left, right in zip(bounds, [*bounds[1:], None], strict=True):
        for i in points.get(left, ()):
            yield left, _mark([i], findings, ids, first_mark, "", point=True)
        if right is None:
            break
        while following < len(spans) and findings[spans[following]].start <= left:
            active.append(spans[following])
            following += 1
        active = [i for i in active if findings[i].end > left]
        piece = text[left:right]
        yield (
            left,
            _mark(sorted(active), findings, ids, first_mark, piece) if active else _esc(piece),
        )


def _mark(
    covering: list[int],
    findings: Sequence[Finding],
    ids: list[str],
    first_mark: set[int],
    piece: str,
    point: bool = False,
) -> str:
    top = findings[min(covering, key=lambda i: severity_rank(findings[i].severity))]
    anchor = ""
    for i in covering:
        if i not in first_mark:
            first_mark.add(i)
            anchor = anchor or f' id="m-{ids[i]}"'
    data_f = " ".join(ids[i] for i in covering)
    described = " ".join(f"d-{ids[i]}" for i in covering)
    label = "; ".join(f"{findings[i].severity} {findings[i].kind}" for i in covering)
    extra = ' data-point="1"' if point else ""
    return (
        f'<mark class="f k-{_esc(top.kind)} s-{top.severity}{" point" if point else ""}"'
        f'{anchor} data-f="{data_f}"{extra} tabindex="0" '
        f'aria-label="{_esc(label)}" aria-describedby="{described}">{_esc(piece)}</mark>'
    )


def _changes(fixed: FixResult, cuts: list[int]) -> Iterator[tuple[int, str]]:
    """The fixed text as HTML pieces tagged with original offsets, changes as <ins>/<del>."""
    position = 0
    for edit in (*fixed.edits, None):
        stop = edit.start if edit else len(fixed.original)
        kept = cuts[bisect.bisect_right(cuts, position) : bisect.bisect_left(cuts, stop)]
        for left, right in zip([position, *kept], [*kept, stop], strict=True):
            yield left, _esc(fixed.original[left:right])
        if edit is None:
            break
        rule = _esc(edit.finding.rule if edit.finding else "blank lines")
        if edit.end > edit.start:
            yield (
                edit.start,
                f'<del title="{rule}">{_esc(fixed.original[edit.start : edit.end])}</del>',
            )
        if edit.replacement:
            yield edit.start, f'<ins title="{rule}">{_esc(edit.replacement)}</ins>'
        position = edit.end


def _visible(text: str) -> str:
    """Short text with line breaks and edge spaces made visible."""
    text = text if len(text) <= 80 else text[:77] + "..."
    core = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" ")) if core else 0
    return ("␣" * lead + core + "␣" * trail).replace("\r\n", "⏎").replace("\n", "⏎")


def _statuses(report: FileReport) -> dict[Finding, str]:
    """What fix did with each finding of a report (empty when fix did not run)."""
    if report.fixed is None:
        return {}
    statuses = {f: "not offered to fix" for f in report.findings}
    statuses.update({s.finding: f"not applied: {s.reason}" for s in report.fixed.skipped})
    statuses.update({f: "applied by fix" for f in report.fixed.applied})
    return statuses


def _finding_item(
    ident: str, report: FileReport, f: Finding, statuses: dict[Finding, str], ids: set[str]
) -> str:
    suggestion = ""
    if f.suggestions:
        old = f"<code>{_esc(_visible(f.text))}</code>"
        if f.suggestions == ("",):
            suggestion = f'<span class="fix">Delete {old}</span> '
        else:
            shown = " or ".join(
                "nothing" if s == "" else f"<code>{_esc(_visible(s))}</code>" for s in f.suggestions
            )
            suggestion = f'<span class="fix">Replace {old} with {shown}</span> '
    status = statuses.get(f, "")
    status = f'<span class="status">{_esc(status)}</span>' if status else ""
    choice = _choice(ident, f, statuses.get(f, ""), ids)
    return (
        f'<li id="d-{ident}" data-id="{ident}" data-kind="{_esc(f.kind)}" '
        f'data-severity="{f.severity}">'
        f'<a class="where" href="#m-{ident}">{_esc(report.path)}:{f.line}:{f.column}</a> '
        f'<span class="sev sev-{f.severity}">{f.severity}</span> '
        f'<span class="kind">{_esc(f.kind)}</span> <code>{_esc(f.rule)}</code>'
        f'<span class="detail"><span class="msg">{_esc(f.message)}</span>'
        f"{suggestion}{status}</span>{choice}</li>"
    )


def _choice(ident: str, f: Finding, status: str, ids: set[str]) -> str:
    """The control that turns a finding's change on or off in the fixed text."""
    options = [s for s in f.suggestions if s != f.text]
    if not options or ident not in ids:
        return ""
    on = status == "applied by fix"
    label = "applied; untick to undo" if on else "apply this suggestion"
    box = (
        f'<label class="apply"><input type="checkbox" data-change="{ident}"'
        f"{' checked' if on else ''}> {label}</label>"
    )
    if len(options) > 1 and not on:
        choices = "".join(
            f'<option value="{i}">{_esc(_visible(o)) if o else "(delete)"}</option>'
            for i, o in enumerate(options)
        )
        box += f' <select data-choice="{ident}" aria-label="Suggestion to apply">{choices}</select>'
    return box


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<a class="skip" href="#list-title">Skip to the list of findings</a>
<header>
<h1>{title}</h1>
<p class="summary">{summary}</p>
<form class="filters" aria-label="Filters">
<fieldset><legend>Kind</legend>{kind_filters}</fieldset>
<fieldset><legend>Severity</legend>{severity_filters}</fieldset>
<fieldset><legend>Fixed text</legend><label><input type="checkbox" checked \
data-deletions="1">show removed text</label></fieldset>
</form>
</header>
<div class="layout">
<main>
{files}
</main>
<aside aria-labelledby="list-title">
<h2 id="list-title" tabindex="-1">Findings (<span id="shown">{total}</span> shown)</h2>
<ol class="findings">
{items}
</ol>
</aside>
</div>
<div id="tip" role="tooltip" hidden></div>
<script>
{js}
</script>
</body>
</html>
"""
