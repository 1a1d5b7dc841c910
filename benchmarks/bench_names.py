"""Names: recovering garbled transliterated names, leaving variants alone, precision, speed.

Noise model (what MT and transliteration do to a name), applied with a seeded RNG:

* script misreadings: Arabic letters that differ only by dots are swapped in the Arabic
  original (ب ت ث ن ي; ج ح خ; د ذ; ر ز; س ش; ص ض; ط ظ; ع غ; ف ق) before romanization;
* on a romanized name: dot and dialect confusions (j->y, kh->q, b<->t, b->n, t->n, f->q,
  z->r, q->g(h)), liquids and nasals (r<->l, n<->m); variant edits (j->g, q->g, q->k, kh->h,
  d->dh, s->z, vowels, doubling), the article dropped or respelled (al- -> el-/-/""),
  words merged or split, vowels changed or dropped, and the MT number/case slips
  (lower-cased, plural -s).

A "garbled" query has two edits, at least one of them an error edit (misreading, dialect,
liquid); a "variant" keeps the sound (vowels, article form, doubling, kh/h) and must not be
flagged. Sets:

* A: 400 GeoNames places and all curated names with coordinates, garbled; the gazetteer
  search must rank the entity first (acc@1) or in the top 5 (acc@5). Then the same names
  in a sentence that mentions the nearest other place: does the check flag them (NM101)
  with the right suggestion first?
* B: translit_ar_en_dev.tsv eval split: the Arabic is dot-corrupted and romanized letter by
  letter (no vowels, as an MT engine without a name list would), then searched among all
  English names of the split.
* C: variants held out of the gazetteer (one Latin alternate name of 300 places) and the
  curated variant pairs, in context: how often the check calls them garbled.
* D: clean English (BBC articles, NTREX sentences in 15-sentence chunks): name and
  consistency findings per 1,000 sentences.
* E: speed of the names and consistency checks against the whole ``check``.
* F: calibration: the consonant substitutions that letter-by-letter romanization of the
  train split's Arabic needs to reach the English name (plain Levenshtein alignment of
  sound strings), most frequent first, next to the cost the distance gives them. The
  frequent ones (gh/g, f/v, b/p, g/j, s/z, sh/ch, q/k) are priced as spelling edits.
* G: whether letter sequences alone tell a garbled name: a character trigram model of the
  gazetteer's name words scores held-out real name words and garbled ones (A's noise); the
  AUC says how well "implausible spelling" would separate them without a gazetteer match.
* H: NM104 on names the gazetteer lacks: up to 400 places of the evaluation half
  (``noise.held_out``; the garbled-word model never saw them) are removed from the
  gazetteer and put in A's sentence as written (real, must not be flagged) and garbled.
* E (corpus row): names and consistency over ``corpus.news_documents()``, sentences per
  CPU-second, best of 5, documents already split into sentences as in ``check``.

The noise model itself lives in ``tools/noise.py`` (the garbled-word model is
trained with it on the other half of the names).
"""

from __future__ import annotations

import csv
import json
import random
import statistics
import time
from collections import Counter
from dataclasses import replace

from corpus import news_documents

from toolkit.document import Document
from toolkit.names.gazetteer import Entry, Gazetteer, builtin_entries, load_gazetteer
from toolkit.names.normalize import loose_key
from toolkit.names.resolve import Analysis, Suspect, analyse
from tools.noise import garble, held_out
from tools.shared_data import DATA, ROOT

DOTS = ["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق"]
ROMAN = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآئؤ",
        [
            "a",
            "b",
            "t",
            "th",
            "j",
            "h",
            "kh",
            "d",
            "dh",
            "r",
            "z",
            "s",
            "sh",
            "s",
            "d",
            "t",
            "z",
            "'",
            "gh",
            "f",
            "q",
            "k",
            "l",
            "m",
            "n",
            "h",
            "w",
            "y",
            "a",
            "a",
            "'",
            "a",
            "i",
            "a",
            "'",
            "'",
        ],
        strict=True,
    )
)


