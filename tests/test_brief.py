"""The brief's HTML fragments: provenance on every number, escaping, findings."""

from __future__ import annotations

import math
import re

import pytest
from brief_fixtures import (
    gold_indicators,
    mentions_from,
    mixed_kinds,
    publish,
    report_meta,
    stage,
    validation_doc,
    with_rows,
)
from bs4 import BeautifulSoup
from conftest import REPO

from rol_analysis import brief, fileio, footnotes, statuses

EVIL = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def _brief(root, indicators=None, meta=None, validation=None):
    return brief.Brief(stage(root, indicators=indicators, meta=meta, validation=validation))


def _page(b) -> BeautifulSoup:
    parts = [b.header(), b.key_findings(), b.charts(), b.ratio_table(), b.section_tables(),
             b.intensity_table(), b.trends(), b.methods(), b.sources()]
    return BeautifulSoup("".join(p.data for p in parts), "lxml")


def _extracted_brief(root, text: str):
    """The brief of ``text`` read as Weibin's 2023 report (its indicators and mentions)."""
    from rol_analysis import extract

    ex = extract.extract_text(text, "weibin", 2023)
    return brief.Brief(stage(root, indicators=ex.indicators, mentions=ex.mentions))


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory):
    return _brief(tmp_path_factory.mktemp("brief"))


@pytest.fixture(scope="module")
def seed_page(seed_brief):
    return _page(seed_brief)


def test_header_carries_title_and_footer_data(seed_brief):
    h = seed_brief.header()
    data, meta = h._repr_html_()
    assert "卫滨区 2023 年法治政府建设年度报告分析简报" in data
    assert "卫滨区司法局" in data
    m = meta[brief.METADATA_KEY]
    assert len(m["source_sha256"]) == 64 and m["version"] and m["validation"] == "warn"


def _digits(text: str) -> str:
    return re.sub(r"[^0-9.]", "", text)


def _source_of(page, num) -> str:
    """The source sentence a figure's footnote goes to (to its number marked in it, or
    to the sentence)."""
    target = page.select_one(num.find_next_sibling("sup").a["href"])
    return (target if target.name == "li" else target.find_parent("li")).get_text()


def test_every_number_links_to_its_own_number_in_its_sentence(seed_page):
    """A footnote goes to the figure's own number, marked in its quoted sentence (a
    sentence of several numbers leaves no guessing), and that mark links back to the
    number's row in the tables."""
    nums = seed_page.select("span.num")
    assert len(nums) >= 56
    for span in nums:
        sup = span.find_next_sibling("sup")
        assert sup is not None, span
        target = sup.a["href"].lstrip("#")
        mark = seed_page.select_one(f"mark#{target}")
        assert mark is not None, target
        li = mark.find_parent("li")
        assert li.get_text() == span["title"]  # the sentence, as the report wrote it
        assert target.startswith(li["id"] + "-")
        assert _digits(mark.get_text()) == _digits(span.get_text().split("%")[0]), span
        home = seed_page.select_one(mark.a["href"])
        assert _digits(home.get_text()) == _digits(span.get_text())
    # every number of the report is marked once in its sentence, each with its own id
    marks = seed_page.select(".sources mark.src-num")
    assert len(marks) == len({m["id"] for m in marks}) == 55


def test_each_section_has_a_table_with_english_names(seed_page):
    heads = [h.get_text() for h in seed_page.select(".sections h3")]
    assert any(h.startswith("重大行政决策与规范性文件") for h in heads)
    assert len(seed_page.select(".sections table")) == len(heads) == 7
    text = seed_page.select_one(".sections").get_text()
    assert "Normative documents filed" in text and "规范性文件备案数" in text


def test_an_indicator_with_a_definition_shows_it_and_one_without_shows_none(seed_page):
    """The section tables' names: an indicator the catalogue defines links to its entry
    in the 指标定义 list and shows the definition on hover; one it does not define is
    plain text; the list holds exactly the defined indicators the tables name."""
    from rol_analysis import catalogue

    cat = catalogue.load()
    by_name = {i.zh_name: i for i in cat.indicators.values()}
    defined, plain = [], []
    for td in seed_page.select(".sections table.indicators tbody tr td:first-child"):
        ind, link = by_name[td.get_text()], td.select_one("a.defined")
        if ind.definition:
            assert link["title"] == ind.definition
            dt = seed_page.select_one(f'dt[id="{link["href"].lstrip("#")}"]')
            assert dt.find_next_sibling("dd").get_text() == ind.definition
            defined.append(ind.id)
        else:
            assert link is None and not td.find(title=True)
            plain.append(ind.id)
    assert "exec_meeting_law_study_sessions" in defined and "admin_litigation_cases" in defined
    assert len(plain) > 40
    listed = [dt["id"].removeprefix("def-") for dt in seed_page.select("dl.definitions dt")]
    assert listed == [i for i in cat.indicators if i in set(defined)]
    assert "指标定义" in seed_page.select_one("section.definitions h2").get_text()


def test_findings_say_claims_mismatches_and_warnings_plainly(seed_page):
    text = seed_page.select_one(".findings").get_text()
    assert "7 项比率只有报告的说法" in text
    assert "其中 6 项声称达到 100%" in text
    assert "缺少核心指标" in text
    assert "849 件" in text  # headline numbers


def test_ratio_table_shows_status_per_rate(seed_page):
    rows = seed_page.select("table.ratios tbody tr")
    assert len(rows) == 7
    statuses = [r.select("td")[-1].get_text() for r in rows]
    assert sum("仅有声明" in s for s in statuses) == 7
    assert sum("不一致" in s for s in statuses) == 0


def test_mismatch_fixture_reported_with_both_values(tmp_path):
    ind = with_rows(gold_indicators(), [
        {"indicator_id": "mediation_success_rate", "value": 95.87, "text": "95.87%",
         "sentence": "调解成功率95.87%"},
        {"indicator_id": "disputes_mediated", "value": 2474.0, "text": "2474件",
         "sentence": "调解纠纷2474件"},
        {"indicator_id": "disputes_mediated_successfully", "value": 2369.0, "text": "2369件",
         "sentence": "调解成功2369件"},
    ])
    page = _page(_brief(tmp_path, indicators=ind))
    text = page.select_one(".findings").get_text()
    assert "调解成功率" in text and "95.87%" in text and "95.76%" in text
    row = next(r for r in page.select("table.ratios tbody tr") if "调解成功率" in r.get_text())
    assert "不一致" in row.get_text() and "+0.11" in row.get_text()


def test_report_text_cannot_inject_markup(tmp_path):
    ind = with_rows(gold_indicators(), [
        {"indicator_id": "disputes_mediated", "value": 849.0, "text": "849件",
         "sentence": f"调解纠纷849件{EVIL}"}])
    meta = {"region": "weibin", "year": 2023, "region_name": f"卫滨区{EVIL}",
            "title": EVIL, "issuer": EVIL, "date": "2023", "source_file": EVIL,
            "source_sha256": "0" * 64}
    val = validation_doc(warnings=[{"rule": "r", "suite": "s", "severity": "warn",
                                    "zh": EVIL, "en": EVIL, "indicators": [],
                                    "values": [], "sentences": [EVIL]}])
    page = _page(_brief(tmp_path, indicators=ind, meta=meta, validation=val))
    assert page.find("script") is None
    assert all(not img.get("onerror") for img in page.find_all("img"))
    assert all(img["src"].startswith("data:image/png;base64,") for img in page.find_all("img"))
    assert EVIL in page.get_text()  # shown as text, for the reviewer to see


def test_format_number():
    assert brief.format_number(16280000, "元", "amount") == "1,628 万元"
    assert brief.format_number(212386, "个") == "212,386 个"
    assert brief.format_number(95.87, "%", "rate", 2) == "95.87%"
    assert brief.format_number(float("nan")) == "—"


def test_every_stated_change_shows_its_direction(tmp_path):
    """A change the report words (同比下降9.2%, 较上年减少6卷) shows its direction as a
    sign wherever the brief lists it as a number: 其他统计 showed "9.2%" and "6卷" for two
    falls, a section table "9.5%" beside "-23.5%" (trial 24)."""
    page = _page(_extracted_brief(tmp_path, (
        "全县一审行政诉讼案件79件，同比下降9.2%。开展行政执法案卷评查，发现问题案卷21卷，"
        "较上年减少6卷。全县办理法律援助案件1103件，同比增长9.5%。")))
    other = {tr.find_all("td")[0].get_text(): tr.find_all("td")[1].select_one(".num").get_text()
             for tr in page.select(".other-stats tbody tr")}
    changes = [v for m, v in other.items() if "变化" in m]
    # a legal-aid change is no generic 案件数同比变化 (trial 24): unnamed, signed too
    assert "+9.5%" in changes and "-6卷" in changes, other
    named = [td.get_text() for td in page.select("table.indicators td")
             if "9.2%" in td.get_text()]
    assert named and all("-9.2%" in t for t in named), named
    assert brief.format_number(-2716000, "元", "change") == "-271.6 万元"
    assert brief.format_number(3.7, "个百分点", "change") == "+3.7 个百分点"


def test_a_rate_over_its_numerators_parts_is_checked_against_their_sum(tmp_path):
    """Trial 24: 撤销10件 was shown as the 纠错数 and 7.35% as a 不一致 of the stated
    11.8%; the corrections are 10 + 4 + 2 = 16 of 136."""
    page = _page(_extracted_brief(tmp_path, (
        "全年新收行政复议申请152件，受理141件，审结136件，其中维持92件、撤销10件、"
        "确认违法4件、责令履行2件，以调解和解方式结案28件，综合纠错率11.8%。")))
    findings = page.select_one(".findings").get_text()
    assert "不一致" not in findings and "7.35" not in findings
    row = next(tr for tr in page.select("table.ratios-inferred tbody tr")
               if "行政复议纠错率" in tr.get_text())
    assert "11.76%" in row.get_text() and "一致（推断）" in row.get_text()
    # each part is its own number, footnoted to its own mark in the sentence
    parts = [a["href"] for a in row.select("sup.fn a")]
    assert len(set(parts)) == 5, parts  # the rate, three parts, the whole
    assert "组成部分之和 16" in row.get_text()
    assert "行政复议纠错率" in findings and "11.76%" in findings


def test_brief_is_deterministic(tmp_path):
    a = "".join(p.data for p in [_brief(tmp_path).key_findings(), _brief(tmp_path).sources()])
    b = "".join(p.data for p in [_brief(tmp_path).key_findings(), _brief(tmp_path).sources()])
    assert a == b
    assert not re.search(r"0x[0-9a-f]{6,}", a)  # no memory addresses


def test_no_other_data_says_so(seed_page):
    assert "尚无本地区往年或其他地区同年的已发布数据" in seed_page.select_one(".trends").get_text()


def test_analysis_summary_counts(seed_brief):
    assert seed_brief.analysis.counts()[statuses.CLAIM_ONLY] == 7


def test_warnings_name_their_indicators_values_and_sentences(tmp_path):
    val = validation_doc(warnings=[
        {"rule": "completeness.core", "suite": "warning", "severity": "warn",
         "zh": "报告缺少此类报告通常应载明的核心指标",
         "en": "The report lacks core indicators a report of this kind usually states",
         "indicators": ["head_appearance_rate"], "values": [None], "sentences": [""]},
        {"rule": "relation.reconsideration_closed_le_accepted", "suite": "warning",
         "severity": "warn", "zh": "审结数不应超过受理数", "en": "Closed exceeds accepted",
         "indicators": ["admin_reconsideration_closed", "admin_reconsideration_accepted"],
         "values": [12, 9], "sentences": ["审结行政复议案件12件", "行政复议申请 9 件"]},
    ])
    page = _page(_brief(tmp_path, validation=val))
    items = [li for li in page.select(".findings > ul > li") if "校验警告" in li.get_text()]
    assert len(items) == 2
    missing, relation = (li.get_text(" ") for li in items)
    quoted = items[1].get_text()  # the sentences as written, a number marked in them
    assert "行政机关负责人出庭应诉率" in missing
    assert "Agency-head court appearance rate" in missing and "报告未给出" in missing
    assert "行政复议审结数" in relation and "Reconsideration cases closed" in relation
    assert "12 件" in relation and "9 件" in relation
    assert "审结行政复议案件12件" in quoted and "行政复议申请 9 件" in quoted
    # Each value quoted from the report links to its sentence in the sources list.
    nums = items[1].select("span.num")
    assert [_source_of(page, n) for n in nums] == ["审结行政复议案件12件", "行政复议申请 9 件"]


