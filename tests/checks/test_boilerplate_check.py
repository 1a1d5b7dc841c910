"""The boilerplate check: seed chrome and leaked headline, other sites' tails, clean text."""

from __future__ import annotations

import json

import pytest

from toolkit.checks.boilerplate import BoilerplateCheck
from toolkit.document import Document
from toolkit.fix import fix
from toolkit.pipeline import check

SEED_CHROME = (
    "Source link",
    "Related Articles",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Back to top button",
)
SEED_HEADLINE = "What we know so far about the hostage release"

BODY = (
    "Officials said the talks would resume next week in Cairo.\n\n"
    "The delegation includes mediators from Qatar and Egypt, according to the statement.\n\n"
    "Fighting continued overnight in several districts of the city, residents said.\n"
)


def run(text: str) -> list:
    return BoilerplateCheck().run(Document(text))


def flagged_lines(text: str) -> dict[str, str]:
    """Stripped flagged line -> rule code."""
    return {f.text.strip(): f.rule for f in run(text)}


def delete_all(text: str, findings: list) -> str:
    for f in sorted(findings, key=lambda f: -f.start):
        text = text[: f.start] + f.suggestions[0] + text[f.end :]
    return text


def test_seed_chrome_and_leaked_headline_are_found(seed_text: str) -> None:
    found = flagged_lines(seed_text)
    for line in SEED_CHROME:
        assert found[line] == "BP101"
    assert found[SEED_HEADLINE] == "BP102"
    assert len(found) == len(SEED_CHROME) + 1


def test_seed_title_and_prose_are_not_flagged(seed_text: str) -> None:
    findings = run(seed_text)
    body_end = seed_text.index("about 900 in Syria.") + len("about 900 in Syria.")
    assert all(f.start >= body_end for f in findings)
    assert all("United States launches raids" not in f.text for f in findings)


def test_seed_chrome_fixes_are_safe(seed_text: str) -> None:
    findings = run(seed_text)
    assert all(f.safe and f.suggestions == ("",) for f in findings)
    assert all(f.kind == "boilerplate" and f.category == "boilerplate" for f in findings)


def test_deleting_seed_findings_ends_the_text_after_the_body(seed_text: str) -> None:
    cleaned = delete_all(seed_text, run(seed_text))
    assert cleaned.endswith("about 900 in Syria.\n\n")
    assert "\n\n\n" not in cleaned
    assert cleaned.startswith("The United States launches raids")


def test_findings_point_at_their_own_lines(seed_text: str) -> None:
    lines = seed_text.splitlines()
    for f in run(seed_text):
        assert f.column == 1
        assert lines[f.line - 1].strip() == f.text.strip()


def test_mtkit_fix_removes_the_seed_tail(seed_text: str) -> None:
    fixed = fix(seed_text, run(seed_text)).text
    final_breaks = seed_text[len(seed_text.rstrip("\n")) :]
    assert fixed == seed_text[: seed_text.index("\n\nWhat we know")] + final_breaks


def test_leaked_headline_generalises_to_other_headlines_and_chrome() -> None:
    text = (
        "Rescue teams reach flooded villages\n\n" + BODY + "\n"
        "Turkey and Syria sign new water-sharing agreement\n\n"
        "Share this:\n\nLike this:\n\nRelated Posts\n"
    )
    found = flagged_lines(text)
    assert found["Turkey and Syria sign new water-sharing agreement"] == "BP102"
    assert found["Share this:"] == "BP101"
    assert found["Related Posts"] == "BP101"
    assert "Rescue teams reach flooded villages" not in found


def test_teaser_list_after_related_header_is_headlines() -> None:
    text = (
        BODY + "\nRead also:\n"
        "Oil prices climb after OPEC output decision\n"
        "Iraqi parliament fails to elect a new speaker\n"
        "Copyright © 2024 Example News. All rights reserved.\n"
    )
    found = flagged_lines(text)
    assert found["Oil prices climb after OPEC output decision"] == "BP102"
    assert found["Iraqi parliament fails to elect a new speaker"] == "BP102"
    assert found["Copyright © 2024 Example News. All rights reserved."] == "BP101"


