"""The build runner: raw report -> processed tables -> validated -> analysed -> brief.

A build of one region-year runs in two phases, each a pair of notebooks executed by
papermill on a warm kernel (see ``engine.py``):

- data phase: ``01_clean`` and ``02_validate`` write ``data/processed/<region>/<year>/``
  into a staging folder; when validation passes the folder is renamed into place.
- brief phase: ``03_analyze`` and ``04_brief`` read the published tables (this
  region-year's and, for year-over-year and cross-region panels, its peers'), the brief
  is rendered to HTML, and the report folder is renamed into place.

``build`` runs every data phase before any brief phase, so a brief always sees the
whole batch's data whatever the number of workers: same inputs, same outputs.

Each phase records a fingerprint (sha256 of every input it depends on) in
``build.json``; an unchanged region-year is skipped without starting a kernel.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import functools
import hashlib
import os
import queue as _queue
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__, layout
from .exceptions import BuildError, InputError, RolError, UsageError, ValidationFailed
from .fileio import read_json, sha256_file, write_bytes, write_json

DATA_NOTEBOOKS = ("01_clean.ipynb", "02_validate.ipynb")
BRIEF_NOTEBOOKS = ("03_analyze.ipynb", "04_brief.ipynb")
BUILD_FILE = "build.json"

@dataclass
class BuildResult:
    """What happened to one region-year."""

    region: str
    year: int
    status: str  # built | skipped | invalid | error
    message: str = ""
    exit_code: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.region}/{self.year}"


# --------------------------------------------------------------------------- targets


def find_targets(root) -> list[tuple[str, int]]:
    """Every (region, year) with a raw report under ``root/data/raw``, sorted.

    Files whose name is not a report year (``2000..next year``) are not reports.
    """
    raw = Path(root) / "data" / "raw"
    found = set()
    if raw.is_dir():
        for region_dir in raw.iterdir():
            if not region_dir.is_dir() or not layout.REGION_RE.match(region_dir.name):
                continue
            for f in region_dir.iterdir():
                if (f.is_file() and f.suffix.lower() in layout.RAW_SUFFIXES
                        and f.stem.isdigit() and len(f.stem) == 4
                        and layout.MIN_YEAR <= int(f.stem) <= layout.max_year()):
                    found.add((region_dir.name, int(f.stem)))
    return sorted(found)


def ignored(root) -> list[dict]:
    """What under ``root/data/raw`` is not built, and why: ``{"path", "reason", "fix"}``.

    Hidden files, ``regions.csv`` and READMEs are the folder's own and not listed.
    """
    raw = Path(root) / "data" / "raw"
    out = []

    def skip(path, reason, fix):
        out.append({"path": path, "reason": reason, "fix": fix})

    if not raw.is_dir():
        return out
    for entry in sorted(raw.iterdir()):
        if entry.name.startswith(".") or entry.name == "regions.csv" or (
                entry.is_file() and entry.stem.upper() == "README"):
            continue
        if not entry.is_dir():
            skip(entry, "a file directly in data/raw/, not in a region folder",
                 "move it to data/raw/<region>/<year>.<ext>")
            continue
        if not layout.REGION_RE.match(entry.name):
            slug = re.sub(r"[^a-z0-9-]+", "-", entry.name.lower()).strip("-") or "name"
            skip(entry, "the folder name is not a region slug (lower-case letters, "
                        f"digits and hyphens, at most {layout.MAX_REGION_LEN} characters)",
                 f"rename it, e.g. to {slug[:layout.MAX_REGION_LEN]}, and use that slug in "
                 "regions.csv")
            continue
        for f in sorted(entry.iterdir()):
            if f.name.startswith("."):
                continue
            suffix, stem = f.suffix.lower(), f.stem
            is_year = stem.isdigit() and len(stem) == 4
            if f.is_dir():
                skip(f, "a folder, not a report file",
                     f"put the report file itself at {entry / stem}.<txt|docx|html|pdf>"
                     if is_year else "remove it or move it out of data/raw/")
            elif suffix not in layout.RAW_SUFFIXES:
                hint = ("open it in Word, WPS or LibreOffice and save it as .docx"
                        if suffix in (".doc", ".wps", ".rtf", ".odt")
                        else "save it as .txt, .docx, .html or .pdf")
                skip(f, f"{suffix or 'no extension'} is not a report format", hint)
            elif not is_year:
                skip(f, "the file name is not a year", f"name it <year>{suffix}, "
                     f"e.g. {entry / ('2023' + suffix)}")
            elif not layout.MIN_YEAR <= int(stem) <= layout.max_year():
                skip(f, f"{stem} is outside the report years {layout.MIN_YEAR}-"
                        f"{layout.max_year()}", "correct the year in the file name")
    return out


def select_targets(root, region=None, year=None, all_=False) -> list[tuple[str, int]]:
    """Resolve the command-line choice of region-years, checking every parameter first."""
    root = Path(root)
    if not (root / "data" / "raw").is_dir():
        raise UsageError(
            f"{root}: no data/raw/ folder here. Run rol from the project folder or pass "
            "--root DIR pointing at the folder that holds data/raw/<region>/<year>.txt."
        )
    if region is not None:
        layout.check_region(region)
    if year is not None:
        year = layout.check_year(year)
    targets = find_targets(root)
    if all_:
        chosen = [t for t in targets if (region is None or t[0] == region)
                  and (year is None or t[1] == year)]
    else:
        if region is None or year is None:
            raise UsageError(
                "say which report to build: --region R --year Y (for example --region "
                "weibin --year 2023), or --all for every report under data/raw."
            )
        chosen = [(region, year)]
    if not all_:
        for r, y in chosen:
            _ = layout.build_paths(root, r, y).raw  # raises when the raw file is missing
    if not chosen:
        asked = " and ".join(f"{k} {v}" for k, v in (("region", region), ("year", year))
                             if v is not None)
        raise UsageError(f"{root / 'data' / 'raw'}: no raw reports "
                         f"{'for ' + asked if asked else 'at all'}; nothing to build. Run "
                         "`rol list` to see what is there, or add "
                         "data/raw/<region>/<year>.txt (see data/raw/README.md).")
    return chosen


# ----------------------------------------------------------------------- fingerprints


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """sha256 over the installed package's own files: code changes rebuild."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(pkg.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(pkg)).encode())
            h.update(sha256_file(p).encode())
    return h.hexdigest()


