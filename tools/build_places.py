"""Build corpora/names/places.tsv.gz from a GeoNames extract.

    python tools/build_places.py [GEONAMES_TSV] [OUTPUT]

The input is GeoNames' cities export (columns geonameid, name, asciiname, country,
feature_code, population, lat, lon, alternatenames), by default
``../shared/data/geonames_mena.tsv``. Each place keeps its ASCII name as canonical, its
Latin-script alternate names as variants (not English phrases such as "White House" for
Casablanca, nor other places' names), and its first Arabic-script alternate name as
the original (Turkish places keep their Turkish name). The output is a gzipped TSV in the
gazetteer format, sorted by population, byte-identical between runs.
"""

from __future__ import annotations

import csv
import gzip
import sys
import unicodedata
from pathlib import Path

from toolkit.english import is_common_word
from toolkit.names.gazetteer import COLUMNS
from toolkit.names.normalize import loose_key
from tools.shared_data import DATA, ROOT

DEFAULT_INPUT = DATA / "geonames_mena.tsv"
DEFAULT_OUTPUT = ROOT / "corpora" / "names" / "places.tsv.gz"
MAX_VARIANTS = 25


def _script(text: str) -> str:
    """ "latin", "arabic" or "other", by the letters of ``text``."""
    scripts = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts.add(
                "latin" if name.startswith("LATIN") else "arabic" if "ARABIC" in name else "other"
            )
    return scripts.pop() if len(scripts) == 1 else "other"


def _good_variant(name: str) -> bool:
    """A Latin name a news text might use: capitalised, not a code or a letter-by-letter key."""
    return (
        _script(name) == "latin"
        and name[:1].isupper()
        and len(name) >= 3
        and not any(c.isdigit() for c in name)
        and not name.isupper()
    )


def _translation(name: str, canonical: str) -> bool:
    """Whether a variant is an English phrase rather than a rendering ("White House" for
    Casablanca, "Philadelphia" for Amman): all its words are common English words and it
    shares none with the canonical name."""
    words = name.replace("-", " ").split()
    shared = set(words) & set(canonical.replace("-", " ").split())
    return not shared and all(is_common_word(w) for w in words)


def place_row(row: dict[str, str]) -> dict[str, str]:
    """One gazetteer row from one GeoNames row."""
    alternates = [a.strip() for a in row["alternatenames"].split(",") if a.strip()]
    canonical = row["asciiname"] or row["name"]
    variants = [
        n
        for n in [row["name"], *alternates]
        if _good_variant(n) and n != canonical and not _translation(n, canonical)
    ]
    by_key: dict[str, str] = {loose_key(canonical): canonical}
    for name in sorted(dict.fromkeys(variants), key=lambda n: not n.isascii()):
        by_key.setdefault(loose_key(name), name)  # "Jarābulus" adds nothing to "Jarabulus"
    variants = [n for n in by_key.values() if n != canonical][:MAX_VARIANTS]
    arabic = next((a for a in alternates if _script(a) == "arabic"), "")
    original = row["name"] if row["country"] == "TR" else arabic
    return {
        "canonical": canonical,
        "variants": "|".join(variants),
        "original": original,
        "type": "place",
        "country": row["country"],
        "lat": row["lat"],
        "lon": row["lon"],
        "source": f"GeoNames {row['geonameid']}",
        "population": row["population"],
    }


def _drop_other_places_names(rows: list[dict[str, str]]) -> None:
    """A variant that is another place's canonical name ("Alexandria" among Mashhad's
    historical names) would make that place's name look like this one: drop it."""
    canonicals = {r["canonical"] for r in rows}
    for row in rows:
        kept = [v for v in row["variants"].split("|") if v and v not in canonicals]
        row["variants"] = "|".join(kept)


def build(source: Path = DEFAULT_INPUT, output: Path = DEFAULT_OUTPUT) -> int:
    """Write the places file; returns the number of places."""
    if not source.is_file():
        raise SystemExit(f"GeoNames extract not found: {source}")
    with source.open(encoding="utf-8", newline="") as handle:
        rows = [place_row(r) for r in csv.DictReader(handle, delimiter="\t", quoting=3)]
    _drop_other_places_names(rows)
    rows.sort(key=lambda r: (-int(r["population"] or 0), r["canonical"]))
    fields = [*COLUMNS, "population"]
    lines = ["\t".join(fields)] + ["\t".join(r[f] for f in fields) for r in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(data)
    return len(rows)


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    count = build(*args)
    sys.stderr.write(f"wrote {count} places\n")
