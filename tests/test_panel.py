"""The national panel: parquet tables, DuckDB views, xlsx, incremental updates."""

from __future__ import annotations

import json
import os
import re
import shutil

import pandas as pd
import pytest
from conftest import REPO, SEED, rol, tree_bytes

from rol_analysis import fileio, panel, ratios
from rol_analysis.exceptions import InputError
from rol_analysis.extract import extract_to
from rol_analysis.reviews import unconfirmed

RATE = "normative_docs_timely_filing_rate"


def outputs(root):
    """The panel's byte-stable outputs: every parquet fragment, the xlsx, the manifest
    (panel.duckdb is documented as not byte-stable)."""
    return {k: v for k, v in tree_bytes(out(root)).items() if k != "panel.duckdb"}


def publish(root, region, year, text=None, validation=None, brief=True):
    """Publish one region-year's tables as a build would (extraction + ratios)."""
    src = root / "seed.txt"
    src.write_text(text or SEED.read_text(encoding="utf-8"), encoding="utf-8")
    processed = root / "data" / "processed" / region / str(year)
    result, _ = extract_to(src, processed, region=region, year=year)
    report = root / "reports" / region / str(year)
    if brief:
        fileio.write_csv(report / "ratios.csv", ratios.compare_ratios(result.indicators))
        fileio.write_text(report / "brief.html", "<html></html>")
    fileio.write_json(report / "validation.json", validation or {"success": True,
                                                                 "failures": [], "warnings": []})
    return result


@pytest.fixture(scope="module")
def proot(tmp_path_factory):
    """Three published region-years and one that failed validation without tables.

    weibin is listed in regions.csv with a level; hongqi is not listed at all.
    """
    root = tmp_path_factory.mktemp("panel")
    (root / "data" / "raw").mkdir(parents=True)
    shutil.copy(REPO / "data" / "raw" / "regions.csv", root / "data" / "raw" / "regions.csv")
    seed = SEED.read_text(encoding="utf-8")
    publish(root, "weibin", 2023)
    publish(root, "weibin", 2022, seed.replace("4件", "5件"),
            validation={"success": True, "failures": [], "warnings": [
                {"rule": "r", "indicators": [RATE], "values": [100], "sentences": [""]}]})
    publish(root, "hongqi", 2023, seed.replace("卫滨区", "红旗区"))
    fileio.write_json(root / "reports" / "hongqi" / "2022" / "validation.json",
                      {"success": False, "failures": [{"rule": "x", "indicators": []}],
                       "warnings": []})
    result = panel.build(root)
    return root, result


def out(root):
    return root / "data" / "processed" / "panel"


def test_row_counts_match_the_published_tables(proot):
    root, result = proot
    assert result.written and result.region_years == 4
    per = {(r, y): pd.read_parquet(p) for r, y, p in
           [("weibin", 2023, None), ("weibin", 2022, None), ("hongqi", 2023, None)]
           for p in [root / "data/processed" / r / str(y) / "indicators.parquet"]}
    ind = pd.read_parquet(out(root) / "indicators.parquet")
    assert len(ind) == sum(len(t) for t in per.values()) == result.rows
    men = pd.read_parquet(out(root) / "mentions.parquet")
    assert len(men) == sum(len(pd.read_parquet(root / "data/processed" / r / str(y) /
                                               "mentions.parquet")) for r, y in per)
    rat = pd.read_parquet(out(root) / "ratios.parquet")
    assert len(rat) == sum(len(pd.read_csv(root / "reports" / r / str(y) / "ratios.csv"))
                           for r, y in per)
    ry = pd.read_parquet(out(root) / "region_years.parquet")
    assert list(zip(ry["region"], ry["year"])) == [("hongqi", 2022), ("hongqi", 2023),
                                                   ("weibin", 2022), ("weibin", 2023)]
    assert list(ry["validation"]) == ["failed", "passed", "warnings", "passed"]
    assert list(ry["n_indicators"]) == [0] + [len(per[k]) for k in
                                              [("hongqi", 2023), ("weibin", 2022),
                                               ("weibin", 2023)]]
    # the columns the issue names
    for col in ("region", "province", "level", "year", "indicator_id", "measure", "zh_name",
                "value", "unit", "qualifier", "validation", "review", "sentence",
                "char_start", "char_end"):
        assert col in ind.columns, col
    # a part names the indicator of its total (the seeds state no parts)
    assert "part_of" in men.columns and set(men["part_of"].fillna("")) == {""}


def test_values_qualifiers_and_provenance_kept(proot):
    root, _ = proot
    ind = pd.read_parquet(out(root) / "indicators.parquet")
    src = pd.read_parquet(root / "data/processed/weibin/2023/indicators.parquet")
    mine = ind[(ind.region == "weibin") & (ind.year == 2023)].reset_index(drop=True)
    assert list(mine["indicator_id"]) == list(src["indicator_id"])  # order kept
    assert list(mine["value"]) == list(src["value"])
    assert list(mine["qualifier"]) == list(src["qualifier"])
    assert list(mine["measure"].fillna("")) == list(src["measure"].fillna(""))
    assert mine["measure"].notna().any()  # what each number counts (extraction's measure)
    assert "at_least" in set(mine["qualifier"])  # 余/多 survive
    raw = SEED.read_text(encoding="utf-8")
    for t, a, b in zip(mine["text"], mine["char_start"], mine["char_end"]):
        assert raw[a:b] == t
    # a value changed in one report shows up only there
    w22 = ind[(ind.region == "weibin") & (ind.year == 2022)]
    assert (w22["value"] != mine["value"].values).sum() >= 1


