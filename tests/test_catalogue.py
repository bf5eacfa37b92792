"""The catalogue as data: `rol catalogue check` finds every mistake and names the entry."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from rol_analysis import catalogue, extract, mentions
from rol_analysis.cli import main

GOOD = """
[[section]]
id = "disputes"
zh_name = "矛盾纠纷"
en_name = "Disputes"

[[indicator]]
id = "disputes_mediated"
section = "disputes"
zh_name = "调解纠纷数"
en_name = "Disputes mediated"
kind = "count"
units = ["件"]
min = 0
max = 100
patterns = ['调解纠纷#']

[[indicator]]
id = "mediation_success_rate"
section = "disputes"
zh_name = "调解成功率"
en_name = "Mediation success rate"
kind = "rate"
units = ["%"]
min = 0
max = 100
patterns = ['成功率#']

[[indicator]]
id = "disputes_mediated_successfully"
section = "disputes"
zh_name = "调解成功数"
en_name = "Disputes mediated successfully"
kind = "count"
units = ["件"]
min = 0
max = 100
patterns = ['调解成功#']

[[relation]]
id = "mediation_success"
type = "ratio"
zh_name = "调解成功率"
en_name = "Mediation success rate"
rate = "mediation_success_rate"
numerator = "disputes_mediated_successfully"
denominator = "disputes_mediated"
"""


def _write(tmp_path, text):
    path = tmp_path / "indicators.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_packaged_catalogue_is_clean():
    problems, counts = catalogue.check()
    assert problems == []
    assert counts["indicators"] == len(catalogue.load().indicators) >= 150


def _after_patterns(lines: str):
    """An edit of GOOD: ``lines`` added after the first indicator's patterns."""
    return lambda t: t.replace("patterns = ['调解纠纷#']", "patterns = ['调解纠纷#']\n" + lines)


