"""Step 02: check the processed tables against the expectation suites.

The suites are Great Expectations 1.x suites stored as reviewed JSON files in
``expectations/`` (see ``suites``). A suite whose ``meta.severity`` is ``gate`` stops
publication when any of its rules fails; a ``warn`` suite's failures become findings
the brief shows. Each rule says in its ``meta.table`` which table it runs on:

- ``mentions``: the long table of every number found (``mentions.parquet``);
- ``indicators``: one row per catalogue indicator found (``indicators.parquet``);
- ``wide``: one row per region-year, one column per indicator, plus the totals of the
  catalogue's ``sum`` relations (``tables.relation_table``).

Great Expectations is imported only inside the functions that validate (its import
takes seconds), runs in an in-memory context with analytics and progress bars off (no
network, no notebook widgets), and never writes its own Data Docs: the validation report
is this module's own offline HTML.
"""

from __future__ import annotations

import contextlib
import html
import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import fileio, imports, layout
from .catalogue import Catalogue, load
from .exceptions import InputError, SuiteError, ValidationFailed
from .suites import SUITES, TABLES
from .suites import command as suites_command
from .tables import number_cell, relation_table, string_cell

#: Rows listed per finding; a rule broken by more rows says how many it left out.
MAX_ROWS = 50

_SEVERITIES = set(SUITES.values())


# ----------------------------------------------------------------------------- results


@dataclass
class Finding:
    """One broken rule, with what a reviewer needs to find it in the report.

    ``indicators``, ``values`` and ``sentences`` are aligned: item *k* of each is about
    the same offending row (an indicator id, its value, its source sentence).
    """

    rule: str
    suite: str
    severity: str
    zh: str
    en: str
    indicators: list = field(default_factory=list)
    values: list = field(default_factory=list)
    sentences: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"rule": self.rule, "suite": self.suite, "severity": self.severity,
                "zh": self.zh, "en": self.en, "indicators": list(self.indicators),
                "values": list(self.values), "sentences": list(self.sentences)}

    def lines(self) -> list[str]:
        """Console lines: the rule and message, then one line per offending row."""
        out = [f"- [{self.severity}] {self.rule}: {self.en} / {self.zh}"]
        for ind, val, sent in zip(self.indicators, self.values, self.sentences, strict=True):
            where = f"  «{sent}»" if sent else ""
            # a bare "= —" read as a value; a missing core indicator has none
            shown = " = " + _fmt(val) if val is not None else ": not stated (报告未给出)"
            out.append(f"    {ind or '(no indicator)'}{shown}{where}")
        return out


@dataclass(repr=False)
class ValidationReport:
    """The outcome of one validation: counts and findings (see ``validation.json``).

    In a notebook it displays as the status and the findings, escaped.
    """

    evaluated: int
    passed: int
    failures: list[Finding]
    warnings: list[Finding]

    @property
    def success(self) -> bool:
        """True when no gating rule failed."""
        return not self.failures

    @classmethod
    def from_dict(cls, data: dict) -> ValidationReport:
        """The report ``to_dict`` wrote (``validation.json``)."""
        return cls(int(data.get("evaluated", 0)), int(data.get("passed", 0)),
                   [Finding(**f) for f in data.get("failures") or []],
                   [Finding(**f) for f in data.get("warnings") or []])

    def to_dict(self) -> dict:
        return {"success": self.success, "evaluated": self.evaluated, "passed": self.passed,
                "failures": [f.to_dict() for f in self.failures],
                "warnings": [f.to_dict() for f in self.warnings]}

    def summary(self) -> str:
        return (f"{self.passed} of {self.evaluated} checks passed, "
                f"{len(self.failures)} gating failure(s), {len(self.warnings)} warning(s)")

    def __str__(self) -> str:
        # what `rol validate` prints: a count of warnings alone leaves the user to open
        # the HTML to learn which rule broke on which number
        return self.message()

    def __repr__(self) -> str:
        return f"<ValidationReport: {self.summary()}>"

    def _repr_html_(self) -> str:
        return "\n".join(_body_html(self, load()))

    def message(self) -> str:
        """Console text: the summary, then each failed rule and each warning."""
        out = [self.summary() + "."]
        if self.failures:
            out.append("Failed rules (publication stops):")
            out += [line for f in self.failures for line in f.lines()]
        if self.warnings:
            out.append("Warnings (shown in the brief):")
            out += [line for f in self.warnings for line in f.lines()]
        return "\n".join(out)


# ------------------------------------------------------------------------------ suites


@dataclass
class Suite:
    """A suite file, checked and built into one Great Expectations suite per table."""

    name: str
    severity: str
    path: Path
    entries: list[dict]
    by_table: dict = field(default_factory=dict)


