"""A project's own catalogue: ``<root>/catalogue/*.toml`` extends the packaged one, for
every command of that root, and a broken extension stops them before anything is
written (trial 26: the analyst edited the package's files, and a broken catalogue was
caught per region-year, after the index and the panel's manifest were rewritten)."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from conftest import SEED, make_root, rol_here, tree_bytes

from rol_analysis import catalogue, suites
from rol_analysis.cli import main

#: 瑞州市's wording (trial 26's 帮办代办), added to the seed after its 一件事 sentence
SENTENCE = "全年提供帮办代办服务事项3150件，办结帮办代办事项3098件，帮办代办办结率98.3%。"

EXTENSION = """# 瑞州市's own indicators, on top of the packaged catalogue
[[indicator]]
id = "help_agency_cases"
section = "functions"
zh_name = "帮办代办服务件数"
en_name = "Help-and-agency service cases"
kind = "count"
units = ["件"]
min = 0
max = 1000000
patterns = ['帮办代办服务事项#']

[[indicator]]
id = "help_agency_closed"
section = "functions"
zh_name = "帮办代办办结件数"
en_name = "Help-and-agency cases closed"
kind = "count"
units = ["件"]
min = 0
max = 1000000
patterns = ['办结帮办代办事项#']

[[indicator]]
id = "help_agency_closure_rate"
section = "functions"
zh_name = "帮办代办办结率"
en_name = "Help-and-agency closure rate"
kind = "rate"
units = ["%"]
min = 0
max = 100
patterns = ['帮办代办办结率#']

[[relation]]
id = "help_agency_closure"
type = "ratio"
zh_name = "帮办代办办结率"
en_name = "Help-and-agency closure rate"
rate = "help_agency_closure_rate"
numerator = "help_agency_closed"
denominator = "help_agency_cases"

