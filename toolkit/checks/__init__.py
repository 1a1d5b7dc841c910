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
    "pronouns": "toolkit.checks.pronouns:PronounCheck",
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

    A check that is off by default (``default_enabled = False``) runs when it is in ``names``
    or ``explicit`` (selected by the user), or when the settings enable it.
    """
    classes = [(name, check_class(name)) for name in (names or CHECKS)]
    return [
        cls(settings)
        for name, cls in classes
        if not (settings.fast and cls.needs_model)
        and (names or name in explicit or cls.enabled_by_default(settings))
    ]


def all_rules() -> list[Rule]:
    """Every rule of every registered check, in registry order."""
    return [rule for name in CHECKS for rule in check_class(name).rules]
