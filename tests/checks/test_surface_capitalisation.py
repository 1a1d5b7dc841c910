import pytest

from toolkit.checks.capitalisation import CapitalisationCheck
from toolkit.document import Document


def found(text: str):
    doc = Document(text)
    return [(f.rule, f.text, f.suggestions) for f in CapitalisationCheck().run(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Strikes hit bases in Syria And Iraq last week.", ("CA101", "And", ("and",))),
        ("Talks between Ankara Or Tehran failed, he said.", ("CA101", "Or", ("or",))),
        ("The missiles struck bases On the border overnight.", ("CA101", " On", (" on", ". On"))),
        ("to coalesce The third is the advantage.", ("CA101", " The", (". The", " the"))),
        ("Troops moved into The region on Monday.", ("CA101", "The", ("the",))),
        ("He met the Ministry Of Defense spokesman.", ("CA101", "Of", ("of",))),
        ("He left the city. against the advice of aides.", ("CA102", ".", ("",))),
        ("an attack in Syria.against armed factions", ("CA102", ".", (" ",))),
        ("an attack in Syria.\nagainst armed factions", ("CA102", ".", ("",))),
        ("Thank you. thank you all.", ("CA102", ".", ("",))),
        (
            "the first time the U.S. has directed an attack in Syria.\n\nagainst armed factions.",
            ("CA103", ".\n\n", (" ",)),
        ),
        (
            "widgets give publishers an\n\neffective way to recirculate content.",
            ("CA103", "\n\n", (" ",)),
        ),
        ("Beijing said on Monday. in a statement it objected.", ("CA102", ".", ("",))),
        ("It struck 20 km away. the quake was felt widely.", ("CA102", "the", ("The",))),
        ("They agreed a new deal. which covers gas.", ("CA102", ". which", (", which",))),
    ],
)
def test_artifact_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States Launches Raids On Two Installations",
        "Iraq And Syria: What We Know So Far",
        "He met the Islamic Resistance in Iraq and the Lord of the Rings cast.",
        "She flew to The Hague, then to Trinidad and Tobago.",
        "Activists waved Tories Against Brexit banners.",
        "He read Gone With The Wind and One Flew Over the Cuckoo's Nest.",
        "It starred in the film In The Name Of The Father last year.",
        "She starred in Six Feet Under, the series.",
        "He quoted “And Then There Were None” at length.",
        "It rose approx. two percent, et al. found, at 10 a.m. on Monday.",
        "Sales of the iPhone rose. eBay shares fell.",
        "He paused... and went on. Visit example.com. now",
        "Officials said: And that was the end.",
        "Read it on bbc.co.uk or news.sky.com today.",
        "Add 1 tsp. olive oil and 2 Tbsp. soy sauce.",
        "VW says it will do that with all ID. models soon.",
        "on. meth. dot. com.",
        "The firm praised the deal. my6sense shares rose.",
        "This could occur:\n\nif the charity grows fast enough",
        "Arrowhead bottled water\n\nbaby carrier for sale now",
        "He bought a new phone.\n\niPhone sales rose fast.",
        "Tickets are on sale now.\n\nwww.example.com has the details.",
    ],
)
def test_not_flagged(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, word, fixed",
    [
        ("The ethiopian side rejected the plan.", "ethiopian", "Ethiopian"),
        ("Shares fell as the turkish lira slid.", "turkish", "Turkish"),
        ("The 41-year-old moroccan coach signed on Monday.", "moroccan", "Moroccan"),
        ("Police said two palestinians were hurt.", "palestinians", "Palestinians"),
        ("The court heard that the malian had fled.", "malian", "Malian"),
        ("Talks were held in kurdish and arabic.", "kurdish", "Kurdish"),
        ("Thousands of kurds fled the town.", "kurds", "Kurds"),
        ("The vote split the pro-european camp.", "european", "European"),
        ("The islamist party won.", "islamist", "Islamist"),
        ("The afghan Red Crescent sent aid.", "afghan", "Afghan"),
    ],
)
def test_lower_case_proper_adjective(text, word, fixed):
    assert ("CA104", word, (fixed,)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He ordered french fries and a swiss roll.",
        "The Roman numerals and arabic numerals differ.",
        "She will polish the silver; he may welsh on the deal.",
        "see www.example.com/turkish-news and #syrian today",
        "all lower case here with no capitals about the syrian war",
        "The Swiss-made watch was sold in a co-iranian district.",
        "She bought an afghan blanket.",
    ],
)
def test_lower_case_common_word_not_flagged(text):
    assert [f for f in found(text) if f[0] == "CA104"] == []


