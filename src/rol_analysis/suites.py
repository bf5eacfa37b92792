"""The expectation suites in ``expectations/*.json``, generated from the catalogue.

The suites are reviewed data files: every rule a build is checked against is a line in
a JSON diff. Table rules (columns, types, known vocabularies, offsets) are written here;
value ranges and relation rules are derived from ``catalogue/indicators.toml``, so a
catalogue change shows up as a change of ``expectations/*.json`` once the generator is
rerun (``rol catalogue suites``; a project with its own ``catalogue/*.toml`` gets its own
``expectations/``); ``tests/test_suites.py`` fails when the committed files drift from
the catalogue.

Each file is a Great Expectations 1.x suite (``name``, ``expectations``, ``meta``). The
suite's ``meta.severity`` says whether a failure gates publication (``gate``) or is a
finding for the brief (``warn``). Each expectation's ``meta`` records:

- ``rule``: a stable id, unique across files, used in ``validation.json``;
- ``table``: which table it runs on (``mentions``, ``indicators`` or ``wide``);
- ``zh`` / ``en``: the message a reviewer reads when it fails;
- ``indicators``: the catalogue indicators it is about (empty for table rules).

Importing this module is cheap (no Great Expectations, no pandas).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalogue import KINDS, PROJECT_DIR, Catalogue, Relation, load
from .tables import INDICATOR_COLUMNS, MENTION_COLUMNS, parts_total_column

#: Tables a rule can run on (see ``validate``): the long ``mentions`` table, the
#: ``indicators`` table and the ``wide`` table of ``tables.relation_table``.
TABLES = ("mentions", "indicators", "wide")

#: File name (without ``.json``) -> severity of its rules.
SUITES = {"critical": "gate", "warning": "warn"}

QUALIFIERS = ["exact", "at_least", "at_most", "approx"]
SCOPES = ["annual", "as_of", "change"]

# Column types. Text columns are checked value by value (validate hands them to Great
# Expectations as object columns); numbers by the column's dtype.
_TEXT_TYPES = ["str"]
# Nullable pandas dtypes are named by their class (GX resolves "Int64Dtype", not "Int64").
_INT_TYPES = ["int64", "int32", "Int64Dtype", "Int32Dtype"]
_FLOAT_TYPES = ["float64", "float32", "Float64Dtype", "int64", "Int64Dtype"]
_NUMERIC = {"year": _INT_TYPES, "char_start": _INT_TYPES, "char_end": _INT_TYPES,
            "value": _FLOAT_TYPES}

#: Counting words a mention may carry besides the catalogue's own units. A mention whose
#: unit is outside this list and the catalogue is a warning: extraction may have cut a
#: word wrongly, or the list needs the word (add it here and regenerate).
EXTRA_UNITS = ["件", "次", "项", "个", "名", "人", "人次", "份", "场", "场次", "户", "户次",
               "家", "家次", "元", "%", "个百分点", "条", "支", "批", "天", "期", "处", "部",
               "起", "所", "座", "篇", "本", "册", "宗", "套", "台", "辆", "块", "张", "类",
               "轮", "组", "队", "位", "小时", "周", "公里", "米", "平方米", "亩", "吨", "倍",
               ""]  # a count stated without a counting word (向11.43万农民工)

GENERATOR = "rol catalogue suites"


def _exp(type_: str, table: str, rule: str, zh: str, en: str, indicators=(), **kwargs) -> dict:
    return {
        "type": type_,
        "kwargs": kwargs,
        "meta": {"rule": rule, "table": table, "zh": zh, "en": en,
                 "indicators": list(indicators)},
    }


def _where(column: str, operator: str, parameter) -> dict:
    """A row condition, serialised as Great Expectations 1.x reads it back.

    Structured conditions replace the pandas query strings GX deprecated in 1.9.
    """
    return {"type": "comparison", "column": {"name": column}, "operator": operator,
            "parameter": parameter}


def _all(*conditions: dict) -> dict:
    return {"type": "and", "conditions": list(conditions)}


def _in_list(ids) -> dict:
    """The rows of the given indicators."""
    return _where("indicator_id", "IN", list(ids))


def _table_rules(table: str, columns: list[str], cat: Catalogue) -> list[dict]:
    """Structure rules shared by the mentions and indicators tables (all gate)."""
    what = {"mentions": ("数字提及表", "mentions table"),
            "indicators": ("指标表", "indicators table")}[table]
    zh_t, en_t = what
    rules = [
        _exp("expect_table_columns_to_match_ordered_list", table, f"{table}.columns",
             f"{zh_t}的列与数据约定不符", f"The {en_t} does not have the agreed columns, "
             "in the agreed order", column_list=columns),
    ]
    # An empty mentions table means no number was extracted (extract.require_statistics
    # stops such a report as bad input first). An empty indicators table means only
    # that no number is named by the catalogue: the brief publishes them under 其他统计
    # and says none is named, so it is not a rule (trial 4 F1).
    if table == "mentions":
        rules.append(_exp(
            "expect_table_row_count_to_be_between", table, f"{table}.not_empty",
            f"{zh_t}为空：报告中没有提取到任何数字",
            f"The {en_t} is empty: no number was extracted from the report", min_value=1))
    # Types of the numbers and of the free text; the other text columns are checked by
    # their vocabulary rules (qualifier, kind, scope, unit, indicator id), which also
    # reject a non-text value. Fewer rules keep a validation run well under a second.
    for col in [c for c in columns if c in _NUMERIC or c in ("text", "sentence")]:
        types = _NUMERIC.get(col, _TEXT_TYPES)
        rules.append(_exp(
            "expect_column_values_to_be_in_type_list", table, f"{table}.type.{col}",
            f"{zh_t}的 {col} 列类型不对（应为{'数字' if col in _NUMERIC else '文本'}）",
            f"Column {col} of the {en_t} has the wrong type "
            f"(expected {'a number' if col in _NUMERIC else 'text'})",
            column=col, type_list=types))
    unique = {"column_list": ["region", "year", "indicator_id"]}
    if table == "mentions":  # uncatalogued numbers have an empty id and may repeat
        unique["row_condition"] = _where("indicator_id", "!=", "")
    rules += [
        _exp("expect_compound_columns_to_be_unique", table, f"{table}.unique_indicator",
             f"{zh_t}中同一地区、年份的同一指标出现多次",
             f"An indicator appears more than once for the same region and year in the {en_t}",
             **unique),
        _exp("expect_column_values_to_be_in_set", table, f"{table}.qualifier",
             f"{zh_t}中有未知的限定词（应为 {'/'.join(QUALIFIERS)}）",
             f"The {en_t} has an unknown qualifier (expected one of {', '.join(QUALIFIERS)})",
             column="qualifier", value_set=QUALIFIERS),
        _exp("expect_column_values_to_be_in_set", table, f"{table}.kind",
             f"{zh_t}中有未知的指标类型", f"The {en_t} has an unknown kind",
             column="kind", value_set=list(KINDS)),
        _exp("expect_column_values_to_be_in_set", table, f"{table}.scope",
             f"{zh_t}中有未知的时间范围", f"The {en_t} has an unknown time scope",
             column="scope", value_set=SCOPES),
        _exp("expect_column_values_to_be_between", table, f"{table}.char_start",
             f"{zh_t}中的字符起点为负数", f"A character offset in the {en_t} is negative",
             column="char_start", min_value=0),
        _exp("expect_column_values_to_be_between", table, f"{table}.char_end",
             f"{zh_t}中的字符终点超出了原始文件的长度",
             f"A character offset in the {en_t} lies beyond the end of the raw file",
             column="char_end", min_value=1, max_value={"$PARAMETER": "n_chars"}),
        _exp("expect_column_pair_values_a_to_be_greater_than_b", table, f"{table}.char_order",
             f"{zh_t}中的字符终点不在起点之后",
             f"A mention in the {en_t} ends before it starts",
             column_A="char_end", column_B="char_start", or_equal=False,
             ignore_row_if="either_value_is_missing"),
    ]
    return rules


def _kind_groups(cat: Catalogue):
    """Indicators grouped by (kind, min, max), in catalogue order of first appearance."""
    groups: dict[tuple, list[str]] = {}
    for ind in cat.indicators.values():
        groups.setdefault((ind.kind, ind.min, ind.max), []).append(ind.id)
    return groups


def _num(x: float):
    """A range bound as an int when whole, so the JSON reads 100, not 100.0."""
    return int(x) if float(x).is_integer() else x


_KIND_WORDS = {"count": ("计数", "counts"), "amount": ("金额", "amounts"),
               "rate": ("比率", "rates"), "change": ("变化量", "changes")}


def _value_rules(cat: Catalogue) -> list[dict]:
    """Catalogue ranges, whole-number counts, units and kinds of indicators (all gate)."""
    rules = []
    groups = _kind_groups(cat)
    seen_kinds: dict[str, int] = {}
    for (kind, lo, hi), ids in groups.items():
        n = seen_kinds[kind] = seen_kinds.get(kind, 0) + 1
        rule = f"indicators.range.{kind}" + (f".{n}" if n > 1 else "")
        zh_k, en_k = _KIND_WORDS[kind]
        pct = "%" if kind == "rate" else ""
        rules.append(_exp(
            "expect_column_values_to_be_between", "indicators", rule,
            f"{zh_k}类指标超出目录规定的范围 {_num(lo)}{pct}–{_num(hi)}{pct}",
            f"An indicator among the {en_k} lies outside its catalogue range "
            f"{_num(lo)}{pct} to {_num(hi)}{pct}",
            ids, column="value", min_value=_num(lo), max_value=_num(hi),
            row_condition=_in_list(ids)))
    from .measure import DURATION_UNITS

    # durations (企业开办 1.5个工作日) are counts of time, not of things: not whole numbers
    counts = [i.id for i in cat.indicators.values()
              if i.kind == "count" and not set(i.units) <= DURATION_UNITS]
    # No Great Expectations rule tests for whole numbers, and its structured conditions
    # have no arithmetic: a pandas query (pass-through condition) selects the count rows
    # with a fractional part (beyond float noise such as 1.1 * 10000); expect none.
    ids = "[" + ", ".join(f'"{i}"' for i in counts) + "]"
    rules.append(_exp(
        "expect_column_values_to_be_null", "indicators", "indicators.count_whole",
        "计数类指标不是整数", "A count indicator is not a whole number", counts,
        column="value", row_condition={
            "type": "pass_through",
            "pass_through_filter": f"indicator_id in {ids} and value % 1 > 1e-6 and "
                                   "value % 1 < 0.999999"}))
    rules.append(_exp(
        "expect_column_pair_values_to_be_in_set", "indicators", "indicators.unit",
        "指标的单位不在目录为该指标列出的单位之内",
        "An indicator's unit is not one the catalogue lists for it",
        list(cat.indicators),
        column_A="indicator_id", column_B="unit",
        value_pairs_set=[[i.id, u] for i in cat.indicators.values() for u in i.units]))
    rules.append(_exp(
        "expect_column_values_to_be_in_set", "indicators", "indicators.catalogued",
        "指标表中的指标不在目录中", "The indicators table has an indicator the catalogue "
        "does not have", column="indicator_id", value_set=list(cat.indicators)))
    rules.append(_exp(
        "expect_column_values_to_be_in_set", "mentions", "mentions.catalogued_indicator",
        "数字提及表中的指标编号不在目录中",
        "A mention names an indicator id the catalogue does not have",
        column="indicator_id", value_set=["", *cat.indicators]))
    rules.append(_exp(
        "expect_column_values_to_be_in_set", "mentions", "mentions.part_of",
        "数字提及表中“属于”（part_of）的指标编号不在目录中",
        "A mention's part_of names an indicator id the catalogue does not have",
        column="part_of", value_set=["", *cat.indicators]))
    # a tie's indicators (extract.tied), which the year-over-year note offers: two ids
    # or more joined by |, or none
    rules.append(_exp(
        "expect_column_values_to_match_regex", "mentions", "mentions.candidates",
        "数字提及表中“候选指标”（candidates）不是以 | 分隔的指标编号",
        "A mention's candidates are not indicator ids joined by |",
        column="candidates", regex=r"^$|^[a-z][a-z0-9_]*(\|[a-z][a-z0-9_]*)+$"))
    # one indicator names one figure per region-year: a part never carries an id
    rules.append(_exp(
        "expect_column_values_to_be_in_set", "mentions", "mentions.part_has_no_id",
        "一个数字既有指标编号又标为某总量的分项（part_of）",
        "A mention has both an indicator id and a part_of (a part names its total in "
        "part_of only)", column="part_of", value_set=[""],
        row_condition=_where("indicator_id", "!=", "")))
    rules.append(_exp(
        "expect_column_values_to_be_between", "mentions", "mentions.nonnegative",
        "计数或金额为负数", "A count or an amount is negative",
        column="value", min_value=0,
        row_condition=_where("kind", "IN", ["count", "amount"])))
    return rules


def _le_rules(cat: Catalogue) -> list[tuple[str, dict]]:
    """``left <= right`` rules from ``le`` and ``ratio`` relations, one per pair.

    A ratio's numerator cannot exceed its denominator; when an ``le`` relation states the
    same pair, the two are one rule (the stricter severity wins, the ``le`` wording is
    kept).
    """
    pairs: dict[tuple[str, str], dict] = {}
    order = sorted(cat.relations, key=lambda r: r.type != "le")  # le wording first
    for rel in order:
        if rel.type == "le":
            left, right = rel.left, rel.right
        elif rel.type == "ratio" and rel.numerator and rel.denominator:
            left, right = rel.numerator, rel.denominator
        else:
            continue
        entry = pairs.get((left, right))
        if entry is None:
            pairs[(left, right)] = {"rel": rel, "ids": [rel.id], "severity": rel.severity}
        else:
            entry["ids"].append(rel.id)
            if rel.severity == "gate":
                entry["severity"] = "gate"
    position = {rel.id: n for n, rel in enumerate(cat.relations)}
    out = []
    # Catalogue order of each rule's first relation, so the file order is stable.
    for (left, right), entry in sorted(pairs.items(), key=lambda kv: position[kv[1]["ids"][0]]):
        first: Relation = entry["rel"]
        zl, zr = cat.indicators[left].zh_name, cat.indicators[right].zh_name
        el, er = cat.indicators[left].en_name, cat.indicators[right].en_name
        if first.type == "le":
            zh, en = first.zh_name, first.en_name
        else:
            zh, en = f"{zl}不多于{zr}", f"{el} do not exceed {er}"
        exp = _exp("expect_column_pair_values_a_to_be_greater_than_b", "wide",
                   f"relation.{first.id}", f"未满足：{zh}（{zl} ≤ {zr}）",
                   f"Not met: {en} ({el} <= {er})",
                   [left, right], column_A=right, column_B=left, or_equal=True,
                   ignore_row_if="either_value_is_missing")
        exp["meta"]["relations"] = sorted(entry["ids"])
        out.append((entry["severity"], exp))
    return out


def _sum_rules(cat: Catalogue) -> list[tuple[str, dict]]:
    out = []
    for rel in cat.relations:
        if rel.type != "sum":
            continue
        names = " + ".join(cat.indicators[p].zh_name for p in rel.parts)
        en_names = " + ".join(cat.indicators[p].en_name for p in rel.parts)
        whole = cat.indicators[rel.whole]
        exp = _exp("expect_column_pair_values_to_be_equal", "wide", f"relation.{rel.id}",
                   f"未满足：{rel.zh_name}（{names} = {whole.zh_name}）",
                   f"Not met: {rel.en_name} ({en_names} = {whole.en_name})",
                   [*rel.parts, rel.whole],
                   column_A=parts_total_column(rel.id), column_B=rel.whole,
                   ignore_row_if="either_value_is_missing")
        exp["meta"]["relations"] = [rel.id]
        out.append((rel.severity, exp))
    return out


def _warning_table_rules(cat: Catalogue) -> list[dict]:
    from .mentions import UNITS

    units = sorted({u for i in cat.indicators.values() for u in i.units} | set(EXTRA_UNITS)
                   | set(UNITS))
    expected = list(cat.expected)
    rules = [
        _exp("expect_column_values_to_be_in_set", "mentions", "mentions.unit",
             "数字的单位不在已知的计量单位之内（可能是提取时切错了词）",
             "A number's unit is not a known counting word (extraction may have cut the "
             "word wrongly)", column="unit", value_set=units),
        _exp("expect_column_values_to_be_between", "mentions", "mentions.rate_range",
             "未归入目录的比率超出 0–100%（如“完成率120%”，请核对）",
             "A rate outside the catalogue lies outside 0 to 100% (e.g. a completion rate "
             "of 120%; check it)", column="value", min_value=0, max_value=100,
             row_condition=_all(_where("kind", "==", "rate"),
                                _where("indicator_id", "==", ""))),
    ]
    if expected:
        # the catalogue's [completeness]: none is expected today (no indicator is stated
        # by half the annual reports of any level), so no rule that every report fails
        rules.append(_exp("expect_column_distinct_values_to_contain_set", "indicators",
                          "completeness.core", "报告缺少此类报告通常应载明的核心指标",
                          "The report lacks core indicators a report of this kind usually "
                          "states", expected, column="indicator_id", value_set=expected))
    return rules


def generate(catalogue: Catalogue | None = None) -> dict[str, dict]:
    """Build the suites from the catalogue.

    Parameters
    ----------
    catalogue : Catalogue, optional
        Defaults to the effective one (:func:`catalogue.load`: the packaged catalogue
        extended by the project's ``catalogue/*.toml``).

    Returns
    -------
    dict
        File stem (``critical``, ``warning``) -> the suite as a JSON-ready dict.
    """
    cat = catalogue or load()
    # the files it was generated from, as a project names them (its own extensions)
    source = " + ".join(["catalogue/indicators.toml"]
                        + [f"{PROJECT_DIR}/{Path(e).name}" for e in cat.extensions])
    gate = (_table_rules("mentions", MENTION_COLUMNS, cat)
            + _table_rules("indicators", INDICATOR_COLUMNS, cat)
            + _value_rules(cat))
    warn = []
    for severity, exp in _le_rules(cat) + _sum_rules(cat):
        (gate if severity == "gate" else warn).append(exp)
    warn += _warning_table_rules(cat)
    about = {
        "gate": ("关键规则：任何一条不通过，简报都不会发布。",
                 "Critical rules: if any fails, the brief is not published."),
        "warn": ("提示规则：不通过时作为发现列入简报，不阻止发布。",
                 "Warning rules: a failure is a finding in the brief; publication goes on."),
    }
    out = {}
    for name, severity in SUITES.items():
        zh, en = about[severity]
        out[name] = {
            "name": name,
            "expectations": gate if severity == "gate" else warn,
            "meta": {"severity": severity, "zh": zh, "en": en,
                     "generated_by": f"{GENERATOR} (from {source}); do not edit by hand"},
        }
    return out


def write(directory, catalogue: Catalogue | None = None) -> list[Path]:
    """Write the generated suites as ``<directory>/<name>.json`` (stable, sorted keys)."""
    from .fileio import write_json

    directory = Path(directory)
    return [write_json(directory / f"{name}.json", suite)
            for name, suite in generate(catalogue).items()]


def stale(directory, catalogue: Catalogue | None = None) -> list[Path]:
    """The suite files in ``directory`` that differ from what the catalogue generates.

    Parameters
    ----------
    directory : path-like
        The expectations folder.
    catalogue : Catalogue, optional
        Defaults to the effective one (:func:`catalogue.load`: the packaged catalogue
        extended by the project's ``catalogue/*.toml``).

    Returns
    -------
    list of Path
        Missing or different files, in suite order; empty when the suites are current.
    """
    import json

    directory = Path(directory)
    return [directory / f"{name}.json" for name, suite in generate(catalogue).items()
            if not (directory / f"{name}.json").is_file()
            or json.loads((directory / f"{name}.json").read_text("utf-8")) != suite]


def command(root=None) -> str:
    """The command that writes the suites of ``root``'s catalogue."""
    here = root is None or Path(root).absolute() == Path.cwd()
    return GENERATOR if here else f"{GENERATOR} --root {Path(root).absolute()}"


def out_of_date_message(path, source, root=None) -> str:
    """The line naming a suite file out of date with the catalogue ``source`` (or
    missing), and the fix (``rol catalogue check``, ``rol build``, ``rol validate``,
    ``rol list``)."""
    what = "is out of date with" if Path(path).is_file() else "is missing for"
    return f"{path} {what} {source}: run `{command(root)}` to regenerate it."


def directory_for(root) -> Path:
    """Where the suites of ``root``'s catalogue live: ``<root>/expectations/`` when the
    project extends the catalogue (``<root>/catalogue/*.toml``: its rules are its own),
    else the folder a build under ``root`` reads (:func:`layout.resource_dir`)."""
    from .catalogue import extension_files
    from .layout import resource_dir

    if extension_files(root):
        return Path(root) / "expectations"
    return resource_dir(root, "expectations")


def stale_for(root) -> tuple[list[Path], str]:
    """The suite files a build under ``root`` validates with that are out of date with
    the catalogue it uses (or missing), and that catalogue's source; none when they are
    current or are a project's own rules (a root's own ``expectations/`` beside no
    ``catalogue/`` of its own is not generated from this catalogue)."""
    from .catalogue import default_path, extension_files

    exts = extension_files(root)
    directory = directory_for(root)
    if not exts and directory.resolve() != _shipped().resolve():
        return [], ""
    source = " + ".join(str(p) for p in (default_path(), *exts))
    return stale(directory), source


def _shipped() -> Path:
    """The installed package's own expectations/ (in a source checkout, its top-level one)."""
    from .layout import resource_dir

    return resource_dir(Path(__file__).parent / ".rol-no-such-folder", "expectations")


def require_current(root) -> None:
    """Refuse (exit 2) when the expectation suites a build under ``root`` validates with
    are out of date with the catalogue the build uses (:func:`stale_for`), naming each
    file and the fix; before anything is built.

    Validating with suites older than the catalogue built every region-year with the old
    rules and said nothing, then rebuilt them all once regenerated (trial 25).
    """
    from .exceptions import UsageError

    paths, source = stale_for(root)
    if paths:
        raise UsageError("\n".join(out_of_date_message(p, source, root) for p in paths)
                         + "\nNothing was built or validated: suites older than the "
                         "catalogue apply its old rules.")


def write_for(root) -> tuple[Path, list[Path]]:
    """``rol catalogue suites``: write the suites of ``root``'s catalogue into
    :func:`directory_for` (each file atomically); refuse a catalogue ``rol catalogue
    check`` rejects (exit 2, its messages), writing nothing.

    Returns
    -------
    (Path, list of Path)
        The folder, and the files whose content changed.
    """
    from .catalogue import extension_files, require_valid
    from .exceptions import UsageError

    require_valid(root, "No suite was written.")
    directory = directory_for(root)
    root = Path(root).absolute()
    own, generated = root / "expectations", bool(extension_files(root))
    owns_rules = not generated and directory.resolve() != _shipped().resolve()
    before = [] if owns_rules else stale(directory)
    if owns_rules or (not generated and before and not own.is_dir()):
        # a root's own expectations/ beside no catalogue/ are hand-written rules, and a
        # root with neither reads the installed package's: neither is this command's to
        # overwrite (it rewrote them both and said the suites were up to date)
        whose = (f"{directory} holds {root}'s own validation rules" if own.is_dir() else
                 f"{root} has no expectations/ of its own; its builds read the installed "
                 f"package's {directory}")
        raise UsageError(
            f"{whose}, and {root} has no catalogue/*.toml to generate suites from. Fix: "
            f"put the project's indicators in {Path(root) / 'catalogue'}/<name>.toml, then "
            "run this again (it writes their suites into "
            f"{own}). No suite was written.")
    written = write(directory, load()) if before else []
    return directory, [p for p in written if p in before]


def main(argv=None) -> int:
    """``python -m rol_analysis.suites [DIR] [--check]``: write or check the packaged
    catalogue's suites (a project's: ``rol catalogue suites --root DIR``)."""
    parser = argparse.ArgumentParser(prog="python -m rol_analysis.suites",
                                     description=main.__doc__)
    parser.add_argument("directory", nargs="?", default=None,
                        help="target folder (default: the expectations/ folder found from "
                             "the current directory)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when the files differ from the catalogue, write nothing")
    args = parser.parse_args(argv)
    from .catalogue import check, default_path, refusal
    from .layout import resource_dir

    problems, _ = check(default_path())
    if problems:  # the check's messages, not a traceback
        print(refusal(problems, default_path()), file=sys.stderr)
        return 2
    directory = Path(args.directory) if args.directory else resource_dir(".", "expectations")
    if args.check:
        paths = stale(directory, load(str(default_path())))
        for path in paths:
            print(f"{path} is out of date: run {GENERATOR}", file=sys.stderr)
        return 1 if paths else 0
    for path in write(directory, load(str(default_path()))):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
