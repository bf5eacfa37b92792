"""The build runner: raw report -> processed tables -> validated -> analysed -> brief.

A build of one region-year runs in two phases, each a pair of notebooks executed by
papermill on a warm kernel (see ``engine.py``):

- data phase: ``01_clean`` and ``02_validate`` write the tables into the build's own
  staging folder (``.rol-cache/stage/<build>/``, laid out like the root).
- brief phase: ``03_analyze`` and ``04_brief`` read those tables (this region-year's
  and, for year-over-year and cross-region panels, its peers': the batch's new ones
  where it made them, else the published ones) and the brief is rendered to HTML.

``build`` runs every data phase before any brief phase, so a brief always sees the
whole batch's data whatever the number of workers: same inputs, same outputs. Workers
only ever write into the staging folder; the process that called ``build`` holds every
region-year's lock from the first step to the last publish, and publishes (see
``publish``): the data folder, the report folder and ``reports/index.html`` of a
region-year are renamed into place together, after a journal is written, so a build
killed at any moment leaves the previous outputs or the new ones, and the next build
finishes a publish the journal says was started.

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
import secrets
import shutil
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__, catalogue, imports, layout, locking
from .exceptions import BuildError, InputError, RolError, UsageError, ValidationFailed
from .fileio import read_json, sha256_cached, sha256_file, write_bytes, write_json

#: The signals a build handles as an interruption: Ctrl-C, and SIGTERM (how CI cancels).
INTERRUPTS = (signal.SIGINT, signal.SIGTERM)
DATA_NOTEBOOKS = ("01_clean.ipynb", "02_validate.ipynb")
BRIEF_NOTEBOOKS = ("03_analyze.ipynb", "04_brief.ipynb")
BUILD_FILE = "build.json"
#: A failed validation is published under these names beside the brief, which keeps
#: linking the validation report that passed it (``validation.json``/``.html``).
FAILED_VALIDATION = ("validation-failed.json", "validation-failed.html")
#: A build that stopped on bad input (a report with no statistic, say) where something of
#: the region-year was published before records it here, in place of an older
#: validation-failed page, which no longer describes the raw report: its message and the
#: inputs' fingerprint (``rol list`` reports it while the inputs are those).
INPUT_ERROR = "input-error.json"
#: Seconds a notebook cell may run before the build gives up on it (``ROL_CELL_TIMEOUT``
#: or ``rol build --cell-timeout`` change it).
DEFAULT_CELL_TIMEOUT = 900.0


class PublishError(RolError):
    """An output folder cannot be written (permissions): nothing was published. Exit 2."""

    exit_code = 2


@dataclass
class BuildResult:
    """What happened to one region-year."""

    region: str
    year: int
    status: str  # built | skipped | invalid | error (rol validate: passed for built)
    message: str = ""
    exit_code: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    #: set when the data phase stopped on bad input: what ``input-error.json`` records
    bad_input: dict | None = None
    #: set when validation failed: the inputs' fingerprint it was run on
    failed_inputs: dict | None = None
    #: a failed validation not run again: its inputs are those it failed on
    unchanged: bool = False
    #: an ``error`` that is bad input (the report cannot be used as it is: no statistic,
    #: two raw files, a year mismatch), not a notebook's or the machine's
    unreadable: bool = False
    #: ``rol validate``: where the validation report was written
    report_path: str = ""

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
            for f in layout.raw_files(region_dir):
                if layout.MIN_YEAR <= int(f.stem) <= layout.max_year():
                    found.add((region_dir.name, int(f.stem)))
    return sorted(found)


def ignored(root, region: str | None = None, year: int | None = None) -> list[dict]:
    """What under ``root/data/raw`` is not built, and why: ``{"path", "reason", "fix"}``.

    Hidden files, ``regions.csv`` and READMEs are the folder's own and not listed.
    ``region`` and ``year`` keep what a build of that region, or year, would have read:
    what stands in the region's folder, and a name that says that year or no year at all
    (``2024年.txt`` and ``报告.txt`` for 2024, not ``2023.doc``).
    """
    raw = Path(root) / "data" / "raw"
    out = []

    def skip(path, reason, fix):
        if region is not None and path.relative_to(raw).parts[0] != region:
            return
        said = re.findall(r"(?<!\d)\d{4}(?!\d)", path.name)
        if year is not None and said and str(year) not in said:
            return
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
            skip(entry, "the folder name is not a region slug (lower-case letters, "
                        f"digits and hyphens, at most {layout.MAX_REGION_LEN} characters)",
                 layout.slug_fix(root, entry.name)[0])
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
                skip(f, *layout.format_problem(f))
            elif not is_year:
                # 2024年.txt, 报告2024.txt: the year its name holds, else an example
                said = [y for y in re.findall(r"(?<!\d)\d{4}(?!\d)", stem)
                        if layout.MIN_YEAR <= int(y) <= layout.max_year()]
                if len(set(said)) == 1:
                    skip(f, "the file name is not a year", f"rename it to "
                         f"{entry / (said[0] + suffix)}")
                else:
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
        layout.check_region(region, root)
    if year is not None:
        year = layout.check_year(year)
    targets = find_targets(root)
    if all_:
        chosen = [t for t in targets if (region is None or t[0] == region)
                  and (year is None or t[1] == year)]
    else:
        if region is None or year is None:
            raise UsageError(
                "say which reports to build: --region R --year Y (for example --region "
                "weibin --year 2023), --region R for every year of R, --all --year Y for "
                "every region's report of Y, or --all for every report under data/raw."
            )
        chosen = [(region, year)]
    if not all_:
        for r, y in chosen:
            _ = layout.build_paths(root, r, y).raw  # raises when the raw file is missing
    if not chosen:
        asked = " and ".join(f"{k} {v}" for k, v in (("region", region), ("year", year))
                             if v is not None)
        # a 2024.doc (or 2024年.txt) in the region's folder: what it found and the fix,
        # not "nothing"; the files `rol build --all` warns of, by the same rule
        found = [f"{s['path']}: {s['reason']} (fix: {s['fix']})"
                 for s in (ignored(root, region, year) if region is not None else [])]
        raise UsageError(f"{root / 'data' / 'raw'}: no raw reports "
                         f"{'for ' + asked if asked else 'at all'}"
                         + (f" it can read; it found {'; '.join(found)}" if found else "")
                         + "; nothing to build. Run `rol list` to see what is there, or "
                         "add data/raw/<region>/<year>.txt (see data/raw/README.md).")
    return chosen


# ----------------------------------------------------------------------- fingerprints


#: The catalogue, inside the package: recorded apart from the code in a build's data
#: fingerprint, so that ``rol list`` says "the catalogue changed", not "the code".
CATALOGUE_FILE = Path("catalogue") / "indicators.toml"


@lru_cache(maxsize=2)
def _package_digest(skip: Path | None = None) -> str:
    """sha256 over the installed package's own files (but ``skip``, relative to the
    package): code changes rebuild."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(pkg.rglob("*")):
        if p.relative_to(pkg) == skip:
            continue
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(pkg)).encode())
            h.update(sha256_file(p).encode())
    return h.hexdigest()


#: The installed distributions whose versions shape each phase's outputs, by the names
#: importlib.metadata knows them by. Step 01 parses numerals (cn2an) and writes Parquet
#: (pyarrow records its version in every file), step 02 runs Great Expectations and
#: embeds the font subset (uharfbuzz, fontTools) in the validation page, papermill
#: and the kernel write the executed notebooks that are published.
DATA_LIBRARIES = ("cn2an", "fonttools", "great-expectations", "ipykernel", "nbclient",
                  "nbformat", "numpy", "pandas", "papermill", "pyarrow", "uharfbuzz")
#: What decodes the raw report, by its format (``reading.FORMATS``): a PDF's scanned
#: pages are read by OCR where the ``ocr`` extra is installed (absent: recorded as such,
#: so installing it rebuilds the PDFs it could now read).
READER_LIBRARIES = {"txt": ("charset-normalizer",),
                    "html": ("beautifulsoup4", "charset-normalizer", "lxml"),
                    "docx": ("lxml", "python-docx"),
                    "pdf": ("onnxruntime", "pdfminer.six", "pypdfium2", "rapidocr")}
#: The brief phase's own: the charts, the page nbconvert and the templates make. The
#: data phase's libraries reach the brief through its data fingerprint.
BRIEF_LIBRARIES = ("jinja2", "markupsafe", "matplotlib", "nbconvert")


@functools.cache
def _version(dist: str) -> str | None:
    """The installed version of ``dist``, None when it is not installed: read from its
    metadata, without importing it (``rol list`` stays fast)."""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def libraries(names) -> dict[str, str | None]:
    """``{name: version}`` of the distributions ``names`` (None: not installed).

    Python is a library here too when named: its ``unicodedata`` tables shape how a
    report's characters are normalised.
    """
    import platform

    return {n: platform.python_version() if n == "python" else _version(n) for n in names}


def report_format(raw: Path | None) -> str:
    """The reader format of the raw report ``raw`` (``reading.FORMATS``), "" for none."""
    from .reading import FORMATS

    return FORMATS.get(raw.suffix.lower(), "") if raw is not None else ""


def _readers(formats) -> set[str]:
    return {n for fmt in formats for n in READER_LIBRARIES.get(fmt, ())}


def recorded_libraries(formats=()) -> list[str]:
    """The distributions a build's two fingerprints record, for raw reports of the
    reader ``formats``: Python, the data and brief phases' libraries and those formats'
    readers (a Dask worker must have the client's versions of these)."""
    return sorted({"python", *DATA_LIBRARIES, *BRIEF_LIBRARIES, *_readers(formats)})


def _data_libraries(raw: Path) -> dict[str, str | None]:
    return libraries(sorted({"python", *DATA_LIBRARIES, *_readers([report_format(raw)])}))


def _digest_files(folder: Path, names) -> dict[str, str]:
    return {n: sha256_file(folder / n) for n in names}


def cell_timeout(value=None) -> float:
    """The per-cell timeout in seconds: ``value``, else ``ROL_CELL_TIMEOUT``, else the
    default (15 minutes: far more than any cell of a report needs)."""
    if value is None:
        env = os.environ.get("ROL_CELL_TIMEOUT")
        try:
            value = float(env) if env else DEFAULT_CELL_TIMEOUT
        except ValueError:
            raise UsageError(f"ROL_CELL_TIMEOUT={env!r} is not a number of seconds; set it "
                             "to e.g. 900, or unset it.") from None
    if value <= 0:
        raise UsageError(f"cell timeout {value!r}: give a positive number of seconds.")
    return float(value)


def data_fingerprint(root, paths: layout.BuildPaths) -> dict:
    """Everything the data phase's outputs depend on.

    Of ``regions.csv`` only this region's row counts (its name is checked against the
    report's): adding another region's line changes nothing here. Of the review file
    only the decided rows count (``reviews.fingerprint``): ``rol review`` refreshing the
    worksheet changes nothing here. Step 01 also looks for every ``regions.csv`` name
    in the report's title, signature and opening lines (its ``region_name``): the name
    it would find now (``listed_name``, tried on the words the published tables
    recorded) is here, not the other lines. The font is here because the validation
    report embeds it (and every brief draws with it). ``libraries`` holds the versions
    of Python and the libraries that shape the tables and the validation page
    (``DATA_LIBRARIES``) and of those that decode the raw report's format
    (``READER_LIBRARIES``): upgrading one rebuilds, and ``rol list`` names it.
    """
    from . import filing, fonts, regions, reviews

    nb_dir = layout.resource_dir(root, "notebooks")
    exp_dir = layout.resource_dir(root, "expectations")
    review = reviews.review_file(root, paths.region, paths.year)
    raw_sha = sha256_file(paths.raw)
    return {
        "parameters": {"region": paths.region, "year": paths.year},
        "raw": {paths.raw.name: raw_sha},
        "region_row": regions.row_for(regions.default_path(root), paths.region),
        "listed_name": _listed_name(root, paths, raw_sha),
        # its decisions, not the worksheet (nor the places of add rows the build found)
        "review": reviews.fingerprint(review, _review_pins(paths.processed_final)),
        "filing_year": filing.fingerprint(root, paths.region, paths.year),
        "notebooks": _digest_files(nb_dir, DATA_NOTEBOOKS),
        "expectations": _digest_files(exp_dir, sorted(p.name for p in exp_dir.glob("*.json"))),
        # the effective catalogue: the packaged file's digest unless the project has
        # its own catalogue/*.toml
        "package": {"version": __version__, "sha256": _package_digest(CATALOGUE_FILE),
                    "catalogue": catalogue.digest(root)},
        "font": fonts.digest(),
        "libraries": _data_libraries(paths.raw),
    }


