"""Parts a user sees in the mentions table: a number that is one kind of what its
indicator counts together carries ``part_of``, not the indicator's id."""

from __future__ import annotations

import pytest

from rol_analysis import extract

TRAINING = "officials_law_training_sessions"


def _named_and_parts(text: str, catalogue=None) -> list[tuple[float, str, str]]:
    """(value, indicator, part_of) of every number of ``text``, in text order."""
    m = extract.extract_text(text, catalogue=catalogue).mentions
    return list(zip(m["value"], m["indicator_id"], m["part_of"]))


@pytest.mark.parametrize("text, expected", [
    # training classes and lectures, two kinds the training count joins, each with its
    # own number and no total: both parts, neither the year's figure
    ("举办依法行政专题培训班3期、区级法治专题讲座5场，邀请专家授课。",
     [(3, "", TRAINING), (5, "", TRAINING)]),
    # ... one kind alone may be all the report counts: the figure
    ("举办依法行政专题培训班3期。", [(3, TRAINING, "")]),
    # ... and so is a kind whose clause says it is a sum (共)
    ("共举办依法行政专题培训班3期、区级法治专题讲座5场。", [(3, TRAINING, ""), (5, "", "")]),
    # penalties and licences published, two kinds of the enforcement records
    ("区市场监管局公示行政处罚信息35条、行政许可信息420条。",
     [(35, "", "enforcement_disclosures"), (420, "", "")]),
    ("今年以来共公示行政许可信息420条。", [(420, "enforcement_disclosures", "")]),
    # local-law drafts and government rules, the two kinds of legislative projects; 全年
    # says the year they fall in, not a sum
    ("全年提请市人大常委会审议地方性法规草案2件，出台政府规章3件。",
     [(2, "", "legislation_projects_reviewed"), (3, "", "")]),
    # events taken to one target group each, in sentences of one paragraph
    ("安排律师在社区开展“法律进社区”活动30余场，覆盖居民3000人次。为推进普法，联合派出所、"
     "学校等单位举办“法治进校园”活动6次。",
     [(30, "", "legal_education_events"), (3000, "legal_education_participants", ""),
      (6, "", "")]),
    ("司法所组织“法律进社区”活动30余场。", [(30, "legal_education_events", "")]),
    # a list of forms closed by 等 is many kinds, no sibling of one kind
    ("局党委集中学习8次，全局参加的法治专题培训2次，“法治讲堂”“案例讲评”等研讨活动6场。",
     [(8, "", ""), (2, TRAINING, ""), (6, "", "")]),
])
def test_one_kind_beside_another_is_a_part(text, expected):
    assert _named_and_parts(text) == expected
