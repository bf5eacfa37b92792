"""Report structure: headings map to catalogue sections in every numbering style, and
the report's own region, year, issuer and date are read and checked."""

from __future__ import annotations

import csv
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rol_analysis import catalogue
from rol_analysis.reading import read_report
from rol_analysis.sections import (
    check_report_matches,
    classify_heading,
    report_metadata,
    section_at,
    section_spans,
    section_spans_pair,
)

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"
REGIONS = REPO / "data" / "raw" / "regions.csv"
GOLD = REPO / "tests" / "data" / "weibin_2023.gold.tsv"
INPUTS = REPO / "tests" / "data" / "inputs"


@pytest.fixture(scope="module")
def seed():
    text = read_report(SEED).text
    return text, section_spans(text)


def _section_of(text, spans, phrase):
    return section_at(spans, text.index(phrase))


def test_seed_statistics_fall_in_their_sections(seed):
    text, spans = seed
    assert _section_of(text, spans, "调解纠纷849件") == "disputes"
    assert _section_of(text, spans, "全年开展应急演练6次") == "emergency"
    top = [s.section_id for s in spans if s.heading[:1] in "一二三四五六七八九" and "、" in
           s.heading[:3]]
    assert top == ["leadership", "functions", "decisions", "enforcement", "oversight",
                   "disputes", "emergency"]
    # an item inside a paragraph heads its text: 五是公共法律服务建设持续深化 under 六、…矛盾纠纷
    assert _section_of(text, spans, "法律援助案件751件") == "legal_education"


def test_seed_every_gold_anchor_is_in_the_gold_section(seed):
    text, spans = seed
    with open(GOLD, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) == 56
    wrong = [(r["anchor"], r["section"], _section_of(text, spans, r["anchor"]))
             for r in rows if _section_of(text, spans, r["anchor"]) != r["section"]]
    assert wrong == []


def test_seed_title_opening_closing_and_signature_are_in_no_section(seed):
    text, spans = seed
    for phrase in ("专项报告", "现将有关情况汇报如下", "一年来，在区委的正确领导下",
                   "新乡市卫滨区司法局", "2023年12月29日"):
        assert _section_of(text, spans, phrase) == "", phrase
    # spans are ordered, disjoint and start at their heading
    for a, b in itertools.pairwise(spans):
        assert a.start < a.end <= b.start
    assert text[spans[0].start:].startswith("一、加强组织领导")
    assert spans[0].heading == "一、加强组织领导，切实履行法治建设第一责任人职责"


def test_seed_metadata():
    text = SEED.read_text(encoding="utf-8")
    meta = report_metadata(text, REGIONS)
    assert meta == {
        "region_name": "卫滨区", "city": "新乡市", "province": None, "year": 2023,
        "title": "2023 年度卫滨区法治政府建设工作情况 专项报告",
        "issuer": "新乡市卫滨区司法局", "date": "2023-12-29",
    }
    assert report_metadata(text) == meta  # the region list only helps


def test_county_report_in_parenthesised_and_numbered_styles():
    # GB18030, CRLF; 一、 > （一） > 1. ; an umbrella heading that maps to nothing.
    text = read_report(INPUTS / "qingshan_2023_county.gb18030.txt").text
    spans = section_spans(text)
    headings = {s.heading: s.section_id for s in spans}
    assert headings["一、2023年法治政府建设主要举措和成效"] == ""
    assert headings["（六）依法化解矛盾纠纷"] == "disputes"
    assert headings["1.发挥行政复议主渠道作用"] == "disputes"
    # "1.落实包容审慎监管" names no section: it inherits （二）'s
    assert headings["3.落实包容审慎监管"] == "functions"
    assert _section_of(text, spans, "调解成功率98.2%") == "disputes"
    assert _section_of(text, spans, "不予处罚案件46件") == "functions"
    assert _section_of(text, spans, "专项演练45次") == "emergency"
    assert _section_of(text, spans, "2023年，青山县") == ""
    # under 存在的问题 / 工作打算 a sub-heading about enforcement stays put
    assert headings["1.行政执法水平有待提升"] == "problems"
    assert _section_of(text, spans, "纠错案件中有3件") == "problems"
    assert _section_of(text, spans, "培训执法人员600人次") == "plans"
    assert _section_of(text, spans, "青山县人民政府\r\n2024") == ""