def _digest_files(folder: Path, names) -> dict[str, str]:
    return {n: sha256_file(folder / n) for n in names}


def data_fingerprint(root, paths: layout.BuildPaths) -> dict:
    """Everything the data phase's outputs depend on.

    Of ``regions.csv`` only this region's row counts (its name is checked against the
    report's): adding another region's line changes nothing here.
    """
    from . import regions

    nb_dir = layout.resource_dir(root, "notebooks")
    exp_dir = layout.resource_dir(root, "expectations")
    return {
        "parameters": {"region": paths.region, "year": paths.year},
        "raw": {paths.raw.name: sha256_file(paths.raw)},
        "region_row": regions.row_for(regions.default_path(root), paths.region),
        "notebooks": _digest_files(nb_dir, DATA_NOTEBOOKS),
        "expectations": _digest_files(exp_dir, sorted(p.name for p in exp_dir.glob("*.json"))),
        "package": {"version": __version__, "sha256": _package_digest()},
    }


def _peers(root, paths: layout.BuildPaths) -> dict[str, str]:
    """Published tables the brief shows: the region's latest earlier year and the
    year's other regions (``layout.brief_peers``); a later year is not among them."""
    return {f"{region}/{year}": sha256_file(f) for region, year, f
            in layout.brief_peers(root, paths.region, paths.year, "indicators.csv")}