def test_capitalised_of_after_a_lower_case_word():
    assert ("CA101", "Of", ("of",)) in found("It was the first administration Of Donald Trump.")


def test_title_of_a_work_is_not_flagged():
    assert found("Works shown include Thinking at the Edge and On the Spirit of Arts.") == []


@pytest.mark.parametrize(
    "text, span, fixed",
    [
        ("Ministers met in tashkent to discuss water.", "tashkent", "Tashkent"),
        ("The ship sank in the caspian sea last year.", "caspian sea", "Caspian Sea"),
        ("Markets close early on friday in Cairo.", "friday", "Friday"),
        ("Celebrations marked the end of ramadan in Lahore.", "ramadan", "Ramadan"),
        (
            "Fighters of the rapid support forces entered the town.",
            "rapid support forces",
            "Rapid Support Forces",
        ),
        ("He met leaders of hezbollah in Beirut.", "hezbollah", "Hezbollah"),
        (
            "The attack was claimed by al-shabaab, Somali officials said.",
            "al-shabaab",
            "al-Shabaab",
        ),
        ("Ships crossed the Strait of hormuz on Tuesday.", "Strait of hormuz", "Strait of Hormuz"),
        ("The visit to the netherlands was postponed.", "the netherlands", "the Netherlands"),
        ("Protests spread to izmir and Ankara.", "izmir", "Izmir"),
    ],
)
def test_lower_case_name(text, span, fixed):
    assert ("CA105", span, (fixed,)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rains hit south Sudan and the Red sea coast.",  # a region; a weak word lower-case
        "He served brussels sprouts and a turkey in china bowls.",
        "Visit www.tashkent.uz or follow @hezbollah_watch for more.",
        "prices rose in tashkent, said the chat message",  # a line with no capitals
        "The Paris-based group and a tashkent-born writer met.",
        "He may march in August.",
        "The valley lies north of the city.",  # a place name that is an English phrase
        "Rebels seized new territories in the north.",
    ],
)
def test_lower_case_name_not_flagged(text):
    assert not [f for f in found(text) if f[0] == "CA105"]


def test_lower_case_name_is_not_also_a_proper_adjective():
    assert [f[0] for f in found("Leaders of the muslim brotherhood met in Amman.")] == ["CA105"]


@pytest.mark.parametrize(
    "text, span, fixed",
    [
        ("The envoy was received by emir Tamim on Sunday.", "emir", "Emir"),
        ("Talks with president Tinubu ended late.", "president", "President"),
        ("The law was backed, ayatollah Sistani said.", "ayatollah", "Ayatollah"),
        ("The deal was praised by the Crown prince Salman.", "the Crown prince", "Crown Prince"),
        (
            "Reporters asked the Defence minister Ali Zaidi about it.",
            "the Defence minister",
            "Defence Minister",
        ),
    ],
)
def test_title_before_name_case(text, span, fixed):
    assert any(f[:2] == ("CA106", span) and f[2][0] == fixed for f in found(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president Bola Tinubu said so.",  # house style after an adjective
        "Former president Trump and ousted president Hasina spoke.",
        "It was signed, said foreign minister Ali Zaidi.",  # lower-case compound: BBC style
        "Prime minister Ali Zaidi said the vote would go ahead.",  # sentence case
        "In general Western aid fell in May.",
        "King Abdullah met President Tinubu and the prime minister.",
    ],
)
def test_title_before_name_not_flagged(text):
    assert not [f for f in found(text) if f[0] == "CA106"]


