"""Is a raw report filed under the year it is the report of?

A region-year's brief is published under the year of its file name
(``data/raw/<region>/<year>.<ext>``), and the next year's brief compares against it. A
report filed under another year than the one it states, or the same file filed under two
years, would publish a brief for a year that has no report and give the real year a
year-over-year table against itself (every change +0.0%). So the build stops (exit 2)
before anything is written, naming the file and the fix:

- the report states another year (title or opening line, ``sections.report_metadata``)
  than its file name: rename the file to the year it states; or, where the title really
  is wrong (a misprint in a report that is that year's), confirm the filing year in
  ``data/reviews/<region>/<year>.year.txt`` (:func:`confirmation_file`), whose first line
  is the filing year and whose other lines may say why;
- another file of the same region is byte for byte the same: remove the one filed under
  the wrong year. No confirmation allows this: one report is not the report of two years.

A report that states no year is not checked (nothing to compare).
"""

from __future__ import annotations

from pathlib import Path

from .exceptions import InputError
from .fileio import sha256_file


def confirmation_file(root, region: str, year: int) -> Path:
    """``<root>/data/reviews/<region>/<year>.year.txt``: the filing year, confirmed."""
    return Path(root) / "data" / "reviews" / region / f"{year}.year.txt"


def fingerprint(root, region: str, year: int) -> str | None:
    """Digest of the confirmation file (None when there is none), for the build's
    fingerprint: writing or removing it rebuilds the region-year."""
    path = confirmation_file(root, region, year)
    if not path.is_file():
        return None
    return sha256_file(path)


def _confirmed(path: Path, year: int) -> bool:
    """Whether ``path`` confirms ``year``; InputError when it exists but says another."""
    if not path.is_file():
        return False
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: the filing-year confirmation cannot be read ({exc}). Save it as "
            f"UTF-8 text whose first line is {year}."
        ) from None
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if first != str(year):
        raise InputError(
            f"{path}: its first line should be the filing year {year} (it confirms that "
            f"the report filed as {year} is that year's report), but it is {first!r}. Write "
            f"{year} on the first line (a note why may follow on the next lines), or remove "
            "the file."
        )
    return True


def check(paths, meta: dict) -> list[str]:
    """Stop a build whose raw report is filed under the wrong year.

    Parameters
    ----------
    paths : layout.BuildPaths
        The region-year being built (``paths.raw`` is its raw report).
    meta : dict
        The extraction's ``meta``: ``stated_year``, ``title`` and ``warnings``.

    Returns
    -------
    list of str
        ``meta["warnings"]`` with the year warning reworded when the filing year is
        confirmed (the brief still says that the title states another year).

    Raises
    ------
    InputError
        Another file of the region has the same bytes, or the report states another
        year and no confirmation file says the filing year (exit 2; nothing written).
    """
    from . import layout

    raw, year = Path(paths.raw), int(paths.year)
    size, digest = raw.stat().st_size, None  # the raw report is hashed once, if at all
    for other in layout.raw_files(raw.parent):
        if int(other.stem) == year or other.stat().st_size != size:
            continue
        digest = digest or sha256_file(raw)
        if sha256_file(other) == digest:
            stated = meta.get("stated_year")
            hint = (f" The report states the year {stated}, so keep "
                    f"{raw.parent / (str(stated) + raw.suffix)}." if stated else "")
            raise InputError(
                f"{raw}: it is byte for byte the same file as {other}: one report filed "
                f"under two years ({year} and {other.stem}), so one of the two briefs would "
                f"be published for a year without a report, and the year-over-year table "
                f"would compare the report with itself. Fix: remove the copy filed under "
                f"the wrong year and build again.{hint} Nothing was published for "
                f"{paths.region}/{year}."
            )
    stated = meta.get("stated_year")
    warnings = list(meta.get("warnings") or [])
    if stated is None or int(stated) == year:
        return warnings
    confirm = confirmation_file(paths.root, paths.region, year)
    title = meta.get("title")
    if _confirmed(confirm, year):
        return [w for w in warnings if f"states the year {stated}" not in w] + [
            f"{raw.name}: the report states the year {stated} (title: {title!r}); the "
            f"filing year {year} is confirmed in {confirm.name}."]
    there = layout.raw_files(raw.parent, stated)
    # renaming onto the stated year's own file would lose one of the two
    rename = (f"remove it (the region already has {there[0]} for {stated})" if there
              else f"rename it to {raw.parent / (str(stated) + raw.suffix)}")
    raise InputError(
        f"{raw}: the report states the year {stated} (title: {title!r}) but is filed as "
        f"{year}, so its brief would be published as {paths.region}'s {year} report. Fix: "
        f"if it is the {stated} report, {rename}; "
        f"if it really is the {year} report and only its title says {stated}, confirm the "
        f"filing year: write {year} on the first line of {confirm} (a note why may follow) "
        f"and build again. Nothing was published for {paths.region}/{year}."
    )
