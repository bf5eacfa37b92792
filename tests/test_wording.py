"""A report's numbers as sentences, rebuilt from its mentions table: what the rates
inferred from the text (ratios) and the stated year-over-year changes (yoy) read."""

from __future__ import annotations

import pytest

from rol_analysis import wording


def _text(report: str) -> wording.Text:
    from rol_analysis import extract

    return wording.text_of(extract.extract_text(report, "x", 2023).mentions)


REPORT = ("全年收到行政复议申请90件，受理80件；审结70件，其中纠错9件，纠错率12.9%。\n"
          "全年评查行政执法案卷370卷，较上年减少20卷。")


def test_numbers_are_read_in_report_order_with_their_sentence_and_clause():
    text = _text(REPORT)
    assert [n.text for n in text.numbers] == ["90件", "80件", "70件", "9件", "12.9%", "370卷",
                                              "20卷"]
    # sentences are compact and split at semicolons too
    assert text.sentences == ["全年收到行政复议申请90件，受理80件；",
                              "审结70件，其中纠错9件，纠错率12.9%。",
                              "全年评查行政执法案卷370卷，较上年减少20卷。"]
    assert [n.group for n in text.numbers] == [0, 0, 1, 1, 1, 2, 2]
    received, accepted, closed = text.numbers[:3]
    assert received.indicator_id == "admin_reconsideration_received"
    assert text.clause_before(accepted) == "受理"
    assert text.between(received, accepted) == "，受理"
    assert text.between(accepted, closed) is None  # across sentences
    assert wording.clause_breaks(text.between(received, accepted)) == 1


def test_a_semicolon_continues_the_full_sentence_and_a_line_break_does_not_part_sentences():
    text = _text(REPORT)
    assert text.adjacent == [False, True, True]
    # 审结… continues the sentence of 受理…；, the sentence after 。 starts a new one
    assert text.lead == [0, 0, 2]


def test_sentences_with_text_between_them_are_not_adjacent():
    text = _text("全年受理行政复议案件80件。会议强调，要坚持依法行政，做到严格规范公正文明执法。"
                 "全年审结行政复议案件70件。")
    assert text.adjacent == [False, False]


def test_exact_counts_of_one_kind_of_unit_are_found_by_value():
    text = _text("全年受理诉求120余件，调解纠纷30宗，办结25件，培训120人，提高2个百分点。")
    values, numbers = text.counts_by_unit(wording.unit_class("件"))
    # 件 and 宗 count the same things; 120余件 is not exact; 人 and points are not 件
    assert values == [25.0, 30.0]
    assert [n.unit for n in numbers] == ["件", "宗"]
    assert wording.unit_class("宗") == wording.unit_class("件") != wording.unit_class("人")


@pytest.mark.parametrize("text,decimals", [
    ("95.87%", 2), ("96%", 0), ("百分之百", 0), ("1.2万件", 1), (None, 0),
])
def test_the_decimals_a_number_is_written_with(text, decimals):
    assert wording.stated_decimals(text) == decimals
