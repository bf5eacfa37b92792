"""Where things live under a project root, and the checks on region and year.

A root holds ``data/raw/<region>/<year>.<ext>`` (inputs, read-only),
``data/processed/<region>/<year>/`` and ``reports/<region>/<year>/`` (outputs). A build
writes into hidden staging folders beside the outputs and renames them into place at
the end, so readers never see a half-written folder.
"""

from __future__ import annotations

import datetime as _dt
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


def max_year() -> int:
    return _dt.date.today().year + 1


def check_region(region: str) -> str:
    """Return ``region`` if it is a slug (``[a-z0-9-]+``), else raise UsageError."""
    if not isinstance(region, str) or not REGION_RE.match(region):
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


@dataclass(frozen=True)
class BuildPaths:
    """All paths of one region-year under ``root``.

    Notebooks write to ``processed`` and ``report`` (the staging folders during a build);
    the runner renames them to ``processed_final`` and ``report_final`` when the build
    succeeds.
    """

    root: Path
    region: str
    year: int

    @property
    def raw_dir(self) -> Path:
        return self.root / "data" / "raw" / self.region

    @property
    def raw(self) -> Path:
        """The region-year's raw report; UsageError when there is none, or several."""
        found = sorted(
            p for p in self.raw_dir.glob(f"{self.year}.*")
            if p.suffix.lower() in RAW_SUFFIXES and p.is_file()
        )
        if not found:
            folders = sorted(p for p in self.raw_dir.glob(f"{self.year}.*")
                             if p.suffix.lower() in RAW_SUFFIXES and p.is_dir())
            if folders:
                raise InputError(
                    f"{folders[0]}: this is a folder, not a report file. Put the report "
                    f"file itself at {folders[0]} (move the folder's file up and remove "
                    "the folder), then retry."
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

    @property
    def processed(self) -> Path:
        """Staging folder for processed tables (renamed to processed_final on success)."""
        return self.processed_final.with_name(f".{self.year}.building")

    @property
    def report(self) -> Path:
        """Staging folder for the report (renamed to report_final on success)."""
        return self.report_final.with_name(f".{self.year}.building")


def build_paths(root, region, year) -> BuildPaths:
    """Check ``region`` and ``year`` and return their paths under ``root``."""
    return BuildPaths(Path(root), check_region(region), check_year(year))


def published(root, folder: str, name: str) -> list[tuple[str, int, Path]]:
    """``(region, year, path)`` of every published ``<folder>/<region>/<year>/<name>``.

    ``folder`` is ``data/processed`` or ``reports``. Hidden staging (``.2023.building``)
    and kept-back (``.2023.previous``) folders are not published and are skipped, as is
    anything that is not a region slug and a four-digit year. Sorted.
    """
    base = Path(root) / folder
    out = []
    for path in sorted(base.glob(f"*/*/{name}")):
        region, year = path.parent.parent.name, path.parent.name
        if REGION_RE.match(region) and year.isdigit() and len(year) == 4:
            out.append((region, int(year), path))
    return out


def brief_peers(root, region: str, year: int, name: str = "indicators.parquet"
                ) -> list[tuple[str, int, Path]]:
    """The published region-years a brief of ``region``/``year`` shows, with ``name``.

    The brief compares the year with the region's latest earlier published year
    (year-over-year) and with the same year's other regions (the panel). A later year,
    or an earlier one that is not the latest, changes nothing in it: the build's
    fingerprint records exactly these peers, and the analysis reads exactly these.
    """
    found = published(root, "data/processed", name)
    earlier = [y for r, y, _ in found if r == region and y < int(year)]
    previous = max(earlier, default=None)
    return [(r, y, p) for r, y, p in found
            if (r == region and y == previous) or (r != region and y == int(year))]


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
