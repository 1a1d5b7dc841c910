"""Fresh grammar, fragment and repetition artifacts, written for these tests (not taken from any
tuning article), one or more per source language, and the native text each mechanism must
leave alone. Each case: the whole default check must report a finding overlapping the span."""

import pytest

from toolkit.pipeline import check

KINDS = ("grammar", "fragment", "repetition")

ARTIFACTS = [
    # grammar: a count noun without its article
    ("ar", "The ministry said in statement that the convoy reached the crossing.", "in statement"),
    ("fa", "The spokesman told reporters at press conference in Shiraz on Sunday.", "at press"),
    ("tr", "Few days later, the governor of Izmir announced new measures.", "Few days"),
    ("ur", "The prime minister held meeting with the army chief on Tuesday.", "held meeting"),
    ("zh", "Officials said the new railway is important step for the economy.", "important"),
    ("ar", "The agency issued statement on the arrests late on Friday.", "issued statement"),
    # grammar: the present perfect with a finished time
    ("ru", "The Kremlin has announced on Monday that the summit was postponed.", "has announced"),
    ("fr", "The finance minister has resigned yesterday after a vote.", "has resigned"),
    ("tr", "Two soldiers have been killed last week near the border town of Cizre.", "have been"),
    # grammar: a verb with the source language's preposition
    ("ur", "The protesters demanded for the release of the detained students.", "demanded for"),
    ("ar", "The delegation visited to the camps in northern Lebanon on Tuesday.", "visited to"),
    ("tr", "The president congratulated to the new prime minister of Azerbaijan.", "congratulated"),
    ("ru", "The commission requested for additional documents from the bank.", "requested for"),
    ("fa", "Police entered into the village of Deh Now at dawn with armoured cars.", "entered"),
    ("zh", "Delegates participated to the forum on water security in Kunming.", "participated"),
    # fragments: an adjunct or clause split off by a full stop
    ("ar", "Prices rose sharply in Amman. Since the beginning of the year.", "Since"),
    ("fr", "The strike paralysed the railways. Mostly in the south of the country.", "Mostly"),
    ("ru", "The border will remain closed. Until the end of the investigation.", "Until"),
    ("tr", "Work on the bridge began in March. Under the supervision of the governor.", "Under"),
    # fragments: two sentences joined by a comma
    ("ur", "The flood destroyed 300 homes in Sindh, the government has announced aid.", ","),
    ("zh", "The satellite was launched from Jiuquan on Friday, it will monitor crops.", ","),
    # repetition: a clause or sentence said twice in other words
    (
        "ar",
        "The committee will meet again on Sunday to review the draft law. The committee is going "
        "to meet again on Sunday in order to review the draft law.",
        "The committee is going",
    ),
    (
        "zh",
        "Three workers were injured in the blast at the chemical plant, and three workers were "
        "injured in the blast.",
        "three workers were injured in the blast.",
    ),
    (
        "fa",
        "The central bank raised its key interest rate by two points on Wednesday. Inflation "
        "reached 40 percent. The central bank of the country raised the key interest rate by two "
        "points on Wednesday.",
        "The central bank of the country",
    ),
    ("tr", "The summit will be held in in Ankara next month.", "in in"),
]

NATIVE = [
    "He was taken to hospital, where he died in police custody on Monday.",
    "At home, the mood was calm; by phone, officials said little.",
    "Few people have seen the report, and fewer still have read it.",
    "The company has said it will appeal, and it has hired new lawyers since last year.",
    "Police have made 12 arrests since Monday.",
    "They demanded that the government act, and entered into talks with the unions.",
    "The team participated in the forum, which was held in Paris.",
    "If the vote passes, the law will take effect in May.",
    "The minister, who took office in 2019, said the talks were useful.",
    "Prices rose sharply last year. Since then, they have fallen by half.",
    "The road was closed for hours. For the first time in a decade, the river froze.",
    "Oil rose 2% on Monday. It fell again on Tuesday, traders said.",
    "The bank raised rates on Monday. The move surprised markets, which had expected a pause.",
]


def _overlapping(text: str, needle: str):
    start = text.index(needle)
    end = start + len(needle)
    return [f for f in check(text) if f.kind in KINDS and f.start < end and f.end > start]


@pytest.mark.parametrize("lang, text, needle", ARTIFACTS, ids=[f"{a[0]}-{a[2]}" for a in ARTIFACTS])
def test_fresh_artifact_is_found(lang, text, needle):
    assert _overlapping(text, needle), text


@pytest.mark.parametrize("text", NATIVE)
def test_native_text_is_left_alone(text):
    assert [(f.rule, f.text) for f in check(text) if f.kind in KINDS] == []