def test_markdown_leftovers_and_bold_subheadings():
    text = read_report(INPUTS / "hexi_2024_district_markdown.txt").text
    spans = section_spans(text)
    headings = {s.heading: s.section_id for s in spans}
    assert headings["一、党政主要负责人履行推进法治建设第一责任人职责情况"] == "leadership"
    assert headings["（一）行政复议"] == "disputes"  # from "**（一）行政复议。**…"
    assert headings["七、推进法治社会建设"] == ""
    assert headings["（一）普法宣传"] == "legal_education"  # maps itself
    assert _section_of(text, spans, "纠错率15.19%") == "disputes"
    assert _section_of(text, spans, "街道法治审核人员不足10人") == "problems"
    assert _section_of(text, spans, "不少于２轮") == "plans"
    assert "# 年度报告" not in headings


def test_arabic_numbered_top_level_with_parenthesised_items():
    text = read_report(INPUTS / "songlin_2023_pdf_copy.txt").text
    spans = section_spans(text)
    assert [s.section_id for s in spans if s.heading[0].isdigit()] == [
        "leadership", "functions", "decisions", "enforcement", "oversight", "disputes",
        "legal_education", "emergency", "problems", "plans"]
    assert _section_of(text, spans, "按期结案率 100%") == "disputes"
    assert _section_of(text, spans, "培训执法人员 1,020 人次") == "enforcement"
    assert _section_of(text, spans, "学法不少于 12 次") == "plans"


def test_classify_heading_earliest_topic_wins():
    assert classify_heading("六、运用法治思维方式，依法有效化解社会矛盾纠纷") == "disputes"
    assert classify_heading("坚持严格规范公正文明执法，健全行政执法监督机制") == "enforcement"
    assert classify_heading("强化权力制约监督机制") == "oversight"
    assert classify_heading("二、存在问题及下一步工作打算") == "problems"
    assert classify_heading("三、2024年工作安排") == "plans"
    assert classify_heading("一、主要工作及成效") == ""


def test_heading_rules_are_catalogue_data(tmp_path):
    toml = tmp_path / "cat.toml"
    toml.write_text(
        '[[section]]\nid = "alpha"\nzh_name = "甲"\nen_name = "A"\n'
        "heading_patterns = ['调解']\n\n"
        '[[section]]\nid = "beta"\nzh_name = "乙"\nen_name = "B"\n'
        "heading_patterns = ['应急']\n",
        encoding="utf-8",
    )
    cat = catalogue.parse(toml)
    text = "一、人民调解\n调解纠纷849件。\n二、应急管理\n演练6次。\n三、其他\n会议2次。\n"
    spans = section_spans(text, catalogue=cat)
    assert [s.section_id for s in spans] == ["alpha", "beta", ""]
    assert section_at(spans, text.index("849")) == "alpha"


@pytest.mark.parametrize("words", ["调解", "(?P<w>调解)", "(调)解\\1?"])
def test_heading_words_map_headings_alike_searched_together_or_alone(tmp_path, words):
    # the heading words are searched in one pass when they can be joined; words that
    # cannot (a named group, a back-reference) are searched one by one; either way the
    # earliest match wins, then the longest, then the first section
    toml = tmp_path / "cat.toml"
    toml.write_text(
        '[[section]]\nid = "alpha"\nzh_name = "甲"\nen_name = "A"\n'
        f"heading_patterns = ['{words}']\n\n"
        '[[section]]\nid = "beta"\nzh_name = "乙"\nen_name = "B"\n'
        "heading_patterns = ['应急', '调解工作']\n",
        encoding="utf-8",
    )
    cat = catalogue.parse(toml)
    assert classify_heading("二、人民调解工作", catalogue=cat) == "beta"  # longer
    assert classify_heading("二、调解和应急", catalogue=cat) == "alpha"  # earlier
    assert classify_heading("二、应急和调解", catalogue=cat) == "beta"
    assert classify_heading("二、其他工作", catalogue=cat) == ""


def test_section_at_boundaries():
    text = "标题2023年\n一、应急管理\n演练6次。\n（一）其他事项\n会议2次。"
    spans = section_spans(text)
    first = spans[0]
    assert section_at(spans, first.start - 1) == ""
    assert section_at(spans, first.start) == "emergency"
    assert section_at(spans, len(text) - 1) == "emergency"  # inherited by （一）
    assert section_at(spans, len(text)) == ""
    assert section_at([], 0) == ""


