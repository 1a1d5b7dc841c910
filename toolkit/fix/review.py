"""Interactive review of fix proposals on the terminal (``mtkit fix --interactive``)."""

from __future__ import annotations

import click

from toolkit.fix import Proposal
from toolkit.render import printable

HELP = "y apply, n skip, e edit the replacement, a apply this and the rest, q skip rest"
CONTEXT = 60


class TerminalReview:
    """A ``decide`` callback for :func:`toolkit.fix.fix` that asks about each change.

    Shows the change in its line (up to 60 characters each side), then reads an answer:
    y apply, n skip, e edit, a apply this and the rest, q skip the rest.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.rest: bool | None = None

    def __call__(self, proposal: Proposal) -> str | None:
        if self.rest is not None:
            return proposal.replacement if self.rest else None
        self._show(proposal)
        while True:
            answer = click.prompt("Apply this change [y,n,e,a,q,?]", err=True).strip().lower()
            if answer in ("y", "a"):
                self.rest = True if answer == "a" else None
                return proposal.replacement
            if answer in ("n", "q"):
                self.rest = False if answer == "q" else None
                return None
            if answer == "e":
                return click.prompt("Replacement", default=proposal.replacement, err=True)
            click.echo(HELP, err=True)

    def _show(self, proposal: Proposal) -> None:
        finding, text = proposal.finding, self.text
        line_start = text.rfind("\n", 0, finding.start) + 1
        line_end = text.find("\n", finding.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(line_start, finding.start - CONTEXT) : finding.start]
        after = text[finding.end : min(line_end, finding.end + CONTEXT)]
        old, new = f"{before}{finding.text}{after}", f"{before}{proposal.replacement}{after}"
        click.echo(printable(f"\n({proposal.number}/{proposal.total}) {finding}", True), err=True)
        click.echo(click.style(f"- {printable(old)}", fg="red"), err=True)
        click.echo(click.style(f"+ {printable(new)}", fg="green"), err=True)