def test_region_metadata_and_unknowns(proot):
    root, _ = proot
    ry = pd.read_parquet(out(root) / "region_years.parquet").set_index(["region", "year"])
    w = ry.loc[("weibin", 2023)]
    assert (w["province"], w["level"], w["region_name"], w["city"]) == (
        "河南省", "county", "卫滨区", "新乡市")
    h = ry.loc[("hongqi", 2023)]
    assert pd.isna(h["province"]) and pd.isna(h["level"])  # not in regions.csv: unknown
    report = json.loads((root / "data/processed/hongqi/2023/report.json").read_text("utf-8"))
    assert h["region_name"] == report["region_name"]  # the name its report gives


def test_validation_status_per_row(proot):
    root, _ = proot
    ind = pd.read_parquet(out(root) / "indicators.parquet")
    w22 = ind[(ind.region == "weibin") & (ind.year == 2022)].set_index("indicator_id")
    assert w22.loc[RATE, "validation"] == "warning"
    assert set(w22.drop(index=RATE)["validation"]) == {"passed"}


def test_duckdb_views(proot):
    import duckdb

    root, _ = proot
    con = duckdb.connect(str(out(root) / "panel.duckdb"), read_only=True)
    try:
        views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() "
                                 "WHERE NOT internal").fetchall())
        assert {"indicators", "wide", "ratios", "region_years"} <= set(views)
        assert all(views[v] for v in panel.VIEWS)  # documented inside the database
        wide = con.execute("SELECT * FROM wide").df()
        assert len(wide) == 4 and RATE in wide.columns
        assert wide.set_index(["region", "year"]).loc[("weibin", 2023), RATE] == 100.0
        assert pd.isna(wide.set_index(["region", "year"]).loc[("hongqi", 2022), RATE])
        n = con.execute("SELECT count(*) FROM indicators").fetchone()[0]
        assert n == len(pd.read_parquet(out(root) / "indicators.parquet"))
    finally:
        con.close()


def test_xlsx_has_one_sheet_per_view_with_chinese_intact(proot):
    import openpyxl

    root, _ = proot
    wb = openpyxl.load_workbook(out(root) / "panel.xlsx", read_only=True)
    assert wb.sheetnames == ["indicators", "wide", "ratios", "region_years"]
    rows = list(wb["indicators"].iter_rows(max_row=2, values_only=True))
    assert rows[0][:3] == ("地区代码", "地区", "省份") and rows[1][:3] == (
        "region", "region_name", "province")
    wide_head = list(wb["wide"].iter_rows(max_row=2, values_only=True))
    assert wide_head[0][wide_head[1].index(RATE)] == "规范性文件报备及时率"
    wb.close()
    back = pd.read_excel(out(root) / "panel.xlsx", sheet_name="indicators", header=1)
    ind = pd.read_parquet(out(root) / "indicators.parquet")
    assert len(back) == len(ind)
    assert list(back["sentence"]) == list(ind["sentence"])  # Chinese round-trips
    assert list(back["zh_name"]) == list(ind["zh_name"])
    assert list(back["qualifier"]) == list(ind["qualifier"])


def _readme_example():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    sql = re.search(r"```sql\n(.*?)```", text, re.S).group(1)
    line = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    return sql, line


def test_readme_example_query_and_pandas_line(proot, monkeypatch):
    """Exactly the README's SQL and pandas line, run in a project root."""
    import duckdb

    root, _ = proot
    sql, code = _readme_example()
    assert "报备及时率" in (REPO / "README.md").read_text(encoding="utf-8")
    monkeypatch.chdir(root)
    con = duckdb.connect("data/processed/panel/panel.duckdb", read_only=True)
    by_sql = con.execute(sql).df()
    con.close()
    ns = {}
    exec(code, ns)  # noqa: S102 - the README's own line
    by_pandas = ns["rates"]
    expect = [("hongqi", 2023, 100.0), ("weibin", 2022, 100.0), ("weibin", 2023, 100.0)]
    for df in (by_sql, by_pandas):
        assert list(zip(df["region"], df["year"], df["value"])) == expect
        assert set(df["qualifier"]) == {"exact"}


def test_rerun_is_a_no_op_and_force_is_byte_identical(proot):
    root, _ = proot
    before = outputs(root)
    assert "panel.xlsx" in before and "indicators.parquet/hongqi+.parquet" in before
    again = panel.build(root)
    assert not again.written and not again.changed
    forced = panel.build(root, force=True)
    assert forced.written and len(forced.changed) == 4
    assert outputs(root) == before


