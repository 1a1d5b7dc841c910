"""The self-contained HTML review report."""

from toolkit.html.report import FileReport, render_report

__all__ = ["FileReport", "render_report"]
