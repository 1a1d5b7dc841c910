"""Terminology: words translated in a sense that is wrong for news, and outdated names.

A drone rendered as a "march plane" (Arabic مسيّرة), a cruise missile as a "winged missile",
an aircraft as "the board" (Russian борт), a football head coach as "technical director"
(Turkish teknik direktör). The lexicon is data, one file per source language under
corpora/terminology/, read by the engine in ``lexicon``; an entry whose word also has a
native sense carries the context it needs ("board" only beside aviation words).
"""

from __future__ import annotations

from toolkit.checks.lexicon import LexiconCheck
from toolkit.findings import Rule

WRONG_SENSE = Rule(
    code="TM101",
    slug="wrong-sense-term",
    kind="terminology",
    category="terminology/inappropriate for context",
    severity="major",
    summary="A term translated in a sense that is wrong for the news domain ('march planes' "
    "for drones, 'winged missiles' for cruise missiles, 'the board' for an aircraft, "
    "'rematch' for a second leg).",
    why="The reader is told something else happened: a 'technical director' is not the "
    "coach who was sacked, and a 'rematch' is not the return leg of a tie.",
    example="The ship was attacked by march planes and two winged missiles.",
    fixed="The ship was attacked by drones and two cruise missiles.",
    false_positives="Words with a native sense need their domain nearby: 'the board' only "
    "beside aviation words, 'rematch' only in a two-legged football tie, 'technical "
    "director' only in football news; a club's real technical director can still be "
    "flagged.",
)
NAME = Rule(
    code="TM102",
    slug="non-standard-official-name",
    kind="terminology",
    category="terminology/inconsistent-with-termbase",
    severity="minor",
    summary="An institution, programme or law under a translated or outdated name ('One "
    "Belt, One Road', 'the Caesar Law', 'Gaza Sector').",
    why="English news uses one established name; a calqued one hides the link to what "
    "readers know and breaks search.",
    example='Trade with countries of the "One Belt, One Road" initiative rose.',
    fixed="Trade with countries of the Belt and Road Initiative rose.",
    false_positives="Historical texts may quote an older name on purpose.",
)


class TerminologyCheck(LexiconCheck):
    """Domain terms in the wrong sense, and non-standard official names."""

    name = "terminology"
    folder = "terminology"
    rules = (WRONG_SENSE, NAME)