def test_compound_title_without_a_name_is_lower_cased_first():
    assert ("CA106", "Foreign minister", ("foreign minister", "Foreign Minister")) in found(
        "Ties with the Foreign minister were cut."
    )


def test_name_capitalised_only_on_its_first_word():
    """Russian and French MT capitalise only a name's first word («Исламское государство»)."""
    assert ("CA105", "Islamic state", ("Islamic State",)) in found(
        'Militants of the "Islamic state" claimed the attack in Kabul.'
    )
    assert not [f for f in found("Some want an Islamic state in Syria.") if f[0] == "CA105"]


@pytest.mark.parametrize(
    "text, span, fixed",
    [
        ("The rebels entered the CITY late on Sunday.", "CITY", "city"),
        ("He said the deal was NEVER signed.", "NEVER", "never"),
        ("Talks with IRAN resumed, diplomats said.", "IRAN", "Iran"),
    ],
)
def test_all_caps_word(text, span, fixed):
    assert ("CA107", span, (fixed,)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Leaders of NATO and the WHO met in Geneva.",  # acronyms
        "BAGHDAD, May 2 (Reuters) - Talks resumed.",  # a dateline
        "THE TALKS HAVE FAILED, SAID THE MINISTER.",
    ],
)
def test_all_caps_word_not_flagged(text):
    assert not [f for f in found(text) if f[0] == "CA107"]


@pytest.mark.parametrize(
    "text, span",
    [("The vote was held on 12 may, officials said.", "may"), ("It ended in march 2021.", "march")],
)
def test_month_that_is_also_a_word_in_a_date(text, span):
    assert ("CA105", span, (span.capitalize(),)) in found(text)


def test_may_and_march_as_words_are_not_months():
    assert not found("Prices may rise as crowds march 20 miles to the capital.")


@pytest.mark.parametrize(
    "text, span, fixed",
    [
        ("Deposits rose, the Central bank said on Friday.", "Central bank", "Central Bank"),
        ("The appeal went to the constitutional Council.", "constitutional Council", None),
        ("He was taken to the palace of Justice in Dakar.", "palace of Justice", None),
        (
            "Aid came from the Disaster and emergency management presidency (AFAD).",
            "Disaster and emergency management presidency",
            "Disaster and Emergency Management Presidency",
        ),
    ],
)
def test_half_capitalised_body_name(text, span, fixed):
    hits = [(t, s) for rule, t, s in found(text) if rule == "CA108"]
    assert [t for t, _ in hits] == [span]
    assert fixed is None or hits[0][1][0] == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Security forces said two people died.",  # the capital is the sentence's
        "He phoned the Attorney General's office on Monday.",  # a possessive ends the run
        "The Central Bank of Nigeria and the central bank of Ghana met.",
        "The National Assembly met the European Commission.",
        "Central bank raises rates again",
    ],
)
def test_half_capitalised_body_name_not_flagged(text):
    assert not [f for f in found(text) if f[0] == "CA108"]


def test_generic_word_lower_case_before_the_name_is_a_slip():
    assert ("CA105", "gulf Cooperation Council", ("Gulf Cooperation Council",)) in found(
        "Ministers of the gulf Cooperation Council met in Doha."
    )
    # a region word passes; a sea named by the word before it is a name (CA105 since 2026-12-07)
    assert [f[1] for f in found("Ships crossed the Red sea and entered south Sudan.")] == [
        "Red sea"
    ]