def _bracketed(li) -> str:
    """A source sentence's text with its marked numbers in [brackets]."""
    return "".join(f"[{c.get_text()}]" if getattr(c, "name", None) == "mark" else
                   c.get_text() if hasattr(c, "get_text") else str(c) for c in li.contents)


#: One value twice in a sentence, and numbers the report writes otherwise than the
#: brief shows them: full-width digits, 万, a space inside (调解成功 3 次).
WRITTEN_OTHERWISE = ("一、行政复议\n全年受理行政复议申请9件，在法定期限内已结案9件。"
                     "受理案件１２件，涉案金额1.5万元，调解成功 3 次。\n")


def test_each_figure_points_at_its_own_number_even_when_its_sentence_repeats_it(tmp_path):
    """Reviewer trial: a footnote pointed at a sentence, not at which of its numbers the
    cell is, and the two 9件 of one sentence could not be told apart. Each figure's
    footnote now goes to its own number, marked in the quoted sentence as the report
    wrote it (１２件, 1.5万元, not the brief's 12 件 and 1.5 万元), and the sentence
    still reads and copies as the report's."""
    page = _page(_extracted_brief(tmp_path, WRITTEN_OTHERWISE))
    first = "全年受理行政复议申请9件，在法定期限内已结案9件。"
    second = "受理案件１２件，涉案金额1.5万元，调解成功3次。"
    lis = {li.get_text(): li for li in page.select(".sources li")}
    assert _bracketed(lis[first]) == "全年受理行政复议申请[9件]，在法定期限内已结案[9件]。"
    assert _bracketed(lis[second]) == "受理案件[１２件]，涉案金额[1.5万元]，调解成功[3次]。"
    # the two 9件 (two indicators' figures) go to the two marks, in their order
    start = WRITTEN_OTHERWISE.index("9件")
    closed = WRITTEN_OTHERWISE.index("9件", start + 1)
    targets = [page.select_one(f"#num-{at}").find_next_sibling("sup").a["href"]
               for at in (start, closed)]
    n = lis[first]["id"]
    assert targets == [f"#{n}-1", f"#{n}-2"]
    # each cell of the other sentence goes to the number it shows
    shown = {}
    for span in page.select(".other-stats span.num"):
        mark = page.select_one(span.find_next_sibling("sup").a["href"])
        shown[span.get_text()] = mark.get_text()
        # and the mark links back to that cell
        assert page.select_one(mark.a["href"]) is span
    assert shown == {"１２件": "１２件", "1.5万元": "1.5万元", "3 次": "3次"}


def test_a_number_is_placed_by_its_text_and_its_distance_to_the_others():
    """footnotes.spans: numbers at the sentence's start and end, a text the sentence
    holds twice told apart by the distance to the number before it (a space the
    sentence drops counts as at most one less), a sentence the report writes twice
    marked once."""
    s = "12件受理，召开会议3次，办结12件"
    assert footnotes.spans(s, [(100, "12件"), (110, "3次"), (115, "12件")]) == {
        100: (0, 3), 110: (10, 12), 115: (15, 18)}
    # without the first: the other 12件 is the one 5 characters after 3次
    assert footnotes.spans(s, [(110, "3次"), (115, "12件")]) == {110: (10, 12), 115: (15, 18)}
    assert footnotes.spans(s, [(110, "3次"), (116, "12 件")]) == {110: (10, 12), 116: (15, 18)}
    # the 2件 of 12件 is no number of its own; a text the sentence lacks is not placed
    assert footnotes.spans("审结12件，其中2件", [(0, "2件"), (9, "7件")]) == {0: (8, 10)}
    # the same sentence twice in the report: one footnote, one mark for both
    assert footnotes.marks("结案9件。", [(100, "9件"), (900, "9件")]) == {
        100: (1, 2, 4), 900: (1, 2, 4)}
    pieces = footnotes.cut(s, footnotes.marks(s, [(100, "12件"), (115, "12件")]).values())
    assert [(p["text"], p["k"]) for p in pieces] == [
        ("12件", 1), ("受理，召开会议3次，办结", None), ("12件", 2)]
    assert "".join(p["text"] for p in pieces) == s


def test_brief_links_to_its_validation_report(seed_page):
    links = [a["href"] for a in seed_page.select("a.validation-link")]
    assert links and set(links) == {"validation.html"}  # relative: same folder, offline
    assert seed_page.select_one(".brief-head a.validation-link") is not None


def test_claim_only_rates_say_which_have_a_denominator(seed_page):
    text = seed_page.select_one(".findings").get_text()
    # The ratio table shows denominators for 4 claim-only rates; the finding agrees.
    assert "没有给出可供核验的分子和分母" not in text
    assert "4 项报告给出了分母，但没有给出成功（达标）的数量" in text
    for den in ("4 件", "849 件", "212,386 个"):
        assert den in text
    # the seed's other three rates have no numerator or denominator in the catalogue: the
    # finding says so, not that the report gives neither (that was not checked)
    assert "既没有给出分子" not in text
    assert "3 项指标目录没有定义其分子、分母" in text
    assert "“有诉即办”满意率" in text.split("没有定义其分子、分母")[1]


def test_claim_only_rate_with_its_numerator_says_which_side_is_missing(tmp_path):
    # trial 4 F7 (liwan 2024, paraphrased): the participants are the numerator of the
    # participation rate in the same clause; only those due to sit it are not given
    b = _extracted_brief(tmp_path, "一、法治学习\n（一）组织学法。组织全区2万余名国家工作人员"
                                   "参加年度学法考试，参考率、优秀率均为100%。\n")
    text = b.key_findings().data
    findings = BeautifulSoup(text, "lxml").get_text()
    assert "既没有给出分子" not in findings
    assert "1 项报告给出了分子，但没有给出分母：学法考试参考率 100%" in findings
    assert "（分子学法考试参考人数 ≥20,000 名" in findings
    assert "未给出分母 学法考试应参考人数" in findings


def test_source_warnings_from_extraction_are_shown_escaped(tmp_path):
    from brief_fixtures import report_meta

    warning = f"2023.txt: the report names the region 卫滨区 but hongqi is 红旗区 {EVIL}"
    b = _brief(tmp_path, meta=report_meta(warnings=[warning]))
    page = _page(b)
    text = page.select_one(".findings").get_text()
    assert "来源警告" in text and "红旗区" in text and EVIL in text
    assert page.find("script") is None


@pytest.mark.parametrize("value,unit,expected", [
    (0.004, "", "0"), (3.001, "人", "3 人"), (12746000.0, "", "12,746,000"),
    (1234567.0, "个", "1,234,567 个"), (2.5, "件", "2.5 件"), (16280000.0, "元", "1,628 万元"),
])
def test_numbers_are_written_out_plainly(value, unit, expected):
    assert brief.format_number(value, unit) == expected


@pytest.mark.parametrize("value,present", [
    (None, False), ("", False), (math.nan, False), ("pd.NA", False), (3, True), ("0.93", True),
])
def test_an_empty_cell_is_not_a_page_or_score(value, present):
    """A nullable column's <NA> (an OCR page or score as pandas reads it) is empty, as
    None, NaN and "" are, and stops nothing."""
    import pandas as pd

    assert brief._present(pd.NA if value == "pd.NA" else value) is present

def test_year_over_year_keeps_values_and_qualifiers_as_stated(tmp_path):
    seed = gold_indicators()
    earlier = with_rows(seed, [
        {"indicator_id": "mediation_success_rate", "value": 99.5, "text": "99.5%"},
        {"indicator_id": "complaint_window_satisfaction_rate", "value": 98.0, "text": "98%"},
        {"indicator_id": "legal_advisor_services", "value": 120.0, "text": "120余次",
         "qualifier": "at_least"},
        {"indicator_id": "disputes_mediated", "value": 700.0, "text": "700件",
         "review": "confirm | 李四"},
    ])
    publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    b = _brief(tmp_path)
    yoy = b.analysis.yoy.set_index("indicator_id")
    rows = {tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in _page(b).select(".trends table.yoy tbody tr")}
    # 1. 99.5% stays 99.5% (not rounded to 100%); nobody confirmed that year's name (○)
    assert rows["调解成功率"][2] == "99.5%○"
    # a figure a reviewer confirmed that year carries its ✓, not ○
    assert rows["受理调解纠纷数"][2].endswith("✓") and "○" not in rows["受理调解纠纷数"][2]
    assert yoy.at["mediation_success_rate", "previous_text"] == "99.5%"
    # 2. 120余次 keeps its "at least", and the change from it is marked approximate
    assert rows["法律顾问提供法律服务次数"][2].startswith("≥120")
    assert yoy.at["legal_advisor_services", "previous_qualifier"] == "at_least"
    assert rows["法律顾问提供法律服务次数"][4].startswith("≈")
    # 3. rates change in percentage points, counts in relative %; the heading says so
    assert rows["“有诉即办”满意率"][4] == "+2.0 个百分点"
    assert rows["调解成功率"][4] == "+0.5 个百分点"
    assert math.isnan(yoy.at["complaint_window_satisfaction_rate", "change_pct"])
    assert yoy.at["complaint_window_satisfaction_rate", "change_unit"] == "pp"
    assert rows["受理调解纠纷数"][4] == "+21.3%"
    head = _page(b).select_one(".trends table.yoy thead").get_text()
    assert "个百分点" in head and "%" in head

    # 4. a defined indicator's name carries its definition here too; an undefined one not
    from rol_analysis import catalogue

    names = {tr.find_all("td")[0].get_text(): tr.find_all("td")[0]
             for tr in _page(b).select(".trends table.yoy tbody tr")}
    defined = catalogue.load().indicator("legal_advisor_services").definition
    assert names["法律顾问提供法律服务次数"].select_one(".defined")["title"] == defined
    assert names["调解成功率"].select_one(".defined") is None



def test_an_unchanged_figure_reads_unchanged_and_an_amount_heads_no_other_unit(tmp_path):
    """Trial 23: 100% -> 100% read "+0.0 个百分点" (a rounded change?), and "(yuan)" headed
    a figure shown in 万元."""
    seed = gold_indicators()
    publish(tmp_path, "weibin", 2022, with_rows(seed, [
        {"indicator_id": "joint_credit_feedback_rate", "value": 100.0, "text": "100%"},
        {"indicator_id": "audit_reduction_amount", "value": 16280000.0, "text": "1628 万元",
         "unit": "元"}]).assign(year=2022))
    page = _page(_brief(tmp_path))
    rows = {tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in page.select(".trends table.yoy tbody tr")}
    assert rows["联合奖惩反馈率"][4] == "持平 unchanged"
    assert rows["审减金额"][4] == "持平 unchanged"
    assert rows["审减金额"][1] == "Amount cut by audit"
    for part in (".sections", ".trends"):  # the definitions say what the catalogue counts
        assert "(yuan)" not in page.select_one(part).get_text()

# --------------------------------------------------- other statistics, inferred rates

OTHER_TEXT = ("一、行政复议\n全年受理群众诉求25件，办结24件。\n\n办结率96%。"
              "企业开办时间由18.5天压缩至7.2天，压缩56.1%。"
              "发放补贴5700余万元，较上年增长12.6%。" + "备注<b>粗体</b>共3项。")


@pytest.fixture(scope="module")
def other_page(tmp_path_factory):
    """A brief over a small report extracted for real, with a ``measure`` per number
    (the contract column; labels written here as extraction would)."""
    from rol_analysis import extract

    ex = extract.extract_text(OTHER_TEXT, "weibin", 2023)
    men = ex.mentions.copy()
    men["measure"] = [f"测量{n}<i>" for n in range(len(men))]
    root = tmp_path_factory.mktemp("other")
    b = brief.Brief(stage(root, indicators=ex.indicators, mentions=men))
    return b, _page(b), men


