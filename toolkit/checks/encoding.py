"""Encoding damage and script leaks: mojibake, invisible characters, mixed-script words,
source-script text, digits and HTML entities left in English output."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.english import inside, not_prose_spans
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv, read_lines

MOJIBAKE = Rule(
    code="EN101",
    slug="mojibake",
    kind="encoding",
    category="fluency/character encoding",
    severity="major",
    summary="Text decoded with the wrong character set (`â€™`, `Ã©`, `Ø§Ù„`), or the "
    "replacement character `�` where a character was lost.",
    why="A scraper or pipeline misread UTF-8 as Windows-1252/Latin-1; readers see garbage and "
    "search breaks.",
    example="Iranâ€™s Revolutionary Guards",
    fixed="Iran’s Revolutionary Guards",
    fix_safe=True,
    false_positives="Only spans that ftfy can repair, or `�`, are flagged; accented names "
    "(`Erdoğan`, `Société`) are not mojibake.",
    source="ftfy (Robyn Speer), badness heuristics and fix_text.",
)
INVISIBLE = Rule(
    code="EN102",
    slug="invisible-character",
    kind="encoding",
    category="fluency/character encoding",
    severity="minor",
    summary="Zero-width spaces and joiners, bidirectional marks, soft hyphens and control "
    "characters inside English text.",
    why="Copied from right-to-left sources or web pages, they break search, word counts and "
    "diffs, and can reorder the displayed text.",
    example="Kataib\u200b Hezbollah",
    fixed="Kataib Hezbollah",
    fix_safe=True,
    false_positives="Joiners inside emoji sequences or non-Latin words, a leading byte-order "
    "mark, tabs and line breaks are left alone.",
)
MIXED_SCRIPT = Rule(
    code="EN103",
    slug="mixed-script-word",
    kind="encoding",
    category="fluency/spelling",
    severity="major",
    summary="One word written in two scripts (Latin with Cyrillic or Greek look-alikes, Latin "
    "with Arabic).",
    why="Look-alike letters make a name unsearchable and unmatchable; Latin glued to Arabic is "
    "a transliteration left half done.",
    example="Sаudi Arabia (with a Cyrillic а)",
    fixed="Saudi Arabia",
    fix_safe=True,
    false_positives="Symbols such as µ and single Greek letters in a hyphenated term "
    "(`α-helix`) are not words of two scripts.",
)
UNTRANSLATED = Rule(
    code="EN104",
    slug="untranslated-script",
    kind="untranslated",
    category="accuracy/untranslated",
    severity="major",
    summary="Text in the source's script (Arabic, Persian, Hebrew, Chinese, Japanese, Korean, "
    "Cyrillic...) left in English output.",
    why="MT passes through what it cannot translate; the English reader loses that content.",
    example="the group known as كتائب حزب الله claimed the attack",
    fixed="the group known as Kataib Hezbollah claimed the attack",
    false_positives="An original-script name in brackets right after its English rendering is "
    "reported as minor; single Greek letters are ignored.",
)
SOURCE_DIGITS = Rule(
    code="EN105",
    slug="source-script-digits",
    kind="number",
    category="locale convention/number format",
    severity="minor",
    summary="Arabic-Indic, Persian or full-width digits in English text (`٢٠٢٤`, `۱۴۰۲`, "
    "`２０２４`).",
    why="MT copies digits from the source unconverted; English readers and number checks "
    "expect 0-9.",
    example="about ٢٥٠٠ U.S. troops",
    fixed="about 2500 U.S. troops",
    fix_safe=True,
    false_positives="Digits inside a run of Arabic or CJK text belong to that untranslated run.",
)
HTML_ENTITY = Rule(
    code="EN106",
    slug="html-entity",
    kind="encoding",
    category="fluency/character encoding",
    severity="minor",
    summary="An HTML entity left as text (`&amp;`, `&quot;`, `&#8217;`, `&nbsp;`).",
    why="The scraper did not unescape the page; readers see code instead of the character.",
    example="Iran&#8217;s Revolutionary Guards &amp; allies",
    fixed="Iran’s Revolutionary Guards & allies",
    fix_safe=True,
    false_positives="Entities inside URLs are left alone.",
)

HTML_TAG = Rule(
    code="EN109",
    slug="html-tag",
    kind="encoding",
    category="fluency/other",
    severity="minor",
    summary="An HTML tag left as text by a scraper or a CMS (`<br>`, `</p>`, `< /p>`, "
    '`<span class="x">`).',
    why="The text was taken from a page's source or a feed without removing its markup; "
    "readers see code, and MT often adds spaces inside the tag.",
    example="Talks resumed on Monday.< /p> The next round is due in March.<br>",
    fixed="Talks resumed on Monday. The next round is due in March.",
    fix_safe=True,
    false_positives="Only tags of HTML elements count (corpora/english/html_tags.txt): `a < "
    "b > c` and `<3` pass. A tag between two words is replaced by a space.",
)
ESCAPE_SEQUENCE = Rule(
    code="EN107",
    slug="literal-escape-sequence",
    kind="encoding",
    category="fluency/character encoding",
    severity="minor",
    summary="A backslash escape left as text by a scraper or JSON export (`\\n`, `\\u2019`, "
    '`\\"`).',
    why="The text was taken from JSON or source code without decoding; readers see the code.",
    example="the strike.\\nThe Pentagon said Iran\\u2019s proxies",
    fixed="the strike.\nThe Pentagon said Iran’s proxies",
    fix_safe=True,
    false_positives="`\\n` and `\\t` count only before a capital, a digit, a space or the end, "
    "so Windows paths (`C:\\new`) pass.",
)

SOURCE_SUFFIX = Rule(
    code="EN108",
    slug="source-language-suffix",
    kind="untranslated",
    category="accuracy/untranslated",
    severity="minor",
    summary="A Turkish case suffix left on a name after the apostrophe (`Erdoğan'ın`, "
    "`Ankara'da`, `Türkiye'nin`).",
    why="Turkish writes case endings on proper names after an apostrophe; MT that copies the "
    "name copies the ending, which English readers cannot parse.",
    example="Erdoğan'ın statement was read in Ankara'da",
    fixed="Erdoğan's statement was read in Ankara",
    false_positives="Only capitalised names with a listed ending of two or more letters; "
    "Arabic transliterations with an apostrophe (`Sana'a`, `Shi'i`, `Qur'an`) do not match.",
)

# Letters as cp1252/latin-1 shows the lead byte of a UTF-8 sequence, then a continuation.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00df\u00e0-\u00ef\u00f0-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    "\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122]|\ufffd"
)
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\u00ad\u180e"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+"
)
_JOINERS = frozenset("\u200c\u200d")
_LETTERS = re.compile(r"[^\W\d_丨]+")  # 丨 is a CJK separator, reported by PU107
_SOURCE_SCRIPT = (
    "\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
    "\u0400-\u04ff\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff\u0530-\u058f"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
)
_RUN = re.compile(
    f"[{_SOURCE_SCRIPT}]+(?:[\\s\u200c\u200d\u060c\u061b\u061f\u3001\u3002\uff0c.,:'\"-]*"
    f"[{_SOURCE_SCRIPT}]+)*"
)
_GREEK_RUN = re.compile(r"[\u0370-\u03ff]{4,}(?:\s+[\u0370-\u03ff]+)*")
_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]+")
_ESCAPE = re.compile(r'\\(?:[nrt](?=[A-Z\d\s"“]|$)|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|["\'’‘“”])')
_ENTITY = re.compile(r"&(?:#\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_SCRIPTS = frozenset(
    {
        "LATIN",
        "CYRILLIC",
        "GREEK",
        "ARABIC",
        "HEBREW",
        "CJK",
        "HIRAGANA",
        "KATAKANA",
        "HANGUL",
        "DEVANAGARI",
        "THAI",
    }
)


@functools.cache
def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0]
    return script if script in _SCRIPTS else ""


@functools.cache
def _html_tag() -> re.Pattern[str]:
    """An opening, closing or empty tag of an HTML element (MT may space a closing one:
    "< /p>")."""
    names = "|".join(sorted(read_lines("english", "html_tags.txt"), key=len, reverse=True))
    attribute = r"""[ \t]+[\w:-]+(?:[ \t]*=[ \t]*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s<>]+))?"""
    return re.compile(
        rf"<(?:[ \t]*/[ \t]*(?:{names})|(?:{names})(?:{attribute}){{0,12}})[ \t]*/?[ \t]*>",
        re.IGNORECASE,
    )


@functools.cache
def _homoglyphs() -> dict[str, str]:
    return {row["char"]: row["latin"] for row in iter_tsv(corpus_path("english", "homoglyphs.tsv"))}


class EncodingCheck(Check):
    """Characters that should not be in clean English text."""

    name = "encoding"
    rules = (
        MOJIBAKE,
        INVISIBLE,
        MIXED_SCRIPT,
        UNTRANSLATED,
        SOURCE_DIGITS,
        HTML_ENTITY,
        ESCAPE_SEQUENCE,
        SOURCE_SUFFIX,
        HTML_TAG,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if _MOJIBAKE_HINT.search(text):
            yield from self._mojibake(doc)
        yield from self._invisible(doc)
        if not text.isascii():
            yield from self._mixed_script(doc)
            if doc.lang == "en":
                yield from self._untranslated(doc)
                yield from self._digits(doc)
        if "&" in text:
            yield from self._entities(doc)
        if "\\" in text:
            yield from self._escapes(doc)
        if "<" in text:
            yield from self._tags(doc)
        if doc.lang == "en" and ("'" in text or "’" in text):
            yield from self._suffixes(doc)

    def _mojibake(self, doc: Document) -> Iterator[Finding]:
        from ftfy import fix_text

        text = doc.text
        pending: list[tuple[int, int, str]] = []
        for match in re.finditer(r"\S+", text):
            chunk = match.group()
            if not _MOJIBAKE_HINT.search(chunk):
                continue
            if "\ufffd" in chunk:
                position = match.start() + chunk.index("\ufffd")
                yield MOJIBAKE.at(
                    doc,
                    position,
                    position + 1,
                    "Replacement character: a character was lost in decoding.",
                    confidence=0.8,
                    safe=False,
                )
                continue
            # invisible characters go too, as EN102 would take them: one fix pass is enough
            repaired = fix_text(chunk, normalization=None, uncurl_quotes=False)
            fixed = _visible(repaired, keep_bom=match.start() == 0)
            if fixed == chunk:
                continue
            if pending and not text[pending[-1][1] : match.start()].strip(" \t"):
                start, previous_end, joined = pending.pop()
                fixed = joined + text[previous_end : match.start()] + fixed
                pending.append((start, match.end(), fixed))
            else:
                pending.append((match.start(), match.end(), fixed))
        for start, end, fixed in pending:
            yield MOJIBAKE.at(doc, start, end, "Mis-decoded characters (mojibake).", [fixed])

    def _invisible(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _invisible_runs(text, keep_bom=True):
            start, end = match.span()
            chars = match.group()
            names = ", ".join(sorted({_char_name(c) for c in chars}))
            yield INVISIBLE.at(
                doc, start, end, f"Invisible character(s): {names}.", [""], confidence=0.9
            )

    def _mixed_script(self, doc: Document) -> Iterator[Finding]:
        homoglyphs = _homoglyphs()
        for match in _LETTERS.finditer(doc.text):
            word = match.group()
            if word.isascii():
                continue
            scripts = {_script(c) for c in word} - {""}
            if len(scripts) < 2:
                continue
            latin = sum(_script(c) == "LATIN" for c in word)
            repaired = "".join(homoglyphs.get(c, c) for c in word)
            can_repair = latin * 2 >= len(word) and {_script(c) for c in repaired} <= {"LATIN", ""}
            yield MIXED_SCRIPT.at(
                doc,
                match.start(),
                match.end(),
                f"{word!r} mixes {' and '.join(sorted(s.title() for s in scripts))} letters.",
                [repaired] if can_repair else [],
                confidence=0.9 if can_repair else 0.7,
                safe=can_repair,
            )

    def _untranslated(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        runs = [*_RUN.finditer(text), *_GREEK_RUN.finditer(text)]
        for match in sorted(runs, key=lambda m: m.start()):
            start, end = match.span()
            if _glued_to_latin(text, start, end) or _DIGITS.fullmatch(match.group()):
                continue  # a mixed-script word (EN103) or digits only (EN105)
            gloss = text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")
            yield UNTRANSLATED.at(
                doc,
                start,
                end,
                "Source-script text left untranslated"
                + (" (an original-script gloss in brackets)." if gloss else "."),
                confidence=0.6 if gloss else 0.9,
                severity="minor" if gloss else None,
            )

    def _digits(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _DIGITS.finditer(text):
            start, end = match.span()
            if _RUN.match(text, max(0, start - 1)) or (end < len(text) and _RUN.match(text, end)):
                continue
            western = "".join(str(unicodedata.digit(c)) for c in match.group())
            yield SOURCE_DIGITS.at(
                doc, start, end, "Source-script digits in English text.", [western]
            )

    def _entities(self, doc: Document) -> Iterator[Finding]:
        urls = [s for s in not_prose_spans(doc.text) if doc.text[s[0]] != "&"]
        for match in _ENTITY.finditer(doc.text):
            decoded = html.unescape(match.group()).replace("\xa0", " ")
            if decoded == match.group() or inside(match.start(), urls):
                continue
            yield HTML_ENTITY.at(
                doc,
                match.start(),
                match.end(),
                f"HTML entity {match.group()!r} left as text.",
                [decoded],
                confidence=0.9,
            )

    def _escapes(self, doc: Document) -> Iterator[Finding]:
        skip = not_prose_spans(doc.text)
        for match in _ESCAPE.finditer(doc.text):
            if inside(match.start(), skip):
                continue
            escaped = match.group()
            decoded = (
                escaped[1]
                if escaped[1] in "'’‘“”"
                else escaped.encode("ascii").decode("unicode_escape")
            )
            yield ESCAPE_SEQUENCE.at(
                doc,
                match.start(),
                match.end(),
                f"Escape sequence {match.group()!r} left as text.",
                [decoded],
                confidence=0.85,
            )

    def _tags(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _html_tag().finditer(text):
            start, end = match.span()
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            glued = (before.isalnum() or before in ".,;:!?") and after.isalnum()
            yield HTML_TAG.at(
                doc,
                start,
                end,
                f"HTML tag {match.group()!r} left as text.",
                [" " if glued else ""],
                confidence=0.9,
            )

    def _suffixes(self, doc: Document) -> Iterator[Finding]:
        pattern, english = _suffix_pattern()
        for match in pattern.finditer(doc.text):
            apostrophe, suffix = match.group(2), match.group(3)
            replacement = english[suffix].replace("'", apostrophe)
            yield SOURCE_SUFFIX.at(
                doc,
                match.start(2),
                match.end(3),
                f"Turkish case ending {apostrophe + suffix!r} left on {match.group(1)!r}.",
                [replacement] if replacement else [""],
                confidence=0.75,
            )


@functools.cache
def _suffix_pattern() -> tuple[re.Pattern, dict[str, str]]:
    rows = list(iter_tsv(corpus_path("english", "turkish_suffixes.tsv")))
    english = {row["suffix"]: row["english"] for row in rows}
    endings = "|".join(sorted(english, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’])([A-ZÇĞİÖŞÜ][^\W\d_]{{2,}})(['’])({endings})(?![\w'’])")
    return pattern, english


def _char_name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}")


def _invisible_runs(text: str, keep_bom: bool) -> Iterator[re.Match[str]]:
    """The runs of invisible characters EN102 deletes: not a byte-order mark opening the text
    (when ``keep_bom``), nor joiners that shape emoji or a non-Latin script."""
    for match in _INVISIBLE.finditer(text):
        start, end = match.span()
        chars = match.group()
        if keep_bom and start == 0 and chars == "\ufeff":
            continue
        if set(chars) <= _JOINERS and _joins_non_latin(text, start, end):
            continue
        yield match


def _visible(text: str, keep_bom: bool) -> str:
    """``text`` without what EN102 would delete from it."""
    for match in reversed(list(_invisible_runs(text, keep_bom))):
        text = text[: match.start()] + text[match.end() :]
    return text


def _joins_non_latin(text: str, start: int, end: int) -> bool:
    """Whether joiners sit between emoji/symbols or letters of a non-Latin script."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return any(
        c and (unicodedata.category(c) in ("So", "Sk", "Mn") or _script(c) not in ("LATIN", ""))
        for c in (before, after)
    )


def _glued_to_latin(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return any(c and _script(c) == "LATIN" and c.isalpha() for c in (before, after))
