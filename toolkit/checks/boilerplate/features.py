"""Line features for the boilerplate check: chrome patterns, prose shape, and the article core.

A page is a list of non-blank lines. The article core is the run of lines with the most
prose in it (a maximum-sum segment, as in Finn et al.'s Body Text Extraction): prose lines
count for their length, every other line against. Lines before the core are the head, lines
after it the tail.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.resources import corpora_dir, iter_tsv, read_lines

PATTERN_LANGS = ("en", "ar", "fr", "fa", "tr", "zh", "ru", "ur")
_LEADING_DECORATION = " •·-–—*>»›|#→◄►▶…"
_TRAILING_DECORATION = " »›>→|◄►▶"
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_TERMINALS = ".!?…؟。！？"
_CLOSERS = "\"'”’»)]"
_LINKY = re.compile(r"https?://|www\.|\.(?:com|org|net)\b|@\w|#\w|\s[|/•·]\s|[»›]")
_DIGIT = re.compile(r"\d")
_SEPARATOR = re.compile(r"\s*[|•·]\s*")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
# A publication timestamp alone on its line: a numeric date and a time ("2024-10-30 09:12",
# "28.12.2024 Cumartesi 16:42", "04/09/2024 · 06h45"), with at most a few words beside them.
_STAMP_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_STAMP_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_STAMP_WORDS = 6
# A numeric date, a time, or both: an item of a metadata row ("20/01/2023 | Views: 12").
_DATE_ITEM = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:\s*[-–,]?\s*\d{1,2}[:h]\d{2})?|\d{1,2}[:h]\d{2}"
)
_WRITTEN_DATE = re.compile(r"(?:\w+,? )?(?:\d{1,2} \w+|\w+ \d{1,2}),? \d{4}")
_SECTION_WORDS = 3
# A row of menu items or a breadcrumb: two to six short items between separators
# ("SPOR › FUTBOL › EURO 2024", "À la une | RDC | Sécurité").
_MENU_SEPARATOR = re.compile(r"\s+[|›»>/]\s+")
_MENU_ITEM = re.compile(r"[^\W\d_][\w'’.&-]*(?:\s+[\w'’.&-]+){0,2}")
_ARROW = re.compile(r"\s[›»>]\s")
# "Label: rest" with a label of up to four words ("Partagez cet article :").
_LABEL = re.compile(r"(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<rest>\S.*)")
_LABEL_WORDS = 4
# A label in a non-Latin script closing with a colon ("相关新闻：", "Похожие новости:").
_NON_LATIN_WORD = r"[^\W\d_A-Za-z\u00c0-\u024f]+"
_FOREIGN_LABEL = re.compile(rf"^{_NON_LATIN_WORD}(?:\s+{_NON_LATIN_WORD})*\s*[:：]")
_STRONG_CHROME_WORDS = 12
_BEFORE_END_SHARE = 0.5
_NOTICE = re.compile(
    r"cookie|©|rights reserved|will not be published|newsletter|disclaimer|reproduced from|"
    r"reprinted from|hyperlink|link to (?:the )?(?:source|original)|protected by copyright|"
    r"reserved|prohibited without|ملفات تعريف|محفوظة|abonnez-vous|subscribe to continue|"
    r"оформите подписку|abone ol",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Patterns:
    """Compiled chrome regexes, one alternation per class; ``chrome`` includes ``end``;
    ``credit`` lines are the article's (reporters, translator, agency) and never chrome."""

    chrome: re.Pattern[str]
    end: re.Pattern[str]
    list: re.Pattern[str]
    nav: re.Pattern[str]
    credit: re.Pattern[str]


_CLASSES = (("chrome", "end"), ("end",), ("list",), ("nav",), ("credit",))
_FLAGS = re.IGNORECASE | re.UNICODE


