"""Publishing: the executed brief notebook -> one self-contained HTML file; the index of
briefs; PDF through a headless Chromium.

A published brief makes no request: nbconvert's stock templates load require.js, MathJax
and mermaid from CDNs, so the brief uses its own template (``templates/rol_brief``) that
drops them, hides code and prompts, and embeds a subset of the Chinese font holding
exactly the characters of the page. Output is deterministic: no build time, no cell ids,
the footer shows the input's sha256 and the package version.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import tempfile
from importlib import resources as _resources
from pathlib import Path

from . import fileio, layout
from .exceptions import BuildError, InputError, UsageError

TEMPLATE_NAME = "rol_brief"
FONT_PLACEHOLDER = "/*ROL-FONT-FACE*/"
METADATA_KEY = "rol_brief"  # same key as brief.METADATA_KEY (kept import-light)

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
    nb.metadata["title"] = meta.get("title") or "brief"
    exporter = _exporter()
    res = {"metadata": {"name": "brief"}, "rol": {
        "version": meta.get("version", ""), "source_sha256": meta.get("source_sha256", ""),
        "source_file": meta.get("source_file", ""),
    }}
    body, _ = exporter.from_notebook_node(nb, resources=res)
    return body


@functools.lru_cache(maxsize=1)
def _exporter():
    """One configured exporter per process: its template setup is most of a render."""
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


def _region_names(root: Path) -> dict:
    """Region slug -> Chinese name from ``data/raw/regions.csv`` (empty when absent):
    a region-year that never published its tables still shows a readable name."""
    from . import regions
    from .exceptions import InputError

    try:
        return {s: r["zh_name"] for s, r in regions.read(regions.default_path(root)).items()}
    except InputError:  # the build reports a broken regions.csv; the index goes on
        return {}


def _index_rows(root: Path) -> list[dict]:
    import pandas as pd

    from . import ratios
    from .brief import format_number
    from .catalogue import load

    cat = load()
    names = _region_names(root)
    # Every region-year with a published brief or a validation report: a build that
    # failed validation publishes only validation.json/.html, and a reviewer using the
    # index must see that failure too.
    folders = sorted({p.parent for name in ("brief.html", "validation.json")
                      for _, _, p in layout.published(root, "reports", name)})
    rows = []
    for folder in folders:
        region, year = folder.parent.name, folder.name
        has_brief = (folder / "brief.html").is_file()
        processed = root / "data" / "processed" / region / year
        meta = fileio.read_json(processed / "report.json", {})
        validation = fileio.read_json(folder / "validation.json", {})
        failed = bool(validation) and not validation.get("success")
        if not validation:
            status = ("unknown", "未校验 not validated")
        elif failed and has_brief:
            status = ("failed", "最近一次校验未通过，此为上次发布的简报 latest validation "
                                "failed; this is the last published brief")
        elif failed:
            status = ("failed", "未通过，简报未发布 failed, no brief published")
        elif not has_brief:
            status = ("unknown", "已校验，简报未生成 validated, brief not built")
        elif validation.get("warnings"):
            status = ("warn", f"通过，{len(validation['warnings'])} 项警告 passed, warnings")
        else:
            status = ("passed", "通过 passed")
        counts = {s: 0 for s in ratios.STATUS_ZH}
        n_ind, heads = None, []
        # Without a brief there is no published analysis to summarise.
        if has_brief and (folder / "ratios.csv").is_file():
            rdf = pd.read_csv(folder / "ratios.csv", encoding="utf-8-sig")
            for s, n in rdf["status"].value_counts().items():
                counts[s] = int(n)
        if has_brief and (processed / "indicators.parquet").is_file():
            ind = pd.read_parquet(processed / "indicators.parquet")
            n_ind = len(ind)
            found = {r["indicator_id"]: r for r in ind.to_dict("records")}
            for iid, spec in cat.indicators.items():
                if spec.core and spec.kind != "rate" and iid in found and len(heads) < 4:
                    r = found[iid]
                    value = format_number(r["value"], r["unit"], r["kind"])
                    heads.append(f"{spec.zh_name} {value}")
        elif has_brief:
            n_ind = 0
        has_report = (folder / "validation.html").is_file()
        rows.append({
            "region": region, "year": year,
            "name": meta.get("region_name") or names.get(region) or region,
            "issuer": meta.get("issuer") or "",
            "href": f"{region}/{year}/brief.html" if has_brief else None,
            "validation_href": (f"{region}/{year}/validation.html"
                                if has_report and (failed or not has_brief) else None),
            "status": status, "n_indicators": n_ind, "counts": counts if has_brief else None,
            "headline": heads,
        })
    return rows


def write_index(root) -> Path:
    """Write ``<root>/reports/index.html`` listing every published brief and every
    failed validation.

    One row per ``reports/<region>/<year>/`` holding a ``brief.html`` or a
    ``validation.json`` (sorted by region, then year) with the region's name, year,
    issuer, validation status, the number of indicators, rate statuses and a few
    headline numbers. A region-year whose latest validation failed links its
    ``validation.html`` (and says whether an earlier brief is still the published one).
    Self-contained like the briefs.

    Returns
    -------
    pathlib.Path
        The index path.
    """
    from . import __version__, ratios
    from .fonts import WEB_FAMILY, font_face_css

    root = Path(root)
    e = html.escape
    body = []
    for r in _index_rows(root):
        c = r["counts"]
        name = (f'<a href="{e(r["href"])}">{e(r["name"])}</a>' if r["href"]
                else e(r["name"]))
        report = (f'<br><a class="validation-link" href="{e(r["validation_href"])}">'
                  '校验报告 <span class="en">validation report</span></a>'
                  if r["validation_href"] else "")
        rates = (f"不一致 {c['mismatch']} · 仅有声明 {c['claim_only']} · 一致 "
                 f"{c['consistent']} · 仅可推算 {c['computed_only']}" if c else "—")
        inferred = {k: n for k, n in (c or {}).items() if k.endswith(ratios.INFERRED_SUFFIX)}
        if sum(inferred.values()):  # pairs read from the wording, counted apart
            rates += (f"<br>推断 inferred：不一致 {inferred[ratios.MISMATCH_INFERRED]} · 一致 "
                      f"{inferred[ratios.CONSISTENT_INFERRED]} · 仅可推算 "
                      f"{inferred[ratios.COMPUTED_INFERRED]}")
        body.append(
            "<tr>"
            f'<td>{name}<br><span class="en">{e(r["region"])}</span></td>'
            f"<td>{e(r['year'])}</td><td>{e(r['issuer'])}</td>"
            f'<td><span class="status status-{e(r["status"][0])}">{e(r["status"][1])}</span>'
            f"{report}</td>"
            f"<td>{'—' if r['n_indicators'] is None else r['n_indicators']}</td>"
            f"<td>{rates}</td>"
            f"<td>{'<br>'.join(e(h) for h in r['headline'])}</td>"
            "</tr>"
        )
    if not body:
        body.append('<tr><td colspan="7">尚无已发布的简报。No brief has been published yet.'
                    "</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>法治政府建设年度报告简报索引 · Index of briefs</title>
<style>
{FONT_PLACEHOLDER}
html {{ font-family: "{WEB_FAMILY}", sans-serif; color: #1f2328; }}
body {{ max-width: 1100px; margin: 0 auto; padding: 24px; line-height: 1.6; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.92em; }}
th, td {{ border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }}
thead th {{ background: #f6f8fa; }}
.en {{ color: #59636e; font-size: 0.86em; }}
.status {{ padding: 1px 8px; border-radius: 10px; }}
.status-passed {{ background: #dafbe1; }} .status-warn {{ background: #fff8c5; }}
.status-failed {{ background: #ffebe9; }} .status-unknown {{ background: #f6f8fa; }}
footer {{ margin-top: 2em; color: #59636e; font-size: 0.82em; }}
@media print {{ a {{ color: inherit; text-decoration: none; }} }}
</style>
</head>
<body>
<main>
<h1>法治政府建设年度报告简报索引 <span class="en">Index of rule-of-law report briefs</span></h1>
<table>
<thead><tr><th>地区 Region</th><th>年度 Year</th><th>发布机关 Issuer</th><th>校验 Validation</th>
<th>指标数 Indicators</th><th>比率状态 Rates</th><th>主要数字 Headline numbers</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
</main>
<footer>由 rol-analysis {e(__version__)} 生成 · Generated by rol-analysis {e(__version__)}</footer>
</body>
</html>
"""
    page = page.replace(FONT_PLACEHOLDER, font_face_css(page), 1)
    return fileio.write_text(root / "reports" / "index.html", page)


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
