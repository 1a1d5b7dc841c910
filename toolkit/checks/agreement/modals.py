"""AG105: a verb form that agrees with a subject after a modal or 'did not' ("would has
been", "did not has", "can helps"): English wants the base form."""

from __future__ import annotations

from toolkit.checks.agreement.phrase import SentenceReader, verb_base
from toolkit.checks.agreement.rules import VERB_AFTER_MODAL
from toolkit.findings import Finding

_BASE = {"is": "be", "are": "be", "was": "be", "were": "be", "am": "be", "has": "have"}
_BASE |= {"does": "do", "says": "say"}


class ModalVerb(SentenceReader):
    """The verb-form rule of a sentence."""

    def _after_modal(self, i: int) -> Finding | None:
        """A finding when token ``i`` is a modal and the verb after it is not a base form."""
        classes, modal = self.lex.classes, self.tokens[i]
        if modal.text != modal.lower or not self._modal_here(i):
            return None
        j = i + 1
        if modal.lower in classes["do_negated"]:
            if not (self._joined(j) and self.tokens[j].lower == "not"):
                return None  # "what he does is": no modal
            j += 1
        while self._joined(j) and self.tokens[j].lower in ("not", *self.lex.adverbs):
            j += 1
        verb = self._word(j)
        if verb is None or not self._joined(j) or verb.text != verb.lower:
            return None
        base = _BASE.get(verb.lower) or verb_base(verb.lower)
        if base is None:
            return None
        return VERB_AFTER_MODAL.at(
            self.doc,
            verb.start,
            verb.end,
            f"After '{modal.text}' the verb takes its base form: '{base}'.",
            [base],
            confidence=0.85,
        )

    def _modal_here(self, i: int) -> bool:
        """Token ``i`` is used as a modal: not after a determiner or possessive ("his
        will", "a must"), and a noun-like modal only after a pronoun or plural noun."""
        before = self._word(i - 1)
        if before is None or not self._joined(i):
            return self.tokens[i].lower not in self.lex.classes["noun_modal"]
        word = before.lower
        if word in self.lex.classes["partitive"] or word in ("a", "an") or word.endswith("'s"):
            return False
        if self.tokens[i].lower not in self.lex.classes["noun_modal"]:
            return True
        return word in self.lex.classes["pronoun"] or word in self.lex.plurals