@functools.cache
def patterns() -> Patterns:
    """The chrome patterns of every language under corpora/boilerplate/, compiled once (their
    programs are kept in the disk cache: compiling them is most of a cold start's regex work)."""
    from toolkit import regex_programs
    from toolkit.cache import cached

    files = [corpora_dir() / "boilerplate" / f"chrome_{lang}.tsv" for lang in PATTERN_LANGS]
    sources = [f for f in files if f.exists()]
    sources += [corpora_dir() / "boilerplate" / "agencies.txt", Path(regex_programs.__file__)]
    built = cached("boilerplate-patterns", sources, _programs)
    return Patterns(*(regex_programs.compiled(source, _FLAGS, p) for source, p in built))


def _programs() -> list[tuple[str, tuple | None]]:
    """Each class's alternation and its compiled program (see ``regex_programs``)."""
    from toolkit.regex_programs import program

    by_class: dict[str, list[str]] = {"chrome": [], "end": [], "list": [], "nav": [], "credit": []}
    agency = "|".join(read_lines("boilerplate", "agencies.txt"))
    for lang in PATTERN_LANGS:
        path = corpora_dir() / "boilerplate" / f"chrome_{lang}.tsv"
        if path.exists():
            for row in iter_tsv(path):
                by_class[row["class"]].append(row["pattern"].replace("{agency}", agency))
    sources = ["|".join(f"(?:{p})" for n in names for p in by_class[n]) for names in _CLASSES]
    return [(source, program(source, _FLAGS)) for source in sources]


@functools.cache
def function_words() -> frozenset[str]:
    return frozenset(read_lines("boilerplate", "function_words_en.txt"))


def normalise(line: str) -> str:
    """A line as the patterns see it: trimmed, single-spaced, without bullets or arrows."""
    text = " ".join(line.split())
    return text.lstrip(_LEADING_DECORATION).rstrip(_TRAILING_DECORATION).strip()


@dataclass(frozen=True, slots=True)
class LineInfo:
    """What the check knows about one non-blank line."""

    text: str
    words: int
    ends_sentence: bool
    title_ratio: float
    function_ratio: float
    digit_ratio: float
    linky: bool
    latin: bool
    chrome: bool
    ends_article: bool
    list_header: bool
    nav: bool
    credit: bool = False
    foreign: bool = False
    stamp: bool = False
    menu: bool = False

    @property
    def prose(self) -> bool:
        """A sentence: long, punctuated, not chrome nor cut off with an ellipsis; in Latin
        script, with function words."""
        return (
            self.words >= 8
            and self.ends_sentence
            and not self.chrome
            and not self.teaser
            and (self.function_ratio >= 0.15 or self.words >= 20 or not self.latin)
        )

    @property
    def headline_like(self) -> bool:
        """Short and unpunctuated (or a Title-Case question), as a headline is."""
        question = self.text.endswith("?") and self.words >= 4 and self.title_ratio >= 0.6
        return (
            3 <= self.words <= 20
            and (question or not self.ends_sentence)
            and not self.chrome
            and not self.text.endswith(":")
        )

    @property
    def teaser(self) -> bool:
        """A line cut off with an ellipsis, as a teaser of another article is."""
        bare = self.text.rstrip(_CLOSERS + " ")
        return self.words >= 4 and not self.chrome and bare.endswith(("…", "..."))

    @property
    def weight(self) -> float:
        """This line's vote in the core segmentation: prose for, everything else against."""
        if self.prose:
            return float(self.words)
        if self.chrome or self.nav:
            return -10.0
        if self.words >= 20:
            return self.words / 2
        return -1.0


