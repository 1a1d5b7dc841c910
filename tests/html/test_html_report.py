"""The HTML report, rendered and used in a real browser (Debian chromium via Playwright)."""

import re
from pathlib import Path

import pytest

from toolkit.document import Document
from toolkit.findings import KINDS, Rule
from toolkit.fix import fix
from toolkit.html import FileReport, render_report

CHROMIUM = "/usr/bin/chromium"
TEXT = (
    "Leaked headline\n\n"
    "He said.”in fact <script>alert(1)</script> & the attacks she suffered.\n\n"
    "Source link\n"
)


def rule(code, kind, severity, safe=True):
    return Rule(code, f"test-{kind}", kind, "other", severity, "s", "w", "e", "f", safe)


def findings_of(text):
    doc = Document(text)

    def span(needle, r, suggestion, extra=0):
        start = text.index(needle)
        return r.at(doc, start, start + len(needle) + extra, f"{r.kind} here", [suggestion], 0.9)

    return [
        span("Leaked headline", rule("BP901", "boilerplate", "major"), "", extra=2),
        span(".”", rule("PU901", "punctuation", "minor"), ".” "),
        span("she suffered", rule("PR901", "pronoun", "major", safe=False), "suffered by"),
        span("she", rule("CA901", "capitalisation", "minor"), "She"),
        span("Source link\n", rule("BP901", "boilerplate", "major"), ""),
    ]


def build(text=TEXT, path="a<b>.txt"):
    found = findings_of(text)
    return found, render_report([FileReport(path, text, tuple(found), fix(text, found))])


def test_text_and_paths_are_escaped():
    _, page = build()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; the" in page
    assert "a&lt;b&gt;.txt" in page and "a<b>.txt" not in page


def test_self_contained_without_network_references():
    _, page = build()
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_every_finding_is_listed_and_highlighted():
    found, page = build()
    listed = re.findall(r'<li id="d-([\d-]+)"', page)
    marked = {i for group in re.findall(r'data-f="([^"]+)"', page) for i in group.split()}
    assert len(listed) == len(found) and set(listed) == marked


