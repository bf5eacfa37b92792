"""Where things live under a project root, and the checks on region and year.

A root holds ``data/raw/<region>/<year>.<ext>`` (inputs, read-only),
``data/processed/<region>/<year>/`` and ``reports/<region>/<year>/`` (outputs) and the
cache folder ``.rol-cache/`` (locks, staging folders, publish journals: never published,
safe to delete when no build runs). A build writes into a staging folder of its own
under ``.rol-cache/stage/`` and renames the finished folders into place at the end, so
readers never see a half-written folder.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .exceptions import InputError, UsageError

# \A...\Z, not ^...$: "$" also matches before a final newline, so "weibin\n" passed.
# 64 characters: a slug is a folder name, far below the file system's 255.
MAX_REGION_LEN = 64
REGION_RE = re.compile(rf"\A[a-z0-9][a-z0-9-]{{0,{MAX_REGION_LEN - 1}}}\Z")
RAW_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf")
#: Slugs that name something else under data/processed (the national panel).
RESERVED = frozenset({"panel"})
MIN_YEAR = 2000
#: The cache folder under a root: locks, staging folders, publish journals.
CACHE = ".rol-cache"
#: Set by ``rol build`` in the notebook kernel: the staging folder of the running build
#: (relative to the root, or absolute). Unset, notebooks stage in ``.rol-cache/stage/lab``.
STAGE_ENV = "ROL_STAGE"


def max_year() -> int:
    return _dt.date.today().year + 1


def check_region(region: str, root=None) -> str:
    """Return ``region`` if it is a slug (``[a-z0-9-]+``), else raise UsageError.

    With ``root``, a ``data/raw/<region>/`` folder of that name is named in the message
    with how to rename it (:func:`slug_fix`): the user typed the folder's name.
    """
    if not isinstance(region, str) or not REGION_RE.match(region):
        folder = _raw_folder(root, region)
        if folder is not None:
            fix, slug = slug_fix(root, region)
            chose = f"{slug} (or the slug you chose)" if slug else "<slug>"
            raise UsageError(
                f"region {_shown(region)} is not a region slug (lower-case letters, digits "
                f"and hyphens, at most {MAX_REGION_LEN} characters), so the reports in "
                f"{folder} cannot be built under that name. Fix: {fix}; then build with "
                f"--region {chose}."
            )
        raise UsageError(
            f"region {_shown(region)} is not a region slug: use lower-case letters, digits "
            f"and hyphens only, at most {MAX_REGION_LEN} characters (for example 'weibin'), "
            "the name of a folder under data/raw/."
        )
    if region in RESERVED:
        raise UsageError(
            f"region {region!r} is reserved (data/processed/{region}/ holds the national "
            f"panel): rename the folder data/raw/{region}/, e.g. to "
            f"{region}-county, and its row in regions.csv."
        )
    return region


def _raw_folder(root, name) -> Path | None:
    """``<root>/data/raw/<name>/`` when ``name`` is a folder's own name there (not a
    path such as ``../etc``), else None."""
    if root is None or not isinstance(name, str) or not name or name.startswith(".") \
            or Path(name).name != name:
        return None
    folder = Path(root) / "data" / "raw" / name
    try:
        return folder if folder.is_dir() else None
    except (OSError, ValueError):  # a name too long, or with a NUL, for a file name
        return None


#: What follows a place's name in its full name (青岚 -> 青岚县): how :func:`slug_fix`
#: finds the ``regions.csv`` row a folder named in Chinese is.
_TIERS = ("省", "市", "区", "县", "旗", "镇", "乡", "街道", "自治县", "自治州")


def slug_fix(root, folder: str) -> tuple[str, str | None]:
    """How to rename ``data/raw/<folder>/``, whose name is not a region slug: the fix
    ``rol list`` and ``rol build --region <folder>`` give, and the slug it proposes
    (None when it cannot propose one).

    A slug is guessed only where one can be: from the folder name's own letters
    (``Bad_Region`` -> ``bad-region``), or from the ``regions.csv`` row whose Chinese
    name the folder name begins (``青岚`` -> the row ``qinglan,青岚县``). A Chinese name
    with no such row gets the rule and an example, not a made-up slug: its pinyin
    cannot be derived here.
    """
    from . import regions
    from .exceptions import RolError

    raw = Path(root) / "data" / "raw"
    here = raw / folder
    try:
        rows = regions.metadata(root)
    except RolError:  # a broken regions.csv is reported on its own
        rows = {}
    # 青岚 is 青岚县 (not 青岚县白沙镇, a town of it): the name, or the name and its tier
    known = sorted(slug for slug, row in rows.items() if folder and row.get("zh_name")
                   in [folder] + [folder + tier for tier in _TIERS])
    other = ("; if not, rename it to a slug of its own (lower-case letters, digits and "
             "hyphens) and add that slug's row to data/raw/regions.csv")
    if len(known) == 1:
        slug = known[0]
        row = f"{slug},{rows[slug]['zh_name']}"
        if (raw / slug).exists():
            return (f"regions.csv lists {row}: if these are that region's reports, move "
                    f"them into {raw / slug}/ (one file per year) and remove {here}"
                    f"{other}"), slug
        return (f"regions.csv lists {row}: if this is that region, rename the folder to "
                f"its slug (`mv {here} {raw / slug}`){other}"), slug
    guess = re.sub(r"[^a-z0-9-]+", "-", folder.lower()).strip("-")[:MAX_REGION_LEN]
    listed = "" if guess in rows else (
        f", and add its row to data/raw/regions.csv: {guess},<zh_name>,<city>,<province>,"
        "<level>")
    if guess and REGION_RE.match(guess):
        return f"rename it to a slug, e.g. `mv {here} {raw / guess}`{listed}", guess
    return (f"rename it to a slug of lower-case letters, digits and hyphens, e.g. the "
            f"place's name in pinyin (hongqi for 红旗区): `mv {here} {raw}/<slug>`, and "
            "add its row to data/raw/regions.csv: <slug>,<zh_name>,<city>,<province>,"
            "<level>"), None


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:60]}... ({len(str(value))} characters)"


def check_year(year) -> int:
    """Return ``year`` as an int if it is a whole year in 2000..next year."""
    text = str(year).strip()
    if not re.fullmatch(r"\d{4}", text) or not (MIN_YEAR <= int(text) <= max_year()):
        raise UsageError(
            f"year {year!r} is not a report year: give a four-digit year from {MIN_YEAR} "
            f"to {max_year()} (for example 2023)."
        )
    return int(text)


def raw_files(raw_dir, year: int | None = None, folders: bool = False) -> list[Path]:
    """The raw reports in one region's folder ``data/raw/<region>/``, sorted.

    A raw report is a file named ``<year>.<ext>``: a four-digit year and a report
    suffix (:data:`RAW_SUFFIXES`, any case). The one reading of that rule for the
    build, the filing checks and ``rol remove``, so that none of them takes a folder
    named ``2023.txt`` (an unpacked archive) or ``2023.old.txt`` for a report the others
    do not see.

    Parameters
    ----------
    raw_dir : path-like
        The region's folder (missing: no reports).
    year : int, optional
        Only that year's (default: every year's).
    folders : bool
        Return the folders that carry such a name instead (to say what is wrong).
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return []
    return sorted(
        p for p in raw_dir.iterdir()
        if p.suffix.lower() in RAW_SUFFIXES and p.stem.isdigit() and len(p.stem) == 4
        and (year is None or int(p.stem) == int(year))
        and (p.is_dir() if folders else p.is_file()))