def test_arabic_site_tail() -> None:
    text = (
        "Iraq announces new measures at border crossings\n\n" + BODY + "\n"
        "اقرأ أيضاً: الحكومة تعلن خطة جديدة للكهرباء\n\n"
        "شارك\n\n"
        "فيسبوك تويتر واتساب\n\n"
        "المصدر: وكالات\n\n"
        "اترك تعليقاً\n\n"
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n\n"
        "جميع الحقوق محفوظة © 2024\n"
    )
    findings = run(text)
    assert len(findings) == 7
    assert {f.rule for f in findings} == {"BP101"}
    assert delete_all(text, findings) == text[: text.index("اقرأ")]


def test_translated_arabic_site_tail() -> None:
    text = (
        BODY + "\nRead also\n\nThe Iraqi army regains control of areas in Diyala\n\n"
        "Share\n\nAll rights reserved to Alsumaria News 2024\n"
    )
    found = flagged_lines(text)
    assert found["The Iraqi army regains control of areas in Diyala"] == "BP102"
    assert found["Read also"] == found["Share"] == "BP101"
    assert found["All rights reserved to Alsumaria News 2024"] == "BP101"


def test_french_site_tail() -> None:
    text = (
        BODY + "\nLire aussi : Le Liban face à une nouvelle crise politique\n"
        "Partager sur Facebook\n"
        "Laisser un commentaire\n"
        "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *\n"
        "Tous droits réservés © Exemple Presse 2024\n"
    )
    findings = run(text)
    assert len(findings) == 5
    assert delete_all(text, findings) == BODY + "\n"


def test_clean_bbc_article_has_no_findings(data_dir) -> None:
    text = (data_dir / "boilerplate_bbc_clean.txt").read_text(encoding="utf-8")
    assert run(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "One line only",
        BODY,
        "Click here to read more about the hearing, the judge told reporters on Monday.\n" + BODY,
    ],
)
def test_texts_without_boilerplate(text: str) -> None:
    assert run(text) == []


def test_lone_chrome_line_is_flagged_but_not_safe() -> None:
    [finding] = run("Share")
    assert (finding.rule, finding.text, finding.safe) == ("BP101", "Share", False)


def test_chrome_above_the_body_is_safe_to_delete() -> None:
    text = "Home > World > Africa\nPublished: 12.03.2025 08:10\n" + BODY
    findings = run(text)
    assert [(f.rule, f.safe) for f in findings if f.text.startswith("Home")] == [("BP101", True)]
    assert fix(text).text.startswith("Officials said")


def test_lines_in_another_script_around_an_english_body_are_chrome() -> None:
    text = (
        "Главная » Спорт » Футбол\n"  # a breadcrumb left in Russian
        "Ministers agree on a new water deal\n\n" + BODY + "\n"
        "相关新闻：Heavy snow closes mountain roads in the north\n"  # a Chinese "related" label
        "记者：李明\n"  # a reporter's credit stays
    )
    fixed = fix(text).text
    assert fixed.startswith("Ministers agree") and "相关新闻" not in fixed
    assert fixed.rstrip().endswith("记者：李明")


def test_a_text_in_another_script_is_not_chrome_to_itself() -> None:
    body = "当局称，会谈将于下周在开罗恢复。代表团包括来自卡塔尔和埃及的调解人。\n\n" * 3
    assert [f for f in run("首页 > 国际\n\n" + body) if f.text.startswith("首页")] == []


def test_a_bare_timestamp_line_above_the_body_is_chrome() -> None:
    text = "Ministers agree on a new water deal\n14.03.2025 Cuma 09:40\n\n" + BODY
    assert "09:40" not in fix(text).text
    assert fix(BODY + "\nThe vote on 12.03.2025 at 10:30 was delayed.\n").changed is False


def test_a_menu_row_above_the_body_is_chrome() -> None:
    text = "Dünya › Ortadoğu › Suriye\nMinisters agree on a new water deal\n\n" + BODY
    assert fix(text).text.startswith("Ministers agree")
    assert run(BODY + "\nSyria and Iraq / an analysis of the talks, officials said.\n") == []


