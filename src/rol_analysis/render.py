"""Publishing: the executed brief notebook -> one self-contained HTML file; the index of
briefs; PDF through a headless Chromium.

A published brief makes no request: nbconvert's stock templates load require.js, MathJax
and mermaid from CDNs, so the brief uses its own template (``templates/rol_brief``) that
drops them, hides code and prompts, and embeds a subset of the Chinese font holding
exactly the characters of the page. Output is deterministic: no build time, no cell ids,
the footer shows the input's sha256 and the package version.
"""

from __future__ import annotations

import csv
import functools
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from importlib import resources as _resources
from pathlib import Path

from . import fileio, imports, layout
from .exceptions import BuildError, InputError, UsageError

TEMPLATE_NAME = "rol_brief"
FONT_PLACEHOLDER = "/*ROL-FONT-FACE*/"
METADATA_KEY = "rol_brief"  # same key as brief.METADATA_KEY (kept import-light)
#: Cells with this tag run in the notebook but are not part of the brief.
NOTEBOOK_ONLY = "notebook-only"

_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=[^>]*>\s*</script\s*>", re.IGNORECASE | re.DOTALL)
_EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|data|poster|action)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s+["']?)"""
    r"""(?:[a-z][a-z0-9+.-]*:)?//""",
    re.IGNORECASE,
)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                  "chrome", "msedge")
CHROMIUM_APPS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
INSTALL_HINT = (
    "install Chromium: `apt-get install chromium` (Debian/Ubuntu), `brew install --cask "
    "chromium` (macOS), or point the ROL_CHROMIUM environment variable at a Chrome or "
    "Chromium executable"
)


def template_dir() -> Path:
    """Folder holding the brief's nbconvert template (``rol_brief/``)."""
    return Path(str(_resources.files("rol_analysis") / "templates"))


def _brief_metadata(nb, notebook_path) -> dict:
    """The ``rol_brief`` display metadata that ``Brief.header()`` leaves in its output."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = (out.get("metadata") or {}).get("text/html") or {}
            if METADATA_KEY in meta:
                return dict(meta[METADATA_KEY])
    raise BuildError(
        f"{notebook_path}: no brief header output found, so the page has no title or "
        "footer data. Render an executed 04_brief notebook whose cells call "
        "`brief.Brief(paths).header()` (run it with `rol build` or papermill first)."
    )


def export_html(nb, meta: dict) -> str:
    """Run nbconvert on an executed brief notebook (no font yet, placeholder kept)."""
    import copy

    nb = copy.deepcopy(nb)
    # The page is the code cells' outputs: the notebook's own headings and its
    # notebook-only cells (publishing when opened in JupyterLab) are for the analyst.
    nb.cells = [c for c in nb.cells if c.cell_type == "code"
                and NOTEBOOK_ONLY not in c.get("metadata", {}).get("tags", [])]
    nb.metadata["title"] = meta.get("title") or "brief"
    exporter = _exporter()
    res = {"metadata": {"name": "brief"}, "rol": {
        "version": meta.get("version", ""), "source_sha256": meta.get("source_sha256", ""),
        "source_file": meta.get("source_file", ""), "catalogue": meta.get("catalogue", ""),
    }}
    body, _ = exporter.from_notebook_node(nb, resources=res)
    return body


@functools.lru_cache(maxsize=1)
def _exporter():
    """One configured exporter per process: its template setup is most of a render."""
    imports.defer_iri_parser()
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    # Code is hidden, so the syntax-highlighting stylesheet would be dead weight.
    config = Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}})
    exporter = HTMLExporter(config=config, template_name=TEMPLATE_NAME,
                            extra_template_basedirs=[str(template_dir())])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    if exporter.has_trait("language_code"):
        exporter.language_code = "zh-CN"
    return exporter


def make_offline(page: str, origin) -> str:
    """Drop script tags that load a URL and refuse any other reference leaving the page.

    Raises
    ------
    BuildError
        When the page still references an external URL (an output embedded a remote
        image or stylesheet): publishing it would make the reader's browser fetch it.
    """
    page = _SCRIPT_SRC.sub("", page)
    m = _EXTERNAL.search(page)
    if m:
        snippet = page[max(0, m.start() - 60): m.end() + 60].replace("\n", " ")
        raise BuildError(
            f"{origin}: the brief would load something from outside the page ({snippet!r}). "
            "A brief must be self-contained: embed the resource (data: URI) or drop the "
            "output that references it, then build again."
        )
    return page


def embed_font(page: str) -> str:
    """Replace the font placeholder by an @font-face holding the page's glyphs."""
    from .fonts import font_face_css

    if FONT_PLACEHOLDER not in page:
        return page
    # The subset must cover the final text, so it is computed from the page itself; the
    # @font-face rule adds only ASCII, which every subset includes.
    return page.replace(FONT_PLACEHOLDER, font_face_css(page), 1)


