"""The first-run tables (tests/data/first_runs) still line up with their gold sets."""

import csv

import dev_eval
import first_runs
import pytest

TABLES = first_runs.tables()


def test_every_fresh_set_scored_since_blind4_has_its_first_run():
    assert [t.stem for t in TABLES] == [f"blind{n}" for n in range(4, 22)]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.stem)
def test_one_line_per_gold_row_in_gold_order(table):
    folder = first_runs.DATA / table.stem
    with open(table, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0]) == first_runs.COLUMNS
    expected = [(name, i) for name in dev_eval.fixtures(folder)
                for i in range(len(dev_eval.read_gold(folder / f"{name}.gold.tsv")))]
    assert [(r["fixture"], int(r["row"])) for r in rows] == expected
    assert {r["found"] for r in rows} <= {"0", "1"}
    assert all(not r["id"] for r in rows if r["found"] == "0")


def test_study_reports_every_signal_against_all_first_run_names():
    report = first_runs.study(TABLES)
    named = [r for t in TABLES for r in first_runs.read(t) if r["found"] == "1" and r["id"]]
    right = sum(r["id"] == r["gold_id"] for r in named)
    wrong = len(named) - right
    assert report.splitlines()[0].startswith(
        f"first-run names: {len(named)} ({right} right, {wrong} wrong)")
    for label in ("measure overlaps the name", "clause covers the name",
                  "indicator's record (LOSO)"):
        # keeping every name keeps every right and every wrong one, counted from the
        # tables here, not from the report's own first line
        line = next(x for x in report.splitlines() if x.startswith(label) and "100%" in x)
        assert line.split()[-3:] == [f"{right}/{right}", f"{wrong}/{wrong}",
                                     f"{right / len(named):.1%}"]


def test_learned_study_reads_the_numbers_clause_sentence_and_the_clause_before():
    import first_runs_learned

    raw = "一、化解纠纷。全年收到复议申请60件，依法审结52件，其中纠错4件；调解3件。"
    clause, sentence, before = first_runs_learned.context(raw, "纠错4件")
    assert clause == "其中纠错4件"
    assert sentence == "全年收到复议申请60件，依法审结52件，其中纠错4件"
    assert before == "依法审结52件"