def brief_fingerprint(root, paths: layout.BuildPaths, data_fp: dict, pdf: bool) -> dict:
    """Everything the brief depends on; ``pdf`` records whether a PDF was printed."""
    nb_dir = layout.resource_dir(root, "notebooks")
    return {
        "data": data_fp,
        "notebooks": _digest_files(nb_dir, BRIEF_NOTEBOOKS),
        "peers": _peers(root, paths),
        "pdf": bool(pdf),
    }


def brief_matches(done: dict | None, fp: dict, pdf: bool) -> bool:
    """Whether a recorded brief build ``done`` is current for ``fp``.

    A build that asks for no PDF is satisfied by a brief with one (the PDF, printed
    from the same HTML, stays); one asking for a PDF needs it printed.
    """
    if not done:
        return False
    same = {k: v for k, v in done.items() if k != "pdf"} == {
        k: v for k, v in fp.items() if k != "pdf"}
    return same and (not pdf or bool(done.get("pdf")))


def _explain(old, new, where: str = "") -> list[str]:
    """What differs between two fingerprints, in words (for ``rol list``)."""
    if not isinstance(old, dict):
        return ["never built"]
    reasons = []
    labels = {"raw": "raw report", "notebooks": "notebook", "expectations":
              "expectation suite", "peers": "published peer"}
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b or key == "pdf":
            continue
        if key == "data":
            reasons += _explain(a, b)
        elif key == "region_row":
            reasons.append("its row in regions.csv " + (
                "was added" if a is None else "was removed" if b is None else "changed"))
        elif key == "package":
            va, vb = (a or {}).get("version"), (b or {}).get("version")
            reasons.append(f"rol-analysis changed ({va} -> {vb})" if va != vb
                           else "rol-analysis's code changed")
        elif key in labels and isinstance(a, dict) and isinstance(b, dict):
            for name in sorted(set(a) | set(b)):
                if a.get(name) != b.get(name):
                    what = ("new" if name not in a else "removed" if name not in b
                            else "changed")
                    reasons.append(f"{labels[key]} {name} {what}")
        else:
            reasons.append(f"{key.replace('_', ' ')} changed")
    return reasons or ["the build record differs"]


# -------------------------------------------------------------------- folder helpers


def _swap_into_place(stage: Path, final: Path, keep: Path | None = None) -> None:
    """Replace ``final`` by ``stage`` with two renames.

    The replaced folder is removed, or moved to ``keep`` when given (so a later failure
    can put it back with ``_restore``).
    """
    old = final.with_name(f".{final.name}.old")
    for leftover in (old, keep):
        if leftover is not None and leftover.exists():
            shutil.rmtree(leftover)
    if final.exists():
        os.replace(final, old)
    os.replace(stage, final)
    if old.exists():
        if keep is not None:
            os.replace(old, keep)
        else:
            shutil.rmtree(old)


def _previous(final: Path) -> Path:
    return final.with_name(f".{final.name}.previous")


def _restore(final: Path) -> None:
    """Put back the folder a data phase replaced, after its brief phase failed."""
    prev = _previous(final)
    if prev.exists():
        if final.exists():
            shutil.rmtree(final)
        os.replace(prev, final)


def _recover(final: Path) -> None:
    """Undo a swap interrupted between its two renames."""
    old = final.with_name(f".{final.name}.old")
    if old.exists() and not final.exists():
        os.replace(old, final)