def render_brief(notebook_path, out_html_path) -> Path:
    """Render an executed 04_brief notebook to a self-contained ``brief.html``.

    Parameters
    ----------
    notebook_path : path-like
        The executed notebook (papermill output).
    out_html_path : path-like
        Where to write the HTML (atomically).

    Returns
    -------
    pathlib.Path
        ``out_html_path``.

    Raises
    ------
    InputError
        When the notebook cannot be read.
    BuildError
        When it is not an executed brief, or the page would load anything external.
    """
    imports.defer_iri_parser()
    import nbformat

    notebook_path = Path(notebook_path)
    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError) as exc:
        raise InputError(f"{notebook_path}: cannot be read as a notebook ({exc}); run the "
                         "brief notebook again to rewrite it.") from None
    meta = _brief_metadata(nb, notebook_path)
    page = export_html(nb, meta)
    page = make_offline(page, notebook_path)
    page = embed_font(page)
    return fileio.write_text(out_html_path, page)


# ------------------------------------------------------------------------- index



INDEX_TEMPLATE = "index.html.j2"
UNKNOWN = ("unknown", "未知 unknown")  # filter value and label of a missing province/level
LEVEL_LABELS = {"province": "省级 province", "city": "市级 city", "county": "县级 county",
                "township": "乡镇街道 township", "department": "部门 department",
                UNKNOWN[0]: UNKNOWN[1]}
STATUS_LABELS = (("passed", "通过 passed"), ("warn", "有警告 warnings"),
                 ("failed", "未通过 failed"), ("unknown", "其他 other"))


def _bulk(files: list[Path], sql: str) -> tuple[list[str], list[tuple]] | None:
    """Rows of ``sql`` over many small files at once (DuckDB): (column names, tuples).

    ``$files`` in ``sql`` is the file list; a file DuckDB cannot read is skipped, so one
    damaged table costs its row's summary, not the whole index. Plain tuples, not a
    DataFrame: at national scale pandas' string conversion cost more than the read.
    """
    import duckdb

    if not files:
        return None
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
    except duckdb.Error:
        # Inside a Jupyter kernel (notebook 04 publishing the index) DuckDB refuses the
        # setting without ipywidgets; these queries are far too short to show a bar.
        pass
    def run(paths):
        cur = con.execute(sql, {"files": [str(f) for f in paths]})
        return [d[0] for d in cur.description], cur.fetchall()

    try:
        try:
            return run(files)
        except duckdb.Error:
            good = []
            for f in files:
                try:
                    con.execute(sql, {"files": [str(f)]}).fetchone()
                    good.append(f)
                except duckdb.Error:
                    pass
            return run(good) if good else None
    finally:
        con.close()


