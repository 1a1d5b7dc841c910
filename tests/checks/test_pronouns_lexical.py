"""The model-free pronoun resolver that `mtkit check` uses without --deep."""

from pathlib import Path

import pytest

from toolkit import check
from toolkit.checks.pronouns import AnimacyLexicon, PronounCheck
from toolkit.document import Document
from toolkit.resources import iter_tsv
from toolkit.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
CLEAN = (
    "clean_news_bbc.txt",
    "boilerplate_bbc_clean.txt",
    "clean_news_ntrex.txt",
    "ntrex_en_sample.txt",
    "names_clean_syria_ntrex.txt",
)


def findings(text: str):
    return PronounCheck(Settings(fast=True)).run(Document(text))


def test_seed_pronoun_found_by_default(seed_text, monkeypatch):
    def fail():
        raise AssertionError("spaCy loaded")

    monkeypatch.setattr("toolkit.nlp.english_pipeline", fail)
    (finding,) = [f for f in check(seed_text) if f.kind == "pronoun"]
    assert (finding.rule, finding.text, finding.suggestions) == (
        "PR101",
        "she suffered",
        ("suffered by",),
    )
    fixed = seed_text[: finding.start] + finding.suggestions[0] + seed_text[finding.end :]
    assert "the attacks suffered by U.S. bases throughout Syria" in fixed


def test_lexical_is_less_confident_than_parsed(seed_text):
    (fast,) = check(seed_text, rules=["PR"], settings=Settings(fast=True))
    base = AnimacyLexicon.load().class_confidence["base"]  # "U.S. bases", the parsed path's
    assert fast.confidence < base


def test_challenge_set():
    rows = list(iter_tsv(DATA / "linguistic_challenge.tsv"))
    expected = [r for r in rows if r["rule"].startswith("PR")]
    found = [
        (r["rule"], r["span"]) in {(f.rule, f.text) for f in findings(r["text"])} for r in expected
    ]
    assert sum(found) >= 16, f"{sum(found)} of {len(expected)}"
    controls = [r["text"] for r in rows if not r["rule"]]
    assert [t for t in controls if findings(t)] == []


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("The ministry said in her statement that talks would resume.", "her", "its"),
        ("Lebanon announced that she would not extend the truce.", "she", "it"),
        ("Turkey and her allies met in Ankara on Monday.", "her", "its"),
        ("The company said he would appeal the ruling.", "he", "it"),
        ("Hamas said in his statement that the talks had failed.", "his", "its"),
        ("The ministries said that she had closed the crossing.", "she", "they"),
        ("The ministry denied the reports. She said that the border was open.", "She", "It"),
        ("China expressed his strong dissatisfaction with the visit.", "his", "its"),
        ("The Houthi group said he had targeted a ship in the Red Sea.", "he", "it"),
        (
            "Baghdad condemned the strikes she launched the Turkish aircraft.",
            "she launched",
            "launched by",
        ),
        (
            "Officials counted the losses she suffered the Iraqi army.",
            "she suffered",
            "suffered by",
        ),
    ],
)
def test_gendered_pronoun_for_nonhuman(text, span, suggestion):
    (finding,) = findings(text)
    assert (finding.rule, finding.text, finding.suggestions[0]) == ("PR101", span, suggestion)


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Mrs. Karimi told the court he would resign next week.", "he", "she"),
        ("President Recep Tayyip Erdogan said she would visit Baku.", "she", "he"),
        ("Ahmet Yilmaz told the court she had acted alone.", "she", "he"),
    ],
)
def test_trivial_gender_mismatch(text, span, suggestion):
    (finding,) = findings(text)
    assert (finding.rule, finding.text, finding.suggestions) == ("PR102", span, (suggestion,))


