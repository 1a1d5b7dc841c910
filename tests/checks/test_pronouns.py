import pytest

from toolkit import check
from toolkit.checks import pronouns
from toolkit.checks.pronouns import AnimacyLexicon, PronounCheck
from toolkit.document import Document
from toolkit.errors import ModelError
from toolkit.settings import Settings

DEEP = Settings(fast=False)


def findings(text: str):
    return PronounCheck(DEEP).run(Document(text))


def one(text: str):
    (finding,) = findings(text)
    return finding


def test_seed_pronoun_found_with_rewrite(seed_text):
    (finding,) = check(seed_text, rules=["pronouns"], settings=DEEP)
    assert finding.rule == "PR101"
    assert finding.text == "she suffered"
    assert finding.suggestions == ("suffered by",)
    fixed = seed_text[: finding.start] + finding.suggestions[0] + seed_text[finding.end :]
    assert "the attacks suffered by U.S. bases throughout Syria" in fixed


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("The ministry said in her statement that talks would resume.", "her", "its"),
        ("In her statement, the ministry said talks would resume.", "her", "its"),
        ("Iran said she would retaliate against any attack.", "she", "it"),
        ("The Defence Ministry announced that she had sent troops.", "she", "it"),
        ("Turkey and her allies met in Ankara on Monday.", "her", "its"),
        ("The Ministry of Health announced in her statement that 40 died.", "her", "its"),
        ("Ankara announced that she had summoned the Swedish ambassador.", "she", "it"),
        ("Hamas said in his statement that the talks had failed.", "his", "its"),
        ("He rejected the statement that she issued the ministry on Monday.", "that", "issued by"),
        ("The company said he would appeal the ruling.", "he", "it"),
        ("The army announced that it had shelled the bases he used.", "he", "it"),
        (
            "Officials counted the losses she suffered the Iraqi army in the battle.",
            "she",
            "suffered by",
        ),
    ],
)
def test_gendered_pronoun_for_nonhuman_antecedent(text, span, suggestion):
    finding = one(text)
    assert finding.rule == "PR101"
    assert finding.text.split()[0] == span
    assert finding.suggestions[0] == suggestion


def test_gender_mismatch_with_a_title():
    finding = one("Mrs. Karimi told reporters he would resign next week.")
    assert (finding.rule, finding.text, finding.suggestions) == ("PR102", "he", ("she",))


@pytest.mark.parametrize(
    "text",
    [
        "In the abandoned ship to open a hotel, the heroine his brother how to get a license?",
        "The queen and his son met the press.",
    ],
)
def test_gender_mismatch_in_real_mt_shapes(text):
    """From WMT22 zh-en Online-W output: the possessed noun is not the antecedent."""
    finding = one(text)
    assert (finding.rule, finding.text, finding.suggestions) == ("PR102", "his", ("her",))


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("President Recep Tayyip Erdogan said she would visit Baku.", "she", "he"),
        ("Zeynep Kaya said he had been fired.", "he", "she"),
        ("Ali Khamenei said in her speech that Iran would respond.", "her", "his"),
    ],
)
def test_gender_mismatch_with_a_given_name(text, span, suggestion):
    finding = one(text)
    assert (finding.rule, finding.text, finding.suggestions) == ("PR102", span, (suggestion,))


def test_ships_are_she_in_english():
    assert findings("The tanker sank after she hit a mine.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The woman said she was attacked.",
        "Trump said in his mock news anchor voice that the ministry agreed.",
        "Ford also testified at the hearing about her allegation.",
        "The minister said the government would back her plan.",
        "Sarah Smith left the company in May. She said the firm had cut her pay.",
        "“We do not see any response from the U.S.,” she said.",
        "'Because of the facilities at this club, it belongs in the league,' he said.",
        "Mr. Ahmed met the Queen. She said he was welcome.",
        "The spokeswoman for the ministry said she had no comment.",
        "Protesters said she had been detained by police.",
        "Kataib Hezbollah's leader said he would respond.",
        "The Duchess of Sussex said she was thrilled.",
        "The information commissioner says he is urgently asking for details.",
        "Sarah Palin linked her son's behaviour to PTSD stemming from his service in Iraq.",
        "Joan Puig, a mechanic recording the protest on his phone, said it was calm.",
        "Perhaps the wrong Cromwell would be sacrificed for the actions of his ancestor Thomas.",
        "After she arrived in Ankara, the minister spoke to the press.",
        "Prime Minister Giorgia Meloni said her government would act.",
    ],
)
def test_people_and_speech_are_not_flagged(text):
    assert findings(text) == []


def test_no_gendered_pronoun_loads_no_model(monkeypatch):
    def fail():
        raise AssertionError("spaCy loaded")

    monkeypatch.setattr("toolkit.nlp.english_pipeline", fail)
    assert findings("The ministry said it would respond. The army said they agreed.") == []


def test_missing_model_is_a_model_error(monkeypatch):
    import toolkit.nlp

    monkeypatch.setattr(toolkit.nlp, "SPACY_MODEL", "no_such_spacy_model")
    with pytest.raises(ModelError, match="--deep"):
        toolkit.nlp.english_pipeline.__wrapped__()


def test_animacy_comes_from_corpora():
    lexicon = AnimacyLexicon.load()
    assert lexicon.nouns["ministry"].animacy == "nonhuman"
    assert lexicon.nouns["mrs"].gender == "f"
    assert lexicon.names["united states"].animacy == "nonhuman"
    assert lexicon.class_confidence["vessel"] < 0.5
    assert not pronouns.PronounCheck.needs_model  # the fast path is lexical
