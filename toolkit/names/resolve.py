"""Decide what each name in a document is: a known entity, a spelling variant, a garbled
rendering of a known entity, an unlisted name that looks garbled, or a translated name
that is not the entity's usual one.

Known names are found first (longest gazetteer match); the rest of the name-like runs are
searched in the gazetteer by sound and re-ranked with the document's context
(``context.py``: the entity type a cue implies, the places and countries it mentions, a
direction); a run close to no listed name is scored by the garbled-word model.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from toolkit.document import Document
from toolkit.names.context import Context
from toolkit.names.forms import (
    ATTESTED,
    EXONYM_POPULATION,
    FAMOUS,
    PINYIN_COUNTRIES,
    assimilated_article,
    ezafe,
    foreign_form,
    half_stripped,
    is_demonym,
    name_zipf,
    turkish_reading,
)
from toolkit.names.frequency import zipf
from toolkit.names.garbled import garbled_probability, given_names
from toolkit.names.gazetteer import Entry, Gazetteer
from toolkit.names.mentions import titles
from toolkit.names.normalize import (
    ARTICLES,
    TURKISH_ALPHABET,
    core_tokens,
    fold,
    loose_key,
    phonemes,
    tokens,
    turkish_read,
)
from toolkit.names.similarity import (
    SPELLING_VARIANT,
    alike,
    distance,
    distance_at_least,
)
from toolkit.names.spans import (
    CONNECTORS,
    Run,
    cue_before,
    is_connector,
    name_words,
    run_words,
    runs,
)
from toolkit.names.tokens import Token, Words, sentence_words
from toolkit.names.variants import short_vowel_changed, vowel_unwritten
from toolkit.names.words import facility_nouns

MAX_NAME_TOKENS = 8
SEARCHED = 24  # gazetteer candidates ranked in context per unknown name
# Source languages whose names MT transliterates (the fuzzy search runs without other cues).
TRANSLITERATED = frozenset({"ar", "fa", "tr", "ku", "ckb", "ur", "ps", "he"})
GARBLED_MIN_SIMILARITY = 0.75
GARBLED_MIN_SCORE = 0.82
GARBLED_PLACED_SIMILARITY = 0.7
GARBLED_PLACED_SCORE = 0.88
# Garbled-word probability an unlisted name needs to be reported: with a cue ("in X",
# "X Brigades") or lower-case, and bare (or after a person's title).
UNRECOGNISED_CUED = 0.85
UNRECOGNISED_BARE = 0.95
UNRECOGNISED_HINT = 0.7  # similarity of a listed name worth naming in an NM104 message
DATELINE = re.compile(r"[,:]|\s+[-–—]")  # after a place in capitals: "KISHINEV, Nov 3 -"
# Countries of the officials curated_international.tsv lists (news in English is written
# about them every day): naming them does not make a text one about mtkit's regions.
ENGLISH_NEWS = frozenset(
    {
        "US", "GB", "CA", "AU", "NZ", "IE", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "CH", "AT",
        "SE", "NO", "DK", "FI", "EE", "LT", "LV", "PL", "AR", "BG", "HU", "SK", "MT", "GR",
        "CY", "VA", "BR", "MX", "CO", "VE", "ZA", "JP", "KR", "KP", "ID", "MY", "PH", "SG",
    }
)  # fmt: skip
# Countries whose names English romanizes from Arabic script, with doubling that varies.
ARABIC_SCRIPT = frozenset(
    {
        "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD",
        "SY", "TN", "YE", "IR", "AF", "PK", "MR",
    }
)  # fmt: skip
GIVEN_NAME_SURNAME = 3.5  # Zipf from which a last word is an English word, no surname
GARBLED_SURNAME = 0.6  # sound similarity of a garbled surname with the same given names
GARBLED_FULL_NAME = 0.85  # ... and of the whole name
ATTESTED_WORD = 3.0  # Zipf of an English word that is never read as another language's name
QUOTES = frozenset("\"“”«»‘’'")
# Sound similarity from which a run close to a name is its spelling, not its translation.
RESPELLED = 0.8
# Lower-case words inside the translated name of a body ("Ministry of Economy and Finance").
TITLE_JOINING = CONNECTORS | {"and"}
# Curated entities written one way in English news: an unlisted spelling gets their name.
SPELLED_ONE_WAY = frozenset({"person", "group", "party", "organization", "agency", "operation"})
BODIES = SPELLED_ONE_WAY - {"person"}
# Zipf of a capitalised word before a body's name that is ordinary English ("The", "Today")
# rather than the first word of a longer name ("Ras El-Hikma").
COMMON_WORD = 4.0
REGIONAL_TOWNS = 3  # towns of one country that make a text about its region


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A span that names a gazetteer entity (a listed name, or a close spelling variant)."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    listed: bool = True

    @property
    def entry(self) -> Entry:
        return self.entries[0]


@dataclass(frozen=True, slots=True)
class Scored:
    """A gazetteer candidate for a span, with its similarity and its score in context."""

    entry: Entry
    name: str
    similarity: float
    score: float
    support: int = 0  # context cues that point to this entry (type, nearby places, direction)


@dataclass(frozen=True, slots=True)
class Suspect:
    """A span that looks like a mangled rendering of a known name."""

    start: int
    end: int
    text: str
    candidates: tuple[Scored, ...]
    # "garbled" (NM101); "number", "case", "foreign" (a listed form of another language),
    # "spelling" (an unlisted spelling of a curated person or body) (NM102); "unrecognised"
    reason: str
    confidence: float
    # What the verdict rests on: "curated" or "GeoNames" (the entry's tier); for a foreign
    # form "listed" (a curated foreign form), "letters" (non-English letters), "exonym" (a
    # GeoNames alternate name), "given" (a given name's romanization); for a split name
    # "joined" (a listed one-word name) or "pinyin".
    basis: str = ""


@dataclass(frozen=True, slots=True)
class Renamed:
    """A translated name close to, but not, an entity's usual name."""

    start: int
    end: int
    text: str
    entry: Entry
    score: float
    name: str = ""  # the name it renders word for word (``WordIndex.reworded``), if any