def describe(line: str) -> LineInfo:
    """Features of one line of text."""
    text = normalise(line)
    tokens = _WORD.findall(text)
    words = len(tokens)
    functional = function_words()
    alpha = [t for t in tokens if t[0].isalpha()]
    content = [t for t in alpha if t.lower() not in functional]
    capitalised = sum(1 for t in content if t[0].isupper())
    found = patterns()
    short = words <= _STRONG_CHROME_WORDS
    ends_sentence = _ends_sentence(text)
    latin = text.isascii() or len(_ASCII_LETTER.findall(text)) * 2 >= len(_LETTER.findall(text))
    credit = bool(found.credit.pattern) and bool(found.credit.fullmatch(text))
    chrome = (
        not credit
        and (short or not (ends_sentence and not _NOTICE.search(text)))
        and (
            bool(found.chrome.fullmatch(text))
            or _chrome_items(text, found)
            or _labelled_chrome(text, found)
        )
    )
    return LineInfo(
        text=text,
        words=words,
        ends_sentence=ends_sentence,
        title_ratio=capitalised / len(content) if content else 0.0,
        function_ratio=(len(alpha) - len(content)) / words if words else 0.0,
        digit_ratio=_digits(text) / len(text) if text else 0.0,
        linky=bool(_LINKY.search(text)),
        latin=latin,
        chrome=chrome,
        ends_article=chrome and bool(found.end.fullmatch(text)),
        list_header=bool(found.list.fullmatch(text)),
        nav=short and bool(found.nav.fullmatch(text)),
        credit=credit,
        foreign=not latin or bool(_FOREIGN_LABEL.match(text)),
        menu=not ends_sentence and _menu(text),
        stamp=words <= _STAMP_WORDS + 4
        and bool(_STAMP_DATE.search(text) and _STAMP_TIME.search(text))
        and len([t for t in tokens if t[0].isalpha()]) <= _STAMP_WORDS,
    )


def _chrome_items(text: str, found: Patterns) -> bool:
    """A row of chrome items between separators ("SON DAKİKA | BREAKING", "Share | Print",
    "20/01/2023 | Views: 12,408", "Local | Published: 11 May 2024 | Hits: 3481"): every item
    chrome or a numeric date, at least one chrome, and at most one short item of neither (a
    section name) when two or more are chrome or when it is a breadcrumb ("Gündem > Yargı |
    Okunma: 4.512")."""
    parts = [p for p in _SEPARATOR.split(text) if p]
    if len(parts) < 2:
        return False
    chrome = [p for p in parts if found.chrome.fullmatch(p) or found.nav.fullmatch(p)]
    if not chrome or all(_DATE_ITEM.fullmatch(p) or _WRITTEN_DATE.fullmatch(p) for p in chrome):
        return False  # "29 November 2018 | 20 January 2019": dates of an event, not chrome
    rest = [p for p in parts if p not in chrome and not _DATE_ITEM.fullmatch(p)]
    if not rest:
        return True
    section = len(_WORD.findall(rest[0])) <= _SECTION_WORDS and not _ends_sentence(rest[0])
    return len(rest) == 1 and section and (len(chrome) >= 2 or _breadcrumb(rest[0]))


def _labelled_chrome(text: str, found: Patterns) -> bool:
    """A short label in any language, a colon, then chrome: "Bu haberi paylaş: Facebook | X",
    "Partagez cet article : Facebook Twitter LinkedIn". The label is often untranslated
    (no pattern knows it); the row after it is what shows the line is chrome."""
    match = _LABEL.match(text)
    if not match or len(_WORD.findall(match.group("label"))) > _LABEL_WORDS:
        return False
    rest = match.group("rest")
    return bool(found.chrome.fullmatch(rest)) or _chrome_items(rest, found)


def _breadcrumb(text: str) -> bool:
    """A menu row whose items are joined by arrows ("Sport > Football > U20"): never a title."""
    return _menu(text) and bool(_ARROW.search(text))


def _menu(text: str) -> bool:
    parts = _MENU_SEPARATOR.split(text)
    return 2 <= len(parts) <= 6 and all(_MENU_ITEM.fullmatch(p) for p in parts)


def _ends_sentence(text: str) -> bool:
    """Terminal punctuation, then only closing quotes and brackets."""
    bare = text.rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in _TERMINALS


def _digits(text: str) -> int:
    if text.isascii():
        return sum(map(text.count, "0123456789"))
    return len(_DIGIT.findall(text))


