"""The agreement check (AG101-AG103) on MT-style sentences and on clean English."""

from __future__ import annotations

import pytest

from toolkit.checks.agreement import AgreementCheck
from toolkit.document import Document


def findings(text: str) -> list[tuple[str, str, str]]:
    """(rule, span text, first suggestion) of every finding."""
    return [
        (f.rule, f.text, f.suggestions[0] if f.suggestions else "")
        for f in AgreementCheck().run(Document(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Turkish: the noun stays singular after a numeral ("üç asker öldürüldü").
        ("Three soldier were killed in the attack near Hakkari.", ("AG101", "soldier", "soldiers")),
        # Persian: "پنج نفر" is "five person".
        ("Five person were arrested in Tehran on Monday.", ("AG101", "person", "people")),
        ("The court sentenced 12 protester to prison.", ("AG101", "protester", "protesters")),
        ("Several member of parliament criticised the decision.", ("AG101", "member", "members")),
        # Chinese: no number marking.
        ("Many country have expressed concern about the plan.", ("AG101", "country", "countries")),
        (
            "The delegation visited twenty-two village in the province.",
            ("AG101", "village", "villages"),
        ),
        ("Two of the soldier were wounded by shrapnel.", ("AG101", "soldier", "soldiers")),
        ("One of the official said the talks had failed.", ("AG101", "official", "officials")),
        ("He killed three Iraqi civilian in the raid.", ("AG101", "civilian", "civilians")),
        ("Two million citizen voted in the first round.", ("AG101", "citizen", "citizens")),
        # Arabic: determiners and broken plurals.
        (
            "Each countries will send a delegation to Riyadh.",
            ("AG102", "Each countries", "Each country"),
        ),
        ("A soldiers was killed when the convoy was hit.", ("AG102", "A soldiers", "A soldier")),
        (
            "The army repelled another attacks on the base.",
            ("AG102", "another attacks", "another attack"),
        ),
        (
            "This decisions were welcomed by the parties.",
            ("AG102", "This decisions", "This decision"),
        ),
        # Arabic: non-human plurals agree in the feminine singular.
        ("The attacks on the base was carried out by drones.", ("AG103", "was", "were")),
        ("The leader of the rebels were arrested in Idlib.", ("AG103", "were", "was")),
        (
            "Improvements in the job market apparently has yet to feed through.",
            ("AG103", "has", "have"),
        ),
        ("Analysts said the growth in new jobs were weak.", ("AG103", "were", "was")),
        ("The attacks was carried out by drones.", ("AG103", "was", "were")),
        ("The occupation forces has withdrawn from the town.", ("AG103", "has", "have")),
        ("The ministry said that the negotiations is still going on.", ("AG103", "is", "are")),
        ("In Gaza, the hospitals was overwhelmed.", ("AG103", "was", "were")),
        ("The soldier were taken to a military hospital.", ("AG103", "were", "was")),
        ("Iran and Iraq has signed a security agreement.", ("AG103", "has", "have")),
        ("Turkey and Russia also has interests in the region.", ("AG103", "has", "have")),
        ("A decision are now expected by Monday.", ("AG103", "are", "is")),
        ("The city's airport have been reopened for relief flights.", ("AG103", "have", "has")),
        ("Every single active spy have been compromised.", ("AG103", "have", "has")),
        ("If a flight are cancelled, passengers get a refund.", ("AG103", "are", "is")),
        ("Low-cost airlines has criticised the new rules.", ("AG103", "has", "have")),
        ("As people was reminded of the tsunami, panic spread.", ("AG103", "was", "were")),
        ("The company has cut 13,000 job since March.", ("AG101", "job", "jobs")),
        ("The ceasefire collapsed a few day ago.", ("AG101", "day", "days")),
        # Arabic dual: "الجانبين" is "the two sides".
        ("The two side agreed to resume talks in Doha.", ("AG101", "side", "sides")),
        ("In 23 case, customers reported smoke.", ("AG101", "case", "cases")),
        ("If we fail those test, democracy will suffer.", ("AG101", "test", "tests")),
        ("Those thing can't be walked back.", ("AG101", "thing", "things")),
        (
            "Photographs showed many building and shops destroyed.",
            ("AG101", "building", "buildings"),
        ),
        ("He spoke with several senator afterwards.", ("AG101", "senator", "senators")),
        ("At least 384 people has died after the earthquake.", ("AG103", "has", "have")),
        ("The spyware tool were only released last year.", ("AG103", "were", "was")),
        ("The 51-year-old designer were shot outside his home.", ("AG103", "were", "was")),
        ("I think that means the messages was not delivered.", ("AG103", "was", "were")),
        ("Today the situation on the ground are more stable.", ("AG103", "are", "is")),
        # Chinese: 有 has no number ("there is many reasons").
        ("There is many reasons for the delay.", ("AG103", "is", "are")),
        ("Three were killed and five other were wounded.", ("AG101", "other", "others")),
        (
            "The prize, which is celebrating its 20th year, are billed as the biggest.",
            ("AG103", "are", "is"),
        ),
        ("Yesterday there was two explosions near the port.", ("AG103", "was", "were")),
        ("The strike led to them spending four day in hospital.", ("AG101", "day", "days")),
        ("The suspects will be held for 72 hour and then released.", ("AG101", "hour", "hours")),
        ("The factory produced nearly 150,000 car last year.", ("AG101", "car", "cars")),
        ("The town lies 80 kilometre north of the capital.", ("AG101", "kilometre", "kilometres")),
        ("Pompeo has visited Pyongyang three time already.", ("AG101", "time", "times")),
        (
            "Tsunamis have hit the coast several times in the past 100 year.",
            ("AG101", "year", "years"),
        ),
        (
            '"And you see that over the last four day," he said.',
            ("AG101", "day", "days"),
        ),
        ("Turkey will pay 1.5 billion dollar to Iraq.", ("AG101", "dollar", "dollars")),
        # a finite verb after a modal or "did not"
        ("The deal would has been signed by now.", ("AG105", "has", "have")),
        ("Officials did not has the documents.", ("AG105", "has", "have")),
        ("The new rules can helps small farmers.", ("AG105", "helps", "help")),
        # a capitalised plural subject at a sentence's start, a subject after "since"
        ("Inquiries is continuing, the police said.", ("AG103", "is", "are")),
        ("Prices rose since many shops was closed.", ("AG103", "was", "were")),
        # a numeral counting the second of two nouns, a quantity noun and "of"
        ("The fund now supports 120 member school.", ("AG101", "school", "schools")),
        ("The ministers discussed a broad range of regional issue.", ("AG101", "issue", "issues")),
        ("Dozens of protester were arrested overnight.", ("AG101", "protester", "protesters")),
        ("A number of factory have closed.", ("AG101", "factory", "factories")),
        # set phrases: Russian glavy pravitel'stv, Arabic asra al-harb
        (
            "The heads of governments met in Astana.",
            ("AG104", "heads of governments", "heads of government"),
        ),
        (
            "Both sides exchanged prisoners of wars.",
            ("AG104", "prisoners of wars", "prisoners of war"),
        ),
        # a present verb in -s after a plural subject
        ("The latest figures shows that exports rose.", ("AG103", "shows", "show")),
        (
            "Analysts say the new rules requires that banks hold more.",
            ("AG103", "requires", "require"),
        ),
        # the head noun before several prepositional phrases, or an organisation and its acronym
        (
            "The limits on the import of grain from the region has hurt farmers.",
            ("AG103", "has", "have"),
        ),
        (
            "Inspectors of the International Atomic Energy Agency (IAEA) has arrived in Tehran.",
            ("AG103", "has", "have"),
        ),
        # Arabic أحد أكبر, Persian یکی از بزرگترین: the noun after a superlative stays singular.
        ("Qatar is one of the largest exporter of gas.", ("AG101", "exporter", "exporters")),
        ("It is one of the most important port in the region.", ("AG101", "port", "ports")),
        # A unit after a decimal, and a compound noun after adjectives, counted by digits.
        ("The river rose 2.35 metre overnight.", ("AG101", "metre", "metres")),
        ("The cabinet passed more than 60 new tax law.", ("AG101", "law", "laws")),
    ],
)
def test_mt_slips_are_found(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "The government have said they will not resign.",
        "The ministry have said it will respond.",
        "The police have arrested two men.",
        "The team are due to fly home on Sunday.",
        "The United States is sending more troops.",
        "The news is not good for the government.",
        "The data are clear.",
        "The data is clear.",
        "Two-thirds of the population is under 30.",
        "A number of people are still missing.",
        "The number of victims has risen to 40.",
        "The film made the top 100 list of the decade.",
        "A tin can is on the table, and free will is a myth.",
        "What he does is important; his will was read on Monday.",
        "Cats is a musical that ran for years.",
        "Steve Jobs spoke first. Jobs has said so before.",
        "Two clicks and your favourite programme is downloading.",
        "It offers both virtual play with friends online and a story mode.",
        "The slowly growing mass of cheap, powerful phones has changed the market.",
        "Friends of the Earth (FoE) has criticised the plan.",
        "She has a wide range of experience.",
        "The jobs reports on Friday were strong.",
        "Greene sets sights on world title",
        "The medical staff did not get a heads up.",
        "The 15 member council voted on Monday.",
        "The plan backs a two state solution.",
        "They set a goal of 100 billion tea industry.",
        "The number of victims have risen to 40.",
        "A series of attacks were carried out overnight.",
        "An average of five attacks were reported each day.",
        "Millions of dollars is a lot of money.",
        "Fast and Furious is the most popular film of the year.",
        "Three miles is a long way to walk.",
        "Ten years is a long time in politics.",
        "One of the soldiers who were killed was from Basra.",
        "The two met in Paris last week.",
        "Many fear the ceasefire will collapse.",
        "He is a 20 year old student from Mosul.",
        "The three injured were taken to hospital.",
        "This means the talks will go on.",
        "The two state solution is the only way forward.",
        "Article 5 member states agreed to the plan.",
        "He paid with a $5 note.",
        "They are both in prison in Iran.",
        "Neither airlines nor consumers were consulted.",
        "There are more than 135 shark species in the area.",
        "The under-five category was won by a debut author.",
        "England have won the series.",
        "Bosnia and Herzegovina is a member of the council.",
        "He was one of the family.",
        "Six foot tall and 12 stone, he was hard to miss.",
        "The country's five percent growth was welcome.",
        "An arms dealer and a sports car were involved.",
        "If the minister were to resign, the coalition would fall.",
        "They insisted that the minister have a say.",
        "The majority are in favour.",
        "Both the army and the police were deployed.",
        "The evidence from Toyota but other manufacturers is that we need to act.",
        "A dozen were injured in the blast.",
        "If the soldier were here, he would agree.",
        "Rich countries such as the soldiers' homeland have said nothing.",
        "The index rose two point five percent.",
        "Each gate has a tetrahedron on it, with two input tetrahedrons.",
        "Many hope to return home.",
        "The two share a flat in Ankara.",
        "Many fear losing their homes.",
        "Three people were killed.",
        # From WMT22 zh-en MT output: slogans in quotes, compounds, gerund subjects, lists.
        'We must defend the "two establishment" and the "six protection" work.',
        "Intel spent $20 billion to build two wafer processing plants in Arizona.",
        "Four wheel drive, why is it called lp700?",
        "Taking wedding photos is simply a physical job.",
        "Students join various innovation and entrepreneurship competitions.",
        "They quoted me 70000 yuan for my 135 house.",
        "Fees range from a few dozen to 200 yuan.",
        "Suitable for pupils in grades 3, 4, 5, 6 reading.",
        "The competition for education, science and technology, and talents is intensifying.",
        "Why are the prices of canned milk so high?",
        "How much longer do I have to wait?",
        "No longer have to be afraid of hot oil.",
        "The advertising companies that make money today have their own channels.",
        "OK, then don't cancel this conversation.",
        "The rich are getting richer.",
        "The fish were dying in the heat.",
        "Its pre-tax earnings in the fourth quarter were 77m euros.",
        "There are more than 135 shark species in the area.",
        "Pirates of the Caribbean is a film series.",
        "The conference held from December 8 to 10 spoke highly of the results.",
        "At least 100 billion market size is needed.",
        "They built 10 water green comprehensive service areas.",
        "The storm was upgraded to a category 5 hurricane.",
        "All 47 passengers and crew were safe.",
        # From scraped news pages of many publishers.
        "Teams play only two singles and a doubles in each tie.",
        "Boeing was hit by two crashes of its popular 737 Max jet in five months.",
        "Prices start at 71,350 euro with deliveries from spring.",
        "In the 100 yard backstroke, Patton was beaten.",
        "We got no information on what this entails, but it looks good.",
        "Which products are left in communities that readers feel are worth it?",
        "The bundle delivers 40 apps from $1 each https://t.co/y5Wn5UBP8S today.",
        # From MQM-rated TED zh-en MT.
        "There is no doubt that somewhere in the universe two black holes have merged.",
        "Fighting broke out between two rival armed groups.",
        "The 777 program has faced delays due to engine problems.",
        "I am very honored to be on the SBJ 40 Under 40 list.",
        "Other proponents of the bill said it was a good compromise.",
        "There is 10 minutes left in the game.",
        "Two other soldiers were wounded.",
        "The attack, which killed three soldiers, was condemned.",
        "The minister, who met the soldiers, was not available.",
        "There is one reason for the delay.",
        "There were two explosions near the port.",
        "Park assist, night vision assist, and a 360-degree camera are all available.",
        "Friends who believe they know the woman have arrived at the scene.",
        "She is one of the best known writers and one of the largest ever recorded.",
        "It was one of the finest Ottoman buildings; a 1.5 metre wall; the 2.5 metre wall fell.",
        "They set a goal of 100 billion tea industry.",
        "The walk from the station takes 20 min and the clip lasts 45 sec.",
    ],
)
def test_clean_english_is_not_flagged(text: str) -> None:
    assert findings(text) == []


