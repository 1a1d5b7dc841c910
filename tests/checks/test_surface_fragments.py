import pytest

from toolkit.checks.fragments import FragmentCheck
from toolkit.document import Document


def found(text: str):
    doc = Document(text)
    findings = FragmentCheck().run(doc)
    for f in findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.rule, f.text, f.suggestions) for f in findings]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rockets were fired overnight. West Bank.", ("FR101", "West Bank.", ())),
        ("Talks resumed on Monday. Doha, Qatar.", ("FR101", "Doha, Qatar.", ())),
        ("Trade rose 2.5% last year. Ankara.", ("FR101", "Ankara.", ())),
        ("Clashes went on. The West Bank.", ("FR101", "The West Bank.", ())),
        (
            "Xinhua quoted a ministry spokesman as saying. He said the talks were useful.",
            ("FR102", ". He said", ("",)),
        ),
        (
            "Tasnim quoted a commander as saying. The drills will last a week.",
            ("FR102", " as saying", ("",)),
        ),
        ("The ministry issued a statement saying. Talks went on.", ("FR102", "saying.", ())),
        (
            "IRNA quoted him as telling reporters. Talks went on.",
            ("FR102", " as telling reporters", ("",)),
        ),
        ("The minister stressed, as warning. Talks went on.", ("FR102", " as warning", ("",))),
        (
            "Tasnim quoted a commander as saying that. Drills go on.",
            ("FR102", " as saying that", ("",)),
        ),
        (
            "Casualties rose sharply, according to. The army denied it.",
            ("FR102", "according to.", ()),
        ),
        (
            "The U.S. struck three sites in Syria. Against the factions in Iraq.",
            ("FR103", "Against the factions in Iraq.", ()),
        ),
    ],
)
def test_artifact_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States launches raids on two installations in Iraq\n\nIt said so.",
        "BAGHDAD (Reuters) - Rockets hit a base. Officials said so.",
        "Rockets hit a base on Jan. 5, 2024. Jan. 5, 2024.",
        "He said so. “Gaza Strip.”",
        "Rockets hit a base. Photo: Reuters.",
        "What did he say? Nothing. Not any more.",
        "He kept saying. That is all he said.",
        "Prices rose. Five weeks away from one of the most important elections.",
        "He won. It Is Very Bad. And Women Need to Wield It.",
        "Fire broke out. Stop.",
        "He left. Tomorrow's a different beast.",
        "It is the seventh model. The VW ID. SPACE VIZZION is new.",
        "The room went dark. Chaos. Then silence. Nothing. Syria.",
        "The talks were seen as continuing. He agreed.",
        "The minister said:\n\n“We will win.”",
        "The minister said:\n\nWe will win, and soon.",
    ],
)
def test_not_flagged(text):
    assert found(text) == []


@pytest.mark.parametrize("text", ["The minister said:\n\nSource link", "It said in a statement:"])
def test_announced_quote_that_never_comes(text):
    assert [h[0] for h in found(text)] == ["FR102"]


LEAD = "The meeting took place in the capital on Monday. "