@pytest.mark.parametrize("edit, entry, words", [
    (lambda t: t.replace('id = "mediation_success_rate"', 'id = "disputes_mediated"'),
     "indicator #2 (disputes_mediated)", "appears twice"),
    (lambda t: t.replace("patterns = ['调解纠纷#']", "patterns = ['调解纠纷']"),
     "indicator #1 (disputes_mediated)", "has no '#'"),
    (lambda t: t.replace("patterns = ['调解纠纷#']", "patterns = ['调解(纠纷#']"),
     "indicator #1 (disputes_mediated)", "not a valid regular expression"),
    (lambda t: t.replace('en_name = "Disputes"\n',
                         'en_name = "Disputes"\ndisplay_patterns = [\'调解(\']\n'),
     "section #1 (disputes)", "heading pattern '调解(' is not a valid regular expression"),
    (lambda t: t.replace('units = ["件"]', 'units = ["万件"]', 1),
     "indicator #1 (disputes_mediated)", "unit '万件'"),
    (lambda t: t.replace('denominator = "disputes_mediated"', 'denominator = "disputes"'),
     "relation #1 (mediation_success)", "unknown indicator 'disputes'"),
    (lambda t: t.replace('section = "disputes"\nzh_name = "调解纠纷数"',
                         'section = "dispute"\nzh_name = "调解纠纷数"'),
     "indicator #1 (disputes_mediated)", "section 'dispute' is unknown"),
    (lambda t: t.replace('kind = "rate"', 'kind = "ratio"'),
     "indicator #2 (mediation_success_rate)", "kind 'ratio' is unknown"),
    (lambda t: t + 'tolerence = 0.5\n',
     "relation #1 (mediation_success)", "field 'tolerence' is unknown"),
    (lambda t: t.replace('en_name = "Mediation success rate"\nkind',
                         'en_name = "Mediation success rate"\ndefinition = "  "\nkind'),
     "indicator #2 (mediation_success_rate)", "definition is empty"),
    (lambda t: t.replace('en_name = "Disputes mediated"\n',
                         'en_name = "Disputes mediated"\ndefinition = ["调解"]\n'),
     "indicator #1 (disputes_mediated)", "definition is not a string"),
    (lambda t: t.replace('en_name = "Disputes mediated"\n',
                         'en_name = "Disputes mediated"\nshown_in = ["legal_educaton"]\n'),
     "indicator #1 (disputes_mediated)", "shown_in names 'legal_educaton', which is unknown"),
    (lambda t: t.replace('en_name = "Disputes mediated"\n',
                         'en_name = "Disputes mediated"\nshown_in = ["disputes"]\n'),
     "indicator #1 (disputes_mediated)", "its own section"),
    (_after_patterns("kinds = '人民调解'"),
     "indicator #1 (disputes_mediated)", "kinds is not a list of strings"),
    (_after_patterns("kinds = ['人民调解', ' ']"),
     "indicator #1 (disputes_mediated)", "is not a non-empty string"),
    (_after_patterns("kinds = ['人民调解', '人民调解']"),
     "indicator #1 (disputes_mediated)", "kind '人民调解' appears twice"),
    # the indicator itself (its name, or that name without its counting word) is no kind
    (_after_patterns("kinds = ['人民调解', '调解纠纷']"),
     "indicator #1 (disputes_mediated)", "kind '调解纠纷' is the indicator's own name"),
    # ... nor a synonym its aliases name
    (_after_patterns("aliases = ['化解.{0,2}纠纷']\nkinds = ['人民调解', '化解矛盾纠纷']"),
     "indicator #1 (disputes_mediated)", "kind '化解矛盾纠纷' is what its alias"),
    # a reviewer trial pasted rol catalogue suggest's stanzas unfinished and check said ok
    (lambda t: t.replace('en_name = "Disputes mediated"', "en_name = ''"),
     "indicator #1 (disputes_mediated)", "en_name is empty"),
    (lambda t: t.replace('id = "disputes_mediated_successfully"',
                         'id = "disputes_1f3a9c07"').replace(
                             'numerator = "disputes_mediated_successfully"',
                             'numerator = "disputes_1f3a9c07"'),
     "indicator #3 (disputes_1f3a9c07)", "placeholder rol catalogue suggest printed"),
    (lambda t: t + "\n[[alias]]\nindicator = 'disputes_mediated'\npatterns = ['化解纠纷#']\n",
     "file", "table 'alias' that the catalogue does not read"),
    # what a government's report is expected to state: known ids, a share (session 23)
    (lambda t: t + "\n[completeness]\nmin_share = 0.5\nexpected = ['disputes_mediatd']\n",
     "[completeness]", "names unknown indicator 'disputes_mediatd'"),
    (lambda t: t + "\n[completeness]\nmin_share = 50\nexpected = []\n",
     "[completeness]", "min_share 50 is not a share between 0 and 1"),
    # two indicators with one name cannot be told apart in a brief's tables
    (lambda t: t.replace('zh_name = "调解成功数"', 'zh_name = "调解纠纷数"'),
     "indicator #3 (disputes_mediated_successfully)",
     "zh_name '调解纠纷数' is also the name of disputes_mediated"),
])
def test_each_mistake_exits_2_naming_file_entry_and_fix(tmp_path, edit, entry, words):
    text = edit(GOOD)
    path = _write(tmp_path, text)
    result = CliRunner().invoke(main, ["catalogue", "check", "--catalogue", str(path)])
    assert result.exit_code == 2, result.output
    line = next(x for x in result.output.splitlines() if words in x)
    assert str(path) in line and "Fix:" in line
    if m := re.fullmatch(r"(\w+) #(\d+) \((\w+)\)", entry):
        # the entry by the line of its [[table]] header, which an editor jumps to
        table, n, ident = m.groups()
        headers = [i for i, x in enumerate(text.splitlines(), 1) if x == f"[[{table}]]"]
        entry = f"{path}:{headers[int(n) - 1]}: {table} '{ident}'"
    assert entry in line