@dataclass(frozen=True)
class Analysis:
    mentions: tuple[EntityMention, ...]
    suspects: tuple[Suspect, ...]
    renamed: tuple[Renamed, ...]


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# Per gazetteer: the surname sounds of its full names, and the near ones of each sound seen.
_SURNAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
SURNAME_CACHE = 50_000


def analyse(doc: Document, gazetteer: Gazetteer, source_lang: str | None = None) -> Analysis:
    """Names in ``doc`` (computed once per document and gazetteer)."""
    per_doc = _CACHE.setdefault(doc, {})
    key = (id(gazetteer), source_lang)
    if key not in per_doc:
        per_doc[key] = _Resolver(doc, gazetteer, source_lang).run()
    return per_doc[key]


class _Resolver:
    def __init__(self, doc: Document, gazetteer: Gazetteer, source_lang: str | None) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.source_lang = source_lang
        self.sentences = sentence_words(doc)

    def run(self) -> Analysis:
        mentions = [m for toks in self.sentences for m in self._known(toks)]
        mentions = self._in_region(mentions)
        spelled = self._respelled(mentions)
        mentions = [m for m in mentions if not any(_overlap(m, s) for s in spelled)]
        renamed = self._renamed(mentions)
        inside = [(r.start, r.end) for r in renamed]
        mentions = [m for m in mentions if not any(s <= m.start < e for s, e in inside)]
        self.context = Context(self.gaz, mentions, self.sentences)
        suspects = spelled + [
            s for m in mentions if (s := self._foreign(m) or self._reading(m)) is not None
        ]
        if self._fuzzy_allowed(mentions):
            spans = [(m.start, m.end) for m in mentions] + [(s.start, s.end) for s in spelled]
            taken = self._taken(spans + inside)
            # A word right after a known name continues it ("Ariel Erlij", "Jordan Spieth").
            glued = {m.end + 1: m for m in mentions if self.doc.text[m.end : m.end + 1] == " "}
            for toks in self.sentences:
                for run in runs(self.doc, toks, taken):
                    if run.start in glued and glued[run.start].entry.type != "country":
                        longer = self._continued(glued[run.start], run, toks)
                        if longer is not None:
                            mentions.remove(glued[run.start])
                            suspects.append(longer)
                        continue
                    found = self._resolve(run)
                    if isinstance(found, EntityMention):
                        mentions.append(found)
                        if (read := self._reading(found)) is not None:
                            suspects.append(read)
                    elif isinstance(found, Suspect):
                        suspects.append(found)
        suspects = self._with_shapes(suspects)
        mentions.sort(key=lambda m: m.start)
        return Analysis(tuple(mentions), tuple(suspects), tuple(renamed))

    def _with_shapes(self, suspects: list[Suspect]) -> list[Suspect]:
        """Add the names found by their shape (``joins``: split names, pinyin, given names);
        they replace the suspects they overlap."""
        from toolkit.names.joins import Joins

        shaped = [
            Suspect(
                start,
                end,
                text,
                (Scored(entry, entry.canonical, 1.0, 1.0, 1),),
                reason,
                0.85,
                basis,
            )
            for start, end, text, entry, reason, basis in Joins(
                self.doc, self.sentences, self.gaz, self.context
            ).found()
        ]
        kept = [s for s in suspects if not any(s.start < t.end and t.start < s.end for t in shaped)]
        return sorted(kept + shaped, key=lambda s: s.start)

    # Known names -------------------------------------------------------------------------

    def _taken(self, spans: list[tuple[int, int]]) -> set[int]:
        """Starts of the words inside the given spans."""
        starts = list(itertools.chain.from_iterable(w.starts for w in self.sentences))
        taken: set[int] = set()
        for start, end in spans:
            first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            taken.update(starts[first:last])
        return taken

    def _known(self, toks: Words) -> list[EntityMention]:
        found: list[EntityMention] = []
        end = -1
        first_tokens = self.gaz.first_tokens
        for i in toks.name_heads():
            if toks.starts[i] < end:
                continue
            key = _first_key(toks.texts[i])
            if key is not None and key not in first_tokens:
                continue  # no listed name starts with this word
            mention = self._longest_at(toks, i)
            if mention is not None:
                found.append(mention)
                end = mention.end
        return found

    def _longest_at(self, toks: Words, i: int) -> EntityMention | None:
        core = _core(toks.texts[i])
        if not core:
            return None
        first_core = core[0] if core[0] not in ARTICLES or len(core) == 1 else core[1]
        standalone_article = core[0] in {"al", "el"} and i + 1 < len(toks)
        starts_name = (
            toks.caps[i]
            or (len(core) > 1 and core[0] in ARTICLES)
            or (standalone_article and toks.caps[i + 1])
        )
        if not starts_name:
            return None
        if len(core) == 1 and core[0] in ARTICLES and i + 1 < len(toks):
            if core[0] == "an" and toks.texts[i + 1][:1] not in "nN":
                return None  # English "an" ("An AK Party deputy"): Arabic assimilates only to n
            first_core = fold(toks.texts[i + 1]).split("-")[0]
        if loose_key(first_core) not in self.gaz.first_tokens:
            return None
        head = toks[i]
        for j in range(self._last_word(toks, i), i - 1, -1):
            if j > i and not toks.name_cased(j):
                continue
            end = toks[j].end
            text = self.doc.text[head.start : end]
            entries = self._match(text, head, single=j == i)
            if entries:
                return EntityMention(head.start, end, text, entries)
        return None

    def _last_word(self, toks: Words, i: int) -> int:
        """The last word a listed name starting at word ``i`` may reach: up to punctuation and
        MAX_NAME_TOKENS words, and before its second name word when no listed name starts
        with its first two ("The government": no name starts "the government")."""
        found: list[str] = []
        last = i
        while True:
            for part in _core(toks.texts[last]):
                if part not in ARTICLES and len(found) < 2:
                    found.append(loose_key(part))
                    if len(found) == 2 and " ".join(found) not in self.gaz.first_pairs:
                        return last - 1
            if last + 1 >= len(toks) or last - i + 1 >= MAX_NAME_TOKENS or toks.gap_after(last):
                return last
            last += 1

    def _match(self, text: str, head: Token, single: bool) -> tuple[Entry, ...]:
        entries = self.gaz.exact(text)
        if not entries:
            return ()
        if single:
            word = fold(text)
            common = zipf(word)
            if any(e.type in {"country", "region"} for e in entries):
                pass
            elif common >= 4.3 or (head.first and common >= 3.0):
                return ()
        key = loose_key(text)
        kept = []
        for entry in entries:
            forms = [n for n in entry.names if loose_key(n) == key]
            if forms and all(f.isupper() for f in forms) and not text.isupper():
                continue  # an acronym matches only in capitals ("IS", not "Is")
            kept.append(entry)
        if text.isupper():  # an acronym letter for letter: "PPK" is not the PKK
            exact = [e for e in kept if any(_letters(n) == _letters(text) for n in e.names)]
            return tuple(exact or kept)
        return tuple(kept)

    def _in_region(self, mentions: list[EntityMention]) -> list[EntityMention]:
        """Drop the matches of world-tier places far from the countries the text is about
        ("Baiyi", a village in China, in a story on Tikrit): the word is then an unknown name."""
        local = [m for m in mentions if not _world_only(m)]
        if len(local) == len(mentions):
            return mentions
        context = Context(self.gaz, local, self.sentences)
        if not context.countries:
            return mentions
        kept = []
        for mention in mentions:
            if _world_only(mention):
                entries = [e for e in mention.entries if e.population >= FAMOUS]
                entries += context.in_region(list(mention.entries))
                if not entries:
                    continue
                mention = replace(mention, entries=tuple(dict.fromkeys(entries)))
            kept.append(mention)
        return kept

    def _respelled(self, mentions: list[EntityMention]) -> list[Suspect]:
        """Full names (two words or more) of curated people and bodies in an unlisted
        spelling ("Emomali Rakhmon", "Asaad Hassan al-Chibani"), found before their words
        match other entries one by one ("Asaad" as Assad, "Hassan" as a town)."""
        found = []
        inside = _container([(m.start, m.end) for m in mentions])
        for toks in self.sentences:
            for run in runs(self.doc, toks, set(), shortest=2):
                if inside(run.start, run.end):
                    continue  # inside a listed name
                suspect = self._respelled_run(run)
                if suspect is not None and not any(_overlap(suspect, s) for s in found):
                    found.append(suspect)
        return found

    def _ends_a_longer_name(self, run: Run, entry: Entry) -> bool:
        """Whether a body's (party, agency, group ...) run follows a capitalised word that is
        no common English word ("Ras", not "The" or "Today"): then it ends another name."""
        if entry.type not in BODIES:
            return False
        match = _WORD_BEFORE.search(self.doc.text[max(0, run.start - 40) : run.start])
        return match is not None and zipf(match.group(1).lower()) < COMMON_WORD

    def _respelled_run(self, run: Run) -> Suspect | None:
        """The run, or its tail after titles ("Prime Minister ..."), as an unlisted spelling
        of a curated full name (NM102), or as a garbled one: the same given names and a
        surname alike in sound ("Amos Hokstein" for Amos Hochstein, NM101); None when a tail
        is listed as written."""
        words = [t for t in run.tokens if not is_connector(t)]
        surname = core_tokens(words[-1].text)
        if not surname or len(phonemes(surname[-1])) < 3:
            return None  # a person is told by a surname of three sounds or more ...
        rarity = zipf(surname[-1])
        listed = phonemes(surname[-1]) in self.gaz.full_names
        if rarity >= GIVEN_NAME_SURNAME and not listed:
            return None
        joined = "".join(core_tokens(words[-2].text)) + surname[-1]
        near = [_near_surname(self.gaz, s) for s in (surname[-1], joined)]
        if not any(near):
            return None  # no listed full name has a surname like it
        tails = [self.doc.text[words[k].start : run.end] for k in range(len(words) - 1)]
        if any(self.gaz.exact(text) for text in tails):
            return None
        # ... rare in English, or a listed person's ("Erdogan"), for a respelled name
        respelled = rarity < 2.5 or listed
        for k in range(max(0, len(words) - 4), len(words) - 1):
            text = tails[k]
            for candidates in near:
                for entry, name, span in candidates:
                    found = self._full_name_match(text, entry, name, span, respelled)
                    if found is not None:
                        reason, similarity = found
                        scored = Scored(entry, entry.canonical, similarity, 1.0, 1)
                        confidence = 0.8 if reason == "spelling" else 0.85
                        return Suspect(
                            words[k].start, run.end, text, (scored,), reason, confidence, "curated"
                        )
        return None

    def _full_name_match(
        self, text: str, entry: Entry, name: str, span: int, respelled: bool
    ) -> tuple[str, float] | None:
        """("spelling", similarity) when ``text`` spells the full ``name`` otherwise (with
        Turkish letter values for a Turkish name); ("garbled", similarity) when it has the
        same given names and a surname alike in sound; else None."""
        given, listed = core_tokens(text), core_tokens(name)
        garbled_shape = (
            entry.type == "person"
            and entry.country not in PINYIN_COUNTRIES
            and len(given) > span  # (a Chinese name starts with its surname: "Li" is shared)
            and len(listed) > span
            and len("".join(given[:-1])) >= 4
            and len(phonemes(given[-1])) >= 4
        )
        if not (respelled or garbled_shape):
            return None  # the full names' distance (the costly part) decides nothing here
        read = name
        if entry.country in TURKISH_ALPHABET and not _spelling_variant(text, name):
            read = turkish_read(name)  # "Rajab Tayyib Erdogan": Recep read as Turkish
        # Either outcome needs this similarity; a name far below it is not aligned to the end.
        least = min(SPELLING_VARIANT, GARBLED_FULL_NAME) if garbled_shape else SPELLING_VARIANT
        gap = distance_at_least(text, read, least)
        if gap is None or _other_pinyin_name(text, entry) or _other_word(text, entry, name):
            return None
        if respelled and gap.is_spelling_variant:
            return "spelling", gap.similarity
        if not garbled_shape:
            return None
        same_given = loose_key(" ".join(given[:-1])) == loose_key(" ".join(listed[:-span]))
        if not same_given and span == 2:
            same_given = loose_key(" ".join(given[:-2])) == loose_key(" ".join(listed[:-span]))
        if (
            same_given
            and gap.similarity >= GARBLED_FULL_NAME
            and distance(given[-1], "".join(listed[-span:])).similarity >= GARBLED_SURNAME
        ):
            return "garbled", gap.similarity
        return None

    def _foreign(self, mention: EntityMention) -> Suspect | None:
        """A listed name in another language's form (Lizbon, Khudzhand, CEDEAO, İmamoğlu)."""
        if is_demonym(mention.text) or self._inside_longer_name(mention):
            return None
        key = loose_key(mention.text)
        entries = [e for e in mention.entries if not e.source.startswith("ISO 3166-2")]
        entries = _foreign_acronym_owners(mention.text, entries) or entries or list(mention.entries)
        # Another place's own name ("Kamisli", Turkey) is no foreign form of this one.
        if any(e.is_world and loose_key(e.canonical) == key for e in entries[1:]):
            return None
        entry = entries[0]
        dateline = bool(DATELINE.match(self.doc.text, mention.end)) and (
            mention.start == 0 or self.doc.text[mention.start - 1] == "\n"
        )
        basis = foreign_form(
            mention.text, entry, self.context.countries, self.gaz.accepted, dateline
        )
        if not basis:
            return None
        scored = Scored(entry, _english_form(mention.text, entry), 1.0, 1.0, 1)
        confidence = 0.9 if not entry.is_world or entry.population >= FAMOUS else 0.8
        return Suspect(
            mention.start, mention.end, mention.text, (scored,), "foreign", confidence, basis
        )

    def _reading(self, mention: EntityMention) -> Suspect | None:
        """A listed name written as another language writes or reads it: the Arabic article
        assimilated where English news keeps al- ("Ahmed ash-Sharaa", "Es-Suweida"); the
        Persian ezafe English drops ("Bandar-e Abbas"); some words of a name stripped of
        their letters and others not ("Ozgur Özel"); a Turkish name read with Turkish letter
        values ("Jihan" for Ceyhan)."""
        entry = mention.entry
        if is_demonym(mention.text) or self._inside_longer_name(mention):
            return None
        text, name = mention.text, entry.canonical
        if not entry.is_world and assimilated_article(text, entry, self.gaz.accepted_forms):
            basis = "article"
        elif ezafe(text, entry):
            basis = "ezafe"
        elif listed := half_stripped(text, entry):
            basis, name = "letters", listed
        elif listed := self._doubling(text, entry):
            basis, name = "doubling", listed
        elif (
            entry.country in TURKISH_ALPHABET
            and entry.country in self.context.countries  # a story that names Turkey
            and name_zipf(text) < ATTESTED_WORD  # "Chili" is no Çiğli
            and turkish_reading(text, entry)
        ):
            basis = "turkish"
        else:
            return None
        scored = Scored(entry, name, 1.0, 1.0, 1)
        return Suspect(mention.start, mention.end, text, (scored,), "foreign", 0.85, basis)

    def _doubling(self, text: str, entry: Entry) -> str:
        """The listed name of a curated person or body of a Latin-script country that
        ``text`` writes with a letter doubled or single where the name is not ("Josep Borel"
        for Josep Borrell; Arabic names, whose doubling varies in English, are left alone)."""
        if (
            entry.is_world
            or text.isupper()  # an acronym: "CTV" is no CCTV
            or entry.type not in SPELLED_ONE_WAY
            or entry.country in ARABIC_SCRIPT
            or not entry.country
        ):
            return ""
        written = " ".join(tokens(text))
        same = [n for n in entry.names if loose_key(n) == loose_key(text)]
        if not same or any(" ".join(tokens(n)) == written for n in same):
            return ""
        return same[0]

    def _inside_longer_name(self, mention: EntityMention) -> bool:
        """Whether a capitalised word other than a common one joins the mention on either
        side ("Nawaz Sharif": a person's name, not the place)."""
        text = self.doc.text
        before = re.search(r"(\w+)[ -]$", text[max(0, mention.start - 40) : mention.start])
        after = re.match(r"[ -](\w+)", text[mention.end : mention.end + 40])
        for match in (before, after):
            if match is None:
                continue
            word = match.group(1)
            known = self.gaz.exact(word)
            if ("-" in match.group(0) and known) or any(not e.world_tier for e in known):
                continue  # two names side by side ("Kirkuk-Ceyhan", "Moldova Maya Sandu")
            if word[:1].isupper() and zipf(fold(word)) < 3.5 and not is_demonym(word):
                return True
        return False

    # Unknown names -----------------------------------------------------------------------

    def _fuzzy_allowed(self, mentions: list[EntityMention]) -> bool:
        """Search unknown names only in texts about the region or translated from its languages."""
        if self.source_lang in TRANSLITERATED:
            return True
        regional = {
            m.entry.canonical
            for m in mentions
            if not m.entry.source.startswith("ISO") and m.entry.country not in ENGLISH_NEWS
        }
        regional -= {m.entry.canonical for m in mentions if _world_only(m)}
        return len(regional) >= 2 or self._towns_of_one_country(mentions)

    def _towns_of_one_country(self, mentions: list[EntityMention]) -> bool:
        """Whether the text names REGIONAL_TOWNS towns of one country English news does not
        write its own names for, each by a listed name and of 15,000 people or more (a story
        from Kashmir naming Muzaffarabad, Mirpur and Kotli): the text is about the region
        though the curated list names none of its people."""
        towns: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            entry = m.entry
            if (
                m.listed
                and entry.is_place
                and entry.type != "country"
                and entry.country not in ENGLISH_NEWS
                and entry.population >= EXONYM_POPULATION
                and loose_key(m.text) in {loose_key(n) for n in entry.names}
            ):
                towns[entry.country].add(entry.canonical)
        return any(len(names) >= REGIONAL_TOWNS for names in towns.values())

    def _resolve(self, run: Run) -> EntityMention | Suspect | None:
        content = [t for t in run.tokens if not is_connector(t)]
        # A title before a surname ("President Pzshkian") is no part of it ("King Fahd" may
        # also name a causeway); a full name after a title is left whole, as its bearer spells it.
        if (
            len(run.tokens) == 2
            and content[0].lower in titles()
            and not self.gaz.exact(run.text(self.doc))
        ):
            return self._resolve(Run(run.tokens[1:], run.cue, run.direction))
        if not content or all(t.text.isupper() and len(t.text) <= 5 for t in content):
            return None
        if all(is_demonym(t.text) for t in content):
            return None  # "Yemenis", "Syrian's": never a name to replace
        rarity = [zipf(fold(t.text)) for t in content]
        # English words, unless an Arabic article stands between two of them ("Deer Al Blah")
        inner_article = any(t.lower in ARTICLES for t in run.tokens[1:-1])
        if min(rarity) >= 3.0 and run.cue != "operation" and not inner_article:
            return None
        text = run.text(self.doc)
        ranked = self._rank(text, run)
        if not ranked:
            return self._unrecognised(run, text, ranked)
        best = ranked[0]
        if _adjective_of(text, best.name):
            return None  # "the Transnistrian administration": English's adjective of the place
        # A common English word of the run that the name lacks ("Jim" Furyk): not this name;
        # unless it respells a word of the name ("Deer Al Blah": Deir al-Balah's "Dier").
        name_words = set(core_tokens(best.name))
        english = [
            t
            for t, r in zip(content, rarity, strict=True)
            if r >= 3.5 and not set(core_tokens(t.text)) <= name_words
        ]  # ("el-Sheikh" is Sharm el-Sheikh's "sheikh")
        respelled = [
            t for t in english if any(distance(t.text, w).is_spelling_variant for w in name_words)
        ]
        if run.cue != "operation" and len(respelled) < len(english):
            return None
        gap = distance(text, best.name)
        if best.entry.country in TURKISH_ALPHABET:  # "Jizre": Cizre as Turkish reads it
            gap = min(gap, distance(text, turkish_read(best.name)), key=lambda d: d.cost)
        lower = [t for t in content if not t.name_cased]
        curated = not best.entry.is_world and not best.entry.source.startswith("ISO")
        if gap.is_spelling_variant and self._ends_a_longer_name(run, best.entry):
            return None  # "Ras El-Hikma": a body's name ending a longer name is part of it
        if gap.is_spelling_variant:
            if lower and best.name[:1].isupper():
                return self._suspect(run, text, ranked, "case", 0.85) if curated else None
            if len(phonemes(text)) < 5:
                return None  # too short to tell a variant from another name
            if (
                curated
                and best.entry.type in SPELLED_ONE_WAY
                and self._full_name(run, best)
                and not _other_pinyin_name(text, best.entry)
                and not _other_word(text, best.entry, best.name)
            ):
                return self._suspect(run, text, ranked[:1], "spelling", 0.8)
            english = (Scored(best.entry, best.entry.canonical, 1.0, 1.0, 1),)
            if self._vowel_dropped(text, best):
                return self._suspect(run, text, english, "spelling", 0.7)
            if self._turkish_letters(text, best):
                found = self._suspect(run, text, english, "foreign", 0.75)
                return replace(found, basis="turkish-letters")
            return EntityMention(run.start, run.end, text, (best.entry,), listed=False)
        plural = text.endswith("s") and not text.endswith("ss") and best.support >= 1
        if curated and plural and distance(text[:-1], best.name).is_spelling_variant:
            return self._suspect(run, text, ranked, "number", 0.85)
        close = best.similarity >= GARBLED_MIN_SIMILARITY and best.score >= GARBLED_MIN_SCORE
        # Less alike, but the context points to it alone ("Nanabieh" near Tyre: Nabatieh).
        placed = best.similarity >= GARBLED_PLACED_SIMILARITY and best.score >= GARBLED_PLACED_SCORE
        # A GeoNames place only for a name written as one ("fourballs" is no Faribault).
        trusted = curated or (not lower and self._placed(best, ranked, rarity))
        if (
            (close or placed)
            and best.support >= 1
            and trusted
            and not self._person_as_place(run, content, best)
            and not self._names_a_facility(run)
        ):
            margin = best.score - ranked[1].score if len(ranked) > 1 else 0.2
            confidence = min(0.97, best.score - 0.1 + min(margin, 0.15))
            return self._suspect(run, text, ranked, "garbled", confidence)
        return self._unrecognised(run, text, ranked)

    def _vowel_dropped(self, text: str, best: Scored) -> bool:
        """A place of a country the text names, written without a short vowel its English
        name has, with one it lacks ("Rawlakot" for Rawalakot) or, in a country of Arabic
        script, with another ("Khaniwal" for Khanewal): the source script leaves short vowels
        unwritten, and English news writes the place one way."""
        entry = best.entry
        return (
            entry.is_place
            and best.name == entry.canonical
            and entry.country in self.context.countries
            and (
                vowel_unwritten(text, entry.canonical)
                # another vowel only where the script leaves it unwritten ("Jinglung" is no
                # Jinglong: pinyin writes every vowel)
                or (entry.country in ARABIC_SCRIPT and short_vowel_changed(text, entry.canonical))
            )
            and name_zipf(text) < ATTESTED
        )

    def _turkish_letters(self, text: str, best: Scored) -> bool:
        """A name outside Turkey written with Turkish letter values ("Menbic" for Manbij,
        "Cerablus" for Jarabulus: c for j): read as Turkish reads it, the text is nearer the
        English name than as written, and it is a curated name or a place of 15,000 people."""
        entry = best.entry
        if entry.country in TURKISH_ALPHABET or "c" not in text.lower():
            return False
        if entry.is_world and entry.population < EXONYM_POPULATION:
            return False
        read = distance(turkish_read(text), entry.canonical)
        return read.is_spelling_variant and read.cost < distance(text, entry.canonical).cost

    def _person_as_place(self, run: Run, content: list[Token], best: Scored) -> bool:
        """A person's name read as a place: a full name that starts with a given name the
        place's name lacks ("Soheila Golestani" is an actress, not the town of Golestan), or
        a given name before a capitalised word ("Hatice Karahan": not Hatay)."""
        if best.entry.type not in {"place", "base", "region", "country"}:
            return False
        first = core_tokens(content[0].text)
        if not first or first[0] not in given_names() or first[0] in ARTICLES:
            return False
        if len(content) == 1:
            return bool(re.match(r" [A-Z]\w", self.doc.text[run.end : run.end + 3]))
        listed = core_tokens(best.name)
        return not listed or distance(first[0], listed[0]).similarity < GARBLED_SURNAME

    def _names_a_facility(self, run: Run) -> bool:
        """Whether the run, here or at another mention, is a building's or site's own name
        ("the Tinmel Mosque", "the Kartalkaya ski resort", "the central prison of Munzenze"):
        local names no gazetteer lists, so a listed town that looks alike is no evidence of
        garbling."""
        text, nouns = self.doc.text, facility_nouns()
        name = re.escape(text[run.start : run.end])
        for mention in re.finditer(rf"(?<!\w){name}(?!\w)", text):  # this or another mention
            after = _FACILITY_AFTER.match(text, mention.end())
            before = _FACILITY_BEFORE.search(text[max(0, mention.start() - 40) : mention.start()])
            if (after and after.group(1).lower() in nouns) or (
                before and before.group(1).lower() in nouns
            ):
                return True
        return False

    def _placed(self, best: Scored, ranked: list[Scored], rarity: list[float]) -> bool:
        """Whether a GeoNames place is a safe enough reading of a garbled name: similarity,
        geography and frequency agree. The place is in a country the text names, near a place
        it names or in the direction it gives, the garbled words are no English usage, and no
        other place is nearly as good."""
        entry = best.entry
        margin = best.score - ranked[1].score if len(ranked) > 1 else 1.0
        nearest = self.context.nearest_km(entry)
        return (
            (entry.country in self.context.countries or (nearest is not None and nearest < 250))
            and max(rarity) < ATTESTED
            and margin >= 0.03
            and (best.support >= 2 or entry.population >= 10_000)
        )

    def _full_name(self, run: Run, best: Scored) -> bool:
        """A person is recognised from a full name (two words or more), a group or body from
        any one-word name of five sounds or more."""
        words = [t for t in run.tokens if not is_connector(t) and t.lower not in ARTICLES]
        if len(words) >= 2 or best.entry.type != "person":
            return True
        # ... or from a listed surname of six sounds or more, written in a form no English
        # word has ("Zhaparov" for Japarov; "Omicron" is no Macron).
        # The person's country must be one the text names ("Omarov" in a story on Dagestan
        # is no Umerov of Ukraine).
        text = run.text(self.doc)
        return (
            " " not in best.name.strip()
            and len(phonemes(best.name)) >= 6
            and name_zipf(text) < ATTESTED
            and best.entry.country in self.context.countries
        )

    def _continued(self, mention: EntityMention, run: Run, toks: Words) -> Suspect | None:
        """A known name whose next words make it a garbled longer name: "Ain ar-Asadh" is
        Ain al-Asad, not the town of Ain; "Erbil Internatiomal Airporb"."""
        first = bisect.bisect_left(toks.starts, mention.start)
        head = tuple(toks[k] for k in range(first, len(toks)) if toks.starts[k] < mention.end)
        cue = run.cue or cue_before(toks.lowers, first)
        found = self._resolve(Run(head + run.tokens, cue, run.direction))
        if not isinstance(found, Suspect) or found.reason not in {"garbled", "spelling"}:
            return None
        name, known = core_tokens(found.candidates[0].name), core_tokens(mention.text)
        longer = len(name) > len(known) and found.candidates[0].entry is not mention.entry
        # ... and begins with the known name ("Diyala Governorate" is not Anbar Governorate).
        return found if longer and distance(name[0], known[0]).is_spelling_variant else None

    def _unrecognised(self, run: Run, text: str, ranked: list[Scored]) -> Suspect | None:
        """A name close to no listed one whose spelling looks garbled (a rare word with
        letter sequences MT errors produce), where the context implies a name. The nearest
        listed name comes along when it is somewhat alike (a hint, not a correction)."""
        before, after = (
            self.doc.text[run.start - 1 : run.start],
            self.doc.text[run.end : run.end + 1],
        )
        if before and after and before in QUOTES and after in QUOTES:
            return None  # a quoted name (a ship, a title, a code name) is whatever its owner chose
        content = [t for t in run.tokens if not is_connector(t)]
        if len(content) >= 2 and content[0].lower in given_names():
            return None  # a person's full name: the surname is spelled as its bearer spells it
        lower = not all(t.name_cased for t in content)
        # People's names are romanized every way (French, English); the list has few.
        cued = run.cue not in {"", "person"}
        needed = UNRECOGNISED_CUED if cued or lower else UNRECOGNISED_BARE
        probability = garbled_probability(text)
        if probability < needed:
            return None
        confidence = round(0.3 + 0.3 * (probability - needed) / (1 - needed), 3)
        hint = tuple(
            s for s in ranked[:1] if s.similarity >= UNRECOGNISED_HINT and not s.entry.is_world
        )
        return Suspect(run.start, run.end, text, hint, "unrecognised", confidence)

    def _rank(self, text: str, run: Run) -> list[Scored]:
        """Candidates by score in context; world-tier places far from the text's countries
        are left out (a village in Côte d'Ivoire is no reading of a name near Hammamet)."""
        found = self.gaz.search(text, limit=SEARCHED)
        near = {
            id(e) for e in self.context.in_region([c.entry for c in found if c.entry.world_tier])
        }
        scored = [
            Scored(c.entry, c.name, c.similarity, *self.context.score(c, run))
            for c in found
            if not c.entry.world_tier or id(c.entry) in near
        ]
        return sorted(scored, key=lambda s: -s.score)

    def _suspect(
        self, run: Run, text: str, ranked: list[Scored], reason: str, confidence: float
    ) -> Suspect:
        best = ranked[0].score
        kept = tuple(s for s in ranked if s.score >= best - 0.12)[:3]
        basis = "GeoNames" if kept[0].entry.is_world else "curated"
        return Suspect(run.start, run.end, text, kept, reason, round(confidence, 3), basis)

    # Translated names --------------------------------------------------------------------

    def _renamed(self, mentions: list[EntityMention]) -> list[Renamed]:
        """Capitalised runs of ordinary words that almost name a curated entity."""
        found = []
        vocabulary = self.gaz.words.vocabulary
        for toks in self.sentences:
            if sum(toks.caps) < 3:
                continue
            if len(name_words(toks, vocabulary)) + len(toks.unplain()) < 2:
                continue  # fewer than two words that may be a listed name's words
            kept = run_words(toks, vocabulary)
            if not self.gaz.words.may_name(" ".join(toks.texts[k] for k in kept)):
                continue  # ... among the words that may form a run
            for run in runs(self.doc, toks, set(), shortest=3, joining=TITLE_JOINING):
                text = run.text(self.doc)
                if self.gaz.exact(text):
                    continue
                reworded = self.gaz.words.reworded(text)
                if reworded is not None:
                    if not any(m.start <= run.start and run.end <= m.end for m in mentions):
                        found.append(
                            Renamed(run.start, run.end, text, reworded[0], 1.0, reworded[1])
                        )
                    continue
                match = self.gaz.words.best(text)
                if match is None:
                    continue
                entry, score = match
                if any(distance(text, name).similarity >= RESPELLED for name in entry.names):
                    continue  # a variant or garbled spelling ("Hayat Tahrir al-Cham", "Erbil
                    # Internatiomal Airporb"), not a translation: the sound search's
                inner = [m for m in mentions if run.start <= m.start and m.end <= run.end]
                if any(m.entry is entry for m in inner):
                    continue  # the usual name plus words around it ("Ain al-Asad Air Base")
                if any(m.start <= run.start and run.end <= m.end for m in mentions):
                    continue  # part of a listed name ("Islamic State of Iraq and the Levant")
                if self._names_another(run, entry):
                    continue
                found.append(Renamed(run.start, run.end, text, entry, score))
        return found

    def _names_another(self, run: Run, entry: Entry) -> bool:
        """Whether a word of the run that the entity's names lack names something else: an
        acronym ("CPC National Congress" is no Indian National Congress) or a place of
        another country ("Party Congress of Hunan")."""
        own = {w for name in entry.names for w in core_tokens(name)}
        for token in run.tokens:
            word = fold(token.text)
            if word in own or is_connector(token) or not token.name_cased:
                continue
            if token.text.isupper() and len(token.text) >= 2:
                return True
            if zipf(word) >= 3.0:
                continue  # an English word ("Economy"), whatever place bears it
            places = [e for e in self.gaz.exact(token.text) if e.is_place]
            if places and all(e.country != entry.country for e in places):
                return True
        return False