def test_a_table_row_or_signature_line_is_not_a_heading():
    text = ("一、依法化解矛盾纠纷\n调解纠纷849件。\n行政执法案卷评查 410卷\n"
            "二、存在的问题\n力量不足。\n某某区应急管理局\n2024年1月5日\n")
    spans = section_spans(text)
    assert [s.heading for s in spans] == ["一、依法化解矛盾纠纷", "二、存在的问题"]
    assert section_at(spans, text.index("410卷")) == "disputes"
    assert section_at(spans, text.index("应急管理局")) == ""


@pytest.mark.parametrize(
    "signature, date",
    [
        ("2023年12月29日", "2023-12-29"),
        ("2023 年 12 月 9 日", "2023-12-09"),
        ("二〇二三年十二月二十九日", "2023-12-29"),
        ("二○二四年一月十日", "2024-01-10"),
        ("2024-03-05", "2024-03-05"),
        ("2023年2月30日", None),  # not a date
    ],
)
def test_signature_date_forms(signature, date):
    text = f"某县2023年法治政府建设年度报告\n全年办结12件。\n某县人民政府\n{signature}"
    meta = report_metadata(text)
    assert meta["date"] == date
    if date:
        assert meta["issuer"] == "某县人民政府"


def test_issuer_and_date_on_one_line_and_title_without_region():
    text = ("关于2023年度法治政府建设情况的报告\n\n市人民政府：\n全年办结案件12件。\n\n"
            "辉县市人民政府 2024年2月1日\n")
    meta = report_metadata(text)
    assert meta["title"] == "关于2023年度法治政府建设情况的报告"
    assert meta["year"] == 2023
    assert meta["issuer"] == "辉县市人民政府"
    assert meta["region_name"] == "辉县市"  # from the signature
    assert meta["date"] == "2024-02-01"


def test_region_chain_with_province_and_city():
    meta = report_metadata("河南省新乡市卫滨区人民政府关于二〇二三年度法治政府建设情况的报告\n"
                           "全年办结12件。")
    assert (meta["province"], meta["city"], meta["region_name"], meta["year"]) == (
        "河南省", "新乡市", "卫滨区", 2023)


def test_region_list_finds_the_name_in_the_opening():
    text = "法治政府建设情况报告\n2023年，卫滨区坚持依法行政，全年办结12件。\n"
    assert report_metadata(text)["region_name"] is None
    meta = report_metadata(text, REGIONS)
    assert meta["region_name"] == "卫滨区" and meta["year"] == 2023


def test_metadata_absent_is_none():
    meta = report_metadata("全年办结案件12件，调解成功率100%。")
    assert set(meta) == {"region_name", "city", "province", "year", "title", "issuer", "date"}
    assert all(v is None for v in meta.values())


def test_html_and_gb18030_fixture_metadata():
    meta = report_metadata(read_report(INPUTS / "yunxi_2023_gov_page.gbk.html").text)
    assert (meta["region_name"], meta["year"], meta["issuer"], meta["date"]) == (
        "云溪市", 2023, "云溪市人民政府", "2024-03-25")
    meta = report_metadata(read_report(INPUTS / "hexi_2024_district_markdown.txt").text)
    assert meta["title"] == "河西区2024年法治政府建设年度报告"  # joined from two lines
    assert (meta["region_name"], meta["year"], meta["date"]) == ("河西区", 2024, "2025-01-20")


def test_check_report_matches():
    meta = report_metadata(SEED.read_text(encoding="utf-8"), REGIONS)
    assert check_report_matches(meta, "weibin", 2023, REGIONS, source="2023.txt") == []

    [warning] = check_report_matches(meta, "weibin", 2022, REGIONS, source="2022.txt")
    assert warning.startswith("2022.txt:") and "2023" in warning and "2022" in warning

    other = dict(meta, region_name="辉县市")
    [warning] = check_report_matches(other, "weibin", 2023, REGIONS, source="2023.txt")
    assert "辉县市" in warning and "卫滨区" in warning and "region folder" in warning

    [warning] = check_report_matches(meta, "huixian", 2023, REGIONS, source="2023.txt")
    assert "huixian" in warning and "regions.csv" in warning

    assert check_report_matches(other, "weibin", 2023, None) == []  # nothing to compare
    unstated = dict(meta, region_name=None, year=None)
    assert check_report_matches(unstated, "weibin", 2023, REGIONS) == []


