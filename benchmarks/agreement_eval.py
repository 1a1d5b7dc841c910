"""Evaluation of the agreement check (AG101-AG103) for bench_linguistic.py.

1. Clean human news (BBC, NTREX English): every finding listed.
2. Synthetic number slips: clean sentences corrupted by a fixed noise model, recall on the
   corrupted copies and false alarms on the originals. The noise model works from spaCy's
   parse, not from the check's word lists, so the check is not graded on its own heuristics:
   - numeral: a plural noun whose ``nummod`` is a number above one loses its plural
     ("three soldiers" -> "three soldier"; the spaCy lemma is the singular);
   - quantifier: the same after several, many, few, various, numerous, multiple, both,
     these, those;
   - verb: is/are, was/were, has/have, does/do whose ``nsubj``/``nsubjpass`` is a common noun
     (NN/NNS) is swapped for the other number ("the attacks were" -> "the attacks was").
   Every sentence with at least one site gets one corruption, chosen at random (seed 5).
   A corruption is found when an AG finding overlaps the changed word; it is fixed when the
   finding's first suggestion restores the original word.
3. MQM TED zh-en: AG findings against the raters' Fluency/Grammar spans.
"""

from __future__ import annotations

import collections
import random
from typing import NamedTuple

from toolkit.checks.agreement import AgreementCheck
from toolkit.document import Document
from toolkit.settings import Settings

_QUANTIFIER_WORDS = "several many few various numerous multiple both these those"
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions dozens"
)
PLURAL_QUANTIFIERS = frozenset(_QUANTIFIER_WORDS.split())
NUMBER_WORDS = frozenset(_NUMBER_WORDS.split())
SWAPS = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has"}
SWAPS |= {"does": "do", "do": "does"}
SEED = 5


class Corruption(NamedTuple):
    kind: str  # numeral, quantifier or verb
    original: str  # the sentence
    corrupted: str
    start: int  # the changed word in ``corrupted``
    end: int
    restored: str  # the original word


def _plural_number(text: str) -> bool:
    word = text.lower().replace(",", "")
    return word in NUMBER_WORDS or (word.isdigit() and int(word) > 1)


def corruption_sites(sentence: object) -> list[tuple[str, object, str]]:
    """(kind, token, replacement) for every place the noise model may corrupt."""
    sites = []
    for token in sentence:
        if token.tag_ == "NNS" and token.text.islower() and token.lemma_ != token.text:
            children = {c.lower_ for c in token.lefts}
            numerals = [c for c in token.lefts if c.dep_ == "nummod" and _plural_number(c.text)]
            if numerals:
                sites.append(("numeral", token, token.lemma_))
            elif children & PLURAL_QUANTIFIERS:
                sites.append(("quantifier", token, token.lemma_))
        if token.lower_ in SWAPS and token.text.islower():
            verb = token.head if token.dep_ in ("aux", "auxpass") else token
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].tag_ in ("NN", "NNS") and subjects[0].i < token.i:
                sites.append(("verb", token, SWAPS[token.lower_]))
    return sites


def corruptions(sentences: list[str]) -> list[Corruption]:
    """One corruption for each sentence that has a site."""
    from toolkit.nlp import english_pipeline

    rng = random.Random(SEED)
    made = []
    for sentence, parsed in zip(sentences, english_pipeline().pipe(sentences), strict=True):
        sites = corruption_sites(parsed)
        if not sites:
            continue
        kind, token, replacement = rng.choice(sites)
        start = token.idx
        corrupted = sentence[:start] + replacement + sentence[start + len(token.text) :]
        made.append(
            Corruption(kind, sentence, corrupted, start, start + len(replacement), token.text)
        )
    return made


