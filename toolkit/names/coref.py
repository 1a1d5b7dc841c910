"""One entity, one name: the entities of a document, their canonical names and the mentions
that deviate from them.

Mentions (``mentions.py``) are read in order. A mention joins the entity one of whose
mentions it aligns with (``variants.align``): the same name, a short form ("Assad" after
"Bashar al-Assad"; titles never count), or a re-transliteration ("Asad", "Şimşek" after
"Simsek", "Ding Ri" after "Dingri", "Eternity Sea" after "Eternity C"). Three more kinds of
evidence join names whose spellings are unrelated: an acronym the article defines ("SOMO",
then "Sumo"), a country's English name and a foreign or Soviet-era one ("Kyrgyzstan",
"Kirghizia"), and two names the gazetteer gives one entity ("Kataib Hezbollah", "Hezbollah
Brigades"; "Xigaze", "Rikaze").

Each name word of an entity takes one spelling: the gazetteer's canonical form when the
article uses it (diacritics apart: the article's own convention decides those), else the
most frequent spelling, else the one more common in English, else the first. Every mention
written otherwise is a ``Deviation``, with the canonical spelling as its replacement.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.document import Document
from toolkit.names.frequency import zipf
from toolkit.names.gazetteer import Entry, Gazetteer
from toolkit.names.mentions import (
    Mention,
    Token,
    headline,
    mention_at,
    mentions,
    plain,
    sound,
    spelling_key,
)
from toolkit.names.normalize import core_tokens, loose_key
from toolkit.names.renderings import CAPITAL, bodies, same_body, translations
from toolkit.names.variants import SAME, Pair, align, spelled_alike, token_relation
from toolkit.resources import corpus_path, iter_tsv

ENGLISH = 4.5  # Zipf of a common English word, never a respelled name ("Live", "Livi")
PROMINENT = 15_000  # people in a GeoNames place whose name counts as listed
ENGLISH_NAME = 4.0  # Zipf of each word of a body's English name ("Defence Ministry")
GIVEN = 3.5  # Zipf of a common given name ("Ahmed", "Ali")
ESTABLISHED = 3.0  # Zipf from which both spellings are established names ("Hasan", "Hassan")
_GLOSS = re.compile(
    r"\s*(?:\(|\[|,|-|–|—)?\s*(?:or|aka|a\.k\.a\.|also|formerly|previously|(?:also\s+|better\s+|"
    r"formerly\s+)?(?:known|called|named|spelt|spelled)(?:\s+as)?|i\.e\.|the|in\s+\w+)?\s*"
    r"(?:\(|,)?\s*[\"“‘']?\s*",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\s*[(\[]\s*")  # "NATO (OTAN"
_CONFIDENCE = {
    "diacritics": 0.85,
    "spelling": 0.75,
    "split": 0.75,
    "letter": 0.75,
    "acronym": 0.75,
    "country": 0.85,
    "alias": 0.75,
    "surname": 0.6,
    "alternative": 0.7,
    "translation": 0.6,
    "order": 0.7,
    "foreign": 0.75,
}
_STRONG, _SURNAME, _BARE = "name", "surname", "bare"


@dataclass(frozen=True, slots=True)
class Deviation:
    """A mention (or the words of it in ``start``-``end``) written otherwise than its entity."""

    start: int
    end: int
    text: str
    replacement: str
    mention: Mention
    canonical: str  # the entity's name in its canonical form
    kind: str  # a key of _CONFIDENCE: diacritics, spelling, split, alias, order, ...
    entry: Entry | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of the document: its canonical name, its gazetteer entry if any, and every
    mention (offsets into the document)."""

    canonical: str
    type: str
    mentions: tuple[Mention, ...]
    entry: Entry | None = None


class Resolution:
    """The deviating mentions of a document, and (computed when asked) its entities."""

    def __init__(self, resolver: _Resolver, deviations: list[Deviation]) -> None:
        self._resolver = resolver
        self.deviations = tuple(deviations)

    @functools.cached_property
    def entities(self) -> tuple[Entity, ...]:
        """One entity per cluster of mentions; clusters that name one curated gazetteer
        entity under unrelated names ("Kataib Hezbollah", "Hezbollah Brigades") are one."""
        found = [self._resolver.entity(c) for c in self._resolver.clusters]
        merged: dict[int, list[Entity]] = defaultdict(list)
        for entity in found:
            one = entity.entry is not None and not entity.entry.is_world
            merged[id(entity.entry) if one else id(entity)].append(entity)
        return tuple(_merge(group) for group in merged.values())


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def resolve(
    doc: Document, gazetteer: Gazetteer | None = None, source_lang: str | None = None
) -> Resolution:
    """The entities of ``doc`` and the mentions that deviate (computed once per document;
    ``source_lang`` as the names check has it, so both share one name analysis)."""
    per_doc = _CACHE.setdefault(doc, {})
    key = (id(gazetteer), source_lang)
    if key not in per_doc:
        per_doc[key] = _Resolver(doc, gazetteer, source_lang).run()
    return per_doc[key]


def document_entities(doc: Document, gazetteer: Gazetteer | None = None) -> list[Entity]:
    """The document's entities, most mentioned first, each with its canonical name and the
    offsets of its mentions (for briefings: one name per entity)."""
    return sorted(resolve(doc, gazetteer).entities, key=lambda e: -len(e.mentions))