def _gx():
    """Import Great Expectations with its usage analytics off (no network)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    imports.defer_iri_parser()
    import great_expectations as gx

    return gx


def _suite_error(path: Path, problem: str) -> SuiteError:
    return SuiteError(
        f"{path}: {problem}. The suites in this folder are generated from the catalogue: "
        "regenerate them with `rol catalogue suites` (--root DIR for a project's own), or "
        "fix the entry by hand "
        "(each entry needs a known Great Expectations `type`, `kwargs`, and a `meta` with "
        f"`rule`, `table` (one of {', '.join(TABLES)}), `zh`, `en` and `indicators`)."
    )


def _check_entry(path: Path, n: int, entry, known: set, rules: dict) -> None:
    where = f"entry #{n}"
    if not isinstance(entry, dict):
        raise _suite_error(path, f"{where} is not a JSON object")
    type_ = entry.get("type")
    where = f"entry #{n} ({type_!r})"
    if type_ not in known:
        close = sorted(k for k in known if _similar(k, str(type_)))
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise _suite_error(path, f"{where} names an expectation type Great Expectations "
                                 f"does not know{hint}")
    if not isinstance(entry.get("kwargs"), dict):
        raise _suite_error(path, f"{where} has no `kwargs` object")
    meta = entry.get("meta")
    if not isinstance(meta, dict):
        raise _suite_error(path, f"{where} has no `meta` object")
    for key in ("rule", "zh", "en"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise _suite_error(path, f"{where} has no `meta.{key}` text")
    if meta.get("table") not in TABLES:
        raise _suite_error(path, f"{where} has `meta.table` {meta.get('table')!r}")
    if not isinstance(meta.get("indicators", []), list):
        raise _suite_error(path, f"{where} has `meta.indicators` that is not a list")
    if meta["rule"] in rules:
        raise _suite_error(path, f"{where} repeats the rule id {meta['rule']!r} "
                                 f"(also in {rules[meta['rule']]})")
    rules[meta["rule"]] = f"{path.name} entry #{n}"


def _similar(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() > 0.9


def load_suites(suites_dir) -> list[Suite]:
    """Read, check and build every ``*.json`` suite in ``suites_dir``.

    Every entry is checked against Great Expectations' registry *before* it is built,
    because Great Expectations drops (or fails on) an unknown type with a log line that
    does not name the file; after building, the count of expectations is compared with
    the file's entries, so no rule is ever silently lost.

    Parameters
    ----------
    suites_dir : path-like
        Folder of suite files (``expectations/``).

    Returns
    -------
    list of Suite
        In file-name order.

    Raises
    ------
    SuiteError
        A file is not valid JSON, lacks ``name``/``expectations``/``meta.severity``, or an
        entry has an unknown type, bad kwargs or incomplete ``meta`` (exit code 2).
    """
    suites_dir = Path(suites_dir)
    files = sorted(suites_dir.glob("*.json"))
    if not files:
        raise SuiteError(f"{suites_dir}: no expectation suites (*.json) found. Regenerate "
                         "them with `rol catalogue suites` (--root DIR for a project's "
                         "own).")
    # A warm kernel validates report after report against the same files: parsing and
    # building them again cost about a tenth of a validation. Keyed by the files' text,
    # so an edited suite is read anew; broken files are never kept.
    try:
        key = tuple((str(path), path.read_text(encoding="utf-8")) for path in files)
    except (OSError, UnicodeDecodeError):
        return _build_suites(files, None)  # it reports the file, in file order
    return list(_built_suites(key))


@lru_cache(maxsize=4)
def _built_suites(key: tuple) -> tuple[Suite, ...]:
    """The suites of ``key`` ((path, text) per file), built once per process for a few
    folders; an error is raised every time, never kept."""
    return tuple(_build_suites([Path(p) for p, _ in key], [text for _, text in key]))


def _build_suites(files: list[Path], texts: list[str] | None) -> list[Suite]:
    """``load_suites`` without its memory: ``texts`` are the files' (None: read them)."""
    gx = _gx()
    from great_expectations.expectations.registry import _registered_expectations

    known = set(_registered_expectations)
    rules: dict[str, str] = {}
    out = []
    for k, path in enumerate(files):
        try:
            data = json.loads(texts[k] if texts else path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise _suite_error(path, f"is not UTF-8 text ({exc})") from None
        except json.JSONDecodeError as exc:
            raise _suite_error(path, f"is not valid JSON: {exc.msg} at line {exc.lineno}, "
                                     f"column {exc.colno}") from None
        if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
            raise _suite_error(path, "is not a suite: it needs an `expectations` list")
        severity = (data.get("meta") or {}).get("severity")
        if severity not in _SEVERITIES:
            raise _suite_error(path, f"has `meta.severity` {severity!r}; use one of "
                                     f"{sorted(_SEVERITIES)}")
        entries = data["expectations"]
        for n, entry in enumerate(entries):
            _check_entry(path, n, entry, known, rules)
        suite = Suite(name=str(data.get("name") or path.stem), severity=severity, path=path,
                      entries=entries)
        for table in TABLES:
            picked = [(n, e) for n, e in enumerate(entries) if e["meta"]["table"] == table]
            if not picked:
                continue
            gx_suite = gx.ExpectationSuite(name=f"{suite.name}.{table}")
            for n, entry in picked:
                try:
                    gx_suite.add_expectation_configuration(
                        _configuration(entry["type"], entry["kwargs"], entry["meta"]))
                except Exception as exc:  # noqa: BLE001 - GX raises pydantic, KeyError, its own...
                    first = str(exc).strip().splitlines()
                    raise _suite_error(path, f"entry #{n} ({entry['type']!r}, rule "
                                             f"{entry['meta']['rule']!r}) cannot be built: "
                                             f"{' '.join(first[:3])}") from None
            if len(gx_suite.expectations) != len(picked):
                raise _suite_error(path, f"Great Expectations kept {len(gx_suite.expectations)}"
                                         f" of the {len(picked)} {table} entries")
            suite.by_table[table] = gx_suite
        out.append(suite)
    return out


def _configuration(type_: str, kwargs: dict, meta: dict):
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    return ExpectationConfiguration(type=type_, kwargs=dict(kwargs), meta=dict(meta))


# -------------------------------------------------------------------------- validation


@lru_cache(maxsize=1)
def _batch_definitions():
    """One in-memory GX context with a dataframe asset per table (built once)."""
    gx = _gx()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        # Off: in a kernel, progress bars become widgets that load a CDN script.
        progress_bars=ProgressBarsConfig(globally=False),
        analytics_enabled=False,
    )
    context = gx.get_context(project_config=config, mode="ephemeral")
    source = context.data_sources.add_pandas("rol_analysis")
    return {t: source.add_dataframe_asset(t).add_batch_definition_whole_dataframe(t)
            for t in TABLES}


