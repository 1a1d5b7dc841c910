"""Names of state bodies that keep the source's article before their field: "Ministry of the
Health", "National Centre of the Meteorology", "Minister of the Education and the Training".

Arabic (wizarat al-sihha), Persian, French (ministère de la Santé) and Russian name a body's
field with an article or a genitive MT renders as "of the"; English names the field bare. Heads
and fields are data (corpora/names/body_name_parts.tsv); fields English does name with "the"
(the Interior, the Environment) are not listed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.pronouns.lexicon import AnimacyLexicon
from toolkit.english import is_common_word
from toolkit.findings import Rule
from toolkit.resources import corpus_path, iter_tsv

ARTICLE_IN_BODY_NAME = Rule(
    code="NM106",
    slug="article-in-body-name",
    kind="name",
    category="fluency/grammar",
    severity="minor",
    summary="A state body's name with 'the' before its field: 'Ministry of the Health', "
    "'National Centre of the Meteorology', 'Minister of the Education and the Training'. "
    "English names the field bare.",
    why="Arabic (wizarat al-sihha), Persian, French (ministère de la Santé) and Russian name "
    "a body's field with an article or a genitive that MT renders as 'of the'.",
    example="The Ministry of the Agriculture said wheat imports would rise.",
    fixed="The Ministry of Agriculture said wheat imports would rise.",
    false_positives="Fields English names with 'the' (the Interior, the Environment, the "
    "Economy, the Treasury) are not listed, and a field that modifies a following noun "
    "('the Office of the Justice Minister') is left alone. The fix is a suggestion.",
    source="corpora/names/body_name_parts.tsv",
)

# A word after the field that makes it a modifier of another noun ("the Justice Minister").
_CONTINUED = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+)*?(?i:minister|ministry|ministries|sector|system|department|"
    r"officials?|workers?|spokes(?:man|woman|person)|budget|care|services?|committee|"
    r"portfolio|reforms?|policy)\b"
)


@functools.cache
def _pattern() -> re.Pattern[str]:
    """HEAD of the FIELD (and the FIELD): the head capitalised, the fields in any case."""
    rows = list(iter_tsv(corpus_path("names", "body_name_parts.tsv")))
    heads = sorted((r["word"] for r in rows if r["role"] == "head"), key=len, reverse=True)
    fields = sorted((r["word"] for r in rows if r["role"] == "domain"), key=len, reverse=True)
    head = "|".join(h[0].upper() + re.escape(h[1:]) for h in heads)
    field = "(?i:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in fields) + ")"
    return re.compile(rf"\b(?:{head})\s+(?:of|for)\s+(?P<the>the\s+){field}(?![\w'’-])")


_AND_THE = re.compile(r"\s*,?\s+and\s+(?P<the>the)\s+")
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?![\w'’-])\s*")


def article_in_body_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, corrected) for each body name in ``text`` with an article before its
    field ("Ministry of the Health and the Population" -> "Ministry of Health and
    Population")."""
    for match in _pattern().finditer(text):
        if _CONTINUED.match(text, match.end()) or _continued_name(text, match.end()):
            continue  # "the Justice Minister", "the Petroleum Exporting Countries"
        start, end = match.span()
        drops = [match.span("the")]
        second = _AND_THE.match(text, end)  # "and the Population", "and the Islamic Guidance"
        if second and not _CONTINUED.match(text, second.end("the")):
            field = _field_words(text, second.end())
            if field > second.end():
                drops.append((second.start("the"), second.end()))
                end = field
        corrected, at = "", start
        for lo, hi in drops:
            corrected += text[at:lo]
            at = hi
        yield start, end, corrected + text[at:end]


def _continued_name(text: str, end: int) -> bool:
    """Whether a capitalised word after the field continues the body's name ("Petroleum
    Exporting Countries") rather than starting a person's (a given name: "Health Khalid")."""
    word = _CAPITALISED.match(text, end + 1) if text[end : end + 1] == " " else None
    return word is not None and AnimacyLexicon.load().given(word.group().strip().lower()) is None


def _field_words(text: str, at: int) -> int:
    """Where a field named in capitalised common English words from ``at`` ends (at itself
    when there is none): "Population", "Islamic Guidance", not "Population Khalid"."""
    end = at
    while (word := _CAPITALISED.match(text, at)) and is_common_word(word.group().strip()):
        at = word.end()
        end = at - (len(word.group()) - len(word.group().rstrip()))
    return end