class _Cluster:
    """Mentions taken for one entity, and which of their tokens are one name word."""

    def __init__(self, mention: Mention, order: int) -> None:
        self.order = order
        self.mentions = [mention]
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}  # token node -> parent
        self.variants: list[tuple[Pair, str]] = []  # variant pairs and their evidence
        self.where: dict[tuple[int, int], Mention] = {}  # token node -> its mention
        self.fixes: dict[tuple[int, int], tuple[str, str, float]] = {}

    def add(self, mention: Mention, pairs: list[Pair], evidence: str) -> None:
        self.mentions.append(mention)
        for pair in pairs:
            self._union(_node(pair.left), _node(pair.right))
            if pair.kind != SAME:
                self.variants.append((pair, evidence))

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        while self.parent.get(node, node) != node:
            node = self.parent[node]
        return node

    def _union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _node(tokens: tuple[Token, ...]) -> tuple[int, int]:
    return tokens[0].start, tokens[-1].end


class _Resolver:
    def __init__(
        self, doc: Document, gazetteer: Gazetteer | None, source_lang: str | None = None
    ) -> None:
        # Weak: the cached Resolution keeps its resolver, and must not keep the document
        # (the cache's key) alive with it. ``entity`` needs only the text.
        self._doc = weakref.ref(doc)
        self.text = doc.text
        self.gaz = gazetteer
        self.source_lang = source_lang
        self.clusters: list[_Cluster] = []
        self.index: dict[str, list[_Cluster]] = defaultdict(list)
        self.glossed: set[tuple[str, ...]] = set()
        self.repeats: dict[tuple[str, ...], tuple[_Cluster, Mention] | None] = {}

    @property
    def doc(self) -> Document:
        doc = self._doc()
        assert doc is not None, "a document's names are resolved while it is alive"
        return doc

    def run(self) -> Resolution:
        found = mentions(self.doc)
        previous: Mention | None = None
        for mention in found:
            if previous is not None and _glosses(self.doc.text, previous, mention):
                self.glossed.update({previous.keys, mention.keys})
            else:
                self._place(mention)
            previous = mention
        deviations = [d for c in self.clusters for d in self._deviations(c)]
        deviations += self._surnames(found)
        deviations += self._swaps(found)
        deviations += self._acronyms(found)
        deviations += self._countries(found)
        deviations += self._aliases()
        deviations += self._alternatives()
        deviations += self._foreign_acronyms()
        deviations += self._renderings()
        deviations = [d for d in deviations if d.mention.keys not in self.glossed]
        return Resolution(self, _first_per_span(deviations))

    # Clustering --------------------------------------------------------------------------

    def _place(self, mention: Mention) -> None:
        if mention.keys in self.repeats:  # the same words as before: the same entity
            placed = self.repeats[mention.keys]
            if placed is not None:
                cluster, twin = placed
                pairs = [
                    Pair((a,), (b,), SAME) for a, b in zip(mention.tokens, twin.tokens, strict=True)
                ]
                cluster.add(mention, pairs, _STRONG)
            return
        ranked: list[tuple[int, int, _Cluster, list[Pair], str]] = []
        for order, cluster in enumerate(self._candidates(mention)):
            best = self._relation(cluster, mention)
            if best is not None:
                rank, pairs, evidence = best
                ranked.append((rank, order, cluster, pairs, evidence))
        if not ranked:
            self._new(mention)
            return
        top = max(r[0] for r in ranked)
        best = [r for r in ranked if r[0] == top]
        if len(best) > 1 and len({_reading(r[3]) for r in best}) > 1:
            self.repeats[mention.keys] = None
            return  # "Sharif" after Nawaz Sharif and Shehbaz Sharif: no telling which
        _, _, cluster, pairs, evidence = max(best, key=lambda r: r[1])  # the latest
        cluster.add(mention, pairs, evidence)
        self.repeats[mention.keys] = (cluster, mention)
        self._index(cluster, mention)

    def _new(self, mention: Mention) -> None:
        cluster = _Cluster(mention, len(self.clusters))
        self.clusters.append(cluster)
        self.repeats[mention.keys] = (cluster, mention)
        self._index(cluster, mention)

    def _index(self, cluster: _Cluster, mention: Mention) -> None:
        for key in _keys(mention):
            bucket = self.index[key]
            if not bucket or bucket[-1] is not cluster:
                bucket.append(cluster)

    def _candidates(self, mention: Mention) -> list[_Cluster]:
        seen: dict[int, _Cluster] = {}
        for key in _keys(mention):
            for cluster in self.index.get(key, ()):
                seen.setdefault(id(cluster), cluster)
        return sorted(seen.values(), key=lambda c: c.order)

    def _relation(self, cluster: _Cluster, mention: Mention):
        """(rank, pairs, evidence) of the best alignment of ``mention`` with a mention of
        ``cluster``: rank 3 the same name, 2 a variant of its last word or of a longer name,
        1 a variant of another word; None when no mention of the cluster aligns."""
        best = None
        seen: set[tuple[str, ...]] = set()
        for other in cluster.mentions:
            if other.keys in seen:
                continue
            seen.add(other.keys)
            shorter, longer = (
                (other, mention) if len(other.tokens) < len(mention.tokens) else (mention, other)
            )
            pairs = align(shorter, longer)
            if pairs is None:
                if len(shorter.tokens) > 1:
                    return None  # two full names that disagree: "Will Wade", "Wayde Sims"
                continue
            if shorter is other:  # pairs run from the shorter mention to the longer
                pairs = [Pair(p.right, p.left, p.kind) for p in pairs]
            found = self._judge(mention, other, pairs)
            if found is not None and (best is None or _strength(found) > _strength(best)):
                best = found
        return best

    def _judge(self, mention: Mention, other: Mention, pairs: list[Pair]):
        variants = [p for p in pairs if p.kind != SAME]
        if not variants:
            return 3, pairs, _STRONG
        same = len(pairs) - len(variants)
        if same:
            evidence = _STRONG
        elif len(mention.tokens) == 1 or len(other.tokens) == 1:
            evidence = _SURNAME if max(len(mention.tokens), len(other.tokens)) > 1 else _BARE
        else:
            evidence = _STRONG if len(variants) >= 2 else _BARE
        for pair in variants:
            if not self._plausible(pair, evidence):
                return None
        # a word alone matches the last word (the surname) of a longer name
        longer = other if len(other.tokens) > len(mention.tokens) else mention
        ends = {pairs[-1].right[-1], pairs[-1].left[-1]}
        last = evidence == _STRONG or longer.tokens[-1] in ends
        return (2 if last else 1), pairs, evidence

    def _plausible(self, pair: Pair, evidence: str) -> bool:
        """Whether a variant pair may be one name: a letter read as a word needs the rest of
        the name to agree; two spellings both common in English, or two listed places, are
        two names unless the rest of the name agrees."""
        if pair.kind == "letter":
            return evidence == _STRONG
        if pair.kind == "split" and any(_zipf(t.text) >= ENGLISH for t in pair.left + pair.right):
            return False  # "Time Warner", "TimeWarner": a brand, not a split name
        if pair.kind in ("spelling", "split"):
            common = sorted((_zipf(_text(pair.left)), _zipf(_text(pair.right))))
            if common[1] >= ENGLISH or (evidence != _STRONG and common[0] >= ESTABLISHED):
                return False
        return not self._distinct_entries(_text(pair.left), _text(pair.right))

    def _listed_as(self, name: str) -> list[Entry]:
        """The entries that ``name`` names for sure: curated or regional entries, countries,
        or a world-tier place of 15,000 people whose canonical name it is, letter for letter
        (GeoNames lists villages and alternate names for nearly any word: "Bee", "Chharra"
        for "Charaa")."""
        if self.gaz is None:
            return []
        spelled = _letters(name)
        return [
            e
            for e in self.gaz.exact(name)
            if not e.is_world or (e.population >= PROMINENT and _letters(e.canonical) == spelled)
        ]

    def _distinct_entries(self, a: str, b: str) -> bool:
        if self.gaz is None:
            return False
        first = self._listed_as(a)
        second = self._listed_as(b)
        return bool(first and second) and not {id(e) for e in first} & {id(e) for e in second}

    # Canonical spellings -----------------------------------------------------------------

    def _deviations(self, cluster: _Cluster) -> Iterable[Deviation]:
        """The mentions of ``cluster`` with a word off its canonical spelling, one deviation
        per mention ("Hebatollah Akhondzadeh" -> "Hibatullah Akhundzada")."""
        if not cluster.variants:
            return
        cluster.fixes = self._fixes(cluster)
        entry = self._entry(cluster)
        name = _form(self.doc.text, cluster, entry)
        by_mention: dict[int, list[tuple[tuple[int, int], str, str, float]]] = defaultdict(list)
        for node, fix in cluster.fixes.items():
            by_mention[id(cluster.where[node])].append((node, *fix))
        for fixes in by_mention.values():
            fixes.sort()
            mention = cluster.where[fixes[0][0]]
            start, end = fixes[0][0][0], fixes[-1][0][1]
            kinds = [kind for *_, kind, _ in fixes]
            if set(kinds) == {"diacritics"} and (
                mention.headline or _own_form(self.doc, start, end)
            ):
                continue  # headlines often lose their accents
            replacement = _replaced(self.doc.text, start, end, fixes)
            if entry is not None and _listed_form(self.doc.text, mention, fixes, entry):
                start, end, replacement = mention.start, mention.end, entry.canonical
            yield Deviation(
                start, end, self.doc.text[start:end], replacement, mention, name, kinds[0],
                entry, min(c for *_, c in fixes),
            )  # fmt: skip

    def _fixes(self, cluster: _Cluster) -> dict[tuple[int, int], tuple[str, str, float]]:
        """Node -> (canonical spelling, kind, confidence) for each word spelled otherwise."""
        evidence: dict[tuple[int, int], str] = {}
        for pair, found in cluster.variants:
            root = cluster.find(_node(pair.left))
            if evidence.get(root) != _STRONG:
                evidence[root] = found
        slots: dict[tuple[int, int], dict[tuple[int, int], str]] = defaultdict(dict)
        for mention in cluster.mentions:
            for token in mention.tokens:
                node = (token.start, token.end)
                cluster.where[node] = mention
                if (root := cluster.find(node)) in evidence:
                    slots[root][node] = token.text
        for pair, _ in cluster.variants:
            for side in (pair.left, pair.right):
                node = _node(side)
                slots[cluster.find(node)][node] = _text(side)
                cluster.where.setdefault(node, cluster.where[side[0].start, side[0].end])
        fixes = {}
        for root, spellings in slots.items():
            canonical = self._canonical(spellings, cluster.where)
            for node, text in spellings.items():
                if _key(text) != _key(canonical):
                    kind = _kind(text, canonical)
                    confidence = _CONFIDENCE[kind] - (0.1 if evidence[root] == _BARE else 0.0)
                    fixes[node] = (canonical, kind, round(confidence, 3))
        return fixes

    def _canonical(
        self, spellings: dict[tuple[int, int], str], where: dict[tuple[int, int], Mention]
    ) -> str:
        """The spelling of one name word: listed in the gazetteer, most used, joined, in
        English romanization, first; between spellings that differ only by diacritics, the most
        used and then the first (the article's own convention)."""
        counts: Counter = Counter()
        first: dict[str, int] = {}
        shown: dict[str, str] = {}
        for node, text in sorted(spellings.items()):
            key = _key(text)
            counts[key] += 0.5 if where[node].headline else 1.0
            first.setdefault(key, node[0])
            if key not in shown or shown[key].isupper():
                shown[key] = text
        if len({plain(shown[key]) for key in counts}) == 1:  # diacritics only: the article's way
            # ... but a place's English name over its French diaeresis (Haïti, Koweït; a
            # person keeps the letters of the name: Goïta), and a listed name's English
            # spelling over accents its own language does not write (Séoul, İslamabad; a
            # Turkish story keeps İmamoğlu and Şanlıurfa, their own letters)
            named = [key for key in counts if _zipf(shown[key]) < ENGLISH]
            if len(named) < len(counts) and named:  # "Change" is a word, "Chang'e" a name
                return shown[max(named, key=lambda key: (counts[key], -first[key]))]
            if listed_english := self._english_letters({shown[key]: key for key in counts}):
                return shown[max(listed_english, key=lambda key: (counts[key], -first[key]))]
            english = {
                key
                for key in counts
                if not _DIAERESIS.search(shown[key])
                and any(e.type in PLACES for e in self._listed_as(shown[key]))
            }
            kept = (
                [key for key in counts if key in english or not _DIAERESIS.search(shown[key])]
                if english
                else list(counts)
            )
            return shown[max(kept, key=lambda key: (counts[key], -first[key]))]
        listed = {
            key: max(self._listed(where[node], node, shown[key]) for node in spellings)
            for key in counts
        }

        english = _english_spelling(list(shown.values()))

        def rank(key: str) -> tuple:
            joined = -shown[key].count(" ")  # "Guoqing", "Narowal" rather than split
            usual = shown[key] == english
            return (listed[key], counts[key], joined, usual, -first[key])

        return shown[max(counts, key=rank)]

    def _english_letters(self, spellings: dict[str, str]) -> set[str]:
        """The keys of ``spellings`` (one name word with and without accents) written as the
        listed English name, when every accented spelling is foreign to the name: the
        entities it names write it in another script or without those accents."""
        plain_forms = {s: k for s, k in spellings.items() if s.isascii()}
        accented = [s for s in spellings if not s.isascii()]
        if not plain_forms or not accented:
            return set()
        for spelling in accented:
            entries = self._listed_as(spelling)
            if not entries or any(_native_word(spelling, e.original) for e in entries):
                return set()
        return {
            key
            for spelling, key in plain_forms.items()
            if any(spelling in _name_words(e.canonical) for e in self._listed_as(spelling))
        }

    def _listed(self, mention: Mention, node: tuple[int, int], spelling: str) -> int:
        """2 when ``mention`` with ``spelling`` at ``node`` is (ends with) a gazetteer entry's
        canonical name, 1 when it is another listed name, else 0."""
        if self.gaz is None:
            return 0
        text = self.doc.text
        best = 0
        for token in mention.tokens:
            if token.start > node[0]:
                break
            if (
                token is not mention.tokens[0]
                and token.start == node[0] == mention.tokens[-1].start
            ):
                break  # the last word of a longer name alone is no evidence ("Bee": a village)
            written = text[token.start : node[0]] + spelling + text[node[1] : mention.end]
            for entry in self._listed_as(written):
                best = max(best, 2 if loose_key(entry.canonical) == loose_key(written) else 1)
        return best

    def _entry(self, cluster: _Cluster) -> Entry | None:
        """The gazetteer entry most of the cluster's mentions name (or end with), in their
        canonical spelling."""
        if self.gaz is None:
            return None
        found: Counter = Counter()
        entries: dict[int, Entry] = {}
        text = self.text
        for mention in cluster.mentions:
            fixes = sorted(
                (node, *fix)
                for node, fix in cluster.fixes.items()
                if mention.start <= node[0] < mention.end
            )
            for token in mention.tokens[:-1] or mention.tokens:
                hits = self._listed_as(_replaced(text, token.start, mention.end, fixes))
                for entry in hits:
                    found[id(entry)] += 1
                    entries[id(entry)] = entry
                if hits:
                    break
        if not found:
            return None
        return entries[found.most_common(1)[0][0]]

    def entity(self, cluster: _Cluster) -> Entity:
        """The cluster as an entity: its name in canonical spelling (the gazetteer's form
        when it is the same name) and its gazetteer entry, if any."""
        entry = self._entry(cluster)
        name = _form(self.text, cluster, entry)
        if entry is None and self.gaz is not None:
            entry = next(iter(self._listed_as(name)), None)
        if entry is not None and loose_key(entry.canonical) == loose_key(name):
            name = entry.canonical
        return Entity(name, entry.type if entry else "name", tuple(cluster.mentions), entry)

    def _surnames(self, found: list[Mention]) -> Iterable[Deviation]:
        """A family name spelled two ways in the names of two people of one family
        ("Belgassem Haftar", "Khalifa Hafter"): one spelling is the article's."""
        spelled: dict[str, dict[str, list[tuple[Mention, Token]]]] = defaultdict(dict)
        for mention in found:
            if len(mention.tokens) > 1 and not mention.tokens[-1].is_acronym:
                token = mention.tokens[-1]
                spelled[_blocks(token.text)[-1]].setdefault(token.key, []).append((mention, token))
        for keys in spelled.values():
            if len(keys) < 2:
                continue
            names = [uses[0][1] for uses in keys.values()]
            related = [
                (a, b, kind)
                for i, a in enumerate(names)
                for b in names[i + 1 :]
                if (kind := token_relation(a, b)) in ("diacritics", "spelling")
                and max(_zipf(a.text), _zipf(b.text)) < ESTABLISHED  # "Nilsson", "Nelson"
                and self._plausible(Pair((a,), (b,), kind), _SURNAME)
            ]
            if len(related) != 1:
                continue  # unrelated names, or more than two spellings: leave them
            a, b, kind = related[0]
            uses = keys[a.key] + keys[b.key]
            where = {(t.start, t.end): m for m, t in uses}
            canonical = self._canonical(
                {node: t.text for (m, t) in uses for node in [(t.start, t.end)]}, where
            )
            for mention, token in uses:
                if token.key != spelling_key(canonical):
                    yield Deviation(
                        token.start, token.end, token.text, canonical, mention, canonical,
                        "surname", None, _CONFIDENCE["surname"],
                    )  # fmt: skip

    def _swaps(self, found: list[Mention]) -> Iterable[Deviation]:
        """A person's names in two orders ("Xi Jinping", "Jinping Xi"; "Orban Viktor"): MT
        and sources disagree on where the family name goes; the order used more (then
        first) is the article's."""
        orders: dict[frozenset[str], Counter] = defaultdict(Counter)
        uses: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
        for mention in found:
            if (
                len(mention.tokens) == 2
                and len(set(mention.keys)) == 2
                and min(_zipf(t.text) for t in mention.tokens) < GIVEN
            ):  # two common names both ways round may be two people ("Ali Said", "Said Ali")
                orders[frozenset(mention.keys)][mention.keys] += 1
                uses[mention.keys].append(mention)
        for counts in orders.values():
            if len(counts) < 2:
                continue
            main = max(counts, key=lambda keys: (counts[keys], -uses[keys][0].start))
            shown = uses[main][0].text
            for keys in counts:
                for mention in uses[keys] if keys != main else ():
                    yield Deviation(
                        mention.start, mention.end, mention.text, shown, mention, shown,
                        "order", None, _CONFIDENCE["order"],
                    )  # fmt: skip

    # Unrelated spellings of one entity ----------------------------------------------------

    def _acronyms(self, found: list[Mention]) -> Iterable[Deviation]:
        """A capitalised word that sounds like an acronym the article defined ("SOMO" ...
        "Sumo company"): the acronym read as a word and transliterated back."""
        defined = _defined_acronyms(self.doc.text, found)
        if not defined:
            return
        for mention in found:
            if len(mention.tokens) != 1:
                continue
            token = mention.tokens[0]
            if token.is_acronym or self._listed_as(token.text):
                continue
            for acronym in defined:
                if token.key != acronym.lower() and spelled_alike(token.text, acronym, 3):
                    yield Deviation(
                        token.start, token.end, token.text, acronym, mention, acronym,
                        "acronym", None, _CONFIDENCE["acronym"],
                    )  # fmt: skip

    def _countries(self, found: list[Mention]) -> Iterable[Deviation]:
        """A foreign or Soviet-era country name in an article that also uses the English one,
        from the list or by form (Kirghizia, Turkmenia for Kyrgyzstan, Turkmenistan)."""
        names = _country_names()
        used = {t.text.casefold() for m in found for t in m.tokens}
        used |= {m.text.casefold() for m in found}
        stans = [t for m in found for t in m.tokens if t.key.endswith("stan")]
        if not (used & names.keys() or stans):
            return
        for mention in found:
            whole = names.get(mention.text.casefold())
            for token in mention.tokens:
                english, span = names.get(token.text.casefold()), token
                if english is None and whole is not None:
                    english, span = whole, mention
                if english is None and stans and token.key.endswith("ia"):
                    english = _stan_for(token, stans)
                if english is not None and english.casefold() in used:
                    yield Deviation(
                        span.start, span.end, span.text, english, mention, english, "country",
                        None, _CONFIDENCE["country"],
                    )  # fmt: skip

    def _foreign_acronyms(self) -> Iterable[Deviation]:
        """A body's acronym in another language ("OTAN", Russian "VSU", Turkish "BM") in an
        article that also names the body in English: the English form the article uses (its
        acronym first) is the suggestion. An acronym defined in brackets beside the English
        name is a gloss."""
        text = self.doc.text
        table, pattern = _foreign_acronyms()
        for match in pattern.finditer(text):
            acronym = match.group()
            used = [(f, at) for f in table[acronym] if (at := _word_at(text, f)) is not None]
            if not used:
                continue
            form = used[0][0]
            if any(
                _BRACKET.fullmatch(text, at + len(f), match.start())
                or _BRACKET.fullmatch(text, match.end(), at)
                for f, at in used
            ):
                continue  # "NATO (OTAN)", "OTAN (NATO)"
            mention = mention_at(text, match.start(), match.end())
            yield Deviation(
                match.start(), match.end(), acronym, form,
                mention or Mention(match.start(), match.end(), acronym, (), ()), form,
                "foreign", None, _CONFIDENCE["foreign"],
            )  # fmt: skip

    def _alternatives(self) -> Iterable[Deviation]:
        """Two English names of one country or city in one article ("Côte d'Ivoire", "the
        Ivory Coast"): the one used less is flagged (not inside a longer name)."""
        pattern, names = _alternative_names()
        text = self.doc.text
        uses: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for match in pattern.finditer(text):
            name = match.group("name")
            before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() :]
            if re.search(r"[A-Z][\w'’-]* of $", before) or re.match(r" [A-Z]", after):
                continue  # "Republic of Türkiye", "Turkey Statistics Institute"
            uses[names[_bare(name).casefold()][0]].append((match.start(), match.end(), name))
        headline_end = headline(text)
        for found in uses.values():
            counts: Counter = Counter()
            first: dict[str, int] = {}
            for start, _, name in found:
                key = _bare(name).casefold()
                counts[key] += 0.5 if start < headline_end else 1.0
                first.setdefault(key, start)
            if len(counts) < 2:
                continue
            main = max(counts, key=lambda key: (counts[key], -first[key]))
            shown = names[main][1]
            for start, end, name in found:
                if _bare(name).casefold() == main:
                    continue
                replacement = "T" + shown[1:] if name[:1] == "T" and shown[:4] == "the " else shown
                mention = mention_at(text, start, end) or Mention(start, end, name, (), ())
                yield Deviation(
                    start, end, name, replacement, mention, replacement, "alternative", None,
                    _CONFIDENCE["alternative"],
                )  # fmt: skip

    def _renderings(self) -> Iterable[Deviation]:
        """A body's name translated anew ("Turkey Statistics Institution" after "Turkish
        Statistical Institute"), or a name transliterated once and translated once ("Jaish
        al-Adl", "Army of Justice"): the first rendering is the article's."""
        text = self.doc.text
        found = bodies(text, _country_words(self.gaz))
        pairs = [
            (later, next((b for b in found[:i] if same_body(b, later)), None))
            for i, later in enumerate(found)
        ]
        for later, earlier in [*pairs, *translations(text)]:
            if earlier is not None:
                mention = mention_at(text, later.start, later.end)
                yield Deviation(
                    later.start, later.end, later.text, earlier.text,
                    mention or Mention(later.start, later.end, later.text, (), ()),
                    earlier.text, "translation", None, _CONFIDENCE["translation"],
                )  # fmt: skip

    def _aliases(self) -> Iterable[Deviation]:
        """Two names the gazetteer gives one entity, neither a form of the other."""
        if self.gaz is None:
            return
        from toolkit.names.resolve import analyse

        groups: dict[int, list[Mention]] = defaultdict(list)
        entries: dict[int, Entry] = {}
        for found in analyse(self.doc, self.gaz, self.source_lang).mentions:
            entry = found.entry
            if not found.listed or entry.is_world:
                continue  # a variant the search found; GeoNames' many legitimate alternates
            if entry.type in ("country", "region") or (
                found.text.isupper() and " " not in found.text
            ):
                continue
            mention = _whole_name(self.doc.text, found.start, found.end)
            if mention is not None and mention.keys not in self.glossed:
                groups[id(entry)].append(mention)
                entries[id(entry)] = entry
        for key, group in groups.items():
            yield from self._alias_deviations(entries[key], group)

    def _alias_deviations(self, entry: Entry, group: list[Mention]) -> Iterable[Deviation]:
        classes: list[list[Mention]] = []
        for mention in group:
            for members in classes:
                if any(_related(mention, other) for other in members):
                    members.append(mention)
                    break
            else:
                classes.append([mention])
        if len(classes) < 2:
            return
        listed = mention_at(entry.canonical, 0, len(entry.canonical))
        chosen = max(
            classes,
            key=lambda ms: (
                listed is not None and any(_same_name(m, listed) for m in ms),
                len(ms),
                -ms[0].start,
            ),
        )
        fullest = max(chosen, key=lambda m: len(m.tokens))
        english = all(map(_in_english, chosen))
        for members in classes:
            if members is chosen:
                continue
            for mention in members:
                if english and _in_english(mention):
                    continue  # "Defence Ministry", "Ministry of Defence": English both ways
                span: Mention | Token = mention
                shown = next((m.text for m in chosen if len(m.tokens) == len(mention.tokens)), "")
                alone = mention.text == mention.tokens[0].text  # not "Abu Mazen"
                if not shown and len(mention.tokens) == 1 and alone:  # a surname: "Al-Burhane"
                    span, shown = mention.tokens[0], _name_word(fullest)
                elif not shown and len(fullest.tokens) < len(mention.tokens):
                    shown = entry.canonical  # "Hassan Nasrullah" after "Nasrallah"
                yield Deviation(
                    span.start, span.end, span.text, shown or fullest.text, mention,
                    entry.canonical, "alias", entry, _CONFIDENCE["alias"],
                )  # fmt: skip