def _review_pins(folder: Path) -> list:
    """Where the build whose tables are in ``folder`` placed the review file's ``add``
    rows given by their text alone (``report.json`` ``review_pins``), for
    ``reviews.fingerprint``; empty when it recorded none."""
    report = read_json(folder / "report.json")
    pins = report.get("review_pins") if isinstance(report, dict) else None
    if not isinstance(pins, list):
        return []
    return [p for p in pins if isinstance(p, list) and len(p) == 3]


def _listed_name(root, paths: layout.BuildPaths, raw_sha: str) -> str | None:
    """The ``regions.csv`` name step 01 would find in the report now, tried on the
    words the published tables recorded (``report.json`` ``name_sources``); None when
    they are of another raw report (the raw digest outdates them anyway)."""
    from . import regions, sections

    report = read_json(paths.processed_final / "report.json")
    if (not isinstance(report, dict) or report.get("source_sha256") != raw_sha
            or not isinstance(report.get("name_sources"), list)):
        return None
    return sections.listed_name(report["name_sources"],
                                sections.listed_names(regions.default_path(root)))


def _peers(root, paths: layout.BuildPaths, stage=None) -> list[tuple[str, int, Path]]:
    """The region-years the brief shows, with their ``indicators.csv``: the region's
    latest earlier year and the year's other regions (``layout.brief_peers``); a later
    year is not among them. Published, or this build's where ``stage`` holds new ones
    (the view its briefs read)."""
    return layout.brief_peers(root, paths.region, paths.year, "indicators.csv", stage=stage)


def brief_fingerprint(root, paths: layout.BuildPaths, data_fp: dict, pdf: bool,
                      stage=None) -> dict:
    """Everything the brief shows; ``pdf`` records whether a PDF was printed.

    Beyond its data (``data_fp``) and its notebooks: the peers' tables (their figures
    and review marks), the earlier year's mentions table (its unnamed numbers), and how
    the regions table names the year's regions
    (``ratios.shown_regions``: each peer's name, from its ``regions.csv`` row, and kind
    of issuer, from that row or its report, and this region's own ``regions.csv`` level,
    shown beside its name). A line of ``regions.csv`` for a region the brief does not
    show is not here: changing it leaves the brief as it is. The peers' figures link to
    their sentences in the peers' briefs: ``anchors`` records the footnote and marked
    number each link goes to (``footnotes.peer_notes``), so a peer whose sources are
    numbered differently now (a number found or excluded before a linked one, with its
    indicators table unchanged) rebuilds the brief. The
    regions table shows each region's city and province (``regions`` has the peers',
    ``data`` the region's own row), and ``compare`` is its row's limit on the regions
    compared (``regions.compared_with``), which the note under the table states.
    ``libraries`` holds the versions of the libraries only the brief phase uses
    (``BRIEF_LIBRARIES``: matplotlib, nbconvert, Jinja2); the others are in ``data_fp``.
    """
    from . import footnotes, ratios, regions

    nb_dir = layout.resource_dir(root, "notebooks")
    peers = _peers(root, paths, stage)
    fp = {
        "data": data_fp,
        "notebooks": _digest_files(nb_dir, BRIEF_NOTEBOOKS),
        "peers": {f"{region}/{year}": sha256_cached(f) for region, year, f in peers},
        "pdf": bool(pdf),
        "libraries": libraries(BRIEF_LIBRARIES),
    }
    # the earlier year's unnamed numbers are shown too (a figure it leaves unnamed, the
    # figure of a change this year states: yoy.unpaired, unnamed_changes); recorded
    # only with an earlier year, so a brief without one keeps its record
    earlier = [(r, y, f.with_name("mentions.csv")) for r, y, f in peers if r == paths.region]
    if earlier and earlier[0][2].is_file():
        fp["earlier_numbers"] = {f"{r}/{y}": sha256_cached(f) for r, y, f in earlier}
    anchors = footnotes.peer_notes(peers)
    if anchors:
        fp["anchors"] = anchors
    # a peer's reviewer's decisions since its last build take names off its figures
    # (reviews.withdrawn): only the peers with a review file, so a brief without keeps
    # its record
    from .reviews import fingerprint as review_digest
    from .reviews import review_file

    decided = {f"{r}/{y}": review_digest(review_file(root, r, y)) for r, y, _ in peers}
    if any(decided.values()):
        fp["peer_reviews"] = {k: v for k, v in decided.items() if v}
    # no earlier year published, but some filed: the brief says why each is not
    unpublished = earlier_unpublished(root, paths.region, paths.year, stage, peers)
    if unpublished:
        fp["earlier_unpublished"] = {str(y): why for y, why in unpublished.items()}
    # the same listing: one look over every published folder per brief, not two
    shown = ratios.shown_regions(root, paths.region, paths.year,
                                 peers=[(r, y, f.with_name("report.json")) for r, y, f in peers])
    own = regions.metadata(root).get(paths.region) or {}
    if shown:  # without another region of the year there is no regions table
        fp["regions"] = shown
        fp["level"] = own.get("level")
    if own.get("compare"):  # the note under the regions table, and which peers it has
        fp["compare"] = own["compare"]
    return fp


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


def _explain(old, new, review: str = "") -> list[str]:
    """What differs between two fingerprints, in words (for ``rol list``).

    ``review`` is the region-year's review file as the user would type it
    (``data/reviews/guanxian/2024.csv``): the fingerprint keeps only its digest.
    The libraries that changed are said last, a brief's with its data's in one clause.
    """
    if not isinstance(old, dict):
        return ["never built"]
    reasons = _differences(old, new or {}, review) + _explain_libraries(old, new or {})
    return reasons or ["the build record differs"]


def _differences(old: dict, new: dict, review: str) -> list[str]:
    """:func:`_explain`'s reasons but the libraries', none when nothing else differs."""
    reasons = []
    labels = {"raw": "raw report", "notebooks": "notebook", "expectations":
              "expectation suite", "peers": "published peer"}
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b or key in ("pdf", "libraries"):
            continue
        if key == "data":
            reasons += (_differences(a, b, review) if isinstance(a, dict)
                        and isinstance(b, dict) else _explain(a, b, review))
        elif key == "region_row":
            reasons.append("its row in regions.csv " + (
                "was added" if a is None else "was removed" if b is None else "changed"))
        elif key == "review":
            # the fingerprint holds the decided rows only (reviews.fingerprint): a
            # worksheet nobody has filled in is no change, so say what the decisions did
            reasons.append(f"its review file {review or 'data/reviews'} " + (
                "records decisions now" if a is None else
                "records no decision any more" if b is None else "has changed decisions"))
        elif key == "listed_name":
            # a new raw report is said by its digest; its own words were not tried yet
            if old.get("raw") == new.get("raw"):
                reasons.append("regions.csv: the region name found in the report's title, "
                               f"signature or opening changed ({a or 'none'} -> "
                               f"{b or 'none'})")
        elif key == "level":
            # recorded only beside another region of the year: one coming or going
            # is said by its table (published peer … new/removed)
            if key in old and key in new:
                reasons.append(f"regions.csv: its level changed ({a or 'none'} -> "
                               f"{b or 'none'})")
        elif key == "regions":
            reasons += _explain_regions(a or {}, b or {})
        elif key == "compare":
            reasons.append(f"regions.csv: its compare changed ({a or 'all'} -> {b or 'all'})")
        elif key == "earlier_numbers":
            # an earlier year that came, went or changed its figures is said by its
            # peer line; only its unnamed numbers changing alone needs saying
            peers_a, peers_b = old.get("peers") or {}, new.get("peers") or {}
            a, b = a or {}, b or {}
            for name in sorted(set(a) | set(b)):
                if peers_a.get(name) == peers_b.get(name) and a.get(name) != b.get(name):
                    # a brief built before they were recorded has none: not a change
                    what = ("changed" if name in a and name in b else
                            "recorded now" if name in b else "no longer recorded")
                    reasons.append(f"the numbers of published earlier year {name} {what}")
        elif key == "earlier_unpublished":
            # an earlier year published now is said by its peer line
            a, b = a or {}, b or {}
            # the peers of a brief before ``year`` are its region's: a year compared
            # with before and passed over now was published, not missing
            was_peer = {k.rsplit("/", 1)[1] for k in old.get("peers") or {}}
            for y in sorted(set(a) | set(b)):
                if a.get(y) != b.get(y) and y in b:
                    before = a.get(y) or ("published" if y in was_peer else "no raw report")
                    reasons.append(f"its earlier year {y} is unpublished: {before} -> {b[y]}")
                elif a.get(y) != b.get(y) and new.get("peers") == old.get("peers"):
                    reasons.append(f"its earlier year {y}'s raw report is gone")
        elif key == "anchors":
            # a peer coming or going is said by its table (published peer … new/removed)
            # a peer whose table changed too is said once, by its table's line
            # (published peer … changed): trial 5 F8 read each peer twice
            a, b = a or {}, b or {}
            peers_a, peers_b = old.get("peers") or {}, new.get("peers") or {}
            reasons += [f"published peer {name}'s source sentences are numbered differently "
                        "(the links to them)" for name in sorted(set(a) & set(b))
                        if a[name] != b[name] and peers_a.get(name) == peers_b.get(name)]
        elif key == "peer_reviews":
            # said only while the peer is not rebuilt: its rebuilt table is said once,
            # by its table's line (published peer … changed), as for anchors
            a, b = a or {}, b or {}
            peers_a, peers_b = old.get("peers") or {}, new.get("peers") or {}
            reasons += [f"published peer {name}'s review file has changed decisions"
                        for name in sorted(set(a) | set(b))
                        if a.get(name) != b.get(name) and peers_a.get(name) == peers_b.get(name)]
        elif key == "font":
            reasons.append("the font file (Noto Sans SC of pylopdf-fonts-zh-cn) changed")
        elif key == "package":
            a, b = a or {}, b or {}
            va, vb = a.get("version"), b.get("version")
            if va != vb:
                reasons.append(f"rol-analysis changed ({va} -> {vb})")
                continue
            if a.get("catalogue") != b.get("catalogue") and a.get("catalogue"):
                # a digest other than the packaged file's: the project extends it
                files = ("indicators.toml" if b.get("catalogue") == sha256_cached(
                    catalogue.default_path()) else "indicators.toml + catalogue/*.toml")
                reasons.append(f"the catalogue ({files}) changed")
            if a.get("sha256") != b.get("sha256") or not a.get("catalogue"):
                reasons.append("rol-analysis's code changed")
        elif key in labels and isinstance(a, dict) and isinstance(b, dict):
            for name in sorted(set(a) | set(b)):
                if a.get(name) != b.get(name):
                    what = ("new" if name not in a else "removed" if name not in b
                            else "changed")
                    reasons.append(f"{labels[key]} {name} {what}")
        else:
            reasons.append(f"{key.replace('_', ' ')} changed")
    return reasons