def corrupt_arabic(arabic: str, rng: random.Random) -> str:
    """Swap one letter for another of the same dotless shape (a misread dot)."""
    spots = [(i, group) for i, c in enumerate(arabic) for group in DOTS if c in group]
    if not spots:
        return arabic
    i, group = rng.choice(spots)
    other = rng.choice([c for c in group if c != arabic[i]])
    return arabic[:i] + other + arabic[i + 1 :]


def romanize(arabic: str) -> str:
    """Letter-by-letter romanization without vowels, as a naive MT engine writes names."""
    out = "".join(ROMAN.get(c, c) for c in arabic)
    return out[:1].upper() + out[1:]


def _pct(hits: int, total: int) -> str:
    return f"{100 * hits / max(total, 1):.1f}% ({hits}/{total})"


def _nearest(entry: Entry, places: list[Entry]) -> Entry | None:
    best = None
    for other in places:
        if other is entry or loose_key(other.canonical) == loose_key(entry.canonical):
            continue
        km = entry.km_to(other)
        if km is not None and km > 5 and (best is None or km < best[0]):
            best = (km, other)
    return best[1] if best and best[0] < 300 else None


def set_a(gaz: Gazetteer, rng: random.Random) -> list[str]:
    places = [e for e in gaz.entries.values() if e.lat is not None and e.type != "country"]
    geonames = [e for e in places if e.source.startswith("GeoNames")]
    curated = [e for e in places if not e.source.startswith("GeoNames")]
    sample = rng.sample(geonames, 400) + curated
    at1 = at5 = total = flagged = right_first = in_context = 0
    others: Counter = Counter()  # what happened to the garbled names not flagged NM101
    for entry in sample:
        query = garble(entry.canonical, rng)
        if query is None:
            continue
        total += 1
        ranked = [c.entry for c in gaz.search(query, limit=5)]
        at1 += bool(ranked) and ranked[0] is entry
        at5 += any(e is entry for e in ranked)
        near = _nearest(entry, places)
        if near is None:
            continue
        in_context += 1
        text = f"Fighting was reported in {query}, near {near.canonical}, on Monday."
        analysis = analyse(Document(text), gaz, "ar")
        suspects = [s for s in analysis.suspects if s.reason == "garbled"]
        flagged += bool(suspects)
        right_first += bool(suspects) and suspects[0].candidates[0].entry is entry
        at = [s for s in analysis.suspects if s.start == 25]
        others[at[0].reason if at else "none"] += 1
        others["variant"] += any(m.start == 25 and m.entry is entry for m in analysis.mentions)
    unflagged = in_context - flagged
    return [
        "| A: garbled gazetteer names (400 GeoNames + curated places) | |",
        f"| search acc@1 | {_pct(at1, total)} |",
        f"| search acc@5 | {_pct(at5, total)} |",
        f'| in context ("in X, near Y", --source-lang ar): flagged NM101 | '
        f"{_pct(flagged, in_context)} |",
        f"| in context: flagged with the right entity first | {_pct(right_first, in_context)} |",
        f"| in context, not flagged NM101: read as a spelling variant of the right entity; "
        f"NM102 (case/number); NM104 | {_pct(others['variant'], unflagged)}; "
        f"{_pct(others['case'] + others['number'], unflagged)}; "
        f"{_pct(others['unrecognised'], unflagged)} |",
    ]