@contextlib.contextmanager
def _configurations_built_once():
    """Within this block, each GX expectation builds its configuration once.

    ``Expectation.configuration`` is a property that serialises the expectation's
    pydantic model into a new ``ExpectationConfiguration`` on every access, and GX 1.x
    reads it once per keyword while it validates (``self.configuration.kwargs.get(k)``
    for each domain, success and runtime key): about 90 builds per expectation per run,
    over half the cost of validating a report. An expectation does not change while it
    is validated, so each one's first build is kept until the block ends.

    The expectations of a run are fresh objects GX makes from the suite's
    configurations; the memo holds them, so no ``id`` is reused while it lives. Used
    around ``Batch.validate`` in one thread at a time (a notebook kernel, ``rol
    validate``). If GX ever stops defining the property there, nothing is changed.
    """
    from great_expectations.expectations.expectation import Expectation

    built = Expectation.__dict__.get("configuration")
    if not isinstance(built, property):
        yield
        return
    memo: dict[int, tuple] = {}

    def configuration(self):
        hit = memo.get(id(self))
        if hit is None or hit[0] is not self:
            hit = memo[id(self)] = (self, built.fget(self))
        return hit[1]

    Expectation.configuration = property(configuration, doc=built.__doc__)
    try:
        yield
    finally:
        Expectation.configuration = built


def _for_gx(df):
    """A copy GX can check: positional index, text columns as object columns, one
    block of memory per dtype.

    Great Expectations 1.x does not recognise pandas 3's ``str`` dtype as a text type;
    as an object column each value is checked to be a ``str``. Missing ids and sections
    are empty text by contract (CSV reads them back as NaN). GX filters the whole frame
    for every metric of every rule (its row conditions, its missing-value rules): the
    wide table's hundreds of columns, each a block of its own as built, made each filter
    hundreds of small copies, a fifth of the time of a validation.
    """
    import pandas as pd

    df = df.reset_index(drop=True).copy()
    for col in df.columns:
        if isinstance(df[col].dtype, pd.StringDtype) or df[col].dtype == object:
            df[col] = df[col].astype(object)
    for col in ("indicator_id", "section"):
        if col in df.columns:
            df[col] = df[col].where(df[col].notna(), "")
    return df.copy()  # a deep copy consolidates the blocks the columns above were given


