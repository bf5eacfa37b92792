"""Rate checking on the seventeen gold sets: every stated rate whose two counts are in the
text (``rates.tsv`` of each set, tests/data/dev/README.md) should be recomputed from
those two counts, and no rate may be given a wrong pair (issue 9: "a wrong pairing is
worse than none").

The counts are printed (``pytest -s``, or ``python tests/rates_eval.py -v``) and held by
a ratchet: raise ``min_right`` with gains; ``max_wrong`` and ``max_spurious`` only fall.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rates_eval import RATE_KINDS, evaluate, line, main, read_rates, set_fixtures, total

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Ratchet:
    min_right: int     # labelled rates recomputed from their two counts
    max_wrong: int     # labelled rates recomputed from another pair
    max_spurious: int  # unlabelled rates (counts not in the text) given a pair


RATCHETS = {
    # First measurement (session 5, main 5755d33): dev 6/10, blind 2/4, blind2 2/3,
    # blind3 0/4, blind4 3/7, blind5 0/0 right; 3 wrong pairs, 5 spurious.
    # Session 5, rates (docs/reports.md "Inferred rates": a rate naming a change is no
    # share, a rate follows one of its counts, 100% needs equal named counts, a peer
    # with its own share is no whole, sentences joined at ；, a precise share's one whole
    # anywhere, changes in points / from an earlier value / from a stated difference,
    # cuts of lists item by item): 24/28 right, 0 wrong, 0 spurious; a share's whole
    # before it for rates as rough as 2% of their value: 27/28.
    "dev": Ratchet(min_right=10, max_wrong=0, max_spurious=0),
    "blind": Ratchet(min_right=4, max_wrong=0, max_spurious=0),
    "blind2": Ratchet(min_right=3, max_wrong=0, max_spurious=0),
    "blind3": Ratchet(min_right=4, max_wrong=0, max_spurious=0),
    # Session 9 (rates10): blind4 7/7, its 增长了近3倍 recomputed as a multiple (236 / 60
    # - 1 = 2.93, growth "by" N times, 近 a range).
    "blind4": Ratchet(min_right=7, max_wrong=0, max_spurious=0),
    "blind5": Ratchet(min_right=0, max_wrong=0, max_spurious=0),
    # blind6 (labelled before its scoring by an engineer who never read ratios.py): no
    # stated rate has both its counts in the text; first run: no spurious pair.
    "blind6": Ratchet(min_right=0, max_wrong=0, max_spurious=0),
    # blind7 (labelled like blind6, before its scoring): 2 stated rates; first run on main
    # 07d829f: 1 right (a share), the 由164个精简至70个 reduction named 整合率 unchecked.
    # Round I (rates9): 2 right; the cut 由迁建时的164个精简至70个 takes the 整合率 in
    # the next clause, which agrees with it.
    "blind7": Ratchet(min_right=2, max_wrong=0, max_spurious=0),
    # blind8 (labelled before its scoring by an engineer who never read ratios.py): 1
    # stated rate, a share of a target (完成率103.84% of a 6万平方米 target); first run on
    # main cf889ec: unchecked, no spurious pair.
    # Session 9 (rates10): right 1, the 完成率 as actual over the target its sentence
    # marks (the target is no mention: ratios reads it from the sentence, the scorer
    # from the anchor).
    "blind8": Ratchet(min_right=1, max_wrong=0, max_spurious=0),
    # blind9 (labelled like blind8, before its scoring): 3 stated rates; first run on main
    # 3645f21: 2 right (shares, inferred), the 调撤率 (mediated cases over court-referred
    # suits) unchecked.
    # Session 8 round I (rates9: whole, part, rate in a row, the rate's name abbreviating
    # its part): 3 right; the 调撤率 paired 26/35.
    "blind9": Ratchet(min_right=3, max_wrong=0, max_spurious=0),
    # blind10 (labelled like blind9, before its scoring): 4 stated rates, all shares; first
    # run on main b4327f9: 3 right, none wrong, 1 unchecked, no spurious pair.
    # Round I (rates9): 4 right; the 参考率100% paired 53/53 (应参加考试…, 实际参加考试…).
    "blind10": Ratchet(min_right=4, max_wrong=0, max_spurious=0),
    # blind11 (labelled like blind10, before its scoring): no stated rate has both its
    # counts in the text. First run on main 41f71b8 (and b4327f9): 1 spurious pair, a real
    # inferred mismatch where the share's whole is not given (主动公开率100% read from
    # 2条 of the 43条 published; the 公文 due for disclosure are not counted).
    # Round I (rates9): 0 spurious: a stated 100% is never linked to a smaller 其中 part
    # as a mismatch (the rate's whole, what was due, is not stated).
    "blind11": Ratchet(min_right=0, max_wrong=0, max_spurious=0),
    # blind12 (labelled like blind11, before its scoring): no stated rate has both its
    # counts in the text. First run on main 9460d11 (and 41f71b8, b4327f9): 0 stated, no
    # spurious pair.
    "blind12": Ratchet(min_right=0, max_wrong=0, max_spurious=0),
    # blind13 (labelled like blind12, before its scoring): 2 stated rates, both shares
    # (xunxian's 事项入驻率96.4% = 2331/2418; wushan's 调解率60.5%, a mismatch against its
    # 75/141). First run on main 6ceacce (and 9460d11, b4327f9): right 0, wrong 0,
    # unchecked 2, no spurious pair. Main at its landing (round I, rates9): 2 right.
    "blind13": Ratchet(min_right=2, max_wrong=0, max_spurious=0),
    # blind14 (labelled like blind13, before its scoring): 2 stated rates, both shares, both
    # in wuqi (办结率99.9% of 58810/58816, the quotient cut to one decimal: a mismatch
    # until session 21's cut rule, consistent since; 90.7% = 78/86). First run on main
    # 06d26df (round I): right 2 (the 99.9% as an inferred mismatch, the 90.7%
    # consistent), unchecked 0, no spurious pair; 6ceacce, 9460d11 and b4327f9 in the
    # same run: right 1, unchecked 1. Round I's rates lane
    # (rates9) is the one change of session 8 that moved an unseen set.
    "blind14": Ratchet(min_right=2, max_wrong=0, max_spurious=0),
    # blind15 (labelled like blind14, before its scoring): no stated rate has both its
    # counts in the text (16 stated rates, each with one count or none beside it, or growth
    # with no base-year figure). First run on main a66a03f: 0 stated, no spurious pair.
    "blind15": Ratchet(min_right=0, max_wrong=0, max_spurious=0),
    # blind16 (labelled before its scoring, session 16): 2 stated rates, both shares, both
    # in luoping (败诉率22.22% = 4/18, 纠错率9.38% = 3/32). First run on main ab933ac: right
    # 2 (the 22.22% inferred from the wording, the 9.38% by the catalogue relation), no
    # spurious pair; the session-16 start code 34a8c4b the same.
    "blind16": Ratchet(min_right=2, max_wrong=0, max_spurious=0),
    # blind17 (labelled before its scoring, session 17): 4 stated rates, all shares
    # (linxia's 办结率100% = 60/60, kaili's two 好差评 shares of 515684, bohai's 调解成功率
    # 98.3% = 119/121). First run on main 0c7f2d8: right 4 (bohai's by the catalogue
    # relation, three inferred from the wording), no spurious pair; the session-17 start
    # code e5bbb6b the same.
    "blind17": Ratchet(min_right=4, max_wrong=0, max_spurious=0),
    # blind18 (labelled before its scoring, session 17): 5 stated rates, all in hunan_yjt
    # (a decrease or increase beside this year's figure and the stated change: 下降6.25%
    # with 1244起 and 减少83起 …). First run on main d29bcdb: none recomputed, all 5
    # unchecked (the change list 同比减少83起、107人、124人 read only its first item as a
    # decrease), no spurious pair. Session 17 (yoy18): right 5, the list's items all
    # decreases, 同比减少 a stated difference, each listed difference paired with the value
    # at its place (107人 with 1318人).
    "blind18": Ratchet(min_right=5, max_wrong=0, max_spurious=0),
    # blind19 (labelled before its scoring, session 17): 2 stated shares (gongzhuling's
    # 即办率49.41% = 884/1789, rushan's 覆盖率100% = 34/34). First run on main a334ac6: the
    # first inferred from the wording, the second unchecked, no spurious pair; e5bbb6b the
    # same. Session 18 (rates19): right 2, a coverage rate (覆盖率) read as a share of what
    # the plan listed (将34家企业列入计划: the target), like a completion rate.
    "blind19": Ratchet(min_right=2, max_wrong=0, max_spurious=0),
    # blind20 (labelled before its scoring, session 19): 3 stated shares, all in
    # qingshanhu's disclosure report (部分公开28宗 占87.5%, 不予公开2宗 占6.3%, 无法提供2宗
    # 占6.3%, each of 收到公开申请32件). First run on main a1efc7e: right 3, all inferred
    # from the wording, no spurious pair; the session-19 start code 2eee771 the same.
    "blind20": Ratchet(min_right=3, max_wrong=0, max_spurious=0),
    # blind21 (labelled before its scoring, session 20): 7 stated shares, all in
    # fangcheng_fy's reconsideration statistics, each of the year's 新受理案件151件
    # (纠错率约19.2% = 29/151, 92.71% = 140/151, 7.28% = 11/151 and four kinds of case;
    # four of the shares, 92.71%, 49.66%, 10.59% and 2.64%, are truncated in the source,
    # not rounded). First run on main 919dd53: right 2 (7.28% and 26.49%, inferred from the
    # wording), wrong 1 (the 纠错率 paired with the 135 cases closed, not the 151 accepted),
    # unchecked 4 (the truncated ones), no spurious pair; the session-20 start code 34a5173
    # the same. Session 21 (rates22, a rate with decimals read as cut too): right 6,
    # unchecked 0, the wrong 纠错率 unchanged.
    "blind21": Ratchet(min_right=6, max_wrong=1, max_spurious=0),
    # rates_sample (session 20, rates20): 83 stated rates in 30 paraphrased excerpts of
    # real reports, collected to see how reports write a rate beside its two counts
    # (tests/data/rates_sample/README.md). First run on main 2eee771, before any change:
    # right 53, wrong 5, unchecked 25, spurious 4 (54/5/24/5 once 21 fixtures were
    # reworded further, facts and number grammar kept). After the general fixes (分别 lists of
    # shares, lists in parentheses, a rate between a count and another rate, ceilings,
    # rounded counts, 由…增加到…, the longer name of a 100%'s part): right 71, wrong 1 (a
    # 纠错率 the catalogue reads as corrections over cases decided, the report over cases
    # received), unchecked 11, spurious 1 (a catalogue 胜诉率 whose 100% counts withdrawals
    # as won). Then 10 more rates from 5 further excerpts, collected after those fixes and
    # scored once: 3 right on 2eee771 and 3 with the fixes (four rest on counts written
    # 9400多家, three are shares whose stated total does not give them); a sentence opening
    # with 其中 then took its whole from the sentence before: 4. All 93: right 75, wrong 1,
    # unchecked 17, spurious 1. The sample is tuned now: a regression test, not an unseen
    # figure. Session 21 (rates22, rates cut rather than rounded: 26.8% and 27.9% of 93,
    # 92.71% of 151, 76.65% of 18844): right 79, wrong 1, unchecked 13, spurious 1.
    "rates_sample": Ratchet(min_right=79, max_wrong=1, max_spurious=1),
}


@pytest.mark.parametrize("name", sorted(RATCHETS))
def test_labelled_rates_are_well_formed(name):
    folder = DATA / name
    names = set(set_fixtures(folder))
    for r in read_rates(folder):
        where = f"{name}/{r['fixture']}: {r['rate_anchor']!r}"
        assert r["fixture"] in names, where
        raw = (folder / f"{r['fixture']}.txt").read_text(encoding="utf-8")
        for col in ("rate_anchor", "a_anchor", "b_anchor"):
            assert raw.count(r[col]) == 1, f"{where}: {col} must occur exactly once"
        assert r["kind"] in RATE_KINDS, where
        assert r["rate_value"].lstrip("-") in r["rate_anchor"], where


@pytest.fixture(scope="module", params=sorted(RATCHETS))
def scored(request):
    return request.param, total(evaluate(DATA / request.param), request.param)


def test_stated_rates_are_recomputed_from_their_counts(scored):
    name, t = scored
    print("\n" + line(t))
    r = RATCHETS[name]
    assert t.right >= r.min_right
    assert t.wrong <= r.max_wrong
    assert t.spurious <= r.max_spurious
    assert t.right + t.wrong + t.unchecked == t.stated


def test_scorer_rejects_a_folder_without_labels(tmp_path, capsys):
    assert main([str(tmp_path)]) == 2
    assert "no rates.tsv" in capsys.readouterr().err


def test_listing_shows_every_recomputed_rate_of_an_unlabelled_set(tmp_path, capsys):
    (tmp_path / "town_2023.txt").write_text(
        "全年受理投诉25件，办结24件，办结率96%。满意率98%。", encoding="utf-8")
    (tmp_path / "town_2023.gold.tsv").write_text("", encoding="utf-8")
    assert main(["--list", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1  # the claim 满意率98% has no pair: not listed
    assert "96% <- 24件 / 25件" in out[0] and "(inferred)" in out[0]
