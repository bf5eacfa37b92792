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
- a file of ANOTHER region is byte for byte the same (a report copied in by mistake when
  a new place was added, which would publish one region's figures as another's, and put
  them twice in the panel): put the region's own report in place of the copy. Where two
  regions really publish one report (one government for both, e.g. a new district
  administered together with its host county), confirm it in
  ``data/reviews/<region>/<year>.shared.txt`` (:func:`shared_file`), first line the
  other region's slug, on either side of the pair. Only for the same year: one report
  is not the report of two years either.

"The same" is what the report says, not only its bytes: a copy re-saved in GB18030,
with other line endings or a BOM, or as .docx beside a .txt, is caught the same way and
the message says that the texts are identical though the files differ
(:func:`text_digest`: the decoded text without whitespace). A PDF is compared by its
bytes only: its text comes from a page layout or OCR, so decoding every other region's
PDF would cost a build seconds to minutes for a copy that is never the same text anyway.

A report that states no year is not checked against its file name (nothing to compare).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .exceptions import InputError
from .fileio import sha256_cached, sha256_file, stat_key, write_text

#: Formats compared by their decoded text as well as their bytes (see the module note).
TEXT_COMPARED = (".txt", ".docx", ".html", ".htm")
#: Bumped when :func:`text_digest` would give another digest for one file (or the
#: cache holds other facts: 2 added the stated year).
_DIGEST_VERSION = "2"
_WHITESPACE = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
_DIGESTS: dict = {}


def confirmation_file(root, region: str, year: int) -> Path:
    """``<root>/data/reviews/<region>/<year>.year.txt``: the filing year, confirmed."""
    return Path(root) / "data" / "reviews" / region / f"{year}.year.txt"


def shared_file(root, region: str, year: int) -> Path:
    """``<root>/data/reviews/<region>/<year>.shared.txt``: the region whose report of
    ``year`` is this region's too, confirmed."""
    return Path(root) / "data" / "reviews" / region / f"{year}.shared.txt"


def fingerprint(root, region: str, year: int) -> dict[str, str]:
    """Digests of the region-year's confirmation files (``{name: sha256}``, empty when
    there is none), for the build's fingerprint: writing or removing one rebuilds it."""
    return {p.name: sha256_file(p) for p in (confirmation_file(root, region, year),
                                              shared_file(root, region, year))
            if p.is_file()}


def text_digest(path, root) -> str | None:
    """Hex sha256 of what a raw report says: its decoded text (``reading.read_report``,
    any encoding, BOM removed) without any whitespace, so line endings, blank lines and
    indentation do not count. None for a PDF (see the module note) or a file that cannot
    be read (its own build reports that).

    The digest is kept in ``<root>/.rol-cache/text-digest/<file sha256>`` (and within
    the process by :func:`fileio.stat_key`): :func:`check` runs for every region-year
    of a batch over every raw file, and decoding a .docx each time would cost the batch
    a decode per file per region-year.
    """
    return _text_facts(path, root)[0]


def stated_year(path, root) -> int | None:
    """The year a raw report's title (or opening line) states, read with its
    :func:`text_digest` (one decode, kept the same way); None for a PDF, a file that
    cannot be read or a report that states none. ``rol list`` says "year mismatch"
    with it before a build stops on one (:func:`check`)."""
    return _text_facts(path, root)[1]


def _text_facts(path, root) -> tuple[str | None, int | None]:
    """(:func:`text_digest`, :func:`stated_year`) of a raw report: one decode, cached."""
    from . import layout
    from .reading import read_report
    from .sections import report_metadata

    path = Path(path)
    if path.suffix.lower() not in TEXT_COMPARED:
        return None, None
    key = stat_key(path)
    if key in _DIGESTS:
        return _DIGESTS[key]
    store = (layout.cache_dir(root) / "text-digest"
             / f"{_DIGEST_VERSION}-{sha256_cached(path)}")
    try:
        cached = store.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        cached = []
    if len(cached) != 2:
        try:
            text = read_report(path).text
        except InputError:
            cached = ["-", "-"]  # unreadable: not compared (and not decoded again)
        else:
            year = report_metadata(text).get("year")
            cached = [hashlib.sha256(_WHITESPACE.sub("", text).encode("utf-8")).hexdigest(),
                      str(year) if year else "-"]
        try:
            write_text(store, " ".join(cached) + "\n", encoding="ascii")
        except OSError:
            pass  # a read-only cache folder only costs the next build a decode
    if len(_DIGESTS) > 100_000:  # bounded: a long-lived kernel builds many
        _DIGESTS.clear()
    digest, year = cached
    _DIGESTS[key] = (None if digest == "-" else digest,
                     int(year) if year.isdigit() else None)
    return _DIGESTS[key]