def validate_tables(mentions, indicators, n_chars: int, suites_dir=None,
                    catalogue: Catalogue | None = None) -> ValidationReport:
    """Run every suite over the tables of one report (no files written).

    Parameters
    ----------
    mentions, indicators : pandas.DataFrame
        The processed tables, as in the data contract.
    n_chars : int
        Length of the decoded raw text (``report.json``), bound of the char offsets.
    suites_dir : path-like, optional
        Folder of suite files; defaults to the shipped ``expectations/``.
    catalogue : Catalogue, optional
        For the wide table; defaults to the packaged catalogue.

    Returns
    -------
    ValidationReport
        ``failures`` are the broken gating rules, ``warnings`` the broken warning rules,
        each with the offending indicators, values and source sentences.

    Raises
    ------
    SuiteError
        When a suite file is malformed or names an unknown expectation type.
    """
    cat = catalogue or load()
    suites = load_suites(suites_dir or layout.resource_dir(".", "expectations"))
    frames = {"mentions": _for_gx(mentions), "indicators": _for_gx(indicators)}
    failed_structure = set()
    results: dict[str, object] = {}
    definitions = _batch_definitions()
    params = {"n_chars": int(n_chars)}

    def run_table(table):
        batch = definitions[table].get_batch(batch_parameters={"dataframe": frames[table]})
        for suite in suites:
            if table not in suite.by_table:
                continue
            # Pass/fail first (GX's cheapest result format: about half the time of a
            # full run); only the rules that failed are run again for their offending
            # rows. A clean table, the usual case, pays for one cheap pass.
            with _configurations_built_once():
                res = batch.validate(suite.by_table[table], result_format="BOOLEAN_ONLY",
                                     expectation_parameters=params)
            failed = [r.expectation_config for r in res.results
                      if not r.success or _exception(r) is not None]
            for r in res.results:
                results[r.expectation_config.meta["rule"]] = r
            if failed:
                detail = _gx().ExpectationSuite(name=f"{suite.name}.{table}.failed")
                for config in failed:
                    detail.add_expectation_configuration(
                        _configuration(config.type, config.kwargs, config.meta))
                with _configurations_built_once():
                    res = batch.validate(detail, result_format="COMPLETE",
                                         expectation_parameters=params)
                for r in res.results:
                    results[r.expectation_config.meta["rule"]] = r

    for table in ("mentions", "indicators"):
        run_table(table)
        if any(not r.success for rule, r in results.items()
               if rule == f"{table}.columns" or rule.startswith(f"{table}.type.")):
            failed_structure.add(table)
    # The wide table needs the indicators' ids and numeric values; when those are
    # broken, its rules say nothing new and are not run.
    broken = [results.get(r) for r in ("indicators.columns", "indicators.type.value")]
    if not any(r is not None and not r.success for r in broken):
        frames["wide"] = _for_gx(relation_table(frames["indicators"], cat))
        run_table("wide")

    failures, warnings = [], []
    evaluated = passed = 0
    for suite in suites:
        for entry in suite.entries:
            meta = entry["meta"]
            r = results.get(meta["rule"])
            if r is None:
                continue  # the wide table was not built
            raised = _exception(r) is not None
            if raised and meta["table"] in failed_structure:
                continue  # a missing or mistyped column: a structure rule says so
            evaluated += 1
            if r.success and not raised:
                passed += 1
                continue
            finding = _finding(suite, entry, r, frames, raised)
            if suite.severity == "gate" and not raised and _reviewed_only(entry, r, frames):
                finding = _as_reviewed(finding)
            (failures if finding.severity == "gate" else warnings).append(finding)
    return ValidationReport(evaluated, passed, failures, warnings)


#: Rules whose failure on a reviewer's decision is a warning: the catalogue's
#: plausibility ranges. The other gate rules (units, whole counts, signs, structure)
#: say what a figure cannot be, not what it rarely is.
_REVIEWABLE = re.compile(r"^indicators\.range\.")


def _reviewed_only(entry: dict, result, frames: dict) -> bool:
    """True when a range rule failed only on numbers a reviewer named and read.

    A reviewer who confirmed, set or added a number has read it in the report: a figure
    above the catalogue's plausibility maximum is then a fact the catalogue did not
    expect (trial 4 F2: a district's livestream audience of 超1232万), not a misreading,
    so it is published with a warning. One unreviewed row in the rule's failures keeps
    the rule gating: nothing unreviewed that fails is published.
    """
    from .reviews import NAMING, parse_mark

    if not _REVIEWABLE.match(entry["meta"]["rule"]) or entry["meta"]["table"] != "indicators":
        return False
    index = (result.result or {}).get("unexpected_index_list")
    frame = frames["indicators"]
    if not index or "review" not in frame.columns:
        return False
    return all(parse_mark(frame.at[i, "review"])[0] in NAMING for i in index)


def _as_reviewed(f: Finding) -> Finding:
    """A range failure on reviewed numbers, as the warning the brief shows."""
    f.severity = "warn"
    f.zh += "（数值经复核人确认，超出范围照常发布；如范围有误，请修改指标目录）"
    f.en += (" (the value was confirmed by a reviewer, so it is published outside the "
             "range; if the range is wrong, widen it in the catalogue)")
    return f