def test_incremental_reads_only_changed_region_years_and_equals_a_fresh_panel(
        proot, tmp_path):
    root, _ = proot
    work = tmp_path / "p"
    shutil.copytree(root, work)
    f = work / "data/processed/weibin/2023/indicators.parquet"
    df = pd.read_parquet(f)
    df.loc[df["indicator_id"] == RATE, "value"] = 97.5
    df.loc[df["indicator_id"] == RATE, "review"] = "set | 李四"  # a reviewer named one
    # a mark that is no confirm, set or add decides no name: the brief still shows its ○
    df.loc[df.index[df["indicator_id"] != RATE][0], "review"] = "exclude | 王五"
    fileio.write_parquet(f, df)
    shutil.rmtree(work / "reports/hongqi/2022")  # a region-year gone
    os.utime(work / "data/processed/weibin/2022/indicators.parquet")  # touched, same bytes
    res = panel.build(work)
    assert res.changed == ["weibin/2023"] and res.removed == ["hongqi/2022"]
    ind = pd.read_parquet(out(work) / "indicators.parquet")
    assert ind[(ind.region == "weibin") & (ind.year == 2023)
               & (ind.indicator_id == RATE)]["value"].tolist() == [97.5]
    # names no reviewer decided on are counted per region-year (none reviewed but one),
    # by the brief's rule (reviews.unconfirmed, its ○ count) on the same table
    ry = pd.read_parquet(out(work) / "region_years.parquet").set_index(["region", "year"])
    w23, h23 = ry.loc[("weibin", 2023)], ry.loc[("hongqi", 2023)]
    assert w23["n_unconfirmed"] == w23["n_indicators"] - 1 == unconfirmed(df["review"])
    assert h23["n_unconfirmed"] == h23["n_indicators"] > 0
    incremental = outputs(work)
    panel.build(work, force=True)
    assert outputs(work) == incremental
    assert not list((work / "data" / "processed").glob(".panel*building"))


def test_regions_csv_changes_apply_without_reading_tables(proot, tmp_path):
    root, _ = proot
    work = tmp_path / "p"
    shutil.copytree(root, work)
    (work / "data/raw/regions.csv").write_text(
        "region,zh_name,city,province\nhongqi,红旗区,新乡市,河南省\n", encoding="utf-8")
    res = panel.build(work)  # an old regions.csv without `level` still works
    assert res.written and res.changed == []
    ry = pd.read_parquet(out(work) / "region_years.parquet").set_index(["region", "year"])
    assert ry.loc[("hongqi", 2023), "province"] == "河南省"
    assert pd.isna(ry.loc[("weibin", 2023), "level"])