def _index_folders(root: Path, overlay: dict | None) -> list[tuple[Path, Path]]:
    """(report folder, processed folder) of every region-year with a brief or a
    validation report, by region and year; ``overlay`` (``{(region, year):
    {"reports": folder, "data/processed": folder}}``) puts a publish's new folders in
    place of the published ones; ``{"removed": True}`` leaves the region-year out
    (``rol remove``)."""
    found = {}
    for name in ("brief.html", "validation.json", "validation-failed.json"):
        for region, year, p in layout.published(root, "reports", name, stage=False):
            found[(region, year)] = (p.parent, root / "data" / "processed" / region / str(year))
    for (region, year), new in (overlay or {}).items():
        if new.get("removed"):  # `rol remove`: the index it is about lists it no more
            found.pop((region, year), None)
            continue
        report, processed = found.get((region, year), (
            root / "reports" / region / str(year),
            root / "data" / "processed" / region / str(year)))
        found[(region, year)] = (new.get("reports") or report,
                                 new.get("data/processed") or processed)
    return [found[k] for k in sorted(found)]


#: The ``<meta>`` of ``reports/index.html`` holding :func:`index_regions`' digest.
INDEX_REGIONS_META = "rol-regions"
_INDEX_REGIONS_RE = re.compile(r'<meta name="rol-regions" content="([0-9a-f]{64})">')


def index_regions(root, overlay: dict | None = None) -> str:
    """sha256 of what the index shows of ``regions.csv``: the name, province and level
    of each region it lists (a line for a region it does not list is not in it).

    The index is rewritten by every publish, but a ``regions.csv`` edit publishes
    nothing when no brief shows it (a region's province, or its level while it has no
    peer): the index records this digest (``<meta name="rol-regions">``) and ``rol
    build`` rewrites it when the digest changes (``pipeline.index_current``).
    """
    pairs = _index_folders(Path(root), overlay)
    slugs = ({report.parent.name for report, _ in pairs}
             | {region for region, _ in _unpublished(Path(root), overlay, pairs)})
    return _regions_digest(_regions_metadata(root), slugs)


def _regions_metadata(root) -> dict:
    """``regions.metadata``, or ``{}`` where it is refused: a bad level stops ``rol
    panel``, not the briefs' index."""
    from . import regions

    try:
        return regions.metadata(root)
    except InputError:
        return {}


def _regions_digest(meta_csv: dict, slugs) -> str:
    """:func:`index_regions`' digest of the regions ``slugs`` (each listed region once)."""
    import hashlib
    import json

    shown = {s: [(meta_csv.get(s) or {}).get(k) for k in ("zh_name", "province", "level")]
             for s in sorted(slugs)}
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode()
                          ).hexdigest()


def _unpublished(root: Path, overlay: dict | None, pairs: list) -> list[tuple[str, int]]:
    """The region-years filed under ``data/raw`` (``pipeline.find_targets``) with
    nothing published to list: never built, or whose builds all failed before
    publishing anything (bad input, an error); one ``overlay`` publishes is listed by
    its folders (``pairs``, :func:`_index_folders`), one it removes not at all."""
    from .pipeline import find_targets

    shown = {(report.parent.name, int(report.name))
             for report, _ in pairs}
    gone = {(r, int(y)) for (r, y), new in (overlay or {}).items() if new.get("removed")}
    return [t for t in find_targets(root) if t not in shown and t not in gone]


def _unpublished_rows(root: Path, overlay: dict | None, meta_csv: dict, pairs: list
                      ) -> list[dict]:
    """Index rows of :func:`_unpublished`: the failure the last build printed
    (``pipeline.last_failure``), else "not built" with the command; no link."""
    from .pipeline import last_failure

    rows = []
    for region, year in _unpublished(root, overlay, pairs):
        info = meta_csv.get(region, {})
        name = info.get("zh_name") or region
        level = info.get("level") or UNKNOWN[0]
        failure = last_failure(root, region, year)
        status = (("failed", "构建失败，未发布 build failed, nothing published") if failure
                  else ("unknown", "未构建 not built"))
        rows.append({
            "region": region, "year": str(year), "name": name,
            "search": f"{name} {region}".lower(),
            "province": info.get("province"), "province_key": info.get("province") or UNKNOWN[0],
            "level_key": level, "level_label": LEVEL_LABELS.get(level, level), "issuer": "",
            "href": None, "validation_href": None, "status": status, "n_indicators": None,
            "counts": None, "inferred": None, "headline": [], "review": "not_built",
            "review_label": "—", "n_decided": None, "n_numbers": None,
            "n_unconfirmed": None, "n_new": 0, "built": False, "failed": False,
            "failure": failure or "",
            "command": f"rol build --region {region} --year {year}"})
    return rows