def test_every_number_without_an_indicator_is_listed_in_report_order(other_page):
    b, page, men = other_page
    rows = page.select(".other-stats table.other tbody tr")
    unnamed = men[men["indicator_id"] == ""].sort_values("char_start")
    shown_ids = set(b._rows)
    # as stated, a change with its direction (较上年增长12.6%: +12.6%)
    expected = [("+" if k == "change" else "") + t
                for t, i, k in zip(men["text"], men["indicator_id"], men["kind"])
                if i not in shown_ids]
    assert "+12.6%" in expected
    assert [r.select("td")[1].select_one(".num").get_text() for r in rows] == expected
    assert len(rows) == len(unnamed) > 0
    # value as stated (qualifier and unit kept), measure label escaped, provenance
    cells = {r.select("td")[1].select_one(".num").get_text(): r for r in rows}
    assert "5700余万元" in cells
    row = cells["5700余万元"]
    assert row.select("td")[0].get_text().endswith("<i>")  # escaped text, not markup
    assert row.find("i") is None
    assert "补贴" in row.select_one(".num")["title"]
    n = int(row.select_one("sup.fn a").get_text().strip("[]"))
    assert "补贴" in page.select_one(f"#src-{n}").get_text()


def test_report_markup_in_other_statistics_is_escaped(other_page):
    _, page, _ = other_page
    assert page.select_one(".other-stats b") is None
    assert "备注<b>粗体</b>共3项。" in page.select_one(".sources").get_text()


def test_inferred_rates_are_shown_apart_and_marked(other_page):
    _, page, _ = other_page
    # not in the catalogue's ratio table ...
    assert all("推断" not in r.get_text() for r in page.select("table.ratios tbody tr"))
    rows = page.select("table.ratios-inferred tbody tr")
    assert len(rows) == 2
    text = [r.get_text() for r in rows]
    # named by the rate's measure (escaped), its numbers with theirs
    assert "测量2<i>" in text[0] and "一致（推断）" in text[0] and "96.00%" in text[0]
    assert rows[0].find("i") is None
    assert "推断 inferred" in text[0]
    assert "24件" in text[0] and "25件" in text[0]
    assert "不一致（推断）" in text[1] and "61.08%" in text[1] and "18.5天" in text[1]
    # each paired number has its sentence on hover and a footnote
    for r in rows:
        nums = r.select(".num")
        assert len(nums) >= 3 and all(x.get("title") for x in nums)
        assert len(r.select("sup.fn a")) >= 3
    findings = page.select_one(".findings").get_text()
    assert "推断 inferred" in findings and "61.08%" in findings


def test_brief_with_other_statistics_is_byte_identical(tmp_path, other_page):
    _, _, men = other_page
    from rol_analysis import extract

    ex = extract.extract_text(OTHER_TEXT, "weibin", 2023)
    pages = []
    for n in range(2):
        b = brief.Brief(stage(tmp_path / str(n), indicators=ex.indicators, mentions=men))
        pages.append("".join(p.data for p in [b.key_findings(), b.ratio_table(),
                                              b.section_tables(), b.sources()]))
    assert pages[0] == pages[1]


def test_seed_other_statistics_says_every_number_is_named(seed_page):
    assert "都已归入指标目录" in seed_page.select_one(".other-stats").get_text()


def test_a_part_shows_the_total_it_belongs_to(tmp_path, other_page):
    """Other statistics: a part (其中…) names its total's indicator under 属于; a number
    that is no part shows —; without any part the column is not there."""
    from rol_analysis import catalogue

    text = "全年新收行政复议申请860件，其中市级收到312件、县级收到548件。另有来信来访31件。"
    b = _extracted_brief(tmp_path, text)
    table = _page(b).select_one(".other-stats table.other")
    assert [th.get_text() for th in table.select("thead th")][-1] == "属于 Part of"
    whole = catalogue.load().indicator("admin_reconsideration_received")
    cells = {r.select("td")[1].select_one(".num").get_text(): r.select("td")[-1].get_text()
             for r in table.select("tbody tr")}
    assert cells == {"312件": f"{whole.zh_name} {whole.en_name}",
                     "548件": f"{whole.zh_name} {whole.en_name}", "31件": "—"}
    _, page, _ = other_page
    assert "Part of" not in page.select_one(".other-stats").get_text()
    # the total's indicator is defined (since blind13's adjudication): its name under 属于
    # links to its definition, which the 指标定义 list shows
    assert whole.definition
    links = table.select("a.defined")
    assert links and all(a["title"] == whole.definition for a in links)
    listed = [dt["id"] for dt in _page(b).select("section.definitions dt")]
    assert listed == [f"def-{whole.id}"]


def test_a_part_links_to_the_definition_of_its_total(tmp_path):
    from rol_analysis import catalogue, extract

    text = "全年开展行政执法检查860次，其中市级312次、县级548次。"
    ex = extract.extract_text(text, "weibin", 2023)
    whole = catalogue.load().indicator("enforcement_inspections")
    # the total is a table row; drop it so that only its parts name it
    ind = ex.indicators[ex.indicators["indicator_id"] != whole.id]
    page = _page(brief.Brief(stage(tmp_path, indicators=ind, mentions=ex.mentions)))
    links = page.select(".other-stats table.other tbody a.defined")
    assert len(links) == 2 and {a["title"] for a in links} == {whole.definition}
    assert [dt["id"] for dt in page.select("dl.definitions dt")] == [f"def-{whole.id}"]
    assert page.select_one("dl.definitions dd").get_text() == whole.definition


def test_a_part_larger_than_its_whole_is_a_finding(tmp_path):
    """The part/whole checks hold each part against its stated whole: a part that
    exceeds it is listed as not holding, with both numbers and their sources."""
    text = "全年审查规范性文件54件，其中审查市级规范性文件87件。"
    b = _extracted_brief(tmp_path, text)
    page = _page(b)
    row = page.select_one(".intensities table.checks tbody tr")
    cells = [td.get_text() for td in row.select("td")]
    assert "不超过" in cells[0] and cells[-1] == "不成立"
    assert [n.get_text() for n in row.select(".num")] == ["87件", "54 件"]
    finding = page.select_one("section.findings").get_text()
    assert "市级规范性文件数不超过" in finding and "不成立：87 对 54" in finding


def test_a_breakdown_summing_above_its_whole_is_a_finding(tmp_path):
    """Items of one breakdown that each fit the whole but together exceed it: the check
    row shows every item and the whole, and the key findings list it as not holding."""
    text = "本年新收到行政复议申请900件，其中乡镇级收到450件、区级收到500件。"
    b = _extracted_brief(tmp_path, text)
    page = _page(b)
    rows = page.select(".intensities table.checks tbody tr")
    summed = [r for r in rows if "各部分之和" in r.get_text()]
    assert len(summed) == 1
    assert [n.get_text() for n in summed[0].select(".num")] == ["450件", "500件", "900 件"]
    assert summed[0].select("td")[-1].get_text() == "不成立"
    finding = page.select_one("section.findings").get_text()
    assert "各部分之和不超过" in finding and "不成立：950 对 900" in finding


def test_a_qualified_whole_reads_as_a_word_inside_a_check(tmp_path):
    """Trial 5 F2: a whole stated with 余/多 printed with its sign inside the comparison
    read "≤ ≥240 天"; the check writes the qualifier as a word (900 件以上)."""
    text = "本年新收到行政复议申请900余件，其中乡镇级收到400件、区级收到500件。"
    row = [r for r in _page(_extracted_brief(tmp_path, text))
           .select(".intensities table.checks tbody tr") if "各部分之和" in r.get_text()][0]
    shown = row.select("td")[2].get_text()
    assert "≤ 900 件以上" in shown and "≥" not in shown


LITIGATION = "一、行政诉讼\n全年审结行政诉讼案件521件，行政机关败诉38件，败诉率7.29%。"
MEETING = "截至2023年3月15日，周例会已召开51期，涉及案件231件，判决胜诉41件。"


def test_a_computed_rate_of_unreviewed_names_says_so(tmp_path):
    """Trial 5 F1: 行政诉讼胜诉率 7.87% (41 won of a weekly meeting over the county's 521
    cases) stood in the key findings as a fact. A rate the report does not state shows
    the two figures it is computed from, marked ○, and says it is unreviewed; beside
    the report's own rate over the same denominator in that sentence (败诉率7.29%) it is
    left to the ratio table while a name is unreviewed; reviewed, it is a finding."""
    from rol_analysis import extract

    ex = extract.extract_text(LITIGATION.replace("，行政机关败诉38件，败诉率7.29%", "")
                              + MEETING, "weibin", 2023)
    page = _page(brief.Brief(stage(tmp_path / "a", indicators=ex.indicators,
                                   mentions=ex.mentions)))
    finding = next(li for li in page.select("section.findings li")
                   if "行政诉讼胜诉率" in li.get_text())
    assert [n.get_text() for n in finding.select(".num.unconfirmed")] == ["41 件", "521 件"]
    # one decimal, as reports write rates (brief.COMPUTED_DECIMALS), not 7.87%
    assert "7.9%（所用指标名未复核 ○，复核前不宜引用）" in finding.get_text()

    ex = extract.extract_text(LITIGATION + MEETING, "weibin", 2023)
    page = _page(brief.Brief(stage(tmp_path / "b", indicators=ex.indicators,
                                   mentions=ex.mentions)))
    assert "行政诉讼胜诉率" not in page.select_one("section.findings").get_text()
    assert "7.87%" in page.select_one("section.ratios").get_text()
    # both names confirmed by a reviewer: the computed rate is a finding again
    ind = ex.indicators.copy()
    ind["review"] = "confirm | li"
    page = _page(brief.Brief(stage(tmp_path / "c", indicators=ind, mentions=ex.mentions)))
    text = page.select_one("section.findings").get_text()
    assert "行政诉讼胜诉率：报告未直接给出" in text and "未复核" not in text.split("胜诉率")[1]


def test_a_rate_beside_a_cut_it_is_not_tied_to_says_what_the_cut_gives(tmp_path):
    """Trial 5 F11: a promised-time rate (承诺提速率65.1%, named 办理时限压减比例 by a
    reviewer) beside an actual cut 20.86天提速到6.44天 (69.1 %): the key findings said
    the wording held no two numbers to pair. They now name the pair and what it gives,
    and that it is not taken for the rate; a sentence without a cut says as before."""
    import pandas as pd

    from rol_analysis import extract

    def finding(text, folder):
        ex = extract.extract_text("二、政务服务\n" + text, "weibin", 2023)
        men = ex.mentions.copy()
        men.loc[men["text"] == "65.1%", "indicator_id"] = "time_limit_reduction_rate"
        rate = men[men["text"] == "65.1%"].iloc[0].to_dict()
        ind = pd.concat([ex.indicators, pd.DataFrame([{
            **{c: rate.get(c) for c in ex.indicators.columns},
            "indicator_id": "time_limit_reduction_rate", "kind": "rate"}])],
            ignore_index=True)
        page = _page(brief.Brief(stage(tmp_path / folder, indicators=ind, mentions=men)))
        return next(li.get_text() for li in page.select("section.findings li")
                    if "仅有声明" in li.get_text())

    said = finding("全面推行承诺制，承诺提速率达65.1%，法定平均办理时间20.86天提速到6.44天。", "a")
    assert "没有可配对的两个数字" not in said
    assert "同句中有一组变化前后的数字，但措辞没有把它们与该比率相连，未用作其分子、分母" in said
    assert "（同句 20.86天[1] → 6.44天[1] 推算为 69.1%，与之不符）" in said
    alone = finding("全面推行承诺制，承诺提速率达65.1%，群众满意度明显提升。", "b")
    assert "报告措辞中也没有可配对的两个数字：办理时限压减比例 65.1%" in alone


def test_scanned_report_shows_page_provenance_and_flags_low_scores(tmp_path):
    """A report read by OCR: the header says so with its mean score, each source sentence
    says its page, and a number read with a low score is marked for review."""
    from brief_fixtures import report_meta

    ind = gold_indicators()
    ind["page"] = 2
    ind["bbox"] = "72.0,100.0,520.0,112.0"
    ind["ocr_score"] = 0.99
    low = ind["indicator_id"] == "disputes_mediated"
    ind.loc[low, ["page", "ocr_score"]] = [3, 0.71]
    meta = report_meta(format="pdf", ocr_pages=[1, 2, 3], ocr_mean_score=0.9861)
    page = _page(_brief(tmp_path, indicators=ind, meta=meta))
    head = page.select_one("header").get_text()
    assert "3 页经 OCR 识别" in head and "平均识别置信度 0.986" in head
    assert "1 句识别置信度低于 0.9" in head
    sources = page.select(".sources li")
    assert all("数字经 OCR 识别" in li.get_text() for li in sources)
    flagged = [li.get_text() for li in sources if "待人工核对" in li.get_text()]
    assert len(flagged) == 1 and "第3页" in flagged[0] and "849" in flagged[0]
    marked = page.select(".num.ocr-low")
    assert marked and all("849" in m.get("title", "") for m in marked)