@contextlib.contextmanager
def _locked(paths: layout.BuildPaths):
    """One build of a region-year at a time (another process waits)."""
    lock_path = paths.report_final.with_name(f".{paths.year}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as fh:
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: no lock, builds still atomic
            pass
        yield


# ----------------------------------------------------------------- notebook running


def _scrub(nb_path: Path) -> None:
    """Drop run timings, random ids and absolute paths from an executed notebook."""
    import nbformat

    nb = nbformat.read(nb_path, as_version=4)
    pm = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration"):
        pm.pop(key, None)
    for key in ("input_path", "output_path"):
        if pm.get(key):
            pm[key] = Path(pm[key]).name
    for cell in nb.cells:
        cell.metadata.get("papermill", {}).clear()
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill draws a random id per run
    write_bytes(nb_path, (nbformat.writes(nb) + "\n").encode("utf-8"))


def _kernel_error(exc, nb_name: str, out_path: Path) -> RolError:
    """Turn a notebook failure into the error the user should see."""
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    if ename in ("InputError", "UsageError", "SuiteError"):
        err = InputError(evalue)
        return err
    if ename == "ValidationFailed":
        return ValidationFailed(evalue)
    return BuildError(
        f"notebook {nb_name} failed with {ename}: {evalue}. The executed notebook with the "
        f"full traceback is kept at {out_path}; fix the cause and run the build again."
    )


def run_notebook(root: Path, nb_name: str, paths: layout.BuildPaths, out_dir: Path,
                 on_step=None) -> Path:
    """Execute one notebook of the pipeline for ``paths`` on the warm kernel."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from . import engine

    if on_step:
        on_step(paths.region, paths.year, nb_name)
    nb_in = layout.resource_dir(root, "notebooks") / nb_name
    out = out_dir / nb_name
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(nb_in), str(out),
            parameters={"region": paths.region, "year": paths.year, "root": "."},
            engine_name=engine.ENGINE_NAME, kernel_name=engine.KERNEL_NAME,
            progress_bar=False, request_save_on_cell_execute=False,
            kernel_cwd=str(Path(root).resolve()),
        )
    except PapermillExecutionError as exc:
        raise _kernel_error(exc, nb_name, out) from None
    _scrub(out)
    return out


# ------------------------------------------------------------------------- phases


@contextlib.contextmanager
def _phase(root, region, year, on_error=None):
    """Lock a region-year, time the phase and turn any failure into its result.

    Yields ``(paths, result)``; the result starts as ``skipped``. Failures are reported
    per region-year so a batch goes on; ``on_error(paths)`` runs first to put back what
    the phase had replaced.
    """
    paths = layout.build_paths(root, region, year)
    result = BuildResult(region, paths.year, "skipped")
    t0 = time.perf_counter()
    try:
        with _locked(paths):
            yield paths, result
    except BaseException as exc:  # Ctrl-C too: put things back, then let it through
        if on_error is not None:
            on_error(paths)
        if not isinstance(exc, Exception):
            raise
        _fail_result(result, exc)
    finally:
        result.seconds = time.perf_counter() - t0


def _last_validation_failed(paths: layout.BuildPaths) -> bool:
    validation = read_json(paths.report_final / "validation.json")
    return bool(validation) and not validation.get("success", True)


def data_phase(root, region, year, force=False, on_step=None) -> BuildResult:
    """Run 01_clean and 02_validate; publish ``data/processed`` when valid.

    Returns a result with status ``built`` or ``skipped``; a gate failure gives status
    ``invalid`` (validation.html is published, nothing else), bad input ``error``.
    """
    root = Path(root)
    with _phase(root, region, year) as (paths, result):
        _recover(paths.processed_final)
        _recover(paths.report_final)
        # Tables kept back by a build whose brief phase never finished (killed): put
        # them back, so this build redoes the data phase instead of trusting them.
        _restore(paths.processed_final)
        fp = data_fingerprint(root, paths)
        done = read_json(paths.processed_final / BUILD_FILE)
        # After a failed attempt the published validation report describes that
        # attempt, not the tables: run again even if the inputs are back as they were.
        if not force and done == fp and not _last_validation_failed(paths):
            return result
        for stage in (paths.processed, paths.report):
            shutil.rmtree(stage, ignore_errors=True)
            stage.mkdir(parents=True)
        for nb_name in DATA_NOTEBOOKS:
            try:
                run_notebook(root, nb_name, paths, paths.report / "notebooks", on_step)
            except ValidationFailed:
                _publish_validation(paths)  # the reviewer needs to see why; nothing else
                raise
        write_json(paths.processed / BUILD_FILE, fp)
        # e.g. the report names another region or year than the folder it is filed in
        report = read_json(paths.processed / "report.json") or {}
        result.warnings = list(report.get("warnings") or [])
        # The old tables are kept until this region-year's brief is published, so a
        # failed brief phase leaves every output as it was.
        _swap_into_place(paths.processed, paths.processed_final,
                         keep=_previous(paths.processed_final))
        result.status = "built"
    return result


def _publish_validation(paths: layout.BuildPaths) -> None:
    """Copy the staging validation report (JSON and HTML together) into place."""
    for name in ("validation.json", "validation.html"):
        src = paths.report / name
        if src.is_file():
            write_bytes(paths.report_final / name, src.read_bytes())


def validate_only(root, region, year):
    """``rol validate``: extract and validate one report, publish only its validation.

    Runs steps 01 and 02 in this process (no notebooks), under the region-year's build
    lock, and publishes ``validation.json`` and ``validation.html``; the tables and the
    brief stay as they were.

    Returns
    -------
    validate.ValidationReport

    Raises
    ------
    ValidationFailed
        A gating rule failed (the validation report is published all the same).
    """
    from . import extract, validate

    paths = layout.build_paths(root, region, year)
    _ = paths.raw  # a clear error when there is no raw report
    with _locked(paths):
        for stage in (paths.processed, paths.report):
            shutil.rmtree(stage, ignore_errors=True)
            stage.mkdir(parents=True)
        try:
            extract.clean(paths)
            try:
                return validate.run(paths)
            finally:
                _publish_validation(paths)
        finally:
            for stage in (paths.processed, paths.report):
                shutil.rmtree(stage, ignore_errors=True)


def _fail_result(result: BuildResult, exc: Exception) -> None:
    from .exceptions import write_error

    exc = write_error(exc) or exc
    if not isinstance(exc, RolError):
        exc = BuildError(f"{result.key}: unexpected {type(exc).__name__}: {exc}. This is a "
                         "bug in rol-analysis; rerun with ROL_DEBUG=1 and report it.")
        if os.environ.get("ROL_DEBUG"):
            import traceback

            traceback.print_exc()
    result.status = "invalid" if isinstance(exc, ValidationFailed) else "error"
    result.message, result.exit_code = exc.message, exc.exit_code


def brief_phase(root, region, year, force=False, pdf=False, on_step=None,
                fresh_data=False) -> BuildResult:
    """Run 03_analyze and 04_brief on published data; render and publish the report.

    ``fresh_data`` says the data phase ran in this build, so the report's staging
    folder holds its notebooks and validation report; otherwise they are carried over
    from the published report.
    """
    root = Path(root)
    with _phase(root, region, year,
                on_error=lambda paths: _restore(paths.processed_final)) as (paths, result):
        data_fp = read_json(paths.processed_final / BUILD_FILE)
        if data_fp is None:
            raise BuildError(
                f"{paths.processed_final}: no validated tables to build a brief from. "
                f"Run `rol build --region {region} --year {year}` to build them first."
            )
        fp = brief_fingerprint(root, paths, data_fp, pdf)
        done = read_json(paths.report_final / BUILD_FILE)
        # Fresh data means a fresh validation report in the staging folder: publish it.
        if (not force and not fresh_data and brief_matches(done, fp, pdf)
                and (paths.report_final / "brief.html").is_file()):
            return result
        stage = paths.report
        if not fresh_data:
            shutil.rmtree(stage, ignore_errors=True)
            if not (paths.report_final / "validation.json").is_file():
                raise BuildError(
                    f"{paths.report_final}: the validation outputs are missing. Run "
                    f"`rol build --region {region} --year {year} --force`."
                )
            shutil.copytree(paths.report_final, stage)
        for nb_name in BRIEF_NOTEBOOKS:
            run_notebook(root, nb_name, paths, stage / "notebooks", on_step)
        from . import render

        if on_step:
            on_step(paths.region, paths.year, "brief.html")
        render.render_brief(stage / "notebooks" / BRIEF_NOTEBOOKS[-1], stage / "brief.html")
        if pdf:
            render.print_pdf(stage / "brief.html", stage / "brief.pdf")
        elif _keeps_pdf(paths, stage, done):
            fp["pdf"] = True  # same HTML as the published one: its PDF still matches it
        else:
            (stage / "brief.pdf").unlink(missing_ok=True)
        write_json(stage / BUILD_FILE, fp)
        _swap_into_place(stage, paths.report_final)
        shutil.rmtree(_previous(paths.processed_final), ignore_errors=True)
        result.status = "built"
    return result


def _keeps_pdf(paths: layout.BuildPaths, stage: Path, done: dict | None) -> bool:
    """Carry the published brief.pdf into ``stage`` when the new brief.html is
    byte-identical to the one it was printed from (a build without ``--pdf`` must not
    drop an up-to-date PDF)."""
    old_pdf = paths.report_final / "brief.pdf"
    old_html = paths.report_final / "brief.html"
    if not (done or {}).get("pdf") or not old_pdf.is_file() or not old_html.is_file():
        return False
    if old_html.read_bytes() != (stage / "brief.html").read_bytes():
        return False
    if not (stage / "brief.pdf").is_file():
        shutil.copy2(old_pdf, stage / "brief.pdf")
    return True


# ------------------------------------------------------------------------ executors


class InlineExecutor(cf.Executor):
    """A concurrent.futures executor that runs each task at submit time, in-process."""

    def submit(self, fn, /, *args, **kwargs):
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future
            fut.set_exception(exc)
        return fut


# Where a task reports the notebook it is running: a queue's put() in a worker process,
# the progress callback when tasks run inline, nothing on a foreign executor.
_step_sink = None


def _worker_init(events, ocr_threads: int = 1) -> None:
    global _step_sink
    _step_sink = events.put
    # OCR (onnxruntime) in this worker's kernel shares the cores with the other workers
    # instead of each taking them all; the kernel inherits the environment.
    os.environ.setdefault("ROL_OCR_THREADS", str(ocr_threads))
    from multiprocessing import util

    from . import engine

    # Workers end with os._exit: a multiprocessing finaliser stops the kernel first.
    util.Finalize(None, engine.shutdown_current, exitpriority=10)


def _emit(region, year, step) -> None:
    if _step_sink is not None:
        _step_sink((region, year, step))


def _data_task(root, region, year, force):
    return data_phase(root, region, year, force, on_step=_emit)


def _brief_task(root, region, year, force, pdf, fresh_data):
    return brief_phase(root, region, year, force, pdf, on_step=_emit, fresh_data=fresh_data)


def process_executor(jobs: int):
    """A process pool whose workers each keep one warm kernel; progress via a queue."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    events = ctx.Manager().Queue()
    ocr_threads = max(1, (os.cpu_count() or 1) // jobs)
    pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                  initializer=_worker_init, initargs=(events, ocr_threads))
    return pool, events


def data_current(root, region, year) -> bool:
    """Whether the published tables were built from exactly the current inputs."""
    paths = layout.build_paths(root, region, year)
    return (read_json(paths.processed_final / BUILD_FILE) == data_fingerprint(root, paths)
            and not _last_validation_failed(paths)
            and not _previous(paths.processed_final).exists())  # a killed build's leftovers


def brief_current(root, region, year, pdf=False) -> bool:
    """Whether the published brief was built from the current tables and notebooks."""
    paths = layout.build_paths(root, region, year)
    data_fp = read_json(paths.processed_final / BUILD_FILE)
    return (data_fp is not None and (paths.report_final / "brief.html").is_file()
            and brief_matches(read_json(paths.report_final / BUILD_FILE),
                              brief_fingerprint(root, paths, data_fp, pdf), pdf))


def dask_cluster(scheduler: str, jobs: int):
    """``(executor, events)`` on a Dask cluster; UsageError (exit 2) without the extra."""
    require_dask()
    from . import cluster

    return cluster.executor(scheduler, jobs)


def require_dask() -> None:
    """Raise UsageError with the install command when Dask distributed is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(
            "--scheduler needs Dask distributed, which is not installed. Install it with "
            "`pip install 'rol-analysis[dask]'`, or build without --scheduler (--jobs N "
            "uses a process pool on this machine).") from None


class _Runner:
    """Submits phase tasks to an executor, created only when there is work to do."""

    def __init__(self, executor, jobs, progress, scheduler=None):
        self.executor, self.jobs, self.progress = executor, jobs, progress
        self.scheduler = scheduler
        self.pool = self.events = None

    def _get(self, n):
        if self.executor is not None:
            return self.executor
        if self.pool is None and self.scheduler is not None:
            self.pool, self.events = dask_cluster(self.scheduler, self.jobs)
        if self.pool is None and self.jobs > 1 and n > 1:
            self.pool, self.events = process_executor(min(self.jobs, n))
        return self.pool or InlineExecutor()

    def run(self, fn, jobs: dict, final: bool) -> dict:
        """Run ``fn(*args)`` for each ``key: args`` of ``jobs``; returns key -> result."""
        global _step_sink
        if not jobs:
            return {}
        ex = self._get(len(jobs))
        if isinstance(ex, InlineExecutor) and self.progress:
            _step_sink = functools.partial(self.progress, "step")
        try:
            tasks = [(key, ex.submit(fn, *args)) for key, args in jobs.items()]
            return dict(zip(jobs, _collect(tasks, self.events, self.progress, final)))
        finally:
            if isinstance(ex, InlineExecutor):
                _step_sink = None

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        elif "rol_analysis.engine" in sys.modules:
            # papermill is imported only once a notebook ran: no-ops stay fast
            sys.modules["rol_analysis.engine"].shutdown_current()


# --------------------------------------------------------------------------- build


def build(root=".", targets=None, *, force=False, pdf=False, jobs=1, executor=None,
          scheduler=None, progress=None) -> list[BuildResult]:
    """Build the briefs of ``targets`` (region, year) under ``root``.

    Every data phase runs before any brief phase, and only stale phases run: an
    unchanged region-year costs a few file hashes, no worker and no kernel.

    Parameters
    ----------
    root : path-like
        Folder holding ``data/`` and ``reports/``.
    targets : list of (str, int)
        Region-years, already checked (see ``select_targets``).
    force : bool
        Rebuild even when nothing changed.
    pdf : bool
        Also print each brief to PDF with headless Chromium.
    jobs : int
        Worker processes, each with its own warm kernel (1: in this process).
    executor : concurrent.futures.Executor, optional
        Run tasks on this executor instead (for example a distributed one); its workers
        must be able to import rol_analysis and see ``root``.
    scheduler : str, optional
        Run tasks on a Dask cluster: ``tcp://HOST:PORT`` or ``local`` (a LocalCluster
        of ``jobs`` workers); see ``cluster.py``. Needs the ``dask`` extra.
    progress : callable, optional
        ``progress(kind, payload)`` with kind ``"step"`` (region, year, notebook) or
        ``"done"`` (BuildResult), for progress bars.

    Returns
    -------
    list of BuildResult
        One per target, in target order.
    """
    root = Path(root)
    targets = list(targets)
    _check_shared_inputs(root)
    runner = _Runner(executor, jobs, progress, scheduler)
    try:
        data = {t: BuildResult(*t, "skipped") for t in targets}
        # A problem of one region-year (two raw files for one year, an unreadable
        # file) is that region-year's result; the others still build.
        stale = {t: (str(root), *t, force) for t in targets
                 if _is_stale(data[t], lambda t=t: force or not data_current(root, *t))}
        data.update(runner.run(_data_task, stale, final=False))
        ok = [t for t in targets if data[t].status in ("built", "skipped")]
        for t in targets:
            if t not in ok and progress:
                progress("done", data[t])
        briefs = {t: BuildResult(*t, "skipped") for t in ok}
        stale = {t: (str(root), *t, force, pdf, data[t].status == "built") for t in ok
                 if _is_stale(briefs[t], lambda t=t: force or data[t].status == "built"
                              or not brief_current(root, *t, pdf))}
        for t in ok:
            if t not in stale and progress:
                progress("done", briefs[t])
        briefs.update(runner.run(_brief_task, stale, final=True))
    finally:
        runner.close()
    results = []
    for t in targets:
        result = data[t]
        if t in briefs:
            result = briefs[t]
            if data[t].status == "built" and result.status == "skipped":
                result.status = "built"
            result.seconds += data[t].seconds
            result.warnings = data[t].warnings + result.warnings
        results.append(result)
    index = root / "reports" / "index.html"
    if any(r.status != "skipped" for r in results) or not index.exists():
        from . import render

        render.write_index(root)
    return results


def _check_shared_inputs(root: Path) -> None:
    """Inputs every region-year reads: a problem there stops the batch before it starts
    (one message, exit 2), instead of failing each region-year alike."""
    from . import regions

    if regions.default_path(root).exists():
        regions.read(regions.default_path(root))


def _is_stale(result: BuildResult, check) -> bool:
    """``check()``; a RolError it raises becomes ``result``'s failure (not stale)."""
    try:
        return bool(check())
    except RolError as exc:
        _fail_result(result, exc)
        return False