def test_chrome_inside_the_body_is_flagged_but_not_safe() -> None:
    text = BODY + "\nAdvertisement\n\n" + BODY
    findings = run(text)
    assert [(f.text, f.rule, f.safe) for f in findings] == [("Advertisement\n\n", "BP101", False)]
    assert delete_all(text, findings) == BODY + "\n" + BODY


def test_full_web_page_is_mostly_right(data_dir) -> None:
    page = json.loads((data_dir / "boilerplate_page_venturebeat.jsonl").read_text("utf-8"))
    texts = [item["text"] for item in page["lines"]]
    doc = Document("\n".join(texts) + "\n")
    flagged = {doc.line_col(f.start)[0] - 1 for f in BoilerplateCheck().run(doc)}
    truth = {i for i, item in enumerate(page["lines"]) if item["body"] == 0}
    body = set(range(len(texts))) - truth
    assert len(flagged & body) <= 1
    assert len(flagged & truth) >= 0.9 * len(truth)


def test_pipeline_drops_other_findings_inside_boilerplate() -> None:
    text = BODY + "\nSource link\n\nShare on Facebook,and Twitter\n"
    findings = check(text)
    assert {f.kind for f in findings} == {"boilerplate"}


SCRAPED_HEAD_AND_TAIL = (
    "Home / News / Arab World\n"
    "Iraqi parliament postpones vote on budget law\n"
    "Publication date: 24/01/2024 - 09:15\n\n"
    "The Iraqi Council of Representatives postponed on Wednesday the vote on the federal budget "
    "law until next week, according to a statement from the media office of the council.\n\n"
    "The statement said that the session was postponed because of the lack of a quorum.\n\n"
    "The Finance Committee had completed its report on the draft budget law.\n\n"
    "Follow us on Google News\n\n"
    "Subscribe to our Telegram channel\n\n"
    "Tags\nIraq\nBudget\nParliament\n\n"
    "Previous article\nOil prices rise after Libyan field shutdown\n"
    "Next article\nKurdistan region receives salaries of its employees\n\n"
    "Comments are closed.\n"
)


def test_scraped_page_keeps_its_title_and_loses_its_chrome() -> None:
    found = flagged_lines(SCRAPED_HEAD_AND_TAIL)
    assert "Iraqi parliament postpones vote on budget law" not in found
    assert found["Home / News / Arab World"] == "BP101"
    assert found["Publication date: 24/01/2024 - 09:15"] == "BP101"
    for line in ("Follow us on Google News", "Subscribe to our Telegram channel", "Tags"):
        assert found[line] == "BP101"
    assert found["Comments are closed."] == "BP101"
    assert found["Oil prices rise after Libyan field shutdown"] == "BP102"
    assert found["Kurdistan region receives salaries of its employees"] == "BP102"
    assert {found[t] for t in ("Iraq", "Budget", "Parliament")} == {"BP103"}


def test_scraped_page_fix_keeps_title_and_body() -> None:
    fixed = fix(SCRAPED_HEAD_AND_TAIL, run(SCRAPED_HEAD_AND_TAIL), unsafe=True).text
    assert fixed.startswith("Iraqi parliament postpones vote on budget law\n\nThe Iraqi Council")
    assert fixed.endswith("draft budget law.\n")


ARABIC_BODY = (
    "أعلنت الحكومة العراقية يوم الأربعاء عن خطة جديدة لتحسين إمدادات الكهرباء في المحافظات "
    "الجنوبية خلال فصل الصيف.\n\n"
    "وقال المتحدث باسم وزارة الكهرباء إن الخطة تشمل إنشاء محطات جديدة وصيانة الشبكة القديمة "
    "بالتعاون مع شركات أجنبية.\n\n"
    "وأضاف أن العمل سيبدأ في الشهر المقبل وسيستمر لمدة عامين على الأقل حسب الجدول الزمني.\n"
)


