"""Realistic English news text for the speed benchmarks, from the shared evaluation data.

BBC articles (one per document), NTREX newstest2019 sentences (20 per document, paragraphs
of 3) and the seed article, from ``tools.shared_data.DATA``; fails clearly if absent.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from tools.shared_data import DATA, ROOT, require


def news_documents() -> list[str]:
    """About 200 documents of clean and machine-translated English news."""
    with require(DATA / "bbc_summ_dev.jsonl").open(encoding="utf-8") as handle:
        docs = [json.loads(line)["article"] for line in handle]
    with require(DATA / "ntrex_en_ar.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        sentences = [row[0] for row in rows]
    for start in range(0, len(sentences), 20):
        group = sentences[start : start + 20]
        docs.append("\n\n".join(" ".join(group[i : i + 3]) for i in range(0, len(group), 3)))
    docs.append((ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8"))
    return docs


def sentence_count(text: str) -> int:
    from toolkit.document import Document

    return len(Document(text).sentences)


def stream_of(sentences: int) -> Iterator[tuple[str, int]]:
    """Documents, repeated, until about ``sentences`` sentences: (text, its sentence count)."""
    docs = [(doc, sentence_count(doc)) for doc in news_documents()]
    total = 0
    while total < sentences:
        for doc, count in docs:
            yield doc, count
            total += count
            if total >= sentences:
                return


def write_stream(path: Path, sentences: int) -> int:
    """A text file of about ``sentences`` sentences (documents separated by blank lines)."""
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for doc, count in stream_of(sentences):
            out.write(doc.strip() + "\n\n")
            total += count
    return total
