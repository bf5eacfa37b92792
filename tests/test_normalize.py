"""Normalisation: the cleaned text a reader expects, with every span traceable to the raw."""

import pytest

from rol_analysis.normalize import normalize

SEED_ARTEFACTS = (
    "一是加强管理。全年向市政府和区人大常委\n\n会备案规范性文件4件。"
    "审减金额 1628 万元，**二是发挥作用。**"
)


def test_full_width_digits_and_percent_become_ascii_but_chinese_punctuation_stays():
    n = normalize("受理１２件，满意率９９％；（一）")
    assert n.text == "受理12件，满意率99%；（一）"


@pytest.mark.parametrize("raw, expected", [
    ("依法⾏政", "依法行政"),          # Kangxi radical, NFKC
    ("⼈⼤代表", "人大代表"),
    ("⽐上年", "比上年"),
    ("⼾籍", "户籍"),                  # NFKC would give the traditional 戶
    ("⻓效机制", "长效机制"),          # CJK Radicals Supplement: NFKC leaves it
    ("作⻛建设", "作风建设"),
    ("⻔户⽹站", "门户网站"),
])
def test_radicals_from_pdf_text_layers_become_ordinary_characters(raw, expected):
    assert normalize(raw).text == expected


def test_markers_spaces_and_broken_words_are_cleaned():
    n = normalize(SEED_ARTEFACTS)
    assert "区人大常委会备案规范性文件4件" in n.text
    assert "审减金额1628万元" in n.text
    assert "**" not in n.text


def test_a_number_split_from_its_unit_across_lines_is_joined():
    n = normalize("一、教育培训\n全年举办领导干部学法培训班16\n期，参训人员1,200\n人次。")
    assert "培训班16期，参训人员1,200人次。" in n.text


def test_headings_are_never_joined_to_their_neighbours():
    raw = ("2023年度某区法治政府建设情况报告\n\n一、加强组织领导\n全年召开会议5次\n\n"
           "二、推进依法行政\n（一）规范执法\n1.开展培训\n全年培训3期。\n\n某区司法局\n2024年1月5日")
    text = normalize(raw).text
    for line in ("2023年度某区法治政府建设情况报告", "一、加强组织领导", "二、推进依法行政",
                 "（一）规范执法", "1.开展培训", "某区司法局", "2024年1月5日"):
        assert line in text.split("\n"), line


def test_spaces_between_latin_words_and_between_numbers_are_kept():
    assert normalize("ISO 9001 认证").text == "ISO 9001认证"
    assert normalize("12 34").text == "12 34"


@pytest.mark.parametrize("needle, raw_text", [
    ("会备案", "会备案"),
    ("常委会", "常委\n\n会"),
    ("1628万元", "1628 万元"),
    ("二是发挥作用。", "二是发挥作用。"),
])
def test_spans_map_back_to_the_raw_text_as_written(needle, raw_text):
    n = normalize(SEED_ARTEFACTS)
    start = n.text.index(needle)
    a, b = n.raw_span(start, start + len(needle))
    assert SEED_ARTEFACTS[a:b] == raw_text


def test_full_width_and_crlf_spans_map_back():
    raw = "全年受理１２ 件。\r\n办结率１００％\r\n"
    n = normalize(raw)
    i = n.text.index("12件")
    assert n.raw_text(i, i + 3) == "１２ 件"
    j = n.text.index("100%")
    assert n.raw_text(j, j + 4) == "１００％"


def test_seed_normalises_without_losing_text(seed_text):
    n = normalize(seed_text)
    assert len(n.starts) == len(n.ends) == len(n.text)
    # every normalised character comes from a raw position in order
    assert (n.starts[1:] >= n.starts[:-1]).all()
    assert "区人大常委会备案规范性文件4件" in n.text


@pytest.fixture(scope="module")
def seed_text():
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "data/raw/weibin/2023.txt").read_text("utf-8")


def test_one_compact_form_for_suggest_and_the_reader_of_the_wording():
    """A number's raw text (849 件) is found in its readable sentence by suggest and by
    wording (the sentences ratios and yoy read) alike: both compare the one compact form
    (no whitespace, no ** markers)."""
    from rol_analysis import suggest, wording
    from rol_analysis.normalize import compact

    assert compact("办理 **849 件**，\n同比 增长") == "办理849件，同比增长"
    assert compact(None) == "" and compact("") == ""
    assert suggest.compact is compact and wording.compact is compact


def test_a_run_in_headings_wrapped_line_is_joined():
    """Trial 5 F4 (a PDF text layer, paraphrased): a line that opens with （五） but runs
    on past its heading sentence is a paragraph's first line, so a number or a clause
    wrapped from it is joined; a heading line of its own stays apart."""
    raw = ("（五）加强法治宣传教育。组织各类普法活动一\n\n千二百余场，受教育群众超过15万人次。\n"
           "（四）依法化解矛盾纠纷。全年收到行政复议申请203件，受理186件，\n\n审结171件。\n"
           "（六）强化监督\n全年开展执法检查12次。\n")
    text = normalize(raw).text
    assert "普法活动一千二百余场" in text
    assert "受理186件，审结171件" in text
    assert "（六）强化监督\n全年" in text


def test_the_characters_the_scan_passes_over_are_their_own_normal_form():
    # normalize looks up only characters outside the basic CJK block and printable
    # ASCII (normalize._OTHER_CHARS_RE): every one it passes over must stay as written
    from rol_analysis.normalize import _OTHER_CHARS_RE, map_char

    passed = [chr(cp) for cp in [*range(0x20, 0x7F), *range(0x4E00, 0xA000)]]
    assert not any(_OTHER_CHARS_RE.search(ch) for ch in passed)
    assert [ch for ch in passed if map_char(ch) != ch] == []
    # and the characters it does read are still mapped (full width, radicals)
    assert normalize("办结１２％，⼈⺠调解").text == "办结12%，人民调解"