@pytest.mark.parametrize(
    "text",
    [
        "The woman said she was attacked.",
        "Sarah Smith left the company in May. She said the firm had cut her pay.",
        "“We do not see any response from the U.S.,” she said.",
        "After she arrived in Ankara, the minister spoke to the press.",
        "Protesters said she had been detained by police.",
        "The ministry said Kowalczyk would appeal. The court said he had no case.",
        "It also inspired his first song choice - Proud by Heather Small.",
        "The documents she sent were lost.",
        "His Majesty the King visited the army base.",
        "They want power.\nDemocrats, he said, are on a mission to resist the ministry.",
        # WMT22 zh-en MT and references: a name or "You" opening a sentence before a verb,
        # an irregular plural ("children"), a candidate only inside a quotation
        'The United States hopes countries act.\nBiden said, "let all our countries report."\n'
        "OK, I'm afraid he sent me the wrong address",
        "The law of our country covers selling children; if it is serious, he may be jailed.",
        "“If you have time, we can discuss it at our company, and the salary is fine. ”\n"
        "You followed him to the company in a haze.",
    ],
)
def test_possible_people_block(text):
    assert findings(text) == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_pronoun_findings(name):
    assert findings((DATA / name).read_text(encoding="utf-8")) == []


def test_people_in_an_earlier_paragraph_do_not_shield_an_institution():
    """Soldiers killed a paragraph earlier are no antecedent of 'her'; in the same paragraph
    they are not either when the words bind 'her' to the subject ("said in her statement")."""
    text = (
        "The Defence Ministry said that three soldiers were killed in the clashes.\n\n"
        "The ministry said in her statement that the attacks were carried out by militants."
    )
    for variant in (text, text.replace("\n\n", " ")):
        (finding,) = [f for f in check(variant) if f.rule.startswith("PR")]
        assert (finding.text, finding.suggestions) == ("her", ("its",))


def test_speech_test_reads_the_paragraph_tail_only(monkeypatch):
    """Bug: each pronoun searched its whole paragraph so far for a closing quote (quadratic:
    a one-megabyte paragraph took minutes). Same answers, reading only the tail."""
    from toolkit.checks.pronouns import forms

    searched: list[int] = []
    pattern = forms._AFTER_QUOTE

    class Recording:
        def search(self, text: str):
            searched.append(len(text))
            return pattern.search(text)

    monkeypatch.setattr(forms, "_AFTER_QUOTE", Recording())
    text = "The talks went on. " * 2000 + "“We will win,”  she said. The army said her unit left."
    doc = Document(text)
    assert forms.in_speech(doc, text.index("she"))
    assert not forms.in_speech(doc, text.index("her unit"))
    assert searched and max(searched) <= 2


@pytest.mark.parametrize(
    ("text", "name", "animacy", "gender"),
    [
        # bugs found on clean text and the dev set, each fixed in the mention reader
        ("Mrs Howard will visit the seats.", "Mrs Howard", "human", "f"),  # title over "Howard"
        ("He met Elizabeth Warren on Monday.", "Elizabeth Warren", "human", "f"),  # not "war"s
        ("Department of Justice Analyst Paul Rowlett testified.", None, "human", "m"),
        (
            "Fenerbahce part ways with Jose Mourinho\n\nFenerbahce announced it.",
            "Fenerbahce",
            "nonhuman",
            None,
        ),
        ("The economy minister, Mehmet Aydin, spoke.", "Mehmet Aydin", "human", "m"),
        ("The envoy, Irina Volkova, spoke.", "Irina Volkova", "human", "f"),
        ("Pavel Ivanovich Kuznets spoke.", "Pavel Ivanovich Kuznets", "human", "m"),
        ("Dilnoza Karimova spoke.", "Dilnoza Karimova", "human", "f"),  # a surname ending
        ("Gul Rahim spoke.", "Gul Rahim", "human", None),  # Gul: men's and women's names
        ("Layla, a nurse, said it.", "Layla", "human", "f"),  # a given name alone, apposed
        ("The Water and Sewage Authority said it.", "Water and Sewage Authority", "nonhuman", None),
        ("The Egypt Express left Aswan.", "Egypt Express", "nonhuman", None),  # a train
    ],
)
def test_mentions_read_names_right(text, name, animacy, gender):
    from toolkit.checks.pronouns.mentions import Text, mentions

    found = mentions(Text(Document(text)), AnimacyLexicon.load())
    person = [
        m for m in found if (name is None or m.text == name) and m.referent.animacy == animacy
    ]
    assert person and person[-1].referent.gender == gender, [(m.text, m.referent) for m in found]