def test_text_report_has_no_ocr_notes(seed_page):
    assert "OCR" not in seed_page.select_one("header").get_text()
    assert not seed_page.select(".ocr-src, .ocr-low")


def test_inferred_changes_are_shown_as_inferred_in_their_own_units(tmp_path):
    text = ("一、行政复议\n2021年得分率59.7%；2022年得分率61.74%，上升2.04%。"
            "全年收到申请1113件，与2022年的558件相比增加了555件，同比增长99.5%。")
    page = _page(_extracted_brief(tmp_path, text))
    assert all("推断" not in r.get_text() for r in page.select("table.ratios tbody tr"))
    rows = [r.get_text() for r in page.select("table.ratios-inferred tbody tr")]
    assert len(rows) == 2 and all("推断 inferred" in r for r in rows)
    assert "2.04 个百分点" in rows[0] and "59.7%" in rows[0] and "61.74%" in rows[0]
    assert "99.46%" in rows[1] and "558件" in rows[1] and "1113件" in rows[1]


# ------------------------------------------------------------ unconfirmed names


def test_every_name_nobody_confirmed_is_marked_and_counted(seed_brief, seed_page):
    """On a report without review decisions every indicator's figure shows ○ (named
    automatically, not confirmed), and the header and the method note say how many of
    the report's names are unconfirmed. No figure is hidden."""
    n = len(seed_brief.analysis.indicators)
    values = seed_page.select(".sections table.indicators td:nth-of-type(3)")
    assert len(values) == n
    for td in values:
        assert td.select_one("span.num.unconfirmed") is not None
        assert td.select_one(".unconfirmed-mark").get_text() == "○"
        assert "未经复核确认" in td.select_one(".unconfirmed-mark")["title"]
    assert f"{n} 个指标名称中 {n} 个为自动命名、未经复核确认（○）" in \
        seed_page.select_one(".brief-head").get_text()
    methods = seed_page.select_one(".methods").get_text()
    assert f"本报告 {n} 个指标名称中 {n} 个未经复核确认" in methods
    assert f"{n} of this report's {n} names" in methods
    # Trial 5 F12: the note said "about a third" wrong, the README 4.2–14.0 % of all
    # statistics; both now give the share per name given and per statistic, the same
    assert "约七成正确、约三成有误（按所给名称计" in methods and "4.2–14.0%" in methods
    assert "about 7 in 10 of the names given are right and 3 in 10 wrong" in methods
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "about 3 in 10 names need\n  correcting" in readme
    assert "4.2–14.0 % of all statistics" in readme
    # the charts cannot mark each figure: a note beside them says it once
    assert f"图中数字所归指标有 {n} 个为自动命名" in seed_page.select_one(".charts").get_text()
    # numbers with no name (validation findings, other statistics) carry no ○
    assert not seed_page.select(".findings ul.finding-indicators .unconfirmed-mark")


def test_a_stated_rate_carries_its_names_mark_in_the_ratio_table_and_findings(tmp_path,
                                                                              seed_page):
    """A stated rate the tables name is that indicator's figure: it shows ○ in the ratio
    table and the key findings as in its section (a reviewer trial read 12.2%○ in the
    section and a bare 12.2% in the ratio table), and ✓ once a reviewer confirms it."""
    rates = seed_page.select("table.ratios tbody tr")
    filing = next(tr for tr in rates if "报备及时率" in tr.find("td").get_text())
    assert filing.find_all("td")[2].select_one(".unconfirmed-mark").get_text() == "○"
    claims = seed_page.select_one(".findings").get_text()
    assert "规范性文件报备及时率 100%○" in claims
    seed = gold_indicators()
    row = seed[seed["indicator_id"] == "normative_docs_timely_filing_rate"].iloc[0]
    reviewed = with_rows(seed, [{"indicator_id": row["indicator_id"], "value": row["value"],
                                 "text": row["text"], "review": "confirm | 李四"}])
    page = _page(_brief(tmp_path, indicators=reviewed))
    filing = next(tr for tr in page.select("table.ratios tbody tr")
                  if "报备及时率" in tr.find("td").get_text())
    assert filing.find_all("td")[2].select_one(".review-mark").get_text() == "✓"
    assert filing.find_all("td")[2].select_one(".unconfirmed-mark") is None


def test_every_action_that_decides_a_name_has_its_mark():
    """The ✓/✎ marks and the ○ count follow one rule (reviews.NAMING): a decided name
    with no mark of its own would show neither."""
    from rol_analysis import reviews

    assert set(brief.REVIEW_MARKS) == set(reviews.NAMING)


def test_a_confirmed_name_shows_its_check_instead(tmp_path):
    seed = gold_indicators()
    reviewed = with_rows(seed, [{"indicator_id": "disputes_mediated", "value": 849.0,
                                 "text": "849件", "review": "confirm | 李四"}])
    page = _page(_brief(tmp_path, indicators=reviewed))
    cells = {tr.find_all("td")[0].get_text(): tr.find_all("td")[2]
             for tr in page.select(".sections table.indicators tbody tr")}
    mediated = cells["受理调解纠纷数"]
    assert mediated.select_one(".review-mark").get_text() == "✓"
    assert mediated.select_one(".unconfirmed-mark") is None
    n = len(reviewed)
    assert f"{n} 个指标名称中 {n - 1} 个为自动命名" in page.select_one(".brief-head").get_text()
    assert f"图中数字所归指标有 {n - 1} 个" in page.select_one(".charts").get_text()


def test_other_regions_figures_show_whether_their_names_were_confirmed(tmp_path):
    seed = gold_indicators()
    other = seed[seed["indicator_id"].isin(["disputes_mediated", "people_mediators"])].copy()
    other["review"] = ["confirm | 王五" if i == "people_mediators" else ""
                       for i in other["indicator_id"]]
    publish(tmp_path, "hongqi", 2023, other, "红旗区")
    page = _page(_brief(tmp_path))
    table = page.select_one(".trends table.panel")
    head = [th.get_text() for th in table.select("thead th")]
    hongqi = next(tr for tr in table.select("tbody tr")
                  if tr.find("td").get_text() == "红旗区")
    cells = dict(zip(head, [td.get_text() for td in hongqi.find_all("td")], strict=True))
    mediated = next(v for k, v in cells.items() if k.startswith("受理调解纠纷数"))
    mediators = next(v for k, v in cells.items() if k.startswith("人民调解员"))
    assert mediated.endswith("○")
    assert mediators.endswith("✓") and "○" not in mediators
    # a region that does not state an indicator shows no mark for it
    assert not any(v.endswith("○") and v.startswith("—") for v in cells.values())


def test_a_fully_reviewed_report_shows_no_unconfirmed_mark(tmp_path):
    seed = gold_indicators().assign(review="confirm | 李四")
    page = _page(_brief(tmp_path, indicators=seed))
    assert not page.select(".unconfirmed-mark")
    assert f"all {len(seed)} indicator names reviewed" in page.select_one(".brief-head").get_text()
    assert "自动命名" not in page.select_one(".charts").get_text()


def test_the_regions_table_says_which_other_regions_names_are_automatic(tmp_path):
    from rol_analysis import pipeline

    # trial 23: the other regions' figures stood beside this region's with nothing
    # saying their names were automatic; and a name the peer's reviewer took away
    # since its last build must not be shown
    seed = gold_indicators()
    both = seed[seed["indicator_id"].isin(["disputes_mediated", "people_mediators"])]
    publish(tmp_path, "hongqi", 2023, both.assign(review=["confirm | 王五", ""]), "红旗区")
    muye = publish(tmp_path, "muye", 2023, both, "牧野区")
    # the peer's csv table, which the brief fingerprint digests (as a build writes it)
    fileio.write_csv(muye.processed_final / "indicators.csv", both.assign(region="muye"))
    mediated = both[both["indicator_id"] == "disputes_mediated"].iloc[0]
    paths = stage(tmp_path)
    before = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    fileio.write_text(
        tmp_path / "data/reviews/muye/2023.csv",
        "char_start,text,action,indicator_id,value,unit,qualifier,note,reviewer,date\n"
        f"{int(mediated['char_start'])},{mediated['text']},unname,,,,,不是受理数,赵六,2024-03-01\n")
    # the decision outdates this brief before muye is rebuilt, and rol list says why
    after = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert pipeline._explain(before, after) == [
        "published peer muye/2023's review file has changed decisions"]
    page = _page(brief.Brief(paths))
    note = page.select_one(".trends p.peer-names").get_text()
    # hongqi: one confirmed, one automatic; muye: one automatic, one withdrawn
    assert "本表其他地区 3 个数字中 2 个" in note and "○ 为该地区报告的自动命名" in note
    assert "2 of the other regions' 3 figures here" in note
    cells = {k.split("\n")[0]: v for k, v in _panel_cells(page, "牧野区").items()}
    assert next(v for k, v in cells.items() if k.startswith("受理调解纠纷数")) == "—"
    assert next(v for k, v in cells.items() if k.startswith("人民调解员")).endswith("○")


def test_a_towns_regions_table_leaves_out_what_only_other_kinds_state(tmp_path):
    # trial 23: a 镇's regions table was mostly "—", county columns no town states
    fileio.write_text(tmp_path / "data/raw/regions.csv",
                      "region,zh_name,city,province,level\n"
                      "dongpo,东坡镇,新乡市,河南省,township\nxiping,西平镇,新乡市,河南省,township\n"
                      "hongqi,红旗区,新乡市,河南省,county\nmuye,牧野区,新乡市,河南省,county\n")
    seed = gold_indicators()
    for slug, name in (("hongqi", "红旗区"), ("muye", "牧野区")):
        publish(tmp_path, slug, 2023, seed.head(6), name)
    publish(tmp_path, "xiping", 2023, seed.head(3), "西平镇")
    paths = stage(tmp_path, "dongpo", 2023, indicators=gold_indicators("dongpo").head(2),
                  meta=report_meta("dongpo", region_name="东坡镇"))
    page = _page(brief.Brief(paths))
    head = [th.get_text() for th in page.select(".trends table.panel thead th")][4:]
    names = [seed.iloc[i]["zh_name"] for i in range(6)]
    assert [h for h in head if any(h.startswith(n) for n in names)] == head
    assert len(head) == 3  # the two towns state the first three; the counties six
    note = page.select_one(".trends p.own-empty").get_text()
    assert "另有 3 项指标只有其他类别的地区报告" in note
    assert all(n in note for n in names[3:])


def _panel_cells(page, name: str) -> dict:
    """The Regions table's row of the region shown as ``name``: header -> cell text."""
    table = page.select_one(".trends table.panel")
    head = [th.get_text() for th in table.select("thead th")]
    row = next(tr for tr in table.select("tbody tr") if tr.find("td").get_text() == name)
    return dict(zip(head, [td.get_text() for td in row.find_all("td")], strict=True))


@pytest.mark.parametrize("sentence,opposed", [
    ("接收县（市、区）政府和市直部门报备规范性文件96件。", True),
    ("向市政府报送备案规范性文件96件。", False),
])
def test_filings_received_and_filings_sent_are_not_side_by_side_silently(
        tmp_path, sentence, opposed):
    # trial 24: a city's 接收…报备96件 (received from below) and a county's 向市政府报备11件
    # (sent up) shared the 规范性文件备案数 column with no word
    seed = gold_indicators()
    for slug, name, said, value in (("hongqi", "红旗区", sentence, 96.0),
                                    ("muye", "牧野区", "向市政府报备规范性文件11件。", 11.0)):
        other = with_rows(seed[seed["indicator_id"].isin(["people_mediators"])], [
            {"indicator_id": "normative_docs_filed", "value": value,
             "text": f"{value:.0f}件", "unit": "件", "sentence": said}])
        publish(tmp_path, slug, 2023, other, name)
    page = _page(_brief(tmp_path))

    def cell(region: str) -> str:
        return next(v for k, v in _panel_cells(page, region).items()
                    if k.startswith("规范性文件备案数"))
    note = page.select_one(".trends .note.opposed")
    if opposed:
        assert cell("红旗区").startswith("（接收）96 件")
        assert cell("牧野区").startswith("（报送）11 件")
        assert "规范性文件备案数一列中" in note.get_text() and "方向相反" in note.get_text()
    else:
        # one way both: compared as before, no mark
        assert cell("红旗区").startswith("96 件") and cell("牧野区").startswith("11 件")
        assert note is None
    # the seed's 备案规范性文件4件 says no way: no mark
    assert cell("卫滨区").startswith("4")