def test_numeral_fix_is_safe_and_quantifier_fix_is_not() -> None:
    check = AgreementCheck()
    (numeral,) = check.run(Document("Three soldier were killed."))
    (quantifier,) = check.run(Document("Several member of parliament resigned."))
    assert numeral.safe and numeral.confidence >= 0.9
    assert not quantifier.safe


def test_offsets_point_at_the_word_in_a_longer_text() -> None:
    text = "Officials spoke on Tuesday.\n\nThe attacks was condemned by eleven country."
    found = AgreementCheck().run(Document(text))
    assert [(text[f.start : f.end], f.rule) for f in found] == [
        ("was", "AG103"),
        ("country", "AG101"),
    ]


def test_messages_name_the_subject_and_its_number() -> None:
    (plural,) = AgreementCheck().run(Document("The attacks was carried out by drones."))
    (singular,) = AgreementCheck().run(Document("The soldier were taken to hospital."))
    assert plural.message == "'was' does not agree with its plural subject 'attacks'."
    assert singular.message == "'were' does not agree with its singular subject 'soldier'."


def test_default_fix_pluralises_after_numerals_and_leaves_the_rest() -> None:
    from toolkit.fix import fix
    from toolkit.pipeline import Selection

    text = "Three soldier were killed near Hakkari.\n\nThe attacks was carried out by drones.\n"
    result = fix(text, selection=Selection(("agreement",)))
    assert result.text == (
        "Three soldiers were killed near Hakkari.\n\nThe attacks was carried out by drones.\n"
    )