def index_recorded_regions(path) -> str | None:
    """The :func:`index_regions` digest an index page records (None: none, or no page)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)  # the meta is in the head, before the embedded font
    except OSError:
        return None
    m = _INDEX_REGIONS_RE.search(head)
    return m.group(1) if m else None


def _index_rows(root: Path, overlay: dict | None, meta_csv: dict) -> list[dict]:
    """One dict per region-year with a published brief or validation report, and one
    per region-year filed with nothing published; ``meta_csv``: :func:`_regions_metadata`.

    The tables of thousands of region-years are read in two bulk queries, not one file
    at a time, so the index stays quick at national scale.
    """
    from . import statuses
    from .brief import format_number
    from .catalogue import load
    from .reviews import REVIEW_LABELS, excluded_numbers, review_state, unconfirmed

    cat = load()
    # Every region-year with a published brief or a validation report: a build that
    # failed validation publishes only validation-failed.json/.html, and a reviewer
    # using the index must see that failure too.
    pairs = _index_folders(root, overlay)
    folders = [report for report, _ in pairs]
    has_brief = {f: (f / "brief.html").is_file() for f in folders}
    processed = dict(pairs)
    ind_files = [processed[f] / "indicators.parquet" for f in folders
                 if has_brief[f] and (processed[f] / "indicators.parquet").is_file()]
    # only the columns the index shows (the sentences are most of each file)
    ind = _bulk(ind_files, "SELECT filename, COLUMNS('^(indicator_id|value|unit|kind|review)$') "
                           "FROM read_parquet($files, union_by_name = true, filename = true)")
    # the review state counts numbers (distinct char_start) of the mentions table, as
    # the brief's 已复核 line does; a table from before mentions carried reviews falls
    # back to the indicators' marks
    men_files = [processed[f] / "mentions.parquet" for f in folders
                 if has_brief[f] and (processed[f] / "mentions.parquet").is_file()]
    # and those marked new (a statistic no indicator fits: the brief's 需新增指标 N), by
    # their review mark's action (reviews.parse_mark: its first " | " part)
    men = _bulk(men_files, "SELECT filename, count(DISTINCT char_start), "
                           "count(DISTINCT CASE WHEN review <> '' THEN char_start END), "
                           "count(DISTINCT CASE WHEN split_part(review, ' | ', 1) = 'new' "
                           "THEN char_start END) "
                           "FROM read_parquet($files, union_by_name = true, filename = true) "
                           "GROUP BY filename")
    numbers_by = {rec[0]: (rec[1], rec[2]) for rec in (men[1] if men else [])}
    new_by = {rec[0]: rec[3] for rec in (men[1] if men else [])}
    counts_by = {str(f): ratio_statuses(f) for f in folders if has_brief[f]}
    changes_by = {str(f): stated_mismatches(f) for f in folders if has_brief[f]}
    by_file: dict[str, list] = {}
    if ind is not None:
        names, records = ind
        cols = names[1:]
        for rec in records:
            by_file.setdefault(rec[0], []).append(dict(zip(cols, rec[1:])))
    core = [(iid, spec) for iid, spec in cat.indicators.items()
            if spec.core and spec.kind != "rate"]
    rows = []
    for folder in folders:
        region, year = folder.parent.name, folder.name
        brief = has_brief[folder]
        meta = fileio.read_json(processed[folder] / "report.json", {})
        validation = fileio.read_json(folder / "validation.json", {})
        failed = (folder / "validation-failed.json").is_file()
        # pipeline.INPUT_ERROR: the latest build stopped on bad input (no statistic…)
        bad_input = (folder / "input-error.json").is_file()
        if bad_input and brief:
            status = ("failed", "最近一次构建输入有误（见 rol list），此为上次发布的简报 latest "
                                "build stopped on bad input (see rol list); this is the last "
                                "published brief")
        elif failed and brief:
            status = ("failed", "最近一次校验未通过，此为上次发布的简报 latest validation "
                                "failed; this is the last published brief")
        elif failed:
            status = ("failed", "未通过，简报未发布 failed, no brief published")
        elif not validation:
            status = ("unknown", "未校验 not validated")
        elif not brief:
            status = ("unknown", "已校验，简报未生成 validated, brief not built")
        elif validation.get("warnings"):
            status = ("warn", f"通过，{len(validation['warnings'])} 项警告 passed, warnings")
        else:
            status = ("passed", "通过 passed")
        counts, inferred, n_ind, heads, review = None, None, None, [], "not_reviewed"
        n_unconf = n_done = n_numbers = None
        n_new = 0
        # Without a brief there is no published analysis to summarise.
        if brief:
            counts = {st: 0 for st in statuses.STATUS_ZH}
            counts.update({k: v for k, v in (counts_by.get(str(folder)) or {}).items()
                           if k in counts})
            counts["stated_mismatch"] = changes_by.get(str(folder)) or 0
            # pairs read from the wording, counted apart from the catalogue's
            if any(k.endswith(statuses.INFERRED_SUFFIX) and v for k, v in counts.items()):
                inferred = {"mismatch": counts.get(statuses.MISMATCH_INFERRED, 0),
                            "consistent": counts.get(statuses.CONSISTENT_INFERRED, 0),
                            "computed_only": counts.get(statuses.COMPUTED_INFERRED, 0)}
            found_rows = by_file.get(str(processed[folder] / "indicators.parquet"), [])
            n_ind = len(found_rows)
            found = {}
            for r in found_rows:
                found.setdefault(r["indicator_id"], r)
            for iid, spec in core:
                if iid in found and len(heads) < 4:
                    r = found[iid]
                    heads.append(f"{spec.zh_name} "
                                 f"{format_number(r['value'], r['unit'], r['kind'])}")
            marks = [r.get("review") for r in found_rows]
            # the brief's ○ count, by the brief's rule (reviews.unconfirmed)
            n_unconf = unconfirmed(marks)
            numbers, done = numbers_by.get(
                str(processed[folder] / "mentions.parquet"),
                (len(found_rows), sum(1 for m in marks if isinstance(m, str) and m)))
            n_new = new_by.get(str(processed[folder] / "mentions.parquet"), 0)
            # numbers a reviewer excluded are decided too (the brief's 排除 N)
            review, n_done, n_numbers = review_state(numbers, done,
                                                     len(excluded_numbers(meta)))
        info = meta_csv.get(region, {})
        name = info.get("zh_name") or meta.get("region_name") or region
        level = info.get("level") or UNKNOWN[0]
        report_name = "validation-failed.html" if failed else "validation.html"
        has_report = (folder / report_name).is_file()
        rows.append({
            "region": region, "year": year, "name": name,
            "search": f"{name} {region}".lower(),
            "province": info.get("province"), "province_key": info.get("province") or UNKNOWN[0],
            "level_key": level, "level_label": LEVEL_LABELS.get(level, level),
            "issuer": meta.get("issuer") or "",
            "href": f"{region}/{year}/brief.html" if brief else None,
            "validation_href": (f"{region}/{year}/{report_name}"
                                if has_report and (failed or not brief) else None),
            "status": status, "n_indicators": n_ind, "counts": counts, "inferred": inferred,
            "headline": heads, "review": review, "review_label": REVIEW_LABELS[review],
            # how far a partly reviewed one is: its names may all be confirmed (○ 0)
            # while other numbers wait for a decision
            "n_decided": n_done, "n_numbers": n_numbers,
            "n_unconfirmed": n_unconf,
            # numbers that need a new indicator, said where the brief's header says them
            "n_new": n_new,
            "built": brief, "failed": failed, "failure": "", "command": "",
        })
    # every region-year filed is listed: one whose build failed before publishing
    # anything (trial 23) or that was never built too, with why and no link
    rows += _unpublished_rows(root, overlay, meta_csv, pairs)
    return sorted(rows, key=lambda r: (r["region"], int(r["year"])))


def _csv_column(path: Path, column: str) -> list | None:
    """One column of a table a brief's folder holds (None for a missing cell), or None
    when the file is missing or damaged: a damaged table costs its row's counts, not the
    index. The csv module: DuckDB's CSV reader sniffs each file (~20 ms apiece)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [rec.get(column) for rec in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _summary(rows: list[dict]) -> list[dict]:
    """Per year: region-years, briefs built, failed validations, not reviewed, the
    indicator names of its built briefs no reviewer confirmed, and the region-years
    filed with nothing published (a build failed, or none ran)."""
    out = {}
    for r in rows:
        s = out.setdefault(r["year"], {"year": r["year"], "total": 0, "built": 0,
                                       "failed": 0, "not_reviewed": 0, "unconfirmed": 0,
                                       "unpublished": 0})
        s["unpublished"] += r["review"] == "not_built"
        s["unconfirmed"] += r["n_unconfirmed"] or 0
        s["total"] += 1
        s["built"] += r["built"]
        s["failed"] += r["failed"]
        s["not_reviewed"] += r["built"] and r["review"] == "not_reviewed"
    return [out[y] for y in sorted(out, reverse=True)]


