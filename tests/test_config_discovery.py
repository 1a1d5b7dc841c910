"""Configuration: discovery by walking up, validation, ignore file, and `mtkit check` using it."""

import json

import pytest
from click.testing import CliRunner

from toolkit.cli import main
from toolkit.config import Config, IgnoreList, discover, find_config, load_config
from toolkit.document import Document
from toolkit.errors import UsageError
from toolkit.findings import Rule

GLUED = "It said.”in fact no.\n"


def run(*args, input=None):
    """Invoke mtkit with --fast (model checks load slowly and are tested elsewhere)."""
    return CliRunner().invoke(main, [str(args[0]), "--fast", *map(str, args[1:])], input=input)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "names.tsv").write_text("Jurf al-Sakhar\tplace\n", encoding="utf-8")
    (tmp_path / "style.tsv").write_text("Qaeda\tQaida\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n\n[tool.mtkit]\n"
        'select = ["PU"]\nmin-confidence = 0.5\nfail-on = "major"\n'
        'gazetteers = ["names.tsv"]\nsource-lang = "ar"\nhouse-style = "style.tsv"\n',
        encoding="utf-8",
    )
    article = tmp_path / "desk" / "today" / "article.txt"
    article.parent.mkdir(parents=True)
    article.write_text(GLUED, encoding="utf-8")
    return tmp_path, article


def test_found_by_walking_up_and_paths_resolved(project):
    root, article = project
    assert find_config(article) == root / "pyproject.toml"
    config = discover([str(article)])
    assert config.select == ("PU",) and config.min_confidence == 0.5
    assert config.fail_on == "major" and config.source_lang == "ar"
    assert config.gazetteers == (root / "names.tsv",)
    settings = config.settings(fast=True)
    assert settings.house_style == root / "style.tsv" and settings.source_lang == "ar"
    assert config.settings(source_lang="fa").source_lang == "fa"


def test_mtkit_toml_wins_in_the_same_folder_and_nearer_wins(project):
    root, article = project
    (root / "mtkit.toml").write_text("ignore = ['PU101']\n", encoding="utf-8")
    assert find_config(article) == root / "mtkit.toml"
    (article.parent / "mtkit.toml").write_text("fail-on = 'never'\n", encoding="utf-8")
    assert discover([str(article)]).fail_on == "never"


def test_pyproject_without_mtkit_table_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path / "a.txt") is None