NEWS_MT = """\
The Iraqi Ministry of Defense announced on Tuesday that three soldier were killed and five \
other were wounded in an attack by ISIS elements on a military post in Diyala province. \
The ministry said in a statement that the attacks on the post was carried out with light \
and medium weapons, and that the security forces has launched a wide search operation in the area.

For its part, the Turkish Ministry of Interior said that 12 suspect were arrested in several \
province, and that each suspects will be referred to the judiciary. The two side agreed to \
continue the coordination, and Iran and Iraq has signed a memorandum of understanding.

In Tehran, five person were injured when a gas cylinder exploded, the fire department said. \
Many country have expressed their solidarity with the victims. The government have not \
commented.
"""


def test_a_machine_translated_news_story_gets_every_number_slip_corrected() -> None:
    found = AgreementCheck().run(Document(NEWS_MT))
    assert [(f.text, f.suggestions[0]) for f in found] == [
        ("soldier", "soldiers"),
        ("other", "others"),
        ("was", "were"),
        ("has", "have"),
        ("suspect", "suspects"),
        ("province", "provinces"),
        ("each suspects", "each suspect"),
        ("side", "sides"),
        ("has", "have"),
        ("person", "people"),
        ("country", "countries"),
    ]


def test_quotation_test_reads_only_nearby_tokens(monkeypatch):
    """Bug: every numeral copied the gaps of the whole sentence (quadratic): a one-megabyte
    sentence ran for minutes. Only the eight tokens around a numeral may be read."""
    from toolkit.checks.agreement import lexical
    from toolkit.checks.agreement.phrase import Token

    read: set[int] = set()

    class Watched(Token):
        @property
        def gap(self) -> str:
            read.add(self.start)
            return Token.gap.__get__(self)

    text = "He saw " + "the town " * 50 + "three soldier were killed " + "and the town " * 50 + "."
    monkeypatch.setattr(lexical, "Token", lambda *a: Watched(*a))
    found = list(lexical.lexical_findings(Document(text)))
    assert [f.text for f in found] == ["soldier"]
    numeral = text.index("three")
    assert all(abs(start - numeral) < 120 for start in read)