@functools.lru_cache(maxsize=1)
def _jinja_env():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir())),
                              autoescape=True, keep_trailing_newline=True)


def ratio_statuses(folder: Path) -> dict[str, int] | None:
    """``status -> count`` of a report folder's ``ratios.csv`` (the brief's 一致/不一致
    …), None without one: for the index and ``rol build --summary``."""
    read = _csv_column(Path(folder) / "ratios.csv", "status")
    return None if read is None else dict(Counter(read))


def stated_mismatches(folder: Path) -> int | None:
    """The stated changes the year before contradicts (``ratios.CHANGES_FILE``): a 不一致
    of the brief's key findings the rates' count leaves out (trial 24); None without
    the file."""
    from . import statuses
    from .ratios import CHANGES_FILE

    stated = _csv_column(Path(folder) / CHANGES_FILE, "stated_status")
    return None if stated is None else sum(st == statuses.MISMATCH for st in stated)


def write_index(root, out=None, overlay=None) -> Path:
    """Write ``<root>/reports/index.html`` listing every published brief and every
    failed validation.

    One row per ``reports/<region>/<year>/`` holding a ``brief.html`` or a
    ``validation.json`` (sorted by region, then year) with the region's name, province,
    level, year, issuer, validation status, review state with how many indicator names no
    reviewer confirmed (the brief's ○ count), the number of indicators, rate statuses and a
    few headline numbers; above it, a summary per year (built, failed validation, not
    reviewed, unconfirmed names). A region-year whose latest validation failed links its
    ``validation-failed.html`` (and says whether an earlier brief is still the published
    one). ``out`` writes the page elsewhere, and ``overlay`` (see ``_index_folders``) reads
    a publish's new folders instead of the published ones: the index that publish is about
    to put in place. A small inline script filters by province, level, year and status and
    searches by name; without scripts the page is the plain table.
    Self-contained like the briefs (template ``templates/index.html.j2``, autoescaped).

    Returns
    -------
    pathlib.Path
        The index path.
    """
    from . import __version__
    from .fonts import WEB_FAMILY, font_face_css

    root = Path(root)
    meta_csv = _regions_metadata(root)
    rows = _index_rows(root, overlay, meta_csv)
    page = _jinja_env().get_template(INDEX_TEMPLATE).render(
        rows=rows, summary=_summary(rows), version=__version__, web_family=WEB_FAMILY,
        regions_meta=INDEX_REGIONS_META,
        # the regions the rows list: index_regions' slugs, without scanning for them again
        regions_digest=_regions_digest(meta_csv, {r["region"] for r in rows}),
        font_placeholder=FONT_PLACEHOLDER, unknown_label=UNKNOWN[1],
        provinces=[(p, p) for p in sorted({r["province"] for r in rows if r["province"]})]
        + ([UNKNOWN] if any(not r["province"] for r in rows) else []),
        levels=[(k, v) for k, v in LEVEL_LABELS.items()
                if any(r["level_key"] == k for r in rows)],
        years=sorted({r["year"] for r in rows}, reverse=True),
        statuses=[(k, v) for k, v in STATUS_LABELS if any(r["status"][0] == k for r in rows)],
    )
    page = page.replace(FONT_PLACEHOLDER, font_face_css(page), 1)
    return fileio.write_text(out or root / "reports" / "index.html", page)