def test_fixed_pane_marks_changes_row_by_row():
    _, page = build()
    assert '<ins title="PU901">.” </ins>' in page
    assert '<del title="BP901">Leaked headline\n\n</del>' in page
    rows = re.findall(r'<div class="text original">(.*?)</div><div class="text fixed"', page, re.S)
    assert len(rows) == 3 and "Leaked headline" in rows[0] and "Source link" in rows[2]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path):
    found, html = build()
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    remote, dialogs = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def block(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            remote.append(route.request.url)
            route.abort()

    page.route("**/*", block)
    page.goto(report.as_uri())
    page.found, page.remote, page.dialogs = found, remote, dialogs
    yield page
    page.close()


def test_highlights_match_findings_and_nothing_runs_or_loads(page):
    ids = page.eval_on_selector_all("mark.f", "ms => ms.map(m => m.dataset.f)")
    assert {i for group in ids for i in group.split()} == {f"0-{i}" for i in range(5)}
    assert page.locator("ol.findings li").count() == len(page.found)
    shown = "".join(page.locator(".text.original").all_inner_texts())
    assert "<script>alert(1)</script>" in shown
    assert page.remote == [] and page.dialogs == []


def test_kind_filter_hides_items_and_highlights(page, tmp_path):
    page.uncheck("input[data-filter=kind][value=boilerplate]")
    assert page.locator("li[data-kind=boilerplate]").first.is_hidden()
    assert all(
        page.locator("li[data-kind=boilerplate]").evaluate_all("ls => ls.map(l => l.hidden)")
    )
    assert page.locator("li[data-kind=punctuation]").is_visible()
    headline = page.locator("mark.f", has_text="Leaked headline")
    assert "off" in headline.get_attribute("class")
    assert page.inner_text("#shown") == "3"
    page.uncheck("input[data-filter=severity][value=major]")
    assert page.locator("li[data-kind=pronoun]").is_hidden()
    she = page.locator("mark.f", has_text="she").first
    assert "k-capitalisation" in she.get_attribute("class")
    page.check("input[data-filter=kind][value=boilerplate]")
    assert page.locator("li[data-kind=boilerplate]").first.is_hidden()  # still major
    page.screenshot(path=str(tmp_path / "filtered.png"))
    assert (tmp_path / "filtered.png").stat().st_size > 10_000


def test_keyboard_focus_shows_message_and_suggestion(page):
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    tip = page.locator("#tip")
    assert tip.is_visible() and "boilerplate here" in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    page.hover("mark.f >> text=.”")
    assert "Replace .” with .”␣" in tip.inner_text()


def test_text_contrast_is_readable(page):
    ratios = page.evaluate(
        """kinds => kinds.map(k => {
            const m = document.createElement('mark');
            m.className = 'f s-minor k-' + k; m.textContent = 'x';
            document.querySelector('.text').appendChild(m);
            const rgb = s => s.match(/\\d+/g).slice(0, 3).map(Number).map(v => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            const lum = s => { const [r, g, b] = rgb(s); return 0.2126*r + 0.7152*g + 0.0722*b; };
            const st = getComputedStyle(m);
            const [a, b] = [lum(st.color), lum(st.backgroundColor)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        })""",
        list(KINDS),
    )
    assert min(ratios) >= 7


def test_readable_on_a_phone(browser, tmp_path):
    _, html = build()
    report = tmp_path / "phone.html"
    report.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(report.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.text')).fontSize)")
    assert font >= 15
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    assert (tmp_path / "phone.png").stat().st_size > 10_000
    page.close()


def test_check_writes_html_report_and_refuses_to_overwrite_input(tmp_path):
    from click.testing import CliRunner

    from toolkit.cli import main

    article = tmp_path / "a.txt"
    article.write_text("It said.”in fact <b>no</b>.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["check", "--fast", "--format", "html", "-o", str(out), str(article)]
    )
    assert result.exit_code == 1 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;" in page and "&lt;/b&gt;" in page and "<code>PU101</code>" in page
    assert "<b>no" not in page
    assert '<ins title="PU101">.” </ins>' in page
    refused = CliRunner().invoke(
        main, ["check", "--format", "html", "-o", str(article), str(article)]
    )
    assert refused.exit_code == 2 and article.read_text(encoding="utf-8").startswith("It said")
    assert CliRunner().invoke(main, ["check", "-o", str(out), str(article)]).exit_code == 2


def test_rows_hold_the_whole_text_and_the_whole_fixed_text():
    import html as stdlib_html

    found, page = build()
    cells = re.findall(r'<div class="text (original|fixed)"[^>]*>(.*?)</div>', page, re.S)

    def plain(cell, drop_deleted):
        if drop_deleted:
            cell = re.sub(r"<del[^>]*>.*?</del>", "", cell, flags=re.S)
        return stdlib_html.unescape(re.sub(r"<[^>]+>", "", cell))

    original = "".join(plain(c, False) for kind, c in cells if kind == "original")
    fixed = "".join(plain(c, True) for kind, c in cells if kind == "fixed")
    assert original == TEXT
    assert fixed == fix(TEXT, found).text


def test_without_javascript_everything_is_still_shown(browser, tmp_path):
    found, html = build()
    report = tmp_path / "nojs.html"
    report.write_text(html, encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report.as_uri())
    assert page.locator("ol.findings li:visible").count() == len(found)
    assert page.locator("mark.f.off").count() == 0
    assert page.locator("mark.f.s-major").count() >= 2
    context.close()


def test_seed_report_from_the_cli_in_the_browser(browser, tmp_path, seed_text):
    from click.testing import CliRunner

    from toolkit.cli import main
    from toolkit.fix import fix
    from toolkit.pipeline import check

    seed = tmp_path / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    report = tmp_path / "seed.html"
    result = CliRunner().invoke(main, ["fix", str(seed), "--report", str(report)])
    assert result.exit_code == 0
    fixed = fix(seed_text)  # check's findings, and those a fix exposed ("an Kataib" -> "a")
    found = [*fixed.applied, *(s.finding for s in fixed.skipped)]
    assert {(f.rule, f.start) for f in check(seed_text)} <= {(f.rule, f.start) for f in found}
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(report.as_uri())
    ids = page.eval_on_selector_all("mark.f", "ms => ms.map(m => m.dataset.f)")
    assert len({i for group in ids for i in group.split()}) == len(found)
    kinds = {f.kind for f in found}
    for kind in kinds:
        page.uncheck(f"input[data-filter=kind][value={kind}]")
    assert page.locator("ol.findings li:visible").count() == 0
    assert page.locator("mark.f:not(.off)").count() == 0
    page.check("input[data-filter=kind][value=punctuation]")
    visible = sum(f.kind == "punctuation" for f in found)
    assert page.locator("ol.findings li:visible").count() == visible
    page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
    page.close()


def test_check_html_with_a_path_given_twice(tmp_path):
    import html as stdlib_html

    from click.testing import CliRunner

    from toolkit.cli import main

    article = tmp_path / "a.txt"
    article.write_text("It said.”in fact.\n\nMore.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "html", str(article), str(article)])
    sections = result.stdout.split('<section class="file"')[1:]
    assert len(sections) == 2
    for section in sections:
        cells = re.findall(r'<div class="text original">(.*?)</div>', section, re.S)
        text = stdlib_html.unescape(re.sub(r"<[^>]+>", "", "".join(cells)))
        assert text == "It said.”in fact.\n\nMore.\n"


# The fixed pane's text without the removed (<del>) text.
FIXED_TEXT = """() => Array.from(document.querySelectorAll('.text.fixed')).map(row => {
    const copy = row.cloneNode(true);
    copy.querySelectorAll('del').forEach(d => d.remove());
    return copy.textContent;
}).join('')"""


def test_each_applied_fix_and_each_suggestion_left_has_a_box():
    _, page = build()
    boxes = dict(re.findall(r'<input type="checkbox" data-change="(0-\d)"( checked)?>', page))
    # applied by fix: BP901 x2, PU901, CA901; left: the unsafe PR901 suggestion
    assert sorted(boxes) == ["0-0", "0-1", "0-2", "0-3", "0-4"]
    assert [i for i, on in sorted(boxes.items()) if not on] == ["0-2"]
    assert "1 more suggested" in page


def test_editor_accepts_a_suggestion_and_downloads_the_text(page, tmp_path):
    fixed_pane = lambda: page.evaluate(FIXED_TEXT)  # noqa: E731
    assert "She suffered" in fixed_pane()
    page.check('input[data-change="0-2"]')  # the pronoun suggestion, not applied by fix
    assert not page.is_checked('input[data-change="0-3"]')  # its rival, "She", is dropped
    assert "attacks suffered by." in fixed_pane() and "She suffered" not in fixed_pane()
    page.uncheck('input[data-change="0-0"]')  # keep the leaked headline after all
    assert page.locator(".text.fixed del", has_text="Leaked headline").count() == 0
    with page.expect_download() as info:
        page.click("button.download")
    download = info.value
    assert download.suggested_filename.endswith("b_.fixed.txt")  # the browser drops <>
    saved = tmp_path / "fixed.txt"
    download.save_as(saved)
    chosen = [page.found[i] for i in (1, 2, 4)]
    assert saved.read_text(encoding="utf-8") == fix(TEXT, chosen, unsafe=True).text
    assert page.dialogs == [] and page.remote == []


def test_a_suggestion_with_several_options_offers_a_choice(browser, tmp_path):
    text = "In the same context, the talks went on.\n"
    doc = Document(text)
    linker = rule("CQ901", "calque", "minor", safe=False)
    found = [linker.at(doc, 0, 21, "calque", ["Meanwhile, ", "Separately, "], 0.85)]
    report = tmp_path / "choice.html"
    report.write_text(render_report([FileReport("c.txt", text, tuple(found), fix(text, found))]))
    page = browser.new_page()
    page.goto(report.as_uri())
    page.select_option('select[data-choice="0-0"]', index=1)
    page.check('input[data-change="0-0"]')
    assert page.evaluate(FIXED_TEXT) == "Separately, the talks went on.\n"
    page.close()
