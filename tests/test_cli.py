"""The rol command as a user meets it: parameters, exit codes, messages."""

import pytest
from conftest import rol, tree_bytes


@pytest.mark.parametrize("args", [
    ["--region", "../../etc", "--year", "2023"],
    ["--region", "weibin", "--year", "2023; import os"],
    ["--region", "weibin", "--year", "1899"],
    ["--region", "weibin", "--year", "2022"],          # no raw file
    ["--region", "nowhere", "--year", "2023"],
    ["--region", "weibin"],                            # year missing
    ["--jobs", "0", "--all"],
])
def test_bad_build_parameters_exit_2_and_write_nothing(root, args):
    before = tree_bytes(root)
    proc = rol("build", "--root", root, "--quiet", *args)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip()
    assert tree_bytes(root) == before
    assert not (root / "reports").exists() and not (root / "data" / "processed").exists()


def test_root_without_data_raw_is_a_usage_error(tmp_path):
    proc = rol("build", "--all", "--root", tmp_path)
    assert proc.returncode == 2
    assert "data/raw" in proc.stderr and "--root" in proc.stderr


def test_list_shows_region_years_and_status(root):
    proc = rol("list", "--root", root, check=0)
    assert "weibin/2023" in proc.stdout and "not built" in proc.stdout


def test_help_and_version():
    assert "build" in rol("--help", check=0).stdout
    assert rol("--version", check=0).stdout.startswith("rol, version")
