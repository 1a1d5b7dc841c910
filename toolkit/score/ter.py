"""TER with sacreBLEU's exact figures, computed faster.

sacreBLEU's TER (``sacrebleu.metrics.lib_ter``, after Tercom) greedily applies the word shift
that lowers the beam-limited edit distance most, and spends most of its time computing one
edit distance per candidate shift in pure Python. Here every candidate shift of one step is
scored at once: the candidates differ from the hypothesis only after a shared prefix, all
have its length, and so share the beam window of each row, so one numpy pass over the rows
computes all their distances. Insertions, which make a row depend on itself, are resolved
with a running minimum (``d[j] = min_k c[k] + j - k``). The candidates, their order, the
1,000-candidate limit and the tie-breaking (longest shift, earliest start, earliest target)
are sacreBLEU's, and the one alignment per step comes from the same dynamic programme with
sacreBLEU's preference among equal-cost operations, so the statistics are identical.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from sacrebleu.metrics import TER
from sacrebleu.metrics.lib_ter import (
    _BEAM_WIDTH,
    _INT_INFINITY,
    _MAX_SHIFT_CANDIDATES,
    _MAX_SHIFT_DIST,
    _MAX_SHIFT_SIZE,
    _flip_trace,
    _perform_shift,
    trace_to_alignment,
)

from toolkit.score.stats import StatsMemo

INF = _INT_INFINITY


def _windows(n_hyp: int, n_ref: int) -> list[tuple[int, int]]:
    """sacreBLEU's beam: the columns [lo, hi) of each row 1..n_hyp (index 0 unused)."""
    ratio = n_ref / n_hyp if n_hyp else 1
    beam = math.ceil(ratio / 2 + _BEAM_WIDTH) if ratio / 2 > _BEAM_WIDTH else _BEAM_WIDTH
    windows = [(0, 0)]
    for i in range(1, n_hyp + 1):
        diagonal = math.floor(i * ratio)
        hi = n_ref + 1 if i == n_hyp else min(n_ref + 1, diagonal + beam)
        windows.append((max(0, diagonal - beam), hi))
    return windows


class _Distance:
    """Beam edit distances of hypotheses (word ids) of one length against one reference."""

    def __init__(self, ref: np.ndarray, n_hyp: int) -> None:
        self.ref = ref
        self.windows = _windows(n_hyp, len(ref))
        self.first = np.arange(len(ref) + 1, dtype=np.int64)  # row 0: insertions

    def rows(self, hyps: np.ndarray, start: int, row: np.ndarray, keep: bool = False) -> Any:
        """Rows start+1.. of the matrices of ``hyps`` (K x n) from their shared row ``start``.

        Returns the last row of each (K x m+1), or with ``keep`` every row of the first
        hypothesis (n+1 x m+1, rows before ``start`` left empty).
        """
        count, width = len(hyps), len(self.ref) + 1
        prev = np.broadcast_to(row, (count, width))
        kept = np.full((hyps.shape[1] + 1, width), INF, dtype=np.int64) if keep else None
        if keep:
            kept[start] = prev[0]
        steps = np.arange(width, dtype=np.int64)
        for i in range(start + 1, hyps.shape[1] + 1):
            lo, hi = self.windows[i]
            cur = np.full((count, width), INF, dtype=np.int64)
            first = max(lo, 1)
            if first < hi:
                mismatch = hyps[:, i - 1, None] != self.ref[None, first - 1 : hi - 1]
                cost = np.minimum(prev[:, first - 1 : hi - 1] + mismatch, prev[:, first:hi] + 1)
                left = prev[:, :1] + 1 if lo == 0 else np.full((count, 1), INF, dtype=np.int64)
                chain = np.concatenate((left, np.minimum(cost, INF)), axis=1)
                offsets = steps[: chain.shape[1]]
                best = np.minimum.accumulate(chain - offsets, axis=1) + offsets
                cur[:, first:hi] = np.minimum(best[:, 1:], INF)
            if lo == 0:
                cur[:, 0] = prev[:, 0] + 1
            prev = cur
            if keep:
                kept[i] = cur[0]
        return kept if keep else prev

    def trace(self, hyp: np.ndarray) -> tuple[int, str, np.ndarray]:
        """Distance, sacreBLEU's trace of edit operations and the full matrix of one hypothesis.

        Of several operations of equal cost the trace takes, as sacreBLEU does, the
        substitution (or match), then the deletion, then the insertion.
        """
        matrix = self.rows(hyp[None, :], 0, self.first, keep=True)
        ref, ops = self.ref, []
        i, j = len(hyp), len(ref)
        while i > 0 or j > 0:
            if i == 0:
                ops.append("i")
                j -= 1
                continue
            if j == 0:
                ops.append("d")
                i -= 1
                continue
            value, same = matrix[i, j], hyp[i - 1] == ref[j - 1]
            if value >= INF:
                raise AssertionError("TER trace left the beam")
            if matrix[i - 1, j - 1] + (not same) == value:
                ops.append(" " if same else "s")
                i, j = i - 1, j - 1
            elif matrix[i - 1, j] + 1 == value:
                ops.append("d")
                i -= 1
            else:
                ops.append("i")
                j -= 1
        return int(matrix[-1, -1]), "".join(reversed(ops)), matrix