def test_bad_level_is_an_input_error_naming_the_line(proot, tmp_path):
    root, _ = proot
    work = tmp_path / "p"
    shutil.copytree(root, work)
    before = outputs(work)
    (work / "data/raw/regions.csv").write_text(
        "region,zh_name,city,province,level\nweibin,卫滨区,新乡市,河南省,village\n",
        encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2 \(weibin\).*village"):
        panel.build(work)
    proc = rol("panel", "--root", work, check=2)
    assert "regions.csv, line 2" in proc.stderr and "Traceback" not in proc.stderr
    assert outputs(work) == before


def test_damaged_table_is_named(proot, tmp_path):
    root, _ = proot
    work = tmp_path / "p"
    shutil.copytree(root, work)
    bad = work / "data/processed/hongqi/2023/indicators.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(InputError, match="hongqi/2023/indicators.parquet") as exc:
        panel.build(work)
    assert "--region hongqi --year 2023 --force" in exc.value.message


def test_manifest_records_digests(proot):
    root, _ = proot
    manifest = json.loads((out(root) / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["region_years"]["weibin/2023"]
    assert re.fullmatch(r"[0-9a-f]{64}", entry["digest"])
    assert {"indicators", "mentions", "ratios", "validation", "report"} <= set(entry["files"])


def test_the_same_published_files_written_at_another_time_give_the_same_manifest(
        proot, tmp_path):
    # trial 25: two clean builds differed in manifest.json, which held the files' mtimes
    root, _ = proot
    work = tmp_path / "p"
    shutil.copytree(root, work)
    shutil.rmtree(work / ".rol-cache", ignore_errors=True)
    shutil.rmtree(out(work))
    for f in [*(work / "data/processed").rglob("*"), *(work / "reports").rglob("*")]:
        if f.is_file():
            os.utime(f, (1_000_000_000, 1_000_000_000))
    assert panel.build(work).written
    assert outputs(work) == outputs(root)
    # a touch with the same bytes: the stat cache moves, no output is rewritten
    manifest = out(work) / "manifest.json"
    when = manifest.stat().st_mtime_ns
    os.utime(work / "data/processed/weibin/2023/indicators.parquet")
    again = panel.build(work)
    assert not again.written and not again.changed
    assert manifest.stat().st_mtime_ns == when


# ------------------------------------------------------------ incremental, fragmented


@pytest.fixture(scope="module")
def many(proot, tmp_path_factory):
    """24 regions x 2 years (copies of weibin's published folders): several fragments."""
    root, _ = proot
    work = tmp_path_factory.mktemp("many")
    (work / "data" / "raw").mkdir(parents=True)
    lines = ["region,zh_name,city,province,level"]
    for i in range(24):
        slug = f"county-{i:02d}"
        lines.append(f"{slug},县{i:02d},合成市,合成{i % 3}省,county")
        for year in (2022, 2023):
            for top in ("data/processed", "reports"):
                shutil.copytree(root / top / "weibin" / str(year), work / top / slug / str(year))
    (work / "data/raw/regions.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    panel.build(work, xlsx=False)
    return work


def _duck(root, sql):
    import duckdb

    con = duckdb.connect(str(out(root) / "panel.duckdb"), read_only=True)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def test_a_changed_region_year_is_the_only_one_read_and_only_its_fragment_rewritten(
        many, tmp_path, monkeypatch):
    work = tmp_path / "m"
    shutil.copytree(many, work)
    frags = sorted((out(work) / "indicators.parquet").iterdir())
    assert len(frags) >= 3  # the fixture spans several fragments
    before = {p.name: p.stat().st_ino for p in frags}
    f = work / "data/processed/county-20/2023/indicators.parquet"
    df = pd.read_parquet(f)
    df.loc[df["indicator_id"] == RATE, "value"] = 93.0
    fileio.write_parquet(f, df)
    read = []
    real = panel._load_parquet
    monkeypatch.setattr(panel, "_load_parquet",
                        lambda con, table, files, *rest: read.append((table, sorted(files)))
                        or real(con, table, files, *rest))
    res = panel.build(work, xlsx=False)
    assert res.changed == ["county-20/2023"] and res.rewritten == 1
    assert read == [("indicators", [str(f)]),
                    ("mentions", [str(f.with_name("mentions.parquet"))])]
    after = {p.name: p.stat().st_ino for p in (out(work) / "indicators.parquet").iterdir()}
    rewritten = {n for n in after if after[n] != before.get(n)}
    assert rewritten == {"county-20+.parquet"}  # the others are the same files
    # the views see the change; everything equals a panel built from scratch
    q = ("SELECT region, year, value FROM indicators WHERE indicator_id = "
         f"'{RATE}' AND region = 'county-20'")
    assert _duck(work, q)["value"].tolist() == [100.0, 93.0]
    assert _duck(work, f'SELECT "{RATE}" FROM wide WHERE region = \'county-20\' '
                       "ORDER BY year")[RATE].tolist() == [100.0, 93.0]
    views = {v: _duck(work, f"SELECT * FROM {v}") for v in panel.VIEWS}
    incremental = outputs(work)
    panel.build(work, xlsx=False, force=True)
    assert outputs(work) == incremental
    for v, df in views.items():
        pd.testing.assert_frame_equal(df, _duck(work, f"SELECT * FROM {v}"), obj=v)


def test_a_deleted_region_year_disappears_from_the_panel_and_its_views(many, tmp_path):
    work = tmp_path / "m"
    shutil.copytree(many, work)
    for top in ("data/processed", "reports"):
        shutil.rmtree(work / top / "county-03" / "2022")
    for top in ("data/processed", "reports"):  # a whole region gone
        shutil.rmtree(work / top / "county-19")
    res = panel.build(work, xlsx=False)
    assert res.changed == [] and res.removed == ["county-03/2022", "county-19/2022",
                                                 "county-19/2023"]
    assert not (out(work) / "indicators.parquet" / "county-19+.parquet").exists()
    ind = pd.read_parquet(out(work) / "indicators.parquet")
    assert set(ind.loc[ind.region == "county-03", "year"]) == {2023}
    assert "county-19" not in set(ind["region"])
    per = len(pd.read_parquet(many / "data/processed/county-00/2023/indicators.parquet"))
    assert len(ind) == per * (48 - 3)
    for view in ("indicators", "mentions", "ratios", "region_years", "wide"):
        got = _duck(work, f"SELECT DISTINCT region, year FROM {view} "
                          "WHERE region IN ('county-03', 'county-19')")
        assert list(zip(got["region"], got["year"])) == [("county-03", 2023)], view
    n = _duck(work, "SELECT count(*) AS n FROM indicators")["n"][0]
    assert n == len(ind)


def test_regions_csv_change_rewrites_only_the_fragments_of_that_region(many, tmp_path):
    work = tmp_path / "m"
    shutil.copytree(many, work)
    csv_path = work / "data/raw/regions.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace(
        "county-21,县21,合成市,合成0省", "county-21,县21,合成市,河北省"), encoding="utf-8")
    res = panel.build(work, xlsx=False)
    assert res.changed == [] and res.rewritten == 1
    got = _duck(work, "SELECT DISTINCT province FROM region_years WHERE region = 'county-21'")
    assert got["province"].tolist() == ["河北省"]
    ind = pd.read_parquet(out(work) / "indicators.parquet",
                          filters=[("region", "==", "county-21")])
    assert set(ind["province"]) == {"河北省"}
    # a rename and a level (what a brief's regions table shows) likewise; a line for a
    # region with nothing published changes nothing
    with open(csv_path, "a", encoding="utf-8") as fh:
        fh.write("county-99,县99,合成市,合成0省,county\n")
    assert not panel.build(work, xlsx=False).written
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace(
        "county-21,县21,合成市,河北省,county", "county-21,二十一镇,合成市,河北省,township"),
        encoding="utf-8")
    res = panel.build(work, xlsx=False)
    assert res.changed == [] and res.rewritten == 1
    got = _duck(work, "SELECT DISTINCT region_name, level FROM region_years "
                      "WHERE region = 'county-21'")
    assert got.values.tolist() == [["二十一镇", "township"]]


def test_xlsx_beyond_the_size_limit_is_left_out_unless_asked(many, tmp_path, monkeypatch):
    work = tmp_path / "m"
    shutil.copytree(many, work)
    assert not (out(work) / "panel.xlsx").exists()  # built with xlsx=False
    monkeypatch.setattr(panel, "XLSX_AUTO_CELLS", 1000)
    res = panel.build(work)
    assert not (out(work) / "panel.xlsx").exists()
    assert "panel.xlsx not written" in res.summary() and "--xlsx" in res.summary()
    assert not panel.build(work).written  # the decision is remembered: a no-op
    res = panel.build(work, xlsx=True)
    assert res.written and res.changed == [] and (out(work) / "panel.xlsx").is_file()
    # a panel that changes without its xlsx drops the outdated one
    shutil.rmtree(work / "reports" / "county-05" / "2023")
    shutil.rmtree(work / "data/processed" / "county-05" / "2023")
    panel.build(work, xlsx=False)
    assert not (out(work) / "panel.xlsx").exists()


def test_an_empty_project_gives_an_empty_panel_with_its_columns(tmp_path):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    res = panel.build(tmp_path, xlsx=False)
    assert res.written and res.region_years == 0
    ind = pd.read_parquet(out(tmp_path) / "indicators.parquet")
    assert len(ind) == 0 and list(ind.columns) == panel.INDICATOR_COLUMNS
    assert _duck(tmp_path, "SELECT count(*) AS n FROM wide")["n"][0] == 0
    publish(tmp_path, "weibin", 2023)  # the first region-year replaces the empty part
    panel.build(tmp_path, xlsx=False)
    assert sorted(p.name for p in (out(tmp_path) / "indicators.parquet").iterdir()) == [
        "weibin+.parquet"]


def test_an_exclude_counts_as_reviewed_in_the_index_and_region_years_as_in_the_brief(
        tmp_path):
    """A report whose only decision is an exclude (the number left the tables; report.json
    keeps it under ``excluded``) is 'partly reviewed' in the index and the panel, as its
    brief's 已复核 1 … 排除 1 says, not 'not reviewed'; with every other number confirmed
    it is fully reviewed. Numbers are counted as the brief counts them (distinct
    char_start), so a shared value read by several names is one number."""
    from bs4 import BeautifulSoup

    from rol_analysis import render
    from rol_analysis.reviews import review_state

    (tmp_path / "data" / "raw").mkdir(parents=True)
    gone = {"char_start": 1, "text": "3件", "sentence": "某句。", "reviewer": "赵六",
            "note": "年份", "date": "2026-11-27"}
    for region in ("alpha", "beta", "gamma"):
        publish(tmp_path, region, 2023)
        proc = tmp_path / "data" / "processed" / region / "2023"
        if region == "gamma":
            continue  # nothing decided
        meta = json.loads((proc / "report.json").read_text(encoding="utf-8"))
        fileio.write_json(proc / "report.json", {**meta, "excluded": [gone]})
        if region == "beta":
            for name in ("mentions", "indicators"):
                df = pd.read_parquet(proc / f"{name}.parquet")
                fileio.write_parquet(proc / f"{name}.parquet", df.assign(review="confirm | 张三"))
    men = pd.read_parquet(tmp_path / "data/processed/alpha/2023/mentions.parquet")
    numbers = men["char_start"].nunique()
    assert numbers < len(men)  # the seed has shared values: rows are not numbers
    # the brief's rule on alpha's tables: 已复核 1 个数字（共 numbers + 1 个）
    assert review_state(numbers, 0, 1) == ("partly", 1, numbers + 1)

    soup = BeautifulSoup(render.write_index(tmp_path).read_text("utf-8"), "lxml")
    cells = {tr["data-name"].split()[-1]: tr.find_all("td")[6].get_text()
             for tr in soup.select("#briefs tbody tr")}
    assert cells["alpha"].startswith("部分审核 partly reviewed"), cells
    assert cells["beta"].startswith("已审核 reviewed"), cells
    assert cells["gamma"].startswith("未审核 not reviewed"), cells

    panel.build(tmp_path)
    ry = pd.read_parquet(out(tmp_path) / "region_years.parquet").set_index("region")
    assert ry.loc["alpha", "review_state"] == "partly" and ry.loc["alpha", "n_excluded"] == 1
    # n_reviewed counts what review_state counts, the brief's 已复核 N: numbers (a
    # shared value read by several names is one), the excluded one among them
    assert ry.loc["alpha", "n_reviewed"] == 1
    assert ry.loc["beta", "review_state"] == "fully" and ry.loc["beta", "n_excluded"] == 1
    assert ry.loc["beta", "n_reviewed"] == numbers + 1 == review_state(numbers, numbers, 1)[1]
    assert ry.loc["gamma", "n_reviewed"] == 0
    assert ry.loc["gamma", "review_state"] == "not_reviewed"
    assert ry.loc["gamma", "n_excluded"] == 0


def test_numbers_needing_a_new_indicator_are_counted_in_the_index_and_region_years(
        tmp_path):
    """The brief's header says 需新增指标 N (numbers a reviewer marked ``new``); the index
    and the panel's region_years said nothing of them (session 24). A number read two
    ways (two rows of one char_start) is one number, as the brief counts it."""
    from bs4 import BeautifulSoup

    from rol_analysis import render

    (tmp_path / "data" / "raw").mkdir(parents=True)
    for region in ("alpha", "beta"):
        publish(tmp_path, region, 2023)
    proc = tmp_path / "data/processed/alpha/2023"
    men = pd.read_parquet(proc / "mentions.parquet")
    twice = men["char_start"][men["char_start"].duplicated()].iloc[0]
    once = men["char_start"][~men["char_start"].duplicated(keep=False)].iloc[0]
    marked = men["char_start"].isin([twice, once])
    men.loc[marked, "review"] = "new | 李四 | 原读作 3 件 · 未归入指标 | 新指标 行政复议纠错数"
    men.loc[marked, "indicator_id"] = ""
    fileio.write_parquet(proc / "mentions.parquet", men)

    soup = BeautifulSoup(render.write_index(tmp_path).read_text("utf-8"), "lxml")
    cells = {tr["data-name"].split()[-1]: tr.find_all("td")[6].get_text()
             for tr in soup.select("#briefs tbody tr")}
    assert "需新增指标 2 2 needing a new indicator" in cells["alpha"], cells
    assert "需新增指标" not in cells["beta"], cells

    panel.build(tmp_path, xlsx=False)
    ry = pd.read_parquet(out(tmp_path) / "region_years.parquet").set_index("region")
    assert ry.loc["alpha", "n_new"] == 2 and ry.loc["beta", "n_new"] == 0
    assert ry.loc["alpha", "review_state"] == "partly"


@pytest.mark.parametrize("meta, kind, issuer", [
    ({"title": "区司法局关于2025年法治政府建设工作情况的报告"}, "department", None),
    ({"title": "鹤龙街2024年法治政府建设工作报告", "issuer": "鹤龙街道办事处"}, "township",
     "township"),
    ({"title": "重庆市铜梁区2024年法治政府建设工作报告"}, "government", None),
    # trial 5 F15: the seed, a district's report signed by its 司法局, said issuer_kind
    # government beside the issuer 新乡市卫滨区司法局
    ({"title": "2023 年度卫滨区法治政府建设工作情况 专项报告", "issuer": "新乡市卫滨区司法局"},
     "government", "department"),
    ({"title": "固始县人民政府关于2023年法治政府建设情况的报告", "issuer": "固始县人民政府"},
     "government", "government"),
])
def test_region_years_carry_whose_report_it_is_and_the_kind_of_its_issuer(tmp_path, meta,
                                                                          kind, issuer):
    """Trial 3, item 8f: a 司法局's report sat in the panel like a district's
    (report_kind). Trial 5 F15: issuer_kind is the signer's kind, from the issuer's name:
    a 司法局 is a department, also where it signs its government's report."""
    report = tmp_path / "report.json"
    report.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    row = panel._region_year_row("x", 2025, {"report": [report]}, True)
    assert (row["report_kind"], row["issuer_kind"]) == (kind, issuer)
    for column in ("report_kind", "issuer_kind"):
        assert column in panel.REGION_YEAR_COLUMNS and panel.ZH[column]
    assert panel.ZH["report_kind"] != panel.ZH["issuer_kind"]


def test_every_name_confirmed_with_other_numbers_undecided_is_partly_reviewed_everywhere(
        tmp_path):
    """Trial 5 F15: gushi/2023, every indicator's name confirmed (○ 0), said 部分审核 in
    the index and the panel while data/reviews/README called that fully reviewed, and the
    brief gave counts only. One rule (reviews.review_state: every number decided, the
    unnamed ones too) and one label: the brief's header names the state as the index and
    the panel do, and the index says how many numbers are decided; with the rest
    confirmed too, all three say reviewed."""
    from bs4 import BeautifulSoup

    from rol_analysis import brief, layout, render

    (tmp_path / "data" / "raw").mkdir(parents=True)
    # two numbers no indicator names (every number of the seed has a name)
    text = SEED.read_text(encoding="utf-8") + "\n全区共有社区图书角17个，开放时间延长2小时。\n"
    counts = {}
    for region in ("alpha", "beta"):
        publish(tmp_path, region, 2023, text)
        proc = tmp_path / "data" / "processed" / region / "2023"
        men = pd.read_parquet(proc / "mentions.parquet")
        named = men["indicator_id"].fillna("") != ""
        decided = named if region == "alpha" else named | ~named
        fileio.write_parquet(proc / "mentions.parquet",
                             men.assign(review=["confirm | 张三" if d else "" for d in decided]))
        ind = pd.read_parquet(proc / "indicators.parquet")
        fileio.write_parquet(proc / "indicators.parquet", ind.assign(review="confirm | 张三"))
        numbers = men["char_start"].nunique()
        counts[region] = (men.loc[decided, "char_start"].nunique(), numbers)
    done, numbers = counts["alpha"]
    assert 0 < done < numbers  # the seed states numbers no indicator names

    soup = BeautifulSoup(render.write_index(tmp_path).read_text("utf-8"), "lxml")
    cells = {tr["data-name"].split()[-1]: tr.find_all("td")[6]
             for tr in soup.select("#briefs tbody tr")}
    assert cells["alpha"].get_text().startswith("部分审核 partly reviewed")
    assert cells["alpha"].select_one(".decided-count").get_text() == (
        f"{done}/{numbers} 个数字已决定 {done} of {numbers} numbers decided")
    assert cells["alpha"].select_one(".unconfirmed-count").get_text().startswith("0 个")
    assert cells["beta"].get_text().startswith("已审核 reviewed")
    assert cells["beta"].select_one(".decided-count") is None

    panel.build(tmp_path, xlsx=False)
    ry = pd.read_parquet(out(tmp_path) / "region_years.parquet").set_index("region")
    assert ry.loc["alpha", ["review_state", "n_reviewed", "n_unconfirmed"]].tolist() == [
        "partly", done, 0]
    assert ry.loc["beta", ["review_state", "n_reviewed"]].tolist() == ["fully", numbers]

    for region, label in (("alpha", "部分审核 partly reviewed"), ("beta", "已审核 reviewed")):
        head = BeautifulSoup(brief.Brief(layout.build_paths(tmp_path, region, 2023))
                             .header().data, "lxml").select_one("dl").get_text()
        d, n = counts[region]
        assert f"{label} · 已复核 {d} 个数字（共 {n} 个）" in head, head
        assert "指标名称均经复核" in head


# ----------------------------------------------- trial 27: a researcher using only the panel


def _data_readme() -> str:
    return (REPO / "data" / "processed" / "README.md").read_text(encoding="utf-8")


def _draw(code: str, ns: dict) -> list[str]:
    """Run ``code`` (a README's chart example) from matplotlib's defaults and return the
    missing-glyph warnings it caused (what a reader sees as boxes)."""
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcdefaults()  # another test may have set the font already
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(code, ns)  # noqa: S102 - the README's own example
        plt.gcf().canvas.draw()
    plt.close("all")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_readme_chart_examples_draw_chinese_labels_from_the_panel(proot, monkeypatch):
    """Trial 27 (6): Chinese labels came out as boxes with 70 'Glyph … missing' warnings;
    the fix, fonts.use_in_matplotlib(), was only in the source. Both READMEs' chart
    examples, run as written from a project root, draw without a missing glyph; the same
    chart without the font call would not."""
    root, _ = proot
    monkeypatch.chdir(root)
    long = re.search(r"```python\n(.*?)```", _data_readme().split("Charts with Chinese")[1],
                     re.S).group(1)
    assert "fonts.use_in_matplotlib()" in long
    assert _draw(long.replace("fonts.use_in_matplotlib()", ""), {})  # boxes without it
    ns: dict = {}
    assert _draw(long, ns) == []
    assert (root / "reconsideration.png").stat().st_size > 0
    assert set(ns["table"].columns) == {2022, 2023} and ns["table"].notna().any().all()
    (root / "reconsideration.png").unlink()

    blocks = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text("utf-8"), re.S)
    short = next(b for b in blocks if "use_in_matplotlib" in b)
    ns = {}
    exec(blocks[0], ns)  # noqa: S102 - the README's pandas line gives `rates`
    assert _draw(short, ns) == []