@pytest.mark.parametrize(
    "text, span, suggestion",
    [
        ("Tariffs on steel rose. Which will hurt carmakers.", ". Which", ", which"),
        (
            "Protesters gathered outside parliament. Where police fired tear gas.",
            ". Where",
            ", where",
        ),
        (
            "The fund will build 40 clinics. Including two in remote rural districts.",
            ". Including",
            ", including",
        ),
        (
            "Flights were suspended at the airport. Because of the sandstorm that hit the city.",
            ". Because of",
            " because of",
        ),
        (
            "The refinery lies in the east of the country. Near the border with Iraq.",
            ". Near",
            ", near",
        ),
        ("Exports reached 12 billion dollars in the quarter. Up 7 percent.", ". Up", ", up"),
        (
            "Sales of cars fell sharply in March. Down 12 percent from a year earlier.",
            ". Down",
            ", down",
        ),
        (
            "The ministers discussed energy. As was reported by the state news agency.",
            ". As was reported",
            ", as reported",
        ),
        (
            "The minister criticised the plan. Noting that it would harm small firms.",
            ". Noting",
            ", noting",
        ),
        (
            "A car bomb exploded near a market. Killing at least 12 people.",
            ". Killing",
            ", killing",
        ),
        (
            "The talks were postponed. Although both sides said they were ready.",
            ". Although",
            ", although",
        ),
        (
            "The ceasefire collapsed on Sunday. Due to repeated violations by both sides.",
            ". Due to",
            " due to",
        ),
        ("Police arrested three suspects. Whose names were not released.", ". Whose", ", whose"),
        ("Police arrested a man. Who had fled the country in 2019.", ". Who", ", who"),
        ("The talks ended. While the opposition boycotted the vote.", ". While", ", while"),
        (
            "Troops were deployed in the city. To ensure the safety of voters.",
            ". To ensure",
            " to ensure",
        ),
        ("The match went ahead. Despite heavy rain in the capital.", ". Despite", ", despite"),
        ("He was elected in 2019. Which his rivals called a fraud.", ". Which", ", which"),
        ("The town has 40,000 people. Of whom many work in the mines.", ". Of whom", ", of whom"),
        ("The summit opens on Friday. In the Palace of Nations.", ". In", " in"),
        ("The law takes effect on May 2. After being signed by the king.", ". After", " after"),
        (
            "Turnout rose in the north. Especially among young voters.",
            ". Especially",
            ", especially",
        ),
        (
            "Talks began last spring. When the envoy of the council, Jan Roe, proposed a truce.",
            ". When",
            ", when",
        ),
        (
            "The port will open next year. With hopes of drawing two million visitors.",
            ". With",
            ", with",
        ),
        (
            "Workers sealed the breach at dawn. After more than 70 hours of work.",
            ". After",
            " after",
        ),
        (
            "Reform is meant to spread growth. So that the broad masses share its fruits.",
            ". So that",
            " so that",
        ),
        (
            "He fled on foot. Because the verdict had been confirmed on appeal, and he is abroad.",
            ". Because",
            " because",
        ),
        # An "According to" phrase belongs to the sentence after it.
        (
            "According to figures from the central bank. Inflation fell in May.",
            ". Inflation",
            ", inflation",
        ),
        (
            "According to data obtained from customs officials. Most of the fuel went to Iraq.",
            ". Most",
            ", most",
        ),
    ],
)
def test_detached_clause_is_joined(text, span, suggestion):
    assert ("FR104", span, (suggestion,)) in found(LEAD + text)


@pytest.mark.parametrize(
    "text",
    [
        "Which countries will join the alliance?",
        "Including taxes, the bill came to 40 dollars.",
        "Because of the storm, the flight was cancelled.",
        "According to the police, the man was arrested on Monday.",
        "According to the ministry the attack killed five.",
        "Speaking to reporters, the minister said the talks went well.",
        "Although the rain stopped, the roads stayed closed.",
        "Where there is a will, there is a way.",
        "Up to 20 people were injured.",
        "As expected, the bank kept its rates unchanged.",
        "Near the border, soldiers set up checkpoints.",
        "Thanks to all our readers.",
        "Which one he picked is not known.",
        "Because he was ill he stayed at home.",
        "Amazing.",
        "Making the move requires courage.",
        "Down the road, a new school is being built.",
        "As well as the museum, the city has a zoo.",
        "And vice versa.",
        "But not for long.",
        "Near the border with Sudan, the dam holds 74 billion cubic metres.",
        "Who knows.",
        "Who else would do it?",
        "To combat this, the government in 2009 enacted a law.",
        "To Paris and back in a day.",
        "While the talks went on, the shelling continued.",
        "When asked about it, he declined to comment.",
        "Despite that, the plan went ahead.",
        "In that case you pay only $12.99.",
        "In his latest exam -- done in May -- he weighed in at 90 kilos.",
        "In general, when baking with honey you will use half as much.",
        "In the closing seconds, the defender pulled off his helmet.",
        "At the time, used copies started at $200.",
        "In an effort to calm markets, the president, Ana Roe, cut taxes.",
        "When it comes to the cure, you're on your own.",
        "For now.",
        "In December, the firm bid $16.50 per share for the group.",
        "According to the ombudsman, at least 200 people were killed.",
        "In-feed ads earn the most per view.",
        # a fronted phrase without its comma, then the clause (a join here would be wrong)
        "In the cities of the north the police intervened to the protests.",
        "In the old quarter of Tunis the fire spread to the market.",
        "At the end of the meeting the delegates agreed on a statement.",
        # a verb with no object has no passive participle: "intervened in" is the clause's
        "In the cities of the north police intervened in the protests.",
        "In the northern provinces prices rose by ten percent.",
    ],
)
def test_sentence_with_main_clause_is_not_detached(text):
    assert found(LEAD + text) == []