def core_bounds(infos: list[LineInfo]) -> tuple[int, int] | None:
    """[first, last] indices of the article core, or None without prose.

    The core is the maximum-weight run of lines that crosses no line ending an article
    (copyright, comment form). Pages put those after the article, so the best run before
    the first of them wins when it holds at least half the best run's weight.
    """
    runs = _best_runs(infos)
    if not runs:
        return None
    best = max(runs, key=lambda run: run[0])
    first_block = [run for run in runs if run[1][1] < _first_end(infos)]
    if first_block and first_block[0][0] >= _BEFORE_END_SHARE * best[0]:
        return first_block[0][1]
    return best[1]


def _first_end(infos: list[LineInfo]) -> int:
    return next((i for i, info in enumerate(infos) if info.ends_article), len(infos))


def _best_runs(infos: list[LineInfo]) -> list[tuple[float, tuple[int, int]]]:
    """The best (weight, [first, last]) run of each stretch between article-ending lines."""
    runs: list[tuple[float, tuple[int, int]]] = []
    best, best_span, running, start = 0.0, None, 0.0, 0
    for i, info in enumerate([*infos, None]):
        if info is None or info.ends_article:
            if best_span is not None:
                runs.append((best, best_span))
            best, best_span, running = 0.0, None, 0.0
            continue
        if running <= 0:
            running, start = 0.0, i
        running += info.weight
        if running > best:
            best, best_span = running, (start, i)
    return runs


def _stems(text: str) -> set[str]:
    functional = function_words()
    words = (w.lower() for w in _WORD.findall(text) if w[0].isalpha())
    return {w[:5] for w in words if w not in functional}


def title_index(infos: list[LineInfo], first: int) -> int | None:
    """The head line that is the article's own title: short, not chrome, and sharing the
    most content words with the first paragraphs of the core (at least a third of its own).
    """
    body = set().union(*(_stems(info.text) for info in infos[first : first + 3]))
    best, best_score = None, 1 / 3
    for i, info in enumerate(infos[:first]):
        if info.chrome or info.nav or info.list_header or not 3 <= info.words <= 25:
            continue
        if info.menu and _breadcrumb(info.text):
            continue
        stems = _stems(info.text)
        score = len(stems & body) / len(stems) if stems else 0.0
        if score >= best_score:
            best, best_score = i, score
    return best


FEATURES = (
    "bias",
    "chrome",
    "list_header",
    "nav",
    "prose",
    "log_words",
    "ends_sentence",
    "title_ratio",
    "function_ratio",
    "digit_ratio",
    "linky",
    "head",
    "tail",
    "log_distance",
    "chrome_around",
    "prose_around",
    "after_list_header",
    "first_line",
)


def feature_vectors(infos: list[LineInfo]) -> list[list[float]]:
    """One vector per line, in FEATURES order, for the learned line classifier."""
    bounds = core_bounds(infos) or (len(infos), len(infos) - 1)
    vectors, since_list = [], 99
    for i, info in enumerate(infos):
        since_list = 0 if info.list_header else since_list + 1
        if info.prose:
            since_list = 99
        around = infos[max(0, i - 3) : i] + infos[i + 1 : i + 4]
        distance = bounds[0] - i if i < bounds[0] else max(0, i - bounds[1])
        vectors.append(
            [
                1.0,
                float(info.chrome),
                float(info.list_header),
                float(info.nav),
                float(info.prose),
                math.log1p(info.words),
                float(info.ends_sentence),
                info.title_ratio,
                info.function_ratio,
                info.digit_ratio,
                float(info.linky),
                float(i < bounds[0]),
                float(i > bounds[1]),
                math.log1p(distance),
                sum(a.chrome or a.nav for a in around) / max(1, len(around)),
                sum(a.prose for a in around) / max(1, len(around)),
                float(since_list <= 10),
                float(i == 0),
            ]
        )
    return vectors
