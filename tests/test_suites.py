"""The committed expectation suites are what the catalogue says they should be."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rol_analysis import catalogue, suites

REPO = Path(__file__).resolve().parents[1]
EXPECTATIONS = REPO / "expectations"


@pytest.fixture(scope="module")
def generated():
    return suites.generate(catalogue.load())


def test_committed_suites_match_the_catalogue(generated):
    # When this fails, a catalogue change was not regenerated into expectations/:
    # run `rol catalogue suites` and commit the JSON diff.
    assert sorted(p.stem for p in EXPECTATIONS.glob("*.json")) == sorted(generated)
    for name, suite in generated.items():
        committed = json.loads((EXPECTATIONS / f"{name}.json").read_text("utf-8"))
        assert committed == suite, f"expectations/{name}.json is out of date"


def test_committed_suites_are_pretty_printed_with_stable_keys(generated):
    for name, suite in generated.items():
        text = (EXPECTATIONS / f"{name}.json").read_text("utf-8")
        assert text == json.dumps(suite, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_every_relation_becomes_a_rule_with_its_severity(generated):
    cat = catalogue.load()
    by_relation = {}
    for suite in generated.values():
        severity = suite["meta"]["severity"]
        for exp in suite["expectations"]:
            for rel in exp["meta"].get("relations", []):
                by_relation[rel] = (severity, exp)
    for rel in cat.relations:
        if rel.type == "intensity":
            assert rel.id not in by_relation
            continue
        severity, exp = by_relation[rel.id]
        # A rule shared by two relations (ratio numerator <= denominator, and the same
        # pair as an `le`) gates when either gates.
        shared = [r for r in cat.relations if r.id in exp["meta"]["relations"]]
        expected = "gate" if any(r.severity == "gate" for r in shared) else "warn"
        assert severity == expected, rel.id
        assert set(exp["meta"]["indicators"]) <= set(rel.indicators)


def test_seed_relations_gate_or_warn_as_the_issue_says(generated):
    severity = {e["meta"]["rule"]: s["meta"]["severity"]
                for s in generated.values() for e in s["expectations"]}
    assert severity["relation.reconsideration_closed_on_time_le_closed"] == "gate"
    assert severity["relation.reconsideration_corrected_le_closed"] == "gate"
    assert severity["relation.mediation_success_le_mediated"] == "gate"
    assert severity["relation.certified_le_personnel"] == "gate"
    assert severity["relation.reconsideration_closed_le_accepted"] == "warn"
    assert severity["relation.response_teams_villages_communities"] == "warn"
    assert severity["indicators.range.rate"] == "gate"


def test_the_completeness_rule_checks_what_the_catalogue_expects(tmp_path):
    """No rule every report fails: the packaged catalogue expects no indicator (none is
    stated by half the gold sets' annual reports of any level, tests/core_shares.py),
    so the suites hold no completeness rule; one that expects some warns of them."""
    from conftest import EXPECTED, expecting_catalogue

    rules = {e["meta"]["rule"] for s in suites.generate(catalogue.load()).values()
             for e in s["expectations"]}
    assert catalogue.load().expected == () and "completeness.core" not in rules
    generated = suites.generate(expecting_catalogue(tmp_path))
    found = [(s["meta"]["severity"], e) for s in generated.values() for e in s["expectations"]
             if e["meta"]["rule"] == "completeness.core"]
    assert [sev for sev, _ in found] == ["warn"]
    assert found[0][1]["kwargs"]["value_set"] == list(EXPECTED)


def test_every_rule_names_its_table_and_messages(generated):
    rules = []
    for suite in generated.values():
        for exp in suite["expectations"]:
            meta = exp["meta"]
            assert meta["table"] in suites.TABLES
            assert meta["zh"] and meta["en"]
            rules.append(meta["rule"])
    assert len(rules) == len(set(rules))


def test_check_mode_reports_drift(tmp_path, capsys):
    assert suites.main([str(EXPECTATIONS), "--check"]) == 0
    copy = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS, copy)
    data = json.loads((copy / "critical.json").read_text("utf-8"))
    data["expectations"].pop()
    (copy / "critical.json").write_text(json.dumps(data), encoding="utf-8")
    assert suites.main([str(copy), "--check"]) == 1
    assert "critical.json is out of date" in capsys.readouterr().err
    assert suites.main([str(copy)]) == 0
    assert suites.main([str(copy), "--check"]) == 0


def test_durations_may_be_fractional_but_counts_of_things_not():
    # "企业开办时间压缩至1.5个工作日" must not fail the whole-number gate
    rule = next(e for e in suites.generate()["critical"]["expectations"]
                if e["meta"]["rule"] == "indicators.count_whole")
    assert "business_startup_days" not in rule["meta"]["indicators"]
    assert "approval_time_limit" not in rule["meta"]["indicators"]
    assert "disputes_mediated" in rule["meta"]["indicators"]