def _in_english(mention: Mention) -> bool:
    """A name of common English words ("Foreign Ministry"), no transliteration."""
    return all(_zipf(t.text) >= ENGLISH_NAME for t in mention.tokens)


def _whole_name(text: str, start: int, end: int) -> Mention | None:
    """The mention of a listed name, whole: mentions stop at a lower-case word or a common
    word before a rare one ("Army of Justice", "Popular Mobilization Forces")."""
    parts = [
        found
        for run in _CAPITALISED.finditer(text, start, end)
        if (found := mention_at(text, run.start(), run.end())) is not None
    ]
    if not parts:
        return None
    if len(parts) == 1 and (parts[0].start, parts[0].end) == (start, end):
        return parts[0]
    tokens = tuple(t for part in parts for t in part.tokens)
    keys = tuple(k for part in parts for k in part.keys)
    return Mention(start, end, text[start:end], tokens, keys, parts[0].headline)


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _name_word(mention: Mention) -> str:
    """The last word of a name that is no type word ("Xigaze" in "Xigaze City")."""
    words = [t.text for t in mention.tokens if t.key not in _type_words()]
    return (words or [mention.tokens[-1].text])[-1]


@functools.cache
def _type_words() -> frozenset[str]:
    """Words that name a kind of place or body, not the place ("city", "county", "base")."""
    rows = iter_tsv(corpus_path("names", "cues.tsv"))
    return frozenset(row["word"] for row in rows if row["type"] in ("place", "base"))