def test_detached_clause_needs_the_sentence_on_its_line():
    """A line break is the writer's (or segmenter's) unit: no join across it."""
    assert found("I hope you can find it.\nBecause the parcel was never delivered.") == []


def test_dateline_with_agency_is_no_orphan():
    text = (
        "Quake hits the coast of Georgia\n\n"
        "A strong earthquake struck the coast on Sunday, officials said.\n"
        "Tbilisi. March 3. INTERFAX\n"
        "Rescuers searched the rubble of two villages overnight, the ministry said.\n"
    )
    assert "FR101" not in {f.rule for f in FragmentCheck().run(Document(text))}


@pytest.mark.parametrize(
    "text, opener",
    [
        ("Profits rose in the second quarter. Driven by demand for electric cars.", "Driven"),
        (
            "He arrived with a delegation. Accompanied by the head of the central bank.",
            "Accompanied",
        ),
        (
            "The bank raised rates to 45 percent. A decision that the unions rejected.",
            "A decision that",
        ),
        ("The army said the troops would leave by May. And that the base would close.", "And that"),
        (
            "The ministers met in New York. On the sidelines of the UN General Assembly.",
            "On the sidelines of",
        ),
        ("Exports fell last year. While imports of machinery rose by 12 percent.", "While"),
    ],
)
def test_detached_openers(text, opener):
    assert [f[1] for f in found(text) if f[0] == "FR104"] == [". " + opener]


@pytest.mark.parametrize(
    "text",
    [
        "He thanked the volunteers. And that is why the town survived.",
        "The building was old. Located in the centre, it dates from 1870.",
        "Less than 100 people attended the rally. It rained.",
    ],
)
def test_complete_sentences_with_those_openers_pass(text):
    assert [f for f in found(text) if f[0] == "FR104"] == []


@pytest.mark.parametrize(
    "text, span",
    [
        (
            "The ministry spokesman said in a press conference. Talks will resume.",
            "said in a press conference.",
        ),
        (
            "The ministry of defence said in its statement that. Drones were shot down.",
            "said in its statement that.",
        ),
        ("The minister of interior stated. Five suspects were arrested.", "stated."),
    ],
)
def test_reporting_clause_cut_before_its_content(text, span):
    assert ("FR102", span, ()) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said in May. Prices fell.",
        "That is what the minister said at the time. Nobody believed him.",
        '"We will win," the coach said. The team left.',
    ],
)
def test_complete_reporting_sentences_pass(text):
    assert [f for f in found(text) if f[0] == "FR102"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Floods destroyed hundreds of homes in the province The authorities opened shelters.",
        "The army shelled the town on Sunday However the rebels held their positions.",
    ],
)
def test_run_on_sentence(text):
    assert ("FR105", " ", (". ",)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He read the newspaper The Guardian every day at breakfast.",
        "The delegation flew to The Hague on Monday morning.",
        "Patients with hepatitis A were treated in the clinic.",
        "He wrote a book called The world is flat in 2005.",
    ],
)
def test_titles_and_names_in_mid_sentence_pass(text):
    assert [f for f in found(text) if f[0] == "FR105"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The company opened two new factories in Gujarat last year, the output has doubled since.",
        "Officials said that the bridge was closed for repairs, the traffic will be diverted.",
        "Islamabad (News Desk) — The national team beat Sri Lanka by five wickets, this is "
        "their third win in a row.",
        "The rescue teams reached the village on Monday, the heavy snow had blocked the road.",
        "The ministry announced new rules for imports, there are no exemptions for traders.",
    ],
)
def test_comma_splice(text):
    assert ("FR106", ",", (";",)) in found("The day began quietly.\n\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "If it rains, the match will be called off.",
        "He said that the plan, the details of which are secret, will go ahead.",
        "The company said that in 2020, it had lost money.",
        "The talks were productive, the first sign of progress in months.",
        "The deal was signed on Monday, it said in a statement.",
    ],
)
def test_no_comma_splice(text):
    assert [f for f in found("The day began quietly.\n\n" + text) if f[0] == "FR106"] == []