#: Word-processor formats rol does not read: saved again as .docx, they are read.
WORD_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")


def format_problem(path) -> tuple[str, str]:
    """``(problem, fix)`` for a file under ``data/raw/`` whose suffix is not a report
    format (:data:`RAW_SUFFIXES`): the one wording of ``rol list``, ``rol build --all``
    and ``rol build --region R --year Y`` (a ``2024.doc`` is named, not "no report")."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORD_SUFFIXES:
        fix = (f"open it in Word, WPS or LibreOffice and save it as .docx "
               f"({path.with_suffix('.docx')})")
    else:
        fix = "save it as .txt, .docx, .html or .pdf"
    return f"{suffix or 'no extension'} is not a report format", fix


def unread_files(raw_dir, year: int) -> list[Path]:
    """The files of ``raw_dir`` named ``<year>.<ext>`` whose suffix is not a report
    format (``2024.doc``, ``2024.wps``): what a build of that year says it found."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return []
    return sorted(p for p in raw_dir.iterdir() if p.is_file() and p.stem == str(year)
                  and p.suffix.lower() not in RAW_SUFFIXES and not p.name.startswith("."))


@dataclass(frozen=True)
class BuildPaths:
    """All paths of one region-year under ``root``.

    Notebooks write to ``processed`` and ``report``, the region-year's folders inside
    ``stage`` (the running build's own staging folder); the runner renames them to
    ``processed_final`` and ``report_final`` when the build succeeds.
    """

    root: Path
    region: str
    year: int
    stage: Path | None = None

    @property
    def raw_dir(self) -> Path:
        return self.root / "data" / "raw" / self.region

    @property
    def raw(self) -> Path:
        """The region-year's raw report; UsageError when there is none, InputError when
        there are several, or only a file of that year in a format rol cannot read
        (``2024.doc``: its name and the fix, as ``rol list`` gives them)."""
        found = raw_files(self.raw_dir, self.year)
        if not found:
            folders = raw_files(self.raw_dir, self.year, folders=True)
            if folders:
                raise InputError(
                    f"{folders[0]}: this is a folder, not a report file. Put the report "
                    f"file itself at {folders[0]} (move the folder's file up and remove "
                    "the folder), then retry."
                )
            unread = unread_files(self.raw_dir, self.year)
            if unread:
                problem, fix = format_problem(unread[0])
                raise InputError(
                    f"{unread[0]}: {problem} (rol reads .txt, .docx, .html and .pdf), so "
                    f"{self.region}/{self.year} has no report it can read. Fix: {fix}, "
                    "then build again."
                )
            raise UsageError(
                f"no raw report for region {self.region!r}, year {self.year}: expected a "
                f"file {self.raw_dir / str(self.year)}.<txt|docx|html|pdf>. Run "
                "`rol list` to see the region-years that have one."
            )
        if len(found) > 1:
            names = ", ".join(p.name for p in found)
            raise InputError(
                f"{self.raw_dir}: several raw reports for {self.year} ({names}); keep one "
                "so the build knows which to read."
            )
        return found[0]

    @property
    def processed_final(self) -> Path:
        return self.root / "data" / "processed" / self.region / str(self.year)

    @property
    def report_final(self) -> Path:
        return self.root / "reports" / self.region / str(self.year)

    def staged(self, folder: str) -> Path:
        """``<stage>/<folder>/<region>/<year>``: the staging folder mirrors the root."""
        stage = self.stage if self.stage is not None else default_stage(self.root)
        return stage / folder / self.region / str(self.year)

    @property
    def processed(self) -> Path:
        """Staging folder for processed tables (renamed to processed_final on success)."""
        return self.staged("data/processed")

    @property
    def report(self) -> Path:
        """Staging folder for the report (renamed to report_final on success)."""
        return self.staged("reports")

    @property
    def tables(self) -> Path:
        """The tables the analysis reads: this build's validated ones when it made
        them (the staging folder holds their ``build.json``), else the published ones."""
        return self.processed if (self.processed / "build.json").is_file() \
            else self.processed_final