def _first_line(path: Path, what: str, expected: str) -> str | None:
    """The first non-blank line of a confirmation file (None when there is no file)."""
    if not path.is_file():
        return None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: the {what} cannot be read ({exc}). Save it as UTF-8 text whose "
            f"first line is {expected}."
        ) from None
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")


def _shared(root, region: str, other: str, year: int) -> Path | None:
    """The confirmation that ``region`` and ``other`` publish one report of ``year``:
    either region's ``<year>.shared.txt`` naming the other (None when neither does)."""
    from . import layout

    for mine, theirs in ((region, other), (other, region)):
        path = shared_file(root, mine, year)
        first = _first_line(path, "shared-report confirmation", f"the slug {theirs!r}")
        if first is None:
            continue
        if not layout.REGION_RE.match(first):
            raise InputError(
                f"{path}: its first line should be the slug of the region whose {year} "
                f"report is {mine}'s too (for example {theirs!r}), but it is {first!r}. "
                "Write the slug on the first line (a note why may follow), or remove the "
                "file."
            )
        if first == theirs:
            return path
    return None


def _confirmed(path: Path, year: int) -> bool:
    """Whether ``path`` confirms ``year``; InputError when it exists but says another."""
    first = _first_line(path, "filing-year confirmation", str(year))
    if first is None:
        return False
    if first != str(year):
        raise InputError(
            f"{path}: its first line should be the filing year {year} (it confirms that "
            f"the report filed as {year} is that year's report), but it is {first!r}. Write "
            f"{year} on the first line (a note why may follow on the next lines), or remove "
            "the file."
        )
    return True


def _stopped(paths, command: str) -> tuple[str, str]:
    """How a refusal ends for ``command``: what to run again, and what was not done.

    ``rol review`` publishes nothing in any case: it says that it left the worksheet
    as it was (reviewer trial, session 22: it said "Nothing was published")."""
    if command == "review":
        from .reviews import review_file

        sheet = review_file(paths.root, paths.region, paths.year)
        return ("run `rol review` again", f"`rol review` wrote nothing: {sheet} was "
                "neither written nor refreshed, and no decision was applied.")
    return "build again", f"Nothing was published for {paths.region}/{paths.year}."


def check(paths, meta: dict, command: str = "build") -> list[str]:
    """Stop a build (or ``rol review``) whose raw report is filed under the wrong year.

    Parameters
    ----------
    paths : layout.BuildPaths
        The region-year being built (``paths.raw`` is its raw report).
    meta : dict
        The extraction's ``meta``: ``stated_year``, ``title`` and ``warnings``.
    command : str
        ``build`` (also ``rol validate`` and ``rol extract`` of a region-year) or
        ``review``: what the message says to run again and what was not done.

    Returns
    -------
    list of str
        ``meta["warnings"]`` with the year warning reworded when the filing year is
        confirmed (the brief still says that the title states another year), and a
        note when the report is confirmed as another region's too.

    Raises
    ------
    InputError
        Another file of the region has the same bytes or text (:func:`text_digest`);
        another region's file has the same bytes or text and neither region's
        ``<year>.shared.txt`` names the other (or it is another year's); or the report
        states another year and no confirmation file
        says the filing year (exit 2; nothing written).
    """
    from . import layout

    raw, year = Path(paths.raw), int(paths.year)
    again, undone = _stopped(paths, command)
    warnings = list(meta.get("warnings") or [])
    size, digest = raw.stat().st_size, None  # the raw report is hashed once, if at all
    said = None  # its text digest, computed once, when a file of another size is compared
    for other in _raw_reports(raw.parent.parent):
        if other == raw:
            continue
        if other.stat().st_size == size:
            digest = digest or sha256_file(raw)
            same = "bytes" if sha256_file(other) == digest else None
        else:
            same = None
        if same is None:
            # a copy re-saved in another encoding, line endings or format: same text
            if other.suffix.lower() not in TEXT_COMPARED:
                continue
            said = said or text_digest(raw, paths.root) or "-"
            if said == "-" or text_digest(other, paths.root) != said:
                continue
            same = "text"
        if other.parent != raw.parent:
            warnings += _other_region(paths, meta, other, same, command)
            continue
        # the same region: another year's file (raw_files gives one name per year here,
        # BuildPaths.raw having refused two files of one year)
        stated = meta.get("stated_year")
        hint = (f" The report states the year {stated}, so keep "
                f"{raw.parent / (str(stated) + raw.suffix)}." if stated else "")
        raise InputError(
            f"{raw}: {_same(same, other)}: one report filed "
            f"under two years ({year} and {other.stem}), so one of the two briefs would "
            f"be published for a year without a report, and the year-over-year table "
            f"would compare the report with itself. Fix: remove the copy filed under "
            f"the wrong year and {again}.{hint} {undone}"
        )
    stated = meta.get("stated_year")
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
        f"and {again}. {undone}"
    )