def test_other_regions_figures_keep_the_unit_their_report_stated(tmp_path):
    seed = gold_indicators()
    other = with_rows(seed[seed["indicator_id"].isin(["people_mediators"])], [
        # units the catalogue accepts but does not list first (场次, 件, 人)
        {"indicator_id": "law_to_enterprise_events", "value": 75.0, "text": "75场",
         "unit": "场"},
        {"indicator_id": "contracts_reviewed", "value": 2.0, "text": "2件", "unit": "件"},
        {"indicator_id": "people_mediators", "value": 12.0, "text": "12人", "unit": "人"},
    ])
    publish(tmp_path, "hongqi", 2023, other, "红旗区")
    page = _page(_brief(tmp_path))
    hongqi = {k.split("\n")[0]: v for k, v in _panel_cells(page, "红旗区").items()}
    cell = {name: next(v for k, v in hongqi.items() if k.startswith(name))
            for name in ("“送法入企”等活动场次", "合同协议合法性审查数", "人民调解员人数")}
    assert cell["“送法入企”等活动场次"] == "75 场○"
    assert cell["合同协议合法性审查数"] == "2 件○"
    assert cell["人民调解员人数"] == "12 人○"
    # this region's own row keeps its own units too
    mine = _panel_cells(page, "卫滨区")
    assert next(v for k, v in mine.items() if k.startswith("“送法入企”")).startswith("33 场次")


def _compared_and_unlike(page) -> tuple[list[str], str]:
    """The indicators of a brief's year-over-year table, and the text of its note on the
    figures not compared (yoy.unlike)."""
    rows = [tr.find_all("td")[0].get_text()
            for tr in page.select(".trends table.yoy tbody tr")]
    return rows, page.select_one(".trends ul.unlike").get_text()


def test_figures_of_unlike_spans_are_not_compared_and_the_note_says_why(tmp_path):
    # 2022 stated a sum over several years, 2023 (the seed) the year's mediators: no
    # change between them is shown, and the note under the table names both
    seed = gold_indicators()
    earlier = with_rows(seed, [{"indicator_id": "people_mediators", "value": 250.0,
                                "text": "250名", "unit": "名",
                                "sentence": "2018年以来，累计选聘250名人民调解员。"}])
    publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    rows, note = _compared_and_unlike(_page(_brief(tmp_path)))
    assert "人民调解员人数" not in rows and "受理调解纠纷数" in rows
    assert "人民调解员人数" in note
    assert "2022 年 250名（累计或多年合计）；2023 年 273" in note
    assert "（当年数）" in note
    assert "2022: a sum over several years; 2023: the year's figure" in note


def test_a_special_cleanup_is_not_compared_with_a_general_one_and_the_note_says_why(
        tmp_path):
    # trial 24: 涉企…专项清理23件 (2022 here) against 清理…207件 was shown as +800 %
    seed = gold_indicators()
    cleaned = {"indicator_id": "normative_docs_cleaned", "unit": "件"}
    now = with_rows(seed, [{**cleaned, "value": 207.0, "text": "207件",
                            "sentence": "开展规范性文件集中清理，共清理文件207件。"}])
    earlier = with_rows(seed, [{**cleaned, "value": 23.0, "text": "23件",
                                "sentence": "开展涉企法规政策文件专项清理，清理文件23件。"}])
    publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    rows, note = _compared_and_unlike(
        _page(brief.Brief(stage(tmp_path, indicators=now, mentions=mentions_from(now)))))
    assert "清理规范性文件件数" not in rows and "受理调解纠纷数" in rows
    assert "2022 年 23件（限于“涉企、专项”）；2023 年 207件" in note
    assert "（未限定范围）" in note
    assert "2022: only 涉企、专项 ones; 2023: not narrowed to one kind" in note


def test_an_earlier_year_keeps_its_own_unit(tmp_path):
    seed = gold_indicators()
    # worded as the seed's anchor (专项活动33场次): a 专项 count against one that is not
    # would not be compared (yoy.scope)
    earlier = with_rows(seed, [{"indicator_id": "law_to_enterprise_events", "value": 20.0,
                                "text": "20场", "unit": "场", "sentence": "专项活动20场"}])
    publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    rows = {tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in _page(_brief(tmp_path)).select(".trends table.yoy tbody tr")}
    assert rows["“送法入企”等活动场次"][2] == "20 场○"
    assert rows["“送法入企”等活动场次"][3].startswith("33 场次")


def test_regions_with_the_same_name_are_told_apart_by_their_slug(tmp_path):
    seed = gold_indicators()
    publish(tmp_path, "xincheng-xa", 2023, seed.head(5), "新城区")
    publish(tmp_path, "xincheng-hh", 2023, seed.head(8), "新城区")
    page = _page(_brief(tmp_path))
    names = [tr.find("td").get_text()
             for tr in page.select(".trends table.panel tbody tr")]
    assert names == ["卫滨区", "新城区（xincheng-hh）", "新城区（xincheng-xa）"]


RATE_TEXT = "二、化解矛盾纠纷\n全年办理行政复议案件12件，群众满意度达到98.5%。"


def test_rates_no_indicator_names_are_not_called_no_rate(tmp_path):
    """A report whose only rate has no catalogue indicator states a rate: the rates check
    says where it is and why it is not checked (in Chinese and English), and the key
    findings do not count it as 0."""
    b = _extracted_brief(tmp_path, RATE_TEXT)
    page = _page(b)
    ratios_text = page.select_one(".ratios").get_text()
    assert "报告未给出任何比率" not in ratios_text and "states no rate" not in ratios_text
    unchecked = page.select_one(".ratios .unchecked-rates").get_text()
    assert "1 项比率未归入指标目录" in unchecked and "列于“其他统计”" in unchecked
    assert "1 stated rate(s)" in unchecked and "Other statistics" in unchecked
    first = page.select_one(".findings li").get_text()
    assert "比率 0 项" not in first and "1 项比率都没有对应的目录指标" in first
    # ...and the rate is where the note says
    other = [tr.find_all("td")[1].get_text() for tr in page.select(".other-stats tbody tr")]
    assert any(v.startswith("98.5%") for v in other)


def test_unnamed_rates_beside_named_ones_are_counted_apart(tmp_path):
    b = _extracted_brief(tmp_path, RATE_TEXT + "行政复议审结52件，其中纠错4件，纠错率7.7%。")
    page = _page(b)
    assert page.select(".ratios table.ratios tbody tr")  # the catalogue's rate, checked
    assert "1 项比率未归入指标目录" in page.select_one(".ratios .unchecked-rates").get_text()
    first = page.select_one(".findings li").get_text()
    assert "其中比率 1 项，另有 1 项比率未归入指标目录" in first


def test_rates_paired_from_the_wording_are_not_called_unchecked(other_page):
    b, page, _ = other_page
    # both unnamed rates of the text are in the inferred table: none is left unchecked
    assert page.select(".ratios table.ratios-inferred tbody tr")
    assert page.select_one(".ratios .unchecked-rates") is None
    assert "2 项比率都没有对应的目录指标" in page.select_one(".findings li").get_text()


def test_a_report_without_rates_says_so_in_both_languages(tmp_path):
    b = _extracted_brief(tmp_path, "二、化解矛盾纠纷\n全年办理行政复议案件12件。")
    text = _page(b).select_one(".ratios").get_text()
    assert "报告未给出任何比率。" in text and "The report states no rate." in text
    assert "其中比率 0 项" in _page(b).select_one(".findings li").get_text()


def test_targets_met_and_multiples_are_shown_as_inferred(tmp_path):
    text = ("一、行政执法\n本年度共清理占道经营点位1.3万平方米，上级下达的1.2万平方米年度任务"
            "已提前完成，达成率108.33%。今年办理法律援助案件318件，比上年的80件增加了近3倍。")
    page = _page(_extracted_brief(tmp_path, text))
    rows = [r.get_text() for r in page.select("table.ratios-inferred tbody tr")]
    assert len(rows) == 2 and all("推断 inferred" in r for r in rows)
    assert "实际" in rows[0] and "目标" in rows[0] and "1.2万平方米" in rows[0]
    assert rows[0].count("108.33%") == 2  # stated and recomputed
    assert "近3倍" in rows[1] and "2.98 倍" in rows[1] and "增加了N倍" in rows[1]


def test_numbers_a_reviewer_excluded_stay_visible(tmp_path):
    """Excluded numbers are counted in the header (排除 N) and listed beside 其他统计 with
    their sentence, what extraction read and the reviewer's note, escaped; the
    sentence's footnote says it was excluded."""
    from brief_fixtures import report_meta

    seed = gold_indicators()
    row = seed.set_index("indicator_id").loc["delegation_survey_days"]
    kept = seed[seed["indicator_id"] != "delegation_survey_days"]
    gone = {"char_start": int(row["char_start"]), "text": row["text"],
            "sentence": row["sentence"],
            "reading": f"{row['value']:g} 天 · delegation_survey_days",
            "reviewer": "王五", "note": "问卷时长" + EVIL, "date": "2024-03-02"}
    b = _brief(tmp_path, indicators=kept, meta=report_meta(excluded=[gone]))
    page = _page(b)
    head = page.select_one(".brief-head").get_text()
    numbers = kept["char_start"].nunique() + 1  # distinct numbers, the excluded one too
    assert f"已复核 1 个数字（共 {numbers} 个）" in head and "排除 1" in head
    rows = page.select(".excluded-numbers table.excluded tbody tr")
    assert len(rows) == 1
    cells = [td.get_text() for td in rows[0].find_all("td")]
    assert cells[0].startswith(row["text"]) and cells[1] == row["sentence"]
    assert "delegation_survey_days" in cells[2] and cells[3] == "王五（2024-03-02）"
    assert cells[4] == "问卷时长" + EVIL  # shown as text, not markup
    assert not page.select(".excluded-numbers script, .excluded-numbers img")
    # the number links to its sentence, whose footnote says a reviewer excluded it
    num = rows[0].select_one("span.num")
    target = num.find_next_sibling("sup").a["href"].lstrip("#")
    assert page.select_one(f"mark#{target}").get_text() == row["text"].replace(" ", "")
    # ... marked in the quoted sentence of its row too
    assert rows[0].select("td")[1].select_one("mark").get_text() == row["text"].replace(" ", "")
    note = page.select_one(f"#{target}").find_parent("li").get_text()
    assert "复核排除（王五）" in note and "问卷时长" in note
    # footnotes still follow report order, the excluded sentence in its place
    first: dict = {}
    for _start, sentence in sorted([*zip(kept["char_start"], kept["sentence"], strict=True),
                                   (gone["char_start"], gone["sentence"])],
                                  key=lambda x: x[0]):
        first.setdefault(sentence, len(first) + 1)
    assert target.startswith(f"src-{first[row['sentence']]}-")


def test_a_brief_without_exclusions_lists_none(seed_page):
    assert seed_page.select_one(".excluded-numbers") is None
    assert "排除" not in seed_page.select_one(".brief-head").get_text()


def test_an_earlier_year_with_no_indicator_in_common_is_said_to_be_compared(tmp_path):
    seed = gold_indicators()
    earlier = with_rows(seed.head(1), [{"indicator_id": "head_appearance_rate",
                                        "value": 100.0, "text": "100%"}])
    earlier = earlier[earlier["indicator_id"] == "head_appearance_rate"]
    assert "head_appearance_rate" not in set(seed["indicator_id"])
    publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    trends = _page(_brief(tmp_path)).select_one(".trends")
    assert trends.select_one("table.yoy") is None
    note = trends.select_one(".no-common").get_text()
    assert "已与本地区 2022 年已发布的报告比较" in note and "没有可比较的共同指标" in note
    assert f"2022 年 1 项，2023 年 {len(seed)} 项" in note
    assert "share no indicator" not in note and "state no indicator in common" in note
    assert "尚无本地区往年" not in trends.get_text()