@pytest.mark.parametrize(
    ("text", "span", "rule", "suggestion"),
    [
        # a body reporting "that he/she" after a person who only reported
        (
            "Minister Ali Rezaei said the roads were open. The Red Crescent Society said that he "
            "had sent forty teams to the villages.",
            "he",
            "PR101",
            "it",
        ),
        # a long relative clause between the body and its reporting verb
        (
            "The electoral commission, which counted the ballots over three days in every "
            "province of the country, announced that she had rejected two appeals.",
            "she",
            "PR101",
            "it",
        ),
        # what only a body has: subunits, observers, an accession
        ("The navy began to move his frigates and his units to the coast.", "his", "PR101", "its"),
        ("The commission said that her observers saw no fraud.", "her", "PR101", "its"),
        ("Serbia hopes to finish her accession talks soon.", "her", "PR101", "its"),
        # a named person of known gender reporting about herself or himself
        (
            "The head of the Green Party (GP), Amina Diallo, said that he was ready.",
            "he",
            "PR102",
            "she",
        ),
        (
            "Svetlana Orlova, a teacher, told our reporter that he voted early.",
            "he",
            "PR102",
            "she",
        ),
        # a clause joined to one whose subject is a body, with a person named further back
        (
            "Governor Leila Nasser said the port would reopen. The customs authority kept the "
            "terminal closed for a week, but she could not stop the smuggling.",
            "she",
            "PR101",
            "it",
        ),
        (
            "Mayor Ivan Petrov said the bridge was safe. The city council approved the budget on "
            "Friday and now he will repair the schools.",
            "he",
            "PR101",
            "it",
        ),
        # what a person posts on: the subject's own account
        (
            "Victor Moreno visited the camp. Health Minister Ana Lopes wrote on his social media "
            "account that the camp would close.",
            "his",
            "PR102",
            "her",
        ),
        # what only a state, a city or a company has: relations, a medina, a share price
        (
            "Ms Mensah met the envoy. Ghana had cut her diplomatic relations with Togo.",
            "her",
            "PR101",
            "its",
        ),
        (
            "Mr Lin praised the firm. Then Alibaba saw his share price fall.",
            "his",
            "PR101",
            "its",
        ),
        # a named woman goes on in a joined clause; her father, in an of-phrase, is no rival
        (
            "Leila Haddad, the daughter of Omar Haddad, won the seat in Tyre and he is expected "
            "to lead the bloc.",
            "he",
            "PR102",
            "she",
        ),
        # a passive only things take, whoever the text names
        (
            "Engineer Olga Sokolova said the river was rising. The dam gave way on Friday. "
            "According to Ms Sokolova, she was designed for a flood of seven metres.",
            "she",
            "PR101",
            "it",
        ),
        # a plural group of people as 'she' (Arabic plurals agree in the feminine singular)
        ("The rebels seized the bridge, but she withdrew at dusk.", "she", "PR101", "they"),
        # a vehicle and a spacecraft
        ("The bus left Kandahar at dawn, and she reached Herat at night.", "she", "PR101", "it"),
        ("The orbiter was launched in May. He reached Mars in February.", "He", "PR101", "It"),
    ],
)
def test_generalised_shapes(text, span, rule, suggestion):
    hits = [f for f in findings(text) if f.text == span]
    assert hits and (hits[0].rule, hits[0].suggestions[0]) == (rule, suggestion), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # a person is the subject of the previous sentence, or named before the pronoun
        "Omar Haddad, a lawyer, was detained on Monday. The army said he was a spy.",
        "After questioning Lee, the police said he had confessed.",
        "Maria Costa left the club in May. The club said she had signed for a rival.",
        # a person named between the body and the pronoun, or the subject of the joined clause
        "The court sentenced Omar Haddad to five years, and he will appeal.",
        "Leila Haddad praised Omar Haddad, and he thanked her.",
        # a speaker named before, who only speaks in the joined clause
        "Dr Ana Ruiz leads the space agency. The agency plans three flights. Such missions "
        "would carry cargo only, but she said they could test the docking port.",
        # a woman named just before a plural group's clause
        "Anna Lee watched the final. The fans cheered and she waved.",
        "The students thanked the teacher, and she smiled.",
        # the verb is one only people do
        "The ministry said he was arrested at the airport.",
        "The Pentagon said he would travel to Warsaw on Friday.",
        # a body does arrest: active, not passive
        "His office said he was travelling to Texas.",
        # a person's, not the body's: nomination, contract
        "Judge Amy Ruiz was nominated in May. The committee approved her nomination on Tuesday.",
    ],
)
def test_reports_and_possessions_left_alone(text):
    assert findings(text) == []