def test_arabic_article_with_arabic_chrome() -> None:
    text = (
        "خطة حكومية جديدة للكهرباء\n\n" + ARABIC_BODY + "\nاقرأ أيضاً\n\n"
        "البرلمان يؤجل التصويت على قانون الموازنة\n\nشارك\n\nجميع الحقوق محفوظة © 2024\n"
    )
    found = flagged_lines(text)
    assert found == {
        "اقرأ أيضاً": "BP101",
        "البرلمان يؤجل التصويت على قانون الموازنة": "BP102",
        "شارك": "BP101",
        "جميع الحقوق محفوظة © 2024": "BP101",
    }


@pytest.mark.parametrize(
    "line",
    [
        "The source",
        "Back to the top",
        "Your e-mail address will not be published.",
        "Mandatory fields are marked with *",
        "Also read: Iraq and Turkey agree on water release",
        "Who we are",
        "Tuesday, 24 January 2024 - 09:15 AM",
        "Link copied",
    ],
)
def test_machine_translated_chrome_wording(line: str) -> None:
    found = flagged_lines(BODY + "\n" + line + "\n\nLeave a Reply\n")
    assert found[line] == "BP101"


def test_teasers_after_the_copyright_line_are_not_article() -> None:
    teasers = (
        "Some people thought the striped cattle in a pasture were a joke, but the paint "
        "keeps flies away, researchers said.\n"
        "Lawmakers in two cities want to cut ties with companies that supply the border "
        "agency, officials told reporters.\n"
    )
    text = BODY + "\n© 2024 Example Media Inc. All Rights Reserved.\n" + teasers
    found = flagged_lines(text)
    assert found["© 2024 Example Media Inc. All Rights Reserved."] == "BP101"
    assert all(line in found for line in teasers.splitlines())
    assert not any(line in found for line in BODY.splitlines() if line)


def test_chinese_chrome_left_untranslated() -> None:
    """The editor's credit line stays: credits are article content (issue 18)."""
    text = BODY + "\n责任编辑：张三\n相关新闻\n版权所有 © 2024 新华网\n"
    found = flagged_lines(text)
    assert set(found) == {"相关新闻", "版权所有 © 2024 新华网"}


def test_title_case_question_headline_leaks_but_a_closing_question_does_not() -> None:
    leaked = BODY + "\nIs Iran Ready For A Wider War?\n\nSource link\n"
    assert flagged_lines(leaked)["Is Iran Ready For A Wider War?"] == "BP102"
    closing = BODY + "\nWill the ceasefire hold?\n\nSource link\n"
    assert "Will the ceasefire hold?" not in flagged_lines(closing)


@pytest.mark.parametrize(
    "line",
    [
        "News ID: 4418210 | Publish date: 2024/03/11 - 09:02",
        "Update Date: 05.02.2025 18:30",
        "Views: 12 804",
        "Share this news: Telegram | WhatsApp | Bale | X",
        "Share to: WeChat | Weibo | QQ Zone",
        "Scan the QR code to follow us on WeChat",
        "Your comment will be shown after it is reviewed by the editors.",
        "When reprinting the materials of the agency, a link to the source is required.",
        "【Print】【Close window】",
        "Disclaimer: This article is reprinted from other media and does not represent the "
        "views of this site.",
    ],
)
def test_translated_chrome_of_many_cms(line: str) -> None:
    found = flagged_lines(BODY + "\n" + line + "\n\nLeave a Reply\n")
    assert found[line] == "BP101"


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Ana Lima in Brasilia; Editing by Tom Hogue)",
        "Reporting by Omar Fahmy; additional reporting by Lisa Chen; Editing by Mark Heinrich",
        "(With AFP)",
        "Translated from the Arabic by Sara Haddad",
        "Translation: Mehmet Yilmaz",
        "Editor in charge: Wang Fang",
        "With input from APP",
        "Tripoli - LANA",
        "Lahore: Web Desk",
        "Tehran, 3 May (IRNA) --",
        "Minsk. March 2. BELTA",
        "Dakar - By Aminata Diallo",
    ],
)
def test_credit_lines_are_never_deleted(credit: str) -> None:
    """Credit lines are article content (issue 18): not flagged, and fix keeps them."""
    text = BODY + "\n" + credit + "\n\nSource link\n\nLeave a Reply\n"
    assert credit not in flagged_lines(text)
    assert credit in fix(text).text