# ------------------------------------------------------------------------- PDF


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome executable: ``$ROL_CHROMIUM``, then PATH (Ubuntu's
    snap shims left out: they do not run headless on servers), then the usual macOS
    application folders, then a Chromium installed by ``playwright install chromium``;
    None when there is none."""
    env = os.environ.get("ROL_CHROMIUM")
    if env:
        return env if Path(env).is_file() else shutil.which(env)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found and not _snap_shim(found):
            return found
    for app in CHROMIUM_APPS:
        if Path(app).is_file():
            return app
    cache = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache/ms-playwright"
    for pattern in ("chromium-*/chrome-linux*/chrome", "chromium_headless_shell-*/"
                    "chrome-linux*/headless_shell",
                    "chromium-*/chrome-mac*/Chromium.app/Contents/MacOS/Chromium"):
        found = sorted(Path(cache).glob(pattern))
        if found:
            return str(found[-1])
    return None


def _snap_shim(path: str) -> bool:
    """Ubuntu's ``chromium-browser``: a script (or /snap/bin link) that runs the snap."""
    real = os.path.realpath(path)
    if real.startswith("/snap/") or real == "/usr/bin/snap":
        return True
    try:
        with open(real, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return head.startswith(b"#!") and b"snap" in head


def print_pdf(html_path, pdf_path, chromium: str | None = None, timeout: float = 120) -> Path:
    """Print a brief to PDF with a headless Chromium (the print stylesheet applies).

    Parameters
    ----------
    html_path, pdf_path : path-like
    chromium : str, optional
        Executable; found with :func:`find_chromium` when not given.
    timeout : float
        Seconds before giving up.

    Raises
    ------
    UsageError
        When no Chromium is installed (the message says how to get one).
    BuildError
        When Chromium fails or writes nothing.
    """
    html_path, pdf_path = Path(html_path), Path(pdf_path)
    if not html_path.is_file():
        raise InputError(f"{html_path}: no such brief to print; build it first with `rol build`.")
    exe = chromium or find_chromium()
    if not exe:
        raise UsageError(f"cannot print {html_path} to PDF: no Chromium or Chrome found; "
                         f"{INSTALL_HINT}. Then run the build with --pdf again.")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=pdf_path.parent) as tmp:
        out = Path(tmp) / "out.pdf"
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile",
               f"--print-to-pdf={out}", html_path.resolve().as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BuildError(f"{html_path}: Chromium ({exe}) could not print the brief "
                             f"({exc}); check that it starts with `{exe} --version`.") from None
        if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            tail = (proc.stderr or "").strip().splitlines()[-3:]
            raise BuildError(f"{html_path}: Chromium ({exe}) failed to print the brief (exit "
                             f"{proc.returncode}: {' / '.join(tail)}); check that it starts "
                             f"with `{exe} --version`.")
        return fileio.write_bytes(pdf_path, out.read_bytes())