def year_mismatch(paths) -> str | None:
    """What ``rol list`` says of a region-year whose report states another year than
    its file name and no confirmation file confirms it (:func:`check` stops its build
    on that), or None. A PDF is not read for this (see :func:`text_digest`)."""
    from . import layout

    raw, year = Path(paths.raw), int(paths.year)
    stated = stated_year(raw, paths.root)
    if stated is None or stated == year:
        return None
    confirm = confirmation_file(paths.root, paths.region, year)
    try:
        if _confirmed(confirm, year):
            return None
    except InputError:
        return None  # the build says what is wrong with the confirmation file
    there = layout.raw_files(raw.parent, stated)
    fix = (f"remove it if it is another copy of {there[0].name}" if there
           else f"rename it to {stated}{raw.suffix}")
    return (f"year mismatch: the report states {stated}, so `rol build` stops on it "
            f"({fix}, or confirm {year} in data/reviews/{paths.region}/{confirm.name})")


def _raw_reports(raw_root: Path) -> list[Path]:
    """Every region's raw reports under ``data/raw`` (``layout.raw_files``)."""
    from . import layout

    if not raw_root.is_dir():
        return []
    return [f for d in sorted(raw_root.iterdir())
            if d.is_dir() and layout.REGION_RE.match(d.name) for f in layout.raw_files(d)]


def _same(same: str, other: Path, whose: str = "") -> str:
    """How a raw report is the same as ``other`` (``whose`` follows its name): its
    bytes, or its text only."""
    if same == "bytes":
        return f"it is byte for byte the same file as {other}{whose}"
    return (f"its text is identical to that of {other}{whose}, though the files differ "
            f"(another encoding, line endings or format: a re-saved copy)")


def _other_region(paths, meta: dict, other: Path, same: str = "bytes",
                  command: str = "build") -> list[str]:
    """The brief's note on a report that is ``other``, another region's raw report
    (byte for byte, or its text: ``same``), when the two regions confirmed that they
    publish one report (else InputError: it is a copy filed under the wrong region)."""
    from . import regions

    raw, year, region = Path(paths.raw), int(paths.year), paths.region
    theirs, their_year = other.parent.name, int(other.stem)
    if their_year == year:
        confirmed = _shared(paths.root, region, theirs, year)
        if confirmed is not None:
            what = "the same file as" if same == "bytes" else "the same text as"
            return [f"{raw.name}: {what} {theirs}'s report {other.name}; one "
                    f"report of both regions, confirmed in data/reviews/"
                    f"{confirmed.parent.name}/{confirmed.name}."]
    # whose report it is, when its title names one of the two places
    known = regions.metadata(paths.root)
    names = {slug: (known.get(slug) or {}).get("zh_name") for slug in (region, theirs)}
    title = meta.get("title") or ""
    named = [slug for slug, name in names.items() if name and name in title]
    if len(named) == 2 and names[named[0]] != names[named[1]]:
        # 荔湾区司法局 names 荔湾区 too: the longer name that the title holds is the owner
        longer = max(named, key=lambda slug: len(names[slug]))
        shorter = min(named, key=lambda slug: len(names[slug]))
        if names[shorter] in names[longer]:
            named = [longer]
    owner = named[0] if len(named) == 1 else None
    hint = (f" Its title ({title!r}) names {names[owner]}: it is {owner}'s report."
            if owner else "")
    if owner == region:
        fix = f"put {theirs}'s own {their_year} report at {other} in place of the copy"
    else:
        fix = f"put {region}'s own {year} report at {raw} in place of the copy"
    if their_year == year:
        fix += (f". If the two regions really publish one report (one government for "
                f"both), confirm it: write {theirs} on the first line of "
                f"{shared_file(paths.root, region, year)} (a note why may follow)")
    whose = f", the {their_year} report of another region ({theirs})"
    raise InputError(
        f"{raw}: {_same(same, other, whose)}: a report copied in under the wrong region, so "
        f"{theirs}'s figures would be published as {region}'s and counted twice in the "
        f"panel.{hint} Fix: {fix}; then {_stopped(paths, command)[0]}. "
        f"{_stopped(paths, command)[1]}"
    )
