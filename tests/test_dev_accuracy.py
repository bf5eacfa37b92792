"""Attribution accuracy on the dev set (tests/data/dev/): paraphrased excerpts of real
reports from many provinces, levels and years, each with a gold table of every statistic.

The seed report cannot show whether the catalogue names what *other* reports measure;
this can. The counts are printed (``pytest -s``, or ``python tests/dev_eval.py -v`` for
the misses) and held by a ratchet: the thresholds below are today's measured level.
**Raise them as attribution improves; never lower them to make a change pass.**
"""

from __future__ import annotations

import csv

import pytest
from dev_eval import DEV, KINDS, check_gold, evaluate, fixtures, read_gold, table, total

from rol_analysis import catalogue

# Ratchet, measured on the dev set as committed (counts of gold rows, and of mentions
# for false positives). Engineers raise these as attribution improves.
MIN_FOUND = 284               # was 278: bare 万/亿 counts, 种/面/成 (grammar, session 4)
# Session 4 round 2, parts (one concept twice, level breakdowns: docs/design.md): 276 -> 275
# and 138 -> 137 (评估指出的22个问题、…发现的29个问题: the later, larger one is left unnamed),
# lowered for named wrongly 51 -> 42 over the five sets dev/blind/blind2/blind3/blind4.
# Session 6, study (the body decides: docs/design.md): laiwu's 区委常委会、区政府常务会议
# 专题听取…、专题研究法治建设工作10余次 is two bodies' count, by rol_major_issues_resolved's
# definition no executive-meeting briefing, and is left unnamed (the dev gold, written
# before the definitions, says exec_meeting_rol_briefings): 275 -> 274 and id rows
# 136 -> 135, lowered for named wrongly 55 -> 46 over the nine sets. Then the leadership's
# business joined across bodies named as rol_major_issues_resolved, and laiwu's row
# re-read by that definition (README): 274 -> 275, id rows 135 -> 136.
# Session 19 (reword20): every dev text reworded again after a check against the sources
# found long verbatim runs (README, Paraphrase check); same code (a1efc7e): named correctly
# 275 -> 265, named wrongly 1 -> 3, id rows 135 -> 126 (found 284, FP 0 and sections
# unchanged). Rules written while reading the old wording did not all hold on new wording
# of the same facts; the thresholds are the new text's measured level.
# Session 23 (recall23: phrasings the catalogue's patterns missed, each a family seen in
# several sets): the county office's 仍然有效的行政规范性文件为0件 is normative_docs_in_force:
# named correctly 265 -> 266, id rows 126 -> 127.
MIN_NAMED_CORRECTLY = 266     # was 275, then 274: gangu's website count re-read as a part
                              # (session 7 consistency re-read, dev README); 275 again with
                              # session 8's one-channel rule (parts8); 265 since reword20;
                              # 266 since recall23
MAX_NAMED_WRONGLY = 3          # 3 since reword20 (session 19); 1 before the session-7
                               # consistency re-read made gangu's website count a part,
                               # then 2; 1 again when session 8's one-channel rule made it
                               # a part (parts8); 2 before session 5
MAX_FALSE_POSITIVES = 0
# Session 5, near concepts: gaotai's 会前学法21次 (the county government's 党组会议 and
# 常务会议 together) re-read by meaning as a joint count of two bodies, which names no
# body's indicator (README): id rows 137/145 -> 136/144, the extractor unchanged on it
# (it now leaves the number unnamed, as the gold does); not an extractor loss.
MIN_NAMED_WITH_ID = 127       # rows named with their gold id (the named/all column);
                              # 135 before reword20 (session 19), 126 before recall23
# Parts (part_of, session 4): gold parts found with no id and the same part_of (8/50
# with 其中 alone, 12/50 with lists, scopes and breakdown headers), and found rows given
# a part_of other than gold's (4 -> 0).
MIN_PARTS_OK = 13  # 12 -> 13: gangu's website count (session 8, parts8)
MAX_PARTS_WRONG = 0
# Found rows whose Section column (the heading's section) is the gold's section, and found
# rows with no section. Session 10 (heads11): headings worded 强化政治引领, 坚持党的全面领导,
# 主动公开, 依申请公开, 权责清单, 败诉 … name their section (display_patterns): 133 -> 171
# and 99 -> 59. Session 12 (rates14): an enumerated item inside a paragraph (一是…) heads
# its text: 171 -> 172 and 59 -> 58.
MIN_SECTION_OK = 172
MAX_SECTION_EMPTY = 58



@pytest.fixture(scope="module")
def scores():
    return evaluate()


def _proposed() -> dict[str, dict]:
    with open(DEV / "proposed_indicators.tsv", encoding="utf-8", newline="") as fh:
        return {r["id"]: r for r in csv.DictReader(fh, delimiter="\t")}


def test_dev_set_is_there():
    names = fixtures()
    assert len(names) >= 24
    readme = (DEV / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert (DEV / f"{name}.txt").exists(), name
        assert f"`{name}`" in readme, f"{name} is not described in tests/data/dev/README.md"


@pytest.mark.parametrize("name", fixtures())
def test_gold_table_is_well_formed(name):
    cat = catalogue.load()
    proposed = _proposed()
    for r, where in check_gold(DEV, name, {s.id for s in cat.sections}):
        assert r["id"] in cat.indicators or r["id"] in proposed, (
            f"{where}: {r['id']} is neither in the catalogue nor in proposed_indicators.tsv")
        known = cat.indicators.get(r["id"])
        want = (known.zh_name, known.en_name) if known else (
            proposed[r["id"]]["zh_name"], proposed[r["id"]]["en_name"])
        assert (r["zh_name"], r["en_name"]) == want, where


def test_proposed_indicators_are_used_and_new():
    cat = catalogue.load()
    used: dict[str, set[str]] = {}
    for name in fixtures():
        for r in read_gold(DEV / f"{name}.gold.tsv"):
            used.setdefault(r["id"], set()).add(name)
    for iid, row in _proposed().items():
        assert iid not in cat.indicators, f"{iid} is in the catalogue now: drop it here"
        assert row["kind"] in KINDS and row["zh_name"] and row["en_name"], iid
        assert int(row["n_fixtures"]) == len(used.get(iid, ())), iid


def test_dev_accuracy_ratchet(scores):
    t = total(scores)
    print()
    print(table(scores))
    print(f"found {t.found}/{t.gold}, named correctly {t.correct}, named wrongly {t.wrong}, "
          f"false positives {t.false_positives}; rows with an id named with it "
          f"{t.correct_with_id}/{t.with_id}; section as gold {t.section_ok}/{t.found}, "
          f"none {t.section_empty}")
    assert t.found >= MIN_FOUND
    assert t.correct >= MIN_NAMED_CORRECTLY
    assert t.correct_with_id >= MIN_NAMED_WITH_ID
    assert t.wrong <= MAX_NAMED_WRONGLY
    assert t.false_positives <= MAX_FALSE_POSITIVES
    assert t.part_ok >= MIN_PARTS_OK
    assert t.part_wrong <= MAX_PARTS_WRONG
    assert t.section_ok >= MIN_SECTION_OK
    assert t.section_empty <= MAX_SECTION_EMPTY
