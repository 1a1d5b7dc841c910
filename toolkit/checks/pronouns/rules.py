"""The pronoun check's rules: a gendered pronoun for a thing, one of the other gender, and a
plural 'They' for one person."""

from __future__ import annotations

from toolkit.findings import Rule

NONHUMAN_ANTECEDENT = Rule(
    code="PR101",
    slug="gendered-pronoun-for-nonhuman",
    kind="pronoun",
    category="accuracy/mistranslation",
    severity="major",
    summary="'she', 'her', 'he', 'his', 'him' or 'herself'/'himself' whose antecedent is a "
    "country, organisation, institution, army, company, city, plane, dam, currency, building, "
    "event (a fire, a storm), document or price, or a plural group: the subject of its clause, "
    "of the clause an 'and' or 'but' joins it to, or of the previous sentence, or one the "
    "words fix ('for her part', 'expressed her concern', 'strikes on her territory', 'her "
    "diplomatic relations', 'presented herself'); also a work (a film, a book, an app) "
    "named just before 'her'/'his' and a part only a work has ('her premiere', 'his "
    "developers'), with no person in sight.",
    why="Arabic, Urdu, Russian and French nouns have grammatical gender (wizara, fauj, "
    "aviakompaniya, la junte are feminine) and Turkish and Persian have one pronoun for he, "
    "she and it: MT copies or guesses a gender, and the reader looks for a person who is not "
    "in the story.",
    example="The ministry said in her statement that talks would resume.",
    fixed="The ministry said in its statement that talks would resume.",
    false_positives="A woman or man the text named well before, or only by a pronoun, can "
    "be the real antecedent: the check weighs every earlier person of a compatible gender by "
    "role and nearness and stays silent when one is salient enough, but a person named only "
    "in a caption or a name it cannot tell from a place can be missed. Ships are 'she' in "
    "English and are left alone. Pronouns inside quotations are not judged. The its/it/their "
    "fix is marked safe (applied by default) only where the words fix the antecedent and the "
    "word lists or the gazetteer say it is a body, a country, a place, an army or a company "
    "('for her part', 'expressed her concern', 'in her statement', 'her territory'): 8 of 8 "
    "right on the dev articles, 13 of 13 on the challenge set, none made on clean text.",
)
GENDER_MISMATCH = Rule(
    code="PR102",
    slug="pronoun-gender-mismatch",
    kind="pronoun",
    category="accuracy/mistranslation",
    severity="major",
    summary="'he' for a woman or 'she' for a man, where the pronoun's clause structure points "
    "to a person whose gender the text states (Mr, Mrs, spokesman, sahiba) or a given name "
    "implies (Mehmet, Maryam), and no person of the pronoun's gender is salient.",
    why="Turkish, Persian, Urdu and Chinese have one third-person pronoun (o, او, وہ, 他/她 "
    "sound alike); MT guesses the gender and often guesses wrong.",
    example="Mrs. Karimi told reporters he would resign next week.",
    fixed="Mrs. Karimi told reporters she would resign next week.",
    false_positives="The pronoun may refer to a man or woman named further back, or to one "
    "whose given name is used for both sexes; names are judged from a list of 55,000 given "
    "names (nam_dict), which can be wrong for a middle name used as a surname.",
)
HONORIFIC_PLURAL = Rule(
    code="PR103",
    slug="honorific-plural-they",
    kind="pronoun",
    category="accuracy/mistranslation",
    severity="major",
    summary="A sentence that opens with 'They' and a reporting verb ('They said', 'They "
    "stressed') after sentences that name one person, of a known gender, as their subject "
    "and nothing plural 'they' could mean: no other person, plural noun or pronoun, body or "
    "capitalised plural. Also 'they said' after an opening phrase ('In the press conference "
    "they said') or in a clause joined to the person's own ('Governor X opened the ward and "
    "they said that'), where the person reported something in the sentence before and only "
    "that report names bodies or things ('X said that the credit goes to the team. They "
    "said'); reporters, the addressees, are no rival.",
    why="Persian and Urdu speak of a respected person (a leader, a minister, an elder) in "
    "the plural (ishan, unhon ne); MT keeps the plural, and the reader looks for a group.",
    example="Chief Minister Maryam Nawaz visited the burns ward in Multan on Friday. They said "
    "that no negligence would be tolerated.",
    fixed="Chief Minister Maryam Nawaz visited the burns ward in Multan on Friday. She said "
    "that no negligence would be tolerated.",
    false_positives="A person who uses 'they' (a non-binary person), or a group named "
    "further back than two sentences or only implied, is the real antecedent now and then.",
)
RESUMPTIVE = Rule(
    code="PR104",
    slug="resumptive-subject-pronoun",
    kind="pronoun",
    category="fluency/grammar",
    severity="major",
    summary="A subject noun phrase, a comma and a pronoun that takes it up again before "
    "the verb ('The federation, it announced', 'The team, she did not concede', 'The "
    "lawyers, he said'): a short definite phrase or a name whose head is a known body, "
    "thing, plural or person; also without the comma before a reporting verb and its "
    "'that' or quote ('The Supreme Leader in a message they said that'). A pronoun of the "
    "wrong gender or number for the head (a body as 'she', lawyers as 'he') raises the "
    "confidence; the fix deletes the pronoun.",
    why="French (l'équipe, elle n'a pas), Arabic, Chinese and Turkish put the topic first "
    "and resume it with a pronoun; MT keeps both, and English reads it as speech or as two "
    "subjects.",
    example="The Egyptian federation, it announced on Monday that the coach had been dismissed.",
    fixed="The Egyptian federation announced on Monday that the coach had been dismissed.",
    fix_safe=True,
    false_positives="Descriptions before a pronoun ('A former teacher, she', 'The son of a "
    "miner, he', 'The first woman to ..., she') and parentheticals ('The plan, he said, "
    "would') are left alone; a name or noun set off for emphasis in a quotation is not "
    "judged. The deletion is applied by default only for a body, a thing or a plural "
    "followed by a verb that shows no number ('did', 'will', a past form).",
)
RESUMPTIVE_RELATIVE = Rule(
    code="PR105",
    slug="resumptive-pronoun-in-relative-clause",
    kind="pronoun",
    category="fluency/grammar",
    severity="major",
    summary="A relative clause with no gap, because a pronoun fills the place of the "
    "relative word: 'which SUBJECT said that it VERB', 'which SUBJECT went to them' (an "
    "intransitive verb and its preposition), 'which SUBJECT recognized her independence' (a "
    "transitive verb with its object and no stranded preposition), 'whose NOUN she "
    "depends on' (an intransitive verb after 'whose NOUN' and a subject pronoun).",
    why="Arabic (allati ... -ha), Persian (ke ... -ash), Turkish and Russian relative "
    "clauses resume the relativised noun with a pronoun; MT keeps it, and English reads two "
    "objects or two subjects.",
    example="Observers noted the weakness of the government in the region, which Moscow "
    "recognized her independence in 2008.",
    fixed="Observers noted the weakness of the government in the region, whose independence "
    "Moscow recognized in 2008.",
    false_positives="Verbs that take two objects or an object and a complement ('which he "
    "called his home', 'which she gave her son') and clauses that strand a preposition "
    "('which he wrote his name on') are left alone. Fixes are suggestions only.",
)