def test_a_dateline_place_is_no_subject():
    (finding,) = findings("Riyadh - FIFA announced on Wednesday, during his congress, the hosts.")
    assert (finding.text, finding.suggestions) == ("his", ("its",))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "The head of the jury, the Spanish actress Carmen Ruiz, praised the cast and said"
            " that he considers the film a masterpiece.",
            "he",
        ),
        ("The project leader at ASELSAN, Dr. Ayşe Demir, said that he was proud of them.", "he"),
        (
            "The economic adviser to the president, Prof. Dr. Zeynep Aksoy, said that he"
            " expects prices to fall.",
            "he",
        ),
    ],
)
def test_a_role_takes_the_gender_of_the_name_it_introduces(text, span):
    assert [(f.rule, f.text, f.suggestions) for f in findings(text)] == [("PR102", span, ("she",))]


def test_a_place_like_name_is_no_rival_from_the_previous_sentence():
    text = (
        "The satellite will cover Europe and the Middle East, South Asia and East Africa."
        "\n\nThe chief engineer of the programme, Dr. Elif Aydın, said that he was proud"
        " of the team."
    )
    assert [(f.rule, f.text) for f in findings(text)] == [("PR102", "he")]


def test_a_leaking_translation_is_judged_again_with_people_counting_less():
    body = (
        "Prime Minister Ahmad Karimi opened the new terminal on Sunday. "
        "The airline said that he will add four routes to the Gulf next year."
    )
    assert findings(body) == []  # Karimi, the previous subject, may be 'he'
    leaking = "The ministry said in her statement that the airport was ready.\n\n" + body
    found = [(f.rule, f.text, f.confidence) for f in findings(leaking)]
    assert [(rule, text) for rule, text, _ in found] == [("PR101", "her"), ("PR101", "he")]
    assert found[1][2] < found[0][2]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        (
            "Chief Minister Maryam Nawaz visited the burns ward in Multan on Friday. They said"
            " that no negligence would be tolerated.",
            "She",
        ),
        (
            "Foreign Minister Abbas Araghchi arrived in Muscat on Saturday morning. They stressed"
            " that Tehran was ready for a fair agreement.",
            "He",
        ),
        (
            "Governor Kamran Tessori inaugurated the new water plant in Karachi.\n\nThey directed"
            " that the plant supply the eastern districts first.",
            "He",
        ),
    ],
)
def test_honorific_plural_they_for_one_person(text, suggestion):
    assert [(f.rule, f.text, f.suggestions) for f in findings(text)] == [
        ("PR103", "They", (suggestion,))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister met the protesters on Monday. They said their demands had been ignored.",
        "President Joe Biden met Chancellor Olaf Scholz in Berlin. They said the talks went well.",
        "Mr Khan's lawyer said he was innocent. They said they would appeal.",
        "The government announced the budget on Tuesday. They said taxes would not rise.",
        "The Iranians accused Israel of the attack. They said the response would be harsh.",
        "Ayatollah Ali Sistani received the UN envoy in Najaf. They stressed the need for calm.",
        'Mayor Sadiq Khan opened the station. "They said it could not be done," he said.',
        "Prime Minister Keir Starmer met reporters in Downing Street. They asked about tax.",
    ],
)
def test_they_with_a_plural_or_second_person_in_reach_is_left_alone(text):
    assert [f for f in findings(text) if f.rule == "PR103"] == []


