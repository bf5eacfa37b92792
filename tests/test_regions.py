"""regions.csv: one reader, every problem named with its file and line (exit 2)."""

from __future__ import annotations

import pytest
from conftest import rol_here, tree_bytes

from rol_analysis import regions
from rol_analysis.exceptions import InputError

GOOD = "region,zh_name,city,province\nweibin,卫滨区,新乡市,河南省\nhongqi,红旗区,新乡市,河南省\n"


def _csv(tmp_path, data: bytes):
    path = tmp_path / "regions.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_read_in_the_encodings_excel_and_wps_save(tmp_path, encoding):
    rows = regions.read(_csv(tmp_path, GOOD.encode(encoding)))
    assert list(rows) == ["weibin", "hongqi"]
    assert rows["hongqi"]["zh_name"] == "红旗区" and rows["hongqi"]["line"] == 3


@pytest.mark.parametrize("text, where, problem", [
    (GOOD + "weibin,卫滨,新乡市,河南省\n", "lines 2 and 4", "appears twice"),
    ("region,zh_name\nweibin,\"卫滨区\nhongqi,红旗区\n", "line 2", "quote"),
    ("slug,name\nweibin,卫滨区\n", "line 1", "lacks the columns"),
    ("region,zh_name\nWei Bin,卫滨区\n", "line 2", "not a region slug"),
])
def test_problems_name_the_line_and_the_fix(tmp_path, text, where, problem):
    path = _csv(tmp_path, text.encode())
    with pytest.raises(InputError) as err:
        regions.read(path)
    assert f"{path}, {where}" in err.value.message and problem in err.value.message


HEAD5 = "region,zh_name,city,province,level\n"


@pytest.mark.parametrize("row, problem", [
    # trial 4: full-width commas read the whole row into zh_name
    ("liwan,荔湾区，广州市，广东省，county", "zh_name cell '荔湾区，广州市，广东省，county' "
                                       "contains the full-width comma '，'"),
    # trial 4: a comma missing between city and province shifts the level into province
    ("liwan,荔湾区,广州市广东省,county", "city cell '广州市广东省' holds a province's name"),
    ("liwan,荔湾区,广州市county", "city cell '广州市county' holds the level 'county'"),
    ("liwan,荔湾区广州市广东省,county", "city cell 'county' holds the level 'county'"),
    ("liwan,荔湾区,广州市,county,", "province cell 'county' holds the level 'county'"),
    ("liwan,荔湾区,广州市,荔湾,county", "province cell '荔湾' is not a province-level name"),
    # trial 5 F13: a province shifted into the city cell is no missing comma
    ("liwan,荔湾区,广东省,,county", "city cell '广东省' is a province's name; the province "
                                 "goes in the next cell"),
    ("liwan,桂林市,广西壮族自治区,,city", "city cell '广西壮族自治区' is a province's name; "
                                     "the province goes in the next cell"),
    ("liwan,县级,广州市,广东省,", "zh_name cell '县级' holds the level '县级'"),
])
def test_a_mistyped_row_is_refused_naming_line_and_fix(tmp_path, row, problem):
    path = _csv(tmp_path, (HEAD5 + "haizhu,海珠区,广州市,广东省,county\n" + row + "\n").encode())
    with pytest.raises(InputError) as err:
        regions.read(path)
    assert f"{path}, line 3 (liwan): " in err.value.message, err.value.message
    assert problem in err.value.message, err.value.message
    assert "save again" in err.value.message


@pytest.mark.parametrize("row", [
    "liwan,荔湾区,,,",  # unknown city, province and level: empty cells
    "liwan,荔湾区,广州市,广东省",  # written without the level: unknown, as documented
    "chaoyang-bj,朝阳区,北京市,北京市,county",  # a municipality is city and province
    "xinxiang-city,新乡市,新乡市,河南,city",  # a province without its 省
    "hulun,呼伦贝尔市,,内蒙古自治区,city",
    "kowloon,九龙城区,,香港特别行政区,",
])
def test_rows_with_empty_or_short_province_names_are_read(tmp_path, row):
    rows = regions.read(_csv(tmp_path, (HEAD5 + row + "\n").encode()))
    assert len(rows) == 1