def cache_dir(root) -> Path:
    """``<root>/.rol-cache``: locks, staging folders and publish journals."""
    return Path(root) / CACHE


def default_stage(root) -> Path:
    """The staging folder named by ``ROL_STAGE`` (set by ``rol build`` in its kernels),
    else ``.rol-cache/stage/lab`` (notebooks run by hand)."""
    env = os.environ.get(STAGE_ENV)
    return Path(root) / env if env else cache_dir(root) / "stage" / "lab"


def build_paths(root, region, year, stage=None) -> BuildPaths:
    """Check ``region`` and ``year`` and return their paths under ``root``.

    ``stage`` is the build's staging folder, absolute or relative to ``root``
    (default: :func:`default_stage`).
    """
    root = Path(root)
    stage = root / stage if stage is not None else default_stage(root)
    return BuildPaths(root, check_region(region, root), check_year(year), stage)


def published(root, folder: str, name: str, stage=None) -> list[tuple[str, int, Path]]:
    """``(region, year, path)`` of every published ``<folder>/<region>/<year>/<name>``.

    ``folder`` is ``data/processed`` or ``reports``; anything that is not a region slug
    and a four-digit year is skipped. Sorted.

    With ``stage`` (a build's staging folder), the region-years whose tables that build
    validated (``<stage>/data/processed/<region>/<year>/build.json``) are read from there
    instead: the view a batch build gives its briefs, in which every data phase of the
    batch has run. Without it, the staging folder of the running build (``ROL_STAGE``)
    is used when set (``stage=False``: never).
    """
    base = Path(root) / folder
    found = {}
    for path in sorted(base.glob(f"*/*/{name}")):
        region, year = path.parent.parent.name, path.parent.name
        if REGION_RE.match(region) and year.isdigit() and len(year) == 4:
            found[(region, int(year))] = path
    if stage is None and os.environ.get(STAGE_ENV):
        stage = default_stage(root)
    if stage and folder == "data/processed":
        for marker in sorted(Path(stage).glob(f"{folder}/*/*/build.json")):
            region, year = marker.parent.parent.name, marker.parent.name
            if REGION_RE.match(region) and year.isdigit() and len(year) == 4:
                if (marker.parent / name).is_file():
                    found[(region, int(year))] = marker.parent / name
                else:
                    found.pop((region, int(year)), None)
    return [(r, y, p) for (r, y), p in sorted(found.items())]


