"""One entity, one name: the same group or place named two ways in one article.

"Iraqi Hezbollah Brigades" ... "Kataib Hezbollah"; "Islamic Resistance Movement of Iraq"
for the Islamic Resistance in Iraq. Names come from ``toolkit/names`` (gazetteer matches).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.checks.names import describe
from toolkit.document import Document
from toolkit.findings import Finding, Rule
from toolkit.names.gazetteer import load_gazetteer
from toolkit.names.normalize import core_tokens, phonemes, skeleton
from toolkit.names.resolve import Mention, analyse

TWO_NAMES = Rule(
    code="CO101",
    slug="entity-named-two-ways",
    kind="consistency",
    category="terminology/inconsistent",
    severity="minor",
    summary="One entity appears under two different names in one article.",
    why="Readers take two names for two groups or places; MT renders the same Arabic name "
    "once transliterated and once translated (Kataib Hezbollah / Hezbollah Brigades).",
    example="an Iraqi Hezbollah Brigades operations center ... Iraq's Kataib Hezbollah",
    fixed="a Kataib Hezbollah operations center ... Iraq's Kataib Hezbollah",
    fix_safe=False,
    false_positives="Acronyms, country names and short forms of a full name (Nasrallah after "
    "Hassan Nasrallah) are not flagged.",
    source="corpora/names/curated.tsv",
)
RENAMED = Rule(
    code="CO102",
    slug="nonstandard-entity-name",
    kind="consistency",
    category="accuracy/mistranslation",
    severity="major",
    summary="A translated name close to, but not, the usual name of a known group or body.",
    why="MT translates the words of a name one by one and drifts from the form readers and "
    "search engines know; a word too many can name a different group (Hamas is the Islamic "
    "Resistance Movement).",
    example="An armed group calling itself the Islamic Resistance Movement of Iraq",
    fixed="An armed group calling itself the Islamic Resistance in Iraq",
    fix_safe=False,
    false_positives="A real body with a similar name that the curated list lacks.",
    source="corpora/names/curated.tsv",
)
_EXEMPT_TYPES = frozenset({"country", "region"})
_GLOSS = re.compile(
    r"^\s*(?:\(|\[|,|-|–|—)?\s*(?:or|aka|also|(?:also\s+)?(?:known|called|named)(?:\s+as)?|"
    r"i\.e\.|the|in\s+Arabic)?\s*(?:\(|,)?\s*[\"“‘']?\s*$",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    """Words of a name by sound, so a short form matches in any spelling (Nasrallah, Nasrullah)."""
    return frozenset(
        skeleton(t[:-1] if t.endswith("s") and len(t) > 3 else t) for t in core_tokens(text)
    )


def _glossed(text: str, mentions: list[Mention]) -> set[int]:
    """Mentions that gloss the one before them: "the PMF (Hashd al-Shaabi)", "X, known as Y"."""
    return {
        i
        for i in range(1, len(mentions))
        if _GLOSS.match(text[mentions[i - 1].end : mentions[i].start])
    }


def _distinct_forms(text: str, mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions by written form, leaving out acronyms, glosses and short forms of a longer one."""
    forms: dict[str, list[Mention]] = defaultdict(list)
    glossed = _glossed(text, mentions)
    for i, mention in enumerate(mentions):
        if i in glossed or (i + 1 in glossed):
            continue
        if not (mention.text.isupper() and " " not in mention.text):
            forms[phonemes(mention.text)].append(mention)  # "Diriya" = "Diriyah"
    words = {key: _words(found[0].text) for key, found in forms.items()}
    return {
        key: found
        for key, found in forms.items()
        if not any(other != key and words[key] < words[other] for other in forms)
    }


class ConsistencyCheck(Check):
    """Entities named two ways, and translated names that drift from the usual one."""

    name = "consistency"
    rules = (TWO_NAMES, RENAMED)

    def check(self, doc: Document) -> Iterator[Finding]:
        gazetteer = load_gazetteer(tuple(self.settings.gazetteers), self.settings.house_style)
        analysis = analyse(doc, gazetteer, self.settings.source_lang)
        by_entity: dict[int, list[Mention]] = defaultdict(list)
        for mention in analysis.mentions:
            if mention.entry.type not in _EXEMPT_TYPES:
                by_entity[id(mention.entry)].append(mention)
        for mentions in by_entity.values():
            forms = _distinct_forms(doc.text, mentions)
            if len(forms) < 2:
                continue
            entry = mentions[0].entry
            canonical = phonemes(entry.canonical)
            others = sorted(forms, key=lambda k: (k != canonical, -len(forms[k])))
            preferred = others[0]
            shown = forms[preferred][0].text
            for key in others[1:]:
                for mention in forms[key]:
                    yield TWO_NAMES.at(
                        doc,
                        mention.start,
                        mention.end,
                        f"{mention.text!r} and {shown!r} name one entity, "
                        f"{describe(entry)}; use one name throughout.",
                        [entry.canonical],
                        confidence=0.75,
                    )
        for renamed in analysis.renamed:
            yield RENAMED.at(
                doc,
                renamed.start,
                renamed.end,
                f"{renamed.text!r} is not the usual name of {describe(renamed.entry)}.",
                [renamed.entry.canonical],
                confidence=round(min(0.9, renamed.score), 3),
            )