_NESTED = ("region,zh_name,city,province,level\n"
           "xinxiang,新乡市,,河南省,city\nhongqi,红旗区,新乡市,河南省,county\n"
           "bazhou,巴音郭楞蒙古自治州,,新疆维吾尔自治区,city\n"
           "korla,库尔勒市,巴音郭楞蒙古自治州,新疆维吾尔自治区,county\n")
_HONGQI = ("新乡市红旗区2023年法治政府建设情况报告\n\n2023年，在新乡市委的领导下，全区办理"
           "行政复议案件12件。\n\n新乡市红旗区人民政府\n2024年1月10日\n")


def test_the_most_specific_listed_name_is_the_region_in_every_process(tmp_path):
    """Session 19: with regions.csv listing 新乡市 and 红旗区 (in 新乡市), the report
    titled 新乡市红旗区… was 红旗区's or 新乡市's by the Python process's hash seed (names
    of one length were tried in a set's order); a longer city name beat its district
    outright. The region is the most specific name the title writes, in every process."""
    regions_csv = tmp_path / "regions.csv"
    regions_csv.write_text(_NESTED, encoding="utf-8")
    korla = _HONGQI.replace("新乡市红旗区", "巴音郭楞蒙古自治州库尔勒市")
    assert report_metadata(korla, regions_csv)["region_name"] == "库尔勒市"
    code = ("import sys; from rol_analysis.sections import report_metadata as m; "
            "print(m(sys.argv[1], sys.argv[2])['region_name'])")
    found = {subprocess.run([sys.executable, "-c", code, _HONGQI, str(regions_csv)],
                            env=dict(os.environ, PYTHONHASHSEED=str(seed)), capture_output=True,
                            text=True, check=True).stdout.strip() for seed in range(1, 5)}
    assert found == {"红旗区"}
    # a report of the city itself is still the city's
    city = _HONGQI.replace("新乡市红旗区", "新乡市").replace("全区", "全市")
    assert report_metadata(city, regions_csv)["region_name"] == "新乡市"


def test_yearbook_bracket_titles_and_more_heading_words():
    text = ("某县2022年法治政府建设情况\n一、基本情况\n全年推进依法行政。\n"
            "（一）组织保障更加健全\n县委召开专题会议3次。\n"
            "【行政应诉】2022年，全县办理行政诉讼案件共31宗。\n"
            "【法律援助】全年办理法律援助案件95件。\n")
    got = [(s.heading, s.section_id) for s in section_spans(text)]
    assert got == [("一、基本情况", ""), ("（一）组织保障更加健全", "leadership"),
                   ("【行政应诉】", "disputes"), ("【法律援助】", "legal_education")]


# Headings of the two session-10 trials' reports (paraphrased): numbered the usual way,
# but worded with words only display_patterns know.
_TRIAL_HEADINGS = (
    "某县2024年法治政府建设情况报告\n"
    "一、强化政治引领，让法治政府建设向纵深迈进\n"
    "县政府常务会议专题学法6次。\n"
    "一是健全学法制度。全年组织集中学习12次。\n"
    "1.5万元专项经费用于普法。\n"
    "2024年3月，开展述法评议。\n"
    "（二）全面提升依法履职能力\n"
    "下放审批事项20项。\n"
    "（三）依申请公开\n"
    "受理申请31件。\n"
    "（四）其他工作\n"
    "完成工作9项。\n"
)


def test_heading_words_name_the_section_column(tmp_path):
    from click.testing import CliRunner

    from rol_analysis import cli

    text = _TRIAL_HEADINGS
    got = [(s.heading, s.section_id) for s in section_spans(text)]
    # 1.5万元… and a date at a line's start are not headings; 一是… heads its item
    assert got == [("一、强化政治引领，让法治政府建设向纵深迈进", "leadership"),
                   ("一是健全学法制度", "leadership"),
                   ("（二）全面提升依法履职能力", "functions"),
                   ("（三）依申请公开", "oversight"),
                   ("（四）其他工作", "leadership")]  # maps to nothing: its parent's
    report = tmp_path / "2024.txt"
    report.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["extract", str(report), "--out",
                                           str(tmp_path / "out"), "--region", "mouxian"])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "mentions.csv", encoding="utf-8", newline="") as fh:
        section = {r["text"]: r["section"] for r in csv.DictReader(fh)}
    assert [section[t] for t in ("6次", "12次", "1.5万元", "20项", "31件", "9项")] == [
        "leadership", "leadership", "leadership", "functions", "oversight", "leadership"]