@pytest.mark.parametrize(
    "body, message",
    [
        ("colour = 1\n", r"unknown key\(s\) colour"),
        ("min-confidence = 2\n", "min-confidence must be a number"),
        ("fail-on = 'sometimes'\n", "fail-on must be one of"),
        ("gazetteers = ['missing.tsv']\n", "no such file"),
        ("select = [1]\n", "select must be a list of strings"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_a_usage_error(tmp_path, body, message):
    path = tmp_path / "mtkit.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_config(path)


def test_ignore_file_pairs(tmp_path):
    path = tmp_path / "ignore.tsv"
    path.write_text("# reviewed\nPU101\t.”\nboilerplate-line\tSource link\n*\tYoulf\n")
    ignored = IgnoreList.load(path)
    rule = Rule("PU101", "missing-space", "punctuation", "x", "minor", "s", "w", "e", "f")
    doc = Document("a.”b Youlf")
    assert ignored.covers(rule.at(doc, 1, 3, "m"))
    assert ignored.covers(rule.at(doc, 5, 10, "m"))
    assert not ignored.covers(rule.at(doc, 0, 1, "m"))
    path.write_text("PU101 without a tab\n")
    with pytest.raises(UsageError, match=":1: expected RULE<TAB>text"):
        IgnoreList.load(path)


def test_check_uses_config_and_flags_override(project):
    root, article = project
    (root / "pyproject.toml").write_text(
        "[tool.mtkit]\nfail-on = 'major'\nignore = ['punctuation']\n", encoding="utf-8"
    )
    quiet = run("check", "--format", "json", article)
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["summary"]["total"] == 0
    loud = run(
        "check", "--format", "json", "--ignore", "boilerplate", "--fail-on", "minor", article
    )
    assert loud.exit_code == 1 and "PU101" in loud.stdout


def test_check_ignore_file_and_explicit_config(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GLUED, encoding="utf-8")
    (tmp_path / "skip.tsv").write_text("PU\t.”\n", encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text("ignore-file = 'skip.tsv'\n", encoding="utf-8")
    result = run("check", "--config", other, "--select", "PU101", article)
    assert result.exit_code == 0 and "PU101" not in result.stdout
    missing = run("check", "--config", tmp_path / "nope.toml", article)
    assert missing.exit_code == 2 and "no such configuration file" in missing.stderr


def test_library_check_takes_the_run_configuration(tmp_path):
    from toolkit import check

    (tmp_path / "skip.tsv").write_text("PU\t.”\n", encoding="utf-8")
    (tmp_path / "style.tsv").write_text("Al-Qaeda\tal-Qaida\n", encoding="utf-8")
    (tmp_path / "mtkit.toml").write_text(
        "select = ['PU', 'NM']\nignore-file = 'skip.tsv'\nhouse-style = 'style.tsv'\n",
        encoding="utf-8",
    )
    config = load_config(tmp_path / "mtkit.toml")
    text = "The group Al-Qaeda said on Monday that it would fight.”in fact no , it said ."

    def rules(**options):
        return {f.rule for f in check(text, **options)}

    assert {"PU101", "PU102"} <= rules() and "NM103" not in rules()
    assert "NM103" in rules(config=config) and "PU102" in rules(config=config)
    assert "PU101" not in rules(config=config)  # in the ignore file
    assert rules(config=config, rules=["NM"]) == {"NM103"}


def test_empty_config_when_none_found(tmp_path):
    assert discover([str(tmp_path / "x.txt")]) == Config()


def test_house_style_from_config_reaches_check_and_fix(tmp_path):
    (tmp_path / "style.tsv").write_text("Al-Qaeda\tal-Qaida\n", encoding="utf-8")
    (tmp_path / "mtkit.toml").write_text('house-style = "style.tsv"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The group Al-Qaeda said on Monday that it would fight.\n")
    found = run("check", "--format", "json", article)
    rules = {f["rule"] for f in json.loads(found.stdout)["files"][0]["findings"]}
    assert "NM103" in rules
    fixed = run("fix", article)
    assert fixed.stdout == "The group al-Qaida said on Monday that it would fight.\n"


def test_flag_gazetteers_extend_configured_ones_and_a_model_means_deep(tmp_path):
    config = Config(gazetteers=(tmp_path / "house.tsv",))
    settings = config.settings(gazetteers=(tmp_path / "desk.tsv",))
    assert settings.gazetteers == (tmp_path / "house.tsv", tmp_path / "desk.tsv")
    assert settings.fast and settings.lm_path is None
    deep = config.settings(lm_path=tmp_path / "lm.gguf")
    assert not deep.fast and deep.lm_path == tmp_path / "lm.gguf"


STYLED = (
    "The group Al-Qaeda said on Monday that it would fight in the north of the country.\n\n"
    "The fighters of Al-Qaeda took the town on Sunday, officials said.\n"
)


def test_brief_takes_the_run_configuration(tmp_path):
    (tmp_path / "style.tsv").write_text("Al-Qaeda\tal-Qaida\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(STYLED, encoding="utf-8")

    def briefed(*flags):
        result = CliRunner().invoke(main, ["brief", *map(str, flags), str(article)])
        assert result.exit_code == 0, result.output
        return result.stdout

    assert "al-Qaida" not in briefed()
    (tmp_path / "mtkit.toml").write_text('house-style = "style.tsv"\n', encoding="utf-8")
    assert "The group al-Qaida said" in briefed()
    other = tmp_path / "other.toml"
    other.write_text('house-style = "style.tsv"\nignore = ["NM103"]\n', encoding="utf-8")
    assert "The group Al-Qaeda said" in briefed("--config", other)
    (tmp_path / "skip.tsv").write_text("NM103\tAl-Qaeda\n", encoding="utf-8")
    other.write_text('house-style = "style.tsv"\nignore-file = "skip.tsv"\n', encoding="utf-8")
    assert "The group Al-Qaeda said" in briefed("--config", other)


def test_score_qe_takes_the_run_configuration(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("The army said it ,had retaken the town .\n", encoding="utf-8")

    def rules(*flags):
        result = CliRunner().invoke(main, ["score", "--qe", *map(str, flags), str(hyp)])
        assert result.exit_code == 0, result.output
        (report,) = json.loads(result.stdout)
        return {f["rule"] for segment in report["segments"] for f in segment["findings"]}

    assert "PU102" in rules("--format", "json")
    (tmp_path / "mtkit.toml").write_text('ignore = ["PU"]\n', encoding="utf-8")
    assert "PU102" not in rules("--format", "json")
    other = tmp_path / "other.toml"
    other.write_text('select = ["PU102"]\n', encoding="utf-8")
    assert rules("--format", "json", "--config", other) == {"PU102"}
    refused = CliRunner().invoke(main, ["score", "-r", str(hyp), str(hyp), "--config", str(other)])
    assert refused.exit_code == 2 and "--config goes with --qe" in refused.stderr