def test_a_catalogue_rate_checked_by_inference_is_not_called_absent(tmp_path):
    """A named catalogue rate whose counts were paired from the wording (a 乡's 调解成功率
    96.4% beside 56起 and 54起) is in the tables: the rates check must not say the report
    states none of the catalogue's rates (trial 2, item 9)."""
    b = _extracted_brief(tmp_path, "二、化解矛盾纠纷\n全年排查矛盾纠纷56起，调解成功54起，"
                                   "调解成功率96.4%。")
    ratios_text = _page(b).select_one(".ratios").get_text()
    assert "一项也未给出" not in ratios_text and "states none" not in ratios_text
    assert "报告给出的指标目录比率（调解成功率）" in ratios_text
    assert "(Mediation success rate)" in ratios_text and "Inferred rates" in ratios_text
    assert _page(b).select(".ratios table.ratios-inferred tbody tr")


def test_the_rates_check_escapes_the_rate_names_it_quotes():
    """The note naming catalogue rates checked by inference is a template with
    autoescape: a name with markup characters shows as text, not as markup."""
    from rol_analysis import brief

    html = brief._render("ratio_notes.html.j2", stated="catalogue_inferred", unchecked=2,
                         named_zh="调解<b>成功</b>率", named_en="Mediation & <i>success</i>")
    assert "调解&lt;b&gt;成功&lt;/b&gt;率" in html and "Mediation &amp; &lt;i&gt;" in html
    assert "<b>" not in html and "<i>" not in html
    assert html.count('class="unchecked-rates"') == 1 and "另有报告给出的 2 项比率" in html


def test_unnamed_rates_are_worked_out_once_per_brief(tmp_path, monkeypatch):
    """The key findings and the rates check both say how many stated rates no indicator
    names; the brief reads the mentions for it once, and both cells say the same."""
    calls = []
    real = brief.Brief._unnamed_rates
    monkeypatch.setattr(brief.Brief, "_unnamed_rates",
                        lambda self: calls.append(1) or real(self))
    page = _page(_extracted_brief(tmp_path, RATE_TEXT))
    assert len(calls) == 1
    assert "1 项比率都没有对应的目录指标" in page.select_one(".findings li").get_text()
    assert "1 项比率未归入指标目录" in page.select_one(".ratios .unchecked-rates").get_text()


def test_a_region_without_a_regions_csv_row_is_shown_by_its_slug_marked_unregistered(
        tmp_path):
    """The register is the one source of names: a peer published without a row (before
    `rol build` refused one, or its row deleted since) is shown by its folder name,
    marked 未登记 and explained under the table, never by the place its title was split
    into (the reviewer trial of session 22 saw such a made-up name)."""
    seed = gold_indicators()
    publish(tmp_path, "hongqi", 2023, seed.head(6), "无行县", listed=False)
    page = _page(_brief(tmp_path))
    rows = [tr.find_all("td")[0].get_text()
            for tr in page.select(".trends table.panel tbody tr")]
    assert sorted(rows) == ["hongqi（未登记）", "卫滨区"], rows
    assert "无行县" not in str(page)
    note = page.select_one(".trends p.unregistered").get_text()
    assert "hongqi 在地区名册 data/raw/regions.csv 中没有行" in note
    assert "has no row for hongqi" in note


def test_a_title_without_a_place_takes_the_regions_csv_name(tmp_path):
    """Trial 3, item 4: "鹤龙街2024年…" gives no region name; the heading, the regions
    table and chart said the slug although regions.csv names the place."""
    (tmp_path / "data/raw").mkdir(parents=True)
    (tmp_path / "data/raw/regions.csv").write_text(
        "region,zh_name,city,province,level\nhelong,鹤龙街道,广州市,广东省,街道\n"
        "jlp-sfj,九龙坡区司法局,重庆市,重庆市,部门\n", encoding="utf-8")
    seed = gold_indicators()
    other = publish(tmp_path, "jlp-sfj", 2023, seed.head(5)).processed_final / "report.json"
    fileio.write_json(other, {**fileio.read_json(other), "region_name": None,
                              "title": "区司法局关于2023年法治政府建设工作情况的报告"})
    paths = stage(tmp_path, "helong", 2023, indicators=gold_indicators("helong", 2023),
                  meta=report_meta("helong", 2023, region_name=None,
                                   title="鹤龙街2023年法治政府建设工作报告"))
    page = _page(brief.Brief(paths))
    assert page.select_one(".brief-head h1").get_text().startswith("鹤龙街道 2023 年")
    assert _kinds(page) == {"鹤龙街道": "乡镇街道 township",
                            "九龙坡区司法局": "≠ 部门 department"}
    # no earlier year of helong: said, not left out, beside the regions compared
    note = page.select_one(".trends .no-earlier").get_text()
    assert "没有早于 2023 年的已发布报告" in note and "No earlier year" in note


def test_templates_escape_as_the_rest_of_the_brief():
    """A name with an apostrophe or a quote is written with the entities html.escape
    writes (as in a chart's alt text), not Jinja's own (one spelling per page)."""
    name = 'People\'s "model" <mediators> & co'
    html = brief._render("ratio_notes.html.j2", stated="catalogue_inferred", unchecked=0,
                         named_zh="人民调解员", named_en=name)
    assert "People&#x27;s &quot;model&quot; &lt;mediators&gt; &amp; co" in html
    assert "&#39;" not in html and "&#34;" not in html


def test_names_and_sentences_with_markup_characters_show_once_escaped(tmp_path):
    """Region names, a title and sentences with < & " ' go through the brief's templates
    (header, trends, regions table, sources): each shows as the same text, escaped once
    (never &amp;lt; or &amp;quot;), and makes no element."""
    from brief_fixtures import report_meta

    own, peer = '卫滨<区> & "新"区', "红旗&区's <i>"
    sentence = '调解纠纷849件（"<b>" & 其他）'
    seed = gold_indicators()
    ind = with_rows(seed, [{"indicator_id": "disputes_mediated", "value": 849.0,
                            "text": "849件", "sentence": sentence}])
    publish(tmp_path, "weibin", 2022, with_rows(seed, [
        {"indicator_id": "disputes_mediated", "value": 800.0}]).assign(year=2022), own)
    publish(tmp_path, "hongqi", 2023, seed.head(5), peer)
    page = _page(_brief(tmp_path, indicators=ind,
                        meta=report_meta(region_name=own, title=f"{own}报告 & <u>")))
    html = str(page)
    for twice in ("&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;quot;", "&amp;#x27;"):
        assert twice not in html, twice
    assert page.find(["i", "u"]) is None
    assert page.select_one(".brief-head h1").get_text().startswith(own)
    assert f"{own}报告 & <u>" in page.select_one(".brief-head dl").get_text()
    regions = [tr.find("td").get_text() for tr in page.select(".trends table.panel tbody tr")]
    assert regions == [peer, own]
    assert page.select(".trends table.yoy tbody tr")
    assert sentence in [li.get_text() for li in page.select(".sources li")]
    assert any(s.get("title") == sentence for s in page.select("span.num"))
    assert all(f.get_text().startswith(own) or "各地区" in f.get_text()
               for f in page.select(".charts figcaption"))


def _kinds(page) -> dict:
    """The regions table's region -> kind (the columns: region, city, province, kind)."""
    return {tr.find_all("td")[0].get_text(): tr.find_all("td")[3].get_text()
            for tr in page.select(".trends table.panel tbody tr")}


def test_regions_of_another_kind_are_marked_in_the_regions_table(tmp_path):
    """A 镇's, a 司法局's or a city's figures beside a district's: their kind is marked
    ≠ and a note under the table says their figures are not directly comparable; the
    report's own and the peers of its kind are not marked."""
    page = _page(brief.Brief(mixed_kinds(tmp_path)))
    assert _kinds(page) == {"卫滨区": "县级 county", "红旗区": "县级 county",
                            "牧野区": "政府 government", "小店镇": "≠ 乡镇街道 township",
                            "卫滨区司法局": "≠ 部门 department", "新乡市": "≠ 市级 city"}
    assert len(page.select(".trends table.panel .other-kind")) == 3
    note = page.select_one(".trends p.other-kinds").get_text()
    assert "与本报告（县级）不同：市级、乡镇街道、部门的数字" in note
    assert "(county)" in note and "(city, township, department)" in note


def test_regions_of_the_reports_kind_get_no_mark_or_note(tmp_path):
    seed = gold_indicators()
    publish(tmp_path, "hongqi", 2023, seed.head(5), "红旗区")
    page = _page(_brief(tmp_path))
    assert _kinds(page) == {"卫滨区": "政府 government", "红旗区": "政府 government"}
    assert not page.select(".other-kind, .other-kinds")


EXAM_TEXT = ("二、领导干部学法\n组织全区2万余名国家工作人员参加年度学法考试，"
             "参考率、优秀率均为100%。落实年度报告制度，全区按期公开率达100%。")


def test_every_reading_of_every_number_shows_once(tmp_path):
    """Every row of mentions.csv shows exactly once: its indicator's figure in a
    section table, or a row of 其他统计. A number read by two names (参考率、优秀率均为
    100%, one char_start) is two rows; the unnamed one was hidden behind the named one,
    and the key findings counted one unnamed rate where there are two (trial 4, F8)."""
    b = _extracted_brief(tmp_path, EXAM_TEXT)
    men = b.analysis.mentions
    assert (men["char_start"].value_counts() > 1).any()  # a number with two readings
    page = _page(b)
    named = {iid: 0 for iid in b._rows}
    for tr in page.select(".sections table tbody tr"):
        for iid in b._rows:
            if tr.select_one(".num") and b.catalogue.indicator(iid).zh_name in tr.get_text():
                named[iid] += 1
    other = [(tr.find_all("td")[0].get_text(), tr.find_all("td")[1].select_one(".num")
              .get_text()) for tr in page.select(".other-stats table.other tbody tr")]
    for rec in men.to_dict("records"):
        if rec["indicator_id"]:
            assert named[rec["indicator_id"]] == 1, rec
        else:
            assert other.count((rec["measure"], rec["text"])) == 1, (rec, other)
    assert len(other) + len(named) == len(men) == 4
    first = page.select_one(".findings li").get_text()
    assert "另有 2 项比率未归入指标目录" in first
    # three numbers, two named, and 其他统计's two rows: the one unnamed number and the
    # other reading of a named one
    assert "识别出 3 个数字，其中 2 个归入指标目录" in first
    assert "其余 1 个及已归入数字的另 1 种读法列于“其他统计”" in first
    assert "2 项比率未归入指标目录" in page.select_one(".ratios .unchecked-rates").get_text()


def test_the_regions_table_shows_only_indicators_two_regions_state(tmp_path):
    """A column one region fills alone compares nothing: the table keeps the indicators
    two regions or more state and counts the others (trial 4, F11)."""
    from rol_analysis import catalogue

    seed = gold_indicators()
    shared = ["disputes_mediated", "people_mediators"]
    other = with_rows(seed[seed["indicator_id"].isin(shared)].copy(),
                      [{"indicator_id": "head_appearance_rate", "value": 100.0,
                        "text": "100%"}])
    assert "head_appearance_rate" not in set(seed["indicator_id"])
    publish(tmp_path, "hongqi", 2023, other, "红旗区")
    trends = _page(_brief(tmp_path)).select_one(".trends")
    head = [th.get_text() for th in trends.select("table.panel thead th")][4:]
    assert len(head) == 2 and all(any(h.startswith(catalogue.load().indicator(i).zh_name)
                                      for h in head) for i in shared)
    alone = len(seed) - 2 + 1  # weibin's own indicators but the shared two, hongqi's one
    note = trends.select_one("p.alone").get_text()
    assert f"另有 {alone} 项指标只有一个地区报告，未列出" in note
    assert f"{alone} indicator(s) stated by one region only are left out" in note


