"""NU105 and NU107: number phrases built as in the source language ("several hundreds of
protesters", "one and half billion dollar", "dozens of thousands") and casualty counts on
'caused' ("caused 12 people died")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.checks.numbers.rules import CASUALTY_COUNT, NUMBER_PHRASE
from toolkit.checks.numbers.values import (
    ENGLISH_DIGITS,
    determined,
    plain,
    plural_of,
    windows,
    word_number_pattern,
    word_value,
)
from toolkit.document import Document
from toolkit.findings import Finding

_STATES = {
    "died": "killed",
    "dead": "killed",
    "killed": "killed",
    "death": "killed",
    "deaths": "killed",
    "injured": "injured",
    "wounded": "wounded",
    "injuries": "injured",
    "missing": "left missing",
    "homeless": "left homeless",
}


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    number = rf"(?:{ENGLISH_DIGITS}|{word_number_pattern()})"
    states = "|".join(_STATES)
    return {
        "half": re.compile(
            rf"\b(?P<whole>{number})\s+and\s+(?P<a>an?\s+)?(?P<half>half)\b"
            r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?(?:\s+(?P<noun>[a-z]+)\b)?",
            re.IGNORECASE,
        ),
        "plural_scale": re.compile(
            rf"\b(?P<count>several|a\s+few|an?|{word_number_pattern()})\s+"
            r"(?P<scale>dozen|hundred|thousand|million|billion)(?P<s>s?)(?P<of>\s+of)\b"
            r"(?:\s+(?P<next>[\w']+))?",
            re.IGNORECASE,
        ),
        "tens": re.compile(
            r"\b(?:(?P<dozens>dozens)\s+of\s+(?P<scale>thousands|millions|billions)\b"
            r"|(?P<tens>tens|hundreds|dozens)\s+(?P<scale2>thousands|millions|billions)\s+of\b)",
            re.IGNORECASE,
        ),
        "casualty": re.compile(
            rf"\b(?P<verb>caus(?:ed|es|ing|e))\s+(?P<n>{number})\s+(?P<who>[a-z]+)\s+"
            rf"(?P<state>{states})\b(?P<more>,?\s+and\s+(?P<n2>{number})(?:\s+(?P=who))?\s+"
            rf"(?P<state2>{states})\b)?",
            re.IGNORECASE,
        ),
    }


_HALF = re.compile("half")
_PLURAL_SCALE = re.compile(r"(?:dozen|hundred|thousand|million|billion)s?\s+of")
_TENS = re.compile(r"(?:dozens|tens|hundreds)\s+(?:of\s+)?(?:thousand|million|billion)s")
_CAUSED = re.compile("caus")


def phrase_findings(doc: Document, lower: str) -> Iterator[Finding]:
    """NU105 and NU107 findings of ``doc`` (``lower``: its text folded by `folded`)."""
    patterns, text = _patterns(), doc.text
    judges = (
        (_HALF, patterns["half"], _half),
        (_PLURAL_SCALE, patterns["plural_scale"], _plural_scale),
        (_TENS, patterns["tens"], _tens),
        (_CAUSED, patterns["casualty"], _casualty),
    )
    for keyword, pattern, judge in judges:
        for start, end in windows(lower, keyword):
            for match in pattern.finditer(text, start, end):
                if (found := judge(doc, match)) is not None:
                    yield found


def _half(doc: Document, match: re.Match[str]) -> Finding | None:
    whole = word_value(match["whole"])
    if whole is None:
        return None
    plural = plural_of(match["noun"])
    if match["a"] and plural is None:
        return None  # "one and a half million people", "two and a half years"
    if not match["scale"]:
        if match["a"]:
            return None  # "two and a half year": AG101's business
        return NUMBER_PHRASE.at(
            doc,
            match.start(),
            match.end("half"),
            "'and half' needs its article: 'and a half'.",
            [f"{match['whole']} and a half"],
            confidence=0.85,
        )
    fixed = f"{plain(whole + Decimal('0.5'))} {match['scale'].lower()}"
    end = match.end("scale")
    if plural is not None:
        fixed, end = f"{fixed} {plural}", match.end("noun")
    return NUMBER_PHRASE.at(
        doc,
        match.start(),
        end,
        f"'{doc.text[match.start() : end]}' is built word for word; English news writes '{fixed}'.",
        [fixed],
        confidence=0.85,
    )


def _plural_scale(doc: Document, match: re.Match[str]) -> Finding | None:
    after = (match["next"] or "").lower()
    if after in ("thousands", "millions", "billions"):
        return None  # "several hundreds of thousands"
    keep_of = determined(after)
    if not match["s"] and (keep_of or after not in AgreementLexicon.load().plural_forms):
        return None  # "a dozen of them", "a hundred of the victims": English
    fixed = f"{match['count']} {match['scale']}"
    end = match.start("of") if keep_of else match.end("of")  # "several hundred of them"
    text = doc.text[match.start() : end]
    why = "keeps the scale word singular" if match["s"] else "counts a noun without 'of'"
    return NUMBER_PHRASE.at(
        doc,
        match.start(),
        end,
        f"'{text}': after a number, English {why}: '{fixed}'.",
        [fixed],
        confidence=0.85,
    )


def _tens(doc: Document, match: re.Match[str]) -> Finding:
    scale = (match["scale"] or match["scale2"]).lower()
    if match["dozens"]:
        fixed = f"tens of {scale}"
    else:
        fixed = f"{match['tens'].lower().replace('dozens', 'tens')} of {scale} of"
    if match.group(0)[0].isupper():
        fixed = fixed[0].upper() + fixed[1:]
    return NUMBER_PHRASE.at(
        doc,
        match.start(),
        match.end(),
        f"'{match.group(0)}' is a word-for-word count; English says '{fixed}'.",
        [fixed],
        confidence=0.85,
    )


def _casualty(doc: Document, match: re.Match[str]) -> Finding | None:
    who = match["who"]
    lex = AgreementLexicon.load()
    if who not in ("people", "person", "persons") and who not in lex.plurals:
        return None
    people = "people" if who in ("person", "persons") else who
    verb = _STATES[match["state"].lower()]
    fixed = _count_clause(verb, match["n"], people)
    end = match.end("state")
    if match["more"]:
        second = _STATES[match["state2"].lower()]
        fixed += " and " + _count_clause(second, match["n2"], "")  # "and injured 188"
        end = match.end("more")
    return CASUALTY_COUNT.at(
        doc,
        match.start(),
        end,
        f"'{match['verb']} {match['n']} {who} {match['state']}' is a Chinese verb chain; "
        f"English says '{fixed}'.",
        [fixed],
        confidence=0.85,
    )


def _count_clause(verb: str, number: str, people: str) -> str:
    """ "killed 12 people", "left 3 people missing"; without ``people``: "injured 30"."""
    words = [verb, number, people] if not verb.startswith("left ") else ["left", number, people]
    if verb.startswith("left "):
        words.append(verb[5:])
    return " ".join(w for w in words if w)