# Letters French, Russian and German romanizations use where English news has others: ch
# (for sh), ou, dj, dzh, tch, sch, -iy, -yy, -iya, a diaeresis, a silent final e.
_DIAERESIS = re.compile(r"[ïëÏË]")
PLACES = frozenset({"country", "place", "region"})
_FOREIGN = re.compile(r"ou|dj|dzh|tch|sch|iy\b|yy\b|iya\b|[äëïöü]|(?<=[aeiou][bcdfgklmnprstvz])e\b")


def _english_spelling(spellings: list[str]) -> str | None:
    """Of two spellings of one name, the one in English romanization ("Sharaa" rather than
    "Charaa", "Sudani" rather than "Soudani"), when exactly one has fewer foreign marks."""
    if len(spellings) != 2:
        return None
    marks = []
    for this, other in (spellings, spellings[::-1]):
        lower, alternative = this.lower(), other.lower()
        count = len(_FOREIGN.findall(lower))
        count += lower.count("ch") > alternative.count("ch") and "sh" in alternative
        marks.append(count)
    if marks[0] == marks[1]:
        return None
    return spellings[0] if marks[0] < marks[1] else spellings[1]


def _native_word(word: str, original: str) -> bool:
    """Whether ``word`` is written so in the entity's own (Latin) name, letter for letter."""
    return word.casefold() in re.split(r"[\s\-'’]+", original.casefold())