def noise_section(sentences: list[str]) -> str:
    """Recall on corrupted sentences and false alarms on their originals."""
    check = AgreementCheck(Settings())
    made = corruptions(sentences)
    found: dict[str, list[bool]] = collections.defaultdict(list)
    fixed: dict[str, list[bool]] = collections.defaultdict(list)
    alarms, examples_missed = [], collections.defaultdict(list)
    for c in made:
        hits = [f for f in check.run(Document(c.corrupted)) if f.start < c.end and c.start < f.end]
        found[c.kind].append(bool(hits))
        fixed[c.kind].append(any(_restores(c, f) for f in hits))
        if not hits and len(examples_missed[c.kind]) < 4:
            examples_missed[c.kind].append(c.corrupted[max(0, c.start - 50) : c.end + 30])
        alarms += [(c.original, f) for f in check.run(Document(c.original))]
    out = [
        "#### Synthetic number slips (noise model on clean sentences)",
        "",
        f"{len(sentences)} clean sentences (BBC, NTREX English) parsed by spaCy; "
        f"{len(made)} have a site and got one corruption (model in benchmarks/agreement_eval.py).",
        "",
        "| corruption | sentences | found (finding on the changed word) | fixed (first "
        "suggestion restores it) |",
        "|---|---|---|---|",
    ]
    for kind in ("numeral", "quantifier", "verb"):
        hits, fix = found[kind], fixed[kind]
        out.append(f"| {kind} | {len(hits)} | {_pct(sum(hits), len(hits))} | "
                   f"{_pct(sum(fix), len(fix))} |")  # fmt: skip
    every = [h for hits in found.values() for h in hits]
    every_fix = [h for hits in fixed.values() for h in hits]
    out += [
        f"| **all** | {len(every)} | {_pct(sum(every), len(every))} | "
        f"{_pct(sum(every_fix), len(every_fix))} |",
        "",
        f"False alarms on the {len(made)} original sentences: {len(alarms)} "
        f"({1000 * len(alarms) / max(1, len(made)):.1f} per 1,000).",
        "",
    ]
    out += [f"- original: {f.rule} `{f.text}` in “{text}”" for text, f in alarms]
    out += ["", "Missed, a few per kind (why recall is not higher):", ""]
    for kind, texts in examples_missed.items():
        out += [f"- {kind}: “…{t}…”" for t in texts]
    return "\n".join(out)


def _restores(c: Corruption, finding: object) -> bool:
    if not finding.suggestions:
        return False
    rebuilt = c.corrupted[: finding.start] + finding.suggestions[0] + c.corrupted[finding.end :]
    return rebuilt == c.original


def clean_section(corpora: dict[str, list[str]]) -> str:
    """Agreement findings on clean human news, every one listed."""
    check = AgreementCheck(Settings())
    out = [
        "#### Clean human news",
        "",
        "| corpus | sentences | findings | per 1,000 sentences |",
        "|---|---|---|---|",
    ]
    listed = []
    for corpus, texts in corpora.items():
        sentences = count = 0
        for text in texts:
            doc = Document(text)
            sentences += len(doc.sentences)
            for f in check.run(doc):
                count += 1
                context = text[max(0, f.start - 70) : f.end + 40].replace("\n", " ")
                listed.append(f"- {corpus.split()[0]} {f.rule} `{f.text}` -> "
                              f"{list(f.suggestions)}: “…{context}…”")  # fmt: skip
        out.append(f"| {corpus} | {sentences} | {count} | {1000 * count / sentences:.2f} |")
    out += ["", "Every finding (each a false positive unless the writer slipped):", ""]
    return "\n".join(out + (listed or ["- none"]))


def mqm_section(segments: list) -> str:
    """AG findings on MQM-rated zh-en MT: precision against any span and Grammar spans."""
    check = AgreementCheck(Settings())
    findings = []
    for i, segment in enumerate(segments):
        findings += [(i, f) for f in check.run(Document(segment.text))]
    grammar = [(i, s) for i, seg in enumerate(segments) for s in seg.spans
               if s.category == "Fluency/Grammar"]  # fmt: skip
    on_any = sum(any(_overlap(f, s) for s in segments[i].spans) for i, f in findings)
    on_grammar = sum(
        any(_overlap(f, s) for s in segments[i].spans if s.category == "Fluency/Grammar")
        for i, f in findings
    )
    by_segment = collections.defaultdict(list)
    for i, f in findings:
        by_segment[i].append(f)
    recalled = sum(any(_overlap(f, s) for f in by_segment[i]) for i, s in grammar)
    out = [
        "#### MQM TED zh-en (Google's ratings of WMT21 systems)",
        "",
        f"{len(segments)} MT segments, {len(grammar)} Fluency/Grammar spans. Each segment "
        "checked alone.",
        "",
        f"- AG findings: {len(findings)}; on a span of any category: "
        f"{_pct(on_any, len(findings))}; on a Fluency/Grammar span: "
        f"{_pct(on_grammar, len(findings))}.",
        f"- Fluency/Grammar spans overlapped by an AG finding: {recalled} of {len(grammar)} "
        f"({_pct(recalled, len(grammar))}). Strong MT of TED talks makes few number slips; "
        "most grammar spans are tense, articles, prepositions and word order.",
        "",
    ]
    for i, f in findings:
        spans = ", ".join(s.category for s in segments[i].spans if _overlap(f, s)) or "no span"
        out.append(f"- {f.rule} `{f.text}` -> {list(f.suggestions)} ({spans}): "
                   f"“{segments[i].text[:160]}”")  # fmt: skip
    return "\n".join(out)


def _overlap(finding: object, span: object) -> bool:
    return finding.start < span.end and span.start < max(finding.end, finding.start + 1)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"