def _letters(name: str) -> str:
    """The letters of an acronym, upper-case ("U.N." -> "UN")."""
    return "".join(c for c in name if c.isalpha()).upper()


def _english_form(text: str, entry: Entry) -> str:
    """The English name to write for ``text``: for an acronym (TCMB, CEDEAO) the entity's
    first one-word English name (CBRT, ECOWAS), else its canonical name."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        short = [n for n in entry.variants if " " not in n and n.isascii() and n[:1].isupper()]
        if short:
            return short[0]
    return entry.canonical


_WORD_BEFORE = re.compile(r"\b([A-Z][\w']*) $")


def _container(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether [start, end) lies inside one of ``spans`` (by bisection: linear
    in a long text's names, not quadratic)."""
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))

    def inside(start: int, end: int) -> bool:
        last = bisect.bisect_right(starts, start) - 1
        return last >= 0 and reach[last] >= end

    return inside


def _overlap(a: EntityMention | Suspect, b: EntityMention | Suspect) -> bool:
    return a.start < b.end and b.start < a.end


def _world_only(mention: EntityMention) -> bool:
    """Whether a mention matched world-tier places only (no curated or in-memory entry)."""
    return all(e.world_tier for e in mention.entries)


@functools.lru_cache(maxsize=16384)
def _other_pinyin_name(text: str, entry: Entry) -> bool:
    """A Chinese name written in pinyin that differs from the listed one is another person's
    ("Li Cong" is not Li Qiang; "Wanghu Ning" is Wang Huning re-split): pinyin is one
    romanization, not a family of spellings."""
    from toolkit.names.joins import pinyin_word

    if entry.country not in PINYIN_COUNTRIES or not all(map(pinyin_word, core_tokens(text))):
        return False
    letters = {"".join(core_tokens(n)) for n in entry.names}
    return "".join(core_tokens(text)) not in letters