def test_regions_that_share_no_indicator_are_said_to_be_compared(tmp_path):
    seed = gold_indicators()
    other = with_rows(seed.head(1), [{"indicator_id": "head_appearance_rate",
                                      "value": 100.0, "text": "100%"}])
    publish(tmp_path, "hongqi", 2023,
            other[other["indicator_id"] == "head_appearance_rate"], "红旗区")
    trends = _page(_brief(tmp_path)).select_one(".trends")
    assert trends.select_one("table.panel") is None
    note = trends.select_one(".no-shared").get_text()
    assert "2 个地区没有可比较的共同指标" in note
    assert f"所列 {len(seed) + 1} 项指标都只有一个地区报告" in note
    assert "state no indicator in common" in note


def test_a_named_number_under_a_heading_of_its_shown_in_section_is_shown_there(tmp_path):
    # trial 4 F10 (baiyun-gz 2024, paraphrased): 送法入企 events are 营商环境's, but under
    # 三是抓好普法宣传 the report states them as legal education (the catalogue's shown_in)
    text = ("一、主要工作成效\n（一）统筹全局，压实法治建设各方责任。"
            "一是坚持党对依法治区工作的全面领导。三是抓好普法宣传这件大事。"
            "开展“以法兴企”法治宣传活动198场、“法安白云”普法直播177场，观看人次超1232万。\n")
    b = _extracted_brief(tmp_path, text)
    page = BeautifulSoup(b.section_tables().data, "lxml")
    tables = {h.get_text()[:9]: h.find_next("table").get_text() for h in page.find_all("h3")}
    assert "198 场" in tables["普法与公共法律服务"] and "177 场" in tables["普法与公共法律服务"]
    assert "政府职能与营商环境" not in tables
    assert "分布在 1 个部分" in BeautifulSoup(b.key_findings().data, "lxml").get_text()
    # under its own section's heading it stays there
    b2 = _extracted_brief(tmp_path / "b2", "一、主要工作成效\n（二）聚力促发展，优化法治化"
                                           "营商环境。开展“送法入企”活动12场。\n")
    page = BeautifulSoup(b2.section_tables().data, "lxml")
    tables = {h.get_text()[:9]: h.find_next("table").get_text() for h in page.find_all("h3")}
    assert "12 场" in tables["政府职能与营商环境"]


def _peers_with_shifted_sources(root):
    """weibin/2022 and hongqi/2023 published, each with a number no indicator names
    before its named ones, so their sources are not numbered as their indicators are."""
    import pandas as pd
    from brief_fixtures import mentions_from

    seed = gold_indicators()
    for region, year, ind, name in (
            ("weibin", 2022, with_rows(seed, [{"indicator_id": "disputes_mediated",
                                               "value": 800.0}]).assign(year=2022), "卫滨区"),
            ("hongqi", 2023, seed.head(5).assign(region="hongqi"), "红旗区")):
        men = mentions_from(ind)
        unnamed = men.iloc[[0]].assign(indicator_id="", char_start=-1, text="3项",
                                       sentence=f"{region}报告开头另有3项说明。")
        stage(root, region, year, indicators=ind, meta=report_meta(region, year,
                                                                     region_name=name),
              mentions=pd.concat([unnamed, men], ignore_index=True))


@pytest.mark.slow  # renders three briefs with charts (~15-25 s)
def test_peer_figures_link_to_their_sentences_in_the_peers_briefs(tmp_path):
    """Trial 5 F14: the earlier year's figures (year over year) and the other regions'
    (regions table) link to their source sentence in that region-year's published brief,
    with the sentence on hover: the link's footnote is the one that brief gives it."""
    from rol_analysis import layout

    _peers_with_shifted_sources(tmp_path)
    page = _page(_brief(tmp_path))
    yoy = page.select(".trends table.yoy tbody tr")
    links = page.select(".trends a.peer-src")
    # every earlier-year figure, and every figure another region states
    assert len(page.select(".trends table.yoy a.peer-src")) == len(yoy) > 0
    assert page.select(".trends table.panel a.peer-src")
    peers = {}
    for a in links:
        m = re.fullmatch(r"\.\./\.\./([a-z]+)/(\d{4})/brief\.html#(src-(\d+)-\d+)",
                         a["href"])
        assert m, a["href"]
        region, year, anchor, n = m.groups()
        if (region, year) not in peers:
            peers[(region, year)] = _page(brief.Brief(layout.build_paths(tmp_path, region,
                                                                         int(year))))
        # the link goes to the figure's own number, marked in its sentence there
        mark = peers[(region, year)].select_one(f".sources mark#{anchor}")
        sentence = mark.find_parent("li", id=f"src-{n}").get_text()
        assert a["title"].split("\n")[0] == sentence
        assert f"简报来源句 [{n}]" in a["title"]
        assert _digits(a.get_text().split(" ")[0]) == _digits(mark.get_text())
    assert set(peers) == {("weibin", "2022"), ("hongqi", "2023")}
    # the unnamed number first in each peer: no figure links to its first sentence
    assert all("#src-1-" not in a["href"] for a in links)
    # the report's own figures keep their footnotes into this brief
    assert all(a["href"].startswith("#src-")
               for a in page.select(".trends table.yoy td:nth-child(4) sup.fn a"))


def test_a_peer_whose_sources_are_renumbered_rebuilds_the_briefs_linking_into_it(tmp_path):
    """The links name a peer's footnote numbers: a number found before the linked ones
    renumbers its sources with its indicators table unchanged, and the briefs that link
    into it are then outdated (rol list says why); the same tables give the same record."""
    from brief_fixtures import mentions_from

    from rol_analysis import layout, pipeline

    _peers_with_shifted_sources(tmp_path)
    paths = _brief(tmp_path).paths
    before = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert before == pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert set(before["anchors"]) == {"weibin/2022", "hongqi/2023"}
    hongqi = layout.build_paths(tmp_path, "hongqi", 2023).processed_final
    fileio.write_parquet(hongqi / "mentions.parquet",
                         mentions_from(gold_indicators().head(5).assign(region="hongqi")))
    after = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert after["peers"] == before["peers"]  # its indicators are as they were
    assert not pipeline.brief_matches(before, after, pdf=False)
    assert pipeline._explain(before, after) == [
        "published peer hongqi/2023's source sentences are numbered differently (the links "
        "to them)"]


# ------------------------------------------------- a stated change against the year before

STATED_2022 = ("全年收到行政复议申请90件，受理80件，审结70件，其中纠错9件，纠错率12.9%。"
               "全年评查行政执法案卷370卷。")
STATED_2023 = ("全年收到行政复议申请120件，受理108件，同比增长34.2%；审结100件，其中纠错10件，"
               "纠错率10%，较上年下降2.9个百分点。全年评查行政执法案卷350卷，较上年减少20卷。")


def _stated_brief(root, earlier=STATED_2022, now=STATED_2023):
    """The brief of ``now`` read as Weibin's 2023 report, with ``earlier`` published as
    its 2022 report (both paraphrases, read by the real extraction)."""
    from rol_analysis import extract

    before = extract.extract_text(earlier, "weibin", 2022)
    publish(root, "weibin", 2022, before.indicators)
    return _extracted_brief(root, now)


def test_a_stated_change_the_two_years_contradict_is_flagged(tmp_path):
    page = _page(_stated_brief(tmp_path))
    rows = {tr.find_all("td")[0].get_text(): tr.find_all("td")
            for tr in page.select(".trends table.yoy tbody tr")}
    # 80 -> 108 is +35.0%: the stated 34.2% is shown beside it as a mismatch, with the
    # footnote of its sentence
    accepted = rows["受理行政复议申请数"]
    assert accepted[4].get_text() == "+35.0%"
    stated = accepted[5]
    assert stated.get_text().startswith("同比增长34.2%")
    assert stated.select_one(".flag-mismatch").get_text() == "不一致"
    assert "+35.0%" in stated.get_text()
    fn = stated.select_one("sup.fn a")
    assert "受理108件" in fn["title"]
    # ... opening the change's own number, marked in its sentence, not the sentence only
    # (trial 24: 15 such links went to #src-N)
    assert re.fullmatch(r"#src-\d+-\d+", fn["href"]), fn["href"]
    assert page.select_one(fn["href"]).get_text() == "34.2%"
    # the change of a rate in points and of a count in its own word agree with both years
    assert rows["行政复议纠错率"][5].select_one(".flag-consistent") is not None
    assert "较上年下降2.9个百分点" in rows["行政复议纠错率"][5].get_text()
    assert rows["行政执法案卷评查数"][5].select_one(".flag-consistent") is not None
    # a figure whose change the report does not state
    assert rows["收到行政复议申请数"][5].get_text() == "—"
    # the mismatch is a key finding too
    found = [li.get_text() for li in page.select(".findings li")
             if "同比增长34.2%" in li.get_text()]
    assert len(found) == 1 and "不一致" in found[0] and "80 件" in found[0]
    assert "+35.0%" in found[0]
    assert fn["href"] in [a["href"] for li in page.select(".findings li")
                          if "同比增长34.2%" in li.get_text() for a in li.select("sup.fn a")]


def test_without_a_stated_change_the_year_over_year_table_is_as_before(tmp_path):
    now = ("全年收到行政复议申请120件，受理108件；审结100件，其中纠错10件，纠错率10%。"
           "全年评查行政执法案卷350卷。")
    page = _page(_stated_brief(tmp_path, now=now))
    table = page.select_one(".trends table.yoy")
    assert "报告所述变化" not in table.get_text()
    assert {len(tr.find_all("td")) for tr in table.select("tbody tr")} == {5}
    assert page.select_one(".trends .note.stated") is None


# ------------------------------------------- a figure named one year and unnamed the next

LECTURES = "领导干部法治专题讲座数"


def _unnamed_next_year(root):
    """Weibin 2022 names 举办领导干部法治专题讲座2期 as officials_law_training_sessions;
    its 2023 report states 讲座3期 under the same measure, unnamed."""
    import pandas as pd

    from rol_analysis.tables import MENTION_COLUMNS

    seed = gold_indicators()
    iid = "officials_law_training_sessions"
    assert iid not in set(seed["indicator_id"])
    earlier = with_rows(seed, [{"indicator_id": iid, "value": 2.0, "text": "2期", "unit": "期",
                                "measure": LECTURES, "sentence": "举办领导干部法治专题讲座2期。"}])
    publish(root, "weibin", 2022, earlier.assign(year=2022))
    unnamed = {c: "" for c in MENTION_COLUMNS}
    unnamed.update({"region": "weibin", "year": 2023, "value": 3.0, "unit": "期",
                    "qualifier": "exact", "text": "3期", "char_start": 99990,
                    "char_end": 99992, "sentence": "全年举办领导干部法治专题讲座3期。",
                    "kind": "count", "scope": "annual", "measure": LECTURES,
                    "section": "law_study"})
    men = pd.concat([mentions_from(seed), pd.DataFrame([unnamed], columns=MENTION_COLUMNS)],
                    ignore_index=True)
    return brief.Brief(stage(root, indicators=seed, mentions=men))


def test_a_figure_unnamed_the_next_year_is_said_to_be_missing_from_the_table(tmp_path):
    b = _unnamed_next_year(tmp_path)
    row = b.analysis.unpaired.set_index("indicator_id").loc["officials_law_training_sessions"]
    assert (row["named_year"], row["text"], row["unnamed_year"], row["unnamed_text"]) == (
        2022, "2期", 2023, "3期")
    trends = _page(b).select_one(".trends")
    assert "领导干部学法培训场次" not in trends.select_one("table.yoy").get_text()
    items = [li for li in trends.select("ul.unpaired li")
             if "领导干部学法培训场次" in li.get_text()]
    assert len(items) == 1
    text = items[0].get_text()
    assert "2022 年 2 期" in text and f"2023 年“{LECTURES}” 3期" in text and "未归入指标" in text
    # the unnamed number links to its sentence
    assert "讲座3期" in items[0].select_one("sup.fn a")["title"]


def _trends_after(tmp_path, seed, earlier, rows: list[dict]):
    """The seed brief's trends section after a 2022 brief of ``earlier`` whose mentions
    also hold the unnamed ``rows``."""
    import pandas as pd

    from rol_analysis.tables import MENTION_COLUMNS

    paths = publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    before = pd.concat([mentions_from(earlier.assign(year=2022)),
                        pd.DataFrame(rows).reindex(columns=MENTION_COLUMNS)],
                       ignore_index=True).fillna({"indicator_id": "", "part_of": ""})
    fileio.write_parquet(paths.processed_final / "mentions.parquet", before)
    b = brief.Brief(stage(tmp_path, indicators=seed, mentions=mentions_from(seed)))
    return _page(b).select_one(".trends")