def set_b(rng: random.Random) -> list[str]:
    rows = list(
        csv.reader(
            (DATA / "translit_ar_en_dev.tsv").open(encoding="utf-8"),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
    )[1:]
    pairs = [(a, e) for a, e, split in rows if split.endswith("eval") and len(e) >= 4]
    gaz = Gazetteer(
        Entry(canonical=e.title(), original=a, type="person") for a, e in dict(pairs).items()
    )
    by_name = {loose_key(e.canonical): e for e in gaz.entries.values()}
    hits = {"clean": [0, 0], "noisy": [0, 0]}
    total = 0
    for arabic, english in rng.sample(pairs, 600):
        target = by_name.get(loose_key(english.title()))
        if target is None:
            continue
        total += 1
        queries = {"clean": romanize(arabic), "noisy": romanize(corrupt_arabic(arabic, rng))}
        for kind, query in queries.items():
            ranked = [c.entry for c in gaz.search(query, limit=5)]
            hits[kind][0] += bool(ranked) and ranked[0] is target
            hits[kind][1] += any(e is target for e in ranked)
    (clean1, clean5), (noisy1, noisy5) = hits["clean"], hits["noisy"]
    return [
        f"| B: Arabic->English name pairs ({len(by_name)} names in the search space) | |",
        f"| letter-by-letter romanization, acc@1 / acc@5 | {_pct(clean1, total)} / "
        f"{_pct(clean5, total)} |",
        f"| plus one misread dot, acc@1 / acc@5 | {_pct(noisy1, total)} / {_pct(noisy5, total)} |",
    ]


def _hold_out(
    entries: list[Entry], pool: list[Entry], rng: random.Random
) -> tuple[Gazetteer, list[tuple[str, Entry]]]:
    """A gazetteer without one ASCII variant of each pool entry, and the variants held out."""
    chosen = {id(e) for e in pool}
    held, kept = [], []
    for entry in entries:
        if id(entry) in chosen:
            options = [v for v in entry.variants if v.isascii() and not v.isupper()]
            if options:
                variant = rng.choice(options)
                entry = replace(entry, variants=tuple(v for v in entry.variants if v != variant))
                if not any(loose_key(variant) == loose_key(n) for n in entry.names):
                    held.append((variant, entry))
        kept.append(entry)
    return Gazetteer(kept), held


def _corrections(analysis: Analysis) -> list[Suspect]:
    """Suspects with a suggested entity (NM101, NM102), not unrecognised names (NM104)."""
    return [s for s in analysis.suspects if s.reason != "unrecognised"]


def _flag_rate(
    gaz: Gazetteer, held: list[tuple[str, Entry]], places: list[Entry]
) -> tuple[int, int, int, list[str]]:
    """How many held-out variants the check calls garbled in a sentence with a nearby place."""
    garbled = wrong = total = 0
    examples = []
    for variant, entry in held:
        near = _nearest(entry, places)
        if near is None:
            continue
        total += 1
        text = f"Fighting was reported in {variant}, near {near.canonical}, on Monday."
        suspects = [s for s in _corrections(analyse(Document(text), gaz, "ar")) if s.start == 25]
        if suspects:
            garbled += 1
            wrong += suspects[0].candidates[0].entry is not entry
            examples.append(f"{variant} -> {suspects[0].candidates[0].entry.canonical}")
    return garbled, wrong, total, examples


def set_c(rng: random.Random) -> tuple[list[str], list[str]]:
    entries = list(builtin_entries())
    places = [e for e in entries if e.lat is not None and e.type not in {"country", "region"}]
    curated = [e for e in places if e.source.startswith("Wikipedia") and e.variants]
    gaz, held = _hold_out(entries, curated, rng)
    c_flag, c_wrong, c_total, c_examples = _flag_rate(gaz, held, places)
    geonames = [e for e in places if e.source.startswith("GeoNames") and len(e.variants) >= 2]
    gaz, held = _hold_out(entries, rng.sample(geonames, 300), rng)
    g_flag, g_wrong, g_total, g_examples = _flag_rate(gaz, held, places)
    curated_pairs = [
        "Jurf al-Sakhr", "Jurf as-Sakhar", "Ain al-Assad", "Deir al-Zour", "Deir ez-Zor",
        "Dair Ezzor", "Deir al-Zur", "Hama", "Jarabulus",
    ]  # fmt: skip
    full = load_gazetteer()
    pair_flags = 0
    for variant in curated_pairs:
        text = f"Fighting was reported in {variant}, south of Baghdad, near Raqqa and Anbar."
        pair_flags += bool(_corrections(analyse(Document(text), full, "ar")))
    return [
        "| C: correct variant spellings, held out of the gazetteer (must not be flagged) | |",
        f"| curated English variants (Ain al-Assad, Deir al-Zour, ...) flagged as garbled | "
        f"{_pct(c_flag, c_total)}; to another entity {_pct(c_wrong, c_total)} |",
        f"| GeoNames alternate names (mostly other languages' exonyms) flagged | "
        f"{_pct(g_flag, g_total)}; to another entity {_pct(g_wrong, g_total)} |",
        f"| listed variants in a MENA sentence (Jurf al-Sakhr, Deir al-Zour, ...) flagged | "
        f"{_pct(pair_flags, len(curated_pairs))} |",
    ], [f"curated: {x}" for x in c_examples] + [f"GeoNames: {x}" for x in g_examples[:10]]


def _clean_docs() -> dict[str, list[str]]:
    bbc = [json.loads(line)["article"] for line in (DATA / "bbc_summ_dev.jsonl").open()]
    rows = list(
        csv.reader(
            (DATA / "ntrex_en_ar.tsv").open(encoding="utf-8"),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
    )[1:]
    english = [r[0] for r in rows]
    ntrex = ["\n\n".join(english[i : i + 15]) for i in range(0, len(english), 15)]
    return {"BBC": bbc, "NTREX": ntrex}


def set_d_e() -> tuple[list[str], list[str], list[str]]:
    from toolkit.checks.consistency import ConsistencyCheck
    from toolkit.checks.names import NameCheck
    from toolkit.pipeline import check
    from toolkit.settings import Settings

    settings = Settings()
    checks = [NameCheck(settings), ConsistencyCheck(settings)]
    lines, listing, speed = [], [], []
    for corpus, docs in _clean_docs().items():
        sentences = found = 0
        names_time = []
        for text in docs:
            doc = Document(text)
            sentences += len(doc.sentences)
            started = time.process_time()
            findings = [f for c in checks for f in c.run(doc)]
            names_time.append(time.process_time() - started)
            found += len(findings)
            listing += [f"{corpus}: {f.rule} {f.text!r} -> {f.suggestions[:1]}" for f in findings]
        lines.append(
            f"| D: {corpus}: name + consistency findings per 1,000 sentences | "
            f"{1000 * found / sentences:.2f} ({found} in {sentences} sentences) |"
        )
        arabic = Settings(source_lang="ar")  # fuzzy search on every document
        forced = [NameCheck(arabic), ConsistencyCheck(arabic)]
        flagged = []
        for text in docs:
            doc = Document(text)
            flagged += [f for c in forced for f in c.run(doc)]
        listing += [f"{corpus} (ar): {f.rule} {f.text!r} -> {f.suggestions[:1]}" for f in flagged]
        lines.append(
            f"| D: {corpus} with --source-lang ar: findings per 1,000 sentences | "
            f"{1000 * len(flagged) / sentences:.2f} ({len(flagged)}) |"
        )
        whole = []
        for text in docs[:30]:
            started = time.process_time()
            check(text, settings=settings)
            whole.append(time.process_time() - started)
        speed.append(
            f"| E: {corpus}: names + consistency per document, median / max | "
            f"{1000 * statistics.median(names_time):.1f} ms / {1000 * max(names_time):.1f} ms "
            f"(whole `check`: median {1000 * statistics.median(whole):.1f} ms) |"
        )
    seed = (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")
    runs = []
    for _ in range(5):
        doc = Document(seed)
        started = time.process_time()
        for c in checks:
            c.run(doc)
        runs.append(time.process_time() - started)
    speed.append(f"| E: seed article, names + consistency | {1000 * min(runs):.1f} ms |")
    return lines, listing, speed


def set_speed() -> list[str]:
    """Names and consistency together over the speed benchmarks' news corpus (documents
    already split into sentences, as in ``check``; lexicons warm; best of 5)."""
    from toolkit.checks.consistency import ConsistencyCheck
    from toolkit.checks.names import NameCheck
    from toolkit.settings import Settings

    settings = Settings()
    checks = [NameCheck(settings), ConsistencyCheck(settings)]
    texts = news_documents()
    best = float("inf")
    for _ in range(6):
        docs = [Document(text) for text in texts]
        sentences = sum(len(doc.sentences) for doc in docs)
        started = time.process_time()
        for doc in docs:
            for c in checks:
                c.run(doc)
        best = min(best, time.process_time() - started)
    return [
        f"| E: news corpus ({len(texts)} documents, {sentences:,} sentences; "
        "benchmarks/corpus.py): names + consistency, sentences per CPU-second "
        f"(goal 12,000; 4,570 before the tokens rewrite, same load) | {sentences / best:,.0f} |"
    ]


def set_f() -> list[str]:
    from rapidfuzz.distance import Levenshtein

    from toolkit.names.normalize import VOWELS, phonemes
    from toolkit.names.similarity import _sub

    rows = csv.reader(
        (DATA / "translit_ar_en_dev.tsv").open(encoding="utf-8"),
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
    )
    counts: dict[tuple[str, str], int] = {}
    pairs = 0
    for arabic, english, split in list(rows)[1:]:
        if not split.endswith("train"):
            continue
        pairs += 1
        x, y = phonemes(romanize(arabic)), phonemes(english)
        for op, i, j in Levenshtein.editops(x, y):
            if op == "replace" and x[i] not in VOWELS and y[j] not in VOWELS:
                key = tuple(sorted((x[i], y[j])))
                counts[key] = counts.get(key, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:12]
    cells = []
    for (a, b), n in top:
        cost, error = _sub(a, b)
        cells.append(f"{a}/{b} {n}: {cost:g}{' error' if error else ''}")
    return [
        f"| F: most frequent consonant substitutions in {pairs} train pairs "
        "(symbol pair, count: model cost; x=kh S=sh C=ch T=th D=dh G=gh) | "
        + "; ".join(cells)
        + " |"
    ]


def set_g(gaz: Gazetteer, rng: random.Random) -> list[str]:
    import math
    from collections import Counter

    from toolkit.names.normalize import tokens

    words = sorted({t for e in gaz.entries.values() for n in e.names for t in tokens(n)})
    words = [w for w in words if len(w) >= 3 and w.isalpha()]
    rng.shuffle(words)
    held, train = words[:1500], words[1500:]
    tri: Counter = Counter()
    bi: Counter = Counter()
    for word in train:
        padded = "^^" + word + "$"
        for i in range(2, len(padded)):
            tri[padded[i - 2 : i + 1]] += 1
            bi[padded[i - 2 : i]] += 1

    def score(word: str) -> float:
        padded = "^^" + word + "$"
        logp = sum(
            math.log((tri[padded[i - 2 : i + 1]] + 0.1) / (bi[padded[i - 2 : i]] + 2.8))
            for i in range(2, len(padded))
        )
        return logp / (len(padded) - 2)

    real = [score(w) for w in held]
    garbled = [score(t) for w in held if (g := garble(w, rng)) for t in tokens(g)]
    wins = sum((r > g) + 0.5 * (r == g) for r in real for g in garbled)
    auc = wins / (len(real) * len(garbled))
    return [
        f"| G: letter-trigram plausibility, real vs garbled name words (AUC; 0.5 = chance) | "
        f"{auc:.2f} ({len(real)} real, {len(garbled)} garbled; 'youlf' {score('youlf'):.2f}, "
        f"real median {statistics.median(real):.2f} per letter) |"
    ]


_LANGUAGES = {"IR": "Persian (IR)", "TR": "Turkish (TR)", "IL": "Hebrew (IL)"}


def set_h(rng: random.Random) -> tuple[list[str], list[str]]:
    """Unlisted names: places of the evaluation half (``noise.held_out``, never trained on)
    removed from the gazetteer, each in a sentence as written and garbled."""
    from toolkit.names.garbled import garbled_probability

    entries = list(builtin_entries())
    places = [e for e in entries if e.lat is not None and e.type not in {"country", "region"}]
    unlisted = [e for e in places if held_out(e.canonical) and e.canonical.isascii()]
    gone = {id(e) for e in unlisted}
    gaz = Gazetteer(e for e in entries if id(e) not in gone)
    listed = [e for e in places if id(e) not in gone]
    counts = {"real": [0, 0, 0], "garbled": [0, 0, 0]}  # sentences, NM104, NM101/102
    by_language: dict[str, list[int]] = {}  # real, false alarms, garbled, found
    scores: dict[str, list[float]] = {"real": [], "garbled": []}
    flagged_real = []
    for entry in rng.sample(unlisted, min(400, len(unlisted))):
        near = _nearest(entry, listed)
        garbled = garble(entry.canonical, rng)
        if near is None or garbled is None:
            continue
        for kind, name in (("real", entry.canonical), ("garbled", garbled)):
            text = f"Fighting was reported in {name}, near {near.canonical}, on Monday."
            found = [s for s in analyse(Document(text), gaz, "ar").suspects if s.start == 25]
            counts[kind][0] += 1
            counts[kind][1] += any(s.reason == "unrecognised" for s in found)
            counts[kind][2] += any(s.reason != "unrecognised" for s in found)
            scores[kind].append(garbled_probability(name))
            language = by_language.setdefault(_LANGUAGES.get(entry.country, "Arabic"), [0] * 4)
            offset = 0 if kind == "real" else 2
            language[offset] += 1
            language[offset + 1] += any(s.reason == "unrecognised" for s in found)
            if kind == "real" and any(s.reason == "unrecognised" for s in found):
                flagged_real.append(name)
    (n_real, fp, wrong_real), (n_garbled, tp, wrong_garbled) = counts["real"], counts["garbled"]
    wins = sum((g > r) + 0.5 * (g == r) for g in scores["garbled"] for r in scores["real"])
    auc = wins / max(1, len(scores["garbled"]) * len(scores["real"]))
    return [
        "| H: unlisted places (evaluation half, removed from the gazetteer), in context | |",
        f"| garbled-word model, garbled vs real name (AUC; G's trigram model above) | {auc:.2f} |",
        f"| NM104 recall: garbled unlisted names flagged | {_pct(tp, n_garbled)} |",
        f"| NM104 on real unlisted names (false alarms) | {_pct(fp, n_real)} |",
        f"| NM104 precision (equal numbers of real and garbled names) | {_pct(tp, tp + fp)} |",
        "| NM104 by the place's country (recall; false alarms) | "
        + "; ".join(
            f"{name} {_pct(found, garbled)}; {_pct(alarms, real)}"
            for name, (real, alarms, garbled, found) in sorted(by_language.items())
        )
        + " |",
        f"| NM101/102 with a wrong entity (the right one is not listed): real / garbled | "
        f"{_pct(wrong_real, n_real)} / {_pct(wrong_garbled, n_garbled)} |",
    ], flagged_real


def main() -> str:
    if not DATA.is_dir():
        raise SystemExit(f"shared data not found at {DATA}")
    started = time.process_time()
    gaz = load_gazetteer()
    gaz.search("warm up")
    load = time.process_time() - started
    rows = ["| measure | value |", "|---|---|"]
    rows += set_a(gaz, random.Random(4))
    rows += set_b(random.Random(5))
    c_rows, c_examples = set_c(random.Random(6))
    rows += c_rows
    d_rows, listing, e_rows = set_d_e()
    rows += d_rows + e_rows + set_speed() + set_f() + set_g(gaz, random.Random(7))
    h_rows, h_flagged = set_h(random.Random(8))
    rows += h_rows
    rows.append(f"| E: gazetteer load and index (once per process) | {1000 * load:.0f} ms |")
    seed_doc = Document((ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8"))
    seed = analyse(seed_doc, gaz)
    seed_lines = [f"- `{s.text}` -> {s.candidates[0].entry.canonical}" for s in seed.suspects]
    seed_lines += [f"- `{r.text}` -> {r.entry.canonical} (CO102)" for r in seed.renamed]
    parts = [
        "## names",
        "",
        "Garbled transliterated names (NM101-104) and entity consistency (CO101-102). "
        "Noise model and sets: `benchmarks/bench_names.py` docstring.",
        "",
        *rows,
        "",
        "Seed article:",
        *seed_lines,
        "",
        "Held-out variants the check called garbled (sample):",
        *(f"- {line}" for line in c_examples or ["none"]),
        "",
        "Real unlisted names NM104 flagged (set H, all):",
        *(f"- {name}" for name in h_flagged or ["none"]),
        "",
        "Every finding on clean text:",
        *(f"- {line}" for line in listing or ["none"]),
    ]
    return "\n".join(parts)


if __name__ == "__main__":
    print(main())