def test_teaser_cut_off_after_the_body_is_a_leaked_headline() -> None:
    teaser = "Gold prices climbed again on Monday as traders in the capital rushed to…"
    found = flagged_lines(BODY + "\n" + teaser + "\n")
    assert found[teaser] == "BP102"


def test_headline_after_a_read_also_header_inside_the_body() -> None:
    text = (
        "Officials said the talks would resume next week in Cairo, the statement said.\n\n"
        "Read also\n\nPrice of bread rises in northern markets\n\n"
        "The delegation includes mediators from Qatar and Egypt, according to the statement.\n\n"
        "Fighting continued overnight in several districts of the city, residents said.\n"
    )
    assert flagged_lines(text)["Price of bread rises in northern markets"] == "BP102"


def test_title_printed_twice() -> None:
    title = "Floods cut off villages in the north"
    found = flagged_lines(title + "\n\n" + title + "\n\n" + BODY)
    assert found == {title: "BP104"}
    assert fix(title + "\n\n" + title + "\n\n" + BODY).text == title + "\n\n" + BODY


def test_repeated_list_items_in_the_body_are_not_duplicates() -> None:
    text = (
        BODY + "\nEat every two hours\n\nDrink water before training\n\n"
        "Eat every two hours\n\nDrink water before training\n\n" + BODY
    )
    assert "BP104" not in flagged_lines(text).values()


def test_russian_and_urdu_chrome_left_untranslated() -> None:
    lines = [
        "Поделиться:",
        "Просмотров: 1 204",
        "Читайте также: Курс рубля снова упал",
        "شیئر کریں",
    ]
    found = flagged_lines(BODY + "\n" + "\n\n".join(lines) + "\n")
    assert all(found[line] == "BP101" for line in lines)


@pytest.mark.parametrize(
    "line",
    [
        "SON DAKİKA | BREAKING",
        "Share | Tweet | E-mail | Print",
        "Font size: Large | Medium | Small",
        "Comment Policy: Comments with insults will not be published.",
        "All rights of the news published on our site are reserved.",
        "By continuing to browse this site, you accept the use of cookies.",
        "To go further: Mali: the junta extends its mandate",
        "Log in to comment",
        "All reproduction, even partial, is prohibited without authorisation.",
    ],
)
def test_more_chrome_rows(line: str) -> None:
    found = flagged_lines(BODY + "\n" + line + "\n\nLeave a Reply\n")
    assert found[line] == "BP101"


def test_event_dates_between_separators_are_not_chrome() -> None:
    assert "29 November 2018 | 20 January 2019" not in flagged_lines(
        "29 November 2018 | 20 January 2019\n\n" + BODY
    )


def test_caption_scraped_twice_keeps_the_printed_caption() -> None:
    """Of an image's alt text ("caption | Photo: X") and its printed caption with the credit,
    the alt text is the copy; a caption repeated without a credit loses its later copy."""
    alt = "Firefighters battle the blaze near the port of Izmir | Photo: Reuters"
    caption = "Firefighters battle the blaze near the port of Izmir. (Reuters)"
    found = flagged_lines(BODY + "\n" + alt + "\n" + caption + "\n\nSource link\n")
    assert found.get(alt) == "BP104" and caption not in found
    plain = "Firefighters battle the blaze near the port of Izmir on Sunday"
    found = flagged_lines(BODY + "\n" + plain + "\n\n" + plain + " night\n\nSource link\n")
    assert found.get(plain + " night") == "BP104" and found.get(plain) != "BP104"