def test_a_good_catalogue_gives_one_summary_line(tmp_path):
    path = _write(tmp_path, GOOD)
    result = CliRunner().invoke(main, ["catalogue", "check", "--catalogue", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines() == [
        f"{path}: ok (1 sections, 3 indicators, 1 relations, 3 patterns)"]


def test_a_definition_is_read_and_an_indicator_without_one_has_none(tmp_path):
    text = GOOD.replace('en_name = "Disputes mediated"\n',
                        'en_name = "Disputes mediated"\ndefinition = """\\\n'
                        '纠纷 mediated by any mediator, all kinds together; \\\n'
                        '诉前 mediation is not counted."""\n')
    path = _write(tmp_path, text)
    assert catalogue.check(path)[0] == []
    cat = catalogue.parse(path)
    assert cat.indicator("disputes_mediated").definition == (
        "纠纷 mediated by any mediator, all kinds together; 诉前 mediation is not counted.")
    assert cat.indicator("mediation_success_rate").definition == ""


def test_the_packaged_definitions_are_self_contained():
    """Every definition the adjudicated disagreements asked for is in the catalogue, and
    none names a test set, a fixture or a place: it must read on its own."""
    import re

    defined = {i.id: i.definition for i in catalogue.load().indicators.values()
               if i.definition}
    assert {"central_group_law_study_sessions", "rol_thought_study_sessions",
            "officials_law_training_sessions", "inspection_problems_rectified",
            "legality_reviews", "gov_info_disclosed", "legal_education_posts",
            "officials_trained", "business_env_measures",
            "admin_disputes_resolved_substantively", "gov_service_items",
            "legislation_projects_reviewed", "major_decisions", "legal_education_events",
            "public_legal_service_consultations", "rol_key_tasks",
            "exec_meeting_rol_briefings", "rol_major_issues_resolved",
            "rol_committee_meetings", "policy_interpretations", "rol_inspection_regions",
            "rol_inspection_departments", "admin_reconsideration_received",
            "admin_reconsideration_accepted", "cross_province_service_items",
            "time_limit_reduction_rate", "major_decisions_reviewed",
            "public_messages_handled", "one_thing_services_launched", "enforcement_bodies",
            "legal_affairs_handled"} <= set(defined)
    assert len(defined) >= 57
    for iid, text in defined.items():
        assert not re.search(r"blind|dev set|fixture|gold|\b[a-z]+'s [a-z]+_", text), iid
        assert text == text.strip() and "  " not in text, iid


#: Where the documentation counts the catalogue: file -> the patterns of its counts
#: (defined, total) and (total). Each file must state each count it has a pattern for.
DOC_COUNTS = {
    "README.md": [r"\((\d+) of the (\d+) do\b"],
    "data/reviews/README.md": [r"\((\d+) of the (\d+) indicators\)"],
    "docs/design.md": [r"\b(\d+) of the (\d+) indicators have one\b",
                       r"indicators\.toml`, (\d+) indicators\)"],
}


def test_the_documentation_counts_the_catalogue_as_it_is():
    """Trial 5 F15: data/reviews/README said 53 of the 313 indicators have a definition
    while `rol catalogue check` counted 314. Every count the documentation gives of the
    catalogue (indicators, and those with a definition) is the packaged catalogue's."""
    import re
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    cat = catalogue.load()
    total = len(cat.indicators)
    defined = sum(1 for i in cat.indicators.values() if i.definition)
    for name, patterns in DOC_COUNTS.items():
        text = re.sub(r"\s+", " ", (repo / name).read_text(encoding="utf-8"))
        for pattern in patterns:
            found = re.findall(pattern, text)
            assert found, (name, pattern)  # reworded: move the pattern with the text
            want = (str(defined), str(total)) if re.compile(pattern).groups == 2 else str(total)
            assert set(found) == {want}, (name, found, want)
    summary = CliRunner().invoke(main, ["catalogue", "check"]).output
    assert f" {total} indicators," in summary


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    text = GOOD.replace("patterns = ['调解纠纷#']", "patterns = ['调解纠纷']").replace(
        'denominator = "disputes_mediated"', 'denominator = "nope"')
    problems, _ = catalogue.check(_write(tmp_path, text))
    assert len(problems) == 2


def test_not_toml_and_missing_file_exit_2(tmp_path):
    bad = _write(tmp_path, "[[indicator]\nid = ")
    for path in (bad, tmp_path / "missing.toml"):
        result = CliRunner().invoke(main, ["catalogue", "check", "--catalogue", str(path)])
        assert result.exit_code == 2 and str(path) in result.output


def test_units_are_the_extractors_and_the_catalogue_uses_only_those():
    used = {u for i in catalogue.load().indicators.values() for u in i.units}
    assert used <= set(mentions.UNITS)


def test_aliases_and_exclude_steer_a_number(tmp_path):
    # exclude rules an indicator out in its clause; an alias names a number by its measure
    text = GOOD.replace("patterns = ['调解纠纷#']",
                        "patterns = ['调解纠纷#']\nexclude = ['诉前']\n"
                        "aliases = ['^人民调解审结数$']")
    cat = catalogue.parse(_write(tmp_path, text))
    got = extract.extract_text("诉前调解纠纷12件。人民调解工作扎实；审结30件。", catalogue=cat)
    assert list(zip(got.mentions["indicator_id"], got.mentions["value"])) == [
        ("", 12), ("disputes_mediated", 30)]


def test_check_of_the_packaged_catalogue_names_suites_left_out_of_date(tmp_path, monkeypatch):
    # An indicator added to the catalogue without regenerating expectations/ made every
    # report stating it fail validation, and the check said "ok" (trial 5 F1).
    from conftest import expecting_catalogue

    from rol_analysis import suites

    monkeypatch.chdir(tmp_path)  # no expectations/ here: builds read the package's
    result = CliRunner().invoke(main, ["catalogue", "check"])
    assert result.exit_code == 0, result.output
    assert ": ok (" in result.output

    edited = expecting_catalogue(tmp_path / "edited")  # the catalogue, edited since
    monkeypatch.setattr(suites, "load", lambda: edited)
    result = CliRunner().invoke(main, ["catalogue", "check"])
    assert result.exit_code == 2
    assert "warning.json is out of date" in result.output
    assert "rol catalogue suites" in result.output
    assert "critical.json" not in result.output


def test_a_projects_own_expectations_are_never_checked_against_nor_overwritten(
        tmp_path, monkeypatch):
    # a root with hand-written expectations/ and no catalogue/: check said they were out
    # of date (exit 2) and told to run `rol catalogue suites`, which overwrote them
    import json

    from conftest import expecting_catalogue, tree_bytes

    from rol_analysis import suites

    own = tmp_path / "expectations"
    own.mkdir()
    for name in ("critical", "warning"):
        (own / f"{name}.json").write_text(json.dumps({"expectations": []}), "utf-8")
    before = tree_bytes(tmp_path)
    result = CliRunner().invoke(main, ["catalogue", "check", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert ": ok (" in result.output and "out of date" not in result.output
    result = CliRunner().invoke(main, ["catalogue", "suites", "--root", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert f"{own} holds {tmp_path}'s own validation rules" in result.output
    assert "No suite was written." in result.output
    assert tree_bytes(tmp_path) == before

    # a root with neither folder reads the installed package's: not rewritten from here
    bare = tmp_path / "bare"
    bare.mkdir()
    shipped = suites.directory_for(bare)
    shipped_bytes = {p.name: p.read_bytes() for p in shipped.glob("*.json")}
    result = CliRunner().invoke(main, ["catalogue", "suites", "--root", str(bare)])
    assert result.exit_code == 0 and "the suites were up to date" in result.output
    edited = expecting_catalogue(tmp_path / "edited")
    monkeypatch.setattr(suites, "load", lambda: edited)
    result = CliRunner().invoke(main, ["catalogue", "suites", "--root", str(bare)])
    assert result.exit_code == 2, result.output
    assert f"read the installed package's {shipped}" in result.output
    assert {p.name: p.read_bytes() for p in shipped.glob("*.json")} == shipped_bytes
    assert list(bare.iterdir()) == []


def test_build_and_validate_refuse_suites_out_of_date_with_the_catalogue(tmp_path,
                                                                        monkeypatch):
    # trial 25: after a catalogue edit `rol build` rebuilt every region-year with the old
    # suites and said nothing (then all again once they were regenerated)
    from conftest import expecting_catalogue, make_root

    from rol_analysis import suites

    root = make_root(tmp_path / "root")
    edited = expecting_catalogue(tmp_path / "edited")  # the catalogue, edited since
    monkeypatch.setattr(suites, "load", lambda: edited)
    for command in (["build", "--all"], ["validate", "--region", "weibin", "--year", "2023"]):
        result = CliRunner().invoke(main, [*command, "--root", str(root)])
        assert result.exit_code == 2, result.output
        assert "warning.json is out of date with" in result.output
        assert f"run `rol catalogue suites --root {root}` to regenerate it" in result.output
        assert "critical.json" not in result.output
        assert not (root / "reports").exists() and not (root / "data/processed").exists()
        assert not (root / ".rol-cache/validate").exists()
    # a project root's own suites are its rules, not generated from this catalogue
    suites.write(root / "expectations", edited)
    monkeypatch.setattr(suites, "load", catalogue.load)
    suites.require_current(root)


def test_kinds_make_one_kind_beside_another_a_part(tmp_path):
    # with the kinds listed, two kinds of mediation stated side by side are parts of the
    # mediation count, neither its figure; without them the first is read as the figure
    text = "司法所开展人民调解纠纷12件，组织培训3次，另有行政调解5件。"
    plain = catalogue.parse(_write(tmp_path, GOOD))
    got = extract.extract_text(text, catalogue=plain).mentions
    assert got["indicator_id"][0] == "disputes_mediated"
    kinds = _after_patterns("kinds = ['人民调解', '行政调解']")(GOOD)
    cat = catalogue.parse(_write(tmp_path, kinds))
    assert cat.indicator("disputes_mediated").kinds == ("人民调解", "行政调解")
    assert cat.indicator("mediation_success_rate").kinds == ()
    got = extract.extract_text(text, catalogue=cat).mentions
    assert list(zip(got["value"], got["indicator_id"], got["part_of"])) == [
        (12, "", "disputes_mediated"), (3, "", ""), (5, "", "disputes_mediated")]