def test_an_old_file_without_the_level_column_still_works(tmp_path):
    rows = regions.read(_csv(tmp_path, GOOD.encode()))
    assert rows["weibin"]["province"] == "河南省" and rows["weibin"]["level"] == ""


def test_build_with_a_broken_regions_csv_exits_2_before_building(root):
    (root / "data/raw/regions.csv").write_text(GOOD + "weibin,卫滨,新乡市,河南省\n",
                                               encoding="utf-8")
    before = tree_bytes(root)
    proc = rol_here("build", "--region", "weibin", "--year", "2023", "--root", root, "-q")
    assert proc.returncode == 2, proc
    assert "regions.csv, lines 2 and 4" in proc.stderr and "Traceback" not in proc.stderr
    assert tree_bytes(root) == before


def test_gbk_regions_csv_fills_the_slug_in_extract(root, tmp_path):
    (root / "data/raw/regions.csv").write_bytes(GOOD.encode("gbk"))
    out = tmp_path / "out"
    proc = rol_here("extract", root / "data/raw/weibin/2023.txt", "--out", out, check=0)
    assert "UnicodeDecodeError" not in proc.stderr
    assert '"region": "weibin"' in (out / "report.json").read_text(encoding="utf-8")


def test_find_for_looks_in_the_files_own_data_raw(tmp_path):
    project = tmp_path / "p"
    (project / "data/raw/weibin").mkdir(parents=True)
    (project / "data/raw/regions.csv").write_text(GOOD, encoding="utf-8")
    assert regions.find_for(project / "data/raw/weibin/2023.txt") == \
        project / "data/raw/regions.csv"
    assert regions.find_for(tmp_path / "2023.txt") is None


@pytest.mark.parametrize("word, level", [("乡级", "township"), ("镇", "township"),
                                         ("街道", "township"), ("部门", "department"),
                                         ("department", "department"),
                                         # trial 5 F13: the English words a user writes
                                         ("town", "township"), ("Town", "township"),
                                         ("district", "county")])
def test_township_and_department_levels_are_accepted(tmp_path, word, level):
    path = _csv(tmp_path, f"region,zh_name,city,province,level\nhelong,鹤龙街道,广州市,广东省,"
                          f"{word}\n".encode())
    assert regions.read(path)["helong"]["level"] == level


def test_list_with_a_bad_regions_csv_exits_2_saying_it_once(root):
    (root / "data/raw/weibin/2024.txt").write_bytes((root / "data/raw/weibin/2023.txt")
                                                     .read_bytes())
    (root / "data/raw/regions.csv").write_text(
        "region,zh_name,city,province,level\nweibin,卫滨区,新乡市,河南省,village\n",
        encoding="utf-8")
    proc = rol_here("list", "--root", root)
    assert proc.returncode == 2, proc
    assert proc.stderr.count("level 'village' is not one of") == 1
    assert "line 2 (weibin)" in proc.stderr and "township, department" in proc.stderr
    assert "weibin/2023" not in proc.stdout
    # the batch build's own check: the same message
    built = rol_here("build", "--all", "--root", root)
    assert (built.returncode, built.stderr) == (2, proc.stderr)