def _name_words(name: str) -> list[str]:
    return re.split(r"[\s\-]+", name)


def _related(a: Mention, b: Mention) -> bool:
    """One is the other, a short form of it, or a variant spelling."""
    shorter, longer = sorted((a, b), key=lambda m: len(m.tokens))
    return align(shorter, longer) is not None


def _same_name(a: Mention, b: Mention) -> bool:
    """One is the other or a short form of it, spelled alike."""
    shorter, longer = sorted((a, b), key=lambda m: len(m.tokens))
    pairs = align(shorter, longer)
    return pairs is not None and all(p.kind == SAME for p in pairs)


def _merge(group: list[Entity]) -> Entity:
    """Entities of one gazetteer entry as one: the name of the most mentioned."""
    if len(group) == 1:
        return group[0]
    main = max(group, key=lambda e: len(e.mentions))
    mentions = tuple(sorted((m for e in group for m in e.mentions), key=lambda m: m.start))
    return Entity(main.canonical, main.type, mentions, main.entry)


def _strength(found: tuple[int, list[Pair], str]) -> tuple[int, bool, int]:
    """Rank, then strong evidence, then the most words aligned ("Sergey Shoygu" with
    "Sergei Shoigu" rather than with "Shoigu")."""
    rank, pairs, evidence = found
    return rank, evidence == _STRONG, len(pairs)


