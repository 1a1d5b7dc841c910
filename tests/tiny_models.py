"""A random-weight one-layer Llama saved like a real model, for the model-loading tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def save_tiny_llama(folder: Path, tokenizer: Any, max_positions: int, **ids: int) -> Path:
    """Save ``tokenizer`` and a tiny random Llama sized to it in ``folder``.

    ``ids`` are the special token ids of the config (``bos_token_id``, ``eos_token_id``, ...).
    """
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    tokenizer.save_pretrained(folder)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=2,
        max_position_embeddings=max_positions,
        **ids,
    )
    LlamaForCausalLM(config).save_pretrained(folder)
    return folder
