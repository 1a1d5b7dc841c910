"""The parser-free pass of the agreement check: word lists and word order only.

Each sentence is read as a list of word tokens with the text between them
(phrase.py); the noun-number rules (nouns.py) and the subject/verb rules
(verbs.py) apply at each token.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.agreement.data import AgreementLexicon
from toolkit.checks.agreement.modals import ModalVerb
from toolkit.checks.agreement.nouns import NounNumber
from toolkit.checks.agreement.phrase import REACH, Token
from toolkit.checks.agreement.verbs import VerbNumber
from toolkit.document import Document
from toolkit.english import inside, not_prose_spans
from toolkit.findings import Finding


def lexical_findings(doc: Document) -> Iterator[Finding]:
    """AG101, AG102, AG103 and AG105 findings of ``doc``."""
    lexicon = AgreementLexicon.load()
    not_prose = not_prose_spans(doc.text)
    sentences, names, full = [], set(), doc.text
    for sentence in doc.sentences:
        tokens, previous = [], sentence.start
        for word in doc.words_in(sentence):
            start, end = word.start, word.end
            text = full[start:end]
            tokens.append(Token(start, end, text, text.lower(), full[previous:start]))
            previous = end
        names.update(t.lower for t in tokens[1:] if t.text[0].isupper() and t.gap == " ")
        # capitalised inside a sentence: a name ("Steve Jobs")
        if tokens:
            sentences.append((tokens, full[previous : sentence.end]))
    for tokens, tail in sentences:
        reader = _Sentence(doc, tokens, tail, lexicon, frozenset(names))
        for finding in reader.findings():
            if not inside(finding.start, not_prose):
                yield finding  # not in a URL: "$1 each https://..."


class _Sentence(NounNumber, VerbNumber, ModalVerb):
    """The tokens of one sentence and the rules applied at each of them."""

    def findings(self) -> Iterator[Finding]:
        """Every finding of the sentence, in token order."""
        quantifiers, next_verb = self.lex.quantifiers, self._next_verb
        modals = self.lex.classes["modal"] | self.lex.classes["do_negated"]
        for i, token in enumerate(self.tokens):
            word = token.lower
            found: list[Finding | None] = []
            if word in quantifiers or word[0].isdigit() or "-" in word:
                found += (self._numeral_noun(i), self._partitive(i), self._determiner_noun(i))
            elif word == "of":
                found.append(self._quantity_of(i))
            elif word in modals:
                found.append(self._after_modal(i))
            if next_verb[i] - i <= REACH and self._clause_start(i):
                found.append(self._subject_verb(i))
                if word == "there":
                    found.append(self._existential(i))
                joined = any(t.lower == "and" for t in self.tokens[i + 1 : i + 5])
                if joined and (token.text[0].isupper() or word in ("both", "the")):
                    found.append(self._coordinated_names(i))
            yield from filter(None, found)