def test_display_words_leave_the_matchers_section_as_it_was():
    # the matcher's same-section bonus reads heading_patterns alone (design.md)
    for heading in ("一、强化政治引领，让法治政府建设向纵深迈进",
                    "（二）全面提升依法履职能力", "（三）依申请公开"):
        assert classify_heading(heading, scored=True) == ""
    assert [s.section_id for s in section_spans(_TRIAL_HEADINGS, scored=True)] == [
        "", "", "", ""]
    # words both lists know keep their section either way
    assert classify_heading("（一）严格规范公正文明执法", scored=True) == "enforcement"


def test_both_mappings_from_one_reading_of_the_lines():
    # extract reads the Section column's spans and the matcher's in one pass: an
    # unnumbered heading only display_patterns know opens a span in the first alone,
    # and so does the closing summary after it (no heading before it in the second)
    text = "某县2024年法治政府建设情况报告\n依申请公开\n受理申请31件。\n一年来，工作取得成效。\n"
    shown, scored = section_spans_pair(text)
    assert [(s.heading, s.section_id) for s in shown] == [("依申请公开", "oversight"),
                                                          ("", "")]
    assert scored == []
    for t in (text, _TRIAL_HEADINGS, read_report(SEED).text):
        assert section_spans_pair(t) == (section_spans(t), section_spans(t, scored=True))


def test_a_thought_named_in_passing_does_not_make_a_leadership_heading():
    # studying the Thought is a leadership heading; using it in legal education is not
    assert classify_heading("（一）扎实学习贯彻习近平法治思想") == "leadership"
    assert classify_heading("1.将习近平法治思想列为普法宣传的首要内容") == "legal_education"


@pytest.mark.parametrize("heading, section", [
    ("1.以习近平法治思想为指引，当好牵头抓总角色", "leadership"),
    ("（二）完善法律顾问制度，实现服务全覆盖", "decisions"),
    ("3.对市场监管部门权责清单实行动态调整", "functions"),
    ("二、行政机关败诉情况", "disputes"),
    ("二、聚焦法治护航，持续优化经济社会发展的法治环境", ""),  # no topic word: as before
])
def test_more_heading_words_of_real_reports(heading, section):
    assert classify_heading(heading) == section
    assert classify_heading(heading, scored=True) == ""


# trial 4 F10 (baiyun-gz 2024, paraphrased): the numbers of one sentence under the inline
# item 三是抓好普法宣传 took the line heading's 组织领导 section
_INLINE_ITEMS = (
    "某区2024年法治政府建设情况报告\n"
    "一、主要工作成效\n"
    "（一）统筹全局，压实法治建设各方责任。一是坚持党对依法治区工作的全面领导。区里开会6次。"
    "二是扛起推进法治建设第一责任人职责。常委会会议由主要负责同志主持。三是抓好普法宣传这件大事。"
    "开展“以法兴企”法治宣传活动198场、“法安白云”普法直播177场，观看人次超1232万。"
    "四是组织执法证考试、办理监督证申领，按规定注销了43名执法人员。\n"
    "（二）服务发展大局，发挥好政府保障作用。完成工作9项。\n"
)


def test_an_item_inside_a_paragraph_heads_its_numbers():
    text = _INLINE_ITEMS
    spans = section_spans(text)
    assert [(s.heading, s.section_id) for s in spans][1:5] == [
        ("（一）统筹全局，压实法治建设各方责任", "leadership"),
        ("一是坚持党对依法治区工作的全面领导", "leadership"),
        ("二是扛起推进法治建设第一责任人职责", "leadership"),
        ("三是抓好普法宣传这件大事", "legal_education")]
    for number in ("198场", "177场", "超1232万"):
        assert _section_of(text, spans, number) == "legal_education"
    assert _section_of(text, spans, "6次") == "leadership"
    # an item whose first sentence is content (a count in it) ends the item before it
    # and takes its parent's section
    assert _section_of(text, spans, "43名") == "leadership"
    assert _section_of(text, spans, "9项") == ""  # （二） maps to nothing, nor does 一、
    # the matcher's spans are as measured: no inline item opens one
    assert not any(s.heading.startswith(("一是", "三是"))
                   for s in section_spans(text, scored=True))