def test_a_figure_the_other_year_states_in_other_words_is_not_said_to_be_missing(tmp_path):
    """Trial 23: "仅 2024 年 常务会专题听取法治政府工作汇报次数 … 只有一年的报告列出" when the 2023
    report stated 4次 and 2次 (parts) and 上线集成服务事项28个 (unnamed). The brief says
    what is known: that report names no number with it, and the numbers that may be it,
    unconfirmed, with the review that would confirm them."""
    seed = gold_indicators()
    # the seed names 专题听取法治政府工作汇报 2 次; its year before names neither that nor
    # 法律援助案件751件, which nothing in its words resembles
    earlier = seed[~seed["indicator_id"].isin(["exec_meeting_rol_briefings",
                                               "legal_aid_cases"])]
    meeting = "全年召开常务会议专题研究法治政府建设工作4次，听取法治政府建设工作汇报2次。"
    trends = _trends_after(tmp_path, seed, earlier, [
        {"indicator_id": "", "part_of": "exec_meeting_rol_briefings", "value": 4.0,
         "unit": "次", "text": "4次", "char_start": 99990, "kind": "count",
         "measure": "常务会议专题研究法治政府建设工作数", "sentence": meeting},
        {"indicator_id": "", "part_of": "exec_meeting_rol_briefings", "value": 2.0,
         "unit": "次", "text": "2次", "char_start": 99995, "kind": "count",
         "measure": "听取法治政府建设工作汇报数", "sentence": meeting}])
    item = next(li for li in trends.select("ul.unpaired li")
                if "常务会专题听取法治政府工作汇报次数" in li.get_text())
    text = item.get_text()
    assert "2022 年的报告未给此指标命名的数字" in text and "4次、2次" in text
    assert "未确认" in text and "unconfirmed" in text
    assert "rol review --region weibin --year 2022" in text
    assert "exec_meeting_rol_briefings" in text
    assert "常务会专题听取法治政府工作汇报次数" not in trends.select_one(
        ".note.only-one-year").get_text()
    # what neither year's wording gives is still listed, saying only what is known
    only = trends.select_one(".note.only-one-year").get_text()
    assert "仅 2023 年 法律援助案件数（2022 年的报告未给此指标命名的数字" in only
    assert "只有一年的报告列出" not in trends.get_text()


def test_a_number_left_between_two_indicators_is_offered_not_said_to_be_missing(tmp_path):
    """Trial 24: "仅 2024 年 受理调解纠纷数 … 本工具也未在其中找到同一或相近说法的数字" while
    2023's 排查调处矛盾纠纷3462件 was left unnamed between it and 排查矛盾纠纷数 (its
    candidates in mentions.csv). The note offers it, unconfirmed, with the
    review that confirms it."""
    seed = gold_indicators()
    tie = "全年排查调处矛盾纠纷3462件，涉及金额5870万元。"
    trends = _trends_after(tmp_path, seed, seed[seed["indicator_id"] != "disputes_mediated"], [
        {"indicator_id": "", "part_of": "", "value": 3462.0, "unit": "件", "text": "3462件",
         "char_start": 99990, "kind": "count", "measure": "排查调处矛盾纠纷数",
         "sentence": tie, "candidates": "disputes_mediated|disputes_screened"}])
    item = next(li for li in trends.select("ul.unpaired li")
                if "受理调解纠纷数" in li.get_text())
    text = item.get_text()
    assert "未能取舍而未归入的数字 3462件" in text and "未确认" in text
    assert "set 与 disputes_mediated" in text
    assert "between it and another indicator" in text
    only = trends.select_one(".note.only-one-year")
    assert only is None or "受理调解纠纷数" not in only.get_text()


def test_parts_a_reviewer_decided_are_not_called_unconfirmed_in_the_year_over_year_note(
        tmp_path):
    """Trial 24: a reviewer made 撤销10件、确认违法4件、责令履行2件 parts of 纠错数; the note still
    called them 未确认 and told them to `set` one of them as the figure."""
    import pandas as pd

    from rol_analysis.tables import MENTION_COLUMNS

    seed = gold_indicators()
    earlier = seed[seed["indicator_id"] != "exec_meeting_rol_briefings"]
    paths = publish(tmp_path, "weibin", 2022, earlier.assign(year=2022))
    meeting = "全年召开常务会议专题研究法治政府建设工作4次，听取法治政府建设工作汇报2次。"
    decided = "set | 李四 | 原读作 4 次 · exec_meeting_rol_briefings 的部分"
    rows = [{"indicator_id": "", "part_of": "exec_meeting_rol_briefings", "value": v,
             "unit": "次", "text": f"{v:.0f}次", "char_start": at, "kind": "count",
             "measure": "常务会议数", "sentence": meeting, "review": decided}
            for v, at in ((4.0, 99990), (2.0, 99995))]
    before = pd.concat([mentions_from(earlier.assign(year=2022)),
                        pd.DataFrame(rows).reindex(columns=MENTION_COLUMNS)],
                       ignore_index=True).fillna({"indicator_id": "", "part_of": "",
                                                  "review": ""})
    fileio.write_parquet(paths.processed_final / "mentions.parquet", before)
    b = brief.Brief(stage(tmp_path, indicators=seed, mentions=mentions_from(seed)))
    item = next(li for li in _page(b).select(".trends ul.unpaired li")
                if "常务会专题听取法治政府工作汇报次数" in li.get_text())
    text = item.get_text()
    assert "4次、2次" in text and "复核已确认为其组成部分" in text
    assert "未确认" not in text.replace("复核已确认", "") and "set" not in text


def _places(root, compare=""):
    """weibin (新乡市) staged beside a 新乡市 district, a 信阳市 county, a 天津 district and a
    region regions.csv does not list; weibin's compare cell is ``compare``."""
    raw = root / "data" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "regions.csv").write_text(
        "region,zh_name,city,province,level,compare\n"
        f"weibin,卫滨区,新乡市,河南省,county,{compare}\nhongqi,红旗区,新乡市,河南省,county,\n"
        "gushi,固始县,信阳市,河南省,county,\njinghai,静海区,天津市,天津市,county,\n",
        encoding="utf-8")
    seed = gold_indicators()
    for slug, name in (("hongqi", "红旗区"), ("gushi", "固始县"), ("jinghai", "静海区"),
                       ("muye", "牧野区")):
        stage(root, slug, 2023, indicators=seed.head(6).assign(region=slug),
              meta=report_meta(slug, 2023, region_name=name), listed=slug != "muye")
    return _brief(root)


def _places_table(page) -> dict:
    return {tr.find_all("td")[0].get_text(): (tr.find_all("td")[1].get_text(),
                                              tr.find_all("td")[2].get_text())
            for tr in page.select(".trends table.panel tbody tr")}


@pytest.mark.slow  # renders three briefs with charts (~15-25 s)
def test_the_regions_table_gives_city_and_province_and_compare_limits_it(tmp_path):
    """Trial 5 F14: a 天津 district sat beside 河南 counties, and two cities' counties side
    by side, with no city or province shown and no way to limit it. Each region's city
    and province (regions.csv) are columns; the region's compare cell limits the table
    (and the chart) to its city's or province's regions, said above the table."""
    page = _page(_places(tmp_path))
    head = [th.get_text() for th in page.select(".trends table.panel thead th")][:4]
    assert head == ["地区 Region", "市 City", "省 Province", "类别 Kind"]
    # muye has no row: shown by its slug, marked, never by its title's 牧野区
    assert _places_table(page) == {"卫滨区": ("新乡市", "河南省"), "红旗区": ("新乡市", "河南省"),
                                   "固始县": ("信阳市", "河南省"), "静海区": ("天津市", "天津市"),
                                   "muye（未登记）": ("—", "—")}
    assert "牧野区" not in page.select_one(".trends").get_text()
    note = page.select_one(".trends p.unregistered").get_text()
    assert "未登记：muye 在地区名册 data/raw/regions.csv 中没有行" in note
    assert page.select_one(".trends .scope") is None
    for compare, shown, place in (("same-province", {"卫滨区", "红旗区", "固始县"}, "河南省"),
                                  ("同市", {"卫滨区", "红旗区"}, "河南省新乡市")):
        b = _places(tmp_path, compare)
        page = _page(b)
        assert set(_places_table(page)) == shown, compare
        note = page.select_one(".trends p.scope").get_text()
        assert f"只与{place}同" in note and "compare" in note and f"({place})" in note
        # the regions chart draws the same panel
        assert len(b.analysis.panel) == len(shown)


def test_a_brief_is_outdated_when_its_compare_cell_or_a_peers_city_changes(tmp_path):
    from rol_analysis import pipeline

    paths = _places(tmp_path).paths
    before = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert "compare" not in before
    _places(tmp_path, "same-city")
    after = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert not pipeline.brief_matches(before, after, pdf=False)
    reasons = pipeline._explain(before, after)
    assert "regions.csv: its compare changed (all -> same-city)" in reasons
    assert {"published peer gushi/2023 removed", "published peer jinghai/2023 removed",
            "published peer muye/2023 removed"} <= set(reasons)
    csv = tmp_path / "data/raw/regions.csv"
    csv.write_text(csv.read_text(encoding="utf-8"), encoding="utf-8")  # saved again
    assert pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False) == after
    _places(tmp_path)
    csv.write_text(csv.read_text(encoding="utf-8").replace("gushi,固始县,信阳市",
                                                            "gushi,固始县,新乡市"),
                   encoding="utf-8")
    moved = pipeline.brief_fingerprint(tmp_path, paths, {}, pdf=False)
    assert pipeline._explain(before, moved) == [
        "regions.csv: peer gushi's city changed (信阳市 -> 新乡市)"]


def test_a_stated_change_of_an_unnamed_figure_is_checked_in_its_own_table(tmp_path):
    from rol_analysis import extract, fileio, layout

    before = extract.extract_text(STATED_2022 + "发现问题案卷18卷，均已整改。", "weibin", 2022)
    publish(tmp_path, "weibin", 2022, before.indicators)
    # publish() writes no mentions table: the earlier year's unnamed numbers are there
    fileio.write_parquet(layout.build_paths(tmp_path, "weibin", 2022).processed_final
                         / "mentions.parquet", before.mentions)
    page = _page(_extracted_brief(tmp_path, STATED_2023 + "发现问题案卷15卷，较上年减少5卷。"))
    rows = [[td.get_text() for td in tr.find_all("td")]
            for tr in page.select(".trends table.unnamed-changes tbody tr")]
    assert len(rows) == 1
    measure, before_cell, now_cell, stated = rows[0]
    assert (measure, before_cell, now_cell[:4]) == ("发现问题案卷数", "18 卷", "15 卷")
    assert stated.startswith("较上年减少5卷") and "不一致" in stated and "-3 卷" in stated
    # the earlier report's sentence is on hover, never a footnote of this report's
    cell = page.select(".trends table.unnamed-changes tbody tr td")[1]
    assert cell.select_one("sup.fn") is None and "发现问题案卷18卷" in cell.span["title"]
    found = [li.get_text() for li in page.select(".findings li")
             if "较上年减少5卷" in li.get_text()]
    assert len(found) == 1 and "未归入指标" in found[0] and "18 卷" in found[0]


def test_a_rate_the_report_cut_is_marked_and_explained(tmp_path, seed_page):
    # 95/217 = 43.778%: written 43.77%, cut rather than rounded; 88/217 = 40.55% rounds
    b = _extracted_brief(tmp_path, "年内新收复议申请217件，其中涉及征收拆迁的95件，"
                                   "占43.77%。维持原决定的88件，占40.55%。")
    page = BeautifulSoup(b.ratio_table().data, "lxml")
    rows = {r.get_text() for r in page.select("table.ratios-inferred tbody tr")}
    cut = [t for t in rows if "43.77%" in t]
    assert cut and "一致（推断）" in cut[0] and "（截尾）" in cut[0] and "(cut)" in cut[0]
    rounded = [t for t in rows if "40.55%" in t]
    assert rounded and "截尾" not in rounded[0]
    assert "四舍五入应为 92.72%" in page.get_text()
    # a brief with no cut rate has neither the mark nor the note
    assert "截尾" not in seed_page.get_text()