def _shifted_pairs(hyp: Sequence[int], ref: Sequence[int], where: dict[int, list[int]]) -> Any:
    """sacreBLEU's ``_find_shifted_pairs`` (same pairs, same order), via word positions."""
    n_hyp, n_ref = len(hyp), len(ref)
    for start_h in range(n_hyp):
        for start_r in where.get(hyp[start_h], ()):
            if abs(start_r - start_h) > _MAX_SHIFT_DIST:
                continue
            length = 0
            while hyp[start_h + length] == ref[start_r + length] and length < _MAX_SHIFT_SIZE:
                length += 1
                yield start_h, start_r, length
                if n_hyp == start_h + length or n_ref == start_r + length:
                    break


def _candidates(
    hyp: list[int], ref: list[int], where: dict[int, list[int]], trace: str, checked: int
) -> tuple[list[tuple[int, int, int]], int]:
    """The shifts sacreBLEU's ``_shift`` tries, in its order: (start, length, target)."""
    align, ref_err, hyp_err = trace_to_alignment(_flip_trace(trace))
    found = []
    for start_h, start_r, length in _shifted_pairs(hyp, ref, where):
        if not any(hyp_err[start_h : start_h + length]):
            continue
        if not any(ref_err[start_r : start_r + length]):
            continue
        if start_h <= align[start_r] < start_h + length:
            continue
        previous = -1
        for offset in range(-1, length):
            if start_r + offset == -1:
                target = 0
            elif start_r + offset in align:
                target = align[start_r + offset] + 1
            else:
                break
            if target == previous:
                continue
            previous = target
            found.append((start_h, length, target))
            checked += 1
        if checked >= _MAX_SHIFT_CANDIDATES:
            break
    return found, checked


def translation_edit_rate(words_hyp: Sequence[str], words_ref: Sequence[str]) -> tuple[int, int]:
    """(edits, reference length), equal to ``sacrebleu.metrics.lib_ter.translation_edit_rate``."""
    if not words_ref:
        return len(words_hyp), 0
    ids: dict[str, int] = {}
    ref = [ids.setdefault(w, len(ids)) for w in words_ref]
    hyp = [ids.setdefault(w, len(ids)) for w in words_hyp]
    where: dict[int, list[int]] = {}
    for position, word in enumerate(ref):
        where.setdefault(word, []).append(position)
    distance = _Distance(np.array(ref, dtype=np.int64), len(hyp))
    shifts = checked = 0
    while True:
        score, trace, matrix = distance.trace(np.array(hyp, dtype=np.int64))
        found, checked = _candidates(hyp, ref, where, trace, checked)
        if not found or checked >= _MAX_SHIFT_CANDIDATES:
            break
        order = list(range(len(hyp)))
        shifted = np.array([_perform_shift(order, s, n, t) for s, n, t in found], dtype=np.int64)
        start = min(min(s, t) for s, _, t in found)
        hyps = np.array(hyp, dtype=np.int64)[shifted]
        last = distance.rows(hyps, start, matrix[start])[:, -1]
        best = max(
            range(len(found)),
            key=lambda k: (score - int(last[k]), found[k][1], -found[k][0], -found[k][2], -k),
        )
        if score - int(last[best]) <= 0:
            break
        shifts += 1
        hyp = hyps[best].tolist()
    return shifts + score, len(words_ref)


class FastTER(StatsMemo, TER):
    """sacreBLEU's TER metric (same options, signature and figures) with the faster search."""

    def _compute_segment_statistics(self, hypothesis: str, ref_kwargs: dict) -> list[float]:
        words_hyp = hypothesis.split()
        ref_lengths, best = 0, int(1e16)
        for words_ref in ref_kwargs["ref_words"]:
            edits, length = translation_edit_rate(words_hyp, words_ref)
            ref_lengths += length
            best = min(best, edits)
        return [best, ref_lengths / len(ref_kwargs["ref_words"])]