def test_lower_case_pinyin_place_in_chinese_news():
    text = (
        "Xinhua said floods hit Beijing. In mentougou district, the main road and line city closed."
    )
    assert [(f[1], f[2]) for f in found(text) if f[0] == "CA105"] == [("mentougou", ("Mentougou",))]
    assert not [f for f in found("In mentougou district the road closed.") if f[0] == "CA105"]


def test_a_proper_adjective_after_a_number_is_only_suggested():
    # "arab" after a number is the South Asian number word (a billion), not "Arab" (issue 18)
    findings = CapitalisationCheck().run(Document("The lender approved a 3 arab rupee loan."))
    assert [(f.rule, f.safe) for f in findings if f.text == "arab"] == [("CA104", False)]
    [finding] = CapitalisationCheck().run(Document("Ministers of the arab states met in Rabat."))
    assert (finding.text, finding.safe) == ("arab", True)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Supreme Electoral Tribunal met. Critics said the electoral tribunal erred.",
            ("CA109", "electoral tribunal", ("Electoral Tribunal",)),
        ),
        (
            "The National Assembly of Mali voted. Later the national assembly adjourned.",
            ("CA109", "national assembly", ("National Assembly",)),
        ),
        (
            "Lawyers of the Anti-Corruption Court appealed. The anti-corruption court refused.",
            ("CA109", "anti-corruption court", ("Anti-Corruption Court",)),
        ),
        (
            "The Kazakh Space Agency said the launch failed. The Kazakh space agency will retry.",
            ("CA109", "Kazakh space agency", ("Kazakh Space Agency",)),
        ),
        ("Ships crossed the Caspian sea on Monday.", ("CA105", "Caspian sea", ("Caspian Sea",))),
        (
            "Tankers waited in the Strait of Hormuz and the Arabian sea.",
            ("CA105", "Arabian sea", ("Arabian Sea",)),
        ),
    ],
)
def test_name_case_slip_is_found(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # A title is capitalised before a name only.
        "Prime Minister Shehbaz Sharif spoke. The prime minister left.",
        # After a/an it is a description.
        "The Constitutional Council ruled. A constitutional council is rare.",
        # Written lower-case more often than capitalised: the writer's style.
        "The Central Committee met. The central committee said. The central committee left.",
        # A headline's capitals are no evidence.
        "Military Council Takes Power In Capital\n\nThe military council said it ruled.",
        # Compounds of a sea are no names.
        "The Arctic sea ice shrank, and the Gulf states met.",
    ],
)
def test_name_case_style_is_kept(text):
    assert not [f for f in found(text) if f[0] in ("CA105", "CA109")]


@pytest.mark.parametrize(
    "text, name, fixed",
    [
        (
            "The figures were released by the ministry of health in Kabul.",
            "ministry of health",
            "Ministry of Health",
        ),
        ("The court of appeal upheld the verdict.", "court of appeal", "Court of Appeal"),
        (
            "A spokesman for the ministry of youth and sports said the games would go ahead.",
            "ministry of youth and sports",
            "Ministry of Youth and Sports",
        ),
        (
            "Engineers at the institute of space technology built the probe.",
            "institute of space technology",
            "Institute of Space Technology",
        ),
    ],
)
def test_body_name_all_lower_case(text: str, name: str, fixed: str) -> None:
    assert ("CA110", name, (fixed,)) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The health ministry said a ministry of health would be set up.",
        "The Ministry of Planning said so.",
        "He met the head of the council and the office of the mayor.",
    ],
)
def test_descriptions_and_capitalised_names_are_left_alone(text: str) -> None:
    assert [f for f in found(text) if f[0] == "CA110"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The party won 29 seats, but its state president Ravi Rana himself lost.",
        "The union's general secretary Amal Haddad resigned on Friday.",
        "Voters punished the provincial governor Lin Wei at the polls.",
    ],
)
def test_title_after_a_determined_noun_is_a_description(text: str) -> None:
    assert [f for f in found(text) if f[0] == "CA106"] == []