@pytest.mark.parametrize(
    "line",
    [
        "Share the news",
        "Send to a friend",
        "Reading time: 4 minutes",
        "About the author",
        "Number of visits: 2,310",
        "Did you like this news?",
        "Other news",
        "Materials on the topic",
        "The opinions expressed in this article do not necessarily reflect the views of the site",
        "Use of materials is permitted with a hyperlink to the source",
        "Advertisement - Scroll to continue",
        "<!-- related_block -->",
        "Главная > В мире > Политика",
        "Accueil > Économie",
        "Mis à jour le 3 avril 2024 à 18h20",
        "5 Nisan 2024 Cuma 14:30",
        "Yorumlar (12)",
        "۱۴۰۲/۱۱/۰۵ - ۰۹:۴۰",
    ],
)
def test_chrome_of_more_cms_and_languages(line: str) -> None:
    assert line in flagged_lines(BODY + "\n" + line + "\n\nSource link\n")


@pytest.mark.parametrize("credit", ["CAIRO (MENA) -", "Baghdad - Al-Sabah"])
def test_datelines_are_credit(credit: str) -> None:
    assert credit not in flagged_lines("Strikes hit two towns\n\n" + credit + "\n" + BODY)


@pytest.mark.parametrize(
    "line",
    [
        # previous/next links, in English, translated, or left in the source language
        "Next article: Flood warnings issued across southern Punjab",
        "Previous news: Kazakhstan raises its key rate to 16.75%",
        "上一篇：国务院召开常务会议部署防汛工作",
        "Предыдущая новость: В Якутии открыли новый мост через Лену",
        "الخبر السابق: وزير الطاقة يفتتح محطة جديدة",
        "خبر بعدی: افزایش قیمت بنزین در استان فارس",
        "Önceki haber: İzmir'de orman yangını kontrol altına alındı",
        "Article suivant : le Sénat adopte la loi sur l'eau",
        # reading-time badges and view counters
        "Okuma süresi: 4 dk",
        "Время чтения: 5 минут",
        "مدة القراءة: 3 دقائق",
        "阅读量：1234",
        "2 min de lecture",
        # rows of metadata items between separators
        "Views: 1,204 | Comments: 3",
        "12/03/2024 14:05 | Okunma: 2.345",
        "Economy | Published: 4 March 2025 | Hits: 871",
        # paywall prompts
        "You have read 3 of 5 free articles this month.",
        "Il vous reste 2 articles à lire ce mois-ci. Abonnez-vous pour continuer.",
        "Чтобы продолжить чтение, оформите подписку.",
        "[/gallery]",
    ],
)
def test_page_furniture_in_any_language_is_chrome(line: str) -> None:
    found = flagged_lines(BODY + "\n" + line + "\n\nLeave a Reply\n")
    assert found[line] == "BP101"


@pytest.mark.parametrize(
    "line",
    [
        "By Amina Yusuf, in Kano",
        "By Jean-Pierre Mukendi and Marie Lenoir, in Kinshasa",
        "Reporter: Zhang Yiming",
    ],
)
def test_bylines_between_chrome_lines_stay(line: str) -> None:
    """A byline is the article's (a credit), even between chrome lines above the body."""
    text = "Temps de lecture : 3 min\n\n" + line + "\n\n" + BODY
    assert line not in flagged_lines(text)


@pytest.mark.parametrize(
    "line",
    [
        "Bu haberi paylaş: Facebook | X | WhatsApp",
        "Partagez cet article : Facebook Twitter LinkedIn",
        "Compartir esta noticia: Facebook, X, WhatsApp, Telegram",
        "Поделиться новостью: ВКонтакте Telegram WhatsApp",
    ],
)
def test_share_row_after_an_untranslated_label(line: str) -> None:
    assert flagged_lines(BODY + "\n" + line + "\n") == {line: "BP101"}


def test_breadcrumb_is_never_the_title() -> None:
    text = "Sport > Football > Mondial U20\n\nTalks in Cairo to resume next week\n\n" + BODY
    assert flagged_lines(text) == {"Sport > Football > Mondial U20": "BP101"}
    text = "Gündem > Yargı | Okunma: 4.512\n\nTalks in Cairo to resume next week\n\n" + BODY
    assert flagged_lines(text) == {"Gündem > Yargı | Okunma: 4.512": "BP101"}