def test_a_possessor_is_no_subject():
    text = (
        "Senegal's national team won the Africa Cup in Abidjan on Sunday, after he beat"
        " Morocco 2-1 in extra time."
    )
    assert [(f.rule, f.text, f.suggestions) for f in findings(text)] == [("PR101", "he", ("it",))]


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Lopez, the special envoy of the secretary-general for Haiti, expressed his deep"
        " concern about the violence.",
        "Amina Mohammed, the deputy of the UN chief, expressed his condolences to the families.",
    ],
)
def test_a_person_inside_an_aside_is_no_rival_for_a_bound_possessive(text):
    assert [(f.rule, f.text, f.suggestions) for f in findings(text)] == [("PR102", "his", ("her",))]


def test_a_person_inside_an_aside_can_be_what_a_report_is_about():
    text = "Nadia Karimova, the lawyer of the jailed blogger Rustam Aliev, said that he had been"
    assert findings(text + " tortured.") == []


def test_in_a_leaking_translation_a_man_opening_the_next_sentence_does_not_shield_a_body():
    body = (
        "The port authority said that he will expand the container terminal next year."
        " Ahmed Saleh has led the authority since 2019."
    )
    assert findings(body) == []  # "he" may be Saleh, named right after
    leaking = "The ministry said in her statement that the port was open.\n\n" + body
    assert [(f.rule, f.text) for f in findings(leaking)] == [("PR101", "her"), ("PR101", "he")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role noun as a surname, and a postposed title, do not outweigh a woman's name
        ("Her daughter Iltija Mufti lost in Bijbehara, and she accepted defeat.", []),
        ("Fatima Sheikh, a nurse who came with his son, was treated.", [("PR102", "his")]),
        # "daughter of" and "son of" inside a name
        ("Commission member Mariem Mint Salem told reporters that she regrets the violence.", []),
        ("Aicha bint Salem told reporters that he had been arrested twice.", [("PR102", "he")]),
        (
            "Mohamed Ould Cheikh told reporters that she had been arrested twice.",
            [("PR102", "she")],
        ),
    ],
)
def test_name_gender_from_particles_and_surname_position(text, expected):
    assert [(f.rule, f.text) for f in findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        (
            "Chief Minister Sardar Ali Khan told reporters that the budget would be presented"
            " next week. In the press conference they said that the province needed more funds.",
            "he",
        ),
        (
            "Governor Rahima Bibi inaugurated the new hospital in Quetta and they said that"
            " health care was a priority.",
            "she",
        ),
        (
            "Captain Babar Hussain said that the victory belonged to the whole team. They said"
            " that the bowlers had done the hard work.",
            "He",
        ),
    ],
)
def test_honorific_they_after_an_opening_phrase_an_and_or_a_reported_clause(text, suggestion):
    assert [(f.rule, f.suggestions) for f in findings(text)] == [("PR103", (suggestion,))]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Anna Novak told the council that the budget was balanced. At the meeting they"
        " said that taxes would rise.",
        "Governor Rahima Bibi met the nurses and they said that the wards were full.",
        "Coach Ivan Petrov said that his players were tired. In the dressing room they said"
        " that the pitch was too dry.",
        "President Ilham Aliyev met the athletes, and they said that the games were a success.",
    ],
)
def test_honorific_they_with_a_group_in_reach_is_left_alone(text):
    assert [f for f in findings(text) if f.rule == "PR103"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Peoples Party of Mehbooba Mufti won three seats. Her daughter lost in Anantnag.",
        "The movement of Benazir Bhutto won the vote. Her son leads the party today.",
        "The bloc of Yulia Tymoshenko came second. Her husband stayed out of politics.",
    ],
)
def test_kin_belongs_to_a_person_never_to_a_body(text):
    # "her daughter": kin only a person has; the party before it is not its owner
    assert [f for f in findings(text) if f.rule == "PR101"] == []