# ----------------------------------------------------------------------------- findings


def _exception(result) -> str | None:
    """The message of an exception a rule raised, else None.

    A suite run reports exceptions per metric (``{metric id: {...}}``), a single
    expectation at the top level; both shapes are read.
    """
    info = result.exception_info or {}
    candidates = [info] + [v for v in info.values() if isinstance(v, dict)]
    for c in candidates:
        if c.get("raised_exception"):
            return str(c.get("exception_message") or "")
    return None


def _num(v):
    """A JSON-ready number (None for missing or non-numeric)."""
    # not tables.number_cell alone: validation.json needs null, not NaN or Infinity,
    # and a whole number as 3, not 3.0 (the report and _fmt print it)
    v = number_cell(v)
    if math.isnan(v) or math.isinf(v):
        return None
    return int(v) if v.is_integer() and abs(v) < 2**53 else v


def _fmt(v) -> str:
    if v is None:
        return "—"
    return format(v, ".15g") if isinstance(v, float) else str(v)


def _finding(suite: Suite, entry: dict, result, frames: dict, raised: bool) -> Finding:
    meta, kwargs = entry["meta"], entry["kwargs"]
    zh, en = meta["zh"], meta["en"]
    out = Finding(rule=meta["rule"], suite=suite.name, severity=suite.severity, zh=zh, en=en)
    res = result.result or {}
    if raised:
        exc = _exception(result).strip()
        exc = exc.splitlines()[0] if exc else "unknown error"
        out.zh = f"{zh}（规则无法运行：{exc}）"
        out.en = f"{en} (the rule could not run: {exc})"
        return out
    table = meta["table"]
    frame = frames[table]
    index = res.get("unexpected_index_list")
    if table == "wide" and index:
        rows = _wide_rows(meta.get("indicators", []), frame, frames["indicators"], index)
    elif index:
        rows = []
        for i in index:
            row = frame.loc[i]
            rows.append((string_cell(row.get("indicator_id")), _num(row.get("value")),
                         string_cell(row.get("sentence"))))
    elif entry["type"] == "expect_column_distinct_values_to_contain_set":
        # GX reports only a capped "partial" list of what is missing: recompute it.
        seen = set(frame[kwargs["column"]]) if kwargs.get("column") in frame else set()
        rows = [(i, None, "") for i in kwargs.get("value_set", []) if i not in seen]
    else:
        rows = []
        detail = _table_detail(entry, res, frame)
        out.zh, out.en = f"{zh}（{detail}）", f"{en} ({detail})"
    if len(rows) > MAX_ROWS:
        left = len(rows) - MAX_ROWS
        out.zh += f"（另有 {left} 行未列出）"
        out.en += f" ({left} more rows not listed)"
        rows = rows[:MAX_ROWS]
    out.indicators = [r[0] for r in rows]
    out.values = [r[1] for r in rows]
    out.sentences = [r[2] for r in rows]
    return out


def _wide_rows(ids: list, wide, indicators, index: list) -> list[tuple]:
    """(indicator, value, sentence) of each indicator a relation reads, per failing row."""
    sentence = {}
    for _, row in indicators.iterrows():
        key = (row.get("region"), row.get("year"), row.get("indicator_id"))
        sentence.setdefault(key, string_cell(row.get("sentence")))
    rows = []
    for i in index:
        region, year = wide.at[i, "region"], wide.at[i, "year"]
        for ind in ids:
            rows.append((ind, _num(wide.at[i, ind]), sentence.get((region, year, ind), "")))
    return rows


def _table_detail(entry: dict, res: dict, frame) -> str:
    """What a table-level rule saw: the columns found, the rows counted."""
    kwargs = entry["kwargs"]
    if entry["type"] == "expect_table_columns_to_match_ordered_list":
        want, got = list(kwargs["column_list"]), [str(c) for c in frame.columns]
        missing = [c for c in want if c not in got]
        extra = [c for c in got if c not in want]
        parts = []
        if missing:
            parts.append("missing: " + ", ".join(missing))
        if extra:
            parts.append("unexpected: " + ", ".join(extra))
        return "; ".join(parts) or "order: " + ", ".join(got)
    if entry["type"] == "expect_table_row_count_to_be_between":
        return f"rows: {res.get('observed_value')}"
    observed = res.get("observed_value")
    return f"observed: {observed}" if observed is not None else "see the table"


# ------------------------------------------------------------------------------- files