def _explain_libraries(old: dict, new: dict) -> list[str]:
    """The library versions that differ between two fingerprints, in one clause
    (``libraries changed: matplotlib 3.9.2 -> 3.10.0``). A record from before versions
    were kept says nothing (its package changed, which is said); a library one of them
    does not list (another raw format reads with others) neither: the raw report's
    change is said."""
    def kept(fp):
        data = fp.get("data") if isinstance(fp.get("data"), dict) else {}
        if "libraries" not in fp and "libraries" not in data:
            return None
        return {**(data.get("libraries") or {}), **(fp.get("libraries") or {})}

    a, b = kept(old), kept(new)
    if a is None or b is None:
        return []
    changed = [f"{name} {a[name] or 'not installed'} -> {b[name] or 'not installed'}"
               for name in sorted(set(a) & set(b)) if a[name] != b[name]]
    return ["libraries changed: " + ", ".join(changed)] if changed else []


def _explain_regions(old: dict, new: dict) -> list[str]:
    """What changed in how the regions table names the year's other regions, saying
    where it comes from: ``regions.csv`` or the peer's published report. A peer that
    came or went is said by its table (``published peer … new``)."""
    where = {"regions.csv": "regions.csv: peer {slug}'s {what}",
             "report": "published report of peer {slug}: its {what}"}
    what = {"name": "name", "kind": "kind of issuer"}
    reasons = []
    for slug in sorted(set(old) & set(new)):
        a, b = old[slug], new[slug]
        for field_ in ("name", "kind"):
            if (a.get(field_), a.get(f"{field_}_from")) == (b.get(field_),
                                                            b.get(f"{field_}_from")):
                continue
            was, now = a.get(f"{field_}_from"), b.get(f"{field_}_from")
            values = f"({a.get(field_) or 'none'} -> {b.get(field_) or 'none'})"
            if was and now and was != now:
                reasons.append(f"peer {slug}'s {what[field_]} is taken from {now} now, "
                               f"not from {was} {values}")
                continue
            src = now or was or "regions.csv"
            label = "level" if field_ == "kind" and src == "regions.csv" else what[field_]
            reasons.append(where[src].format(slug=slug, what=label) + f" changed {values}")
        for field_ in ("city", "province"):  # regions.csv's only
            # a record from before the table showed them has neither: the code changed
            if field_ in a and field_ in b and a[field_] != b[field_]:
                reasons.append(f"regions.csv: peer {slug}'s {field_} changed "
                               f"({a.get(field_) or 'none'} -> {b.get(field_) or 'none'})")
    return reasons


# ------------------------------------------------------------- staging and locks


class Stage:
    """The staging folder of one build: ``.rol-cache/stage/<pid>-<random>/``.

    Every region-year of the build writes into ``data/processed/<region>/<year>/`` and
    ``reports/<region>/<year>/`` below it (see ``layout.BuildPaths.processed`` and
    ``.report``), in whichever worker runs it; two
    builds never share one. ``owner.json`` says which process made it, so a later build
    removes the folder of a build that was killed (``remove_orphans``).
    """

    def __init__(self, root):
        self.root = Path(root).resolve()
        base = layout.cache_dir(self.root) / "stage"
        name = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.path = base / name
        # The folder appears under its name only with owner.json inside, so a build
        # killed at any point leaves nothing that a later build could not attribute.
        making = base / f".{name}.new"
        _mkdir(making)
        write_json(making / "owner.json", locking.me())
        os.replace(making, self.path)

    @property
    def relative(self) -> str:
        """The folder relative to the root: what the kernels are given (``ROL_STAGE``),
        so nothing absolute can end up in an executed notebook."""
        return str(self.path.relative_to(self.root))

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    @staticmethod
    def remove_orphans(root) -> None:
        """Delete the staging folders of builds whose process has ended."""
        base = layout.cache_dir(root) / "stage"
        if not base.is_dir():
            return
        for folder in base.iterdir():
            if folder.name == "lab" or not folder.is_dir():
                continue
            age = time.time() - folder.stat().st_mtime
            if folder.name.startswith("."):
                # ``.<pid>-<random>.new`` exists for the moment it takes to write
                # owner.json: left behind when its maker died then, or now and then
                pid = folder.name[1:].split("-", 1)[0]
                if age > 5 or (pid.isdigit() and not locking.process_alive(int(pid))):
                    shutil.rmtree(folder, ignore_errors=True)
                continue
            owner = read_json(folder / "owner.json")
            # owner.json comes with the folder (see __init__), so a folder without it
            # was being removed when its build died (rmtree takes owner.json early)
            if owner is None or locking.owner_gone(owner):
                shutil.rmtree(folder, ignore_errors=True)


def region_lock(root, region, year) -> locking.Lock:
    """The lock of one region-year: held by a build from its first step to its last
    publish, and by ``rol validate``."""
    return locking.Lock(layout.cache_dir(root) / "locks" / f"{region}.{year}.lock",
                        f"{region}/{year}")


def index_lock(root) -> locking.Lock:
    """The lock of ``reports/index.html``, shared by every region-year's publish."""
    return locking.Lock(layout.cache_dir(root) / "locks" / "index.lock", "reports/index.html")


def _mkdir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise _cannot_write(path) from None


def _cannot_write(path: Path) -> PublishError:
    from .exceptions import read_only_mount

    if read_only_mount(path):
        # no chmod makes a read-only mount writable (trial 23)
        return PublishError(
            f"cannot write {path}: the file system is read-only (mounted read-only). "
            "Nothing was published and the previous outputs are as they were; copy the "
            "project folder to a writable place and build there (--root DIR points rol "
            "at the copy)."
        )
    return PublishError(
        f"cannot write {path}: permission denied. Nothing was published and the previous "
        f"outputs are as they were; make the folder writable (for example `chmod -R u+w "
        f"{path}`) and build again."
    )


# ---------------------------------------------------------------------- publishing


def _txn_dir(root, region, year) -> Path:
    return layout.cache_dir(root) / "txn" / f"{region}.{year}"


def _apply(journal: dict) -> None:
    """Rename a journal's new folders into place, moving what they replace aside.

    Idempotent: run again after a kill at any point, it finishes the same renames.
    """
    for n, (src, dst) in enumerate(journal["moves"]):
        src, dst = Path(src), Path(dst)
        old = Path(journal["dir"]) / f"old-{n}"
        if not src.exists():
            continue  # done before the kill
        if dst.exists() and not old.exists():
            os.replace(dst, old)
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
    # `rol remove`'s journal: published folders moved aside, nothing in their place
    for n, gone in enumerate(journal.get("removes", [])):
        if Path(gone).exists():
            os.replace(gone, Path(journal["dir"]) / f"gone-{n}")


def _undo(journal: dict) -> None:
    """Put back what ``_apply`` replaced (after a write error in this process)."""
    for n, gone in enumerate(journal.get("removes", [])):
        moved = Path(journal["dir"]) / f"gone-{n}"
        if moved.exists() and not Path(gone).exists():
            os.replace(moved, gone)
    for n, (src, dst) in reversed(list(enumerate(journal["moves"]))):
        src, dst = Path(src), Path(dst)
        old = Path(journal["dir"]) / f"old-{n}"
        if dst.exists() and not src.exists():
            os.replace(dst, src)
        if old.exists():
            os.replace(old, dst)


def recover(root, region, year) -> bool:
    """Finish the publish or the removal of a region-year that a killed process started.

    Call under the region-year's lock. Returns whether a publish was finished (then
    ``reports/index.html`` must be written again; a removal writes it itself).
    """
    return _recover(root, region, year) is not None


def _recover(root, region, year) -> dict | None:
    """:func:`recover`, returning the journal it finished (None: there was none).

    A ``rol remove`` journal (``removes``) is finished whole: its folders moved aside,
    the index and the panel written without the region-year (:func:`_after_removal`,
    whose panel summary is returned as ``journal["panel"]``), and only then the journal
    deleted, so a kill during any of these leaves it for the next run.
    """
    txn = _txn_dir(root, region, year)
    if not txn.exists():
        return None
    journal = read_json(txn / "journal.json")
    if journal is not None:
        _apply(journal)
        if journal.get("removes"):
            write_index(root)
            journal["panel"] = _after_removal(root, journal)
    # without a journal the publish never started: its new folders are simply dropped
    shutil.rmtree(txn, ignore_errors=True)
    return journal


def _after_removal(root, journal: dict) -> str | None:
    """What follows a removal's renames: the emptied region folders go, and the panel
    (when there is one) loses the region-year. Returns the panel's summary line."""
    root = Path(root)
    for base in {Path(f).parent for f in journal["removes"]}:
        with contextlib.suppress(OSError):
            base.rmdir()  # only when empty: the region's other years stay
    if not (root / "data" / "processed" / "panel" / "manifest.json").is_file():
        return None
    from . import panel

    return panel.build(root).summary()


def finish_removals(root, skip=()) -> bool:
    """Finish (or drop) what killed ``rol remove`` runs left in ``.rol-cache/txn/``.

    Every region-year there but those in ``skip`` (a build's own targets, which it
    recovers under their locks), when its lock is free: one that is held belongs to a
    running ``rol remove`` or build. Returns whether something was finished.
    """
    done = False
    for region, year, _ in _txn_folders(root):
        if (region, year) in skip:
            continue
        try:
            lock = region_lock(root, region, year).acquire(wait=False)
        except locking.LockBusy:
            continue
        try:
            done |= recover(root, region, year)
        finally:
            lock.release()
    return done


def pending_removals(root) -> list[tuple[str, int]]:
    """Region-years whose ``rol remove`` was cut off after its commit point."""
    return [(region, year) for region, year, txn in _txn_folders(root)
            if (read_json(txn / "journal.json") or {}).get("removes")]


def _txn_folders(root) -> list[tuple[str, int, Path]]:
    """``(region, year, folder)`` of every region-year's folder in ``.rol-cache/txn/``
    (:func:`_txn_dir`), in name order; other entries are no transaction's."""
    base = layout.cache_dir(root) / "txn"
    found = []
    for txn in sorted(base.iterdir()) if base.is_dir() else []:
        region, _, year = txn.name.rpartition(".")
        if txn.is_dir() and layout.REGION_RE.match(region) and year.isdigit() \
                and len(year) == 4:
            found.append((region, int(year), txn))
    return found


def _check_writable(paths: list[Path]) -> None:
    """Refuse before anything moves when a destination cannot be written."""
    for dst in paths:
        parent = dst.parent
        while not parent.exists():
            parent = parent.parent
        if not os.access(parent, os.W_OK | os.X_OK):
            raise _cannot_write(parent)
        # moving a folder to another parent rewrites its ".." entry: it must be writable
        if dst.is_dir() and not os.access(dst, os.W_OK | os.X_OK):
            raise _cannot_write(dst)


