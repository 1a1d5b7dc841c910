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
3. WMT22 zh-en: findings in MT output against the human references of the same lines.
4. MQM TED zh-en: AG findings against the raters' Fluency/Grammar spans.
Each part reports the lexical pass (the default) and ``--deep`` (lexical plus spaCy).
"""

from __future__ import annotations

import collections
import random
from pathlib import Path
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
MODES = {"lexical": Settings(fast=True), "--deep": Settings(fast=False)}


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
    """Recall on corrupted sentences and false alarms on their originals, both passes."""
    made = corruptions(sentences)
    out = [
        "#### Synthetic number slips (noise model on clean sentences)",
        "",
        f"{len(sentences)} clean sentences (BBC, NTREX English) parsed by spaCy; "
        f"{len(made)} have a site and got one corruption (model in benchmarks/agreement_eval.py). "
        "The --deep pass uses the same parser as the noise model, so its verb recall is an "
        "upper bound; the lexical pass shares nothing with it.",
        "",
        "| corruption | sentences | found, lexical (default) | fixed, lexical | found, --deep "
        "| fixed, --deep |",
        "|---|---|---|---|---|---|",
    ]
    results = {label: _noise_run(made, settings) for label, settings in MODES.items()}
    kinds = ("numeral", "quantifier", "verb", None)
    for kind in kinds:
        cells = [f"| {kind or '**all**'} | {sum(c.kind == kind or not kind for c in made)} |"]
        for found, fixed, _ in results.values():
            hits = [h for k, h in found if k == kind or not kind]
            fixes = [h for k, h in fixed if k == kind or not kind]
            cells.append(f" {_pct(sum(hits), len(hits))} | {_pct(sum(fixes), len(fixes))} |")
        out.append("".join(cells))
    for label, (_, _, alarms) in results.items():
        out += [
            "",
            f"False alarms of the {label} pass on the {len(made)} original sentences: "
            f"{len(alarms)} ({1000 * len(alarms) / max(1, len(made)):.1f} per 1,000).",
            "",
        ]
        out += [f"- {f.rule} `{f.text}` in “{text}”" for text, f in alarms]
    return "\n".join(out)


def _noise_run(made: list[Corruption], settings: Settings) -> tuple[list, list, list]:
    """(kind, found) and (kind, fixed) per corruption, and findings on the originals."""
    check = AgreementCheck(settings)
    found, fixed, alarms = [], [], []
    for c in made:
        hits = [f for f in check.run(Document(c.corrupted)) if f.start < c.end and c.start < f.end]
        found.append((c.kind, bool(hits)))
        fixed.append((c.kind, any(_restores(c, f) for f in hits)))
        alarms += [(c.original, f) for f in check.run(Document(c.original))]
    return found, fixed, alarms


def _restores(c: Corruption, finding: object) -> bool:
    if not finding.suggestions:
        return False
    rebuilt = c.corrupted[: finding.start] + finding.suggestions[0] + c.corrupted[finding.end :]
    return rebuilt == c.original


def clean_section(corpora: dict[str, list[str]]) -> str:
    """Agreement findings on clean human news, both passes, every one listed."""
    out = [
        "#### Clean human news",
        "",
        "| corpus | sentences | findings, lexical (default) | per 1,000 | findings, --deep "
        "| per 1,000 |",
        "|---|---|---|---|---|---|",
    ]
    listed = []
    for corpus, texts in corpora.items():
        docs = [Document(text) for text in texts]
        sentences = sum(len(doc.sentences) for doc in docs)
        cells = f"| {corpus} | {sentences} |"
        for label, settings in MODES.items():
            check = AgreementCheck(settings)
            found = [(doc, f) for doc in docs for f in check.run(doc)]
            cells += f" {len(found)} | {1000 * len(found) / sentences:.2f} |"
            for doc, f in found:
                context = doc.text[max(0, f.start - 70) : f.end + 40].replace("\n", " ")
                listed.append(f"- {label} {corpus.split()[0]} {f.rule} `{f.text}` -> "
                              f"{list(f.suggestions)}: “…{context}…”")  # fmt: skip
        out.append(cells)
    out += ["", "Every finding (each a false positive unless the writer slipped):", ""]
    return "\n".join(out + (listed or ["- none"]))


def wmt_section(folder: Path) -> str:
    """AG findings in WMT22 zh-en MT output against the human references of the same lines."""
    out = [
        "#### WMT22 zh-en: MT output against human references",
        "",
        "The same 1,875 source lines; each file checked as one document.",
        "",
        "| translation | lexical | per 1,000 segments | --deep | per 1,000 segments |",
        "|---|---|---|---|---|",
    ]
    shown = []
    for name in ("ref.A.en", "ref.B.en", "JDExploreAcademy.en", "Online-W.en"):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        doc = Document("\n\n".join(lines))
        cells = f"| {name.removesuffix('.en')} |"
        for label, settings in MODES.items():
            found = AgreementCheck(settings).run(doc)
            cells += f" {len(found)} | {1000 * len(found) / len(lines):.1f} |"
            if label == "--deep":
                for f in found:
                    sentence = doc.sentence_at(f.start)
                    text = doc[sentence] if sentence else f.text
                    shown.append(f"- {name} {f.rule} `{f.text}` -> {list(f.suggestions)}: "
                                 f"“{text[:200]}”")  # fmt: skip
        out.append(cells)
    return "\n".join(out + ["", "Every --deep finding:", ""] + (shown or ["- none"]))


def mqm_section(segments: list) -> str:
    """AG findings on MQM-rated zh-en MT: precision against any span and Grammar spans."""
    grammar = [(i, s) for i, seg in enumerate(segments) for s in seg.spans
               if s.category == "Fluency/Grammar"]  # fmt: skip
    out = [
        "#### MQM TED zh-en (Google's ratings of WMT21 systems)",
        "",
        f"{len(segments)} MT segments, {len(grammar)} Fluency/Grammar spans. Each segment "
        "checked alone. Strong MT of TED talks makes few number slips; most grammar spans are "
        "tense, articles, prepositions and word order.",
        "",
        "| pass | findings | on a span of any category | on a Fluency/Grammar span | "
        "Grammar spans found (recall) |",
        "|---|---|---|---|---|",
    ]
    listed = []
    for label, settings in MODES.items():
        check = AgreementCheck(settings)
        findings = [(i, f) for i, seg in enumerate(segments) for f in check.run(Document(seg.text))]
        on_any = sum(any(_overlap(f, s) for s in segments[i].spans) for i, f in findings)
        on_grammar = sum(
            any(_overlap(f, s) for s in segments[i].spans if s.category == "Fluency/Grammar")
            for i, f in findings
        )
        by_segment = collections.defaultdict(list)
        for i, f in findings:
            by_segment[i].append(f)
        recalled = sum(any(_overlap(f, s) for f in by_segment[i]) for i, s in grammar)
        out.append(
            f"| {label} | {len(findings)} | {_pct(on_any, len(findings))} | "
            f"{_pct(on_grammar, len(findings))} | {recalled} of {len(grammar)} "
            f"({_pct(recalled, len(grammar))}) |"
        )
        for i, f in findings:
            spans = ", ".join(s.category for s in segments[i].spans if _overlap(f, s))
            listed.append(f"- {label} {f.rule} `{f.text}` -> {list(f.suggestions)} "
                          f"({spans or 'no span'}): “{segments[i].text[:160]}”")  # fmt: skip
    return "\n".join(out + ["", "Every finding:", ""] + (listed or ["- none"]))


def _overlap(finding: object, span: object) -> bool:
    return finding.start < span.end and span.start < max(finding.end, finding.start + 1)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"