def _read_table(folder: Path, name: str):
    import pandas as pd

    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    try:
        if parquet.is_file():
            return pd.read_parquet(parquet)
        if csv.is_file():
            # Text stays text (an empty indicator id is "", not NaN); numbers are parsed.
            numeric = {"year", "value", "char_start", "char_end"}
            head = pd.read_csv(csv, encoding="utf-8-sig", nrows=0)
            text = {c: str for c in head.columns if c not in numeric}
            return pd.read_csv(csv, encoding="utf-8-sig", dtype=text, keep_default_na=False,
                               na_values={c: [""] for c in numeric})
    except (OSError, ValueError) as exc:
        raise InputError(f"{csv if csv.is_file() else parquet}: cannot be read ({exc}). "
                         "Rerun the extraction step (notebook 01) to write it again.") from None
    raise InputError(f"{folder}: no {name}.parquet or {name}.csv. Run the extraction step "
                     "(notebook 01_clean, or `rol extract`) first.")


def run(paths, catalogue: Catalogue | None = None, suites_dir=None) -> ValidationReport:
    """Validate one region-year's processed tables: notebook 02's single call.

    Reads ``mentions``, ``indicators`` and ``report.json`` from ``paths.processed``,
    writes ``validation.json`` and ``validation.html`` into ``paths.report``.

    Parameters
    ----------
    paths : layout.BuildPaths
        The region-year's paths (staging folders during a build).
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.
    suites_dir : path-like, optional
        Defaults to ``expectations/`` under ``paths.root``, else the shipped one.

    Returns
    -------
    ValidationReport
        When every gating rule passed (warnings included).

    Raises
    ------
    ValidationFailed
        When a gating rule failed (exit code 1); both files are written first, and the
        message lists each failed rule with its indicators, values and sentences.
    SuiteError, InputError
        For a broken suite file or a missing/unreadable processed table (exit code 2).
    """
    cat = catalogue or load()
    folder = Path(paths.processed)
    meta_path = folder / "report.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        n_chars = int(meta["n_chars"])
    except FileNotFoundError:
        raise InputError(f"{meta_path}: missing. Run the extraction step (notebook 01_clean) "
                         "first; it writes report.json beside the tables.") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{meta_path}: cannot read n_chars ({exc!r}). Rerun the extraction "
                         "step to write it again.") from None
    mentions = _read_table(folder, "mentions")
    indicators = _read_table(folder, "indicators")
    suites_dir = suites_dir or layout.resource_dir(paths.root, "expectations")
    report = fit_to_kind(validate_tables(mentions, indicators, n_chars, suites_dir, cat),
                         meta)
    fileio.write_json(Path(paths.report) / "validation.json", report.to_dict())
    fileio.write_text(Path(paths.report) / "validation.html", render_html(report, meta, cat))
    if not report.success:
        raise ValidationFailed(failed_message(paths, meta, report))
    return report


def failed_message(paths, meta: dict, report: ValidationReport) -> str:
    """What a failed validation tells the analyst: what stays published, and the fixes.

    The raw report is never edited (data/raw/README.md): a number read wrongly is
    corrected by a review decision, a rule that is wrong by the catalogue. A kept brief
    is mentioned only when one is published (a first build has none to keep).
    """
    kept = (Path(paths.report_final) / "brief.html").is_file()
    review = f"data/reviews/{paths.region}/{paths.year}.csv"
    return (
        f"{paths.region}/{paths.year} ({meta.get('source_file', 'raw report')}): "
        f"validation failed, so the brief is not published"
        + (" and the one published before stays as it was" if kept else
           " (none was published before)")
        + f". If a number below is read wrongly (value, unit or indicator), record a "
        f"decision with `rol review --region {paths.region} --year {paths.year}` "
        f"(set, unname or exclude in {review}; the raw report is never edited); if the "
        f"rule is wrong (a range, a unit or a relation), change it in "
        f"the catalogue (an entry of the project's catalogue/*.toml, or of "
        f"src/rol_analysis/catalogue/indicators.toml) and regenerate the suites "
        f"(`{suites_command(paths.root)}`). Then build again.\n"
        + report.message())


# ------------------------------------------------------------------- kind of report

#: The catalogue's ``core`` indicators are what a county-or-higher people's
#: government's annual report states (reconsideration, litigation, licensing, law
#: enforcement across the government). A township's or a street office's report, or one
#: department's (司法局, 办公厅), states a few of them at most: warning about the rest
#: made every such brief carry the same warning (second trial), hiding real ones. The
#: kind is read from the title, where the issuing body is named (a government report
#: is often signed by its 司法局, so the signature does not tell while the title names
#: the government). A title that names no body at all ("2024年法治政府建设情况报告",
#: common on a town's or a bureau's own web page) leaves the signer as the only word on
#: who reports: then the issuer (the signature, else the page's 发布机构) decides.
#: Guangzhou and others name a 街道 "XX街" in titles (鹤龙街2024年…).
_TOWNSHIP_RE = re.compile(
    r"^(?:\d{4}年度?)?[\u4e00-\u9fff（）()]{0,24}?(?:乡|镇|街道|街)(?:人民政府|办事处)?"
    r"(?=\d|关于|法治|年度|依法)")
