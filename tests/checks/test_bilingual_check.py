"""The bilingual check: translation against source (numbers, dates, names, copies, length,
omitted sentences), and `mtkit check --src`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.checks.bilingual import BilingualCheck
from toolkit.cli import main
from toolkit.document import Document
from toolkit.numbers import find_numbers

DATA = Path(__file__).resolve().parents[1] / "data" / "wmt22_small"


def rules(target: str, source: str | None) -> list[str]:
    return [f.rule for f in BilingualCheck().run(Document(target, source=source))]


@pytest.mark.parametrize(
    "source, target",
    [
        ("截至3月15日，共有1.5万人参加。", "By March 15, 15,000 people had taken part."),
        ("沙巴今年共发出2万4801张报生纸。", "Sabah issued 24,801 birth certificates this year."),
        ("三名警察和五六个士兵受伤。", "Three police officers and five or six soldiers were hurt."),
        ("摄影师是95后，经济增长5.5%。", "The photographer was born after 1995; growth was 5.5%."),
        ("قتل ٢٥ شخصا في الهجوم.", "25 people were killed in the attack."),
        ("GDP达到121万亿元。", "GDP reached 121 trillion yuan."),
        ("二〇二二年，他在NBA打球。", "In 2022 he played in the NBA."),
        ("فر أكثر من 5.5 ملايين سوري.", "More than 5.5 million Syrians fled."),
        ("بلغ 1.5 مليونًا، وتوفي أكثر من 360.000 شخص.", "It hit 1.5 million; over 360,000 died."),
        ("الحرب الكورية التي استمرت من 1950 وحتى 1953", "the 1950-53 Korean War"),
        ("Enflasyon yüzde 2,5 oldu; 1.500.000 kişi.", "Inflation was 2.5%; 1,500,000 people."),
        ("Bütçe 1.250,75 lira ve 3,5 milyar dolar.", "The budget: 1,250.75 lira and $3.5 billion."),
        ("已经安装了windows11，胖MM也可以。", "Windows 11 is installed; fat girls can too."),
        (
            "工厂有两百五十万个零件，五十万名工人。",
            "The plant has two and a half million parts and half a million workers.",
        ),
        ("估计有一亿人观看。", "An estimated one hundred million people watched."),
        (
            "<seg id=1>استضافته منظمة تحالف طاقة المستهلك(CEA)",
            "hosted by the Consumer Energy Alliance",
        ),
    ],
)
def test_faithful_translations_have_no_findings(source, target):
    assert rules(target, source) == []


def test_missing_and_altered_numbers():
    assert rules("The conflict caused deaths in the city.", "冲突在该市造成15人死亡。") == ["BI101"]
    findings = BilingualCheck().run(
        Document("He said 50 people were hurt.", source="他说15人受伤。")
    )
    [altered] = findings
    assert altered.rule == "BI102" and altered.text == "50" and "'15'" in altered.message


def test_missing_number_marks_the_clause_where_it_belonged():
    target = "On Tuesday, the agency said that people were hurt, and that the bridge was shut."
    source = "周二，该机构表示，有40人受伤，桥梁已关闭。"
    [finding] = BilingualCheck().run(Document(target, source=source))
    assert finding.rule == "BI101" and finding.text == "the agency said that people were hurt"
    assert "'40'" in finding.message


def test_missing_number_is_placed_between_the_figures_both_sides_keep():
    """The reporting clause moved to the end: figures found on both sides anchor the place."""
    source = "他表示，今年前三季度出口增长了15%，而进口下降了8%，贸易顺差扩大至2000亿美元。"
    target = (
        "Exports grew 15% in the first three quarters of this year while imports fell, "
        "widening the trade surplus to $200 billion, he said."
    )
    [finding] = BilingualCheck().run(Document(target, source=source))
    assert finding.rule == "BI101" and finding.text.endswith("while imports fell")


def test_a_source_sentence_split_in_two_is_not_an_addition():
    source = (
        "记者周三说，由于暴雨，当地的学校已经全部关闭了，家长们必须在家照顾孩子们。"
        "市长表示，道路预计周五重新开放。"
    )
    target = (
        "A reporter said on Wednesday that all the local schools had closed because of the "
        "heavy rain. Parents had to look after their children at home. The mayor said the "
        "roads were expected to reopen on Friday."
    )
    assert rules(target, source) == []
    added = target + (
        " Sign up for our free newsletter to get the stories that matter "
        "delivered to your inbox every morning, and follow us on social media."
    )
    assert rules(added, source) in (["BI107"], ["BI105"])  # an addition, or a long pair


def test_lines_run_together_and_split_in_three_are_not_additions():
    # chat lines joined without punctuation: one source "sentence", three English ones
    source = "包裹到了但是里面的杯子碎了两个可以换货吗还是只能退款客服说会在三天内给我回复。"
    target = (
        "The parcel arrived, but two of the cups inside were broken. Can I get them "
        "replaced? Or can I only get a refund? The customer service said they would reply "
        "within three days."
    )
    assert "BI107" not in rules(target, source)


def test_missing_latin_name():
    found = rules("Apple released a new phone on Friday.", "苹果公司周五发布了iPhone手机。")
    assert found == ["BI103"]


def test_copied_segment_is_critical():
    [finding] = BilingualCheck().run(
        Document("他说，会谈将继续下去。", source="他说，会谈将继续下去。")
    )
    assert finding.rule == "BI104" and finding.severity == "critical"
    assert rules("Il a dit que les pourparlers reprendraient.",
                 "Il a dit que les pourparlers reprendraient.") == ["BI104"]  # fmt: skip


def test_length_outlier_uses_the_script_prior():
    source = "他说，双方同意在下个月继续就贸易和投资问题举行会谈，并将邀请更多国家参加。"
    assert rules("He said.", source) == ["BI105"]


def test_length_outlier_says_which_way_the_length_is_off():
    def outlier(target: str, source: str) -> tuple[float, str]:
        (finding,) = BilingualCheck().check(Document(target, source=source))
        return finding.confidence, finding.message

    source = "他说，双方同意在下个月继续就贸易和投资问题举行会谈，并将邀请更多国家参加。"
    confidence, message = outlier("He said.", source)
    assert confidence == 0.5 and message.endswith("something may be left out.")
    target = (
        "He said that the talks would resume next month, and that the two sides had agreed to "
        "invite more countries, adding that the meetings would be held in several capitals "
        "across the region over the coming summer and autumn, with officials from every side "
        "expected to attend."
    )
    confidence, message = outlier(target, "他说，会谈将在下个月继续举行。")
    assert confidence == 0.4 and message.endswith("something may have been added.")


def test_no_source_no_findings():
    assert rules("He said 50 people were hurt 北京.", None) == []


def test_numbers_keep_offsets_in_any_script():
    text = "قتل ٢٥ شخصا و١٥٠٠ جريح"
    assert [(text[n.start : n.end], n.value) for n in find_numbers(text)] == [
        ("٢٥", 25),
        ("١٥٠٠", 1500),
    ]


def _lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").split("\n")[:-1]


def test_few_findings_on_human_reference():
    source, reference = _lines("src.zh"), _lines("ref.A.en")
    findings = BilingualCheck().run(Document("\n".join(reference), source="\n".join(source)))
    assert len(findings) <= 6  # 120 lines of a human translation


def _paragraph_findings(reference: list[str]) -> list[str]:
    source = "\n".join(_lines("src.zh"))
    paragraphs = "\n\n".join(" ".join(reference[i : i + 4]) for i in range(0, len(reference), 4))
    return rules(paragraphs, source)


@pytest.mark.parametrize("dropped", [50, 70])
def test_dropped_sentence_found_when_not_line_aligned(dropped):
    reference = _lines("ref.A.en")
    clean = _paragraph_findings(reference)
    assert clean.count("BI106") + clean.count("BI107") <= 1  # 120 lines of human translation
    del reference[dropped]
    found = _paragraph_findings(reference)
    assert found.count("BI106") + found.count("BI105") > clean.count("BI106") + clean.count("BI105")


def test_check_src_cli(tmp_path):
    src = tmp_path / "src.txt"
    src.write_text("北京今天下雨。\n他说有15人受伤。\n", encoding="utf-8")
    hyp = tmp_path / "hyp.txt"
    hyp.write_text(
        "It rained in Beijing today.\nHe said 50 people were injured.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check", "--src", str(src), "--select", "BI", str(hyp)])
    assert result.exit_code == 1 and f"{hyp}:2:9: major number" in result.stdout
    two = CliRunner().invoke(main, ["check", "--src", str(src), str(hyp), str(hyp)])
    assert two.exit_code == 2 and "exactly one PATH" in two.stderr
