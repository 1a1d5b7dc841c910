"""Registry of detector families, by name, imported on first use."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Collection

from toolkit.checks.base import Check
from toolkit.findings import Rule
from toolkit.settings import Settings

# name -> "module:Class". Check modules import nothing heavy at module level.
CHECKS: dict[str, str] = {
    "punctuation": "toolkit.checks.punctuation:PunctuationCheck",
    "capitalisation": "toolkit.checks.capitalisation:CapitalisationCheck",
    "fragments": "toolkit.checks.fragments:FragmentCheck",
    "repetition": "toolkit.checks.repetition:RepetitionCheck",
    "encoding": "toolkit.checks.encoding:EncodingCheck",
    "calques": "toolkit.checks.calques:CalqueCheck",
    "terminology": "toolkit.checks.terminology:TerminologyCheck",
    "pronouns": "toolkit.checks.pronouns:PronounCheck",
    "agreement": "toolkit.checks.agreement:AgreementCheck",
    "grammar": "toolkit.checks.grammar:GrammarCheck",
    "numbers": "toolkit.checks.numbers:NumberCheck",
    "fluency": "toolkit.checks.fluency:FluencyCheck",
    "boilerplate": "toolkit.checks.boilerplate:BoilerplateCheck",
    "bilingual": "toolkit.checks.bilingual:BilingualCheck",
    "names": "toolkit.checks.names:NameCheck",
    "consistency": "toolkit.checks.consistency:ConsistencyCheck",
}


@functools.cache
def check_class(name: str) -> type[Check]:
    """The Check subclass registered under ``name``."""
    module, _, cls = CHECKS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def load_checks(
    settings: Settings, names: list[str] | None = None, explicit: Collection[str] = ()
) -> list[Check]:
    """Instances of the named checks (all registered ones by default).

    A check named in ``names`` or ``explicit`` (selected by the user) always runs: selecting
    a model-backed or off-by-default check opts in to it. Otherwise a check runs when it is on
    by default (``enabled_by_default``) and, with ``settings.fast``, needs no model.
    """
    classes = [(name, check_class(name)) for name in (names or CHECKS)]
    return [
        cls(settings)
        for name, cls in classes
        if names
        or name in explicit
        or (cls.enabled_by_default(settings) and not (settings.fast and cls.needs_model))
    ]


@functools.cache
def rule_index() -> dict[str, tuple[Rule, str]]:
    """Every rule of every registered check, by code, with its check's name (registry order)."""
    return {rule.code: (rule, name) for name in CHECKS for rule in check_class(name).rules}