_DEPARTMENT_RE = re.compile(r"^(?:\d{4}年度?)?[\u4e00-\u9fff]{1,20}?(?:局|厅)(?!长)")
#: a title naming no body: a year, 关于, then straight to the subject
_BARE_TITLE_RE = re.compile(r"^(?:关于)?(?:\d{4}年度?)?(?:关于)?(?:法治|依法|年度)")
_TOWNSHIP_ISSUER_RE = re.compile(
    r"(?:乡|镇|街道)(?:人民政府|办事处|党委|党工委)?(?:（[^）]*）)?$")
_DEPARTMENT_ISSUER_RE = re.compile(r"(?:局|厅)(?:党组|党委)?(?:（[^）]*）)?$")
CORE_RULE = "completeness.core"


def report_kind(meta: dict) -> str:
    """``township``, ``department`` or ``government``, from the report's title, else
    its issuer.

    The title decides when it names a body: a 乡/镇/街道 or a 局/厅, else a government.
    A title naming no body (or no title) leaves it to ``meta["issuer"]`` (the signature,
    else the web page's metadata): a 乡/镇/街道 (人民政府, 办事处) or a 局/厅 there
    gives that kind. Otherwise ``government`` (a county-or-higher people's government,
    the kind the catalogue's ``core`` indicators are for).
    """
    title = re.sub(r"\s+", "", meta.get("title") or "")
    if _TOWNSHIP_RE.search(title):
        return "township"
    if _DEPARTMENT_RE.search(title):
        return "department"
    if title and not _BARE_TITLE_RE.match(title):
        return "government"
    return issuer_kind(meta.get("issuer")) or "government"


def issuer_kind(issuer) -> str | None:
    """``township``, ``department`` or ``government``: the kind of the body that signed
    (or, on a web page, published) the report, from its name alone; None without one.

    Not :func:`report_kind`, whose report it is: a district's report signed by its
    司法局 (the seed: 2023年度卫滨区…报告, 新乡市卫滨区司法局) is a government's report
    (its figures are the district's) with a department as issuer. The panel's
    ``region_years`` gives both (trial 5 F15: ``issuer_kind`` government beside a
    司法局 read as a mistake).
    """
    issuer = re.sub(r"\s+", "", issuer or "") if isinstance(issuer, str) else ""
    if not issuer:
        return None
    if _TOWNSHIP_ISSUER_RE.search(issuer):
        return "township"
    if _DEPARTMENT_ISSUER_RE.search(issuer):
        return "department"
    return "government"


def fit_to_kind(report: ValidationReport, meta: dict) -> ValidationReport:
    """The completeness warning as it fits the kind of report (:func:`report_kind`).

    A township's or a department's report is not checked for the core indicators (the
    rule is not counted as evaluated); for a government's report the warning says that
    it was checked as one, so a reader can tell when the title was misread.
    """
    kind = report_kind(meta)
    kept = []
    for f in report.warnings:
        if f.rule != CORE_RULE:
            kept.append(f)
        elif kind == "government":
            signer = issuer_kind(meta.get("issuer"))
            if signer in ("department", "township"):
                # the seed: a district's report its 司法局 signed. The header shows the
                # signer, so say why it is still read as the government's report (a
                # reviewer trial read "department" above "checked as a government")
                f.zh += ("（报告题目写的是本地区，不是某一部门或乡镇，虽由"
                         f"{meta['issuer'].strip()}署名，仍按县级以上人民政府的年度报告检查；"
                         "乡镇、街道和部门的报告不查此项）")
                f.en += (" (checked as a county-or-higher government's annual report: its "
                         "title names the region, not a department or township, though "
                         f"{'a department' if signer == 'department' else 'a township'} "
                         "signed it; a township's, a street office's or a department's "
                         "report is not checked for them)")
            else:
                f.zh += "（按县级以上人民政府的年度报告检查；乡镇、街道和部门的报告不查此项）"
                f.en += (" (checked as a county-or-higher government's annual report; a "
                         "township's, a street office's or a department's report is not "
                         "checked for them)")
            kept.append(f)
    dropped = len(report.warnings) - len(kept)
    return ValidationReport(report.evaluated - dropped, report.passed, report.failures,
                            kept)


# -------------------------------------------------------------------------------- HTML

#: Replaced by the embedded font's ``@font-face`` once the page's text is final.
_FONT_PLACEHOLDER = "/*ROL-FONT-FACE*/"

# The embedded subset comes first: a machine without any CJK font (a fresh CI runner, a
# minimal container) would otherwise draw every Chinese character as an empty box.
_CSS = """
body{font-family:"WEB_FAMILY",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}
.status{padding:.6rem 1rem;border:2px solid}.pass{border-color:#2a7a2a}
.fail{border-color:#b00020}
.finding{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #999;break-inside:avoid}
.gate{border-left-color:#b00020}.warn{border-left-color:#c77800}
.rule{font-family:monospace;color:#555}.en{color:#444}
table{border-collapse:collapse;width:100%;margin-top:.5rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
@media print{body{margin:0;max-width:none}a{color:inherit}}
"""