def _reading(pairs: list[Pair]) -> tuple[str, ...]:
    """What a mention's words would be spelled as, to tell whether two candidates agree."""
    return tuple(_key(_text(p.right)) for p in pairs)


def _text(tokens: tuple[Token, ...]) -> str:
    return " ".join(t.text for t in tokens)


def _key(text: str) -> str:
    return " ".join(t for t in re.split(r"[\s-]+", text.casefold()) if t).removesuffix("s")


def _zipf(text: str) -> float:
    return min((zipf(w.lower()) for w in text.split()), default=0.0)


def _kind(text: str, canonical: str) -> str:
    if plain(text) == plain(canonical):
        return "diacritics"
    if (" " in text) != (" " in canonical):
        return "split"
    kinds = {
        token_relation(_token(a), _token(b))
        for a, b in zip(text.split(), canonical.split(), strict=False)
    }
    return "letter" if "letter" in kinds else "spelling"


def _token(text: str) -> Token:
    return Token(0, len(text), text)


def _listed_form(text: str, mention: Mention, fixes: list, entry: Entry) -> bool:
    """Whether the corrected mention is the entry's canonical name but for the form of the
    Arabic article ("Asaad ash-Shaibani": Asaad al-Shaibani)."""
    fixed = _replaced(text, mention.start, mention.end, fixes)
    if fixed.casefold() == entry.canonical.casefold():
        return False  # the corrected words alone make the listed name
    listed = mention_at(entry.canonical, 0, len(entry.canonical))
    again = mention_at(fixed, 0, len(fixed))
    return listed is not None and again is not None and listed.keys == again.keys