def test_a_region_renamed_between_years_is_named_with_the_fix(tmp_path):
    """Trial 3, item 1: this year's report filed under a new slug with the same name
    split the series silently. Same-name places in another city stay quiet."""
    raw = tmp_path / "data/raw"
    for slug, year in (("tongliang", 2024), ("tongliang-qu", 2025), ("xincheng", 2024),
                       ("xincheng-hh", 2025)):
        (raw / slug).mkdir(parents=True, exist_ok=True)
        (raw / slug / f"{year}.txt").write_text(f"{slug}{year}", encoding="utf-8")
    (raw / "regions.csv").write_text(
        "region,zh_name,city,province,level\ntongliang,铜梁区,重庆市,重庆市,county\n"
        "tongliang-qu,铜梁区,重庆市,重庆市,county\nxincheng,新城区,西安市,陕西省,county\n"
        "xincheng-hh,新城区,呼和浩特市,内蒙古自治区,county\n", encoding="utf-8")
    (tmp_path / "data/processed/tongliang/2025").mkdir(parents=True)  # published, raw gone
    proc = rol_here("list", "--root", tmp_path)
    assert proc.returncode == 0, proc
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, warnings
    w = warnings[0]
    assert w.startswith("warning: tongliang and tongliang-qu: regions.csv names both 铜梁区")
    assert "tongliang: 2024 (published, raw report gone: 2025); tongliang-qu: 2025" in w
    assert "move data/raw/tongliang/<year>.* and data/reviews/tongliang/*" in w
    assert "`rol remove --region tongliang --year <year>` for each of 2024, 2025" in w
    # a report of one year under each slug: two issuers of one name, not a rename
    (raw / "tongliang-qu/2024.txt").write_text("other issuer", encoding="utf-8")
    assert "warning:" not in rol_here("list", "--root", tmp_path).stdout


@pytest.mark.parametrize(("kind", "other", "same"), [
    ("county", "county", True),
    ("county", "government", True),  # a government's title does not tell its tier
    ("city", "government", True),
    ("county", "city", False),
    ("government", "township", False),
    ("department", "government", False),  # a 司法局's report beside a district's
    ("township", "department", False),
    (None, "township", True),  # unknown: no difference is claimed
    ("county", None, True),
])
def test_same_kind_tells_which_figures_the_regions_table_marks(kind, other, same):
    assert regions.same_kind(kind, other) is same
    assert regions.same_kind(other, kind) is same


HEAD6 = "region,zh_name,city,province,level,compare\n"


@pytest.mark.parametrize("cell, compare", [("same-city", "same-city"), ("同市", "same-city"),
                                           ("同省", "same-province"), ("all", ""), ("", "")])
def test_the_compare_column_reads_its_words(tmp_path, cell, compare):
    rows = regions.read(_csv(tmp_path, (HEAD6 + f"weibin,卫滨区,新乡市,河南省,county,{cell}\n"
                                        ).encode()))
    assert rows["weibin"]["compare"] == compare


@pytest.mark.parametrize("row, problem", [
    # a level word: a level shifted one cell to the right would read as a limit
    ("weibin,卫滨区,新乡市,河南省,county,city", "compare 'city' is not one of"),
    ("weibin,卫滨区,,河南省,county,same-city", "the city cell is empty"),
    ("weibin,卫滨区,,,county,same-city", "the city and province cells are empty"),
    ("weibin,卫滨区,新乡市,,county,同省", "the province cell is empty"),
])
def test_a_compare_cell_that_cannot_be_applied_is_refused_naming_the_line(tmp_path, row,
                                                                           problem):
    path = _csv(tmp_path, (HEAD6 + row + "\n").encode())
    with pytest.raises(InputError) as err:
        regions.read(path)
    assert f"{path}, line 2 (weibin)" in err.value.message, err.value.message
    assert problem in err.value.message and "compare" in err.value.message


def test_compared_with_keeps_the_regions_of_the_rows_city_or_province(tmp_path):
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    rows = ("hongqi,红旗区,新乡市,河南省,county,\ngushi,固始县,信阳市,河南省,county,\n"
            "jinghai,静海区,天津市,天津市,county,\nxinxiang,新乡县,新乡市,,county,\n")
    slugs = ["hongqi", "gushi", "jinghai", "xinxiang", "unlisted"]
    for compare, kept in (("", slugs), ("same-province", ["hongqi", "gushi"]),
                          ("same-city", ["hongqi"])):
        (raw / "regions.csv").write_text(
            HEAD6 + f"weibin,卫滨区,新乡市,河南省,county,{compare}\n" + rows, encoding="utf-8")
        assert regions.compared_with(tmp_path, "weibin", slugs) == kept, compare
