"""SentencePiece models: train one on a corpus, load one, and tokenize with it (spBLEU)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from toolkit.errors import InputError, ModelError


def train(
    corpus: Path,
    model: Path,
    vocab_size: int = 8000,
    model_type: str = "unigram",
    character_coverage: float = 0.9995,
) -> Path:
    """Train a SentencePiece model on ``corpus`` (one sentence per line); return the .model path.

    ``model`` is the output path; ".model" is added when missing, and a ".vocab" file is
    written beside it.
    """
    import tempfile

    import sentencepiece

    from toolkit.outputs import Outputs, guard

    if not corpus.is_file():
        raise InputError(f"{corpus}: no such file")
    prefix = model.with_suffix("") if model.suffix == ".model" else model
    written = Path(f"{prefix}.model"), Path(f"{prefix}.vocab")
    prefix.parent.mkdir(parents=True, exist_ok=True)
    guard(written, [corpus])
    with tempfile.TemporaryDirectory(prefix="mtkit-spm-") as folder:
        temp = Path(folder) / "model"
        try:
            sentencepiece.SentencePieceTrainer.train(
                input=str(corpus),
                model_prefix=str(temp),
                vocab_size=vocab_size,
                model_type=model_type,
                character_coverage=character_coverage,
                hard_vocab_limit=False,
                minloglevel=2,
            )
        except (RuntimeError, OSError) as error:
            raise InputError(f"{corpus}: cannot train a SentencePiece model: {error}") from None
        with Outputs() as out:  # both files or neither, never over the corpus
            for path, suffix in zip(written, (".model", ".vocab"), strict=True):
                out.write(path, Path(f"{temp}{suffix}").read_bytes())
    return written[0]


@functools.cache
def load(model: Path) -> Any:
    """A SentencePieceProcessor for a .model file (cached per path)."""
    import sentencepiece

    if not model.is_file():
        raise ModelError(f"{model}: no such SentencePiece model")
    processor = sentencepiece.SentencePieceProcessor()
    try:
        processor.Load(str(model))
    except (RuntimeError, OSError):
        raise ModelError(f"{model}: not a SentencePiece model") from None
    return processor


def model_id(model: Path) -> str:
    """``<file stem>-<first 8 hex digits of its SHA-256>``: names the model in signatures."""
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:8]
    return f"{model.stem}-{digest}"


class SpmTokenizer:
    """A sacreBLEU-style tokenizer (callable plus ``signature()``) over a local model.

    Its signature is ``name`` (a flores model sacreBLEU knows by name), else
    ``spm-<file stem>-<hash>`` (a model of the user's own).
    """

    def __init__(self, model: Path, name: str | None = None) -> None:
        self.processor = load(model)
        self.name = name or f"spm-{model_id(model)}"

    def signature(self) -> str:
        return self.name

    @functools.lru_cache(maxsize=2**16)  # noqa: B019 - one tokenizer per scoring run
    def __call__(self, line: str) -> str:
        return " ".join(self.processor.EncodeAsPieces(line))