def test_wide_is_the_documented_pivot_of_indicators_and_says_where_units_are(proot):
    """Trial 27 (5): `wide` keeps the value alone (400余人次 is 400.0, 人 and 人次 share a
    column) and said so nowhere. Its view comment and data/processed/README.md say it,
    and the README's long -> wide rule gives exactly the view's numbers."""
    root, _ = proot
    comment = _duck(root, "SELECT comment FROM duckdb_views() WHERE view_name = 'wide'")
    text = comment["comment"][0]
    for word in ("unit", "qualifier", "人次", "400余人次", "indicators"):
        assert word in text, word
    rule = re.search(r"`(indicators\.pivot\(.*?\))`", _data_readme(), re.S).group(1)
    indicators = pd.read_parquet(out(root) / "indicators.parquet")
    pivot = eval(rule.replace("\n", " "), {"indicators": indicators})  # noqa: S307
    wide = _duck(root, "SELECT * FROM wide").set_index(["region", "year"])
    at_least = indicators[indicators["qualifier"] == "at_least"].iloc[0]
    key = (at_least["region"], at_least["year"])
    assert wide.loc[key, at_least["indicator_id"]] == at_least["value"]  # no qualifier
    for (region, year), row in pivot.iterrows():
        got = wide.loc[(region, year), list(pivot.columns)]
        assert got.astype(float).equals(row.astype(float)), (region, year)
    assert pd.isna(wide.loc[("hongqi", 2022)].iloc[3:]).all()  # kept, without tables