[[alias]]
indicator = "emergency_drills"
measure = "应急演练数"
units = ["场"]
patterns = ['组织应急演练#']
"""


@pytest.fixture(autouse=True)
def _own_environment(monkeypatch):
    # load() reads the project root from the environment: none leaks into other tests
    monkeypatch.delenv(catalogue.ROOT_ENV, raising=False)


def _project(path, extension=EXTENSION):
    text = SEED.read_text(encoding="utf-8")
    at = text.index("。", text.index("2520件")) + 1
    root = make_root(path, {("weibin", 2023): (text[:at] + SENTENCE + text[at:]).encode()})
    (root / "catalogue").mkdir()
    (root / "catalogue" / "ruizhou.toml").write_text(extension, encoding="utf-8")
    return root


def test_an_extension_adds_indicators_relations_and_aliases(tmp_path, monkeypatch):
    root = _project(tmp_path / "p")
    packaged = catalogue.load()
    monkeypatch.setenv(catalogue.ROOT_ENV, str(root))
    cat = catalogue.load()
    assert set(cat.indicators) - set(packaged.indicators) == {
        "help_agency_cases", "help_agency_closed", "help_agency_closure_rate"}
    assert [r.id for r in cat.relations][-1] == "help_agency_closure"
    drills = cat.indicator("emergency_drills")
    assert drills.patterns[-1] == "组织应急演练#" and "场" in drills.units
    assert packaged.indicator("emergency_drills").patterns[-1] != "组织应急演练#"
    assert cat.extensions == (str(root / "catalogue" / "ruizhou.toml"),)
    # the effective catalogue has its own digest; without extension, the packaged file's
    assert catalogue.digest() != catalogue.digest(tmp_path) == catalogue.digest(tmp_path / "x")
    assert "+ catalogue/ruizhou.toml · SHA-256 " + catalogue.digest()[:12] in \
        catalogue.describe()


def _header_line(text, header, n=1):
    return [i for i, x in enumerate(text.splitlines(), 1) if x == header][n - 1]


#: (edit of the extension, the entry's header (n-th), words of the message)
BROKEN = [
    # a packaged id taken again: the package's own entry would be shadowed
    (lambda t: t.replace('id = "help_agency_closed"', 'id = "legal_aid_cases"'),
     ("[[indicator]]", 2), "indicator 'legal_aid_cases': redefines the packaged indicator"),
    (lambda t: t.replace('indicator = "emergency_drills"', 'indicator = "emergency_drils"'),
     ("[[alias]]", 1), "names unknown indicator 'emergency_drils'"),
    # trial 26 m2 and m3: caught per region-year, or not at all
    (lambda t: t.replace("patterns = ['办结帮办代办事项#']", "patterns = ['办结帮办代办事项']"),
     ("[[indicator]]", 2), "pattern '办结帮办代办事项' has no '#'"),
    (lambda t: t.replace('units = ["件"]', 'units = ["周"]', 1),
     ("[[indicator]]", 1), "unit '周' is not a counting word the extractor reads"),
    (lambda t: t.replace("patterns = ['组织应急演练#']", "patterns = ['组织应急演练']"),
     ("[[alias]]", 1), "alias of 'emergency_drills': pattern '组织应急演练' has no '#'"),
    (lambda t: t.replace('denominator = "help_agency_cases"', 'denominator = "help_cases"'),
     ("[[relation]]", 1), "names unknown indicator 'help_cases'"),
    (lambda t: t + "\n[[section]]\nid = 'services'\n", None, "has a table 'section'"),
    (lambda t: t.replace("[[alias]]", "[alias]"), None, "has 'alias' as one table"),
    (lambda t: t.replace('kind = "rate"', 'kind = "rate'), None, "is not valid TOML"),
    # entries that are not tables: one was skipped silently, the other an internal error
    (lambda t: "alias = [1, 2]\n" + t[:t.index("[[alias]]")], None,
     "entry 1 of [[alias]] is not a table (1)"),
    (lambda t: "indicator = ['x']\n" + t[:t.index("[[indicator]]")], None,
     "entry 1 of [[indicator]] is not a table ('x')"),
]


@pytest.mark.parametrize("edit, header, words", BROKEN)
def test_a_broken_extension_stops_every_command_before_anything_is_written(
        tmp_path, edit, header, words):
    root = _project(tmp_path / "p", edit(EXTENSION))
    ext = root / "catalogue" / "ruizhou.toml"
    where = str(ext) if header is None else f"{ext}:{_header_line(ext.read_text(), *header)}: "
    before = tree_bytes(root)
    for command in (["catalogue", "check"], ["catalogue", "suites"], ["list"],
                    ["build", "--all"], ["validate", "--all"],
                    ["review", "--region", "weibin", "--year", "2023"]):
        result = CliRunner().invoke(main, [*command, "--root", str(root)])
        assert result.exit_code == 2, (command, result.output)
        line = next(x for x in result.output.splitlines() if words in x)
        assert where in line and "Fix:" in line, (command, line)
        assert "Traceback" not in result.output
        # nothing written: no suites, input-error.json, index, panel, cache of a run
        assert tree_bytes(root) == before, command
        assert not (root / ".rol-cache" / "input-errors").exists()


def test_unknown_units_are_listed_in_the_message(tmp_path):
    root = _project(tmp_path / "p", EXTENSION.replace('units = ["件"]', 'units = ["周"]', 1))
    result = CliRunner().invoke(main, ["catalogue", "check", "--root", str(root)])
    from rol_analysis.mentions import UNITS

    line = next(x for x in result.output.splitlines() if "'周'" in x)
    assert "rol_analysis.mentions" not in line
    assert all(f" {u}" in line for u in UNITS)


def test_list_says_the_suites_are_missing_and_the_command_that_writes_them(tmp_path):
    root = _project(tmp_path / "p")
    result = CliRunner().invoke(main, ["list", "--root", str(root)])
    assert result.exit_code == 0, result.output
    command = f"rol catalogue suites --root {root}"
    assert f"{root / 'expectations' / 'critical.json'} is missing for" in result.output
    assert f"next: `{command}`, then `rol build --all` builds the 1" in result.output
    result = CliRunner().invoke(main, ["build", "--all", "--root", str(root)])
    assert result.exit_code == 2 and f"run `{command}` to regenerate it" in result.output
    assert not (root / "reports").exists()
    # the environment is the command's own: this process reads the packaged catalogue
    assert "help_agency_cases" not in catalogue.load().indicators


def test_names_of_an_extension_reach_the_brief_the_ratios_and_the_panel(tmp_path):
    root = _project(tmp_path / "p")
    ran = rol_here("catalogue", "suites", "--root", root, check=0)
    assert f"{root / 'expectations'}: wrote critical.json, warning.json" in ran.stdout
    critical = json.loads((root / "expectations" / "critical.json").read_text("utf-8"))
    assert "catalogue/ruizhou.toml" in critical["meta"]["generated_by"]
    # the packaged suites are untouched: they are the package's catalogue's
    assert suites.stale(suites.directory_for(tmp_path)) == []

    rol_here("build", "--all", "--root", root, check=0)
    folder = root / "reports" / "weibin" / "2023"
    brief = (folder / "brief.html").read_text(encoding="utf-8")
    assert "帮办代办服务件数" in brief and "帮办代办办结率" in brief
    assert ("指标目录 Catalogue: rol-analysis " in brief
            and "内置 packaged + catalogue/ruizhou.toml · SHA-256 "
            + catalogue.digest(root)[:12] in brief)
    build = json.loads((folder / "build.json").read_text("utf-8"))
    assert catalogue.digest(root) in json.dumps(build)
    with open(folder / "ratios.csv", encoding="utf-8-sig") as fh:
        ratio = next(r for r in csv.DictReader(fh) if r["ratio_id"] == "help_agency_closure")
    assert (ratio["numerator"], ratio["denominator"], ratio["status"]) == (
        "3098.0", "3150.0", "consistent")
    import pandas as pd

    panel = pd.read_parquet(root / "data" / "processed" / "panel" / "indicators.parquet")
    assert set(panel["indicator_id"]) >= {"help_agency_cases", "help_agency_closed",
                                          "help_agency_closure_rate"}
    manifest = json.loads((root / "data/processed/panel/manifest.json").read_text("utf-8"))
    assert manifest["catalogue"] == catalogue.digest(root)

    # an edit of the extension outdates the brief and the suites, and says so
    ext = root / "catalogue" / "ruizhou.toml"
    ext.write_text(EXTENSION.replace("max = 1000000", "max = 900000", 1), encoding="utf-8")
    listed = rol_here("list", "--root", root, check=0).stdout
    assert "outdated" in listed and "the catalogue" in listed
    assert "critical.json is out of date with" in listed


def test_extract_of_a_projects_file_reads_its_catalogue(tmp_path):
    # `rol extract` took the project's regions.csv but not its catalogue/*.toml
    root = _project(tmp_path / "p")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rol_here("extract", root / "data/raw/weibin/2023.txt", "--out", tmp_path / "out",
             cwd=elsewhere, check=0)
    with open(tmp_path / "out" / "indicators.csv", encoding="utf-8") as f:
        ids = {row["indicator_id"] for row in csv.DictReader(f)}
    assert {"help_agency_cases", "help_agency_closed", "help_agency_closure_rate"} <= ids