@contextlib.contextmanager
def _no_interrupt():
    """Hold back Ctrl-C while the outputs are being published: the publish finishes.

    A Ctrl-C that arrives meanwhile is dropped rather than raised afterwards: by then
    the outputs have changed, so "interrupted; published outputs unchanged" would be
    false. The build runs to its end (a few milliseconds) and reports what it did.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in INTERRUPTS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def publish(root, entries: list[tuple[layout.BuildPaths, Path | None, Path | None]],
            index: bool = True) -> None:
    """Publish region-years: each one's data and report folders and the index, together.

    Parameters
    ----------
    root : path-like
        Project root.
    entries : list of (paths, data, report)
        A region-year's new ``data/processed`` folder and new ``reports`` folder (either
        may be None: left as it is). The folders must be complete; they are moved.
    index : bool
        Also write ``reports/index.html`` (rendered before anything moves, with the new
        folders in place of the old).

    Raises
    ------
    PublishError
        A destination is not writable; nothing was published.

    Notes
    -----
    The caller holds each region-year's lock. Per region-year, the new folders are
    first moved into ``.rol-cache/txn/<region>.<year>/`` and a journal naming the
    renames is written: the commit point. A build killed before it leaves the outputs
    as they were; after it, the next build (or ``rol list``'s hint) finishes the renames
    (``recover``). The renames themselves take microseconds.
    """
    root = Path(root)
    index_path = root / "reports" / "index.html"
    targets = [p for paths, data, report in entries
               for p, new in ((paths.processed_final, data), (paths.report_final, report))
               if new is not None]
    _check_writable(targets + ([index_path] if index else []))
    with index_lock(root):
        overlay = {(paths.region, paths.year): {"data/processed": data, "reports": report}
                   for paths, data, report in entries}
        new_index = None
        if index:
            from . import render

            _mkdir(layout.cache_dir(root) / "txn")
            # a build renders its index here only under the index lock and removes it
            # before letting go: any other one is a killed build's
            for stale in (layout.cache_dir(root) / "txn").glob("index.*.html"):
                stale.unlink(missing_ok=True)
            new_index = render.write_index(
                root, out=layout.cache_dir(root) / "txn" / f"index.{os.getpid()}.html",
                overlay=overlay)
        journals = []
        try:
            with _no_interrupt():
                for paths, data, report in entries:
                    txn = _txn_dir(root, paths.region, paths.year)
                    shutil.rmtree(txn, ignore_errors=True)
                    txn.mkdir(parents=True)
                    moves = []
                    for name, new, final in (("data", data, paths.processed_final),
                                             ("report", report, paths.report_final)):
                        if new is not None:
                            os.replace(new, txn / name)
                            moves.append([str(txn / name), str(final)])
                    journal = {"dir": str(txn), "moves": moves}
                    write_json(txn / "journal.json", journal)  # the commit point
                    journals.append(journal)
                    try:
                        _apply(journal)
                    except OSError as exc:  # read-only, full disk: put back, then say so
                        from .exceptions import write_error

                        _undo(journal)
                        journals.pop()
                        shutil.rmtree(txn, ignore_errors=True)
                        if isinstance(exc, PermissionError):
                            raise _cannot_write(Path(exc.filename or final)) from None
                        raise write_error(exc) or exc from None
                if new_index is not None:
                    try:
                        index_path.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(new_index, index_path)
                    except PermissionError:
                        raise _cannot_write(index_path.parent) from None
        except BaseException:
            if journals and index:  # some region-years went out: the index must follow
                render.write_index(root)
            raise
        finally:
            if new_index is not None:
                Path(new_index).unlink(missing_ok=True)
            for journal in journals:
                (Path(journal["dir"]) / "journal.json").unlink(missing_ok=True)
                shutil.rmtree(journal["dir"], ignore_errors=True)


def write_index(root) -> None:
    """Write ``reports/index.html`` from the published folders, under its lock."""
    from . import render

    with index_lock(root):
        render.write_index(root)


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


def _keep_failed(paths: layout.BuildPaths, out_path: Path) -> Path:
    """Copy a failed notebook to ``.rol-cache/failed/<region>/<year>/``: the staging
    folder goes when the build ends, the traceback must stay for the user."""
    kept = layout.cache_dir(paths.root) / "failed" / paths.region / str(paths.year) / out_path.name
    try:
        write_bytes(kept, out_path.read_bytes())
    except OSError:
        return out_path
    return kept


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
                 on_step=None, timeout: float | None = None) -> Path:
    """Execute one notebook of the pipeline for ``paths`` on the warm kernel.

    The kernel gets ``paths.stage`` as ``ROL_STAGE``, so the notebook's own
    ``layout.build_paths`` finds this build's staging folder. ``timeout`` bounds each
    cell (seconds; default :func:`cell_timeout`).

    Raises
    ------
    BuildError
        The notebook failed, a cell ran past the timeout, or the kernel died (each
        says which notebook, and for a dead kernel the end of the kernel's log).
    """
    imports.defer_iri_parser()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from . import engine

    if on_step:
        on_step(paths.region, paths.year, nb_name)
    nb_in = layout.resource_dir(root, "notebooks") / nb_name
    out = out_dir / nb_name
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = paths.stage
    if stage is not None:  # the kernel runs in the root: relative to it, no absolute path
        with contextlib.suppress(ValueError):
            stage = stage.resolve().relative_to(Path(root).resolve())
    timeout = cell_timeout(timeout)
    step = Path(nb_name).stem
    try:
        papermill.execute_notebook(
            str(nb_in), str(out),
            # standalone=False: the runner stages, validates and publishes itself
            parameters={"region": paths.region, "year": paths.year, "root": ".",
                        "standalone": False},
            engine_name=engine.ENGINE_NAME, kernel_name=engine.KERNEL_NAME,
            progress_bar=False, request_save_on_cell_execute=False,
            kernel_cwd=str(Path(root).resolve()), execution_timeout=timeout,
            # a warm kernel may have built another root's region-year before
            rol_env={layout.STAGE_ENV: str(stage) if stage is not None else None,
                     catalogue.ROOT_ENV: str(Path(root).absolute())},
        )
    except PapermillExecutionError as exc:
        raise _kernel_error(exc, nb_name, _keep_failed(paths, out)) from None
    except engine.KernelDied as exc:
        raise BuildError(
            f"{paths.region}/{paths.year}: the notebook kernel died while running {step} "
            f"({exc.how}). Nothing was published. The end of the kernel's log:\n"
            f"{exc.log_tail or '(empty)'}\nIf it ran out of memory, build with fewer "
            "--jobs; otherwise build again."
        ) from None
    except engine.CellTimeout:
        raise BuildError(
            f"{paths.region}/{paths.year}: a cell of {step} ran longer than the cell "
            f"timeout ({timeout:g} s) and was stopped; nothing was published. If the "
            "report is very large, raise the limit with --cell-timeout SECONDS or "
            "ROL_CELL_TIMEOUT."
        ) from None
    _scrub(out)
    return out


# ------------------------------------------------------------------------- phases


def _last_validation_failed(paths: layout.BuildPaths) -> bool:
    return (paths.report_final / FAILED_VALIDATION[0]).is_file()


#: Why an earlier year of a region, whose raw report is filed, is not published
#: (:func:`earlier_unpublished`), in the order the brief's note tells them apart.
EARLIER_STATES = ("failed validation", "bad input", "not built")


def earlier_unpublished(root, region: str, year: int, stage=None,
                        peers=None) -> dict[int, str]:
    """The region's years before ``year`` with a raw report that are not published and
    are later than its latest published earlier year (all of them when none is):
    year -> one of :data:`EARLIER_STATES` (its last build failed validation, stopped on
    bad input, or there was none). Empty when the latest earlier year filed is published
    (the brief compares with it) or none is filed.

    The brief's year-over-year part says with this why it has no earlier year, or why
    it compares with an older one than these (2023 with 2021 because 2022 failed
    validation), and its fingerprint records it.

    ``stage`` as for ``layout.published`` (unset: ``ROL_STAGE`` when set): a batch's
    brief sees the batch's data phases, whose failures are published as such after it (a
    failed validation's page, a bad input's record), so the brief says what ``rol list``
    sees after the build. ``peers``: the brief's ``layout.brief_peers`` when the caller
    has them (one look over the published folders, not two).
    """
    root = Path(root)
    if stage is None and os.environ.get(layout.STAGE_ENV):
        stage = layout.default_stage(root)
    if peers is None:
        peers = layout.published(root, "data/processed", "indicators.parquet",
                                 stage=stage or False)
    # the year the brief compares with: only the years after it are passed over
    latest = max((y for r, y, _ in peers if r == region and y < int(year)), default=0)
    out = {}
    for raw in layout.raw_files(Path(root) / "data" / "raw" / region):
        y = int(raw.stem)
        if not latest < y < int(year) or y in out:
            continue
        paths = layout.build_paths(root, region, y, stage)
        ran = bool(stage) and paths.processed.is_dir()  # this build's data phase stopped
        checked = read_json(paths.report / "validation.json") if ran else None
        if ran and (paths.report / INPUT_ERROR).is_file():
            out[y] = "bad input"
        elif ran and isinstance(checked, dict) and checked.get("success") is False:
            out[y] = "failed validation"
        elif _last_validation_failed(paths):
            out[y] = "failed validation"
        elif ((paths.report_final / INPUT_ERROR).is_file()
              or (not paths.report_final.is_dir() and _unpublished_input_error(paths).is_file())):
            out[y] = "bad input"
        else:
            out[y] = "not built"
    return dict(sorted(out.items(), reverse=True))


def _fail_result(result: BuildResult, exc: Exception) -> None:
    from .exceptions import write_error

    written = write_error(exc)
    # a folder that cannot be written is the machine's problem, not the report's
    result.unreadable = isinstance(exc, InputError) and written is None
    exc = written or exc
    if not isinstance(exc, RolError):
        exc = BuildError(f"{result.key}: unexpected {type(exc).__name__}: {exc}. This is a "
                         "bug in rol-analysis; rerun with ROL_DEBUG=1 and report it.")
        if os.environ.get("ROL_DEBUG"):
            import traceback

            traceback.print_exc()
    result.status = "invalid" if isinstance(exc, ValidationFailed) else "error"
    result.message, result.exit_code = exc.message, exc.exit_code


@contextlib.contextmanager
def _phase(root, region, year, stage):
    """Time a phase and turn any failure into its result (a batch goes on).

    Yields ``(paths, result)``; the result starts as ``skipped``. The caller holds the
    region-year's lock; a phase writes only into the staging folder.
    """
    paths = layout.build_paths(root, region, year, stage)
    result = BuildResult(region, paths.year, "skipped")
    t0 = time.perf_counter()
    try:
        yield paths, result
    except Exception as exc:  # noqa: BLE001 - reported per region-year
        _fail_result(result, exc)
    finally:
        result.seconds = time.perf_counter() - t0


def data_phase(root, region, year, force=False, on_step=None, stage=None,
               timeout=None) -> BuildResult:
    """Run 01_clean and 02_validate into the staging folder ``stage``.

    Returns a result with status ``built`` (validated tables and their ``build.json`` in
    ``paths.processed``) or ``skipped``; a gate failure gives status ``invalid`` (the
    failed validation report is in ``paths.report``), bad input ``error``. Publishes
    nothing: see ``publish``.
    """
    root = Path(root)
    with _phase(root, region, year, stage) as (paths, result):
        fp = data_fingerprint(root, paths)
        if not force and data_current(root, region, year, fp):
            return result
        for folder in (paths.processed, paths.report):
            shutil.rmtree(folder, ignore_errors=True)
            _mkdir(folder)
        try:
            for nb_name in DATA_NOTEBOOKS:
                run_notebook(root, nb_name, paths, paths.report / "notebooks", on_step,
                             timeout)
        except InputError as exc:
            result.bad_input = {"message": exc.message, "fingerprint": fp}
            # for the batch's briefs of later years (earlier_unpublished); never published
            write_json(paths.report / INPUT_ERROR, result.bad_input)
            raise
        except ValidationFailed:
            # as data_fingerprint sees them, so `rol list` can compare (with nothing
            # published, it sees no listed_name nor review pins: neither does this)
            result.failed_inputs = fp
            raise
        # e.g. the report names another region or year than the folder it is filed in
        report = read_json(paths.processed / "report.json") or {}
        # the review file as step 01 read it, which an edit since the fingerprint above
        # was taken makes another version: the tables are that version's
        fp["review"] = report.get("review_fingerprint")
        fp["listed_name"] = report.get("listed_name")  # the regions.csv step 01 read
        write_json(paths.processed / BUILD_FILE, fp)
        result.warnings = list(report.get("warnings") or [])
        result.status = "built"
    return result


def brief_phase(root, region, year, force=False, pdf=False, on_step=None,
                fresh_data=False, stage=None, timeout=None) -> BuildResult:
    """Run 03_analyze and 04_brief and render the brief, in the staging folder.

    ``fresh_data`` says the data phase ran in this build, so the staging folder holds
    the new tables, their notebooks and validation report; otherwise the published
    report's notebooks and validation are carried over. Publishes nothing.
    """
    root = Path(root)
    with _phase(root, region, year, stage) as (paths, result):
        data_fp = read_json(paths.tables / BUILD_FILE)
        if data_fp is None:
            raise BuildError(
                f"{paths.processed_final}: no validated tables to build a brief from. "
                f"Run `rol build --region {region} --year {year}` to build them first."
            )
        fp = brief_fingerprint(root, paths, data_fp, pdf, paths.stage)
        done = read_json(paths.report_final / BUILD_FILE)
        # Fresh data means a fresh validation report in the staging folder: publish it.
        if (not force and not fresh_data and brief_matches(done, fp, pdf)
                and (paths.report_final / "brief.html").is_file()):
            return result
        report = paths.report
        if not fresh_data:
            shutil.rmtree(report, ignore_errors=True)
            if not (paths.report_final / "validation.json").is_file():
                raise BuildError(
                    f"{paths.report_final}: the validation outputs are missing. Run "
                    f"`rol build --region {region} --year {year} --force`."
                )
            shutil.copytree(paths.report_final, report)
            for name in (*FAILED_VALIDATION, INPUT_ERROR):
                (report / name).unlink(missing_ok=True)
        for nb_name in BRIEF_NOTEBOOKS:
            run_notebook(root, nb_name, paths, report / "notebooks", on_step, timeout)
        from . import render

        if on_step:
            on_step(paths.region, paths.year, "brief.html")
        render.render_brief(report / "notebooks" / BRIEF_NOTEBOOKS[-1], report / "brief.html")
        if pdf:
            render.print_pdf(report / "brief.html", report / "brief.pdf")
        elif _keeps_pdf(paths, report, done):
            fp["pdf"] = True  # same HTML as the published one: its PDF still matches it
        else:
            (report / "brief.pdf").unlink(missing_ok=True)
        write_json(report / BUILD_FILE, fp)
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


def failed_validation_report(paths: layout.BuildPaths) -> Path:
    """The report folder to publish after a failed validation: the published one as it
    is (its brief still links the validation that passed it), plus the failed
    validation as ``validation-failed.json``/``.html``. Built in the staging folder."""
    out = paths.staged("reports-failed")
    shutil.rmtree(out, ignore_errors=True)
    if paths.report_final.is_dir():
        shutil.copytree(paths.report_final, out)
        (out / INPUT_ERROR).unlink(missing_ok=True)  # this attempt read the report
    else:
        out.mkdir(parents=True)
    for src, dst in zip(("validation.json", "validation.html"), FAILED_VALIDATION):
        if (paths.report / src).is_file():
            shutil.copyfile(paths.report / src, out / dst)
    return out


def bad_input_report(paths: layout.BuildPaths, record: dict) -> Path:
    """The report folder to publish after a build stopped on bad input, where the
    region-year has a published one: that folder as it is (a brief keeps linking the
    validation that passed it) without an older ``validation-failed`` page, which was
    about another raw report, and with ``input-error.json`` (``record``) saying what
    this attempt found. Built in the staging folder."""
    out = paths.staged("reports-bad-input")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(paths.report_final, out)
    for name in FAILED_VALIDATION:
        (out / name).unlink(missing_ok=True)
    write_json(out / INPUT_ERROR, record)
    return out


def _unpublished_input_error(paths: layout.BuildPaths) -> Path:
    """Where a build that stopped on bad input notes it when the region-year has nothing
    published: a note in the cache, since a ``reports/<region>/<year>/`` folder holding
    only the error would count as published (``gone_raw``, the index, the panel)."""
    return layout.cache_dir(paths.root) / "input-errors" / paths.region / f"{paths.year}.json"


def _unpublished_error(paths: layout.BuildPaths) -> Path:
    """Where a build that failed otherwise than on bad input (a notebook's error, a
    kernel that died) notes the message it printed, when the region-year has nothing
    published: for the index (:func:`last_failure`)."""
    return layout.cache_dir(paths.root) / "build-errors" / paths.region / f"{paths.year}.json"


def last_failure(root, region: str, year: int) -> str | None:
    """The message the last ``rol build`` of a region-year with nothing published
    printed when it failed (bad input, or any other error), None when none is noted:
    the index lists such a region-year with it, so that every one filed is seen."""
    paths = layout.build_paths(root, region, year)
    for note in (_unpublished_input_error(paths), _unpublished_error(paths)):
        record = read_json(note)
        if isinstance(record, dict) and record.get("message"):
            return str(record["message"])
    return None


def _failed_inputs(paths: layout.BuildPaths) -> Path:
    """Where a failed validation notes the inputs it ran on, so that ``rol list`` can say
    what changed since (a cache note: the published folder keeps what it showed)."""
    return layout.cache_dir(paths.root) / "failed-inputs" / paths.region / f"{paths.year}.json"


def _failed_record(paths: layout.BuildPaths) -> tuple[dict | None, str | None]:
    """The inputs' fingerprint the last failed validation ran on and the message it
    printed, from its note (None, None without one; a note written before the message
    was kept holds the fingerprint alone)."""
    record = read_json(_failed_inputs(paths))
    if not isinstance(record, dict):
        return None, None
    if "fingerprint" in record and "message" in record:
        fp = record["fingerprint"]
        return (fp if isinstance(fp, dict) else None), str(record["message"] or "")
    return record, None


def failed_unchanged(root, region, year, fp: dict) -> str | None:
    """The message of the region-year's last failed validation when its inputs are the
    ones it ran on (``fp``, their :func:`data_fingerprint` now: the one ``data_current``
    compares for a passing one), else None. Such a region-year is not built again:
    validating the same inputs fails the same way, and rewriting its failed page, the
    index and the panel each time made every ``rol build --all`` rebuild it (trial 25)."""
    paths = layout.build_paths(root, region, year)
    if (not _last_validation_failed(paths) or (paths.report_final / INPUT_ERROR).is_file()
            or _txn_dir(root, region, paths.year).exists()):
        return None
    ran_on, message = _failed_record(paths)
    if message is None or ran_on != fp:
        return None
    return message


def _last_input_error(paths: layout.BuildPaths, data_fp: dict | None) -> str | None:
    """The message of the last build's bad input, while the inputs are the ones it read."""
    record = read_json(paths.report_final / INPUT_ERROR)
    if record is None and not (paths.report_final / BUILD_FILE).is_file():
        record = read_json(_unpublished_input_error(paths))
    if isinstance(record, dict) and data_fp is not None and record.get("fingerprint") == data_fp:
        return str(record.get("message") or "")
    return None


def validate_only(root, region, year, wait=True, on_wait=None):
    """``rol validate``: extract and validate one report; publish nothing.

    Runs steps 01 and 02 in this process (no notebooks), under the region-year's build
    lock, in a staging folder of its own. The validation report goes to
    ``.rol-cache/validate/<region>/<year>/validation.html`` (JSON beside it): the
    published tables, brief and validation report stay as they were.

    Returns
    -------
    (validate.ValidationReport, pathlib.Path)
        The report and the path of its HTML page.

    Raises
    ------
    ValidationFailed
        A gating rule failed (the report is written all the same; its path is in
        ``exc.report_path``).
    """
    from . import extract, validate

    root = Path(root)
    catalogue.use_project(root)
    paths = layout.build_paths(root, region, year)
    _ = paths.raw  # a clear error when there is no raw report
    out = layout.cache_dir(root) / "validate" / region / str(paths.year)
    with region_lock(root, region, paths.year).acquire(wait, on_wait):
        stage = Stage(root)
        paths = layout.build_paths(root, region, year, stage.path)
        try:
            for folder in (paths.processed, paths.report):
                _mkdir(folder)
            extract.clean(paths)
            try:
                return validate.run(paths), out / "validation.html"
            except ValidationFailed as exc:
                exc.report_path = out / "validation.html"
                raise
            finally:
                for name in ("validation.json", "validation.html"):
                    if (paths.report / name).is_file():
                        write_bytes(out / name, (paths.report / name).read_bytes())
        finally:
            stage.remove()


def validate_task(root, region, year, wait=True, on_wait=None) -> BuildResult:
    """One region-year of ``rol validate`` as a result, as a build task gives one.

    Status ``passed`` (``message``: the report's text), ``invalid`` or ``error`` (with
    ``unreadable`` for bad input); ``report_path`` is the validation report's page. Runs
    in this process or in a ``--jobs`` worker.
    """
    result = BuildResult(region, int(year), "passed")
    try:
        report, where = validate_only(root, region, year, wait=wait, on_wait=on_wait)
    except Exception as exc:  # noqa: BLE001 - reported per region-year, as a build does
        _fail_result(result, exc)
        result.report_path = str(getattr(exc, "report_path", "") or "")
        return result
    result.message, result.report_path = str(report), str(where)
    return result


def validate_all(root, targets, *, jobs=1, wait=True, on_wait=None, progress=None
                 ) -> list[BuildResult]:
    """``rol validate`` of several region-years, on ``jobs`` worker processes as
    ``build`` runs its phases (:class:`_Runner`): ``progress("done", result)`` as each
    finishes; the results in target order."""
    runner = _Runner(None, jobs, progress)
    try:
        done = runner.run(validate_task, {t: (str(root), *t, wait, on_wait) for t in targets},
                          final=True)
    except KeyboardInterrupt:
        runner.abort()
        # each task staged in a folder of its own, which a stopped worker left behind
        Stage.remove_orphans(root)
        raise
    finally:
        runner.close()
    return [done[t] for t in targets]


# ------------------------------------------------- notebooks opened in JupyterLab
#
# Run one by one from notebooks/ (standalone=True), the notebooks publish through the
# same phases as `rol build`: 02 runs the data phase, 04 the brief phase. What they show
# is computed by the same functions, so the published files are rol build's, byte for byte.


def _raise_for(result: BuildResult) -> BuildResult:
    if result.status in ("built", "skipped"):
        return result
    if result.status == "invalid":
        raise ValidationFailed(result.message)
    raise (InputError if result.exit_code == 2 else BuildError)(result.message)


def published_paths(root, region, year) -> layout.BuildPaths:
    """Paths for notebooks 03 and 04: the published tables, checked to be current.

    Raises
    ------
    UsageError
        One sentence saying what to run, when there are no published tables or they
        were made from other inputs than the current ones (say, an edited raw report).
    """
    paths = layout.build_paths(root, region, year)
    done = read_json(paths.processed_final / BUILD_FILE)
    again = (f"run notebooks 01_clean and 02_validate for {region} {year} first (or "
             f"`rol build --region {region} --year {year}`).")
    if done is None:
        raise UsageError(f"There are no published tables for {region} {year} yet: {again}")
    if done != data_fingerprint(root, paths):
        raise UsageError(f"The published tables for {region} {year} were made from older "
                         f"inputs than the current ones (the raw report, regions.csv, "
                         f"reviews, notebooks, package or libraries changed): {again}")
    return paths


def clean_step(paths: layout.BuildPaths, standalone: bool):
    """Notebook 01's call: extract the raw report.

    Under ``rol build`` the tables are written into the data phase's staging folder.
    Run on its own it only shows them: notebook 02 runs steps 01 and 02 as ``rol build``
    does and publishes, so no half-built folder is left behind.

    Returns
    -------
    extract.Extraction
    """
    from . import extract

    if not standalone:
        return extract.clean(paths)
    catalogue.use_project(paths.root)  # opened in Jupyter: the project's catalogue too
    return extract.extract_paths(paths)


def analyze_step(paths: layout.BuildPaths, standalone: bool):
    """Notebook 03's call: analyse the published tables.

    Under ``rol build`` it also writes ``ratios.csv`` into the report's staging folder.
    Run on its own it writes nothing: notebook 04 publishes the report.

    Returns
    -------
    ratios.Analysis
    """
    from . import ratios

    return ratios.run(paths) if not standalone else ratios.analyse(paths)


def brief_paths(root, region, year, standalone: bool) -> layout.BuildPaths:
    """Paths for notebooks 03 and 04; run on their own, see ``published_paths``."""
    if standalone:
        catalogue.use_project(root)  # opened in Jupyter: the project's catalogue too
        return published_paths(root, region, year)
    return layout.build_paths(root, region, year)


def validate_step(paths: layout.BuildPaths, standalone: bool):
    """Notebook 02's call: validate, and publish when run on its own.

    Under ``rol build`` (``standalone=False``) it validates the staged tables and the
    runner publishes. Run on its own it runs ``rol build`` for the region-year (steps
    01-04 on a warm kernel, under the build lock): when the gate passes the tables, the
    validation report and the brief are published together; when it fails only the
    failed validation report is, and ValidationFailed says where it is.

    Returns
    -------
    validate.ValidationReport
    """
    from . import validate

    if not standalone:
        return validate.run(paths)
    # rol build publishes a region-year's tables, report and index as one transaction,
    # so run on its own 02 builds the region-year exactly as `rol build` does.
    for result in build(paths.root, [(paths.region, paths.year)]):
        _raise_for(result)
    return validate.ValidationReport.from_dict(
        read_json(paths.report_final / "validation.json") or {})


def publish_brief(paths: layout.BuildPaths, standalone: bool, pdf: bool = False):
    """Notebook 04's last call: publish the brief when run on its own.

    Under ``rol build`` it does nothing (the runner renders and publishes). On its own
    it checks the published tables are current, then runs ``rol build``'s brief phase
    for this region-year (03 and 04 on a warm kernel, rendered, published with the
    index), so the brief is the one ``rol build`` makes.

    Returns
    -------
    Outputs or None
        The published files, shown with their paths.
    """
    if not standalone:
        return None
    published_paths(paths.root, paths.region, paths.year)
    for result in build(paths.root, [(paths.region, paths.year)], pdf=pdf):
        _raise_for(result)
    return outputs(paths.root, [paths.report_final, paths.root / "reports" / "index.html"])


def _shutdown_engine() -> None:
    if "rol_analysis.engine" in sys.modules:
        sys.modules["rol_analysis.engine"].shutdown_current()


@dataclass
class Outputs:
    """Files a notebook step wrote, shown relative to the project folder."""

    root: Path
    files: list[Path]

    def __repr__(self) -> str:
        return "\n".join(self._lines()) or "(nothing written)"

    def _lines(self) -> list[str]:
        out = []
        for f in self.files:
            try:
                out.append(f.resolve().relative_to(self.root.resolve()).as_posix())
            except ValueError:
                out.append(str(f))
        return out

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(f"<li><code>{escape(line)}</code></li>" for line in self._lines())
        return f"<p>Written:</p><ul>{items}</ul>"


def data_outputs(paths: layout.BuildPaths, standalone: bool) -> Outputs | None:
    """Notebook 02's last cell: what it published when run on its own.

    Under ``rol build`` nothing is shown: the runner publishes, and a staging path in
    the executed notebook would name a folder that no longer exists.
    """
    if not standalone:
        return None
    return outputs(paths.root, [paths.processed_final,
                                paths.report_final / "validation.html",
                                paths.report_final / "validation.json"])


def outputs(root, places) -> Outputs:
    """Every file under ``places`` (folders or files) that exists, sorted."""
    files = []
    for place in map(Path, places):
        if place.is_dir():
            files += sorted(p for p in place.rglob("*") if p.is_file())
        elif place.is_file():
            files.append(place)
    return Outputs(Path(root), files)


# ------------------------------------------------------------------------ executors


class InlineExecutor(cf.Executor):
    """A concurrent.futures executor that runs each task at submit time, in-process.

    Ctrl-C is not a task's result: it goes straight up to the caller.
    """

    def submit(self, fn, /, *args, **kwargs):
        fut: cf.Future = cf.Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - delivered through the future
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

    imports.defer_iri_parser()
    from . import engine

    # Ctrl-C is the main process's to handle: it stops the workers (SIGTERM), and a
    # worker then stops its kernel and leaves without a traceback. The worker was born
    # with SIGINT blocked (see _sigint_blocked): a Ctrl-C that came while it was still
    # starting is pending, and is dropped here instead of interrupting the start-up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    def _terminate(*_):
        engine.shutdown_current()
        os._exit(143)

    signal.signal(signal.SIGTERM, _terminate)
    # Workers end with os._exit: a multiprocessing finaliser stops the kernel first.
    util.Finalize(None, engine.shutdown_current, exitpriority=10)


def _emit(region, year, step) -> None:
    if _step_sink is not None:
        _step_sink((region, year, step))


def _data_task(root, region, year, force, stage, timeout):
    catalogue.use_project(root)  # a worker of another machine has not the environment
    return data_phase(root, region, year, force, on_step=_emit, stage=stage, timeout=timeout)


def _brief_task(root, region, year, force, pdf, fresh_data, stage, timeout):
    catalogue.use_project(root)
    return brief_phase(root, region, year, force, pdf, on_step=_emit, fresh_data=fresh_data,
                       stage=stage, timeout=timeout)


@contextlib.contextmanager
def _sigint_blocked():
    """Start child processes inside this: they are born with SIGINT blocked.

    A spawned worker imports Python, the package and the ``rol`` script before its
    initializer can ignore SIGINT; a Ctrl-C in those seconds (long on a loaded machine)
    would print a traceback or a second "interrupted" line from the child. The signal
    mask survives fork and exec, so the child holds the Ctrl-C until it ignores it
    (:func:`_worker_init`). This process gets its own Ctrl-C when the block ends: none is
    lost.
    """
    if (not hasattr(signal, "pthread_sigmask")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def process_executor(jobs: int):
    """A process pool whose workers each keep one warm kernel; progress via a queue."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with _sigint_blocked():  # the manager's server process, too
        events = ctx.Manager().Queue()
    ocr_threads = max(1, (os.cpu_count() or 1) // jobs)
    pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                  initializer=_worker_init, initargs=(events, ocr_threads))
    return pool, events


def data_current(root, region, year, fp: dict) -> bool:
    """Whether the published tables were built from exactly the current inputs (``fp``,
    their :func:`data_fingerprint`) and their last validation did not fail since."""
    paths = layout.build_paths(root, region, year)
    return (read_json(paths.processed_final / BUILD_FILE) == fp
            and not _last_validation_failed(paths)
            and not (paths.report_final / INPUT_ERROR).is_file()
            and not _txn_dir(root, region, paths.year).exists())  # a publish to finish


def brief_current(root, region, year, pdf=False, stage=None) -> bool:
    """Whether the published brief was built from the current tables and notebooks
    (and peers: in a build, those of its staging folder ``stage`` where it has new ones)."""
    paths = layout.build_paths(root, region, year)
    data_fp = read_json(paths.processed_final / BUILD_FILE)
    return (data_fp is not None and (paths.report_final / "brief.html").is_file()
            and brief_matches(read_json(paths.report_final / BUILD_FILE),
                              brief_fingerprint(root, paths, data_fp, pdf, stage), pdf))


def outdated_peers(root, built: list[tuple[str, int]]) -> list[str]:
    """The other published briefs that may show a region-year of ``built`` (the same
    year's, and the same region's other years) and are not up to date, as
    ``region/year``: after one region-year is rebuilt (a review recorded), the briefs
    that compare with it show its old figures and marks until rebuilt (trial 5 F8:
    nothing said so)."""
    years = {int(y) for _, y in built}
    regions = {r for r, _ in built}
    done = {(r, int(y)) for r, y in built}
    out = []
    for region, year in find_targets(root):
        if (year not in years and region not in regions) or (region, year) in done:
            continue
        paths = layout.build_paths(root, region, year)
        if (paths.report_final / "brief.html").is_file() and not brief_current(
                root, region, year):
            out.append(f"{region}/{year}")
    return out


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
        from .layout import install_command

        # installed where this rol runs, as the OCR extra's hint says it (a bare pip
        # may install into another Python)
        raise UsageError(
            f"--scheduler needs Dask distributed, which is not installed. Install it with "
            f"{install_command('dask')}, or build without --scheduler (--jobs N uses a "
            "process pool on this machine).") from None


class _Runner:
    """Submits phase tasks to an executor, created only when there is work to do."""

    def __init__(self, executor, jobs, progress, scheduler=None):
        self.executor, self.jobs, self.progress = executor, jobs, progress
        self.scheduler = scheduler
        self.pool = self.events = None
        self.futures: list[cf.Future] = []

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
        inline = isinstance(ex, InlineExecutor)
        if inline and self.progress:
            _step_sink = functools.partial(self.progress, "step")
        try:
            tasks = []
            # a pool spawns its workers in submit(): they are born with Ctrl-C blocked;
            # inline, submit() runs the task, which Ctrl-C must stop at once (rol
            # validate has no kernel thread to take the signal meanwhile)
            with contextlib.nullcontext() if inline else _sigint_blocked():
                for key, args in jobs.items():
                    tasks.append((key, ex.submit(fn, *args)))
                    self.futures.append(tasks[-1][1])
                    if inline and final and self.progress:
                        # done when submitted: said now, in order, not all at the end
                        self.progress("done", _result_or_error(tasks[-1][1], tasks))
            return dict(zip(jobs, _collect(tasks, self.events,
                                           None if inline else self.progress, final)))
        finally:
            if isinstance(ex, InlineExecutor):
                _step_sink = None

    def abort(self):
        """Stop everything at once (Ctrl-C): cancel what has not started, stop the
        workers and their kernels. Tasks only ever write into the staging folder, so a
        worker of a foreign executor that keeps running publishes nothing."""
        for fut in self.futures:
            fut.cancel()
        if self.pool is not None:
            procs = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                with contextlib.suppress(Exception):
                    proc.terminate()
            for proc in procs:
                with contextlib.suppress(Exception):
                    proc.join(10)
                    if proc.is_alive():
                        proc.kill()
            self.pool = None
        self.close()

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        elif "rol_analysis.engine" in sys.modules:
            # papermill is imported only once a notebook ran: no-ops stay fast
            sys.modules["rol_analysis.engine"].shutdown_current()


# --------------------------------------------------------------------------- build


def build(root=".", targets=None, *, force=False, pdf=False, jobs=1, executor=None,
          scheduler=None, progress=None, wait=True, on_wait=None, timeout=None
          ) -> list[BuildResult]:
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
    wait : bool
        Wait for a region-year another build holds (default); False raises
        ``locking.LockBusy`` (exit 2) instead.
    on_wait : callable, optional
        Called with one sentence naming the holder when the build has to wait.
    timeout : float, optional
        Seconds a notebook cell may run (default :func:`cell_timeout`).

    Returns
    -------
    list of BuildResult
        One per target, in target order.

    Notes
    -----
    This process holds the lock of every target from before the first step until the
    publish, and is the only one that publishes; tasks write only into this build's
    staging folder, which is removed at the end whatever happens.
    """
    root = Path(root)
    targets = list(targets)
    timeout = cell_timeout(timeout)
    catalogue.use_project(root)
    check_shared_inputs(root)
    from . import suites

    suites.require_current(root)  # stale suites: refused before anything is built
    runner = _Runner(executor, jobs, progress, scheduler)
    locks = []
    stage = None
    held = contextlib.ExitStack()
    try:
        Stage.remove_orphans(root)
        # a `rol remove` killed part way, of a region-year this build does not build:
        # finished now, each under its own lock taken and let go before the targets'
        recovered = finish_removals(root, skip=set(targets))
        for t in sorted(targets):  # one order for every build: no deadlock
            locks.append(region_lock(root, *t).acquire(wait, on_wait))
            recovered |= recover(root, *t)
        stage = Stage(root)
        st = stage.relative
        data = {t: BuildResult(*t, "skipped") for t in targets}
        # each target's inputs hashed once, for failed_unchanged and data_current both
        fps = {}
        if not force:
            for t in targets:
                # failed validation on inputs unchanged since: reported as such, not run
                try:
                    fps[t] = data_fingerprint(root, layout.build_paths(root, *t))
                    message = failed_unchanged(root, *t, fps[t])
                except RolError as exc:  # e.g. an unreadable raw report: its result
                    _fail_result(data[t], exc)
                    continue
                if message is not None:
                    data[t].status, data[t].exit_code = "invalid", ValidationFailed.exit_code
                    data[t].message, data[t].unchanged = message, True
        # A problem of one region-year (two raw files for one year, an unreadable
        # file) is that region-year's result; the others still build.
        stale = {t: (str(root), *t, force, st, timeout) for t in targets
                 if data[t].status == "skipped"
                 and _is_stale(data[t], lambda t=t: force or not data_current(root, *t, fps[t]))}
        # a folder that cannot be written is found now, not after minutes of building
        _check_writable([p for t in stale for p in (
            layout.build_paths(root, *t).processed_final,
            layout.build_paths(root, *t).report_final)]
            + ([root / "reports" / "index.html"] if stale else []))
        data.update(runner.run(_data_task, stale, final=False))
        ok = [t for t in targets if data[t].status in ("built", "skipped")]
        for t in targets:
            if t not in ok and progress:
                progress("done", data[t])
        briefs = {t: BuildResult(*t, "skipped") for t in ok}
        stale = {t: (str(root), *t, force, pdf, data[t].status == "built", st, timeout)
                 for t in ok if _is_stale(briefs[t], lambda t=t: force or data[t].status == "built"
                              or not brief_current(root, *t, pdf, stage.path))}
        for t in ok:
            if t not in stale and progress:
                progress("done", briefs[t])
        briefs.update(runner.run(_brief_task, stale, final=True))
        results = _merge(targets, data, briefs)
        # from the first rename on, the build completes: Ctrl-C is held back until it
        # has cleaned up and returns (see _no_interrupt)
        held.enter_context(_no_interrupt())
        _publish_results(root, stage, results, data, recovered)
    except KeyboardInterrupt:
        if threading.current_thread() is threading.main_thread():
            for sig in INTERRUPTS:  # a second Ctrl-C (or SIGTERM): no traceback
                signal.signal(sig, signal.SIG_IGN)
        runner.abort()
        raise
    finally:
        runner.close()
        if stage is not None:
            stage.remove()
        for lock in locks:
            lock.release()
        held.close()
    return results


def _merge(targets, data, briefs) -> list[BuildResult]:
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
    return results


def _publish_results(root: Path, stage: Stage, results, data, recovered: bool) -> None:
    """Publish every region-year that built (tables and brief) or failed validation
    (the failed report), and the index, in one ``publish``; a region-year that failed
    with nothing published notes why (:func:`last_failure`), and the index is written
    to list it."""
    entries, noted = [], False
    for r in results:
        paths = layout.build_paths(root, r.region, r.year, stage.path)
        if r.status == "built":
            r.warnings += _review_edited(root, paths)
            fresh = data[(r.region, r.year)].status == "built"
            entries.append((paths, paths.processed if fresh else None, paths.report))
        elif r.status == "invalid" and r.unchanged:
            continue  # its failed page is published already and describes these inputs
        elif r.status == "invalid":
            entries.append((paths, None, failed_validation_report(paths)))
            if r.failed_inputs is not None:
                write_json(_failed_inputs(layout.build_paths(root, r.region, r.year)),
                           {"fingerprint": r.failed_inputs, "message": r.message})
        elif r.bad_input and paths.report_final.is_dir():
            # what is published must not say this region-year failed validation (an
            # older build's page) when its latest attempt found the report unusable;
            # with nothing published before, nothing is written (see require_statistics)
            entries.append((paths, None, bad_input_report(paths, r.bad_input)))
        elif r.bad_input:
            # nothing to publish, but `rol list` must still say why it is not built
            final = layout.build_paths(root, r.region, r.year)
            write_json(_unpublished_input_error(final), r.bad_input)
            _unpublished_error(final).unlink(missing_ok=True)
            noted = True
        elif r.status == "error" and not paths.report_final.is_dir():
            # nor is any other failure of a region-year with nothing published: the
            # index lists it with the reason this build printed (last_failure)
            final = layout.build_paths(root, r.region, r.year)
            write_json(_unpublished_error(final), {"message": r.message})
            _unpublished_input_error(final).unlink(missing_ok=True)
            noted = True
    reports = root / "reports"
    try:
        # an index is written when something changed, or is missing beside briefs, or
        # shows regions.csv rows that changed since (a province, a lone region's level)
        if (entries or recovered or noted
                or (reports.is_dir() and not (reports / "index.html").exists())
                or not index_current(root)):
            publish(root, entries, index=True)
    except RolError as exc:  # PublishError, or a write error the publish put back
        for r in results:
            if r.status in ("built", "invalid"):
                r.status, r.message, r.exit_code = "error", exc.message, exc.exit_code


def index_current(root) -> bool:
    """Whether ``reports/index.html`` shows ``regions.csv`` as it is (``rol list`` says
    so, ``rol build`` rewrites it otherwise); True without an index."""
    from . import render

    index = Path(root) / "reports" / "index.html"
    if not index.is_file():
        return True
    return render.index_recorded_regions(index) == render.index_regions(root)


def _review_edited(root: Path, paths: layout.BuildPaths) -> list[str]:
    """A warning when the region-year's review file changed while the build ran.

    The tables (and so the brief) are made from the file as step 01 read it once, and
    their ``build.json`` records that version: published, they are one version's, and
    ``rol list`` shows the region-year outdated until it is built again. Checked under
    the region-year's lock just before the outputs are renamed into place.
    """
    from . import reviews

    used = (read_json(paths.tables / BUILD_FILE) or {}).get("review")
    try:
        now = reviews.fingerprint(reviews.review_file(root, paths.region, paths.year),
                                  _review_pins(paths.tables))
    except RolError:
        now = "unreadable"  # saved in a form it cannot be read in since: changed
    if used == now:
        return []
    key = f"{paths.region}/{paths.year}"
    return [f"data/reviews/{key}.csv changed while this build ran: the published tables "
            f"and brief use its decisions as the build read them, not the new ones, and "
            f"`rol list` shows {key} as outdated. Run `rol build --region {paths.region} "
            f"--year {paths.year}` to apply them."]


def check_shared_inputs(root: Path) -> None:
    """Inputs every region-year reads: a problem there stops the batch (or ``rol list``)
    before it starts (one message, exit 2), instead of failing each region-year alike."""
    from . import regions

    # the catalogue, checked whole (the packaged one and root's catalogue/*.toml): a
    # problem is said once with check's messages, before any region-year starts, and
    # nothing is written (trial 26: a pattern without '#' failed each region-year, and
    # the panel's manifest took the broken catalogue's digest)
    catalogue.require_valid(root)
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
    """Every region-year under ``data/raw`` and whether its brief is up to date.

    A region-year a build would build (not built, outdated) but stops on has
    ``refused``: why, in a few words (``no regions.csv row``, ``year mismatch``), so
    that ``rol list`` counts apart what ``rol build --all`` builds and what it refuses.
    """
    from . import regions

    root = Path(root)
    rows = []
    targets = find_targets(root)
    register = regions.default_path(root)
    # read once (rol list checked it first: check_shared_inputs)
    listed = regions.read(register) if register.is_file() else {}
    for region, year in targets:
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
        failed = _last_validation_failed(paths)
        bad = _last_input_error(paths, data_fp)
        current = brief_fingerprint(root, paths, data_fp, False) if built else None
        review = f"data/reviews/{region}/{year}.csv"  # as the user would type it
        if (_txn_dir(root, region, year) / "journal.json").exists():
            row["status"] = ("outdated (a build was stopped while publishing; the next "
                             "build finishes it)")
        elif built is None:
            if bad is not None:
                row["status"] = f"bad input at the last build: {bad}"
            elif failed:
                row["status"] = "failed validation"
                ran_on = _failed_record(paths)[0]
                if ran_on is not None and ran_on != data_fp:
                    # a decision recorded since may be the fix: say so, and what to run
                    since = _explain(ran_on, data_fp, review)
                    row["status"] += (f"; since then {'; '.join(since)}: run `rol build "
                                      f"--region {region} --year {year}` to validate again")
        elif brief_matches(built, current, False):
            row["status"] = "up to date"
        else:
            row["status"] = "outdated: " + "; ".join(_explain(built, current, review))
        if row["status"] == "not built" or row["status"].startswith("outdated: "):
            # a build would stop on it: said now, not only after the build (trial 23)
            from . import filing

            mismatch = filing.year_mismatch(paths)
            if mismatch:
                row["status"] += f"; {mismatch}"
                row["refused"] = "year mismatch"
            if region not in listed:
                # regions.require_row: the warning below the list gives the row to add
                row["status"] += ("; no regions.csv row, so `rol build` stops on it (see "
                                  "the warning below)")
                row["refused"] = "no regions.csv row"
        if failed and built is not None:
            # First and a clause of its own: appended, it read as if about the last
            # reason given (a peer that changed), not about this region-year.
            row["status"] = ("last build failed validation, so the published brief is "
                             "the one before it; that brief is " + row["status"])
        elif bad is not None and built is not None:
            row["status"] = ("last build stopped on bad input, so the published brief is "
                             "the one before it; that brief is " + row["status"]
                             + f". The build said: {bad}")
        elif built is not None and (paths.report_final / INPUT_ERROR).is_file():
            # the inputs changed since the bad one (a review file put back): the index
            # still shows the stopped build and `rol build` rebuilds (data_current), so
            # "up to date" here would be the one state of three that disagrees
            notice = ("the last build stopped on bad input and the index still says so; "
                      "the inputs changed since")
            row["status"] = (f"outdated: {notice}. Run `rol build --region {region} --year "
                             f"{year}` to rebuild it and clear that notice"
                             if row["status"] == "up to date"
                             else f"{row['status']}; {notice}")
        rows.append(row)
    _peers_to_come(root, rows)
    pending = set(pending_removals(root)) - {(r["region"], r["year"]) for r in rows}
    for region, year in sorted(pending):
        rows.append({"region": region, "year": year, "raw": None, "status": (
            f"being removed: a `rol remove` was stopped part way (its brief, tables, index "
            f"line or panel rows may still show); run `rol remove --region {region} "
            f"--year {year}` again, or any `rol build`, to finish it")})
    for region, year in sorted(set(gone_raw(root, targets)) - pending):
        rows.append({"region": region, "year": year, "raw": None, "status": (
            f"published, raw report gone: its brief, tables and index line are still "
            f"out, and peers still compare with it; remove them with `rol remove "
            f"--region {region} --year {year}`, or put the report back in "
            f"data/raw/{region}/")})
    return sorted(rows, key=lambda r: (r["region"], r["year"]))


def _peers_to_come(root, rows: list[dict]) -> None:
    """Mark the up-to-date briefs of ``rows`` that ``rol build --all`` rebuilds all the
    same: a region-year not built yet that the build publishes is a peer such a brief
    then shows (layout.brief_peers: the same year's other regions it compares with, its
    region's latest earlier year), so the batch rebuilds it (trial 24 F17: rol list said
    3 to build, the build built 4, weibin/2023 the fourth). Its status says which peer,
    and ``peer_new`` lets ``rol list`` count it with the rest."""
    from . import regions

    new = [(r["region"], r["year"]) for r in rows
           if r["status"] == "not built" and not r.get("refused")]
    if not new:
        return
    found = layout.published(root, "data/processed", "indicators.parquet", stage=False)
    for row in rows:
        if row["status"] != "up to date":
            continue
        region, year = row["region"], row["year"]
        latest = max((y for r, y, _ in found if r == region and y < year), default=0)
        others = set(regions.compared_with(root, region, [r for r, y in new
                                                          if r != region and y == year]))
        coming = [f"{r}/{y}" for r, y in new
                  if (r == region and latest < y < year) or (r in others and y == year)]
        if coming:
            many = len(coming) > 1
            row["status"] = (f"up to date until its peer{'s' if many else ''} "
                             f"{', '.join(coming)} (not built yet) {'are' if many else 'is'} "
                             "published: `rol build --all` rebuilds it to show "
                             f"{'them' if many else 'it'}")
            row["peer_new"] = True


# ------------------------------------------------------------------------ removing


def unlisted_regions(root) -> list[str]:
    """Warnings for region folders with a raw report and no ``regions.csv`` row
    (:func:`regions.unlisted`)."""
    from . import regions

    return regions.unlisted(root, [region for region, _ in find_targets(root)])


def renamed_regions(root) -> list[str]:
    """Warnings for a region filed under two slugs (:func:`regions.renamed`)."""
    from . import regions

    raw: dict[str, set[int]] = {}
    gone: dict[str, set[int]] = {}
    targets = find_targets(root)
    for found, into in ((targets, raw), (gone_raw(root, targets), gone)):
        for region, year in found:
            into.setdefault(region, set()).add(year)
    return regions.renamed(root, raw, gone)


def gone_raw(root, targets=None) -> list[tuple[str, int]]:
    """Published region-years (tables, brief or validation report) without a raw report.

    An analyst who deletes a wrongly filed raw report expects its outputs to go too;
    a build never deletes published outputs on its own (a report moved away for a
    moment would take its brief with it), so ``rol list`` names these and
    ``rol remove`` (:func:`remove`) unpublishes them. ``targets``: :func:`find_targets`,
    when the caller has it already.
    """
    root = Path(root)
    published = set()
    for folder in ("data/processed", "reports"):
        base = root / folder
        if not base.is_dir():
            continue
        for path in base.glob("*/*"):
            region, year = path.parent.name, path.name
            if (path.is_dir() and layout.REGION_RE.match(region) and year.isdigit()
                    and len(year) == 4 and not region.startswith(".")):
                published.add((region, int(year)))
    return sorted(published - set(find_targets(root) if targets is None else targets))


def remove(root, region, year, wait=True, on_wait=None) -> dict:
    """Unpublish a region-year whose raw report is gone (``rol remove``).

    Its ``data/processed/<region>/<year>/`` and ``reports/<region>/<year>/`` folders
    and its line in ``reports/index.html`` go together, as a publish puts them out: the
    new index is rendered first, the folders are moved aside under a journal, the
    index is renamed into place, the panel, when there is one, is updated (its
    ``region_years`` and tables lose the region-year), then the folders and the
    journal are deleted. A run killed after the journal is written is finished by the
    next ``rol remove`` of the region-year or by the next build (``finish_removals``);
    killed before, nothing has changed.

    Returns
    -------
    dict
        ``removed`` (the folders removed, relative to ``root``), ``outdated`` (the
        region-years whose briefs showed it: ``(key, reason)``), ``panel`` (the panel's
        summary line, or None when there is no panel), ``resumed`` (whether it finished
        the removal of a run that was killed).

    Raises
    ------
    UsageError
        The raw report is still there (the next build would publish it again), or
        nothing is published for the region-year (exit 2).
    """
    root = Path(root)
    region, year = layout.check_region(region, root), layout.check_year(year)
    paths = layout.build_paths(root, region, year)
    raws = layout.raw_files(paths.raw_dir, year)
    if raws:
        raise UsageError(
            f"{raws[0]}: the raw report of {region}/{year} is still there, so the next "
            f"`rol build --all` would publish it again. `rol remove` unpublishes a "
            f"region-year whose report is gone: move the file out of data/raw/ first "
            f"(or, if it is filed under the wrong year, rename it to the right one), then "
            f"run `rol remove --region {region} --year {year}` again."
        )
    index_path = root / "reports" / "index.html"
    with region_lock(root, region, year).acquire(wait, on_wait):
        # a removal of this region-year that was killed part way: finish it
        journal = _recover(root, region, year)
        if journal is not None and journal.get("removes"):
            folders = [Path(f) for f in journal["removes"]]
            summary = journal["panel"]
        else:
            folders = [f for f in (paths.processed_final, paths.report_final) if f.exists()]
            if not folders:
                raise UsageError(
                    f"nothing is published for {region}/{year} (no "
                    f"{paths.processed_final} and no {paths.report_final}); `rol list` "
                    "shows what is. Nothing was changed."
                )
            summary = _remove(root, region, year, folders, index_path)
    peer = f"published peer {region}/{year} removed"
    outdated = [(f"{r['region']}/{r['year']}", r["status"]) for r in status(root)
                if peer in r["status"]]
    return {"removed": [os.path.relpath(f, root) for f in folders], "outdated": outdated,
            "panel": summary, "resumed": journal is not None and bool(journal.get("removes"))}


def _remove(root: Path, region: str, year: int, folders: list[Path], index_path: Path
            ) -> str | None:
    """The removal itself, under the region-year's lock; returns the panel's summary.

    The journal is the commit point and stays until the panel is written: a kill
    before it changes nothing, after it leaves the journal from which the next
    ``rol remove`` or build (:func:`_recover`) finishes the removal.
    """
    _check_writable(folders + [index_path])
    from . import render

    txn = _txn_dir(root, region, year)
    with index_lock(root):
        shutil.rmtree(txn, ignore_errors=True)
        txn.mkdir(parents=True)
        new_index = render.write_index(
            root, out=txn.parent / f"index.{os.getpid()}.html",
            overlay={(region, year): {"removed": True}})
        journal = {"dir": str(txn), "moves": [], "removes": [str(f) for f in folders]}
        try:
            with _no_interrupt():
                write_json(txn / "journal.json", journal)  # the commit point
                _apply(journal)
                os.replace(new_index, index_path)
        except OSError as exc:
            from .exceptions import write_error

            _undo(journal)
            shutil.rmtree(txn, ignore_errors=True)
            if isinstance(exc, PermissionError):
                raise _cannot_write(Path(exc.filename or index_path)) from None
            raise write_error(exc) or exc from None
        finally:
            Path(new_index).unlink(missing_ok=True)
    try:
        return _after_removal(root, journal)
    finally:  # a panel error is its own (`rol panel` redoes it); the removal is done
        shutil.rmtree(txn, ignore_errors=True)


#: The notes a build or ``rol validate`` keeps of one region-year in ``.rol-cache/``:
#: folders ``<name>/<region>/<year>/`` or files ``<name>/<region>/<year>.json``.
_CACHE_NOTES = ("validate", "failed", "input-errors", "build-errors", "failed-inputs")


def _year_folders(base: Path) -> set[tuple[str, int]]:
    """``(region, year)`` of every ``base/<region>/<year>`` folder or ``<year>.json``."""
    found = set()
    for region_dir in sorted(base.iterdir()) if base.is_dir() else []:
        if not region_dir.is_dir() or not layout.REGION_RE.match(region_dir.name):
            continue
        for entry in region_dir.iterdir():
            stem = entry.stem if entry.suffix == ".json" else entry.name
            if stem.isdigit() and len(stem) == 4:
                found.add((region_dir.name, int(stem)))
    return found


def built_region_years(root) -> list[tuple[str, int]]:
    """Every region-year something was built or noted for: published folders under
    ``data/processed/`` and ``reports/``, and the cache's notes (``rol validate``'s
    reports, failed builds' notes), sorted."""
    root = Path(root)
    cache = layout.cache_dir(root)
    found = _year_folders(root / "data" / "processed") | _year_folders(root / "reports")
    for name in _CACHE_NOTES:
        found |= _year_folders(cache / name)
    return sorted(found)


def clean(root, region=None, year=None, wait=True, on_wait=None) -> list[str]:
    """``rol clean``: delete built outputs, never ``data/raw/`` nor ``data/reviews/``.

    Without ``region`` and ``year``: every folder under ``data/processed/`` (each
    region's tables and the panel) and ``reports/`` (each region's briefs),
    ``reports/index.html``, and everything in ``.rol-cache/`` but its lock files; the
    README files stay. With ``region`` and/or ``year``: those region-years' published
    folders, removed as ``rol remove`` removes them (the index rewritten without them,
    the panel, when there is one, updated), and their notes in ``.rol-cache/``.
    Under the lock of every region-year it deletes, so a running build finishes first.

    Returns
    -------
    list of str
        What was deleted, relative to ``root`` (folders end in ``/``), in order.
    """
    root = Path(root)
    cache = layout.cache_dir(root)
    keys = [k for k in sorted(set(built_region_years(root)) | set(find_targets(root)))
            if (region is None or k[0] == region) and (year is None or k[1] == year)]
    removed: list[str] = []

    def rm(path: Path) -> None:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
            removed.append(os.path.relpath(path, root) + "/")
        elif path.exists() or path.is_symlink():
            path.unlink()
            removed.append(os.path.relpath(path, root))

    with contextlib.ExitStack() as held:
        for key in keys:  # sorted: the order every build takes them in, no deadlock
            held.enter_context(region_lock(root, *key).acquire(wait, on_wait))
        if region is None and year is None:
            held.enter_context(index_lock(root).acquire(wait, on_wait))
            if (root / "data" / "processed").is_dir():
                from . import panel

                # the panel is written under its own lock only (`rol panel`, the end of
                # `rol build --all`): its folder is not deleted under a run writing it
                held.enter_context(panel._locked(root))
            for base in (root / "data" / "processed", root / "reports"):
                for entry in sorted(base.iterdir()) if base.is_dir() else []:
                    if entry.is_dir() or entry.name == "index.html":
                        rm(entry)
            for entry in sorted(cache.iterdir()) if cache.is_dir() else []:
                if entry.name != "locks":  # held right now, by this command too
                    rm(entry)
            return removed
        notes = 0
        for key in keys:
            paths = layout.build_paths(root, *key)
            recover(root, *key)  # a publish or removal a kill left half done
            before = len(removed)
            for name in _CACHE_NOTES:
                for note in (cache / name / key[0] / str(key[1]),
                             cache / name / key[0] / f"{key[1]}.json"):
                    rm(note)
                with contextlib.suppress(OSError):
                    (cache / name / key[0]).rmdir()  # only when empty
            notes += len(removed) - before
            folders = [f for f in (paths.processed_final, paths.report_final) if f.exists()]
            if folders:
                _remove(root, *key, folders, root / "reports" / "index.html")
                removed += [os.path.relpath(f, root) + "/" for f in folders]
        if notes and (root / "reports" / "index.html").is_file():
            write_index(root)  # it may list a failure from the notes just deleted
    return removed