def test_mentions_carry_candidates_and_both_tables_a_reviewed_flag(tmp_path):
    """Trial 27 (8, 10): a reviewer's decision was free text only (confirm | 某人) and the
    tie candidates of mentions.csv were missing from the panel. ``reviewed`` is a boolean
    (confirm, set, add or new; never NULL), ``n_unconfirmed`` counts the indicators
    rows without it, and ``candidates`` comes through as mentions.csv has it."""
    (tmp_path / "data" / "raw").mkdir(parents=True)
    publish(tmp_path, "alpha", 2023)
    proc = tmp_path / "data/processed/alpha/2023"
    men = pd.read_parquet(proc / "mentions.parquet")
    marks = ["confirm | 张三", "set | 张三 | 原读作 23 件 · 未归入指标",
             "new | 李四 | 原读作 3 件 · 未归入指标 | 新指标 行政复议纠错数", ""]
    men["review"] = [marks[i % 4] for i in range(len(men))]
    men["candidates"] = ["a_one|b_two" if i == 3 else "" for i in range(len(men))]
    fileio.write_parquet(proc / "mentions.parquet", men)
    ind = pd.read_parquet(proc / "indicators.parquet")
    ind["review"] = ["add | 王五" if i % 2 else "" for i in range(len(ind))]
    fileio.write_parquet(proc / "indicators.parquet", ind)
    panel.build(tmp_path, xlsx=False)

    pm = pd.read_parquet(out(tmp_path) / "mentions.parquet")
    assert pm["reviewed"].dtype == bool
    assert list(pm["reviewed"]) == [i % 4 != 3 for i in range(len(men))]
    assert list(pm["candidates"].fillna("")) == list(men["candidates"])
    pi = pd.read_parquet(out(tmp_path) / "indicators.parquet")
    assert list(pi["reviewed"]) == [bool(i % 2) for i in range(len(ind))]
    ry = pd.read_parquet(out(tmp_path) / "region_years.parquet")
    assert ry["n_unconfirmed"][0] == (~pi["reviewed"]).sum() == unconfirmed(ind["review"])
    assert _duck(tmp_path, "SELECT count(*) AS n FROM mentions WHERE NOT reviewed")["n"][0] \
        == len(men) // 4