MORE_ARTIFACTS = [
    ("ur", "Spokesman of the provincial police said four suspects were held.", "Spokesman"),
    ("fa", "Talks stalled because delegation was late for the session in Geneva.", "delegation"),
    ("ar", "The ministry announces yesterday that the crossing was closed.", "announces"),
    ("ru", "The governor says on Monday that schools in Tomsk will reopen.", "says"),
    ("ur", "Witnesses told that the gunmen fled towards the hills of Kurram.", "told that"),
    ("tr", "One of the firefighters were injured while fighting the blaze.", "were"),
    ("zh", "Each of the provinces have set up a flood-control headquarters.", "have"),
]

MORE_NATIVE = [
    "I was told that the road was closed, and I'm told that it will reopen.",
    "One of the soldiers who were wounded died in hospital.",
    "Reports last week said the dam was damaged.",
    "Parliament voted on Monday to extend the mandate.",
    "He said that meeting was productive.",
    "The dispute began in 1991. For more than two decades part of her estate remained unsold.",
]


@pytest.mark.parametrize("lang, text, needle", MORE_ARTIFACTS, ids=[a[2] for a in MORE_ARTIFACTS])
def test_more_fresh_artifacts_are_found(lang, text, needle):
    assert _overlapping(text, needle), text


@pytest.mark.parametrize("text", MORE_NATIVE)
def test_more_native_text_is_left_alone(text):
    assert [(f.rule, f.text) for f in check(text) if f.kind in KINDS] == []


VERB_PREPOSITIONS = [
    ("fa", "The families returned to home after the floods in Sistan receded.", "returned to"),
    ("ru", "The minister responded on the criticism of the opposition.", "responded on"),
    ("ar", "Officials are still awaiting for the results of the autopsy.", "awaiting for"),
    ("fr", "The commission consists from eleven judges and two clerks.", "consists from"),
    ("tr", "The ministry reacted on the statement of the Greek navy.", "reacted on"),
]


@pytest.mark.parametrize(
    "lang, text, needle", VERB_PREPOSITIONS, ids=[a[2] for a in VERB_PREPOSITIONS]
)
def test_verb_with_source_preposition_is_found(lang, text, needle):
    assert _overlapping(text, needle), text


SHELL_NOUNS = [
    (
        "tr",
        "Ankara recalled its envoy on Monday. A move that angered officials in Vienna.",
        "A move",
    ),
    ("ar", "The army shelled the village overnight. An attack which killed three children.", "An"),
    (
        "fr",
        "The court upheld the ban on Friday. A decision that the opposition called unjust.",
        "A",
    ),
]
SHELL_NATIVE = [
    "The minister resigned. A man who was arrested on Monday has been charged.",
    "The minister resigned. A move that surprised few was announced on Friday.",
    "It rained all day. A storm that hit the coast later moved north.",
]


@pytest.mark.parametrize("lang, text, needle", SHELL_NOUNS, ids=[a[0] for a in SHELL_NOUNS])
def test_detached_shell_noun_is_found(lang, text, needle):
    assert _overlapping(text, needle), text


@pytest.mark.parametrize("text", SHELL_NATIVE)
def test_shell_noun_with_main_verb_is_left_alone(text):
    assert [(f.rule, f.text) for f in check(text) if f.kind in KINDS] == []


ABSTRACT_NOUNS = [
    ("ar", "The new plan aims to fight the unemployment, the minister said.", "the unemployment"),
    (
        "fr",
        "The court vowed to fight the corruption, according to its president.",
        "the corruption",
    ),
]


@pytest.mark.parametrize("lang, text, needle", ABSTRACT_NOUNS, ids=[a[0] for a in ABSTRACT_NOUNS])
def test_article_before_abstract_noun_is_found(lang, text, needle):
    assert _overlapping(text, needle), text


def test_abstract_noun_with_a_complement_keeps_its_article():
    text = "The poverty of the region is striking, and the inflation rate rose to 60 percent."
    assert [f.rule for f in check(text) if f.kind in KINDS] == []


DURATIONS_AND_SUBJECTS = [
    ("ur", "The shop has been closed from two years, residents of Quetta said.", "from two years"),
    ("ar", "The envoy visited Tripoli before two weeks, the agency reported.", "before two weeks"),
    ("fa", "He was arrested before three days in Mashhad.", "before three days"),
    ("tr", "The mayor and his deputies was detained in Van on Tuesday.", "was"),
    ("zh", "The chairman and the other board members has resigned.", "has"),
]
DURATION_NATIVE = [
    "They must register before two weeks pass, and the sentence was cut from ten years to five.",
    "The makeup was delicate and the team service was good.",
    "The head of state and commander-in-chief was present.",
    "The plan brings the agriculture, retail and property sectors into the tax net.",
]


@pytest.mark.parametrize(
    "lang, text, needle", DURATIONS_AND_SUBJECTS, ids=[a[2] for a in DURATIONS_AND_SUBJECTS]
)
def test_duration_and_coordinated_subject_are_found(lang, text, needle):
    assert _overlapping(text, needle), text


@pytest.mark.parametrize("text", DURATION_NATIVE)
def test_native_durations_and_subjects_are_left_alone(text):
    assert [(f.rule, f.text) for f in check(text) if f.kind in KINDS] == []
