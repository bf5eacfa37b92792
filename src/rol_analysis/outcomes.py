"""What ``rol build`` and ``rol validate`` did to each region-year: one status, the log
line that says it, and the machine-readable summary (``--summary FILE.json``).

A failure's line starts with a capital word and the region-year, the same in both
commands, so a CI log is searched with one pattern::

    FAILED weibin/2024: validation failed; …        (exit 1: a gating rule failed)
    UNREADABLE nonum/2024: no statistic was found …  (exit 2: the report cannot be used)
    ERROR wuxing/2023: 03_analyze.ipynb failed …     (a notebook, a worker, the machine)

``grep -E '^(FAILED|UNREADABLE|ERROR) '`` finds them. The summary's ``reason`` of a
region-year is the text its line gives after the region-year, so the two never differ.
Schema: docs/design.md "CI: the build summary".
"""

from __future__ import annotations

from pathlib import Path

#: Version of the summary's layout: raised when a key changes meaning or goes away.
SCHEMA = 1

BUILT, UP_TO_DATE, PASSED = "built", "up_to_date", "passed"
FAILED_VALIDATION, UNREADABLE, ERROR = "failed_validation", "unreadable", "error"
IGNORED = "ignored"
#: The word a failure's log line starts with.
FLAGS = {FAILED_VALIDATION: "FAILED", UNREADABLE: "UNREADABLE", ERROR: "ERROR"}
#: The statuses each command counts in ``totals`` (every one, zero or not).
STATUSES = {"build": (BUILT, UP_TO_DATE, FAILED_VALIDATION, UNREADABLE, ERROR, IGNORED),
            "validate": (PASSED, FAILED_VALIDATION, UNREADABLE, ERROR, IGNORED)}


def status(result) -> str:
    """The summary's status of a ``pipeline.BuildResult``."""
    if result.status == "invalid":
        return FAILED_VALIDATION
    if result.status == "error":
        return UNREADABLE if result.unreadable else ERROR
    return {"built": BUILT, "skipped": UP_TO_DATE, "passed": PASSED}[result.status]


def build_reason(root: Path, result) -> str | None:
    """What ``rol build``'s line says of a region-year that failed (None: it did not)."""
    if result.status == "invalid":
        where = Path(root) / "reports" / result.region / str(result.year)
        # a first build has no brief to keep (trial 4 F3)
        kept = ("the published tables and brief were left as they were"
                if (where / "brief.html").is_file() else "no brief is published for it yet")
        again = (" (its inputs are those it failed on, so it was not validated again)"
                 if result.unchanged else "")
        return (f"validation failed{again}; {kept}. The failed validation report: "
                f"{where / 'validation-failed.html'}\n{result.message}")
    return result.message if result.status == "error" else None


def validate_reason(result) -> str | None:
    """What ``rol validate``'s line says of a region-year that did not pass."""
    if result.status == "invalid":
        # the message says "validation failed" itself
        return f"{result.message}\nvalidation report: {result.report_path}"
    return result.message if result.status == "error" else None


def failure_line(result, reason: str) -> str:
    """``FAILED weibin/2024: <reason>``: the line (and what follows) a log gives it."""
    return f"{FLAGS[status(result)]} {result.key}: {reason}"


def _mismatches(folder: Path) -> dict | None:
    """The brief's 不一致 counts (as reports/index.html gives them), None without one."""
    from .render import ratio_statuses, stated_mismatches
    from .statuses import MISMATCH, MISMATCH_INFERRED

    if not (folder / "brief.html").is_file():
        return None
    counts = ratio_statuses(folder) or {}
    return {"ratios": counts.get(MISMATCH, 0), "ratios_inferred": counts.get(MISMATCH_INFERRED, 0),
            "stated_changes": stated_mismatches(folder) or 0}


def _entry(root: Path, command: str, result, reason: str | None) -> dict:
    from .fileio import sha256_file

    rel = f"{result.region}/{result.year}"
    report, tables = root / "reports" / rel, root / "data" / "processed" / rel
    if command == "validate":
        places = {"validation": Path(result.report_path)} if result.report_path else {}
    else:
        places = {"brief": report / "brief.html", "pdf": report / "brief.pdf",
                  "validation": report / "validation.html",
                  "failed_validation": report / "validation-failed.html", "tables": tables}
    outputs = {}
    for name, path in places.items():
        if path.exists():
            try:  # relative to the root: the same file on every CI machine
                shown = path.absolute().relative_to(root).as_posix()
            except ValueError:
                shown = str(path)
            outputs[name] = shown + ("/" if path.is_dir() else "")
    brief = report / "brief.html"
    has_brief = command == "build" and brief.is_file()
    return {"region": result.region, "year": result.year, "status": status(result),
            "reason": reason, "outputs": outputs,
            "mismatches": _mismatches(report) if has_brief else None,
            "brief_sha256": sha256_file(brief) if has_brief else None}


def summary(root, command: str, results, reasons: dict, exit_code: int,
            ignored=(), error: str | None = None) -> dict:
    """The ``--summary`` document of one run.

    Parameters
    ----------
    root : Path
        The project root (output paths are given relative to it).
    command : str
        ``build`` or ``validate``.
    results : list of pipeline.BuildResult
        One per region-year tried.
    reasons : dict
        ``key -> reason`` as the log printed it (failures only).
    exit_code : int
        The command's exit code.
    ignored : list of dict
        ``path`` (relative to the root) and ``reason`` of what under data/raw was not
        built, as the log lists it.
    error : str, optional
        The message of a failure that stopped the command before any region-year.
    """
    root = Path(root).absolute()
    entries = sorted((_entry(root, command, r, reasons.get(r.key)) for r in results),
                     key=lambda e: (e["region"], e["year"]))
    totals = {s: 0 for s in STATUSES[command]}
    for e in entries:
        totals[e["status"]] += 1
    totals[IGNORED] = len(ignored)
    return {"schema": SCHEMA, "command": command, "exit_code": exit_code, "error": error,
            "region_years": entries, "ignored": sorted(ignored, key=lambda i: i["path"]),
            "totals": totals}


def write(path, document: dict) -> Path:
    """Write the summary atomically (a temporary file renamed into place), keys sorted:
    two runs that did the same write the same bytes."""
    from .fileio import write_json

    return write_json(path, document)
