"""Numbers with their counting words (:mod:`rol_analysis.mentions`), read directly.

Most of the number grammar is tested through :func:`rol_analysis.extract.extract_text`
in tests/test_extract.py, where a reader sees it; these tests look at the mentions alone.
"""

from __future__ import annotations

import pytest

from rol_analysis.mentions import find_mentions


def _read(sentence: str) -> list[tuple[str, float, str]]:
    """(text, value, unit) of every number found in ``sentence``."""
    return [(sentence[m.start:m.end], m.value, m.unit) for m in find_mentions(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("分别为48、65件。", [("48", 48, "件"), ("65件", 65, "件")]),
    ("分别办理12、15和20件。", [("12", 12, "件"), ("15", 15, "件"), ("20件", 20, "件")]),
    # a bare number is not a list item when words stand between it and the next number
    ("编号12、其他事项共5件。", [("5件", 5, "件")]),
])
def test_only_an_unbroken_list_borrows_the_next_unit(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # the count repeats the four (six) names just listed: not a statistic
    ("盗窃案件、诈骗案件、交通事故和火灾数量等4个指标持续下降。", []),
    ("清单涵盖行政许可、行政确认、行政给付、行政奖励、行政裁决和其他权力等6类。", []),
    # more units than were named: a count of its own
    ("市场监管、交通运输等12个部门开展联合检查。", [("12个", 12, "个")]),
    ("抽查了甲镇、乙镇和丙街道等5个乡镇。", [("5个", 5, "个")]),
])
def test_a_count_after_deng_that_repeats_the_list_is_no_statistic(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a Chinese numeral right before a quoted name counts the slogan's names
    ("全力融入三个“一号工程”建设。", []),
    ("坚持两个“毫不动摇”。", []),
    # digits, or a qualifier, before the quote still count things
    ("建成3个“枫桥式”司法所。", [("3个", 3, "个")]),
    ("共建成十余个“共享法庭”。", [("十余个", 10, "个")]),
])
def test_a_chinese_numeral_before_a_quoted_name_is_no_count(sentence, expected):
    assert _read(sentence) == expected