def _documented_types() -> dict[str, str]:
    """data/processed/README.md's column types table: column -> parquet type."""
    part = _data_readme().split("Column types")[1].split("\n\n")[1]
    types = {}
    for line in part.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        for col in re.findall(r"`(\w+)`", cells[2]):
            assert col not in types, f"{col} documented twice"
            types[col] = cells[0].split()[0]
    return types


def test_every_panel_column_has_its_documented_type(proot):
    """Trial 27 (11): no dtypes were documented. Every column of every panel table is in
    data/processed/README.md's type table with the type its parquet files have, and
    the documented level values are regions.csv's (department was missing)."""
    import pyarrow.parquet as pq

    from rol_analysis.regions import LEVELS

    root, _ = proot
    types = _documented_types()
    names = {"string": "string", "double": "double", "int64": "int64", "bool": "bool"}
    seen = set()
    for table in panel.TABLES:
        schema = pq.read_schema(next((out(root) / f"{table}.parquet").glob("*.parquet")))
        for field in schema:
            assert field.name in types, f"{table}.{field.name} undocumented"
            assert names[types[field.name]] == str(field.type), (table, field.name)
            seen.add(field.name)
    assert set(types) == seen  # nothing documented that the panel does not have
    values = _data_readme().split("\nValues:")[1].split("\n- `validation`")[0]
    for level in LEVELS:
        assert f"`{level}`" in values, level


def test_region_years_give_the_raw_file_the_offsets_index(tmp_path):
    """Trial 27 (7): region_years.source_file was just 2023.txt. source_path is the raw
    file relative to the project, and char_start/char_end of the panel's rows index it."""
    raw = tmp_path / "data" / "raw" / "alpha" / "2023.txt"
    raw.parent.mkdir(parents=True)
    shutil.copy(SEED, raw)
    proc = tmp_path / "data" / "processed" / "alpha" / "2023"
    extract_to(raw, proc, region="alpha", year=2023)
    fileio.write_json(tmp_path / "reports/alpha/2023/validation.json",
                      {"success": True, "failures": [], "warnings": []})
    panel.build(tmp_path, xlsx=False)
    ry = pd.read_parquet(out(tmp_path) / "region_years.parquet")
    assert list(ry["source_path"]) == ["data/raw/alpha/2023.txt"]
    text = (tmp_path / ry["source_path"][0]).read_text(encoding="utf-8")
    ind = pd.read_parquet(out(tmp_path) / "indicators.parquet")
    assert len(ind) and all(text[a:b] == t for a, b, t in
                            zip(ind["char_start"], ind["char_end"], ind["text"]))