def render_html(report: ValidationReport, meta: dict | None = None,
                catalogue: Catalogue | None = None) -> str:
    """The validation report as one self-contained, offline HTML page (zh and en).

    Every text taken from a report is escaped (a report may contain ``<script>``); no
    timestamps, no absolute paths, no external resources. The Chinese font is embedded,
    subset to the page's characters (as in the brief), so the page reads on a machine
    without CJK fonts.
    """
    from .fonts import WEB_FAMILY, font_face_css

    cat = catalogue or load()
    meta = meta or {}
    e = html.escape
    place = meta.get("region_name") or meta.get("region", "")
    title_zh = f"{place} {meta.get('year', '')} 年报告数据校验"
    title_en = f"Data validation: {meta.get('region', '')} {meta.get('year', '')}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title_zh.strip())} / {e(title_en.strip())}</title>",
        f"<style>{_FONT_PLACEHOLDER}{_CSS.replace('WEB_FAMILY', WEB_FAMILY)}</style></head>",
        "<body><main>",
        f"<h1>{e(title_zh.strip())}<br><span class=\"en\">{e(title_en.strip())}</span></h1>",
    ]
    if meta.get("source_file"):
        parts.append(f"<p>来源文件 Source file: {e(str(meta['source_file']))}"
                     + (f" · {e(str(meta['title']))}" if meta.get("title") else "") + "</p>")
    parts += _body_html(report, cat)
    parts.append("</main></body></html>")
    page = "\n".join(parts) + "\n"
    # Subset to the page's own characters (the @font-face rule adds only ASCII, which
    # every subset holds); the same page gives the same font bytes.
    return page.replace(_FONT_PLACEHOLDER, font_face_css(page), 1)


def _body_html(report: ValidationReport, cat: Catalogue) -> list[str]:
    """Status, counts and findings as HTML fragments (escaped)."""
    e = html.escape
    ok = report.success
    status_zh = ("通过：可以发布简报。" if ok else
                 "未通过：简报不发布（此前如已发布简报，则保持不变）。")
    status_en = ("Passed: the brief can be published." if ok else
                 "Failed: the brief is not published (a brief published before, if any, "
                 "stays as it was).")
    parts = [
        (f'<div class="status {"pass" if ok else "fail"}"><p><strong>{e(status_zh)}</strong>'
        f'<br><span class="en">{e(status_en)}</span></p>'),
        (f"<p>检查 {report.evaluated} 项，通过 {report.passed} 项；关键失败 "
        f"{len(report.failures)} 项，提示 {len(report.warnings)} 项。<br>"
        f'<span class="en">{report.evaluated} checks, {report.passed} passed; '
        f"{len(report.failures)} gating failure(s), {len(report.warnings)} warning(s).</span>"
        "</p></div>"),
    ]
    for heading_zh, heading_en, findings in (
        ("关键规则未通过", "Gating rules that failed", report.failures),
        ("提示", "Warnings", report.warnings),
    ):
        if not findings:
            continue
        parts.append(f"<h2>{heading_zh} <span class=\"en\">{heading_en}</span></h2>")
        for f in findings:
            parts.append(_finding_html(f, cat))
    if ok and not report.warnings:
        parts.append("<p>所有规则均通过。<span class=\"en\">Every rule passed.</span></p>")
    return parts


def _finding_html(f: Finding, cat: Catalogue) -> str:
    e = html.escape
    out = [f'<div class="finding {e(f.severity)}">',
           (f"<p><strong>{e(f.zh)}</strong><br><span class=\"en\">{e(f.en)}</span><br>"
           f'<span class="rule">{e(f.suite)} · {e(f.rule)}</span></p>')]
    if f.indicators:
        out.append("<table><thead><tr><th>指标 Indicator</th><th>数值 Value</th>"
                   "<th>原文 Source sentence</th></tr></thead><tbody>")
        for ind, val, sent in zip(f.indicators, f.values, f.sentences, strict=True):
            known = cat.indicators.get(ind)
            name = (f"{e(known.zh_name)}<br><span class=\"en\">{e(known.en_name)}</span>"
                    if known else "")
            label = f"{name}<br><span class=\"rule\">{e(ind)}</span>" if ind else "—"
            out.append(f"<tr><td>{label}</td><td class=\"num\">{e(_fmt(val))}</td>"
                       f"<td>{e(sent) if sent else '—'}</td></tr>")
        out.append("</tbody></table>")
    out.append("</div>")
    return "\n".join(out)