def _other_word(text: str, entry: Entry, name: str) -> bool:
    """A word of a body's name that the listed name lacks and English uses ("Europa League"
    is no Arab League): the name is another body's, not a respelling."""
    if entry.type == "person":
        return False
    listed = set(core_tokens(name))
    return any(zipf(word) >= ATTESTED_WORD and word not in listed for word in core_tokens(text))


def _spelling_variant(a: str, b: str) -> bool:
    """``distance(a, b).is_spelling_variant``, without aligning names far apart."""
    gap = distance_at_least(a, b, SPELLING_VARIANT)
    return gap is not None and gap.is_spelling_variant


def _near_surname(gaz: Gazetteer, surname: str) -> list[tuple[Entry, str, int]]:
    """Curated full names of people and bodies (SPELLED_ONE_WAY) whose surname is alike in
    sound to ``surname`` (a spelling variant, or GARBLED_SURNAME alike)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    sound = phonemes(surname)
    indexed = _SURNAMES.get(gaz)
    if indexed is None:
        indexed = _SURNAMES[gaz] = (list(gaz.full_names), {})
    keys, cache = indexed
    if sound not in cache:
        index = gaz.full_names
        near = process.extract(
            sound, keys, scorer=Levenshtein.normalized_similarity, limit=8, score_cutoff=0.5
        )
        if len(cache) >= SURNAME_CACHE:
            cache.clear()
        cache[sound] = [
            found
            for other, _, _ in near
            if alike(sound, other, GARBLED_SURNAME)
            for found in index[other]
            if found[0].type in SPELLED_ONE_WAY
        ]
    return cache[sound]


@functools.lru_cache(maxsize=65536)
def _first_key(word: str) -> str | None:
    """The key of the first name word of ``word`` (after its article: "al-Sakhar" -> sakhar),
    or None for a bare article, whose name word is the next word."""
    core = _core(word)
    if not core:
        return ""
    if core[0] in ARTICLES:
        return None if len(core) == 1 else loose_key(core[1])
    return loose_key(core[0])


@functools.lru_cache(maxsize=65536)
def _core(word: str) -> tuple[str, ...]:
    """A word's folded parts ("al-Sakhar": al, sakhar)."""
    return tuple(t for t in re.split(r"[^a-z0-9]+", fold(word)) if t)


_FACILITY_AFTER = re.compile(r"\s+(?:ski\s+)?([A-Za-z]+)\b")
_FACILITY_BEFORE = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$")


_ADJECTIVE_ENDINGS = ("n", "an", "ian", "i", "ese", "ish")


def _adjective_of(text: str, name: str) -> bool:
    """Whether ``text`` is the English adjective of the place ``name``: the name and an
    adjectival ending ("Transnistrian", "Kurdistani", "Taiwanese"), not a garbled name."""
    lower, base = text.lower(), name.lower()
    return " " not in lower and lower.startswith(base) and lower[len(base) :] in _ADJECTIVE_ENDINGS


def _foreign_acronym_owners(text: str, entries: list[Entry]) -> list[Entry]:
    """The curated bodies that list ``text``, a word in capitals, as another language's
    acronym (OTAN, AIEA): running text writes a place's name in capitals only in a
    dateline, so they outrank the towns that share the letters (Otan, Nigeria; Aiea)."""
    if len(text) < 2 or not text.isupper():
        return []
    return [e for e in entries if not e.is_place and text in e.foreign]