def _form(text: str, cluster: _Cluster, entry: Entry | None) -> str:
    """The cluster's fullest mention in canonical spelling, to show as the entity's name."""
    if entry is not None and entry.house_style:
        return entry.canonical
    longest = max(cluster.mentions, key=lambda m: (len(m.tokens), -m.start))
    inside = sorted(
        (node, *fix)
        for node, fix in cluster.fixes.items()
        if longest.start <= node[0] < longest.end
    )
    return _replaced(text, longest.start, longest.end, inside)


def _own_form(doc: Document, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` keep their accents by a convention of their own: they
    are part of a hyphenated name the article always writes with the same letters (Hydro-Québec
    or the Montréal-Trudeau airport beside Quebec and Montreal, but not Saint-Étienne beside
    Saint-Etienne), or they are written in capitals (a dateline: İSTANBUL -)."""
    text = doc.text
    if text[start:end].isupper():
        return True
    index = bisect.bisect_right(doc.words, start, key=lambda w: w.start) - 1
    word = text[doc.words[index].start : doc.words[index].end] if index >= 0 else ""
    if "-" not in word:
        return False
    key = plain(word)
    return (
        len({text[w.start : w.end] for w in doc.words if plain(text[w.start : w.end]) == key}) == 1
    )


def _replaced(text: str, start: int, end: int, fixes: list) -> str:
    """``text[start:end]`` with each (node, replacement, ...) of ``fixes`` applied."""
    out, at = [], start
    for (node_start, node_end), replacement, *_ in fixes:
        out += [text[at:node_start], replacement]
        at = node_end
    out.append(text[at:end])
    return "".join(out)


@functools.lru_cache(maxsize=16384)
def _letters(name: str) -> str:
    """A name's letters, lower-case and without diacritics, article or spaces."""
    return "".join(core_tokens(plain(name)))


def _keys(mention: Mention) -> tuple[str, ...]:
    return _keys_of(tuple(t.text for t in mention.tokens))


@functools.lru_cache(maxsize=16384)
def _keys_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """The index keys of a mention's words, and of each two adjacent words written as one
    ("Ghali Baf": ghalibaf)."""
    keys = [key for word in words for key in _blocks(word)]
    keys += ["=" + spelling_key(a + b) for a, b in itertools.pairwise(words)]
    return tuple(keys)


@functools.lru_cache(maxsize=65536)
def _blocks(text: str) -> tuple[str, ...]:
    """Index keys under which a word's variants are found: its spelling, and its consonants
    with the classes romanizations confuse merged."""
    key = spelling_key(text)
    consonants = re.sub(r"[aeiouy]", "", sound(text).translate(_CLASSES))
    blocks = ("=" + key, "~" + consonants) if len(consonants) >= 2 else ("=" + key,)
    if _GLUED_ARTICLE.match(plain(text)):  # "Albusaidi" is found under "Busaidi" too
        blocks += _blocks(plain(text)[2:])
    return blocks


_GLUED_ARTICLE = re.compile(r"[ae]l[^aeiou\W]\w{4}")


_CLASSES = str.maketrans(
    {"q": "k", "x": "h", "C": "S", "Z": "k", "j": "k", "g": "k", "G": "k", "w": "v", "f": "v",
     "p": "b", "D": "d", "T": "t"}
)  # fmt: skip


def _glosses(text: str, previous: Mention, mention: Mention) -> bool:
    """``mention`` glosses the mention just before it: "Derna (Darnah)", "X, known as Y"."""
    if mention.start - previous.end > 40:
        return False
    between = text[previous.end : mention.start]
    return (
        "\n" not in between
        and bool(_GLOSS.fullmatch(between))
        and (
            "(" in between
            or re.search(r"known|called|named|spel|formerly|previously|aka", between) is not None
        )
    )


def _defined_acronyms(text: str, found: list[Mention]) -> list[str]:
    """Acronyms the text defines: "State Organization for Marketing of Oil (SOMO)"."""
    defined = []
    for match in re.finditer(r"\(([A-Z]{3,8})\)", text):
        acronym = match.group(1)
        if not re.search(r"[AEIOU]", acronym):
            continue  # unpronounceable: nobody reads "UKMTO" as a word
        words = re.findall(r"[A-Z][\w'-]*", text[max(0, match.start() - 120) : match.start()])
        initials = "".join(w[0] for w in words)
        if initials.endswith(acronym):
            defined.append(acronym)
    return defined


@functools.lru_cache(maxsize=4)
def _country_words(gazetteer: Gazetteer | None) -> dict[str, str]:
    """Lower-case one-word country names and adjectives -> country code."""
    words = {row["demonym"].lower(): row["country"] for row in _demonyms()}
    for code, entry in (gazetteer.countries if gazetteer is not None else {}).items():
        words.update({name.lower(): code for name in entry.names if " " not in name})
    return words


@functools.cache
def _demonyms() -> tuple[dict[str, str], ...]:
    return tuple(iter_tsv(corpus_path("names", "demonyms.tsv")))


@functools.cache
def _foreign_acronyms() -> tuple[dict[str, tuple[str, ...]], re.Pattern]:
    """corpora/consistency/foreign_acronyms.tsv: acronym -> English forms, and a pattern for
    the acronyms as words."""
    table = {
        row["acronym"]: tuple(row["english"].split("|"))
        for row in iter_tsv(corpus_path("consistency", "foreign_acronyms.tsv"))
    }
    alternation = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
    return table, re.compile(rf"{CAPITAL}(?<![\w.-])(?:{alternation})(?![\w-])")


def _word_at(text: str, words: str) -> int | None:
    """Where ``words`` first stand as words in ``text``."""
    found = re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text)
    return found.start() if found else None


@functools.cache
def _alternative_names() -> tuple[re.Pattern, dict[str, tuple[int, str]]]:
    """A pattern for the names of corpora/consistency/alternative_names.tsv (with "the" when
    the text has it), and each bare name's group and listed form."""
    names: dict[str, tuple[int, str]] = {}
    for number, row in enumerate(iter_tsv(corpus_path("consistency", "alternative_names.tsv"))):
        for name in row["names"].split("|"):
            names[_bare(name).casefold()] = (number, name)
    bare = sorted((_bare(listed) for _, listed in names.values()), key=len, reverse=True)
    alternation = "|".join(map(re.escape, bare))
    pattern = re.compile(
        rf"{CAPITAL}(?<![\w'’-])(?P<name>(?:[Tt]he )?(?:{alternation}))(?![\w'’-])"
    )
    return pattern, names


def _bare(name: str) -> str:
    """A name without its article ("the Ivory Coast": Ivory Coast)."""
    return name[4:] if name[:4] in ("the ", "The ") else name


@functools.cache
def _country_names() -> dict[str, str]:
    names = {}
    for row in iter_tsv(corpus_path("consistency", "country_names.tsv")):
        for variant in row["variants"].split("|"):
            names[variant.casefold()] = row["canonical"]
    return names


def _stan_for(token: Token, stans: list[Token]) -> str | None:
    """The "-stan" country an "-ia" name stands for ("Kirghizia": Kyrgyzstan)."""
    stem = token.text[:-2]
    for stan in stans:
        other = re.sub(r"i?stan$", "", stan.text)
        if len(stem) >= 4 and (plain(stem) == plain(other) or spelled_alike(stem, other)):
            return stan.text
    return None


def _within(inner: Deviation, outer: Deviation) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < (outer.end - outer.start)
    )


def _first_per_span(deviations: list[Deviation]) -> list[Deviation]:
    """The deviations in text order, each span once: an earlier-found one wins an overlap,
    but a name rendered two ways wins over a listed alias inside it ("Pakistani Taliban
    Movement", not "Pakistani Taliban")."""
    kept: list[Deviation] = []
    for deviation in deviations:
        clash = [d for d in kept if d.start < deviation.end and deviation.start < d.end]
        if clash and deviation.kind == "translation":
            inside = [d for d in clash if d.kind == "alias" and _within(d, deviation)]
            if len(inside) == len(clash):
                kept = [d for d in kept if d not in inside]
                clash = []
        if not clash:
            kept.append(deviation)
    return sorted(kept, key=lambda d: d.start)
