"""The indicator catalogue, loaded from ``catalogue/indicators.toml``.

The catalogue is data: extraction reads its matching patterns, validation its ranges
and relations, analysis its ratios, the brief its names.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .exceptions import InputError

KINDS = ("count", "amount", "rate", "change")
RELATION_TYPES = ("ratio", "le", "sum", "intensity")
SEVERITIES = ("gate", "warn")


@dataclass(frozen=True)
class Section:
    id: str
    zh_name: str
    en_name: str
    heading_patterns: tuple[str, ...] = ()
    display_patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    id: str
    section: str
    zh_name: str
    en_name: str
    kind: str
    units: tuple[str, ...]
    min: float
    max: float
    core: bool = False
    patterns: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: what is counted and what is not ("" when the catalogue writes none)
    definition: str = ""
    #: other sections whose headings the indicator plainly stands under in some reports
    #: (送法入企 under 营商环境 or under 普法): the brief's section tables show it under
    #: the heading's section when that is one of these, else under ``section``
    shown_in: tuple[str, ...] = ()
    #: the kinds the indicator counts together (培训 and 讲座 for law training sessions,
    #: 行政处罚 and 行政许可 for enforcement records published): a number whose own clause
    #: names one of them beside a number naming another is one kind, a part
    #: (:func:`rol_analysis.parts._one_kind_of_several`), never the indicator's figure
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    zh_name: str
    en_name: str
    severity: str = "warn"
    rate: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    tolerance: float = 0.5
    left: str | None = None
    right: str | None = None
    parts: tuple[str, ...] = ()
    whole: str | None = None

    @property
    def indicators(self) -> tuple[str, ...]:
        """Every indicator id the relation reads, in a stable order."""
        ids = [self.rate, self.numerator, self.denominator, self.left, self.right,
               *self.parts, self.whole]
        return tuple(i for i in ids if i)


@dataclass(frozen=True)
class Catalogue:
    sections: tuple[Section, ...]
    indicators: dict[str, Indicator] = field(hash=False)
    relations: tuple[Relation, ...]
    source: str = ""
    #: ``[completeness] expected``: what a government's annual report is expected to
    #: state (the warning suite's ``completeness.core``; none when empty).
    expected: tuple[str, ...] = ()
    #: a project's extension files (``<root>/catalogue/*.toml``) read on top of
    #: ``source``, in the order read (none: the packaged catalogue alone)
    extensions: tuple[str, ...] = ()

    def indicator(self, indicator_id: str) -> Indicator:
        return self.indicators[indicator_id]


def default_path() -> Path:
    """Path of the catalogue shipped with the package."""
    return Path(str(resources.files("rol_analysis") / "catalogue" / "indicators.toml"))


#: A project's own catalogue: ``<root>/catalogue/*.toml``, extension files read (in name
#: order) on top of the packaged catalogue, so the package's updates still reach it.
PROJECT_DIR = "catalogue"
#: The project root whose ``catalogue/`` extends the packaged catalogue, for every
#: :func:`load` of this process and of the workers and notebook kernels it starts (they
#: inherit the environment; ``rol build`` also hands it to each kernel it reuses).
ROOT_ENV = "ROL_CATALOGUE_ROOT"
#: What an extension file may hold: the rest (sections, same_words, [completeness]) is
#: the packaged catalogue's.
EXTENSION_TABLES = ("indicator", "alias", "relation")
#: The fields of an ``[[alias]]``: what ``rol catalogue suggest`` prints (indicator,
#: measure, units, patterns) and the lists it adds to the indicator it names.
ALIAS_FIELDS = ("indicator", "measure", "patterns", "aliases", "units", "exclude")


def use_project(root) -> None:
    """Make ``root``'s ``catalogue/`` (when it has one) extend the catalogue that
    :func:`load` returns in this process and in the processes it starts."""
    os.environ[ROOT_ENV] = str(Path(root).absolute())


def project_root() -> Path | None:
    """The root :func:`use_project` named (None: the packaged catalogue alone)."""
    root = os.environ.get(ROOT_ENV)
    return Path(root) if root else None


def extension_files(root=None) -> tuple[Path, ...]:
    """``<root>/catalogue/*.toml`` in name order (``root``: default :func:`project_root`)."""
    root = project_root() if root is None else Path(root)
    folder = root / PROJECT_DIR if root is not None else None
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted(p for p in folder.glob("*.toml") if p.is_file()))


def digest(root=None) -> str:
    """sha256 of the effective catalogue: the packaged file's own when the project has
    no extension files (so a project without one sees no change), else of the packaged
    file's digest and each extension's name and digest."""
    from .fileio import sha256_cached

    base = sha256_cached(default_path())
    exts = extension_files(root)
    if not exts:
        return base
    h = hashlib.sha256(base.encode())
    for p in exts:
        h.update(f"\0{p.name}\0{sha256_cached(p)}".encode())
    return h.hexdigest()


def describe(root=None) -> str:
    """One line naming the effective catalogue: the package version, a short sha256
    and the extension files (the brief's footer)."""
    from . import __version__

    exts = extension_files(root)
    more = "".join(f" + {PROJECT_DIR}/{p.name}" for p in exts)
    return f"rol-analysis {__version__} 内置 packaged{more} · SHA-256 {digest(root)[:12]}"


def _fail(path: Path, problem: str) -> InputError:
    return InputError(
        f"{path}: {problem}. Fix the catalogue file (see the comment at its top for the "
        "fields each entry takes) and run again."
    )


def _same_words(path: Path, groups) -> list[tuple[str, ...]]:
    """The catalogue's ``same_words``: groups of words a report writes for one act
    (召开/举行 a meeting), checked: each a list of two or more distinct words of equal
    length (a pattern may hold the word inside a lookbehind, which needs one width)."""
    out = []
    for n, g in enumerate(groups, 1):
        if (not isinstance(g, list) or len(g) < 2 or len(set(g)) != len(g)
                or not all(isinstance(w, str) and w and re.escape(w) == w for w in g)
                or len({len(w) for w in g}) != 1):
            raise _fail(path, f"same_words group #{n} ({g!r}) is not a list of two or more "
                              "different plain words of the same length "
                              "(same_words = [['召开', '举行']])")
        out.append(tuple(g))
    return out


def _either_word(pattern: str, same: list[tuple[str, ...]]) -> str:
    """``pattern`` reading every word of a ``same_words`` group wherever it names one:
    '召开专题会议#' -> '(?:召开|举行)专题会议#'. A pattern that already names every word of
    a group (an alternation written by hand) is left as written for that group."""
    for group in same:
        if all(w in pattern for w in group) or not any(w in pattern for w in group):
            continue
        either = "(?:" + "|".join(group) + ")"
        pattern = re.sub("|".join(group), lambda _m, e=either: e, pattern)
    return pattern


def parse(path: Path) -> Catalogue:
    """Read and check a catalogue file.

    Raises
    ------
    InputError
        When the file is not valid TOML, an entry lacks a field, a kind, unit or
        severity is unknown, an id repeats, or a relation names an unknown indicator.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise _fail(path, f"cannot be read as TOML ({exc})") from None
    return _build(path, data)


def _build(path: Path, data: dict, extensions: tuple[str, ...] = ()) -> Catalogue:
    """The Catalogue of ``data`` (read from ``path``, or merged from it and
    ``extensions``), checked as :func:`parse` checks it."""
    sections = tuple(
        Section(
            id=s["id"], zh_name=s["zh_name"], en_name=s["en_name"],
            heading_patterns=tuple(s.get("heading_patterns", ())),
            display_patterns=tuple(s.get("display_patterns", ())),
        )
        for s in data.get("section", [])
    )
    section_ids = {s.id for s in sections}
    same = _same_words(path, data.get("same_words", []))
    indicators: dict[str, Indicator] = {}
    for n, raw in enumerate(data.get("indicator", []), 1):
        if problem := _kinds_problem(raw):
            raise _fail(path, f"indicator {raw.get('id', n)!r}: {problem} (list each sort of "
                              f"the thing counted once: kinds = ['培训', '讲座'])")
        try:
            ind = Indicator(
                id=raw["id"], section=raw["section"], zh_name=raw["zh_name"],
                en_name=raw["en_name"], kind=raw["kind"], units=tuple(raw["units"]),
                min=float(raw["min"]), max=float(raw["max"]), core=bool(raw.get("core", False)),
                patterns=tuple(_either_word(p, same) for p in raw.get("patterns", ())),
                aliases=tuple(raw.get("aliases", ())),
                exclude=tuple(raw.get("exclude", ())),
                definition=raw.get("definition", ""),
                shown_in=tuple(raw.get("shown_in", ())),
                kinds=tuple(raw.get("kinds", ())),
            )
        except KeyError as exc:
            raise _fail(path, f"indicator #{n} lacks the field {exc}") from None
        if not isinstance(ind.definition, str):
            raise _fail(path, f"indicator {ind.id!r} has a definition that is not a string")
        if ind.id in indicators:
            raise _fail(path, f"indicator id {ind.id!r} appears twice")
        if ind.kind not in KINDS:
            raise _fail(path, f"indicator {ind.id!r} has kind {ind.kind!r}; use one of {KINDS}")
        if ind.section not in section_ids:
            raise _fail(path, f"indicator {ind.id!r} names unknown section {ind.section!r}")
        for sec in ind.shown_in:
            if sec not in section_ids:
                raise _fail(path, f"indicator {ind.id!r} names unknown section {sec!r} in "
                                  "shown_in")
        indicators[ind.id] = ind

    relations = []
    for n, raw in enumerate(data.get("relation", []), 1):
        raw = dict(raw)
        if "parts" in raw:
            raw["parts"] = tuple(raw["parts"])
        try:
            rel = Relation(**raw)
        except TypeError as exc:
            raise _fail(path, f"relation #{n} ({raw.get('id')}): {exc}") from None
        if rel.type not in RELATION_TYPES:
            raise _fail(path, f"relation {rel.id!r} has type {rel.type!r}; use one of "
                              f"{RELATION_TYPES}")
        if rel.severity not in SEVERITIES:
            raise _fail(path, f"relation {rel.id!r} has severity {rel.severity!r}; use one "
                              f"of {SEVERITIES}")
        for ref in rel.indicators:
            if ref not in indicators:
                raise _fail(path, f"relation {rel.id!r} names unknown indicator {ref!r}")
        relations.append(rel)
    return Catalogue(sections, indicators, tuple(relations), source=str(path),
                     expected=_expected(path, data.get("completeness", {}), indicators),
                     extensions=extensions)


def _expected(path: Path, table, indicators) -> tuple[str, ...]:
    """The ``[completeness]`` table's ``expected`` ids, checked: a list of known,
    distinct indicator ids, beside a ``min_share`` between 0 and 1 when one is given."""
    if not isinstance(table, dict):
        raise _fail(path, "completeness is not a table (write [completeness] with "
                          "min_share and expected)")
    share = table.get("min_share", 0.5)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
        raise _fail(path, f"completeness min_share {share!r} is not a share between 0 "
                          "and 1 (0.5: half the reports of a level)")
    ids = table.get("expected", [])
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise _fail(path, "completeness expected is not a list of indicator ids")
    for iid in ids:
        if iid not in indicators:
            raise _fail(path, f"completeness expected names unknown indicator {iid!r}")
    if len(set(ids)) != len(ids):
        raise _fail(path, "completeness expected names an indicator twice")
    return tuple(ids)


def load(path: str | None = None) -> Catalogue:
    """Load the catalogue; cached.

    ``path``: that file alone. Default: the effective catalogue, the packaged one
    extended by the files of :func:`extension_files` (of :func:`project_root`).

    Raises
    ------
    InputError
        When the catalogue has a problem. With extension files: every problem of the
        full check, each with its file and line; without: the first problem
        :func:`parse` meets (``rol catalogue check``, :func:`check`, lists them all).
    """
    if path:
        return _load(str(path), ())
    from .fileio import stat_key

    return _load(str(default_path()), tuple((str(p), stat_key(p)) for p in extension_files()))


@lru_cache(maxsize=8)
def _load(path: str, extensions: tuple) -> Catalogue:
    if not extensions:
        return parse(Path(path))
    files = tuple(Path(p) for p, _ in extensions)
    data, origins, problems = _merged(Path(path), files)
    if data is not None:
        problems += _check_data(data, origins)[0]
    if problems:
        raise InputError(refusal(problems, path))
    return _build(Path(path), data, tuple(str(p) for p in files))


def refusal(problems: list[Problem], source,
            outcome: str = "Nothing was built or changed.") -> str:
    """The message of a refused catalogue: each problem with its file, line and fix,
    then ``outcome`` (what the refusing command left undone)."""
    return ("\n".join(p.message(str(source)) for p in problems)
            + f"\n{len(problems)} problem(s) in the catalogue; `rol catalogue check` lists "
            f"the same. {outcome}")


def require_valid(root, outcome: str = "Nothing was built or changed.") -> None:
    """Refuse (exit 2), before anything is built, a catalogue :func:`check` rejects:
    the packaged one extended by ``root``'s ``catalogue/*.toml``; each problem is named
    with its file, line and fix, as ``rol catalogue check`` names it."""
    from .exceptions import UsageError

    problems, _ = check(root=root)
    if problems:
        raise UsageError(refusal(problems, default_path(), outcome))


# ----------------------------------------------------------------------------- checking

@dataclass(frozen=True)
class Problem:
    """One thing wrong in a catalogue file: where, what, and how to fix it."""

    entry: str    # e.g. "indicator 'admin_reconsideration_closed'"
    problem: str
    fix: str
    #: the file the entry is in ("": the file checked) and the line of its header
    file: str = ""
    line: int | None = None

    def message(self, source: str) -> str:
        at = f"{self.file or source}" + (f":{self.line}" if self.line else "")
        return f"{at}: {self.entry}: {self.problem}. Fix: {self.fix}"


def _units_fix() -> str:
    from .mentions import UNITS

    return ("use one of the counting words the extractor reads (scale removed: 元 not "
            "万元): " + " ".join(UNITS))


def _header_lines(text: str, table: str) -> list[int]:
    """The line of each ``[[table]]`` header of ``text``, in order (tomllib gives no
    positions; an entry written another way, as an inline array, has none)."""
    pat = re.compile(rf"^[ \t]*\[\[[ \t]*{table}[ \t]*\]\]", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pat.finditer(text)]


def _read(path: Path) -> tuple[dict | None, str, list[Problem]]:
    """``path``'s TOML (None when it cannot be read), its text, and why not."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text), text, []
    except FileNotFoundError:
        fix = "give the path of an indicators.toml"
        return None, "", [Problem("file", "does not exist", fix, where)]
    except (OSError, UnicodeDecodeError) as exc:
        return None, "", [Problem("file", f"cannot be read ({exc})", "save it as UTF-8 text",
                                  where)]
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        return None, "", [Problem("file", f"is not valid TOML ({exc})",
                                  "correct the syntax at the line given", where, line)]


def _origins(path: Path, text: str, data: dict, tables=("section", "indicator",
                                                         "relation")) -> dict:
    """(table, n) -> (file, line) for the n-th (from 1) entry of each table of ``data``."""
    out = {}
    for table in tables:
        entries = data.get(table, [])
        lines = _header_lines(text, table)
        if not isinstance(entries, list) or len(lines) != len(entries):
            lines = [None] * (len(entries) if isinstance(entries, list) else 0)
        for n, line in enumerate(lines, 1):
            out[(table, n)] = (str(path), line)
    return out


def _merged(path: Path, extensions) -> tuple[dict | None, dict, list[Problem]]:
    """The packaged catalogue ``path`` with the ``extensions`` read on top: the data as
    one catalogue, where each entry came from ((table, n) -> (file, line)), and the
    problems of the extensions as such (a table they may not hold, a packaged id
    redefined, an alias naming an unknown indicator or bringing a bad pattern or unit).
    An entry with such a problem is left out of the data."""
    from .mentions import UNITS

    data, text, problems = _read(path)
    if data is None:
        return None, {}, problems
    data = dict(data)
    origins = _origins(path, text, data)
    packaged = {t: {e.get("id") for e in data.get(t, []) if isinstance(e, dict)}
                for t in ("indicator", "relation")}
    for t in ("indicator", "relation"):
        data[t] = list(data.get(t, []))
    aliases = []
    for ext in extensions:
        ext = Path(ext)
        more, text, found = _read(ext)
        problems += found
        if more is None:
            continue
        lines = _origins(ext, text, more, EXTENSION_TABLES)
        for key in sorted(set(more) - set(EXTENSION_TABLES)):
            problems.append(Problem(
                "file", f"has a table {key!r} that an extension file does not read",
                "an extension adds [[indicator]], [[alias]] and [[relation]] entries "
                "only (sections, same_words and [completeness] are the packaged "
                f"catalogue's, {path}); move or delete it", str(ext)))
        for table in EXTENSION_TABLES:
            if not isinstance(more.get(table, []), list):
                problems.append(Problem(
                    "file", f"has {table!r} as one table, not a list of entries",
                    f"write each entry under its own [[{table}]] header", str(ext)))
                more[table] = []
            # `alias = [1, 2]` was skipped without a word and `indicator = ["x"]` crashed
            # the full check: each entry that is not a table is named, then left out
            entries = more.get(table, [])
            for n, raw in enumerate(entries, 1):
                if not isinstance(raw, dict):
                    problems.append(Problem(
                        "file", f"entry {n} of [[{table}]] is not a table ({raw!r})",
                        f"write each entry under its own [[{table}]] header with its "
                        "fields (key = value)", str(ext), lines[(table, n)][1]))
            more[table] = [raw if isinstance(raw, dict) else None for raw in entries]
        for table in ("indicator", "relation"):
            for n, raw in enumerate(more.get(table, []), 1):
                if raw is None:  # not a table: named above
                    continue
                file, line = lines[(table, n)]
                rid = raw.get("id") if isinstance(raw, dict) else None
                if rid in packaged[table]:
                    also = (" (an [[alias]] with indicator = '…' adds patterns, units, "
                            "aliases or exclude rules to the packaged one)"
                            if table == "indicator" else "")
                    problems.append(Problem(
                        f"{table} {rid!r}", f"redefines the packaged {table} of that id "
                        f"({path})", f"give it an id of its own{also}", file, line))
                    continue
                origins[(table, len(data[table]) + 1)] = (file, line)
                data[table].append(raw)
        aliases += [(raw, *lines[("alias", n)])
                    for n, raw in enumerate(more.get("alias", []), 1) if raw is not None]
    by_id = {e.get("id"): n for n, e in enumerate(data["indicator"]) if isinstance(e, dict)}
    for raw, file, line in aliases:
        target = raw.get("indicator") if isinstance(raw, dict) else None
        where = f"alias of {target!r}"
        found = []
        if not isinstance(raw, dict):
            continue
        if target not in by_id:
            found.append(Problem(where, f"names unknown indicator {target!r}",
                                 "use the id of an indicator of the packaged catalogue or "
                                 "of an extension file (`rol catalogue check` names them "
                                 "all; the brief's tables show ids)", file, line))
        for key in sorted(set(raw) - set(ALIAS_FIELDS)):
            found.append(Problem(where, f"field {key!r} is unknown",
                                 f"use {', '.join(ALIAS_FIELDS)}", file, line))
        if not any(raw.get(k) for k in ("patterns", "aliases", "units", "exclude")):
            found.append(Problem(where, "adds nothing to the indicator",
                                 "give it patterns = ['…#…'] (or aliases, units, exclude)",
                                 file, line))
        for key, need_hash in (("patterns", True), ("aliases", False), ("exclude", False)):
            found += [replace(p, file=file, line=line) for p in
                      _regex_problems(where, key, raw.get(key, []), need_hash)]
        units = raw.get("units", [])
        if not isinstance(units, list):
            found.append(Problem(where, "units is not a list of strings",
                                 "write units = ['件']", file, line))
        for unit in units if isinstance(units, list) else []:
            if unit not in UNITS:
                found.append(Problem(where, f"unit {unit!r} is not a counting word the "
                                            "extractor reads", _units_fix(), file, line))
        problems += found
        if found:
            continue
        n = by_id[target]
        ind = dict(data["indicator"][n])
        for key in ("patterns", "aliases", "units", "exclude"):
            have = list(ind.get(key, []))
            ind[key] = have + [x for x in raw.get(key, []) if x not in have]
        data["indicator"][n] = ind
    return data, origins, problems


@cache
def _regex_error(pat: str) -> str:
    """Why ``pat`` is no regular expression ("" when it is). Kept: a build checks the
    whole catalogue before it starts and again in each process that loads a project's,
    and compiling its 800 patterns is most of a check."""
    try:
        re.compile(pat)
    except re.error as exc:
        return str(exc)
    return ""


def _regex_problems(where: str, field_name: str, pats, need_hash: bool) -> list[Problem]:
    out = []
    if isinstance(pats, str) or not isinstance(pats, list | tuple):
        return [Problem(where, f"{field_name} is not a list of strings",
                        f"write {field_name} = ['…', '…']")]
    for pat in pats:
        if not isinstance(pat, str):
            out.append(Problem(where, f"{field_name} entry {pat!r} is not a string",
                               "quote it ('…')"))
            continue
        if error := _regex_error(pat):
            one = {"patterns": "pattern", "aliases": "alias",
                   "heading_patterns": "heading pattern",
                   "display_patterns": "heading pattern"}.get(field_name, field_name)
            out.append(Problem(where, f"{one} {pat!r} is not a valid regular "
                                      f"expression ({error})",
                               "balance its brackets/parentheses or escape the character"))
            continue
        if need_hash and "#" not in pat:
            out.append(Problem(where, f"pattern {pat!r} has no '#'",
                               "put '#' where the number stands, e.g. '调解纠纷#'"))
    return out


def _kinds_problem(raw: dict) -> str:
    """What is wrong with an indicator's ``kinds`` (``""`` when nothing is): a list of
    non-empty strings, none twice, none the indicator itself (its zh_name, that name
    without its counting word, or a word one of its aliases matches whole)."""
    import re

    get = raw.get
    kinds = get("kinds", [])
    if isinstance(kinds, str) or not isinstance(kinds, list | tuple):
        return "kinds is not a list of strings"
    seen: set[str] = set()
    name = get("zh_name", "") or ""
    whole = {name, re.sub(r"(?:场次|次数|条数|件数|人数|人次|个数|项数|数|量)$", "", name)}
    for kind in kinds:
        if not isinstance(kind, str) or not kind.strip():
            return f"kinds entry {kind!r} is not a non-empty string"
        if kind in seen:
            return f"kind {kind!r} appears twice"
        seen.add(kind)
        if kind in whole:
            return f"kind {kind!r} is the indicator's own name, not a kind of it"
        for alias in get("aliases", ()) or ():
            try:
                if isinstance(alias, str) and re.fullmatch(alias, kind):
                    return (f"kind {kind!r} is what its alias {alias!r} names: the "
                            "indicator itself, not a kind of it")
            except re.error:
                continue  # the alias's own problem, reported on its own
    return ""


def check(path=None, root=None) -> tuple[list[Problem], dict]:
    """Every problem of a catalogue, not only the first.

    Checks what extraction, the suites and analysis rely on: the file is TOML; sections
    and indicators have their fields; ids are unique (sections, indicators, relations);
    an indicator's kind and section exist; its units are counting words the extractor
    reads (:data:`rol_analysis.mentions.UNITS`); min <= max; patterns, aliases, exclude
    and heading patterns are valid regular expressions and every pattern holds ``#``;
    a definition, when present, is a non-empty string; kinds, when present, are
    distinct non-empty strings, none the indicator's own name or a word its aliases match;
    relations have a known type and severity, the fields their type needs, and name
    only known indicators (a ratio's rate is a rate). A project's extension files are
    checked as part of the catalogue they extend, and for what only they can get wrong
    (:func:`_merged`). Each problem names its file and the line of its entry's header.

    Parameters
    ----------
    path : path-like, optional
        A catalogue file, checked alone (default: the packaged one, extended by the
        files of :func:`extension_files` of ``root``).
    root : path-like, optional
        The project root (default: :func:`project_root`); read only without ``path``.

    Returns
    -------
    (list of Problem, dict)
        The problems (empty when the catalogue is fine) and counts of sections,
        indicators, relations and patterns.
    """
    if path:
        data, text, problems = _read(Path(path))
        origins = _origins(Path(path), text, data) if data is not None else {}
    else:
        data, origins, problems = _merged(default_path(), extension_files(root))
    if data is None:
        return problems, {}
    more, counts = _check_data(data, origins)
    return problems + more, counts


def _check_data(data: dict, origins: dict) -> tuple[list[Problem], dict]:
    """:func:`check` of TOML ``data``; ``origins``: (table, n) -> (file, line)."""
    from .mentions import UNITS

    problems: list[Problem] = []
    # a table the loader does not read is dropped without a word; the usual case is an
    # [[alias]] proposal of `rol catalogue suggest` pasted in as it was printed
    for key in sorted(set(data) - {"same_words", "section", "indicator", "relation",
                                   "completeness"}):
        problems.append(Problem(
            "file", f"has a table {key!r} that the catalogue does not read",
            "move what it says into an [[indicator]] (an [[alias]] from rol catalogue "
            "suggest: add its patterns to the patterns of the indicator it names) and "
            "delete the table; a project's own catalogue/<name>.toml reads [[alias]] "
            "tables as printed"))
    section_ids: set[str] = set()
    def entry(table, n, ident):
        """The entry's name in a message, and its place ((file, line))."""
        file, line = origins.get((table, n), ("", None))
        return (f"{table} {ident!r}" if line else f"{table} #{n} ({ident})"), (file, line)

    def placed(start, at):
        problems[start:] = [p if p.file else replace(p, file=at[0], line=at[1])
                            for p in problems[start:]]

    for n, raw in enumerate(data.get("section", []), 1):
        where, at = entry("section", n, raw.get("id", "?"))
        start = len(problems)
        for key in ("id", "zh_name", "en_name"):
            if key not in raw:
                problems.append(Problem(where, f"lacks the field {key!r}",
                                        f"add {key} = \"…\""))
        if raw.get("id") in section_ids:
            problems.append(Problem(where, "id appears twice", "give each section its own id"))
        section_ids.add(raw.get("id"))
        for key in ("heading_patterns", "display_patterns"):
            problems += _regex_problems(where, key, raw.get(key, []), False)
        placed(start, at)

    ids: dict[str, str] = {}  # id -> kind
    names: dict[str, str] = {}  # zh_name -> id
    n_patterns = 0
    for n, raw in enumerate(data.get("indicator", []), 1):
        iid = raw.get("id", "?")
        where, at = entry("indicator", n, iid)
        start = len(problems)
        for key in ("id", "section", "zh_name", "en_name", "kind", "units", "min", "max"):
            if key not in raw:
                problems.append(Problem(where, f"lacks the field {key!r}",
                                        f"add {key} = … (see the comment at the top)"))
        if iid in ids:
            problems.append(Problem(where, f"id {iid!r} appears twice",
                                    "rename one of them or merge the two entries"))
        for key, lang in (("zh_name", "Chinese"), ("en_name", "English")):
            if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
                problems.append(Problem(where, f"{key} is empty",
                                        f"write the indicator's {lang} name"))
        # the stable placeholder id rol catalogue suggest prints (<section>_<8 hex digits>)
        if isinstance(iid, str) and re.search(r"_[0-9a-f]{8}$", iid):
            problems.append(Problem(where, f"id {iid!r} is the placeholder rol catalogue "
                                           "suggest printed",
                                    "rename it to a snake_case name of what it counts "
                                    "(e.g. legal_aid_cases)"))
        zh = raw.get("zh_name")
        # briefs, tables and the worksheet label a number by the indicator's zh_name: two
        # indicators with one name cannot be told apart there
        if isinstance(zh, str) and zh.strip():
            if zh in names:
                problems.append(Problem(where, f"zh_name {zh!r} is also the name of "
                                               f"{names[zh]}",
                                        "give each indicator its own name (say what "
                                        "differs: the unit or the thing counted), or merge "
                                        "the two entries"))
            names.setdefault(zh, iid)
        kind = raw.get("kind")
        ids[iid] = kind
        if "kind" in raw and kind not in KINDS:
            problems.append(Problem(where, f"kind {kind!r} is unknown",
                                    f"use one of {', '.join(KINDS)}"))
        if "section" in raw and raw["section"] not in section_ids:
            problems.append(Problem(where, f"section {raw['section']!r} is unknown",
                                    f"use one of {', '.join(sorted(section_ids))}"))
        shown_in = raw.get("shown_in", [])
        for sec in shown_in if isinstance(shown_in, list) else [shown_in]:
            if sec not in section_ids or sec == raw.get("section"):
                problems.append(Problem(
                    where, f"shown_in names {sec!r}, which is "
                    + ("its own section" if sec == raw.get("section") else "unknown"),
                    f"list other sections only, of {', '.join(sorted(section_ids))}"))
        units = raw.get("units", [])
        for unit in units if isinstance(units, list) else [units]:
            if unit not in UNITS:
                problems.append(Problem(
                    where, f"unit {unit!r} is not a counting word the extractor reads",
                    _units_fix()))
        try:
            if float(raw.get("min", 0)) > float(raw.get("max", 0)):
                problems.append(Problem(where, "min is greater than max", "swap them"))
        except (TypeError, ValueError):
            problems.append(Problem(where, "min or max is not a number", "write a number"))
        pats = raw.get("patterns", [])
        n_patterns += len(pats) if isinstance(pats, list) else 0
        if not pats and not raw.get("aliases"):
            problems.append(Problem(where, "has no patterns and no aliases, so nothing "
                                           "can ever be named with it",
                                    "add patterns = ['…#…']"))
        problems += _regex_problems(where, "patterns", pats, True)
        problems += _regex_problems(where, "aliases", raw.get("aliases", []), False)
        problems += _regex_problems(where, "exclude", raw.get("exclude", []), False)
        if "definition" in raw:
            definition = raw["definition"]
            if not isinstance(definition, str):
                problems.append(Problem(where, "definition is not a string",
                                        'write definition = "what is counted and what is '
                                        'not" (or remove it)'))
            elif not definition.strip():
                problems.append(Problem(where, "definition is empty",
                                        "write what is counted and what is not, or remove "
                                        "the field"))
        if "kinds" in raw and (problem := _kinds_problem(raw)):
            problems.append(Problem(where, problem,
                                    "list each sort of the thing counted once, as the "
                                    "reports write it (kinds = ['培训', '讲座']), never the "
                                    "indicator itself or a synonym of it"))
        placed(start, at)

    fields = {"ratio": ("rate", "numerator", "denominator"), "le": ("left", "right"),
              "sum": ("parts", "whole"), "intensity": ("numerator", "denominator")}
    rel_ids: set[str] = set()
    for n, raw in enumerate(data.get("relation", []), 1):
        where, at = entry("relation", n, raw.get("id", "?"))
        start = len(problems)
        if raw.get("id") in rel_ids:
            problems.append(Problem(where, "id appears twice", "give each relation its own id"))
        rel_ids.add(raw.get("id"))
        rtype = raw.get("type")
        if rtype not in RELATION_TYPES:
            problems.append(Problem(where, f"type {rtype!r} is unknown",
                                    f"use one of {', '.join(RELATION_TYPES)}"))
        if raw.get("severity", "warn") not in SEVERITIES:
            problems.append(Problem(where, f"severity {raw.get('severity')!r} is unknown",
                                    f"use one of {', '.join(SEVERITIES)}"))
        for key in fields.get(rtype, ()):
            if key not in raw:
                problems.append(Problem(where, f"a {rtype} relation needs {key!r}",
                                        f"add {key} = …"))
        unknown = set(raw) - {f.name for f in Relation.__dataclass_fields__.values()}
        for key in sorted(unknown):
            problems.append(Problem(where, f"field {key!r} is unknown",
                                    "remove it or correct its spelling"))
        refs = [raw.get(k) for k in ("rate", "numerator", "denominator", "left", "right",
                                     "whole")] + list(raw.get("parts", []))
        for ref in refs:
            if ref and ref not in ids:
                problems.append(Problem(where, f"names unknown indicator {ref!r}",
                                        "use the id of an [[indicator]] of the catalogue"))
        if rtype == "ratio" and raw.get("rate") in ids and ids[raw["rate"]] != "rate":
            problems.append(Problem(where, f"rate {raw['rate']!r} is not of kind rate",
                                    "point rate at a kind = \"rate\" indicator"))
        placed(start, at)
    try:
        _expected(Path("catalogue"), data.get("completeness", {}), ids)
    except InputError as exc:
        problems.append(Problem("[completeness]", str(exc).split(": ", 1)[-1].split(". Fix")[0],
                                "list indicator ids of this file once each in expected, "
                                "with min_share between 0 and 1"))
    counts = {"sections": len(section_ids), "indicators": len(ids),
              "relations": len(rel_ids), "patterns": n_patterns}
    return problems, counts
