"""Abstractive summaries: loading a local model, map-reduce chunking, faithfulness fallback.

The model is a tiny random-weight Llama built here, with a word-level tokenizer."""

from __future__ import annotations

import pytest
from tiny_models import save_tiny_llama

from toolkit.document import Document
from toolkit.errors import ModelError
from toolkit.summarize import Length, summarize
from toolkit.summarize import abstractive as ab
from toolkit.summarize.faithfulness import name_key, unsupported

ARTICLE = (
    "Heavy rain flooded the northern city of Mosul on Monday, officials said. "
    "The river rose by 3 metres in two days, the highest level in 20 years. "
    "Rescue teams moved 1,200 families from homes near the river. "
    "Governor Najm al-Jubouri asked the government in Baghdad for help. "
    "More rain is expected on Wednesday, forecasters said."
)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> str:
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from tokenizers import Tokenizer, models, pre_tokenizers

    folder = tmp_path_factory.mktemp("tiny-llama")
    words = sorted(set(ARTICLE.replace(".", " . ").replace(",", " , ").split()))
    vocab = {w: i for i, w in enumerate(["[UNK]", "[PAD]", "[EOS]", *words, ":", "Summarize"])}
    core = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=core, unk_token="[UNK]", pad_token="[PAD]", eos_token="[EOS]"
    )
    return str(save_tiny_llama(folder, tokenizer, 96, eos_token_id=2, pad_token_id=1))


def test_tiny_model_loads_generates_and_chunks(tiny_model: str) -> None:
    summarizer = ab.AbstractiveSummarizer(model=tiny_model)
    result = summarizer.summarize(Document(ARTICLE * 3), Length(sentences=1))
    # 96 positions cannot hold the article: it was summarized in several chunks, then reduced
    assert summarizer.calls > 3
    assert result.method in ("abstractive", "mmr")
    if result.method == "mmr":
        assert result.note.startswith("abstractive summary rejected")
        assert result.sentences


def test_pack_never_drops_text() -> None:
    pieces = ["one two three four", "five six", "seven " * 12 + "end"]
    chunks = ab.pack(pieces, 5, lambda text: len(text.split()))
    assert " ".join(chunks).split() == " ".join(pieces).split()
    assert all(len(c.split()) <= 5 for c in chunks)


class FakeGenerator:
    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.max_positions = 4096

    def count(self, text: str) -> int:
        return len(text.split())

    def __call__(self, text: str, sentences: int, max_new_tokens: int) -> str:
        return self.reply


def test_faithful_output_is_kept(monkeypatch) -> None:
    reply = "Floods hit Mosul on Monday. Rescue teams moved 1,200 families. Extra words here."
    monkeypatch.setattr(ab, "load_generator", lambda model=None: FakeGenerator(reply))
    result = summarize(ARTICLE, 2, method="abstractive")
    assert result.method == "abstractive" and not result.note
    assert result.text == "Floods hit Mosul on Monday. Rescue teams moved 1,200 families."
    assert result.to_dict()["summary"] == result.text


def test_invented_names_and_numbers_fall_back_to_extractive(monkeypatch) -> None:
    reply = "Floods hit Basra on Monday, killing 45 people."
    monkeypatch.setattr(ab, "load_generator", lambda model=None: FakeGenerator(reply))
    result = summarize(ARTICLE, 2, method="abstractive")
    assert result.method == "mmr" and len(result.sentences) == 2
    assert "'45'" in result.note and "'Basra'" in result.note
    assert "extractive" in result.note


def test_empty_output_falls_back(monkeypatch) -> None:
    monkeypatch.setattr(ab, "load_generator", lambda model=None: FakeGenerator(""))
    result = summarize(ARTICLE, 1, method="abstractive")
    assert result.method == "mmr" and "returned nothing" in result.note


def test_missing_model_path_is_a_model_error(tmp_path) -> None:
    with pytest.raises(ModelError):
        ab.load_generator(str(tmp_path / "nowhere"))
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ModelError):
        ab.load_generator(str(tmp_path / "notes.txt"))


def test_unsupported_numbers_and_names() -> None:
    source = "About 2,500 U.S. troops are near Jurf al-Sakhar, said Kataib Hezbollah."
    assert unsupported("Some 2500 troops are near Jurf Al Sakhar.", source) == []
    assert unsupported("Kataib Hezbollah denied it.", source) == []
    assert unsupported("The troops left for Basra in 2021.", source) == ["2021", "Basra"]
    assert name_key("Jurf al-Sakhar") == name_key("JURF AL SAKHAR") == "jurfsakhar"


def test_spelling_variants_of_a_known_name_are_the_same_name() -> None:
    source = "Strikes hit Jurf al-Sakhar, south of Baghdad."
    assert unsupported("Strikes hit Jurf al-Sakhr.", source) == []
    assert unsupported("Strikes hit Jurf Ferhat.", source) == ["Jurf Ferhat"]


def test_sentences_asked_of_the_model() -> None:
    count = ab.AbstractiveSummarizer._sentence_count
    assert count(Length(sentences=2), 40) == 2
    assert count(Length(words=60), 40) == 3
    assert count(Length(ratio=0.5), 400) == ab.AbstractiveSummarizer.MAX_SENTENCES