def _collect(tasks, events, progress, final):
    """Wait for futures in order, forwarding worker progress events meanwhile."""
    pending = {f for _, f in tasks}
    while pending:
        done, pending = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
        _drain(events, progress)
        if final and progress:
            for f in done:
                progress("done", _result_or_error(f, tasks))
    _drain(events, progress)
    return [_result_or_error(f, tasks) for _, f in tasks]


def _result_or_error(fut, tasks):
    exc = fut.exception()
    if exc is None:
        return fut.result()
    (region, year), = [t for t, f in tasks if f is fut]
    return BuildResult(region, year, "error", f"{region}/{year}: worker failed: {exc!r}", 1)


def _drain(events, progress):
    if events is None or progress is None:
        return
    while True:
        try:
            progress("step", events.get_nowait())
        except (_queue.Empty, EOFError, OSError):
            return


def status(root) -> list[dict]:
    """Every region-year under ``data/raw`` and whether its brief is up to date."""
    root = Path(root)
    rows = []
    for region, year in find_targets(root):
        paths = layout.build_paths(root, region, year)
        row = {"region": region, "year": year, "raw": None, "status": "not built"}
        try:
            row["raw"] = paths.raw.name
            data_fp = data_fingerprint(root, paths)
        except RolError as exc:
            row["status"] = f"error: {exc.message}"
            rows.append(row)
            continue
        built = read_json(paths.report_final / BUILD_FILE)
        validation = read_json(paths.report_final / "validation.json") or {}
        current = brief_fingerprint(root, paths, data_fp, False) if built else None
        if built is None:
            if validation and not validation.get("success", True):
                row["status"] = "failed validation"
        elif brief_matches(built, current, False):
            row["status"] = "up to date"
        else:
            row["status"] = "outdated: " + "; ".join(_explain(built, current))
        if validation and not validation.get("success", True) and built is not None:
            row["status"] += " (last build failed validation)"
        rows.append(row)
    return rows

