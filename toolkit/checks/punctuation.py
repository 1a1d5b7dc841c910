"""Punctuation and spacing slips that MT and scraping leave behind."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from toolkit.checks.base import Check
from toolkit.document import Document, Span
from toolkit.english import abbreviations, inside, not_prose_spans, reporting_verbs
from toolkit.findings import Finding, Rule
from toolkit.resources import corpus_path, iter_tsv

MISSING_SPACE = Rule(
    code="PU101",
    slug="missing-space-after-punctuation",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="A sentence-ending mark or closing quote runs straight into the next word.",
    why="Joined sentences read as one garbled clause; MT output glued to a scraped quote "
    "often loses the space.",
    example="calling it “Iran-backed militants.”in response to the attacks",
    fixed="calling it “Iran-backed militants.” in response to the attacks",
    fix_safe=True,
    false_positives="Abbreviations with inner dots (U.S., e.g.), decimals, URLs, e-mail "
    "addresses and domains are not flagged; a bare full stop counts only before a capitalised "
    "word (`said.The`).",
)
SPACE_BEFORE = Rule(
    code="PU102",
    slug="space-before-punctuation",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="A space before a comma, full stop, colon, semicolon, question or exclamation "
    "mark, just inside a bracket or curly quote (`“ text ”`), or inside a tokenised "
    "contraction or possessive (`Iran 's`, `do n't`).",
    why="Source-language typography (French-style spacing, tokenised MT output) leaks into "
    "English text.",
    example="the two sides agreed , officials said .",
    fixed="the two sides agreed, officials said.",
    fix_safe=True,
    false_positives="Ellipses and emoticons are left alone.",
)
DOUBLED = Rule(
    code="PU103",
    slug="doubled-punctuation",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="Two punctuation marks where one belongs: `,,` `..` `;;` `,.` `, ,` `?.` `!.`, and "
    "the Chinese doubled dash and ellipsis (`——`, `……`).",
    why="Joining segments or sentences in MT output doubles the mark at the seam.",
    example="the ministry said,, adding that talks would resume..",
    fixed="the ministry said, adding that talks would resume.",
    fix_safe=True,
    false_positives="Ellipses (`...`, `?...`), an abbreviation's dot before a comma (`U.S.,`, "
    '`etc.,`) and a full stop after a quoted exclamation (`"Stop!".`) are not flagged; a '
    "double full stop is not fixed automatically (it may be a truncated ellipsis).",
)
UNBALANCED_QUOTE = Rule(
    code="PU104",
    slug="unbalanced-quote",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="An opening curly quote or guillemet never closed in its paragraph, or a closing "
    "one never opened.",
    why="A quote cut at a segment boundary makes the reader lose who is speaking.",
    example="He called it “a direct response to attacks on US forces.",
    fixed="He called it “a direct response to attacks on US forces.”",
    false_positives="A quote that runs on into the next paragraph (which opens with a quote "
    "mark, as news style requires) is not flagged. Straight quotes are not checked: their "
    "direction is ambiguous and human text uses them for inches and stray apostrophes.",
)
UNBALANCED_BRACKET = Rule(
    code="PU105",
    slug="unbalanced-bracket",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="A round or square bracket without its partner in the paragraph.",
    why="MT drops or moves one bracket of a parenthesis, so the aside swallows the sentence.",
    example="the attack last night (Tuesday, which targeted two installations",
    fixed="the attack last night (Tuesday), which targeted two installations",
    false_positives="List markers (`1)`, `a)`), emoticons and URLs are ignored.",
)
MIXED_QUOTES = Rule(
    code="PU106",
    slug="mixed-quote-styles",
    kind="punctuation",
    category="fluency/punctuation",
    severity="minor",
    summary="A quotation opened with a curly quote and closed with a straight one, or the "
    'other way round (`“Boomer Submarine"`).',
    why="Pasted quotes and MT segments keep their own typography, so one quotation ends up "
    "with two styles of mark.",
    example='called it “Iran-backed militants" and said “enough”.',
    fixed="called it “Iran-backed militants” and said “enough”.",
    fix_safe=True,
    false_positives="Texts that use one style per quotation are not flagged, even if they "
    "mix styles across quotations (embedded tweets, pasted statements); inch marks after "
    "digits are ignored.",
)
SOURCE_PUNCTUATION = Rule(
    code="PU107",
    slug="source-script-punctuation",
    kind="punctuation",
    category="locale convention/punctuation",
    severity="minor",
    summary="Arabic or Persian (`،` `؛` `؟`), guillemet (`«»`) or Chinese/Japanese full-width "
    "(`，` `。` `：` `（` `丨`) punctuation in English text, and the Chinese name separator "
    "(`Abu·Bakr`).",
    why="MT and post-editing keep the source's punctuation characters; they render oddly, "
    "break search and carry their own spacing.",
    example="The ministry said، in a statement，that talks would resume。",
    fixed="The ministry said, in a statement, that talks would resume.",
    fix_safe=True,
    false_positives="Marks inside a run of Arabic or CJK text are left to the untranslated-"
    "text rule.",
)

DASH_ATTRIBUTION = Rule(
    code="PU108",
    slug="dash-attribution",
    kind="punctuation",
    category="locale convention/punctuation",
    severity="minor",
    summary="A quotation followed by a comma, a dash and an inverted reporting verb, as "
    "Russian and other Slavic languages punctuate direct speech (`«We will win», — said "
    "Petrov`).",
    why="English closes the quotation with a comma inside the quote and puts the speaker "
    "before the verb; the dash and the guillemets are the source's typography.",
    example="“The border question is closed”, — said Petrov after the talks.",
    fixed="“The border question is closed,” Petrov said after the talks.",
    false_positives="Only a closing quote mark directly followed by the dash and a reporting "
    "verb (`said`, `added`, `stressed`) counts; the speaker is moved before the verb when it "
    "is a name, a pronoun or a short noun phrase (`the minister`).",
    fix_safe=True,
)

SPLIT_DECIMAL = Rule(
    code="PU109",
    slug="split-decimal",
    kind="punctuation",
    category="locale convention/punctuation",
    severity="major",
    summary="A decimal number split by a space after its point, before a unit of size "
    "(`4. 5 billion`, `2. 3 percent`).",
    why="Segmenters take the decimal point for a full stop and insert a space, and MT then "
    "treats the halves as two sentences; the reader sees two numbers.",
    example="The contract is worth about 4. 5 billion dollars over ten years.",
    fixed="The contract is worth about 4.5 billion dollars over ten years.",
    false_positives="Only a number of up to three digits (not a year ending a sentence: "
    "`in 2019. 5 million`) before `million`, `billion`, `trillion`, `percent` or `%`.",
)

# "4. 5 billion": a decimal point taken for a full stop.
_SPLIT_DECIMAL = re.compile(
    r"(?<![\d.,])\d{1,3}\.([ \t\xa0])\d{1,3}(?=[ \t\xa0]?(?:%|(?:million|billion|trillion|"
    r"percent|per cent)\b))"
)
# Closing mark(s) then a letter: ".”in", "said,and", "said.The". Excludes acronyms (U.S.),
# decimals (2.5) and domains by requiring a lower-case word (or digit, %, bracket) before.
# (Each pattern opens with the character it consumes, the lookbehind after it: re then skips
# to candidate characters instead of trying the lookbehind at every offset.)
_GLUED = re.compile(
    r"([.!?,;:”»](?<=[a-z\d%)\"”’].)(?:(?<=[.!?,;:])[.!?,;:]*[”\"’»)]*)?)(?=[A-Za-z][a-z])"
)
_SPACE_BEFORE = re.compile(
    r"([ \t\xa0]+)(?:([,;!?]|%(?<=\d[ \t\xa0]%)|\.(?!\.)|:(?![)(]))(?=\s|$|[\"”’»])|(?=[)\]”]))"
    r"|[(\[“]([ \t\xa0]+)(?=\w)"
)
# "in Gaza ,stressing", "on Tuesday .The": the space went to the wrong side of the mark.
_SWAPPED_SPACE = re.compile(r"[ \t](?<=\w[ \t])[ \t]*([,;]|[.!?:](?=[A-Z][a-z]))(?=[^\W\d_])")
_SPLIT_CLITIC = re.compile(r"([ \t](?<=\w[ \t])[ \t]*)(['’](?:s|re|ve|ll|d|m)|n['’]t)\b")
_LABEL = re.compile(r"[ \t]*(?:\S+[ \t]+){0,2}\S+$")
_WORD_END = re.compile(r"[\w”\"’)]")
_DOUBLED = re.compile(
    r"(?<!\.)\.\.(?![./])|([,;:])\1|([,;:])([ \t]*)([,;:.])(?!\.)|\.,|——|……|[?!]\.(?![.\w])"
)
_DOUBLE_QUOTE = re.compile('[“”«»„"]')
_BRACKET = re.compile(r"[()\[\]]")
_CONTINUED = re.compile(r"[.!?…][\"”’]?\s+$")
_STRAIGHT_INCH = re.compile(r"\"(?<=\d\")|''(?<=\d'')")
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))\(?[\da-zA-Z]{1,2}\)(?=\s)")
_TOKEN_BEFORE = re.compile(r"[\w.]+$")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_CLOSING_QUOTE = re.compile(r"[»”“\"](?<=\S[»”“\"])")
_EMOTICON = re.compile(r"[:;=]-?[()\[\]]")
_EUROPEAN_QUOTES = frozenset("«»‹›„")
_DOUBLED_CLOSE = re.compile(r"[ \t\xa0]*[”\"]")
# After "Senegal :", prose (three words, the first lower-case) shows a headline spaced the
# French way, not a label and its value ("VIP : 60,000").
_PROSE_AFTER_COLON = re.compile(r"[ \t]+[a-z][a-z'’-]*(?:[ \t]+[\w'’-]+){2}")
# Doubled single quotes that Urdu and South Asian sites use as double quotes: ’’...‘‘.
_DIALOGUE_DASH = re.compile(r"[—–][ \t\xa0]*(?=[A-Z“\"])")
_DOUBLED_SINGLE = re.compile(r"’’|‘‘|''(?<![\d']'')(?!')")
_PARTICIPLE_AFTER = re.compile(r"\s*[a-z]+ing\b")
_SPEAKER = (
    r"(?:[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3}|he|she|they|we"
    r"|(?:the|a|an)[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*)?{end})"
)
_ARABIC_OR_CJK = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@functools.cache
def _dash_attribution() -> re.Pattern[str]:
    """After a closing quote: comma, dash, then reporting verb and speaker in either order
    (", — said Petrov", ", - he said")."""
    verbs = "|".join(sorted(reporting_verbs("past"), key=len, reverse=True))
    # After the verb, a noun phrase must end there ("said the minister at ..."), or it may
    # run on ("said the minister of ...") where moving it would split it.
    after_verb = _SPEAKER.replace("{end}", r"(?=[ \t]*[.,;:!?]|[ \t]+(?:at|in|on|after|during)\b)")
    before_verb = _SPEAKER.replace("{end}", "")
    return re.compile(
        rf",?[ \t]*[—–-][ \t]*(?:(?P<verb>{verbs})[ \t]+(?P<speaker>{after_verb})"
        rf"|(?P<subject>{before_verb})[ \t]+(?P<verb2>{verbs})\b)"
    )


@functools.cache
def _source_marks() -> dict[str, tuple[str, str]]:
    rows = iter_tsv(corpus_path("english", "source_punctuation.tsv"))
    return {row["char"]: (row["english"], row["space"]) for row in rows}


class PunctuationCheck(Check):
    """Spacing around punctuation, doubled marks, unbalanced quotes and brackets, mixed quote
    styles, and source-script punctuation left in English text."""

    name = "punctuation"
    rules = (
        MISSING_SPACE,
        SPACE_BEFORE,
        DOUBLED,
        UNBALANCED_QUOTE,
        UNBALANCED_BRACKET,
        MIXED_QUOTES,
        SOURCE_PUNCTUATION,
        DASH_ATTRIBUTION,
        SPLIT_DECIMAL,
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        skip = not_prose_spans(doc.text)
        yield from self._missing_space(doc, skip)
        yield from self._space_before(doc, skip)
        yield from self._split_clitics(doc)
        yield from self._swapped_spaces(doc, skip)
        yield from self._doubled(doc, skip)
        for match in _SPLIT_DECIMAL.finditer(doc.text):
            yield SPLIT_DECIMAL.at(
                doc,
                match.start(1),
                match.end(1),
                "A space inside a decimal number: the point was taken for a full stop.",
                [""],
                confidence=0.8,
            )
        yield from self._quotes(doc, skip)
        for paragraph in doc.paragraphs:
            yield from self._brackets(doc, paragraph, skip)
        if doc.lang == "en":
            yield from self._source_marks(doc)
            yield from self._dash_attributions(doc)
            yield from self._doubled_single_quotes(doc)
            yield from self._dialogue_dashes(doc)

    def _dialogue_dashes(self, doc: Document) -> Iterator[Finding]:
        """Russian direct speech opened by a dash, with no quote marks: "— We won, — said
        Petrov." becomes "“We won,” Petrov said."."""
        text = doc.text
        pattern = _dash_attribution()
        for paragraph in doc.paragraphs:
            opening = _DIALOGUE_DASH.match(text, paragraph.start, paragraph.end)
            if not opening:
                continue
            comma = text.find(",", opening.end(), paragraph.end)
            match = None
            while comma >= 0 and not match:
                match = pattern.match(text, comma, paragraph.end)
                comma = text.find(",", comma + 1, paragraph.end)
            if not match:
                continue
            yield SOURCE_PUNCTUATION.at(
                doc,
                opening.start(),
                opening.end(),
                "Direct speech opened by a dash, as in Russian: English puts it in quotes.",
                ["“"],
                confidence=0.85,
            )
            yield _attribution(doc, match.start(), match, "”")

    def _doubled_single_quotes(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _DOUBLED_SINGLE.finditer(text):
            start, end = match.span()
            before = text[start - 1] if start else " "
            opening = before.isspace() or before in "([—–-"
            english = "“" if opening else "”"
            if not opening and text[end : end + 1] == ",":
                end, english = end + 1, ",”"  # news style: the comma inside the quote
            yield SOURCE_PUNCTUATION.at(
                doc,
                start,
                end,
                f"Doubled single quotes {match.group()!r} used as a quotation mark.",
                [english],
                confidence=0.85,
            )

    def _dash_attributions(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        pattern = _dash_attribution()
        for quote in _CLOSING_QUOTE.finditer(text):
            match = pattern.match(text, quote.end())
            if not match:
                continue
            start = quote.start()
            while start > 0 and text[start - 1] in " \xa0\u202f":
                start -= 1
            yield _attribution(doc, start, match, '"' if quote.group() == '"' else "”")

    def _missing_space(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        for match in _GLUED.finditer(text):
            start, end = match.span(1)
            mark = match.group(1)
            if inside(start, skip) or inside(end, skip):
                continue
            if mark == "." and not text[end].isupper():
                continue  # "a.b" is more often a name or domain than a slip
            if mark == ":" and text[end - 2 : end] in ("s:", "p:"):
                continue  # a URL scheme cut from its address
            if mark == "”" and not _quote_open_before(doc, start):
                continue  # "the largest”advertising alliance”": a ” misused to open a quote
            suggestion = mark + " "
            if mark[-1] == '"' and len(mark) == 2 and _opening_straight(doc, end - 1):
                suggestion = f'{mark[0]} "'  # 'said:"We' opens a quotation: 'said: "We'
            yield MISSING_SPACE.at(
                doc,
                start,
                end,
                "No space after the punctuation: two sentences or clauses run together.",
                [suggestion],
                confidence=0.9,
            )

    def _space_before(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        for match in _SPACE_BEFORE.finditer(text):
            if inside(match.start(), skip):
                continue
            if match.group(3):
                start, end = match.span(3)
                if text[start - 1] == "“" and start > 1 and text[start - 2].isalnum():
                    continue  # “ after a word closes a quotation („...“, or a slip): no space issue
                message, suggestion = "Space just inside a bracket or quote.", ""
            else:
                start, end = match.span()
                previous = text[start - 1] if start else ""
                closing_quote = text[match.end() : match.end() + 1] == "”"
                if not (_WORD_END.match(previous) or (closing_quote and previous in ".!?,;:…")):
                    continue
                if not match.group(2) and previous == "(":
                    continue
                if closing_quote and previous in "’'\"”":
                    continue  # nested quotes (’ ” with a thin gap), or a doubled closing quote
                line_start = text.rfind("\n", max(0, start - 200), start) + 1
                if (
                    match.group(2) == ":"
                    and _LABEL.match(text, line_start, start)
                    and not _PROSE_AFTER_COLON.match(text, match.end())
                ):
                    continue  # "VIP : 60,000": a label at the start of a line
                message = (
                    f"Space before {match.group(2)!r}."
                    if match.group(2)
                    else ("Space just inside a bracket.")
                )
                suggestion = match.group(2) or ""
            yield SPACE_BEFORE.at(doc, start, end, message, [suggestion], confidence=0.85)

    def _swapped_spaces(self, doc: Document, skip: list) -> Iterator[Finding]:
        for match in _SWAPPED_SPACE.finditer(doc.text):
            if inside(match.start(), skip):
                continue
            yield SPACE_BEFORE.at(
                doc,
                match.start(),
                match.end(),
                f"Space before {match.group(1)!r} instead of after it.",
                [match.group(1) + " "],
                confidence=0.85,
            )

    def _split_clitics(self, doc: Document) -> Iterator[Finding]:
        for match in _SPLIT_CLITIC.finditer(doc.text):
            yield SPACE_BEFORE.at(
                doc,
                match.start(1),
                match.end(2),
                f"Space before {match.group(2)!r}: a tokenised contraction or possessive.",
                [match.group(2)],
                confidence=0.85,
            )

    def _doubled(self, doc: Document, skip: list) -> Iterator[Finding]:
        text = doc.text
        for match in _DOUBLED.finditer(text):
            start, end = match.span()
            found = match.group()
            if inside(start, skip):
                continue
            if found.startswith("."):
                token = _TOKEN_BEFORE.search(text[max(0, start - 20) : start])
                word = token.group() if token else ""
                if found == ".," and not (word.islower() and word not in abbreviations()):
                    continue
                if found == ".," and not _LOWER_WORD_AFTER.match(text, end):
                    continue
                keep = "," if found == ".," else "."
            elif found in ("——", "……"):
                keep = found[0]  # Chinese doubles the dash and the ellipsis; English does not
            elif match.group(4) == ".":
                keep = "."
            else:
                keep = found[0]
            yield DOUBLED.at(
                doc,
                start,
                end,
                f"Doubled punctuation {found!r}.",
                [keep] if found != ".." else [".", "..."],
                confidence=0.85,
                safe=found != "..",
            )

    def _quotes(self, doc: Document, skip: list) -> Iterator[Finding]:
        """Unbalanced typographic quotes (PU104) and quotations closed in another style (PU106).

        A quotation may run on over paragraphs: an opening quote left open is fine when the
        next paragraph opens again (news style) or closes it (scraped text often drops the
        repeated opening quote).
        """
        text = doc.text
        scans = [self._scan_quotes(doc, paragraph, skip) for paragraph in doc.paragraphs]
        yield from (mismatched for scan in scans for mismatched in scan[2])
        for index, (opens, closes, _) in enumerate(scans):
            previous = scans[index - 1] if index else None
            carried = previous is not None and bool(previous[0])
            for position in closes[1:] if carried and closes else closes:
                if text[position] != '"':
                    yield UNBALANCED_QUOTE.at(
                        doc,
                        position,
                        position + 1,
                        "Closing quote mark without an opening one in this paragraph.",
                        confidence=0.6,
                    )
            following = scans[index + 1] if index + 1 < len(scans) else None
            nxt = doc.paragraphs[index + 1] if following else None
            if not opens or (nxt and (text[nxt.start] in '“"«' or following[1])):
                continue
            if text[opens[-1]] != '"':
                yield UNBALANCED_QUOTE.at(
                    doc,
                    opens[-1],
                    opens[-1] + 1,
                    "Opening quote mark never closed in this paragraph.",
                    confidence=0.6,
                )

    def _scan_quotes(
        self, doc: Document, paragraph: Span, skip: list
    ) -> tuple[list[int], list[int], list[Finding]]:
        """Unmatched openings, unmatched closings and mismatched pairs of one paragraph."""
        text = doc.text
        opened: list[int] = []
        closes: list[int] = []
        mismatched: list[Finding] = []
        for match in _DOUBLE_QUOTE.finditer(text, paragraph.start, paragraph.end):
            position = match.start()
            if inside(position, skip) or _STRAIGHT_INCH.match(text, position):
                continue
            char = text[position]
            if char == "»" and not any(text[p] == "«" for p in opened):
                continue  # an arrow or breadcrumb separator ("Home » News"), not a quote
            if char == "“" and opened and text[opened[-1]] == "„":
                opened.pop()  # „...“: the Russian and German pair (PU107)
                continue
            if _opens(text, position):
                if opened and _CONTINUED.search(text, max(0, position - 8), position):
                    opened.pop()  # a quotation continued in a new (run-in) paragraph
                opened.append(position)
            elif opened:
                start = opened.pop()
                pair = text[start] + text[position]
                if pair in ('"”', '“"') and not _DOUBLED_CLOSE.match(text, position + 1):
                    straight = start if text[start] == '"' else position
                    mismatched.append(
                        MIXED_QUOTES.at(
                            doc,
                            straight,
                            straight + 1,
                            f"Quotation opened with {text[start]} and closed with "
                            f"{text[position]}.",
                            ["“" if straight == start else "”"],
                            confidence=0.8,
                        )
                    )
            else:
                closes.append(position)
        return opened, closes, mismatched

    def _brackets(self, doc: Document, paragraph: Span, skip: list) -> Iterator[Finding]:
        text = doc.text
        chunk = text[paragraph.start : paragraph.end]
        ignored = {m.end() - 1 for m in _LIST_MARKER.finditer(chunk)}
        ignored |= {m.end() - 1 for m in _EMOTICON.finditer(chunk)}
        stack: list[int] = []
        pairs = {")": "(", "]": "["}
        for match in _BRACKET.finditer(chunk):
            offset, char = match.start(), match.group()
            if offset in ignored and not stack:
                continue
            position = paragraph.start + offset
            if inside(position, skip):
                continue
            if char in "([":
                stack.append(position)
            elif stack and text[stack[-1]] == pairs[char]:
                stack.pop()
            else:
                yield UNBALANCED_BRACKET.at(
                    doc,
                    position,
                    position + 1,
                    f"{char!r} closes a bracket that was never opened in this paragraph.",
                    confidence=0.6,
                )
        for position in stack:
            yield UNBALANCED_BRACKET.at(
                doc,
                position,
                position + 1,
                f"{text[position]!r} is never closed in this paragraph.",
                confidence=0.6,
            )

    def _source_marks(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        marks = _source_marks()
        for match in re.finditer("[" + re.escape("".join(marks)) + "]", text):
            start, end = match.span()
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if _ARABIC_OR_CJK.match(before) or _ARABIC_OR_CJK.match(after):
                continue  # part of source-script text, flagged as untranslated
            english, space = marks[match.group()]
            if match.group() in _EUROPEAN_QUOTES:
                yield from _european_quote(doc, start, english)
                continue
            if space == "letters" and not (before.isalpha() and after.isalpha()):
                continue
            if english == ";" and _PARTICIPLE_AFTER.match(text, end):
                english = ","  # Arabic "؛ demanding ...": a participle clause takes a comma
            if space in ("after", "both") and after and (after.isalnum() or after in '“"('):
                english += " "
            if space in ("before", "both") and before.isalnum():
                english = " " + english
            yield SOURCE_PUNCTUATION.at(
                doc,
                start,
                end,
                f"Source-script punctuation {match.group()!r} in English text.",
                [english],
                confidence=0.9,
            )


def _attribution(doc: Document, start: int, match: re.Match[str], mark: str) -> Finding:
    """A PU108 finding from ``start`` to the end of a dash attribution, speaker first."""
    speaker = match.group("speaker") or match.group("subject")
    verb = match.group("verb") or match.group("verb2")
    return DASH_ATTRIBUTION.at(
        doc,
        start,
        match.end(),
        "Direct speech punctuated as in the source (comma, dash, reporting verb).",
        [f",{mark} {speaker} {verb}"],
        confidence=0.92,
    )


def _european_quote(doc: Document, start: int, english: str) -> Iterator[Finding]:
    """A guillemet or low-9 quote used as an English quotation mark, as one finding with
    the spaces French puts inside it ("« Oui »") and, for a closing mark before a comma, the
    comma moved inside as news style has it ("»," -> ",”"). A lone » or › is an arrow or a
    breadcrumb separator ("Home »"), not a quote: only marks paired in their paragraph count.
    "„" is closed by "“" in Russian and German: that "“" becomes "”".
    """
    text = doc.text
    paragraph = doc.paragraph_at(start)
    if paragraph is None:
        return
    char = text[start]
    if char in "«‹„":
        closer = {"«": "»", "‹": "›", "„": "“”"}[char]
        close = _next_of(text, closer, start + 1, paragraph.end)
        if close < 0:
            return
        end = start + 1
        while end < paragraph.end and text[end] in " \xa0\u202f":
            end += 1
        yield SOURCE_PUNCTUATION.at(
            doc, start, end, f"{char!r} used as an English quotation mark.", [english], 0.9
        )
        if char == "„" and text[close] == "“":
            yield from _closing_quote(doc, close, "”")
        return
    opener = {"»": "«", "›": "‹"}[char]
    if text.rfind(opener, paragraph.start, start) < 0:
        return
    yield from _closing_quote(doc, start, english)


def _closing_quote(doc: Document, position: int, english: str) -> Iterator[Finding]:
    """A closing quote mark to replace, with the space before it and a comma after it."""
    text = doc.text
    start, end = position, position + 1
    while start > 0 and text[start - 1] in " \xa0\u202f":
        start -= 1
    if _dash_attribution().match(text, end):
        return  # the whole attribution is rewritten (PU108)
    if text[end : end + 1] == ",":
        end += 1
        english = "," + english
    yield SOURCE_PUNCTUATION.at(
        doc,
        start,
        end,
        f"{text[position]!r} used as an English closing quotation mark.",
        [english],
        confidence=0.9,
    )


def _next_of(text: str, chars: str, start: int, end: int) -> int:
    """The position of the first of ``chars`` in text[start:end], or -1."""
    found = [p for p in (text.find(c, start, end) for c in chars) if p >= 0]
    return min(found, default=-1)


def _quote_open_before(doc: Document, position: int) -> bool:
    """Whether a curly quotation is open at ``position`` in its paragraph (more “ than ”)."""
    paragraph = doc.paragraph_at(position)
    start = paragraph.start if paragraph else 0
    return doc.text.count("“", start, position) > doc.text.count("”", start, position)


def _opening_straight(doc: Document, position: int) -> bool:
    """Whether the straight quote at ``position`` opens a quotation: an even number of
    straight quotes before it in its paragraph."""
    paragraph = doc.paragraph_at(position)
    return doc.text.count('"', paragraph.start if paragraph else 0, position) % 2 == 0


def _opens(text: str, position: int) -> bool:
    """Whether the double quote at ``position`` opens a quotation."""
    char = text[position]
    if char in "“«„":
        return True
    if char in "”»":
        return False
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return True
    if after.isspace() or after in ".,;:!?)]}…":
        return False
    return not (before.isalnum() or before in ".,;:!?…'’)]}%")
