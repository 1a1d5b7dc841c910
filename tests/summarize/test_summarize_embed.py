"""The embed method, on a tiny random-weight BERT built here in place of MiniLM."""

from __future__ import annotations

import pytest

from toolkit.summarize import embed as embed_module
from toolkit.summarize import summarize

TEXT = (
    "Flood waters rose across the northern city of Mosul on Monday after heavy rain. "
    "Officials said the river reached its highest level in twenty years. "
    "Rescue teams moved families from flooded homes near the river in Mosul. "
    "Heavy rain is expected to continue, officials said."
)


@pytest.fixture()
def tiny_encoder(monkeypatch, tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    words = sorted({w.strip(".,").lower() for w in TEXT.split()})
    (tmp_path / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]), encoding="utf-8"
    )
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt"))
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=len(words) + 5,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    model = transformers.BertModel(config).eval()
    monkeypatch.setattr(embed_module, "_encoder", lambda: (tokenizer, model))


def test_embed_picks_sentences_with_offsets(tiny_encoder) -> None:
    vectors = embed_module.embed(["heavy rain", "rescue teams", "heavy rain"])
    assert vectors.shape == (3, 16)
    assert float(vectors[0] @ vectors[2]) == pytest.approx(1.0, abs=1e-5)
    result = summarize(TEXT, 2, method="embed")
    assert result.method == "embed" and len(result.sentences) == 2
    for s in result.sentences:
        assert TEXT[s.start : s.end] == s.text
    assert summarize("One sentence only.", 3, method="embed").text == "One sentence only."