def brief_peers(root, region: str, year: int, name: str = "indicators.parquet",
                stage=None) -> list[tuple[str, int, Path]]:
    """The published region-years a brief of ``region``/``year`` shows, with ``name``.

    The brief compares the year with the region's latest earlier published year
    (year-over-year) and with the same year's other regions (the panel; only those of
    its city or province when its ``regions.csv`` row says so, regions.compared_with).
    A later year,
    or an earlier one that is not the latest, changes nothing in it: the build's
    fingerprint records exactly these peers, and the analysis reads exactly these.
    ``stage``: as for :func:`published`.
    """
    from . import regions

    found = published(root, "data/processed", name, stage=stage)
    earlier = [y for r, y, _ in found if r == region and y < int(year)]
    previous = max(earlier, default=None)
    # the same year's other regions, as far as regions.csv's compare cell reaches
    others = set(regions.compared_with(root, region, [r for r, y, _ in found
                                                      if r != region and y == int(year)]))
    return [(r, y, p) for r, y, p in found
            if (r == region and y == previous) or (r in others and y == int(year))]


def install_command(extra: str) -> str:
    """The command that installs the optional ``extra`` (``ocr``, ``dask``) where this
    rol runs, quoted (with backticks) for a message.

    A README user runs rol from a checkout's ``.venv`` (``make brief``): there ``make
    <extra>`` in the checkout installs it (into that ``.venv``); a bare ``pip`` would
    install into whatever Python comes first on the PATH. Anywhere else the extra is
    installed by the running Python's own pip (trial 23). One rule for every extra: the
    OCR extra's hint knew it, the Dask extra's said a bare ``pip``.

    Examples
    --------
    >>> install_command("dask")  # doctest: +SKIP
    "`/usr/bin/python3 -m pip install 'rol-analysis[dask]'`"
    """
    import sys

    checkout = Path(__file__).resolve().parents[2]
    venv = checkout / ".venv"
    try:
        in_checkout = (Path(sys.prefix).resolve() == venv.resolve()
                       and f"\n{extra}:" in (checkout / "Makefile").read_text(encoding="utf-8"))
    except OSError:
        in_checkout = False
    if in_checkout:
        return f"`make {extra}` in {checkout}"
    return f"`{sys.executable} -m pip install 'rol-analysis[{extra}]'`"


def resource_dir(root, name: str) -> Path:
    """``root/<name>`` when present, else the copy shipped inside the package.

    ``name`` is ``notebooks`` or ``expectations``. In a source checkout the package's
    own copy is the repository's top-level folder.
    """
    local = Path(root) / name
    if local.is_dir():
        return local
    packaged = Path(str(resources.files("rol_analysis") / name))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise UsageError(f"cannot find the {name}/ folder in {root} or in the installed package; "
                     "reinstall rol-analysis.")


def read_peer(path, region: str, year):
    """A published peer's table (``path``: its parquet file; ``region``/``year``: whose).

    Raises
    ------
    InputError
        When the file cannot be read, naming the rebuild that fixes it.
    """
    import pandas as pd

    try:
        return pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many types for a bad file
        raise InputError(
            f"{path}: cannot be read as a parquet table ({exc}). Rebuild that "
            f"region-year with `rol build --region {region} --year {year} --force` or "
            "delete the folder."
        ) from None
