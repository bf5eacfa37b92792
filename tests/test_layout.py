import datetime as dt

import pytest

from rol_analysis import layout
from rol_analysis.exceptions import InputError, UsageError


@pytest.mark.parametrize("region", ["../../etc", "Weibin", "wei bin", "", "a/b", "-x", "卫滨"])
def test_bad_region_slugs_are_refused(region):
    with pytest.raises(UsageError, match="region slug"):
        layout.check_region(region)


@pytest.mark.parametrize("year", ["2023; import os", 1899, "1999", dt.date.today().year + 2,
                                  "20233", "23", "2023.0", None])
def test_bad_years_are_refused(year):
    with pytest.raises(UsageError, match="four-digit year"):
        layout.check_year(year)


def test_good_parameters_pass():
    assert layout.check_region("xinxiang-2") == "xinxiang-2"
    assert layout.check_year("2023") == 2023
    assert layout.check_year(dt.date.today().year + 1) == dt.date.today().year + 1


def test_raw_file_lookup(root):
    paths = layout.build_paths(root, "weibin", 2023)
    assert paths.raw == root / "data" / "raw" / "weibin" / "2023.txt"
    # staging lives in the cache folder, never beside the published outputs
    assert paths.processed.is_relative_to(root / ".rol-cache" / "stage")
    assert paths.report.is_relative_to(root / ".rol-cache" / "stage")
    staged = layout.build_paths(root, "weibin", 2023, stage=".rol-cache/stage/b1")
    assert staged.processed == root / ".rol-cache/stage/b1/data/processed/weibin/2023"
    assert staged.tables == staged.processed_final  # nothing validated in the stage yet
    with pytest.raises(UsageError, match="rol list"):
        _ = layout.build_paths(root, "weibin", 2022).raw
    (root / "data" / "raw" / "weibin" / "2023.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="several raw reports"):
        _ = layout.build_paths(root, "weibin", 2023).raw


def test_raw_files_are_year_named_report_files_only(root):
    """One listing for the build, the filing checks and `rol remove`: a folder named
    like a report, a backup copy or another format is no raw report."""
    raw = root / "data" / "raw" / "weibin"
    (raw / "2022.txt").mkdir()
    (raw / "2023.old.txt").write_text("x", encoding="utf-8")
    (raw / "2023.doc").write_bytes(b"x")
    (raw / "2021.PDF").write_bytes(b"%PDF-1.4")
    assert layout.raw_files(raw) == [raw / "2021.PDF", raw / "2023.txt"]
    assert layout.raw_files(raw, 2023) == [raw / "2023.txt"]
    assert layout.raw_files(raw, 2022) == []
    assert layout.raw_files(raw, 2022, folders=True) == [raw / "2022.txt"]
    assert layout.raw_files(raw.parent / "nowhere", 2023) == []
    # a backup copy beside the report does not make two reports of 2023
    assert layout.build_paths(root, "weibin", 2023).raw == raw / "2023.txt"


def test_packaged_resources_are_found_without_a_local_copy(root):
    nb = layout.resource_dir(root, "notebooks")
    assert (nb / "01_clean.ipynb").is_file()
    local = root / "notebooks"
    local.mkdir()
    assert layout.resource_dir(root, "notebooks") == local
